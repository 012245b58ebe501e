"""Tests of the document format: strictness, problems with paths, formats, versions, safety."""

import copy
import datetime as dt
import gc
import json
import tomllib
from pathlib import Path
from types import MappingProxyType

import pytest
import yaml

import medborgarlofte
from medborgarlofte import (
    FORMAT_VERSION,
    Activity,
    Ongoing,
    Party,
    PartyKind,
    PeriodQuota,
    Promise,
    Quantity,
    Report,
    UnsupportedFormatError,
    ValidationError,
    dump,
    dump_many,
    dumps,
    dumps_many,
    from_dict,
    load,
    load_many,
    load_with_warnings,
    loads,
    loads_many,
    loads_with_warnings,
    to_dict,
)
from medborgarlofte._formats import msgspec_engine as _msgspec
from medborgarlofte._formats import syntax as _formats
from medborgarlofte._formats import versioning as _versioning
from medborgarlofte._formats.converter import (
    CONVERTER,
    JSON_CONVERTER,
    SmallFloat,
    make_converter,
)
from serde_sample import sample_promise


def _doc() -> dict:
    return to_dict(sample_promise())


def _problems(document: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        from_dict(document)  # type: ignore[arg-type]
    return [(p.path, p.code) for p in caught.value.problems]


def _problems_text(text: str | bytes, fmt: str = "json") -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        loads(text, format=fmt)  # type: ignore[arg-type]
    return [(p.path, p.code) for p in caught.value.problems]


# --- the document ------------------------------------------------------------------


_UNITS_PROMISE = Promise(
    id="p",
    title="T",
    parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
    activities=(
        Activity(
            id="a",
            title="Krogtillsyn",
            target=PeriodQuota(amount=4, unit="krogtillsyner", unit_singular="krogtillsyn"),
        ),
        Activity(id="b", title="Dialog", target=PeriodQuota(amount=2, unit="dialoger")),
    ),
    reports=(
        Report(
            activity="a",
            quantities=(Quantity(value=1, unit="person avvisad", unit_plural="personer avvisade"),),
        ),
    ),
)


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_unit_forms_round_trip_and_are_omitted_when_not_given(fmt):
    """A stated form of a unit survives every format; a form not given writes no key."""
    document = to_dict(_UNITS_PROMISE)
    assert (
        _UNITS_PROMISE,
        {
            "kind": "period_quota",
            "amount": 4,
            "unit": "krogtillsyner",
            "unit_singular": "krogtillsyn",
        },
        {"kind": "period_quota", "amount": 2, "unit": "dialoger"},
        {"value": 1, "unit": "person avvisad", "unit_plural": "personer avvisade"},
    ) == (
        loads(dumps(_UNITS_PROMISE, format=fmt), format=fmt),
        document["activities"][0]["target"],
        document["activities"][1]["target"],
        document["reports"][0]["quantities"][0],
    )


def test_a_unit_form_with_a_control_character_is_refused_with_its_path():
    """A unit_plural holding a control character is a problem at its own path, not a traceback."""
    document = to_dict(_UNITS_PROMISE)
    document["activities"][1]["target"]["unit_plural"] = "dia\x1blog"
    document["reports"][0]["quantities"][0]["unit_singular"] = ""
    assert [
        ("$.activities[1].target.unit_plural", "invalid-character"),
        ("$.reports[0].quantities[0].unit_singular", "empty-text"),
    ] == _problems(document)


def test_to_dict_minimal_promise_omits_defaults():
    """A promise with only its required fields gives only those keys and the version."""
    expected = {"format_version": 2, "id": "p", "title": "T"}
    assert expected == to_dict(Promise(id="p", title="T"))


def test_to_dict_tags_targets_by_kind_first():
    """Each target is written with its `kind` tag as the first key."""
    kinds = [a["target"]["kind"] for a in _doc()["activities"]]
    assert ["period_quota", "interval_quota", "schedule", "milestone", "ongoing"] == kinds
    assert all(next(iter(a["target"])) == "kind" for a in _doc()["activities"])


def test_to_dict_writes_dates_enums_and_rules_as_text():
    """Dates are ISO text, enums their value, recurrence rules their RRULE text."""
    doc = _doc()
    assert "2022-12-12" == doc["signed_on"]
    assert "police" == doc["parties"][0]["kind"]
    assert "FREQ=WEEKLY;BYDAY=MO" == doc["activities"][2]["target"]["recurrence"]


def test_to_dict_key_order_follows_the_attributes():
    """Keys come in the order of the attributes, so output is stable."""
    keys = list(_doc())
    assert "format_version" == keys[0]
    assert ["id", "title", "parties", "period"] == keys[1:5]


def test_numbers_keep_their_type():
    """An int stays an int and a float a float through a round trip."""
    promise = loads(dumps(sample_promise()))
    assert isinstance(promise.activities[0].target.amount, int)  # type: ignore[union-attr]
    assert isinstance(promise.activities[1].target.amount, float)  # type: ignore[union-attr]


def test_float_field_accepts_an_integer_as_float():
    """A float field such as `weight` accepts 2 and holds 2.0."""
    doc = _doc()
    doc["activities"][1]["weight"] = 3
    weight = from_dict(doc).activities[1].weight
    assert (3.0, float) == (weight, type(weight))


def test_null_is_accepted_for_optional_fields():
    """A JSON null for an optional field means the default, None."""
    doc = _doc()
    doc["summary"] = None
    assert from_dict(doc).summary is None


# --- strictness: every problem, with its path ----------------------------------------


@pytest.mark.parametrize(
    ("where", "value", "code"),
    [
        (("activities", 0, "target", "amount"), "5", "wrong-type"),
        (("parties", 0, "name"), 1, "wrong-type"),
        (("activities", 1, "target", "amount"), True, "wrong-type"),
        (("signatories", 1, "acting"), 1, "wrong-type"),
        (("basis", "sources", 0, "year"), 2022.0, "wrong-type"),
        (("signed_on",), "2023-06-31", "impossible-date"),
        (("signed_on",), "12/12/2022", "not-a-date"),
        (("signed_on",), "20221212", "not-a-date"),
        (("signed_on",), 20221212, "wrong-type"),
        (("parties", 0, "kind"), "polis", "unknown-enum-value"),
        (("parties", 0, "kind"), 3, "wrong-type"),
        (("activities", 2, "target", "recurrence"), "FREQ=SOMETIMES", "invalid-rrule"),
        (("activities", 2, "target", "recurrence"), 7, "wrong-type"),
        (("activities", 0, "responsible"), "polis", "wrong-type"),
        (("period",), "2023", "wrong-type"),
        (("activities", 1, "weight"), float("nan"), "non-finite-number"),
        (("activities", 0, "target", "amount"), float("inf"), "non-finite-number"),
        (("activities", 0, "target"), [], "wrong-type"),
    ],
)
def test_a_bad_value_is_reported_at_its_path(where, value, code):
    """Each kind of bad value gives its code at the path of the value."""
    doc = _doc()
    parent = doc
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = value
    path = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in where)
    assert [(path, code)] == _problems(doc)


