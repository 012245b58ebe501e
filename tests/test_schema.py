"""Tests for the generated JSON Schema of the promise document."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from medborgarlofte import (
    Activity,
    Bound,
    Promise,
    ValidationError,
    dumps_follow_up,
    dumps_many,
    from_dict,
    json_schema,
    loads,
    loads_many,
    to_dict,
)
from medborgarlofte._formats import FORMAT_VERSION, TARGET_CLASSES
from medborgarlofte._formats import schema as schema_module
from medborgarlofte.testing import follow_up_documents, promises

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from jsonschema.exceptions import ValidationError as SchemaError

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "promise.schema.json"
VALIDATOR = Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)

# A small valid document in the shape of the Hofors promise.
BASE: dict[str, Any] = {
    "format_version": FORMAT_VERSION,
    "id": "hofors-2023-2024",
    "title": "Medborgarlöfte Hofors 2023–2024",
    "parties": [
        {"id": "polisen", "kind": "police", "name": "LPO Gästrikland"},
        {"id": "hofors", "kind": "municipality", "name": "Hofors kommun", "kommunkod": "2104"},
    ],
    "period": {"start": "2023-01-01", "end": "2024-12-31"},
    "signatories": [{"name": "Temo Allenbäck", "party": "polisen", "signed_on": "2022-12-12"}],
    "activities": [
        {
            "id": "trafik",
            "title": "Trafikkontroller",
            "target": {"kind": "period_quota", "amount": 50, "unit": "kontroller"},
            "responsible": ["polisen"],
        },
        {
            "id": "lagesbild",
            "title": "Lägesbild",
            "target": {"kind": "schedule", "recurrence": "FREQ=WEEKLY;BYDAY=MO"},
        },
    ],
    "reports": [
        {
            "activity": "trafik",
            "date": "2023-03-01",
            "amount": 6,
            "quantities": [{"value": 9, "unit": "personer"}],
        }
    ],
}


def _leaf_errors(errors: Iterator[SchemaError]) -> Iterator[SchemaError]:
    """Yield the innermost errors, descending into anyOf/oneOf branches."""
    for error in errors:
        if error.context:
            yield from _leaf_errors(iter(error.context))
        else:
            yield error


def _schema_paths(document: object) -> set[str]:
    return {error.json_path for error in _leaf_errors(VALIDATOR.iter_errors(document))}


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *head, last = path
        node: Any = document
        for key in head:
            node = node[key]
        node[last] = value

    return change


def _remove(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *head, last = path
        node: Any = document
        for key in head:
            node = node[key]
        del node[last]

    return change


def test_the_schema_is_valid_draft_2020_12() -> None:
    """The generated schema passes the draft 2020-12 meta-schema."""
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]


def test_the_base_document_is_valid_for_both() -> None:
    """The hand-made base document of these tests is valid for the schema and the library."""
    assert set() == _schema_paths(BASE)
    assert "hofors-2023-2024" == from_dict(BASE).id


@given(promises())
def test_every_generated_promise_validates(promise: Promise) -> None:
    """The document of every valid generated promise validates against the schema."""
    errors = [(e.json_path, e.message) for e in VALIDATOR.iter_errors(to_dict(promise))]
    assert [] == errors


COLLECTION_VALIDATOR = Draft202012Validator(
    json_schema(collection=True), format_checker=Draft202012Validator.FORMAT_CHECKER
)


def test_the_collection_schema_is_valid_draft_2020_12() -> None:
    """The schema of a collection document passes the meta-schema and refers to Promise."""
    schema = json_schema(collection=True)
    Draft202012Validator.check_schema(schema)
    assert {"$ref": "#/$defs/Promise"} == schema["properties"]["promises"]["items"]
    assert "format_version" not in schema["$defs"]["Promise"]["properties"]


@given(st.lists(promises(), max_size=3))
def test_every_generated_collection_validates(promises_: list[Promise]) -> None:
    """A collection document of generated promises, as dumps_many writes it, validates."""
    document = json.loads(dumps_many(promises_))
    assert [] == [e.message for e in COLLECTION_VALIDATOR.iter_errors(document)]


@pytest.mark.parametrize(
    "change",
    [
        _set(("promises", 0, "titel"), "x"),
        _remove(("promises", 0, "id")),
        _set(("promises", 0, "format_version"), FORMAT_VERSION),
        _set(("promises",), {}),
        _remove(("format_version",)),
        _set(("extra",), 1),
    ],
)
def test_broken_collections_are_refused_by_schema_and_library(
    change: Callable[[dict[str, Any]], None],
) -> None:
    """A collection with a broken promise, or a broken frame, is refused by both."""
    document = {"format_version": FORMAT_VERSION, "promises": [copy.deepcopy(BASE)]}
    del document["promises"][0]["format_version"]  # type: ignore[index]
    change(document)
    with pytest.raises(ValidationError):
        loads_many(json.dumps(document))
    assert list(COLLECTION_VALIDATOR.iter_errors(document))


# Each case: a change that breaks the base document, where the library puts
# the problem, and where the schema's innermost error is. For a missing or
# unknown key the schema blames the object that holds it.
INVALID: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "unknown key": (_set(("titel",), "x"), "$.titel", "$"),
    "missing required key": (_remove(("title",)), "$.title", "$"),
    "missing format version": (_remove(("format_version",)), "$.format_version", "$"),
    "newer format version": (
        _set(("format_version",), FORMAT_VERSION + 1),
        "$.format_version",
        "$.format_version",
    ),
    "format version as text": (
        _set(("format_version",), str(FORMAT_VERSION)),
        "$.format_version",
        "$.format_version",
    ),
    "number for a text": (_set(("id",), 5), "$.id", "$.id"),
    "blank required text": (_set(("id",), "  "), "$.id", "$.id"),
    "text for a number": (
        _set(("activities", 0, "target", "amount"), "50"),
        "$.activities[0].target.amount",
        "$.activities[0].target.amount",
    ),
    "boolean for a number": (
        _set(("activities", 0, "target", "amount"), True),
        "$.activities[0].target.amount",
        "$.activities[0].target.amount",
    ),
    "quota of zero": (
        _set(("activities", 0, "target", "amount"), 0),
        "$.activities[0].target.amount",
        "$.activities[0].target.amount",
    ),
    "impossible date": (
        _set(("period", "end"), "2023-06-31"),
        "$.period.end",
        "$.period.end",
    ),
    "date not in ISO form": (
        _set(("period", "end"), "31/12/2024"),
        "$.period.end",
        "$.period.end",
    ),
    "unknown enum value": (
        _set(("parties", 0, "kind"), "polis"),
        "$.parties[0].kind",
        "$.parties[0].kind",
    ),
    "unknown target kind": (
        _set(("activities", 0, "target", "kind"), "quota"),
        "$.activities[0].target.kind",
        "$.activities[0].target.kind",
    ),
    "missing target kind": (
        _remove(("activities", 0, "target", "kind")),
        "$.activities[0].target.kind",
        "$.activities[0].target",
    ),
    "key of another target kind": (
        _set(("activities", 0, "target", "per"), "year"),
        "$.activities[0].target.per",
        "$.activities[0].target",
    ),
    "misspelt key in a report": (
        _set(("reports", 0, "amout"), 3),
        "$.reports[0].amout",
        "$.reports[0]",
    ),
    "negative amount": (
        _set(("reports", 0, "amount"), -1),
        "$.reports[0].amount",
        "$.reports[0].amount",
    ),
    "nested missing key": (
        _remove(("reports", 0, "quantities", 0, "unit")),
        "$.reports[0].quantities[0].unit",
        "$.reports[0].quantities[0]",
    ),
    "text for a boolean": (
        _set(("signatories", 0, "acting"), "yes"),
        "$.signatories[0].acting",
        "$.signatories[0].acting",
    ),
    "text for a list": (
        _set(("activities", 0, "responsible"), "polisen"),
        "$.activities[0].responsible",
        "$.activities[0].responsible",
    ),
    "unreadable RRULE": (
        _set(("activities", 1, "target", "recurrence"), "varje måndag"),
        "$.activities[1].target.recurrence",
        "$.activities[1].target.recurrence",
    ),
    "negative weight": (
        _set(("activities", 0, "weight"), -1),
        "$.activities[0].weight",
        "$.activities[0].weight",
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_documents_are_refused_by_schema_and_library(case: str) -> None:
    """A broken document is refused by the schema and by the library, at the same place."""
    change, library_path, schema_path = INVALID[case]
    document = copy.deepcopy(BASE)
    change(document)
    with pytest.raises(ValidationError) as caught:
        from_dict(document)
    assert library_path in {problem.path for problem in caught.value.errors}
    assert schema_path in _schema_paths(document)


def _places(node: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Yield the path of every value in a document, the top level excepted."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index)
            yield from _places(value, (*path, index))


def _wrong_value(value: object) -> object:
    """Return a value of a type the document never has where *value* is."""
    if isinstance(value, str):
        return 7
    if isinstance(value, bool | int | float):
        return "7"
    return True  # for an object or a list


@given(promises(), st.data())
def test_a_value_of_the_wrong_type_is_refused_by_both(
    promise: Promise, data: st.DataObject
) -> None:
    """Any value of a generated document replaced by one of the wrong type is refused by both."""
    document = to_dict(promise)
    path = data.draw(st.sampled_from(list(_places(document))))
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = _wrong_value(node[path[-1]])
    with pytest.raises(ValidationError):
        from_dict(document)
    assert _schema_paths(document)


@given(promises(), st.data())
def test_a_renamed_key_is_refused_by_both(promise: Promise, data: st.DataObject) -> None:
    """Any key of a generated document renamed to one the format lacks is refused by both."""
    document = to_dict(promise)
    keyed = [p for p in _places(document) if isinstance(p[-1], str)]
    path = data.draw(st.sampled_from(keyed))
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[f"{path[-1]}_x"] = node.pop(path[-1])
    with pytest.raises(ValidationError):
        from_dict(document)
    assert _schema_paths(document)


def test_a_top_level_list_is_refused_by_both() -> None:
    """A document that is not an object is refused by the schema and by the library."""
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps([BASE]))
    assert ["$"] == [problem.path for problem in caught.value.errors]
    assert {"$"} == _schema_paths([BASE])


@pytest.mark.parametrize(
    ("path", "value"),
    [(("period_text",), None), (("period",), None), (("activities", 0, "weight"), 2)],
)
def test_what_the_library_accepts_the_schema_accepts(
    path: tuple[str | int, ...], value: object
) -> None:
    """Null for an optional key and an integer for a float are valid for both."""
    document = copy.deepcopy(BASE)
    _set(path, value)(document)
    from_dict(document)
    assert set() == _schema_paths(document)


def _object_defs() -> dict[str, dict[str, Any]]:
    return {
        name: definition
        for name, definition in json_schema()["$defs"].items()
        if definition["type"] == "object"
    }


def test_every_object_forbids_unknown_keys() -> None:
    """Every object in the schema, the top level too, has additionalProperties false."""
    objects = [json_schema(), *_object_defs().values()]
    assert [False] * len(objects) == [o["additionalProperties"] for o in objects]


def test_required_keys_are_the_fields_without_defaults() -> None:
    """Required keys are the attributes without defaults, and a target's kind tag."""
    defs = json_schema()["$defs"]
    assert ["id", "title", "target"] == defs["Activity"]["required"]
    assert ["kind", "amount", "unit", "per"] == defs["IntervalQuota"]["required"]
    assert ["kind"] == defs["Ongoing"]["required"]
    assert "required" not in defs["Report"]
    assert ["format_version", "id", "title"] == json_schema()["required"]


