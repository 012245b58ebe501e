import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Activity,
    Assessment,
    FollowUpDocument,
    OpenPeriod,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Place,
    Promise,
    PromiseMismatchError,
    PromiseRef,
    Report,
    ReportLink,
    Verdict,
    follow_up_alone,
    progress,
    testing,
    validate,
    with_follow_up,
)

D = dt.date
POLICE = Party(id="polisen", kind=PartyKind.POLICE, name="Polisen")
PROMISE = Promise(
    id="p",
    title="P",
    parties=(POLICE,),
    period=Period.year(2024),
    activities=(
        Activity(
            id="a",
            title="Trafikkontroller",
            target=PeriodQuota(amount=12, unit="kontroller"),
            responsible=("polisen",),
        ),
    ),
    reports=(Report(activity="a", date=D(2024, 2, 1), amount=1),),
)


def document(**changes):
    """Return a follow-up document of PROMISE with *changes*."""
    fields = {"id": "t1", "promise": PromiseRef(id="p")}
    return FollowUpDocument(**(fields | changes))


def test_linked_reports_count_and_the_others_are_kept():
    """The document's reports follow the promise's; only the linked one counts towards progress."""
    reports = (
        Report(activity="a", date=D(2024, 3, 1), amount=3),
        Report(link=ReportLink.UNRESTATED, work="fotpatruller", date=D(2024, 3, 1), amount=20),
        Report(link=ReportLink.UNPROMISED, work="dialoger", date=D(2024, 3, 1), amount=2),
    )
    merged = with_follow_up(PROMISE, document(reports=reports))
    assert (*PROMISE.reports, *reports) == merged.reports
    assert 4 == progress(merged, as_of=D(2024, 6, 30)).activity("a").done
    assert () == validate(merged)


def test_the_promise_itself_is_unchanged():
    """A copy is returned; the promise given keeps its reports."""
    with_follow_up(PROMISE, document(reports=(Report(activity="a", date=D(2024, 3, 1)),)))
    assert 1 == len(PROMISE.reports)


def test_another_promise_is_refused_by_name():
    """A document of another promise is refused with both ids and the document's."""
    with pytest.raises(PromiseMismatchError) as caught:
        with_follow_up(PROMISE, document(promise=PromiseRef(id="q")))
    assert ("p", "q", "t1") == (
        caught.value.promise,
        caught.value.followed_up,
        caught.value.document,
    )
    expected = "the follow-up document 't1' follows up the promise 'q', not 'p'"
    assert expected == str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("covers", "meeting_on", "published_on", "span"),
    [
        pytest.param(
            OpenPeriod(start=D(2024, 1, 1), end=D(2024, 4, 30)),
            None,
            D(2024, 5, 20),
            Period(start=D(2024, 1, 1), end=D(2024, 4, 30)),
            id="closed",
        ),
        pytest.param(
            OpenPeriod(start=D(2024, 1, 1)),
            D(2024, 5, 14),
            D(2024, 5, 20),
            Period(start=D(2024, 1, 1), end=D(2024, 5, 14)),
            id="open-until-the-meeting",
        ),
        pytest.param(
            OpenPeriod(start=D(2024, 1, 1)),
            None,
            D(2024, 5, 20),
            Period(start=D(2024, 1, 1), end=D(2024, 5, 20)),
            id="open-until-publication",
        ),
        pytest.param(OpenPeriod(start=D(2024, 1, 1)), None, None, None, id="open-no-date"),
        pytest.param(None, None, D(2024, 5, 20), None, id="no-span"),
    ],
)
def test_an_undated_report_is_about_the_span_the_document_covers(
    covers, meeting_on, published_on, span
):
    """A report without a day takes the document's span, ended by its meeting or publication."""
    reports = (
        Report(activity="a", amount=2),
        Report(activity="a", amount=1, date=D(2024, 2, 2)),
    )
    merged = with_follow_up(
        PROMISE,
        document(covers=covers, meeting_on=meeting_on, published_on=published_on, reports=reports),
    )
    assert (span, None) == (merged.reports[1].period, merged.reports[2].period)


