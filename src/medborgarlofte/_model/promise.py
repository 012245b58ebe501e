"""The promise itself, its basis, focus areas and activities (medborgarlöfte)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, TypeVar

import attrs

from medborgarlofte._model.checks import (
    line,
    lines,
    non_negative_number,
    of,
    one_of,
    optional_date,
    optional_integer,
    optional_of,
    optional_one_line,
    optional_text,
    tuple_of,
)
from medborgarlofte._model.followup import FollowUp, FollowUpRule
from medborgarlofte._model.indicators import Indicator
from medborgarlofte._model.origin import Origin
from medborgarlofte._model.parties import Contact, Party, PartyKind, Place, Signatory
from medborgarlofte._model.period import Period
from medborgarlofte._model.reports import Report
from medborgarlofte._model.targets import (
    IntervalQuota,
    Milestone,
    Ongoing,
    PeriodQuota,
    Schedule,
    Target,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Activity",
    "Basis",
    "Cancellation",
    "FocusArea",
    "PlaceSplit",
    "Promise",
    "RelatedDocument",
    "Responsibility",
    "ReviewOccasion",
    "Source",
    "SourceKind",
]


class SourceKind(enum.Enum):
    """What a source of the situational picture is (typ av underlag)."""

    CITIZEN_DIALOGUE = "citizen_dialogue"
    """Medborgardialog, including dialogues at a mobile police office."""
    EMPLOYEE_DIALOGUE = "employee_dialogue"
    """Medarbetardialog."""
    SURVEY = "survey"
    """Enkät, trygghetsmätning, NTU."""
    CRIME_STATISTICS = "crime_statistics"
    """Brottsstatistik."""
    LOCAL_INTELLIGENCE = "local_intelligence"
    """Lokal underrättelseinformation."""
    SITUATION_REPORT = "situation_report"
    """An existing lägesbild or analysis."""
    OTHER = "other"
    """Any other source."""


@attrs.frozen(kw_only=True)
class Source:
    """One source the situational picture was built from (underlag).

    Attributes:
        id: Unique within the promise; indicators and measurements refer to it.
        kind: What kind of source it is.
        description: The source in words, as vague as the original if need be.
        year: The year it is from.
        respondents: How many answered, for a survey.
        url: Where it can be read.
    """

    id: str = attrs.field(validator=line)
    kind: SourceKind = attrs.field(validator=of(SourceKind))
    description: str | None = attrs.field(default=None, validator=optional_text)
    year: int | None = attrs.field(default=None, validator=optional_integer)
    respondents: int | None = attrs.field(default=None, validator=optional_integer)
    url: str | None = attrs.field(default=None, validator=optional_one_line)


@attrs.frozen(kw_only=True)
class Basis:
    """The situational picture a promise rests on (lägesbild, underlag).

    Attributes:
        sources: Where the picture comes from.
        problems: The problems the picture names, whether or not the promise
            takes them up; the focus areas say which it does.
        summary: The picture in words.
    """

    sources: tuple[Source, ...] = attrs.field(default=(), validator=tuple_of(Source))
    problems: tuple[str, ...] = attrs.field(default=(), validator=lines)
    summary: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class FocusArea:
    """A problem or a place the promise concentrates on (fokusområde).

    Thematic ("narkotika") and geographic ("Öxnehaga") focus areas sit side by
    side; a geographic one names its places.

    Attributes:
        id: Unique within the promise.
        title: Its name.
        description: What it is about and why it was chosen.
        places: Ids of the places it concerns.
    """

    id: str = attrs.field(validator=line)
    title: str = attrs.field(validator=line)
    description: str | None = attrs.field(default=None, validator=optional_text)
    places: tuple[str, ...] = attrs.field(default=(), validator=lines)


class Responsibility(enum.Enum):
    """How several responsible parties share an activity (ansvarsfördelning)."""

    EACH = "each"
    """Var och en: every responsible party carries it out ("kommunerna" = all)."""
    JOINT = "joint"
    """Gemensamt: the parties carry it out together."""
    ANY = "any"
    """Någon av: one of the responsible parties carries it out."""


class PlaceSplit(enum.Enum):
    """How an activity's amount is shared among its places (fördelning på platser)."""

    TOGETHER = "together"
    """Tillsammans: the amount is for all the places together."""
    EACH = "each"
    """Var för sig: the amount is for each place."""
    UNCLEAR = "unclear"
    """Oklart: the source does not say which."""