def test_no_coercion_of_text_to_number_or_number_to_text():
    """'5' is not a number and 5 is not a text: nothing is converted."""
    doc = _doc()
    doc["activities"][0]["target"]["amount"] = "5"
    doc["activities"][0]["target"]["unit"] = 5
    expected = [
        ("$.activities[0].target.amount", "wrong-type"),
        ("$.activities[0].target.unit", "wrong-type"),
    ]
    assert expected == _problems(doc)


def test_unknown_key_suggests_the_closest():
    """An unknown key is reported with a 'did you mean' for the closest known key."""
    doc = _doc()
    doc["activities"][0]["titel"] = doc["activities"][0].pop("title")
    with pytest.raises(ValidationError) as caught:
        from_dict(doc)
    found = {p.path: p for p in caught.value.problems}
    assert "missing-key" == found["$.activities[0].title"].code
    unknown = found["$.activities[0].titel"]
    assert "unknown-key" == unknown.code
    assert "did you mean 'title'?" in unknown.message_en
    assert "menade du 'title'?" in unknown.message_sv


def test_unknown_key_without_a_close_match_has_no_suggestion():
    """A key like nothing known gets no suggestion."""
    doc = _doc()
    doc["zzz"] = 1
    with pytest.raises(ValidationError) as caught:
        from_dict(doc)
    (problem,) = caught.value.problems
    assert ("$.zzz", "unknown-key", "unknown key 'zzz'") == (
        problem.path,
        problem.code,
        problem.message_en,
    )