def test_keys_are_the_attribute_names() -> None:
    """Each object's properties are exactly its class's attribute names, in order."""
    defs = json_schema()["$defs"]
    for cls in (Activity, *TARGET_CLASSES):
        assert [f.name for f in attrs.fields(cls)] == list(defs[cls.__name__]["properties"])
    top = list(json_schema()["properties"])
    assert ["format_version", *(f.name for f in attrs.fields(Promise))] == top


def test_the_target_union_is_tagged_by_kind() -> None:
    """An activity's target picks its class by the kind tag, one branch per target class."""
    target = json_schema()["$defs"]["Activity"]["properties"]["target"]
    kinds = [attrs.fields(cls).kind.default for cls in TARGET_CLASSES]
    assert kinds == target["properties"]["kind"]["enum"]
    branches = [
        (b["if"]["properties"]["kind"]["const"], b["then"]["$ref"]) for b in target["allOf"]
    ]
    assert [(k, f"#/$defs/{c.__name__}") for k, c in zip(kinds, TARGET_CLASSES, strict=True)] == (
        branches
    )


def test_leaf_types_map_to_json_schema() -> None:
    """Dates are format date, numbers exclude booleans, enums list values, RRULEs are text."""
    defs = json_schema()["$defs"]
    assert "date" == defs["Period"]["properties"]["start"]["format"]
    assert "number" == defs["PeriodQuota"]["properties"]["amount"]["type"]
    assert [b.value for b in Bound] == defs["Bound"]["enum"]
    assert "string" == defs["Schedule"]["properties"]["recurrence"]["type"]
    assert ["string", "null"] == defs["Report"]["properties"]["date"]["type"]
    assert {"$ref": "#/$defs/Period"} == defs["Report"]["properties"]["period"]["anyOf"][0]
    assert FORMAT_VERSION == json_schema()["properties"]["format_version"]["const"]


