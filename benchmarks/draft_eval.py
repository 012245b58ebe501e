"""Measure `medborgarlofte.draft` against the hand-annotated facts of the shared corpus.

Drafts every text in ``../shared/corpus/`` (or ``$MEDBORGARLOFTE_CORPUS``) and
compares with ``gold/*.yaml``, printing recall and precision per kind of fact,
per file and in total. Run from the repository root::

    PYTHONPATH=src python benchmarks/draft_eval.py

How facts are compared (the gold's conventions are in its README):

- kommuner: kommunkod; police unit: the name of a named lokalpolisområde
  (gold "Polisen" means unnamed: a named unit drafted there is a false one);
- signatories: name exactly; title after case-folding and dropping a party
  in parentheses ("(M)"), counted for the names found; party (police or
  kommun) and signing date likewise;
- signing date and period: equal dates; a gold period of null counts a drafted
  period as a false one;
- focus areas and activities: matched one to one by title, greedily, when at
  least half of the shorter title's content words are in the other (a word
  counts by its first five letters, so that "årlig" meets "årliga" and
  "polis" meets "polisen"); target kind and amount are counted for the matched activities
  (``quota_total`` is ``period_quota``, ``quota_per_interval`` is
  ``interval_quota``);
- follow-up cadence: the same cadence;
- document kind: the gold's ``doc_kind`` against the draft's ``origin.kind``
  (``follow_up`` is ``follow_up_report``); cut short: a gold ``truncated:
  true`` against ``origin.truncated``;
- reports (follow-up reports only): the follow-up document's reports matched
  one to one with the gold reports, their ``work`` against the gold's
  activity title, as titles are matched; report amount: the same number for
  the matched reports.

A follow-up report's promise facts (kommuner, period, activities …) are
read from the promise it restates (``Draft.promise``).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from medborgarlofte import Draft, Promise, draft

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("MEDBORGARLOFTE_CORPUS", HERE.parents[1] / "shared" / "corpus"))
if not (CORPUS / "gold").is_dir():
    CORPUS = HERE.parents[2] / "shared" / "corpus"

KINDS = (
    "kommuner",
    "police_unit",
    "signatory_name",
    "signatory_title",
    "signatory_party",
    "signatory_date",
    "signed_on",
    "period",
    "focus_areas",
    "activities",
    "target_kind",
    "target_amount",
    "cadence",
    "document_kind",
    "truncated",
    "reports",
    "report_amount",
)
_DOC_KINDS = {"follow_up": "follow_up_report"}
_KIND_NAMES = {"quota_total": "period_quota", "quota_per_interval": "interval_quota"}
_STOP = frozenset(
    [
        "och",
        "i",
        "på",
        "med",
        "för",
        "att",
        "av",
        "till",
        "mot",
        "som",
        "en",
        "ett",
        "de",
        "den",
        "det",
        "om",
        "samt",
        "bl.a",
        "t.ex",
        "vid",
        "under",
        "ska",
        "kommer",
        "genom",
        "där",
        "från",
    ]
)


def _words(title: str) -> set[str]:
    return {
        w[:5] for w in re.findall(r"[a-zåäöé]+", title.casefold()) if w not in _STOP and len(w) > 2
    }


def _match(gold: list[str], drafted: list[str]) -> list[tuple[int, int]]:
    """Return (gold index, drafted index) pairs matched one to one by content words."""
    scores = []
    for i, g in enumerate(gold):
        for j, d in enumerate(drafted):
            a, b = _words(g), _words(d)
            if a and b:
                shared = len(a & b) / min(len(a), len(b))
                if shared >= 0.5:
                    scores.append((shared, -i, -j, i, j))
    pairs, used_g, used_d = [], set(), set()
    for *_, i, j in sorted(scores, reverse=True):
        if i not in used_g and j not in used_d:
            used_g.add(i)
            used_d.add(j)
            pairs.append((i, j))
    return pairs


def _title(text: str | None) -> str:
    return " ".join(re.sub(r"\([^)]*\)", "", text or "").casefold().split())


def _text_for(gold_file: Path) -> Path:
    name = yaml.safe_load(gold_file.read_text("utf-8"))["file"]
    return CORPUS / name


class _Tally:
    """True positives, gold facts and drafted facts, per kind."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()
        self.drafted: Counter[str] = Counter()

    def count(self, kind: str, gold: set[object], drafted: set[object]) -> None:
        self.tp[kind] += len(gold & drafted)
        self.gold[kind] += len(gold)
        self.drafted[kind] += len(drafted)

    def matched(self, kind: str, pairs: int, gold: int, drafted: int) -> None:
        self.tp[kind] += pairs
        self.gold[kind] += gold
        self.drafted[kind] += drafted


def _signatories(gold: dict[str, Any], p: Promise, tally: _Tally) -> None:
    gold_people = {s["name"]: s for s in gold["signatories"]}
    drafted_people = {s.name: s for s in p.signatories}
    tally.count("signatory_name", set(gold_people), set(drafted_people))
    kinds = {x.id: ("police" if x.kind.value == "police" else "kommun") for x in p.parties}
    for name in set(gold_people) & set(drafted_people):
        g, s = gold_people[name], drafted_people[name]
        tally.count("signatory_title", {(name, _title(g["title"]))}, {(name, _title(s.title))})
        tally.count("signatory_party", {(name, g["party"])}, {(name, kinds.get(s.party))})
        tally.count(
            "signatory_date",
            {(name, g["signed_on"])} - {(name, None)},
            {(name, s.signed_on)} - {(name, None)},
        )