def test_keys_that_are_not_identifiers_are_quoted_in_paths():
    """A key with a space is written in brackets in the path."""
    doc = _doc()
    doc["two words"] = 1
    assert [("$['two words']", "unknown-key")] == _problems(doc)


def test_missing_key_is_reported():
    """A required key that is missing is reported at its path."""
    doc = _doc()
    del doc["parties"][1]["kind"]
    assert [("$.parties[1].kind", "missing-key")] == _problems(doc)


def test_target_kind_missing_unknown_or_not_text():
    """A target's kind is required, must be a text and must be known."""
    doc = _doc()
    del doc["activities"][0]["target"]["kind"]
    doc["activities"][1]["target"]["kind"] = "quota"
    doc["activities"][2]["target"]["kind"] = 1
    expected = [
        ("$.activities[0].target.kind", "missing-key"),
        ("$.activities[1].target.kind", "unknown-target-kind"),
        ("$.activities[2].target.kind", "wrong-type"),
    ]
    assert expected == _problems(doc)


def test_unknown_enum_value_lists_the_allowed_ones():
    """The message for an unknown enum value lists every allowed value."""
    doc = _doc()
    doc["activities"][1]["target"]["per"] = "fortnight"
    with pytest.raises(ValidationError) as caught:
        from_dict(doc)
    (problem,) = caught.value.problems
    expected = "'week', 'month', 'quarter', 'tertial', 'half_year', 'year'"
    assert expected in problem.message_en


def test_model_invariant_errors_end_in_the_field():
    """A constructor's invariant error becomes a problem whose path ends in its field."""
    doc = _doc()
    doc["period"]["end"] = "2022-01-01"
    doc["activities"][0]["title"] = " "
    doc["activities"][0]["target"]["amount"] = 0
    expected = [
        ("$.period.end", "period-end-before-start"),
        ("$.activities[0].target.amount", "not-positive"),
        ("$.activities[0].title", "empty-text"),
    ]
    assert expected == _problems(doc)


def test_invariants_of_fields_read_are_reported_next_to_fields_not_read():
    """An empty title is reported even when the target beside it cannot be read."""
    doc = _doc()
    doc["activities"][0]["title"] = " "
    doc["activities"][0]["target"] = []
    doc["period"]["start"] = "2023-02-30"
    doc["period"]["end"] = "2022-01-01"
    expected = [
        ("$.period.start", "impossible-date"),
        ("$.activities[0].target", "wrong-type"),
        ("$.activities[0].title", "empty-text"),
    ]
    assert expected == _problems(doc)


def test_every_problem_is_reported_at_once():
    """Problems in different places come back together, in document order."""
    doc = _doc()
    doc["title"] = 1
    doc["parties"][2]["role"] = "boss"
    doc["reports"][0]["date"] = "2023-02-29"
    doc["follow_ups"][0]["held_on"] = None
    doc["extra"] = True
    expected = [
        ("$.title", "wrong-type"),
        ("$.parties[2].role", "unknown-enum-value"),
        ("$.reports[0].date", "impossible-date"),
        ("$.follow_ups[0].held_on", "wrong-type"),
        ("$.extra", "unknown-key"),
    ]
    assert expected == _problems(doc)


def test_semantic_problems_come_from_the_rules():
    """A dangling reference is an error of the rules, reported by loading."""
    doc = _doc()
    doc["activities"][0]["responsible"] = ["nobody"]
    assert ("$.activities[0].responsible[0]", "unknown-party") in _problems(doc)