def test_every_object_and_field_is_described_in_swedish_and_english() -> None:
    """Every object and field has a Swedish title and an English description."""
    missing = []
    for name, definition in json_schema()["$defs"].items():
        if not (definition["title"] and definition["description"]):
            missing.append(name)
        for key, prop in definition.get("properties", {}).items():
            if not (prop.get("title") and prop.get("description")):
                missing.append(f"{name}.{key}")
    assert [] == missing


def test_descriptions_come_from_the_docstrings() -> None:
    """Titles, descriptions and enum value notes are taken from the model's docstrings."""
    defs = json_schema()["$defs"]
    assert "aktivitet, åtgärd, insats" == defs["Activity"]["title"]
    assert defs["Activity"]["description"].startswith("A concrete thing the parties promise")
    weight = defs["Activity"]["properties"]["weight"]
    assert ("vikt", "Its weight in roll-ups; 1 by default.") == (
        weight["title"],
        weight["description"],
    )
    assert "- at_least: Minst: the number is a floor; more is better." in (
        defs["Bound"]["description"].splitlines()
    )
    responsibility = defs["Activity"]["properties"]["responsible"]["description"]
    assert "none when the source does not say (passive voice)" in responsibility


def test_each_call_returns_a_fresh_schema() -> None:
    """Changing a returned schema does not change the next one."""
    first = json_schema()
    first["$defs"].clear()
    assert "Activity" in json_schema()["$defs"]