def test_assessments_become_a_follow_up_held_on_the_meeting_or_publication_day():
    """Assessments are held on the meeting day, else the publication day, else not added."""
    assessments = (Assessment(activity="a", verdict=Verdict.PARTLY_DONE),)
    met = with_follow_up(
        PROMISE,
        document(
            assessments=assessments,
            meeting_on=D(2024, 5, 14),
            published_on=D(2024, 5, 20),
            forum="BRÅ",
            summary="Bra start",
        ),
    )
    (held,) = met.follow_ups
    assert ("t1", D(2024, 5, 14), "BRÅ", "Bra start", assessments) == (
        held.id,
        held.held_on,
        held.forum,
        held.summary,
        held.assessments,
    )
    published = with_follow_up(
        PROMISE, document(assessments=assessments, published_on=D(2024, 5, 20))
    )
    assert [D(2024, 5, 20)] == [f.held_on for f in published.follow_ups]
    assert () == with_follow_up(PROMISE, document(assessments=assessments)).follow_ups
    after = progress(met, as_of=D(2024, 6, 30)).activity("a").assessment
    assert Verdict.PARTLY_DONE == after.verdict


def test_parties_and_places_the_promise_lacks_are_added():
    """The document's parties and places are added by id, the promise's own kept as they are."""
    other_police = Party(id="polisen", kind=PartyKind.POLICE, name="Lokalpolisen")
    bid = Party(id="bid", kind=PartyKind.BUSINESS, name="BID Centrum")
    square = Place(id="torget", name="Torget")
    merged = with_follow_up(PROMISE, document(parties=(other_police, bid), places=(square,)))
    assert ((POLICE, bid), (square,)) == (merged.parties, merged.places)


@given(st.data())
def test_a_generated_follow_up_never_lowers_what_was_done(data):
    """Any follow-up document of any promise adds to done, and its linked reports are all kept."""
    promise = data.draw(testing.promises(min_activities=1, with_period=True))
    follow_up = data.draw(testing.follow_up_documents(promise=promise))
    as_of = data.draw(st.dates(promise.period.start, promise.period.end))
    merged = with_follow_up(promise, follow_up)
    assert promise.reports == merged.reports[: len(promise.reports)]
    assert len(follow_up.reports) == len(merged.reports) - len(promise.reports)
    before = progress(promise, as_of=as_of)
    after = progress(merged, as_of=as_of)
    for old, new in zip(before.activities, after.activities, strict=True):
        assert new.done >= old.done
        assert new.reports >= old.reports


def test_a_follow_up_document_alone_stands_in_for_its_promise():
    """Alone, a document gives a promise of its id, covered span, parties and reports, no work."""
    alone = follow_up_alone(
        document(
            title="Uppföljning T1",
            covers=OpenPeriod(start=D(2024, 1, 1), end=D(2024, 4, 30)),
            parties=(POLICE,),
            reports=(
                Report(link=ReportLink.UNRESTATED, work="fotpatruller", amount=20, party="polisen"),
                Report(activity="a", amount=3, party="polisen"),
            ),
        )
    )
    assert ("p", "Uppföljning T1", Period(start=D(2024, 1, 1), end=D(2024, 4, 30))) == (
        alone.id,
        alone.title,
        alone.period,
    )
    assert ((POLICE,), ()) == (alone.parties, alone.activities)
    walks, controls = alone.reports
    assert ("fotpatruller", alone.period) == (walks.work, walks.period)
    assert (None, ReportLink.UNRESTATED, "a", 3) == (
        controls.activity,
        controls.link,
        controls.work,
        controls.amount,
    )
    assert [] == [p.code for p in validate(alone) if p.is_error]


def test_a_follow_up_document_alone_takes_the_promise_title_and_period_it_names():
    """The reference's title and period come before the document's own."""
    alone = follow_up_alone(
        document(promise=PromiseRef(id="p", title="Löftet", period=Period.year(2024)), title="T1")
    )
    assert ("Löftet", Period.year(2024)) == (alone.title, alone.period)