def _activities(gold: dict[str, Any], p: Promise, tally: _Tally) -> None:
    g_focus = [f["title"] for f in gold["focus_areas"]]
    d_focus = [f.title for f in p.focus_areas]
    tally.matched("focus_areas", len(_match(g_focus, d_focus)), len(g_focus), len(d_focus))
    g_acts = gold["activities"]
    d_acts = list(p.activities)
    pairs = _match([a["title"] for a in g_acts], [a.title for a in d_acts])
    tally.matched("activities", len(pairs), len(g_acts), len(d_acts))
    for i, j in pairs:
        g_target, d_target = g_acts[i]["target"], d_acts[j].target
        g_kind = _KIND_NAMES.get(g_target["kind"], g_target["kind"])
        tally.count("target_kind", {(i, g_kind)}, {(i, d_target.kind)})
        # A schedule's count is in its rule; the gold's count of a schedule is its frequency.
        d_amount = None if d_target.kind == "schedule" else getattr(d_target, "amount", None)
        g_amount = None if g_kind == "schedule" else g_target["count"]
        tally.count("target_amount", {(i, g_amount)} - {(i, None)}, {(i, d_amount)} - {(i, None)})


def _origin(gold: dict[str, Any], result: Draft, tally: _Tally) -> None:
    origin = result.origin
    doc_kind = _DOC_KINDS.get(gold["doc_kind"], gold["doc_kind"])
    tally.count("document_kind", {doc_kind}, {origin.kind.value})
    tally.count("truncated", {True} if gold["truncated"] else set(), {origin.truncated} - {False})


def _reports(gold: dict[str, Any], result: Draft, tally: _Tally) -> None:
    g_reports = gold["reports"]
    d_reports = list(result.follow_up.reports) if result.follow_up is not None else []
    pairs = _match([r["activity_title"] for r in g_reports], [r.work or "" for r in d_reports])
    tally.matched("reports", len(pairs), len(g_reports), len(d_reports))
    for i, j in pairs:
        g_amount, d_amount = g_reports[i].get("quantity"), d_reports[j].amount
        tally.count("report_amount", {(i, g_amount)} - {(i, None)}, {(i, d_amount)} - {(i, None)})


def evaluate(gold_file: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Return (true positives, gold facts, drafted facts) per kind for one file."""
    gold = yaml.safe_load(gold_file.read_text("utf-8"))
    result = draft((CORPUS / gold["file"]).read_bytes())
    p = result.promise
    tally = _Tally()
    _origin(gold, result, tally)
    _reports(gold, result, tally)
    tally.count(
        "kommuner", {k["code"] for k in gold["kommuner"]}, {x.kommunkod for x in p.municipalities}
    )
    unit = gold["police_unit"]
    gold_unit = unit.split(" ", 1)[1] if unit.startswith("Lokalpolisområde ") else None
    drafted_unit = p.police[0].local_police_area if p.police else None
    tally.count("police_unit", {gold_unit} - {None}, {drafted_unit} - {None})
    _signatories(gold, p, tally)
    tally.count("signed_on", {gold["signed_on"]} - {None}, {p.signed_on} - {None})
    gp = gold["period"]
    gold_period = (gp["start"], gp["end"]) if gp and gp.get("end") else None
    drafted_period = (p.period.start, p.period.end) if p.period else None
    tally.count("period", {gold_period} - {None}, {drafted_period} - {None})
    _activities(gold, p, tally)
    cadence = gold["follow_up"]["cadence"]
    drafted_cadence = p.follow_up_rules[0].cadence.value if p.follow_up_rules else None
    tally.count("cadence", {cadence} - {None}, {drafted_cadence} - {None})
    return tally.tp, tally.gold, tally.drafted


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    –"


def main() -> int:
    """Print the figures per file and in total; return 0, or 1 when the corpus is absent."""
    gold_dir = CORPUS / "gold"
    if not gold_dir.is_dir():
        print(f"no corpus at {CORPUS}; set MEDBORGARLOFTE_CORPUS", file=sys.stderr)
        return 1
    total_tp: Counter[str] = Counter()
    total_gold: Counter[str] = Counter()
    total_draft: Counter[str] = Counter()
    for gold_file in sorted(gold_dir.glob("*.yaml")):
        tp, n_gold, n_draft = evaluate(gold_file)
        total_tp += tp
        total_gold += n_gold
        total_draft += n_draft
        row = " ".join(
            f"{k}={tp[k]}/{n_gold[k]}/{n_draft[k]}" for k in KINDS if n_gold[k] or n_draft[k]
        )
        print(f"{gold_file.stem:14} {row}")
    print()
    print(f"{'kind':16} {'recall %':>9} {'precision %':>12}   (found / gold / drafted)")
    for k in KINDS:
        print(
            f"{k:16} {_pct(total_tp[k], total_gold[k]):>9} {_pct(total_tp[k], total_draft[k]):>12}"
            f"   ({total_tp[k]} / {total_gold[k]} / {total_draft[k]})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
