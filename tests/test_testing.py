"""Tests of medborgarlofte.testing: the strategies build valid promises of every shape."""

import datetime as dt
import importlib
import math
import sys
import unicodedata
from collections import Counter

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from medborgarlofte import (
    Interval,
    IntervalQuota,
    Milestone,
    MissingExtraError,
    Ongoing,
    Period,
    PeriodQuota,
    PoliceRegion,
    Promise,
    Schedule,
    kommun,
    validate,
)
from medborgarlofte.testing import (
    activities,
    dates,
    follow_up_rules,
    follow_ups,
    indicators,
    numbers,
    parties,
    periods,
    places,
    promises,
    recurrences,
    reports,
    targets,
    texts,
)

# Reports and measurements lie mostly inside the period, so these two
# warnings are expected now and then; nothing else is.
EXPECTED_WARNINGS = {"report-outside-period", "measurement-outside-period"}
FIND = settings(max_examples=3_000, database=None, phases=(Phase.generate,))


def walk(value):
    """Yield every leaf value inside an attrs object, through tuples."""
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from walk(item)
    else:
        yield value


def duplicates(ids):
    """Return the ids that occur more than once."""
    return sorted(k for k, n in Counter(i for i in ids if i is not None).items() if n > 1)


@given(promises())
def test_validate_finds_no_error_in_any_promise(promise):
    """validate finds no error, and no warning but the two expected ones, in any promise."""
    problems = validate(promise)
    assert [] == [p for p in problems if p.is_error]
    assert set() == {p.code for p in problems} - EXPECTED_WARNINGS


def check_references(promise):
    """Assert that every id *promise* refers to is defined in it."""
    party_ids = {p.id for p in promise.parties}
    focus_ids = {f.id for f in promise.focus_areas}
    place_ids = {p.id for p in promise.places}
    activity_ids = {a.id for a in promise.activities}
    source_ids = {s.id for s in promise.basis.sources}
    rule_ids = {r.id for r in promise.follow_up_rules}
    for activity in promise.activities:
        assert set(activity.responsible + activity.participants) <= party_ids
        assert set(activity.focus_areas) <= focus_ids
        assert set(activity.places) <= place_ids
        subs = getattr(activity.target, "sub_targets", ())
        assert {sub.place for sub in subs} - {None} <= place_ids
    for area in promise.focus_areas:
        assert set(area.places) <= place_ids
    kommunkoder = {p.kommunkod for p in promise.municipalities}
    assert {p.kommunkod for p in promise.places} - {None} <= kommunkoder
    assert {s.party for s in promise.signatories} <= party_ids
    assert {c.party for c in promise.contacts} <= party_ids
    assert {p.parent for p in promise.parties} - {None} <= party_ids
    assert {p.within for p in promise.places} - {None} <= place_ids
    assert {r.activity for r in promise.reports} - {None} <= activity_ids
    assert {r.party for r in promise.reports} - {None} <= party_ids
    for indicator in promise.indicators:
        assert set(indicator.focus_areas) <= focus_ids
        baseline = indicator.baseline.source if indicator.baseline else None
        sources = {indicator.source, baseline, *(m.source for m in indicator.measurements)}
        assert sources - {None} <= source_ids
    for rule in promise.follow_up_rules:
        assert {rule.responsible} - {None} <= party_ids
        assert set(rule.activities) <= activity_ids
        assert set(rule.focus_areas) <= focus_ids
    for follow_up in promise.follow_ups:
        assert {follow_up.rule} - {None} <= rule_ids
        assert {a.activity for a in follow_up.assessments} <= activity_ids


def check_unique_ids(promise):
    """Assert that no collection of *promise* holds the same id twice."""
    collections = (
        promise.parties,
        promise.places,
        promise.focus_areas,
        promise.activities,
        promise.reports,
        promise.indicators,
        promise.follow_up_rules,
        promise.follow_ups,
        promise.basis.sources,
    )
    assert [] == [
        duplicates(item.id for item in items)
        for items in collections
        if duplicates(item.id for item in items)
    ]


def check_schedules(promise):
    """Assert that each schedule target occurs inside the promise period."""
    period = promise.period
    assert period is not None
    for activity in promise.activities:
        target = activity.target
        if isinstance(target, Schedule):
            days = target.recurrence.dates(
                start=period.start, end=period.end, dtstart=target.start or period.start
            )
            assert days
            assert period.contains(days[0])


def check_numbers(promise):
    """Assert that every float is finite, normal or zero, and never -0.0."""
    floats = [v for v in walk(promise) if isinstance(v, float)]
    assert [] == [
        x
        for x in floats
        if not math.isfinite(x)
        or (math.copysign(1.0, x) < 0 and x == 0)
        or (x != 0 and abs(x) < sys.float_info.min)
    ]


