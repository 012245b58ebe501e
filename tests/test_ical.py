import datetime as dt
import re
import sys
from collections import defaultdict

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    Cadence,
    Cancellation,
    FollowUp,
    FollowUpRule,
    InvalidValueError,
    MissingExtraError,
    Ongoing,
    Party,
    PartyKind,
    Period,
    Promise,
    Recurrence,
    Schedule,
    activity_dates,
    activity_uid,
    follow_up_occasions,
    occasion_uid,
    to_icalendar,
)
from medborgarlofte._render.ical import _activity_component

D = dt.date
PERIOD = Period(start=D(2023, 1, 1), end=D(2024, 12, 31))
AS_OF = D(2024, 6, 30)


def schedule(rule: str, start: dt.date | None = None) -> Schedule:
    return Schedule(recurrence=Recurrence(rule=rule), start=start)


PROMISE = Promise(
    id="hofors-2023-2024",
    title="Medborgarlöfte Hofors 2023–2024",
    period=PERIOD,
    parties=(Party(id="kommun", kind=PartyKind.MUNICIPALITY, name="Hofors kommun"),),
    follow_up_rules=(
        FollowUpRule(
            id="bra",
            cadence=Cadence.TERTIAL,
            forum="BRÅ",
            responsible="kommun",
            report_due_days=30,
            published=("kommunens webbplats",),
        ),
        FollowUpRule(
            id="styrgrupp",
            cadence=Cadence.SCHEDULE,
            recurrence=Recurrence(rule="FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1TU"),
        ),
        FollowUpRule(id="slut", cadence=Cadence.END_OF_PERIOD, report_due_days=60),
    ),
    follow_ups=(
        FollowUp(
            id="u1",
            held_on=D(2023, 5, 20),
            rule="bra",
            covers=Period(start=D(2023, 1, 1), end=D(2023, 4, 30)),
        ),
    ),
    activities=(
        Activity(
            id="lagesbild",
            title="Lägesbild",
            target=Schedule(
                recurrence=Recurrence(rule="FREQ=WEEKLY;BYDAY=MO"), wording="varje måndag"
            ),
        ),
        Activity(
            id="hundsok",
            title="Hundsök i skolan",
            target=schedule("FREQ=YEARLY;BYMONTH=3,10;BYMONTHDAY=15;COUNT=3"),
            responsible=("kommun", "okänd"),
        ),
        Activity(
            id="varannan",
            title="Trygghetsvandring",
            target=schedule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", start=D(2023, 2, 4)),
        ),
        Activity(
            id="sista",
            title="Sista fredagen",
            target=schedule("RRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;UNTIL=20300101"),
        ),
        Activity(
            id="nedlagd",
            title="Nedlagd",
            target=schedule("FREQ=MONTHLY;BYMONTHDAY=1"),
            cancelled=Cancellation(date=D(2023, 3, 15)),
        ),
        Activity(
            id="struken",
            title="Struken",
            target=schedule("FREQ=MONTHLY;BYMONTHDAY=1"),
            cancelled=Cancellation(reason="okänt när"),
        ),
        Activity(id="stod", title="Stöd", target=Ongoing()),
    ),
)


def expanded(data: bytes, components=("VEVENT",)) -> dict[str, set[dt.date]]:
    """Parse *data* and expand it with recurring-ical-events, dates per UID."""
    calendar = icalendar.Calendar.from_ical(data)
    found: dict[str, set[dt.date]] = defaultdict(set)
    query = recurring_ical_events.of(calendar, components=list(components))
    for component in query.between(D(2000, 1, 1), D(2040, 1, 1)):
        start = component.get("DTSTART") or component.get("DUE")
        found[str(component["UID"])].add(start.dt)
    return dict(found)


def own_dates(promise: Promise, *, working_days: bool = False) -> dict[str, set[dt.date]]:
    """Return the library's own occasion due dates and activity dates, per UID."""
    own: dict[str, set[dt.date]] = {
        occasion_uid(promise, o): {o.due}
        for o in follow_up_occasions(promise, working_days=working_days)
    }
    for activity in promise.activities:
        dates = activity_dates(promise, activity)
        if dates:
            own[activity_uid(promise, activity)] = set(dates)
    return own