def test_warnings_do_not_stop_a_load():
    """A report outside the period is a warning: the promise loads and the warning is kept."""
    doc = _doc()
    doc["reports"][2]["date"] = "2026-01-01"
    promise, warnings = loads_with_warnings(json.dumps(doc))
    assert dt.date(2026, 1, 1) == promise.reports[2].date
    assert ["$.reports[2].date"] == [w.path for w in warnings]
    assert all(not w.is_error for w in warnings)
    assert promise == loads(json.dumps(doc))


@pytest.mark.parametrize("value", [[], "text", 1, None, True])
def test_top_level_must_be_an_object(value):
    """A document whose top level is not an object is refused as such."""
    assert [("$", "not-an-object")] == _problems_text(json.dumps(value))


def test_an_inner_object_must_be_an_object():
    """An object given as a list is a wrong type at its own path."""
    doc = _doc()
    doc["basis"] = ["x"]
    doc["parties"][0] = "polis"
    expected = [("$.parties[0]", "wrong-type"), ("$.basis", "wrong-type")]
    assert expected == _problems(doc)


# --- syntax, size, safety -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ('{\n  "id": "p",\n  "title": }', "json", "line 3, column 12"),
        ("id = 'p'\ntitle = \n", "toml", "line 2, column 9"),
        ("id: p\ntitle: [a\n", "yaml", "line 3, column 1"),
        (b'{"id": "\xff"}', "json", "line 1, column 9"),
        (b"id = '\xff'", "toml", "line 1, column 7"),
    ],
)
def test_syntax_error_gives_line_and_column(text, fmt, where):
    """A text that cannot be read gives one syntax-error with line and column."""
    with pytest.raises(ValidationError) as caught:
        loads(text, format=fmt)
    (problem,) = caught.value.problems
    assert ("$", "syntax-error") == (problem.path, problem.code)
    assert where in problem.message_en
    assert where.replace("line", "rad").replace("column", "kolumn") in problem.message_sv


def test_json_syntax_is_explained_alike_with_or_without_the_fast_extra(monkeypatch):
    """With or without the fast extra, a JSON syntax error is the same problem."""
    text = '{"format_version": 1,, }'
    with_extra = _problems_text(text)
    with pytest.raises(ValidationError) as fast:
        loads(text)
    monkeypatch.setattr(_formats, "_orjson", None)
    monkeypatch.setattr(_msgspec, "_msgspec", None)
    with pytest.raises(ValidationError) as slow:
        loads(text)
    assert [("$", "syntax-error")] == with_extra
    assert fast.value.problems == slow.value.problems


def test_json_nan_is_read_like_the_standard_library():
    """NaN, which orjson refuses but json reads, is reported as a non-finite number."""
    text = json.dumps(_doc()).replace('"weight": 2.0', '"weight": NaN')
    assert [("$.activities[1].weight", "non-finite-number")] == _problems_text(text)


def test_deeply_nested_text_is_a_syntax_error():
    """Nesting deeper than a reader can follow is refused, not a crash."""
    for fmt, text in [
        ("json", "[" * 100_000),
        ("yaml", "[" * 100_000),
        ("toml", "a=" + "[" * 100_000),
    ]:
        assert [("$", "syntax-error")] == _problems_text(text, fmt)


def test_yaml_tags_that_build_objects_are_refused():
    """A YAML tag for a Python object is a syntax error, never a constructed object."""
    text = "format_version: 1\nid: !!python/object/apply:os.system ['true']\ntitle: t\n"
    assert [("$", "syntax-error")] == _problems_text(text, "yaml")


def test_yaml_aliases_are_refused():
    """YAML aliases (the billion-laughs attack) are refused."""
    text = "format_version: 1\nid: &a p\ntitle: *a\n"
    assert [("$", "syntax-error")] == _problems_text(text, "yaml")


_TWICE_NESTED = "format_version: 1\nid: p\ntitle: t\nparties:\n"
_TWICE_NESTED += "  - {id: a, kind: police, name: P, name: Q}\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("format_version: 1\nid: p\nid: q\ntitle: t\n", "line 3, column 1: the key 'id'"),
        (_TWICE_NESTED, "line 5, column 36: the key 'name'"),
    ],
)
def test_a_yaml_key_given_twice_is_refused_where_it_repeats(text, where):
    """A key given twice in one YAML mapping is refused at its second place, not dropped."""
    with pytest.raises(ValidationError) as caught:
        loads(text, format="yaml")
    (problem,) = caught.value.problems
    assert ("$", "syntax-error") == (problem.path, problem.code)
    assert where in problem.message_en
    assert "två gånger" in problem.message_sv