def check_text(promise):
    """Assert that no text holds a surrogate or a control character."""
    texts_found = [v for v in walk(promise) if isinstance(v, str)]
    bad = [t for t in texts_found if any(unicodedata.category(c) in {"Cs", "Cc"} for c in t)]
    assert [] == bad


@given(promises(with_period=True))
def test_references_resolve_ids_are_unique_and_schedules_occur(promise):
    """References resolve, ids are unique, and every schedule occurs inside the period."""
    check_references(promise)
    check_unique_ids(promise)
    check_schedules(promise)


@given(promises())
def test_numbers_and_text_survive_every_format(promise):
    """Floats are finite, normal and never -0.0; text has no surrogate or control character."""
    check_numbers(promise)
    check_text(promise)
    check_unique_ids(promise)


@given(texts())
def test_texts_are_never_blank(text):
    """A generated text always has a character that is not white space."""
    assert text.strip()


@given(numbers(positive=True))
def test_positive_numbers_are_above_zero(number):
    """numbers(positive=True) never gives zero."""
    assert number > 0
    assert not isinstance(number, bool)


@given(st.data(), periods())
def test_dates_within_a_period_lie_in_it(data, period):
    """dates(period) gives days inside the period."""
    assert period.contains(data.draw(dates(period)))


@given(dates())
def test_dates_lie_between_2015_and_2030(day):
    """dates() without a period gives days from 2015 to 2030."""
    assert dt.date(2015, 1, 1) <= day <= dt.date(2030, 12, 31)


@given(periods())
def test_periods_are_a_week_to_four_years(period):
    """Generated periods last from a week to about four years."""
    assert 7 <= period.days <= 4 * 366 + 1


@given(st.data(), st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
def test_a_recurrence_occurs_on_its_anchor(data, anchor):
    """Counted from its anchor, a generated rule occurs on the anchor itself."""
    recurrence = data.draw(recurrences(anchor=anchor))
    assert (anchor,) == recurrence.dates(start=anchor, end=anchor)


@pytest.mark.parametrize(
    "part",
    ["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY", "INTERVAL=", "BYDAY=",
     "BYMONTHDAY=", "BYMONTH=", "BYSETPOS=-", "BYSETPOS=1", "WKST=", "COUNT=", "UNTIL="],
)  # fmt: skip
def test_recurrences_use_every_part(part):
    """Some generated rule uses each RRULE part the strategy promises."""
    found = find(recurrences(), lambda r: part in r.rule, settings=FIND)
    assert part in found.rule


@pytest.mark.parametrize("kind", [PeriodQuota, IntervalQuota, Schedule, Milestone, Ongoing])
def test_targets_of_every_kind(kind):
    """targets() gives each kind of target."""
    assert isinstance(
        find(targets(Period.year(2024)), lambda t: isinstance(t, kind), settings=FIND), kind
    )


def test_a_schedule_without_a_period_names_its_start():
    """Without a period, a schedule says where it starts."""
    found = find(targets(None), lambda t: isinstance(t, Schedule), settings=FIND)
    assert isinstance(found, Schedule)
    assert found.start is not None


@given(targets(Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 2, 29))))
def test_an_interval_quota_fits_a_short_period(target):
    """A quota per interval never counts per an interval longer than the period."""
    if isinstance(target, IntervalQuota):
        assert target.per in {Interval.WEEK, Interval.MONTH}


def test_numbers_mix_ints_and_floats():
    """numbers() gives both ints and floats."""
    assert isinstance(find(numbers(), lambda x: isinstance(x, int), settings=FIND), int)
    assert isinstance(find(numbers(), lambda x: isinstance(x, float), settings=FIND), float)


def test_texts_carry_swedish_and_other_unicode():
    """texts() gives Swedish letters and characters beyond Latin-1."""
    assert set(find(texts(), lambda t: bool(set(t) & set("åäöÅÄÖ")), settings=FIND)) & set("åäöÅÄÖ")
    assert (
        max(map(ord, find(texts(), lambda t: any(ord(c) > 0xFF for c in t), settings=FIND))) > 0xFF
    )


@given(parties(shape="police_only"))
def test_police_only_parties(the_parties):
    """A police-only party set has the police and no kommun."""
    assert "polisen" == the_parties[0].id
    assert [] == [p for p in the_parties if p.kommunkod is not None]


@given(parties(shape="gotland"))
def test_gotland_parties(the_parties):
    """Region Gotland stands in as the kommun, with Gotland's kommunkod."""
    gotland = [p for p in the_parties if p.kommunkod is not None]
    assert [("Region Gotland", "0980")] == [(p.name, p.kommunkod) for p in gotland]