def test_exported_calendar_expands_to_exactly_the_librarys_dates():
    """Parsed and expanded independently, the export gives the library's own dates."""
    assert own_dates(PROMISE) == expanded(to_icalendar(PROMISE, as_of=AS_OF))


def test_exported_calendar_with_working_days_matches_too():
    """With due dates moved to working days the export still matches the library."""
    own = own_dates(PROMISE, working_days=True)
    assert own == expanded(to_icalendar(PROMISE, as_of=AS_OF, working_days=True))
    assert own != own_dates(PROMISE)


def test_the_example_has_what_it_claims():
    """The fixture exercises clipping, COUNT, cancellation and a skipped activity."""
    own = own_dates(PROMISE)
    assert {D(2023, 3, 15), D(2023, 10, 15), D(2024, 3, 15)} == own[
        "hofors-2023-2024.activity.hundsok@medborgarlofte"
    ]
    assert {D(2023, 1, 1), D(2023, 2, 1), D(2023, 3, 1)} == own[
        "hofors-2023-2024.activity.nedlagd@medborgarlofte"
    ]
    assert not any("struken" in uid or "stod" in uid for uid in own)
    assert 6 + 8 + 1 == sum(".follow-up." in uid for uid in own)


def test_scheduled_activities_carry_their_rrule_and_an_all_day_start():
    """The weekly Monday activity is one VEVENT with its RRULE, a DATE start and UNTIL."""
    calendar = icalendar.Calendar.from_ical(to_icalendar(PROMISE, as_of=AS_OF))
    (event,) = [
        c
        for c in calendar.walk("VEVENT")
        if str(c["UID"]).endswith(".activity.lagesbild@medborgarlofte")
    ]
    rule = event["RRULE"]
    assert (["WEEKLY"], ["MO"], [D(2024, 12, 30)]) == (rule["FREQ"], rule["BYDAY"], rule["UNTIL"])
    assert D(2023, 1, 2) == event["DTSTART"].dt
    assert "Åtagande: varje måndag" in str(event["DESCRIPTION"])
    assert "COUNT" not in rule


def test_summaries_are_swedish_by_default_and_english_on_request():
    """The first tertial reads 'Uppföljning T1 2023 – BRÅ', or 'Follow-up …' in English."""
    summaries = [
        next(
            str(c["SUMMARY"])
            for c in icalendar.Calendar.from_ical(to_icalendar(PROMISE, as_of=AS_OF, **kw)).walk(
                "VEVENT"
            )
            if "tertial-2023-01-01" in str(c["UID"])
        )
        for kw in ({}, {"lang": "en"})
    ]
    assert ["Uppföljning T1 2023 – BRÅ", "Follow-up T1 2023 – BRÅ"] == summaries


def test_description_names_the_responsible_party_and_a_moved_due_date():
    """The T2 2023 entry names Hofors kommun and says its due date moved from a Saturday."""
    calendar = icalendar.Calendar.from_ical(to_icalendar(PROMISE, as_of=AS_OF, working_days=True))
    t2 = next(c for c in calendar.walk("VEVENT") if "tertial-2023-05-01" in str(c["UID"]))
    description = str(t2["DESCRIPTION"])
    assert "Ansvarig: Hofors kommun" in description
    assert "Publiceras: kommunens webbplats" in description
    assert "Redovisas senast: 2 oktober 2023 (flyttat från 30 september 2023)" in description


def test_uids_are_stable_across_exports():
    """Exporting on another day, or after the period is extended, keeps the same UIDs."""
    first = set(expanded(to_icalendar(PROMISE, as_of=AS_OF)))
    later = set(expanded(to_icalendar(PROMISE, as_of=D(2024, 9, 1))))
    extended = Promise(
        **{
            **{f: getattr(PROMISE, f) for f in ("id", "title", "parties", "follow_up_rules")},
            "period": Period(start=PERIOD.start, end=D(2025, 6, 30)),
        }
    )
    grown = set(expanded(to_icalendar(extended, as_of=AS_OF, activities=False)))
    assert first == later
    bra = {uid for uid in first if ".follow-up.bra." in uid}
    assert bra <= grown
    assert len(set(first)) == len(own_dates(PROMISE))