@attrs.frozen(kw_only=True)
class Cancellation:
    """Why and when an activity was dropped (avbruten aktivitet).

    Attributes:
        date: When it was dropped.
        reason: Why.
    """

    date: dt.date | None = attrs.field(default=None, validator=optional_date)
    reason: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class Activity:
    """A concrete thing the parties promise to do (aktivitet, åtgärd, insats).

    Attributes:
        id: Unique within the promise.
        title: What is to be done, briefly.
        target: How much, how often or by when.
        responsible: Ids of the parties responsible; none when the source does
            not say (passive voice).
        responsibility: How several responsible parties share the work.
        participants: Ids of further parties taking part.
        focus_areas: Ids of the focus areas it serves; one activity may serve
            several.
        places: Ids of the places it is carried out in.
        weight: Its weight in roll-ups; 1 by default.
        measure: A heading shared by paired lines, when one measure has a line
            per party ("Polis: … Kommun: …").
        description: The activity in words.
        condition: A condition it depends on ("om lägesbilden tillåter").
        timing: When it happens ("kvällstid", "under hösten").
        method: How it is done ("20-minutersmetoden", "EST").
        cancelled: Set when the activity was dropped.
        target_group: Who it is for ("vårdnadshavare till elever i årskurs 5").
        purpose: What it is for ("i syfte att arbeta kontaktskapande").
        examples: Examples of the measures it may take ("förbättrad belysning").
        place_split: Whether the target's amount is for its places together
            or for each, when it has several.
    """

    id: str = attrs.field(validator=line)
    title: str = attrs.field(validator=line)
    target: Target = attrs.field(
        validator=one_of(PeriodQuota, IntervalQuota, Schedule, Milestone, Ongoing)
    )
    responsible: tuple[str, ...] = attrs.field(default=(), validator=lines)
    responsibility: Responsibility = attrs.field(
        default=Responsibility.JOINT, validator=of(Responsibility)
    )
    participants: tuple[str, ...] = attrs.field(default=(), validator=lines)
    focus_areas: tuple[str, ...] = attrs.field(default=(), validator=lines)
    places: tuple[str, ...] = attrs.field(default=(), validator=lines)
    weight: float = attrs.field(default=1.0, validator=non_negative_number)
    measure: str | None = attrs.field(default=None, validator=optional_text)
    description: str | None = attrs.field(default=None, validator=optional_text)
    condition: str | None = attrs.field(default=None, validator=optional_text)
    timing: str | None = attrs.field(default=None, validator=optional_text)
    method: str | None = attrs.field(default=None, validator=optional_text)
    cancelled: Cancellation | None = attrs.field(default=None, validator=optional_of(Cancellation))
    target_group: str | None = attrs.field(default=None, validator=optional_text)
    purpose: str | None = attrs.field(default=None, validator=optional_text)
    examples: tuple[str, ...] = attrs.field(default=(), validator=lines)
    place_split: PlaceSplit | None = attrs.field(default=None, validator=optional_of(PlaceSplit))


@attrs.frozen(kw_only=True)
class RelatedDocument:
    """Another agreement or document the promise relates to (relaterat dokument).

    For example the samverkansöverenskommelse the promise builds on, with a
    longer period of its own.

    Attributes:
        title: Its name.
        kind: What it is, for example ``"samverkansöverenskommelse"``.
        period: Its period of validity.
        url: Where it can be read.
    """

    title: str = attrs.field(validator=line)
    kind: str | None = attrs.field(default=None, validator=optional_one_line)
    period: Period | None = attrs.field(default=None, validator=optional_of(Period))
    url: str | None = attrs.field(default=None, validator=optional_one_line)


@attrs.frozen(kw_only=True)
class ReviewOccasion:
    """An occasion when the promise may be revised, with or without a date (revidering).

    "Löftet kan revideras om behov skulle uppstå" has no date, only a condition;
    "vid årsskiftet 2018/2019" has a date.

    Attributes:
        date: The day, if the source gives one.
        condition: When it happens, in words ("om behov uppstår").
        note: Anything else about it.
    """

    date: dt.date | None = attrs.field(default=None, validator=optional_date)
    condition: str | None = attrs.field(default=None, validator=optional_text)
    note: str | None = attrs.field(default=None, validator=optional_text)