@given(parties(shape="several_kommuner"))
def test_several_kommuner_share_a_police_region(the_parties):
    """Several kommuner are real, distinct and in one police region."""
    codes = [p.kommunkod for p in the_parties if p.kommunkod is not None]
    assert 2 <= len(codes) <= 4
    assert len(set(codes)) == len(codes)
    assert 1 == len({kommun(code).police_region for code in codes})
    region = the_parties[0].police_region
    if region is not None:
        assert region.removeprefix("polisregion ") == kommun(codes[0]).police_region.value


@given(parties(shape="one_kommun"))
def test_one_kommun(the_parties):
    """One kommun, named so that the name matches its kommunkod."""
    municipal = [p for p in the_parties if p.kommunkod is not None]
    assert 1 == len(municipal)
    assert kommun(municipal[0].kommunkod or "") == kommun(municipal[0].name)


def test_parties_cover_every_police_region():
    """The police party may sit in any of the seven regions."""
    for region in PoliceRegion:
        found = find(
            parties(shape="one_kommun"),
            lambda ps, region=region: kommun(ps[1].kommunkod or "").police_region is region,
            settings=FIND,
        )
        assert region is kommun(found[1].kommunkod or "").police_region


@given(places(kommunkoder=("2104",)))
def test_places_nest_without_loops(the_places):
    """A place lies only inside an earlier place, and only in the kommuner given."""
    seen: set[str] = set()
    for place in the_places:
        assert place.within is None or place.within in seen
        assert place.kommunkod in {None, "2104"}
        seen.add(place.id)


@given(promises(min_activities=2, max_activities=3, with_period=False))
def test_knobs_are_respected(promise):
    """min_activities, max_activities and with_period shape the promise."""
    assert 2 <= len(promise.activities) <= 3
    assert promise.period is None


@given(promises(with_period=True, party_shape="police_only"))
def test_a_police_only_promise_with_a_period(promise):
    """party_shape and with_period=True give a police promise with a period."""
    assert promise.period is not None
    assert () == promise.municipalities


def test_promises_refuse_impossible_knobs():
    """min_activities above max_activities is refused."""
    with pytest.raises(ValueError, match="min_activities"):
        promises(min_activities=3, max_activities=2)


@pytest.mark.parametrize(
    ("what", "predicate"),
    [
        ("signatories", lambda p: bool(p.signatories)),
        ("indicator measurements", lambda p: any(i.measurements for i in p.indicators)),
        ("assessments", lambda p: any(f.assessments for f in p.follow_ups)),
        ("sub-targets", lambda p: any(getattr(a.target, "sub_targets", ()) for a in p.activities)),
        ("report covering a span", lambda p: any(r.period for r in p.reports)),
        ("places in focus areas", lambda p: any(f.places for f in p.focus_areas)),
        ("empty promise", lambda p: not (p.activities or p.focus_areas or p.signatories)),
    ],
)
def test_promises_have_every_part(what, predicate):
    """Some generated promise has each optional part, and some have none."""
    found = find(promises(), predicate, settings=FIND)
    assert isinstance(found, Promise), what
    assert predicate(found), what


@given(st.data(), periods())
def test_standalone_strategies_respect_their_ids(data, period):
    """The strategies for parts refer only to the ids they are given."""
    activity = data.draw(
        activities(period=period, party_ids=("p",), focus_area_ids=("f",), place_ids=("x",))
    )
    assert set(activity.responsible) <= {"p"}
    assert set(activity.focus_areas) <= {"f"}
    report = data.draw(reports(period=period, activity_ids=("a",), party_ids=("p",)))
    assert report.activity in {None, "a"}
    indicator = data.draw(indicators(period=period, focus_area_ids=("f",), source_ids=("s",)))
    assert indicator.source in {None, "s"}
    rule = data.draw(follow_up_rules(period=period, party_ids=("p",), activity_ids=("a",)))
    assert rule.responsible in {None, "p"}
    follow_up = data.draw(follow_ups(period=period, rule_ids=("u",), activity_ids=("a",)))
    assert follow_up.rule in {None, "u"}
    assert {a.activity for a in follow_up.assessments} <= {"a"}


def test_importing_without_hypothesis_names_the_extra(monkeypatch):
    """Without Hypothesis, importing medborgarlofte.testing says which extra to install."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "medborgarlofte.testing")
    with pytest.raises(MissingExtraError) as caught:
        importlib.import_module("medborgarlofte.testing")
    assert ("testing", "medborgarlofte.testing") == (caught.value.extra, caught.value.purpose)