def test_todos_carry_due_dates_and_completion():
    """As to-dos, occasions are due on their due dates and the held one is completed."""
    data = to_icalendar(PROMISE, as_of=AS_OF, todos=True, activities=False)
    calendar = icalendar.Calendar.from_ical(data)
    todos = list(calendar.walk("VTODO"))
    assert [] == list(calendar.walk("VEVENT"))
    assert {occasion_uid(PROMISE, o): o.due for o in follow_up_occasions(PROMISE)} == {
        str(t["UID"]): t["DUE"].dt for t in todos
    }
    completed = [str(t["UID"]) for t in todos if str(t["STATUS"]) == "COMPLETED"]
    assert ["hofors-2023-2024.follow-up.bra.tertial-2023-01-01@medborgarlofte"] == completed


def test_only_activities_or_only_follow_ups():
    """Each half of the export can be left out."""
    only_activities = expanded(to_icalendar(PROMISE, as_of=AS_OF, follow_ups=False))
    assert all(".activity." in uid for uid in only_activities)
    assert b"BEGIN:VEVENT" not in to_icalendar(
        PROMISE, as_of=AS_OF, follow_ups=False, activities=False
    )


def test_missing_icalendar_extra_is_named(monkeypatch):
    """Without icalendar the error names the 'ical' extra."""
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingExtraError) as info:
        to_icalendar(PROMISE, as_of=AS_OF)
    assert "ical" == info.value.extra


weekdays = st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])


@st.composite
def rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    monthday = None
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    if freq != "DAILY" and draw(st.booleans()):
        days = draw(st.lists(weekdays, min_size=1, max_size=3, unique=True))
        parts.append("BYDAY=" + ",".join(days))
        if freq in {"MONTHLY", "YEARLY"} and draw(st.booleans()):
            parts.append(f"BYSETPOS={draw(st.sampled_from([1, 2, -1]))}")
    elif freq in {"MONTHLY", "YEARLY"} and draw(st.booleans()):
        monthday = draw(st.sampled_from([1, 13, 28, 31, -1]))
        parts.append(f"BYMONTHDAY={monthday}")
    if freq == "YEARLY" and draw(st.booleans()):
        # The 31st only in months that have one: "31 June" never occurs and is refused.
        months = [1, 3, 5, 7, 8, 10, 12] if monthday == 31 else list(range(1, 13))
        parts.append(f"BYMONTH={draw(st.sampled_from(months))}")
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(1, 30))}")
    elif draw(st.booleans()):
        until = draw(st.dates(min_value=D(2023, 1, 1), max_value=D(2025, 12, 31)))
        parts.append(f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)


@given(
    rule=rules(),
    start=st.none() | st.dates(min_value=D(2022, 10, 1), max_value=D(2023, 6, 30)),
)
def test_any_schedule_expands_back_to_the_librarys_dates(rule, start):
    """For generated RRULEs, the exported event expands to exactly the library's dates."""
    activity = Activity(id="a", title="A", target=schedule(rule, start))
    promise = Promise(id="p", title="P", period=PERIOD, activities=(activity,))
    dates = activity_dates(promise, activity)
    got = expanded(to_icalendar(promise, as_of=AS_OF)).get(activity_uid(promise, activity), set())
    assert set(dates) == got


def test_dates_the_rule_would_not_give_are_added_or_excluded():
    """Dates off the rule become RDATEs, skipped ones EXDATEs, so the entry expands to them."""
    activity = PROMISE.activities[0]
    wanted = (D(2023, 1, 2), D(2023, 1, 16), D(2023, 1, 18))
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    event = _activity_component(icalendar, PROMISE, activity, wanted, lang="sv", stamp=stamp)
    calendar = icalendar.Calendar()
    calendar.add_component(event)
    assert {activity_uid(PROMISE, activity): set(wanted)} == expanded(calendar.to_ical())


# --- text values: RFC 5545 section 3.3.11 ------------------------------------------

