"""Drafts of the shared corpus of real texts, read in place (skipped where it is absent).

CI clones only the project, with ``shared/`` beside it; where the corpus is
missing these tests skip and say why. The figures themselves are printed by
``benchmarks/draft_eval.py`` and kept in ``benchmarks/README.md``.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from medborgarlofte import DraftKind, draft, loads_follow_up_with_warnings, loads_with_warnings

_EVAL = Path(__file__).resolve().parents[1] / "benchmarks" / "draft_eval.py"
_spec = importlib.util.spec_from_file_location("draft_eval", _EVAL)
assert _spec is not None
assert _spec.loader is not None
draft_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(draft_eval)

CORPUS: Path = draft_eval.CORPUS
TEXTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
GOLD = sorted((CORPUS / "gold").glob("*.yaml")) if (CORPUS / "gold").is_dir() else []
pytestmark = pytest.mark.skipif(
    not GOLD, reason=f"the shared corpus is not at {CORPUS} (set MEDBORGARLOFTE_CORPUS)"
)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_draft_loads_and_validate_lists_exactly_its_placeholders(path):
    """Each real text's draft loads with the library; its warnings are exactly its placeholders."""
    result = draft(path.read_bytes())
    follow_up = result.kind is DraftKind.FOLLOW_UP_REPORT
    loads = loads_follow_up_with_warnings if follow_up else loads_with_warnings
    document, warnings = loads(result.to_toml(), format="toml")
    assert result.document == document
    assert list(result.placeholders) == [w.path for w in warnings]


def test_the_follow_up_report_is_drafted_as_a_follow_up_document():
    """The corpus's follow-up report becomes a follow-up document with its reported work."""
    gold = [
        g
        for g in GOLD
        if draft_eval.yaml.safe_load(g.read_text("utf-8"))["doc_kind"] == "follow_up"
    ]
    assert gold
    for gold_file in gold:
        facts = draft_eval.yaml.safe_load(gold_file.read_text("utf-8"))
        result = draft((CORPUS / facts["file"]).read_bytes())
        assert result.follow_up is not None
        expected = sorted(r["quantity"] for r in facts["reports"])
        actual = sorted(r.amount for r in result.follow_up.reports if r.amount is not None)
        assert expected == actual
        codes = [k["code"] for k in facts["kommuner"]]
        assert codes == list(result.follow_up.promise.kommunkoder)


def test_the_drafts_meet_the_goals_of_issue_17():
    """In total over the gold files, recall and precision reach the goals the issue sets."""
    tp: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    drafted: Counter[str] = Counter()
    for gold_file in GOLD:
        found, stated, made = draft_eval.evaluate(gold_file)
        tp += found
        gold += stated
        drafted += made

    def recall(kind: str) -> float:
        return tp[kind] / gold[kind]

    def precision(kind: str) -> float:
        return tp[kind] / drafted[kind] if drafted[kind] else 1.0

    for kind in ("kommuner", "period", "signed_on"):
        assert recall(kind) >= 0.95, kind
    for kind in ("signatory_name", "signatory_title"):
        assert recall(kind) >= 0.90, kind
    assert recall("activities") >= 0.80
    assert tp["target_kind"] / tp["activities"] >= 0.75
    assert [] == [k for k in draft_eval.KINDS if precision(k) < 0.95]
