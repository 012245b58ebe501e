"""Tests for follow-up documents: loading, dumping and reading either kind (#16)."""

import datetime as dt
import json

import pytest

from medborgarlofte import (
    Activity,
    FollowUpDocument,
    Ongoing,
    OpenPeriod,
    Party,
    PartyKind,
    Promise,
    PromiseRef,
    ReasonCode,
    Report,
    ReportLink,
    ValidationError,
    dump_follow_up,
    dumps,
    dumps_follow_up,
    follow_up_from_dict,
    follow_up_to_dict,
    from_dict,
    load_document,
    load_follow_up,
    loads,
    loads_document,
    loads_follow_up,
    loads_follow_up_with_warnings,
)

D = dt.date
PROMISE = Promise(
    id="vingaker-2019",
    title="Medborgarlöfte Vingåker 2019",
    parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
    activities=(Activity(id="trafik", title="Trafikkontroller", target=Ongoing()),),
)
DOCUMENT = FollowUpDocument(
    id="vingaker-2019-t1",
    promise=PromiseRef(id="vingaker-2019"),
    published_on=D(2019, 5, 20),
    covers=OpenPeriod(start=D(2019, 1, 1)),
    reports=(
        Report(activity="trafik", amount=20, approximate=True, wording="20-talet"),
        Report(work="fotpatruller", link=ReportLink.UNRESTATED, amount=20, approximate=True),
        Report(work="medborgardialoger", link=ReportLink.UNPROMISED),
    ),
    reason="pandemin",
    reason_code=ReasonCode.EXTERNAL_EVENT,
)


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_a_follow_up_document_round_trips(fmt):
    """Each format gives the follow-up document back."""
    assert DOCUMENT == loads_follow_up(dumps_follow_up(DOCUMENT, format=fmt), format=fmt)


def test_the_document_names_its_version_and_type_first():
    """The first two keys are format_version and document_type."""
    expected = ["format_version", "document_type", "id", "promise"]
    assert expected == list(follow_up_to_dict(DOCUMENT))[:4]
    assert "follow_up" == json.loads(dumps_follow_up(DOCUMENT))["document_type"]


def test_loads_refuses_a_follow_up_document_by_name():
    """Reading a follow-up document as a promise says which function to use."""
    with pytest.raises(ValidationError) as caught:
        loads(dumps_follow_up(DOCUMENT))
    (problem,) = caught.value.problems
    assert ("$.document_type", "wrong-document-type") == (problem.path, problem.code)
    assert "load_follow_up" in problem.message("en")


def test_loads_follow_up_refuses_a_promise_document():
    """Reading a promise as a follow-up document is refused at the top."""
    with pytest.raises(ValidationError) as caught:
        loads_follow_up(dumps(PROMISE))
    assert [("$", "wrong-document-type")] == [(p.path, p.code) for p in caught.value.problems]


def test_an_unknown_document_type_is_refused():
    """A document_type that is not follow_up is unknown."""
    data = follow_up_to_dict(DOCUMENT) | {"document_type": "protokoll"}
    with pytest.raises(ValidationError) as caught:
        follow_up_from_dict(data)
    assert ["unknown-document-type"] == [p.code for p in caught.value.problems]


def test_a_follow_up_document_needs_version_2():
    """A follow-up document claiming format version 1 is refused: the type did not exist."""
    data = follow_up_to_dict(DOCUMENT) | {"format_version": 1}
    with pytest.raises(ValidationError) as caught:
        follow_up_from_dict(data)
    assert ["unknown-document-type"] == [p.code for p in caught.value.problems]


def test_unknown_keys_and_wrong_types_have_paths():
    """New fields are as strict as the old: an unknown key and a wrong type, with paths."""
    data = follow_up_to_dict(DOCUMENT)
    data["covers"] = {"start": "2019-01-01", "slut": "2019-04-30"}
    data["reports"][1]["work"] = 5
    with pytest.raises(ValidationError) as caught:
        follow_up_from_dict(data)
    expected = [("$.covers.slut", "unknown-key"), ("$.reports[1].work", "wrong-type")]
    assert expected == sorted((p.path, p.code) for p in caught.value.problems)


def test_a_report_claiming_an_activity_the_promise_lacks_is_an_error():
    """Beside its promise, a report naming a missing activity is an error."""
    text = dumps_follow_up(DOCUMENT).replace('"trafik"', '"trafiken"')
    with pytest.raises(ValidationError) as caught:
        loads_follow_up(text, promises=[PROMISE])
    assert [("$.reports[0].activity", "unknown-activity")] == [
        (p.path, p.code) for p in caught.value.problems
    ]


def test_a_missing_promise_is_a_warning_with_its_id():
    """A follow-up of a promise not among those given loads, with a warning naming the id."""
    other = Promise(id="annat", title="Annat", parties=PROMISE.parties)
    document, warnings = loads_follow_up_with_warnings(dumps_follow_up(DOCUMENT), promises=[other])
    assert DOCUMENT == document
    assert [("$.promise.id", "follow-up-promise-not-found")] == [(p.path, p.code) for p in warnings]
    assert "vingaker-2019" in warnings[0].message("en")


def test_loads_document_reads_either_kind():
    """loads_document gives a Promise or a FollowUpDocument, by document_type."""
    assert PROMISE == loads_document(dumps(PROMISE))
    assert DOCUMENT == loads_document(dumps_follow_up(DOCUMENT, format="yaml"), format="yaml")


def test_files_follow_their_suffix(tmp_path):
    """dump_follow_up and load_follow_up use the suffix; load_document reads either kind."""
    path = tmp_path / "uppfoljning.toml"
    dump_follow_up(DOCUMENT, path)
    assert DOCUMENT == load_follow_up(path)
    assert DOCUMENT == load_document(path)


def test_the_new_fields_of_a_promise_are_as_strict_as_the_old():
    """Unknown keys, wrong types and unknown values in #16's fields are refused with paths."""
    data = {
        "format_version": 2,
        "id": "p",
        "title": "T",
        "parties": [{"id": "polisen", "kind": "police", "name": "Polisen"}],
        "reports": [{"link": "kanske", "work": "fotpatruller", "shares": [{"share": "hälften"}]}],
        "signatories": [{"name": "A", "party": "polisen", "signing_stated": "nej"}],
        "reviews": [{"datum": "2024-01-01"}],
        "origin": {"kind": "press_release", "truncated": 1, "inferred": [{"path": 5}]},
    }
    with pytest.raises(ValidationError) as caught:
        from_dict(data)
    expected = [
        ("$.origin.inferred[0].path", "wrong-type"),
        ("$.origin.truncated", "wrong-type"),
        ("$.reports[0].link", "unknown-enum-value"),
        ("$.reports[0].shares[0].share", "wrong-type"),
        ("$.reviews[0].datum", "unknown-key"),
        ("$.signatories[0].signing_stated", "wrong-type"),
    ]
    assert expected == sorted((p.path, p.code) for p in caught.value.problems)


def test_an_open_period_without_start_is_a_missing_key():
    """A covered span needs its start; the end alone is refused at its path."""
    data = follow_up_to_dict(DOCUMENT) | {"covers": {"end": "2019-04-30"}}
    with pytest.raises(ValidationError) as caught:
        follow_up_from_dict(data)
    assert [("$.covers.start", "missing-key")] == [(p.path, p.code) for p in caught.value.problems]