def test_a_yaml_key_that_is_a_list_is_a_syntax_error():
    """A mapping key that cannot be a key (a list) is refused as PyYAML refuses it."""
    assert [("$", "syntax-error")] == _problems_text("format_version: 1\n? [a]\n: b\n", "yaml")


def test_yaml_merge_keys_still_merge():
    """``<<`` merges a mapping, and the keys written out win, as in PyYAML."""
    assert {"a": 1, "b": 3} == _formats.parse("a: 1\n<<: {a: 2, b: 3}\n", "yaml")


def test_yaml_and_toml_native_dates_read_as_dates():
    """Unquoted dates in YAML and TOML are read like the quoted ISO text."""
    party = "parties: [{id: p, kind: police, name: Polisen}]\n"
    text = "format_version: 1\nid: p\ntitle: t\nsigned_on: 2022-12-12\n" + party
    assert dt.date(2022, 12, 12) == loads(text, format="yaml").signed_on
    text = "format_version = 1\nid = 'p'\ntitle = 't'\nsigned_on = 2022-12-12\n"
    text += "parties = [{id = 'p', kind = 'police', name = 'Polisen'}]\n"
    assert dt.date(2022, 12, 12) == loads(text, format="toml").signed_on


def test_toml_date_time_is_a_wrong_type():
    """A TOML date-time where a date belongs is a wrong type, not silently cut."""
    text = "format_version = 1\nid = 'p'\ntitle = 't'\nsigned_on = 2022-12-12T10:00:00\n"
    assert [("$.signed_on", "wrong-type")] == _problems_text(text, "toml")


def test_yaml_bad_escape_is_a_syntax_error():
    """A YAML error without a place in a mapping is still a syntax error."""
    assert [("$", "syntax-error")] == _problems_text('a: "\\q"', "yaml")


def test_size_limit_is_checked_first():
    """Input over the size limit is refused before it is parsed."""
    text = dumps(sample_promise())
    with pytest.raises(ValidationError) as caught:
        loads("{" + text, max_size=100)  # also broken: the size is checked before the syntax
    assert [("$", "document-too-large")] == [(p.path, p.code) for p in caught.value.problems]
    assert sample_promise() == loads(text, max_size=None)
    assert sample_promise() == loads(text, max_size=len(text))


def test_load_limits_the_file_size(tmp_path):
    """A file over the limit is refused without being read whole."""
    path = tmp_path / "p.json"
    dump(sample_promise(), path)
    with pytest.raises(ValidationError) as caught:
        load(path, max_size=10)
    assert ["document-too-large"] == [p.code for p in caught.value.problems]
    assert sample_promise() == load(path, max_size=None)


def test_a_file_that_fails_to_load_is_not_modified(tmp_path):
    """Loading a broken file leaves its bytes and its time stamp alone."""
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"format_version": 1, "id": 5}')
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(ValidationError):
        load(path)
    assert before == (path.read_bytes(), path.stat().st_mtime_ns)
    assert ["broken.json"] == [p.name for p in tmp_path.iterdir()]


# --- formats and files -----------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".toml", ".yaml", ".yml"])
def test_dump_and_load_follow_the_suffix(tmp_path, suffix):
    """The file suffix chooses the format on both dump and load."""
    path = tmp_path / f"p{suffix}"
    dump(sample_promise(), path)
    fmt = "yaml" if suffix == ".yml" else suffix[1:]
    assert dumps(sample_promise(), format=fmt) == path.read_text(encoding="utf-8")
    assert sample_promise() == load(path)
    promise, warnings = load_with_warnings(path)
    assert (sample_promise(), ()) == (promise, warnings)


def test_format_argument_overrides_the_suffix(tmp_path):
    """An explicit format wins over the suffix."""
    path = tmp_path / "p.txt"
    dump(sample_promise(), path, format="yaml")
    assert sample_promise() == load(path, format="yaml")