HOSTILE = "slut; a, b \\ C:\\Nisse \u202ebakåt"
"""Every character a one-line TEXT value must escape: ; , and backslashes (a backslash-N too).

The model refuses line breaks in ids, titles and forums and control characters
everywhere (#14), so the line breaks tested here are those of the descriptions
the export writes itself.
"""
SHOWN = HOSTILE
"""What a calendar program reads back."""


def _hostile_promise() -> Promise:
    return Promise(
        id=f"id;{HOSTILE}",
        title=HOSTILE,
        period=PERIOD,
        follow_up_rules=(FollowUpRule(id="r", cadence=Cadence.YEARLY, forum=HOSTILE),),
        activities=(
            Activity(
                id="a",
                title=HOSTILE,
                target=Schedule(recurrence=Recurrence(rule="FREQ=MONTHLY;BYMONTHDAY=1")),
            ),
        ),
    )


def _content_lines(data: bytes) -> list[bytes]:
    """Return the content lines of an iCalendar stream, unfolded (RFC 5545 section 3.1)."""
    assert data.endswith(b"\r\n")
    return data[:-2].replace(b"\r\n ", b"").split(b"\r\n")


def test_text_values_are_escaped_and_nothing_raw_reaches_a_line():
    """Line breaks, ; , and backslashes are escaped, and no control reaches a line, everywhere."""
    data = to_icalendar(_hostile_promise(), as_of=AS_OF)
    for line in _content_lines(data):
        assert b"\r" not in line
        assert b"\n" not in line
        assert not any((byte < 0x20 and byte != 0x09) or byte == 0x7F for byte in line), line
    escaped = "slut\\; a\\, b \\\\ C:\\\\Nisse \u202ebakåt".encode()
    unfolded = b"".join(_content_lines(data))
    assert unfolded.count(escaped) >= 6  # name, calendar name, two summaries, location, uid


def _unescaped(data: bytes, name: str) -> list[str]:
    """Return every value of the property *name*, unescaped as RFC 5545 section 3.3.11 says."""
    values = []
    for line in _content_lines(data):
        key, _, value = line.decode("utf-8").partition(":")
        if key.split(";")[0] == name:
            values.append(
                re.sub(r"\\([\\;,nN])", lambda m: {"n": "\n", "N": "\n"}.get(m[1], m[1]), value)
            )
    return values


def test_text_values_read_back_as_written():
    """A calendar program reads each text back as the promise wrote it."""
    data = to_icalendar(_hostile_promise(), as_of=AS_OF)
    assert [SHOWN] == _unescaped(data, "NAME")
    assert SHOWN in _unescaped(data, "SUMMARY")
    assert f"Medborgarlöfte: {SHOWN}" in _unescaped(data, "DESCRIPTION")
    assert {f"Uppföljning 2023 – {SHOWN}", f"Uppföljning 2024 – {SHOWN}"} <= set(
        _unescaped(data, "SUMMARY")
    )


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))))
def test_any_title_gives_valid_content_lines(title):
    """Any title the model accepts gives content lines without a raw line break or control."""
    try:
        promise = Promise(id="p", title=f"t{title}", period=PERIOD)
    except InvalidValueError:
        return  # refused when built: a line break or a control character (#14)
    for line in _content_lines(to_icalendar(promise, as_of=AS_OF)):
        assert not any((byte < 0x20 and byte != 0x09) or byte == 0x7F for byte in line), line


def test_a_schedule_in_the_first_millennium_has_a_four_digit_until():
    """A rule bounded in year 999 is written UNTIL=0999…, and expands to the library's dates."""
    promise = Promise(
        id="p",
        title="Tidigt",
        period=Period(start=D(999, 1, 1), end=D(999, 12, 31)),
        activities=(
            Activity(id="a", title="Möten", target=schedule("FREQ=MONTHLY;BYMONTHDAY=15")),
        ),
    )
    data = to_icalendar(promise, as_of=AS_OF, follow_ups=False)
    assert b";UNTIL=09991215" in data
    query = recurring_ical_events.of(icalendar.Calendar.from_ical(data))
    shown = {event["DTSTART"].dt for event in query.between(D(999, 1, 1), D(1000, 1, 1))}
    assert set(activity_dates(promise, promise.activities[0])) == shown
