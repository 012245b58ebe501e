"""``medborgarlofte followups``: the follow-up calendar, held, due and overdue (uppföljning)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from medborgarlofte.cli._common import EXIT_OK, add_documents, as_of, emit, load_all, sections
from medborgarlofte.cli._terminal import table, wrap

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from medborgarlofte._core.problems import Language
    from medborgarlofte._model.promise import Promise
    from medborgarlofte.cli._common import Parents

_TEXT: Final = {
    "sv": {
        "followups_title": "{title}: uppföljning {as_of}",
        "head_covers": "Avser",
        "head_period": "Period",
        "head_forum": "Forum",
        "head_due": "Senast",
        "head_state": "Läge",
        "late": "för sent",
        "no_occasions": "Löftet har inga uppföljningstillfällen "
        "(ingen uppföljningsregel eller period).",
        "state_counts": "Genomförda {held}, försenade {overdue}, snart {due_soon}, "
        "kommande {upcoming}.",
    },
    "en": {
        "followups_title": "{title}: follow-up {as_of}",
        "head_covers": "Covers",
        "head_period": "Period",
        "head_forum": "Forum",
        "head_due": "Due",
        "head_state": "State",
        "late": "late",
        "no_occasions": "The promise has no follow-up occasions (no follow-up rule or no period).",
        "state_counts": "Held {held}, overdue {overdue}, due soon {due_soon}, upcoming {upcoming}.",
    },
}


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

    words = _TEXT[lang]
    coverage = follow_up_coverage(promise, as_of=date, working_days=working_days)
    out = [*wrap(words["followups_title"].format(title=promise.title, as_of=stated)), ""]
    if not coverage.statuses:
        out += wrap(words["no_occasions"])
        return "\n".join(out)
    out.append(
        words["state_counts"].format(
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
            state += f" {status.follow_ups[0].held_on.isoformat()}"
            if status.late:
                state += f" ({words['late']})"
        elif status.days_left < 0:
            state = texts.counted(texts.SENTENCES, "days_late", -status.days_left, lang)
        rows.append(
            [
                occasion.label(lang),
                str(occasion.covers),
                occasion.forum or "–",
                occasion.due.isoformat(),
                state,
            ]
        )
    header = [
        words["head_covers"],
        words["head_period"],
        words["head_forum"],
        words["head_due"],
        words["head_state"],
    ]
    out += table(header, rows, right=[False] * 5, flexible=(0, 2, 4))
    return "\n".join(out)