def test_unknown_suffix_or_format_is_refused(tmp_path):
    """An unknown suffix or format raises UnsupportedFormatError, a ValueError."""
    with pytest.raises(UnsupportedFormatError, match=r"\.txt") as caught:
        load(tmp_path / "p.txt")
    assert ".txt" == caught.value.format
    with pytest.raises(ValueError, match="xml"):
        dumps(sample_promise(), format="xml")  # type: ignore[arg-type]
    with pytest.raises(UnsupportedFormatError):
        loads("{}", format="ini")  # type: ignore[arg-type]


def test_dump_replaces_a_file_whole(tmp_path):
    """Dumping over an existing file replaces it and leaves no temporary file behind."""
    path = tmp_path / "p.json"
    path.write_text("old", encoding="utf-8")
    dump(sample_promise(), path)
    assert dumps(sample_promise()) == path.read_text(encoding="utf-8")
    assert ["p.json"] == [p.name for p in tmp_path.iterdir()]


def test_dump_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A failed write removes its temporary file and leaves the old file."""
    path = tmp_path / "p.json"
    path.write_text("old", encoding="utf-8")

    def fail(*_args: object) -> None:
        msg = "disk full"
        raise OSError(msg)

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        dump(sample_promise(), path)
    assert "old" == path.read_text(encoding="utf-8")
    assert ["p.json"] == [p.name for p in tmp_path.iterdir()]


def test_json_output_is_indented_and_ends_in_newline():
    """JSON output is two-space indented UTF-8 text ending in one newline."""
    text = dumps(sample_promise())
    assert text.startswith('{\n  "format_version": 2,\n  "id": "hofors-test",')
    assert text.endswith("}\n")
    assert "Medborgarlöfte" in text


def test_toml_and_yaml_output_read_back_with_plain_readers():
    """Other tools read the TOML and YAML output to the same data as to_dict."""
    doc = _doc()
    assert doc == tomllib.loads(dumps(sample_promise(), format="toml"))
    assert doc == yaml.safe_load(dumps(sample_promise(), format="yaml"))


def test_orjson_and_stdlib_write_the_same_bytes(monkeypatch):
    """With and without orjson, JSON output is byte-identical, small floats included."""
    promise = sample_promise()
    promise = promise.with_activities(
        Activity(id="liten", title="Liten vikt", target=Ongoing(), weight=1.5e-7)
    )
    fast = dumps(promise)
    monkeypatch.setattr(_formats, "_orjson", None)
    assert fast == dumps(promise)
    assert '"weight": 1.5e-07' in fast


def test_small_floats_are_marked_only_for_the_json_writer():
    """to_dict gives plain floats; only the orjson writer's converter marks small ones."""
    activity = Activity(id="a", title="t", target=Ongoing(), weight=1e-5)
    assert float is type(CONVERTER.unstructure(activity)["weight"])
    assert SmallFloat is type(JSON_CONVERTER.unstructure(activity)["weight"])


# --- collections ------------------------------------------------------------------------


def _many() -> tuple[Promise, ...]:
    second = Promise(
        id="polis-only",
        title="Polisens löfte",
        parties=(Party(id="polis", kind=PartyKind.POLICE, name="Polisen"),),
    )
    return (sample_promise(), second)


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_collection_round_trip(fmt):
    """Several promises in one collection document survive a round trip."""
    text = dumps_many(_many(), format=fmt)
    assert _many() == loads_many(text, format=fmt)
    assert text == dumps_many(loads_many(text, format=fmt), format=fmt)


def test_collection_json_is_one_promise_per_line_with_either_backend(monkeypatch):
    """A JSON collection has one compact line per promise, the same with or without orjson."""
    many = (
        *_many(),
        _many()[0].with_activities(
            Activity(id="liten", title="Liten vikt", target=Ongoing(), weight=2.5e-6)
        ),
    )
    fast = dumps_many(many)
    lines = fast.splitlines()
    assert ['{"format_version":2,"promises":[', "]}"] == [lines[0], lines[-1]]
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == [
        {k: v for k, v in to_dict(p).items() if k != "format_version"} for p in many
    ]
    monkeypatch.setattr(_formats, "_orjson", None)
    assert fast == dumps_many(many)
    assert '"weight":2.5e-06' in fast
    assert '{"format_version":2,"promises":[\n]}\n' == dumps_many([])
    assert () == loads_many(dumps_many([]))