def test_the_docs_show_the_schema_the_code_generates() -> None:
    """docs/reference/promise.schema.json is exactly what json_schema() gives.

    Regenerate it with ``.venv/bin/python -c "import json, medborgarlofte as m;
    print(json.dumps(m.json_schema(), indent=2, ensure_ascii=False))"
    > docs/reference/promise.schema.json``.
    """
    expected = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    hint = "the model changed: regenerate docs/reference/promise.schema.json (see this test)"
    assert expected == SCHEMA_FILE.read_text(encoding="utf-8"), hint


# The walk refuses what it cannot map, so a new kind of field is noticed.


class _Colour(enum.Enum):
    RED = "red"
    """Röd."""


@attrs.frozen(kw_only=True)
class _Painted:
    """A painted thing (målad sak).

    Attributes:
        colour: Its colour,
            which may span lines.
        tag: A fixed tag.

    Note:
        shade: Not an attribute, since the section has ended.
    """

    colour: _Colour
    tag: Literal["painted"] = attrs.field(default="painted", init=False)


def test_docstrings_are_read_for_any_attrs_class_and_enum() -> None:
    """Attribute texts spanning lines, enum member docstrings and Swedish terms are read."""
    assert {"colour": "Its colour, which may span lines.", "tag": "A fixed tag."} == (
        schema_module._attribute_docs(_Painted)
    )
    assert {"red": "Röd."} == schema_module._member_docs(_Colour)
    assert "målad sak" == schema_module._swedish_term(_Painted)


