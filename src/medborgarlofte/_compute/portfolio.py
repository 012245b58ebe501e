"""Progress over many promises at once: one row each, totals per län and police region.

A county administrative board or a police region follows dozens of
medborgarlöften. :func:`portfolio` computes :func:`~medborgarlofte.progress`
for each at one date, and sums up per län (county) and per police region,
ready to write as CSV.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

import attrs

from medborgarlofte._compute.progress import progress
from medborgarlofte._compute.results import StatusCounts
from medborgarlofte._compute.status import ProgressRules, Status
from medborgarlofte._core import texts
from medborgarlofte._core.spreadsheet import safe_writer
from medborgarlofte._model.period import Period
from medborgarlofte._model.sweden import kommun
from medborgarlofte.exceptions import UnknownKommunError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

    from medborgarlofte._core.problems import Language
    from medborgarlofte._model.promise import Promise

__all__ = ["Portfolio", "PortfolioRow", "PortfolioTotal", "portfolio"]


@attrs.frozen(kw_only=True)
class PortfolioRow:
    """One promise in a portfolio (ett löfte i en översikt).

    Attributes:
        promise_id: The promise's id.
        title: Its title.
        kommunkoder: The kommunkoder of its kommuner, in the order of its parties.
        kommuner: Their names.
        counties: The län they lie in, each once.
        police_regions: Their police regions, each once; for a police-only
            promise, the police parties' regions.
        period: The promise period, if known.
        elapsed: The share of the period that has passed.
        completion: The promise's weighted mean completion.
        expected_completion: What the date calls for.
        activities: How many activities it has.
        counts: Activities per status.
    """

    promise_id: str
    title: str
    kommunkoder: tuple[str, ...]
    kommuner: tuple[str, ...]
    counties: tuple[str, ...]
    police_regions: tuple[str, ...]
    period: Period | None
    elapsed: float | None
    completion: float | None
    expected_completion: float | None
    activities: int
    counts: StatusCounts


@attrs.frozen(kw_only=True)
class PortfolioTotal:
    """The promises of one län or police region summed up (summering).

    Attributes:
        name: The län's or police region's name.
        promises: How many promises touch it; a promise of kommuner in two
            län counts in each.
        activities: How many activities those promises have.
        completion: The plain mean of the promises' completions (each
            promise counts once, whatever its size); ``None`` if none has one.
        expected_completion: The plain mean of what the date calls for.
        counts: Activities per status, summed.
    """

    name: str
    promises: int
    activities: int
    completion: float | None
    expected_completion: float | None
    counts: StatusCounts


@attrs.frozen(kw_only=True)
class Portfolio:
    """Progress of many promises at one date (översikt över många löften).

    Attributes:
        as_of: The date.
        rows: One row per promise, in the order given.
        counties: Totals per län, ordered by länskod.
        police_regions: Totals per police region, ordered by name.
    """

    as_of: dt.date
    rows: tuple[PortfolioRow, ...]
    counties: tuple[PortfolioTotal, ...]
    police_regions: tuple[PortfolioTotal, ...]

    def write_csv(
        self,
        out: TextIO,
        *,
        table: Literal["promises", "counties", "police_regions"] = "promises",
        lang: Language = "sv",
    ) -> None:
        """Write one table of the portfolio as CSV (comma-separated, with a header row).

        Shares are written as decimals with a point (``0.4375``), empty when
        there is none; several kommuner or län in one cell are joined by
        ``"; "``. Column names are in *lang*; statuses get a column each. A
        text a spreadsheet would run as a formula (a title starting with
        ``=``) is written after an apostrophe, Excel's mark for text.

        Args:
            out: A text file opened with ``newline=""``.
            table: ``"promises"`` for the rows, ``"counties"`` or
                ``"police_regions"`` for the totals.
            lang: The language of the header.

        Raises:
            ValueError: For an unknown *table*.
        """
        writer = safe_writer(out)
        statuses = [status.label(lang) for status in Status]
        header = [texts.pick(texts.PORTFOLIO_HEADERS[name], lang) for name in _ROW_HEADER]
        totals_header = [texts.pick(texts.PORTFOLIO_HEADERS[n], lang) for n in _TOTAL_HEADER]
        if table == "promises":
            writer.writerow([*header, *statuses])
            for row in self.rows:
                writer.writerow(
                    [
                        row.promise_id,
                        row.title,
                        "; ".join(row.kommunkoder),
                        "; ".join(row.kommuner),
                        "; ".join(row.counties),
                        "; ".join(row.police_regions),
                        row.period.start.isoformat() if row.period else "",
                        row.period.end.isoformat() if row.period else "",
                        _share(row.elapsed),
                        _share(row.completion),
                        _share(row.expected_completion),
                        row.activities,
                        *row.counts.counts,
                    ]
                )
            return
        if table not in {"counties", "police_regions"}:
            msg = f"unknown table {table!r}: use 'promises', 'counties' or 'police_regions'"
            raise ValueError(msg)
        if table == "counties":
            totals, first = self.counties, "county"
        else:
            totals, first = self.police_regions, "police_region"
        first_name = texts.pick(texts.PORTFOLIO_HEADERS[first], lang)
        writer.writerow([first_name, *totals_header, *statuses])
        for total in totals:
            writer.writerow(
                [
                    total.name,
                    total.promises,
                    total.activities,
                    _share(total.completion),
                    _share(total.expected_completion),
                    *total.counts.counts,
                ]
            )


_ROW_HEADER = (
    "promise",
    "title",
    "kommunkod",
    "kommun",
    "county",
    "police_region",
    "start",
    "end",
    "elapsed",
    "completion",
    "expected_completion",
    "activities",
)
_TOTAL_HEADER = ("promises", "activities", "completion", "expected_completion")


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def portfolio(
    promises: Iterable[Promise], *, as_of: dt.date, rules: ProgressRules | None = None
) -> Portfolio:
    """Return the progress of many promises at one date, with totals (översikt).

    Each promise's kommuner come from its parties' kommunkoder, looked up in
    the list of Sweden's 290 kommuner for their län and police region. A
    police-only promise has no län; its police region comes from its police
    parties, if they name one. A kommunkod that is not a kommun is skipped.

    Args:
        promises: The promises.
        as_of: The date, for every promise.
        rules: The thresholds; the defaults if not given.

    Returns:
        One row per promise, and totals per län and police region.

    Raises:
        InvalidValueError: Never for valid promises.

    >>> import datetime as dt
    >>> from medborgarlofte import Party, PartyKind, Promise
    >>> hofors = Promise(id="h", title="Hofors", parties=(
    ...     Party(id="k", kind=PartyKind.MUNICIPALITY, name="Hofors kommun", kommunkod="2104"),))
    >>> p = portfolio([hofors], as_of=dt.date(2024, 1, 1))
    >>> p.rows[0].counties, p.rows[0].police_regions, p.counties[0].promises
    (('Gävleborgs län',), ('Mitt',), 1)
    """
    rules = rules or ProgressRules()
    rows: list[PortfolioRow] = []
    county_codes: dict[str, str] = {}
    for promise in promises:
        result = progress(promise, as_of=as_of, rules=rules)
        codes: list[str] = []
        names: list[str] = []
        counties: dict[str, None] = {}
        regions: dict[str, None] = {}
        for party in promise.municipalities:
            code = party.kommunkod or ""
            try:
                found = kommun(code)
            except UnknownKommunError:
                continue
            codes.append(found.code)
            names.append(found.name)
            counties[found.county.name] = None
            county_codes[found.county.name] = found.county.code
            regions[found.police_region.value] = None
        if not regions:
            regions = {p.police_region: None for p in promise.police if p.police_region}
        rows.append(
            PortfolioRow(
                promise_id=promise.id,
                title=promise.title,
                kommunkoder=tuple(codes),
                kommuner=tuple(names),
                counties=tuple(counties),
                police_regions=tuple(regions),
                period=promise.period,
                elapsed=result.elapsed,
                completion=result.completion,
                expected_completion=result.expected_completion,
                activities=len(promise.activities),
                counts=result.counts,
            )
        )
    return Portfolio(
        as_of=as_of,
        rows=tuple(rows),
        counties=_totals(rows, lambda r: r.counties, key=lambda name: county_codes[name]),
        police_regions=_totals(rows, lambda r: r.police_regions, key=lambda name: name),
    )


def _totals(
    rows: list[PortfolioRow],
    groups_of: _Groups,
    *,
    key: _Key,
) -> tuple[PortfolioTotal, ...]:
    members: dict[str, list[PortfolioRow]] = {}
    for row in rows:
        for name in groups_of(row):
            members.setdefault(name, []).append(row)
    totals = []
    for name in sorted(members, key=key):
        group = members[name]
        done = [r.completion for r in group if r.completion is not None]
        expected = [r.expected_completion for r in group if r.expected_completion is not None]
        counts = StatusCounts.of(())
        for r in group:
            counts += r.counts
        totals.append(
            PortfolioTotal(
                name=name,
                promises=len(group),
                activities=sum(r.activities for r in group),
                completion=sum(done) / len(done) if done else None,
                expected_completion=sum(expected) / len(expected) if expected else None,
                counts=counts,
            )
        )
    return tuple(totals)


if TYPE_CHECKING:
    from collections.abc import Callable

    _Groups = Callable[[PortfolioRow], tuple[str, ...]]
    _Key = Callable[[str], str]
