"""``medborgarlofte followups``: the follow-up calendar, held, due and overdue (uppföljning)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medborgarlofte.cli._common import (
    EXIT_OK,
    add_documents,
    as_of,
    emit,
    load_all,
    sections,
    words,
)
from medborgarlofte.cli._terminal import table, wrap

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from medborgarlofte._core.problems import Language
    from medborgarlofte._model.promise import Promise
    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``followups`` command to *commands*."""
    parser = commands.add_parser(
        "followups",
        parents=[shared.lang, shared.dated, shared.working],
        help="show the follow-up calendar: held, due and overdue occasions",
        description="List every follow-up occasion of the promise with what it covers, its "
        "forum, its due date and whether it was held, is due soon or overdue. A collection "
        "gives a section per promise; a follow-up document given beside its promise adds "
        "its assessments as a follow-up held on its meeting day (else its publication day).",
    )
    add_documents(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the follow-up occasions of each promise in the files and their states."""
    lang: Language = args.lang
    date, stated = as_of(args)
    promises = load_all(args.files, lang)
    texts = [
        _promise_text(promise, date, stated, lang, working_days=args.working_days)
        for promise in promises
    ]
    emit(sections(texts))
    return EXIT_OK


def _promise_text(
    promise: Promise, date: dt.date, stated: str, lang: Language, *, working_days: bool
) -> str:
    """Return the follow-up occasions of one promise and their states as text."""
    from medborgarlofte._compute.followup import follow_up_coverage  # noqa: PLC0415
    from medborgarlofte._core import texts  # noqa: PLC0415 - imported when run

    text = words("followups", lang)
    coverage = follow_up_coverage(promise, as_of=date, working_days=working_days)
    out = [*wrap(text["followups_title"].format(title=promise.title, as_of=stated)), ""]
    if not coverage.statuses:
        out += wrap(text["no_occasions"])
        return "\n".join(out)
    out.append(
        text["state_counts"].format(
            held=len(coverage.held),
            overdue=len(coverage.overdue),
            due_soon=len(coverage.due_soon),
            upcoming=len(coverage.upcoming),
        )
    )
    out.append("")
    rows = []
    for status in coverage.statuses:
        occasion = status.occasion
        state = status.state.label(lang)
        if status.follow_ups:
            state += f" {texts.day(status.follow_ups[0].held_on, lang)}"
            if status.late:
                state += f" ({text['late']})"
        elif status.days_left < 0:
            state = texts.counted(texts.SENTENCES, "days_late", -status.days_left, lang)
        rows.append(
            [
                occasion.label(lang),
                texts.days(occasion.covers.start, occasion.covers.end, lang),
                occasion.forum or "–",
                texts.day(occasion.due, lang),
                state,
            ]
        )
    header = [
        text["head_covers"],
        text["head_period"],
        text["head_forum"],
        text["head_due"],
        text["head_state"],
    ]
    out += table(header, rows, right=[False] * 5, flexible=(0, 2, 4))
    return "\n".join(out)
