"""Tests for format version 2 and the migration from version 1 (#16)."""

import copy
import json

import pytest

from medborgarlofte import (
    FORMAT_VERSION,
    Report,
    ReportLink,
    ValidationError,
    dumps,
    from_dict,
    loads,
    loads_many,
    to_dict,
)
from medborgarlofte._formats.versioning import MIGRATIONS

_POLICE = {"id": "polisen", "kind": "police", "name": "Polisen"}


def _v1(*reports: dict) -> dict:
    return {
        "format_version": 1,
        "id": "p",
        "title": "T",
        "parties": [_POLICE],
        "activities": [{"id": "a", "title": "Vandring", "target": {"kind": "ongoing"}}],
        "reports": list(reports),
    }


def test_the_current_version_is_2():
    """Documents are written in format version 2."""
    assert 2 == FORMAT_VERSION
    assert 1 in MIGRATIONS


def test_a_version_1_report_without_activity_becomes_unpromised_work():
    """In version 1 no activity meant never promised; the migration says so with link."""
    promise = from_dict(_v1({"note": "Extra rondering"}, {"activity": "a", "amount": 2}))
    expected = (
        Report(note="Extra rondering", link=ReportLink.UNPROMISED),
        Report(activity="a", amount=2),
    )
    assert expected == promise.reports


def test_an_explicit_null_activity_is_migrated_too():
    """A version 1 report with ``activity: null`` is work never promised as well."""
    promise = from_dict(_v1({"activity": None, "note": "x"}))
    assert ReportLink.UNPROMISED == promise.reports[0].link


def test_the_migration_does_not_change_its_argument():
    """Loading a version 1 document leaves the caller's data as it was."""
    document = _v1({"note": "x"})
    snapshot = copy.deepcopy(document)
    from_dict(document)
    assert snapshot == document


def test_a_migrated_document_dumps_in_version_2_and_loads_again():
    """A version 1 document loads, dumps as version 2 and reads back equal."""
    promise = from_dict(_v1({"note": "x"}))
    text = dumps(promise)
    assert 2 == json.loads(text)["format_version"]
    assert "unpromised" == json.loads(text)["reports"][0]["link"]
    assert promise == loads(text)


def test_a_version_1_collection_is_migrated_promise_by_promise():
    """Each promise of a version 1 collection has its reports migrated."""
    one, two = _v1({"note": "x"}), _v1()
    del one["format_version"], two["format_version"]
    text = json.dumps({"format_version": 1, "promises": [one, two]})
    promises = loads_many(text)
    assert [ReportLink.UNPROMISED] == [r.link for r in promises[0].reports]
    assert () == promises[1].reports


def test_in_version_2_a_report_without_activity_must_say_what_it_is():
    """Version 2 refuses a report that names no activity and does not say why."""
    document = to_dict(from_dict(_v1()))
    document["reports"] = [{"note": "x"}]
    with pytest.raises(ValidationError) as caught:
        from_dict(document)
    expected = [("$.reports[0].link", "report-link-without-activity")]
    assert expected == [(p.path, p.code) for p in caught.value.problems]


def test_odd_version_1_reports_are_left_for_the_converter_to_explain():
    """A report that is not an object is not touched by the migration and stays an error."""
    with pytest.raises(ValidationError) as caught:
        from_dict(_v1("not a report"))
    assert ["$.reports[0]"] == [p.path for p in caught.value.problems]