def test_collection_file_round_trip(tmp_path):
    """dump_many and load_many write and read a collection file."""
    path = tmp_path / "national.json"
    dump_many(_many(), path)
    assert _many() == load_many(path)
    assert {"format_version", "promises"} == set(json.loads(path.read_text(encoding="utf-8")))


def test_collection_problems_have_promise_paths():
    """Problems in a collection are reported under $.promises[i], rules included."""
    doc = json.loads(dumps_many(_many()))
    doc["promises"][1]["title"] = 1
    doc["promiser"] = []
    with pytest.raises(ValidationError) as caught:
        loads_many(json.dumps(doc))
    expected = [("$.promises[1].title", "wrong-type"), ("$.promiser", "unknown-key")]
    assert expected == [(p.path, p.code) for p in caught.value.problems]
    doc = json.loads(dumps_many(_many()))
    doc["promises"][1]["parties"] = []
    with pytest.raises(ValidationError) as caught:
        loads_many(json.dumps(doc))
    assert [("$.promises[1].parties", "no-parties")] == [
        (p.path, p.code) for p in caught.value.problems
    ]


def test_collection_warnings():
    """Warnings in a collection do not stop it and carry the promise's path."""
    doc = json.loads(dumps_many(_many()))
    doc["promises"][0]["reports"][2]["date"] = "2026-01-01"
    promises, warnings = medborgarlofte.loads_many_with_warnings(json.dumps(doc))
    assert 2 == len(promises)
    assert ["$.promises[0].reports[2].date"] == [w.path for w in warnings]


# --- versioning --------------------------------------------------------------------------


def test_format_version_is_written_and_required():
    """Every document names its version; a missing one is reported."""
    doc = _doc()
    assert FORMAT_VERSION == doc["format_version"]
    del doc["format_version"]
    assert [("$.format_version", "missing-key")] == _problems(doc)


@pytest.mark.parametrize("value", ["1", 1.0, True, None])
def test_format_version_must_be_an_integer(value):
    """The format version is an integer, nothing else."""
    doc = _doc()
    doc["format_version"] = value
    assert [("$.format_version", "wrong-type")] == _problems(doc)


def test_a_newer_version_is_refused_naming_both_versions():
    """A document newer than the library is refused, and the message names both versions."""
    doc = _doc()
    doc["format_version"] = FORMAT_VERSION + 1
    doc["something_new"] = 1
    with pytest.raises(ValidationError) as caught:
        from_dict(doc)
    (problem,) = caught.value.problems
    assert ("$.format_version", "format-version-too-new") == (problem.path, problem.code)
    for message in (problem.message_sv, problem.message_en):
        assert f"version {FORMAT_VERSION + 1}" in message
        assert f"version {FORMAT_VERSION}" in message


def test_an_older_version_without_a_migration_is_refused():
    """An old version with no way to upgrade is reported as unknown."""
    doc = _doc()
    doc["format_version"] = 0
    assert [("$.format_version", "unknown-format-version")] == _problems(doc)


def test_a_registered_migration_upgrades_an_old_document(monkeypatch):
    """A test-only migration from version 0 renames a key; the document then loads."""
    monkeypatch.setattr(_versioning, "MIGRATIONS", dict(_versioning.MIGRATIONS))

    @_versioning.migration(0)
    def rename_name_to_title(document: dict) -> dict:
        upgraded = dict(document)
        upgraded["title"] = upgraded.pop("name")
        return upgraded

    old = _doc()
    old["format_version"] = 0
    old["name"] = old.pop("title")
    snapshot = copy.deepcopy(old)
    assert sample_promise() == from_dict(old)
    assert snapshot == old
    with pytest.raises(ValueError, match="already registered"):
        _versioning.migration(0)(rename_name_to_title)


