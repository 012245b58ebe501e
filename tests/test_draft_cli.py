"""Tests for ``medborgarlofte draft``: a text in, a TOML draft and a review list out."""

from __future__ import annotations

import io
import sys

from medborgarlofte import FollowUpDocument, load_document, load_with_warnings
from medborgarlofte.cli import main

TEXT = (
    "Medborgarlöfte 2026 för Skara kommun\n\n"
    "Skara kommun och polisen lovar att:\n\n"
    " • genomföra minst tre nattvandringar\n"
    " • fotpatrullera i centrum\n"
)


def test_draft_writes_a_toml_file_and_prints_the_review_list(tmp_path, capsys):
    """With -o FILE the draft goes to the file and the review list to stdout."""
    source = tmp_path / "text.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "utkast.toml"
    assert 0 == main(["draft", str(source), "-o", str(out)])
    printed = capsys.readouterr().out
    assert "Utkast till medborgarlöfte:" in printed
    assert "1495 (Skara, Västra Götalands län)" in printed
    promise, warnings = load_with_warnings(out)
    assert ["$.summary"] == [w.path for w in warnings]
    assert 3 == promise.activities[0].target.amount


def test_draft_reads_stdin_and_writes_stdout_with_the_review_on_stderr(monkeypatch, capsys):
    """With - as the text and no -o, the TOML goes to stdout and the review list to stderr."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    assert 0 == main(["draft", "-", "--lang", "en"])
    captured = capsys.readouterr()
    assert captured.out.startswith("# UTKAST")
    assert captured.err.startswith("Draft of a promise:")


def test_draft_refuses_to_overwrite_without_force(tmp_path, capsys):
    """An existing output file is an error (exit 1) unless --force is given."""
    source = tmp_path / "text.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "utkast.toml"
    out.write_text("# mine\n", encoding="utf-8")
    assert 1 == main(["draft", str(source), "-o", str(out)])
    assert "--force" in capsys.readouterr().err
    assert "# mine\n" == out.read_text(encoding="utf-8")
    assert 0 == main(["draft", str(source), "-o", str(out), "--force"])


def test_draft_of_a_missing_file_is_a_clear_error(tmp_path, capsys):
    """A text file that cannot be read exits 1 with a message naming the command, no traceback."""
    assert 1 == main(["draft", str(tmp_path / "saknas.txt")])
    err = capsys.readouterr().err
    assert err.startswith("medborgarlofte draft:")
    assert "Traceback" not in err


def test_draft_of_a_follow_up_report_writes_a_follow_up_document(tmp_path, capsys):
    """A follow-up report is written as a follow-up document; the message says how to check it."""
    text = tmp_path / "uppfoljning.txt"
    text.write_text(
        "Uppföljning av medborgarlöftet i Kil\n\nUnder 2025 har polisen genomfört tre "
        "krogtillsyner.\n",
        encoding="utf-8",
    )
    out = tmp_path / "uppfoljning.toml"
    assert 0 == main(["draft", str(text), "-o", str(out), "--lang", "en"])
    document = load_document(out)
    assert isinstance(document, FollowUpDocument)
    assert ["krogtillsyner"] == [r.work for r in document.reports]
    assert "validate_follow_up" in capsys.readouterr().out


def test_draft_of_a_follow_up_beside_its_promise_links_its_reports(tmp_path):
    """With --promise, the follow-up refers to that promise and links a report to its activity."""
    promise = tmp_path / "lofte.toml"
    text = tmp_path / "lofte.txt"
    text.write_text(
        "Medborgarlöftet för Kils kommun gäller 2025.\n\nPolisen lovar att:\n"
        " • genomföra krogtillsyner i centrum\n",
        encoding="utf-8",
    )
    assert 0 == main(["draft", str(text), "-o", str(promise)])
    report = tmp_path / "uppfoljning.txt"
    report.write_text(
        "Uppföljning av medborgarlöftet\n\nPolisen har genomfört tre krogtillsyner.\n",
        encoding="utf-8",
    )
    out = tmp_path / "uppfoljning.toml"
    assert 0 == main(["draft", str(report), "-o", str(out), "--promise", str(promise)])
    document = load_document(out)
    followed = load_document(promise)
    assert isinstance(document, FollowUpDocument)
    assert followed.id == document.promise.id
    assert [(followed.activities[0].id, "activity")] == [
        (r.activity, r.link.value) for r in document.reports
    ]
