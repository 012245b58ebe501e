"""``medborgarlofte progress``: where a promise stands, a table per focus area (läget)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from medborgarlofte.cli._common import (
    EXIT_OK,
    add_documents,
    as_of,
    emit,
    load_all,
    sections,
    words,
)
from medborgarlofte.cli._terminal import number, percent, table, wrap

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._compute.results import (
        ActivityProgress,
        PartyProgress,
        PromiseProgress,
        StatusCounts,
    )
    from medborgarlofte._core.problems import Language
    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``progress`` command to *commands*."""
    parser = commands.add_parser(
        "progress",
        parents=[shared.lang, shared.dated],
        help="show where a promise stands: a table per focus area",
        description="Show, per focus area and activity, what was planned, what was expected "
        "by the date, what was done, the share done, the status and the reason for it. An "
        "activity each responsible party carries out on its own (responsibility = each) gets "
        "a row per party under it. A collection gives a section per promise; a follow-up "
        "document given beside its promise adds its reports and assessments.",
    )
    add_documents(parser)
    parser.set_defaults(run=run)


def counts_text(counts: StatusCounts, lang: Language) -> str:
    """Return the number of activities per status in words, the empty ones left out.

    Each count agrees with its number: "1 aktivitet uppnådd", "4 aktiviteter uppnådda".
    """
    from medborgarlofte._core import texts  # noqa: PLC0415 - imported when run

    return ", ".join(
        texts.counted(texts.STATUS_COUNTS, status.value, n, lang) for status, n in counts if n
    )


def _row(
    title: str,
    item: ActivityProgress | PartyProgress,
    lang: Language,
) -> list[str]:
    """Return one row of the table: an activity's figures, or one party's under it."""
    return [
        title,
        number(item.planned, lang),
        number(item.expected, lang),
        number(item.done, lang) if item.planned is not None else "–",
        percent(item.completion, lang),
        item.status.label(lang),
    ]


def _promise_text(result: PromiseProgress, stated: str, lang: Language) -> str:
    """Return the progress of one promise as text: the overall figures and a table per group."""
    from medborgarlofte._core import texts  # noqa: PLC0415 - imported when run

    text = words("progress", lang)
    promise = result.promise
    out = [*wrap(text["progress_title"].format(title=promise.title, as_of=stated)), ""]
    if result.reason is not None:
        out += wrap(text["no_period"].format(reason=result.reason.text(lang)))
    elif (period := promise.period) is not None:  # known whenever there is no reason
        out += wrap(
            text["period"].format(
                period=texts.days(period.start, period.end, lang),
                elapsed=percent(result.elapsed, lang),
            )
        )
    if result.activities and result.completion is None:
        out += wrap(text["no_completion"].format(counts=counts_text(result.counts, lang)))
    elif result.activities:
        out += wrap(
            text["overall"].format(
                completion=percent(result.completion, lang),
                expected=percent(result.expected_completion, lang),
                counts=counts_text(result.counts, lang),
            )
        )
    else:
        out += wrap(text["no_activities"])
    known = {area.id for area in promise.focus_areas}
    groups = [
        (text["focus_area"].format(title=a.focus_area.title), a.activities)
        for a in result.focus_areas
    ]
    rest = tuple(a for a in result.activities if not known.intersection(a.activity.focus_areas))
    if rest:
        groups.append((texts.REPORT[lang]["other_activities"], rest))
    header = [
        text["head_activity"],
        text["head_planned"],
        text["head_expected"],
        text["head_done"],
        text["head_completion"],
        text["head_status"],
    ]
    for title, items in groups:
        out += ["", *wrap(title), ""]
        rows = []
        notes = []
        for item in items:
            rows.append(_row(item.activity.title, item, lang))
            notes.append(item.reason.text(lang))
            for party in item.parties:  # an activity each party carries out: a row per party
                rows.append(_row(f"  {_PARTY_MARK} {party.name}", party, lang))
                notes.append("")
        out += table(header, rows, right=[False, True, True, True, True, False], notes=notes)
    return "\n".join(out)


_PARTY_MARK: Final = "-"
"""What marks a party's row under its activity."""


def run(args: argparse.Namespace) -> int:
    """Print the progress of each promise in the files at the date."""
    from medborgarlofte._compute.progress import progress  # noqa: PLC0415 - imported when run

    lang: Language = args.lang
    date, stated = as_of(args)
    promises = load_all(args.files, lang)
    results = [progress(promise, as_of=date) for promise in promises]
    emit(sections([_promise_text(result, stated, lang) for result in results]))
    return EXIT_OK