def test_migrations_run_step_by_step(monkeypatch):
    """Two migrations (from -1 and from 0) run in order to reach the current version."""
    steps: list[int] = []
    monkeypatch.setattr(_versioning, "MIGRATIONS", dict(_versioning.MIGRATIONS))
    _versioning.migration(-1)(lambda d: steps.append(-1) or {**d, "b": d["a"]})
    _versioning.migration(0)(lambda d: steps.append(0) or {"id": d["b"], "title": "T"})
    document = {"format_version": -1, "a": "p", "parties": []}
    with pytest.raises(ValidationError) as caught:  # the migrated promise has no parties
        from_dict(document)
    assert [-1, 0] == steps
    assert ["no-parties"] == [p.code for p in caught.value.problems]


def test_a_failing_migration_is_a_problem(monkeypatch):
    """A migration that cannot handle an old document gives migration-failed."""
    monkeypatch.setattr(_versioning, "MIGRATIONS", {0: lambda d: d["missing"]})
    assert [("$.format_version", "migration-failed")] == _problems({"format_version": 0})


# --- the converter ----------------------------------------------------------------------


def test_make_converter_builds_independent_converters():
    """The factory returns a new converter each time, equal in behaviour."""
    doc = _doc()
    del doc["format_version"]
    first, second = make_converter(), make_converter()
    assert first is not second
    assert first.structure(doc, Promise) == second.structure(doc, Promise)


def test_from_dict_accepts_any_mapping():
    """from_dict takes any mapping, not only a dict."""
    assert sample_promise() == from_dict(MappingProxyType(_doc()))


def test_public_api_is_exported():
    """The serde functions are importable from the package."""
    for name in ["load", "loads", "dump", "dumps", "to_dict", "from_dict", "FORMAT_VERSION"]:
        assert name in medborgarlofte.__all__


def test_dump_writes_utf8_whatever_the_locale(tmp_path, monkeypatch):
    """Files are written as UTF-8 bytes, not in the locale's encoding."""
    monkeypatch.setenv("PYTHONIOENCODING", "latin-1")
    path = tmp_path / "p.yaml"
    dump(sample_promise(), path)
    assert "Gästrikland" in path.read_bytes().decode("utf-8")
    assert path.stat().st_size == len(dumps(sample_promise(), format="yaml").encode())


def test_from_dict_does_not_change_its_argument():
    """Loading leaves the given document as it was, broken or not."""
    doc = _doc()
    doc["activities"][0]["target"]["kind"] = "nonsense"
    snapshot = copy.deepcopy(doc)
    with pytest.raises(ValidationError):
        from_dict(doc)
    assert snapshot == doc
    good = _doc()
    snapshot = copy.deepcopy(good)
    from_dict(good)
    assert snapshot == good


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_utf8_bytes_with_a_byte_order_mark_are_read(fmt):
    """Bytes with a UTF-8 byte order mark, as some editors save them, load like text."""
    data = "\ufeff".encode() + dumps(sample_promise(), format=fmt).encode()
    assert sample_promise() == loads(data, format=fmt)


def test_suffix_is_case_insensitive(tmp_path):
    """A file named P.JSON is JSON."""
    path = tmp_path / "P.JSON"
    dump(sample_promise(), path)
    assert sample_promise() == load(path)


def _gc_state() -> tuple[bool, int]:
    return gc.isenabled(), gc.get_freeze_count()


def test_bulk_load_restores_the_collector_and_freezes_nothing():
    """After a collection load the collector is on again and no object is left frozen."""
    text = dumps_many(_many())
    before = _gc_state()
    assert _many() == loads_many(text)
    assert before == _gc_state()
    gc.disable()
    try:
        assert _many() == loads_many(text)
        assert (False, before[1]) == _gc_state()
    finally:
        gc.enable()


def test_bulk_load_leaves_a_program_s_own_frozen_objects_frozen():
    """Objects the program froze itself stay frozen; the load does not move them."""
    text = dumps_many(_many())
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert _many() == loads_many(text)
        assert (True, frozen) == _gc_state()
    finally:
        gc.unfreeze()