def test_a_class_without_a_swedish_term_is_refused() -> None:
    """A model class whose docstring names no Swedish term is a LookupError."""

    @attrs.frozen
    class Bare:
        """No term here."""

    with pytest.raises(LookupError, match="Swedish term"):
        schema_module._swedish_term(Bare)


def test_a_field_without_a_swedish_title_is_refused() -> None:
    """A field missing from the table of Swedish titles is a LookupError."""
    with pytest.raises(LookupError, match="no Swedish title"):
        schema_module._field_title(_Painted, "colour")


@pytest.mark.parametrize("hint", [dt.datetime, bytes])
def test_an_unmapped_type_is_refused(hint: object) -> None:
    """A field type the schema has no mapping for is a TypeError."""
    with pytest.raises(TypeError, match="no JSON Schema"):
        schema_module._Builder().type_schema(hint)


def test_an_unmapped_union_is_refused() -> None:
    """A union that is neither Number nor a union of attrs classes is a TypeError."""
    with pytest.raises(TypeError, match="no JSON Schema for the union"):
        schema_module._Builder().type_schema(int | str)


# --- follow-up documents (#16) ------------------------------------------------------

FOLLOW_UP_FILE = SCHEMA_FILE.with_name("follow-up.schema.json")
FOLLOW_UP_VALIDATOR = Draft202012Validator(
    json_schema(follow_up=True), format_checker=Draft202012Validator.FORMAT_CHECKER
)


def test_the_follow_up_schema_is_valid_draft_2020_12() -> None:
    """The schema of a follow-up document passes the meta-schema and fixes its type."""
    schema = json_schema(follow_up=True)
    Draft202012Validator.check_schema(schema)
    assert "follow_up" == schema["properties"]["document_type"]["const"]
    assert ["format_version", "document_type", "id", "promise"] == schema["required"]


@given(st.one_of(follow_up_documents(), promises().flatmap(follow_up_documents)))
def test_every_generated_follow_up_document_validates(document) -> None:
    """The text of every valid generated follow-up document validates against its schema."""
    data = json.loads(dumps_follow_up(document))
    assert [] == [(e.json_path, e.message) for e in FOLLOW_UP_VALIDATOR.iter_errors(data)]


@pytest.mark.parametrize(
    "change",
    [
        {"document_type": "promise"},
        {"format_version": 1},
        {"extra": 1},
        {"reports": [{"link": "maybe"}]},
        {"covers": {"end": "2020-01-01"}},
    ],
)
def test_the_follow_up_schema_refuses_what_the_library_refuses(change) -> None:
    """A wrong type, version, key, link or a span without start is refused by the schema."""
    document = {
        "format_version": FORMAT_VERSION,
        "document_type": "follow_up",
        "id": "u",
        "promise": {"id": "p"},
    }
    assert [] == list(FOLLOW_UP_VALIDATOR.iter_errors(document))
    assert [] != list(FOLLOW_UP_VALIDATOR.iter_errors(document | change))


def test_the_docs_show_the_follow_up_schema_the_code_generates() -> None:
    """docs/reference/follow-up.schema.json is exactly what json_schema(follow_up=True) gives."""
    expected = json.dumps(json_schema(follow_up=True), indent=2, ensure_ascii=False) + "\n"
    assert expected == FOLLOW_UP_FILE.read_text(encoding="utf-8"), "regenerate it"