@attrs.frozen(kw_only=True)
class Promise:
    """A citizen promise by police and municipality (medborgarlöfte).

    A promise may have several municipalities, a region acting as one, or no
    municipality at all (a police-only promise). Its period may be unknown:
    ``period`` is then ``None`` and ``period_text`` keeps what the source says,
    such as ``"hösten 2015"``.

    Attributes:
        id: A stable identifier for the promise, for example ``"hofors-2023-2024"``.
        title: Its name.
        parties: Every organisation involved; see :class:`PartyRole`.
        period: Its period of validity, if known.
        period_text: The period as the source words it.
        signed_on: The day it was signed, if the source says.
        signatories: Who signed.
        contacts: Whom to contact.
        basis: The situational picture it rests on.
        places: Places below the kommun it concerns.
        focus_areas: What it concentrates on.
        activities: What the parties promise to do.
        reports: What was done.
        indicators: Measures of effect.
        follow_up_rules: How it is followed up.
        follow_ups: Follow-ups that were held.
        renews: The id of the promise this one renews or extends.
        review_dates: Days inside the period when it is to be revised.
        related: Other agreements it relates to.
        summary: The promise in a few sentences.
        url: Where the promise is published.
        reviews: Occasions when it may be revised, dated or not.
        origin: The text the document was written from (källa).
    """

    id: str = attrs.field(validator=line)
    title: str = attrs.field(validator=line)
    parties: tuple[Party, ...] = attrs.field(default=(), validator=tuple_of(Party))
    period: Period | None = attrs.field(default=None, validator=optional_of(Period))
    period_text: str | None = attrs.field(default=None, validator=optional_text)
    signed_on: dt.date | None = attrs.field(default=None, validator=optional_date)
    signatories: tuple[Signatory, ...] = attrs.field(default=(), validator=tuple_of(Signatory))
    contacts: tuple[Contact, ...] = attrs.field(default=(), validator=tuple_of(Contact))
    basis: Basis = attrs.field(default=Basis(), validator=of(Basis))
    places: tuple[Place, ...] = attrs.field(default=(), validator=tuple_of(Place))
    focus_areas: tuple[FocusArea, ...] = attrs.field(default=(), validator=tuple_of(FocusArea))
    activities: tuple[Activity, ...] = attrs.field(default=(), validator=tuple_of(Activity))
    reports: tuple[Report, ...] = attrs.field(default=(), validator=tuple_of(Report))
    indicators: tuple[Indicator, ...] = attrs.field(default=(), validator=tuple_of(Indicator))
    follow_up_rules: tuple[FollowUpRule, ...] = attrs.field(
        default=(), validator=tuple_of(FollowUpRule)
    )
    follow_ups: tuple[FollowUp, ...] = attrs.field(default=(), validator=tuple_of(FollowUp))
    renews: str | None = attrs.field(default=None, validator=optional_one_line)
    review_dates: tuple[dt.date, ...] = attrs.field(default=(), validator=tuple_of(dt.date))
    related: tuple[RelatedDocument, ...] = attrs.field(
        default=(), validator=tuple_of(RelatedDocument)
    )
    summary: str | None = attrs.field(default=None, validator=optional_text)
    url: str | None = attrs.field(default=None, validator=optional_one_line)
    reviews: tuple[ReviewOccasion, ...] = attrs.field(
        default=(), validator=tuple_of(ReviewOccasion)
    )
    origin: Origin | None = attrs.field(default=None, validator=optional_of(Origin))

    @property
    def municipalities(self) -> tuple[Party, ...]:
        """Return the parties that carry a kommunkod: the kommuner of the promise."""
        return tuple(p for p in self.parties if p.kommunkod is not None)

    @property
    def police(self) -> tuple[Party, ...]:
        """Return the police parties."""
        return tuple(p for p in self.parties if p.kind is PartyKind.POLICE)

    def party(self, party_id: str) -> Party:
        """Return the party with id *party_id*.

        Raises:
            KeyError: If there is no such party.
        """
        return _by_id(self.parties, party_id, "party")

    def activity(self, activity_id: str) -> Activity:
        """Return the activity with id *activity_id*.

        Raises:
            KeyError: If there is no such activity.
        """
        return _by_id(self.activities, activity_id, "activity")

    def focus_area(self, focus_area_id: str) -> FocusArea:
        """Return the focus area with id *focus_area_id*.

        Raises:
            KeyError: If there is no such focus area.
        """
        return _by_id(self.focus_areas, focus_area_id, "focus area")

    def activities_in(self, focus_area_id: str) -> tuple[Activity, ...]:
        """Return the activities that serve the focus area *focus_area_id*."""
        return tuple(a for a in self.activities if focus_area_id in a.focus_areas)

    def reports_for(self, activity_id: str) -> tuple[Report, ...]:
        """Return the reports on the activity *activity_id*, in document order."""
        return tuple(r for r in self.reports if r.activity == activity_id)

    def with_reports(self, *reports: Report) -> Promise:
        """Return a copy with *reports* added after the existing ones."""
        return attrs.evolve(self, reports=(*self.reports, *reports))

    def with_follow_ups(self, *follow_ups: FollowUp) -> Promise:
        """Return a copy with *follow_ups* added after the existing ones."""
        return attrs.evolve(self, follow_ups=(*self.follow_ups, *follow_ups))

    def with_activities(self, *activities: Activity) -> Promise:
        """Return a copy with *activities* added after the existing ones."""
        return attrs.evolve(self, activities=(*self.activities, *activities))

    def with_follow_up_rules(self, *rules: FollowUpRule) -> Promise:
        """Return a copy with *rules* added after the existing ones."""
        return attrs.evolve(self, follow_up_rules=(*self.follow_up_rules, *rules))


_T = TypeVar("_T", Party, Activity, FocusArea)


def _by_id(items: Iterable[_T], wanted: str, what: str) -> _T:
    for item in items:
        if item.id == wanted:
            return item
    msg = f"no {what} with id {wanted!r}"
    raise KeyError(msg)
