"""Tests for the command line: the installed console script, and main() in-process.

Every run of the installed script is mirrored by a run of :func:`main` in this
process with the same arguments, which must give the same exit code and the
same standard output (the mirror is what the coverage measurement sees).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import io
import json
import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import termios
import time
import tomllib
from pathlib import Path

import attrs
import html5lib
import pytest
from hypothesis import given, settings

from medborgarlofte import (
    PROBLEM_CODES,
    MissingExtraError,
    Problem,
    Severity,
    ValidationError,
    dump,
    dumps_many,
    follow_up_coverage,
    kommun,
    load,
    load_with_warnings,
    progress,
    testing,
)
from medborgarlofte._core import texts
from medborgarlofte.cli import build_parser, main
from medborgarlofte.cli._new import new_promise_toml
from medborgarlofte.cli._terminal import WIDTH
from test_report import promise

NB = "\N{NO-BREAK SPACE}"
AS_OF = "2024-06-30"
BROKEN_JSON = '{"format_version": 1, "id": "x", "title": '


def script() -> Path:
    """Return the installed ``medborgarlofte`` console script of this environment."""
    found = Path(sysconfig.get_path("scripts")) / "medborgarlofte"
    if not found.exists():
        which = shutil.which("medborgarlofte", path=str(Path(sys.executable).parent))
        assert which is not None, "the console script is not installed"
        found = Path(which)
    return found


def run(*args: str | Path, mirror: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the installed console script with *args*, then main() in-process alike."""
    argv = [str(a) for a in args]
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [str(script()), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    if mirror:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        assert (result.returncode, result.stdout) == (code, out.getvalue())
    return result


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "testby.toml"
    dump(promise(), path)
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A promise whose activity names a party that does not exist (an integrity error)."""
    path = tmp_path / "broken.json"
    data = json.loads(json.dumps(promise_dict()))
    data["activities"][0]["responsible"] = ["polis"]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def promise_dict() -> dict[str, object]:
    from medborgarlofte import to_dict  # noqa: PLC0415

    return to_dict(promise())


@pytest.fixture
def syntax_error(tmp_path: Path) -> Path:
    path = tmp_path / "trasig.json"
    path.write_text(BROKEN_JSON, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the installed script


def test_script_is_installed():
    """The console script exists next to the interpreter and answers --version."""
    result = run("--version")
    assert 0 == result.returncode
    assert result.stdout.startswith("medborgarlofte ")


def test_python_dash_m_runs_the_cli():
    """python -m medborgarlofte is the same command."""
    result = subprocess.run(
        [sys.executable, "-m", "medborgarlofte", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert 0 == result.returncode
    assert "validate" in result.stdout


def test_usage_error_exits_2():
    """An unknown command or a missing argument is a usage error: exit code 2."""
    assert 2 == run("nonsense").returncode
    assert 2 == run("validate").returncode
    assert 2 == run("progress", "x.toml", "--as-of", "2024-13-01").returncode


def test_validate_valid_file(good):
    """validate exits 0 and says the file is valid."""
    result = run("validate", good)
    assert 0 == result.returncode, result.stderr
    assert f"{good}: giltig" == result.stdout.strip()


def test_validate_and_convert_count_in_whole_sentences(good, tmp_path, capsys):
    """validate and convert say how many files and promises in a sentence that agrees."""
    other = tmp_path / "andra.toml"
    other.write_bytes(good.read_bytes())
    out = tmp_path / "testby.json"
    assert 0 == main(["validate", str(good), str(other)])
    assert 0 == main(["validate", str(good), str(other), "--lang", "en"])
    assert 0 == main(["convert", str(good), "-o", str(out)])
    assert [
        f"Alla 2{NB}filer är giltiga.",
        f"All 2{NB}files are valid.",
        f"Skrev 1{NB}löfte från {good} till {out}.",
    ] == [
        line for line in capsys.readouterr().out.splitlines() if line.startswith(("All", "Skrev"))
    ]


def test_validate_reads_a_follow_up_document_and_lists_its_placeholders(tmp_path):
    """validate checks a follow-up document too, and a drafted one's placeholders are warnings."""
    example = Path(__file__).resolve().parents[1] / "examples" / "katrineholm-lpo-2024-t1.toml"
    result = run("validate", str(example), "--format", "json")
    assert 0 == result.returncode, result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert ("katrineholm-lpo-2024-t1", []) == (file["follow_up"], file["promises"])
    drafted = tmp_path / "uppfoljning.toml"
    drafted.write_text(
        example.read_text("utf-8").replace('title = "', 'title = "<FYLL I: rubrik> ', 1),
        "utf-8",
    )
    result = run("validate", str(drafted), "--lang", "en")
    assert 0 == result.returncode, result.stdout
    assert "draft-placeholder" in result.stdout


def test_validate_broken_files(broken, syntax_error, tmp_path):
    """validate lists file, path, code, severity and message per problem, and exits 1."""
    missing = tmp_path / "saknas.toml"
    result = run("validate", broken, syntax_error, missing, "--lang", "en")
    assert 1 == result.returncode
    lines = result.stdout.splitlines()
    assert (
        f"{broken}: error unknown-party at $.activities[0].responsible[0]: "
        "no party has the id 'polis'; did you mean 'polisen'?"
    ) in lines
    assert any(line.startswith(f"{syntax_error}: error syntax-error at $") for line in lines)
    assert any(line.startswith(f"{missing}: error unreadable-file at $:") for line in lines)
    assert f"3{NB}files of 3 have errors." == lines[-1]
    assert "Traceback" not in result.stderr


def test_validate_json_output(good, broken):
    """--format json gives every problem as data, and the exit code still says invalid."""
    result = run("validate", good, broken, "--format", "json")
    assert 1 == result.returncode
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert [True, False] == [f["valid"] for f in document["files"]]
    problem = document["files"][1]["problems"][0]
    assert {"path", "code", "severity", "message"} == set(problem)
    assert ("unknown-party", "error") == (problem["code"], problem["severity"])
    assert "ingen part" in problem["message"]


def test_progress(good):
    """progress prints a table per focus area with status and reason, in 100 columns."""
    result = run("progress", good, "--as-of", AS_OF)
    assert 0 == result.returncode, result.stderr
    out = result.stdout
    assert "läget per 30 juni 2024" in out.splitlines()[0]
    header = next(line for line in out.splitlines() if line.startswith("Aktivitet"))
    assert ["Aktivitet", "Planerat", "Förväntat", "Gjort", "Andel", "Status"] == header.split()
    for item in progress(promise(), as_of=dt.date(2024, 6, 30)).activities:
        assert item.status.label("sv") in out
        assert item.reason.text("sv")[:40] in re.sub(r" *\n *", " ", out)  # lines joined
    assert max(len(line) for line in out.splitlines()) <= WIDTH


def test_progress_broken(broken):
    """progress on a broken file exits 1 with the problems and no traceback."""
    result = run("progress", broken, "--as-of", AS_OF)
    assert 1 == result.returncode
    assert "har fel och kan inte användas" in result.stderr
    assert "unknown-party" in result.stderr
    assert "Traceback" not in result.stderr


def test_followups(good):
    """followups lists every occasion with its due date and state."""
    result = run("followups", good, "--as-of", AS_OF, "--lang", "en")
    assert 0 == result.returncode, result.stderr
    coverage = follow_up_coverage(promise(), as_of=dt.date(2024, 6, 30))
    for status in coverage.statuses:
        line = next(x for x in result.stdout.splitlines() if status.occasion.label("en") in x)
        assert texts.day(status.occasion.due, "en") in line
        assert status.state.label("en") in line
    assert f"Held {len(coverage.held)}, overdue {len(coverage.overdue)}" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= WIDTH


def test_followups_on_working_days(tmp_path):
    """--working-days moves due dates off weekends and holidays, as the library does."""
    rule = attrs.evolve(promise().follow_up_rules[0], report_due_days=32)  # T1: a Saturday
    moved_promise = attrs.evolve(promise(), follow_up_rules=(rule,))
    path = tmp_path / "p.toml"
    dump(moved_promise, path)
    result = run("followups", path, "--as-of", AS_OF, "--working-days")
    assert 0 == result.returncode, result.stderr
    coverage = follow_up_coverage(moved_promise, as_of=dt.date(2024, 6, 30), working_days=True)
    moved = [s.occasion for s in coverage.statuses if s.occasion.moved_from is not None]
    assert moved
    for occasion in moved:
        assert texts.day(occasion.due, "sv") in result.stdout


def test_followups_broken(syntax_error):
    """followups on a file that is not JSON exits 1 naming the syntax error."""
    result = run("followups", syntax_error, "--as-of", AS_OF)
    assert 1 == result.returncode
    assert "syntax-error" in result.stderr


def test_calendar(good, tmp_path):
    """calendar writes an iCalendar file with one event per occasion."""
    out = tmp_path / "uppfoljning.ics"
    result = run("calendar", good, "-o", out, "--as-of", AS_OF)
    assert 0 == result.returncode, result.stderr
    assert "per 30 juni 2024" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    occasions = len(follow_up_coverage(promise(), as_of=dt.date(2024, 6, 30)).statuses)
    assert occasions + 1 == text.count("BEGIN:VEVENT")  # one more: the scheduled activity


def test_calendar_broken(broken, tmp_path):
    """calendar on a broken file writes nothing and exits 1."""
    out = tmp_path / "x.ics"
    assert 1 == run("calendar", broken, "-o", out).returncode
    assert not out.exists()


def test_report_html_and_markdown(good, tmp_path):
    """report writes valid HTML and Markdown, and states the date."""
    html, md = tmp_path / "rapport.html", tmp_path / "rapport.md"
    result = run("report", good, "--as-of", AS_OF, "-o", html)
    assert 0 == result.returncode, result.stderr
    assert "per 30 juni 2024" in result.stdout
    html5lib.HTMLParser(strict=True).parse(html.read_text(encoding="utf-8"))
    result = run("report", good, "--as-of", AS_OF, "--format", "md", "-o", md, "--lang", "en")
    assert 0 == result.returncode, result.stderr
    assert md.read_text(encoding="utf-8").startswith("# Follow-up report: ")


def test_report_broken(broken, tmp_path):
    """report on a broken file exits 1; an unknown output suffix without --format too."""
    assert 1 == run("report", broken, "--as-of", AS_OF, "-o", tmp_path / "r.html").returncode
    result = run("report", broken, "--as-of", AS_OF, "-o", tmp_path / "r.pdf")
    assert 1 == result.returncode
    assert "--format" in result.stderr


def test_summary(good, tmp_path):
    """summary sums up a directory of promises and writes CSV."""
    folder = tmp_path / "many"
    folder.mkdir()
    shutil.copy(good, folder / "a.toml")
    (folder / "b.json").write_text(dumps_many([promise(), promise()]), encoding="utf-8")
    csv_out = tmp_path / "summary.csv"
    result = run("summary", folder, "--as-of", AS_OF, "--csv", csv_out)
    assert 0 == result.returncode, result.stderr
    assert f"Översikt över 3{NB}löften per 30 juni 2024" == result.stdout.splitlines()[0]
    assert "Gävleborgs län" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= WIDTH
    assert 4 == len(csv_out.read_text(encoding="utf-8").splitlines())


def test_summary_broken(good, broken, tmp_path):
    """summary exits 1 when any file has an error, or a directory holds none."""
    result = run("summary", good, broken, "--as-of", AS_OF)
    assert 1 == result.returncode
    assert "unknown-party" in result.stderr
    empty = tmp_path / "tom"
    empty.mkdir()
    result = run("summary", empty)
    assert 1 == result.returncode
    assert f"inga löftesfiler hittades i {empty}" in result.stderr


def test_convert_between_formats(good, tmp_path):
    """convert TOML -> JSON -> YAML keeps the promise equal."""
    as_json, as_yaml = tmp_path / "p.json", tmp_path / "p.yaml"
    assert 0 == run("convert", good, as_json).returncode
    assert 0 == run("convert", as_json, as_yaml).returncode
    assert load(good) == load(as_yaml)


def test_convert_broken(syntax_error, good, tmp_path):
    """convert from a broken file or to an unknown suffix exits 1 and writes nothing."""
    target = tmp_path / "p.toml"
    assert 1 == run("convert", syntax_error, target).returncode
    assert not target.exists()
    result = run("convert", good, tmp_path / "p.txt")
    assert 1 == result.returncode
    assert "Traceback" not in result.stderr


def test_schema():
    """schema prints the JSON Schema."""
    import medborgarlofte  # noqa: PLC0415 - json_schema comes with the serde work (#3)

    result = run("schema")
    assert 0 == result.returncode
    assert medborgarlofte.json_schema() == json.loads(result.stdout)


def test_schema_to_a_place_that_cannot_be_written(tmp_path):
    """schema into a directory that does not exist exits 1 without a traceback."""
    result = run("schema", "-o", tmp_path / "saknas" / "schema.json")
    assert 1 == result.returncode
    assert result.stderr.startswith("medborgarlofte schema: ")
    assert "Traceback" not in result.stderr


def test_new_and_fill_in(tmp_path):
    """new writes a skeleton for the kommun that loads once its placeholders are filled."""
    out = tmp_path / "ny.toml"
    result = run("new", "--kommun", "hofors", "-o", out, mirror=False)
    assert 0 == result.returncode, result.stderr
    assert "(2104, Gävleborgs län, polisregion Mitt)" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert 1 == run("validate", out).returncode  # not yet filled in
    filled = fill_placeholders(text)
    out.write_text(filled, encoding="utf-8")
    result = run("validate", out)
    assert 0 == result.returncode, result.stdout
    promise_ = load(out)
    kommunen = promise_.party("kommunen")
    assert "2104" == kommunen.kommunkod
    assert "Mitt" == promise_.party("polisen").police_region
    assert 0 == main(["new", "--kommun", "2104", "-o", str(out), "--force", "--lang", "en"])
    assert "Made with `medborgarlofte new`" in out.read_text(encoding="utf-8")


def test_new_refuses_unknown_kommun_and_existing_file(tmp_path, good):
    """new exits 1 for an unknown kommun (with suggestions) and for an existing file."""
    result = run("new", "--kommun", "Hoforss", "-o", tmp_path / "x.toml")
    assert 1 == result.returncode
    assert "Hofors" in result.stderr
    assert 1 == run("new", "--kommun", "2104", "-o", good).returncode


# --------------------------------------------------------------------------- in-process


def fill_placeholders(text: str) -> str:
    """Fill every <…> with text and the ÅÅÅÅ-MM-DD dates with a period and signing days."""
    dates = iter(["2023-12-01", "2023-12-01", "2023-12-01", "2024-01-01", "2024-12-31"])
    text = re.sub(r'"ÅÅÅÅ-MM-DD"', lambda _m: f'"{next(dates)}"', text)
    return re.sub(r"<([^>\n]+)>", lambda m: m.group(1).replace("ÅÅÅÅ", "2024"), text)


@pytest.mark.parametrize("code_or_name", ["Hofors", "0180", "Region Gotland", "Malmö"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_skeleton_loads_once_filled(tmp_path, code_or_name, lang):
    """For any kommun and language the filled-in skeleton is valid TOML and a valid promise."""
    text = new_promise_toml(code_or_name, lang=lang)
    tomllib.loads(text)
    path = tmp_path / "p.toml"
    path.write_text(fill_placeholders(text), encoding="utf-8")
    promise_, warnings = load_with_warnings(path)
    assert () == tuple(w for w in warnings if w.is_error)
    found = kommun(code_or_name)
    assert found.code in {p.kommunkod for p in promise_.parties}


def test_as_of_defaults_to_today(good, capsys):
    """Without --as-of the date is today's, and the output says so."""
    assert 0 == main(["progress", str(good)])
    first = capsys.readouterr().out.splitlines()[0]
    assert f"per {texts.day(dt.date.today(), 'sv')} (dagens datum)" in first  # noqa: DTZ011


def test_collection_file_is_validated_and_converted(tmp_path, capsys):
    """A collection document validates, converts, and gives progress with a section per promise."""
    path = tmp_path / "alla.json"
    second = attrs.evolve(promise(), id="andra", title="Det andra löftet")
    path.write_text(dumps_many([promise(), second]), encoding="utf-8")
    assert 0 == main(["validate", str(path)])
    target = tmp_path / "alla.yaml"
    assert 0 == main(["convert", str(path), str(target)])
    assert "2" in capsys.readouterr().out
    assert 0 == main(["progress", str(path), "--as-of", AS_OF])
    titles = [line for line in capsys.readouterr().out.splitlines() if ": läget per " in line]
    assert [
        f"{promise().title}: läget per 30 juni 2024",
        "Det andra löftet: läget per 30 juni 2024",
    ] == titles


def test_warnings_do_not_fail(tmp_path, capsys):
    """A file with warnings only is valid: exit 0, warnings shown."""
    data = promise_dict()
    data["reports"][0]["date"] = "2025-06-01"  # type: ignore[index]
    path = tmp_path / "w.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert 0 == main(["validate", str(path)])
    out = capsys.readouterr().out
    assert "varning" in out
    assert 0 == main(["progress", str(path), "--as-of", AS_OF])
    assert "varning" in capsys.readouterr().err


def test_unexpected_exception_shows_traceback_and_asks_for_a_report(good, capsys, monkeypatch):
    """A bug gives a traceback, a request to report it and exit code 70."""

    def boom(*_args: object, **_kwargs: object) -> None:
        msg = "boom"
        raise RuntimeError(msg)

    monkeypatch.setattr("medborgarlofte._compute.progress.progress", boom)
    assert 70 == main(["progress", str(good), "--as-of", AS_OF, "--lang", "en"])
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "RuntimeError: boom" in err
    assert "please report it" in err


def test_write_error_is_reported_without_traceback(good, tmp_path, capsys):
    """Writing into a directory that does not exist exits 1 with a message."""
    target = tmp_path / "saknas" / "r.md"
    assert 1 == main(["report", str(good), "--as-of", AS_OF, "-o", str(target)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "saknas" in err


def test_output_to_stdout(good, capsys):
    """-o - writes the report, the calendar and the schema to stdout."""
    assert 0 == main(["report", str(good), "--as-of", AS_OF, "--format", "md", "-o", "-"])
    assert capsys.readouterr().out.startswith("# Uppföljningsrapport")
    assert 0 == main(["report", str(good), "--as-of", AS_OF, "-o", "-"])
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert 0 == main(["calendar", str(good), "--as-of", AS_OF, "-o", "-"])


def test_followups_without_rules(tmp_path, capsys):
    """A promise without follow-up rules says it has no occasions."""
    data = promise_dict()
    data.pop("follow_up_rules")
    data.pop("follow_ups")
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert 0 == main(["followups", str(path), "--as-of", AS_OF, "--lang", "en"])
    assert "no follow-up occasions" in capsys.readouterr().out


def test_progress_of_a_promise_without_period(tmp_path, capsys):
    """progress says why a promise without a period cannot be assessed."""
    data = promise_dict()
    data.pop("period")
    data["reports"] = []
    data["follow_ups"] = []
    data["indicators"] = []
    data["period_text"] = "hösten 2015"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert 0 == main(["progress", str(path), "--as-of", AS_OF])
    assert "Perioden är okänd" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "heading"), [("sv", "Övriga aktiviteter"), ("en", "Other activities")]
)
def test_progress_groups_activities_without_a_focus_area_last(good, capsys, lang, heading):
    """Activities outside every focus area come last, under the report's own heading."""
    assert 0 == main(["progress", str(good), "--as-of", AS_OF, "--lang", lang])
    out = capsys.readouterr().out
    assert (1, True) == (
        out.count(heading),
        out.index(heading) > out.rindex("Medborgarlöfte Testby"),
    )


def test_missing_extra_is_a_problem(good, monkeypatch, capsys):
    """A format whose extra is missing is reported as a problem with its own code."""

    def missing(*_args: object, **_kwargs: object) -> None:
        raise MissingExtraError(extra="toml", purpose="Reading TOML")

    monkeypatch.setattr("medborgarlofte._formats.api.loads_with_warnings", missing)
    assert 1 == main(["validate", str(good), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    problem = document["files"][0]["problems"][0]
    assert "missing-extra" == problem["code"]
    assert "medborgarlofte[toml]" in problem["message"]


def test_cli_codes_are_registered():
    """The codes the CLI reports for files are in the registry."""
    for code in ("unreadable-file", "unknown-file-suffix", "missing-extra"):
        assert "document" == PROBLEM_CODES[code].area


def test_every_command_has_help():
    """Every subcommand has a help line and a description for the reference page."""
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    names = set(commands.choices)
    assert {
        "validate",
        "progress",
        "followups",
        "calendar",
        "report",
        "summary",
        "convert",
        "schema",
        "new",
        "draft",
    } == names
    for sub in commands.choices.values():
        assert sub.description


@pytest.mark.parametrize(
    ("error", "expected", "message"),
    [
        (KeyboardInterrupt, 130, "medborgarlofte: interrupted (Ctrl-C)\n"),
        (BrokenPipeError, 1, ""),
    ],
)
def test_interrupt_and_closed_pipe(good, tmp_path, monkeypatch, error, expected, message):  # noqa: PLR0917
    """Ctrl-C exits 130 with one line; a reader that went away (| head) ends the command quietly."""

    def stop(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr("medborgarlofte._compute.progress.progress", stop)
    err = io.StringIO()
    with (
        (tmp_path / "out").open("w") as out,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        assert expected == main(["progress", str(good), "--as-of", AS_OF, "--lang", "en"])
    assert message == err.getvalue()


def test_dunder_main_runs_main(monkeypatch, capsys):
    """python -m medborgarlofte calls main() and exits with its code."""
    monkeypatch.setattr(sys, "argv", ["medborgarlofte", "--version"])
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("medborgarlofte", run_name="__main__")
    assert 0 == caught.value.code
    assert capsys.readouterr().out.startswith("medborgarlofte ")


def test_validation_error_from_a_command_lists_every_problem(good, monkeypatch, capsys):
    """A ValidationError raised inside a command is shown problem by problem, exit 1."""
    problems = [
        Problem(
            path=f"$.x[{i}]",
            code="c",
            severity=Severity.ERROR,
            message_sv="fel",
            message_en="wrong",
        )
        for i in range(2)
    ]

    def invalid(*_args: object, **_kwargs: object) -> None:
        raise ValidationError(problems)

    monkeypatch.setattr("medborgarlofte._compute.progress.progress", invalid)
    assert 1 == main(["progress", str(good), "--as-of", AS_OF, "--lang", "en"])
    err = capsys.readouterr().err.splitlines()
    assert [
        "medborgarlofte: error c at $.x[0]: wrong",
        "medborgarlofte: error c at $.x[1]: wrong",
    ] == err


@settings(max_examples=25)
@given(p=testing.promises(), as_of=testing.dates())
def test_terminal_tables_fit_100_columns(p, as_of):
    """progress, followups and summary fit in 100 columns for any valid promise."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.json"
        dump(p, path)
        for command in ("progress", "followups", "summary"):
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                assert 0 == main([command, str(path), "--as-of", as_of.isoformat()])
            assert max(len(line) for line in out.getvalue().splitlines()) <= WIDTH, command


# --------------------------------------------------------------------------- outputs and safety


def test_every_writing_command_writes_to_stdout_by_default(good, capsys):
    """Without -o, and with -o -, each writing command writes to standard output."""
    expected_starts = {
        ("calendar", str(good), "--as-of", AS_OF): "BEGIN:VCALENDAR",
        ("report", str(good), "--as-of", AS_OF): "<!DOCTYPE html>",
        ("report", str(good), "--as-of", AS_OF, "--format", "md"): "# Uppföljningsrapport",
        ("schema",): "{",
        ("new", "--kommun", "Hofors"): "# Medborgarlöfte för Hofors",
        ("summary", str(good), "--as-of", AS_OF): f"Översikt över 1{NB}löfte per",
        ("summary", str(good), "--as-of", AS_OF, "--format", "csv"): "löfte,titel,",
        ("convert", str(good)): '{\n  "format_version": 2',
        ("convert", str(good), "--format", "yaml"): "format_version: 2",
    }
    for args, start in expected_starts.items():
        for output in ([], ["-o", "-"]):
            assert 0 == main([*args, *output]), args
            captured = capsys.readouterr()
            assert captured.out.startswith(start), (args, captured.out[:80])
            assert "" == captured.err


def test_convert_takes_o_and_still_the_old_positional_output(good, tmp_path, capsys):
    """convert writes to -o FILE or, as before, a second argument; both at once is a usage error."""
    new, old = tmp_path / "ny.json", tmp_path / "gammal.yaml"
    assert 0 == main(["convert", str(good), "-o", str(new)])
    assert 0 == main(["convert", str(good), str(old)])
    assert load(good) == load(new) == load(old)
    capsys.readouterr()
    assert 2 == main(["convert", str(good), str(old), "-o", str(new), "--lang", "en"])
    assert "give the output once" in capsys.readouterr().err


def test_summary_to_a_csv_file(good, tmp_path, capsys):
    """summary -o FILE.csv writes CSV; --csv FILE writes it beside the table on stdout."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert 0 == main(["summary", str(good), "--as-of", AS_OF, "-o", str(first)])
    assert f"Skrev översikten till {first}." == capsys.readouterr().out.strip()
    assert 0 == main(["summary", str(good), "--as-of", AS_OF, "--csv", str(second)])
    assert capsys.readouterr().out.startswith(f"Översikt över 1{NB}löfte per")
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert first.read_text(encoding="utf-8").startswith("löfte,titel,")


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{input}", "--format", "md", "-o", "{output}"],
        ["report", "{input}", "-o", "{output}", "--format", "html"],
        ["calendar", "{input}", "-o", "{output}"],
        ["convert", "{input}", "-o", "{output}"],
        ["convert", "{input}", "{output}"],
        ["summary", "{folder}", "--csv", "{output}"],
        ["summary", "{folder}", "-o", "{output}"],
    ],
)
@pytest.mark.parametrize("through", ["same", "symlink", "hardlink"])
def test_output_that_is_an_input_is_refused(good, tmp_path, capsys, command, through):
    """An output that is an input (by name, link or hard link) exits 2 and writes nothing."""
    folder = tmp_path / "löften"
    folder.mkdir()
    source = folder / good.name
    shutil.copy(good, source)
    before = source.read_bytes()
    output = source
    if through == "symlink":
        output = tmp_path / "länk.toml"
        output.symlink_to(source)
    elif through == "hardlink":
        output = tmp_path / "hård.toml"
        output.hardlink_to(source)
    argv = [a.format(input=source, output=output, folder=folder) for a in command]
    assert 2 == main([*argv, "--as-of", AS_OF] if command[0] != "convert" else argv)
    captured = capsys.readouterr()
    assert "" == captured.out
    assert f"{output} är samma fil som indatafilen" in captured.err
    assert "inget har skrivits" in captured.err
    assert before == source.read_bytes()
    assert [] == [p.name for p in tmp_path.rglob("*.tmp")]


def test_failed_write_keeps_the_previous_output(good, tmp_path, monkeypatch, capsys):
    """When the disk fills up while the report is written, the old report stays and exit is 1."""
    target = tmp_path / "rapport.md"
    target.write_text("förra rapporten\n", encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("medborgarlofte._formats.files.os.fsync", disk_full)
    assert 1 == main(["report", str(good), "--as-of", AS_OF, "-o", str(target)])
    err = capsys.readouterr().err
    assert "förra rapporten\n" == target.read_text(encoding="utf-8")
    assert {target.name, good.name} == {p.name for p in tmp_path.iterdir()}
    assert "Traceback" not in err
    assert os.strerror(errno.ENOSPC) in err


def test_convert_keeps_the_link_and_mode_of_its_output(good, tmp_path):
    """convert onto a symlinked output writes the link's target and keeps its mode."""
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert 0 == main(["convert", str(good), "-o", str(link)])
    assert link.is_symlink()
    assert 0o600 == real.stat().st_mode & 0o777
    assert load(good) == load(real)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_new_does_not_write_through_a_dangling_link(tmp_path, capsys, force):
    """new refuses a link that points to nothing, with or without --force, and creates nothing."""
    link = tmp_path / "ny.toml"
    nowhere = tmp_path / "nowhere.toml"
    link.symlink_to(nowhere)
    assert 1 == main(["new", "--kommun", "Hofors", "-o", str(link), *force])
    err = capsys.readouterr().err
    assert str(link) in err
    assert "Traceback" not in err
    assert (True, False) == (link.is_symlink(), nowhere.exists())


def test_summary_reports_each_broken_file_and_sums_up_the_rest(
    good, broken, syntax_error, tmp_path
):
    """A folder with broken files: each is reported, the rest summed up, exit 1."""
    folder = tmp_path / "län"
    folder.mkdir()
    for path in (good, broken, syntax_error):
        shutil.copy(path, folder / path.name)
    result = run("summary", folder, "--as-of", AS_OF)
    assert 1 == result.returncode
    assert f"Översikt över 1{NB}löfte per 30 juni 2024" == result.stdout.splitlines()[0]
    assert f"{folder / broken.name} har fel och kan inte användas:" in result.stderr
    assert f"{folder / syntax_error.name} har fel och kan inte användas:" in result.stderr
    assert "unknown-party" in result.stderr
    assert "syntax-error" in result.stderr
    assert f"2{NB}filer av 3 har fel och är inte med i översikten." in result.stderr
    assert "Traceback" not in result.stderr


def test_document_text_reaches_the_terminal_visible(tmp_path):
    """A bidi override in a title and an escape sequence in a file name are shown, not obeyed."""
    path = tmp_path / "p\x1b[2J.json"
    dump(promise(title="Trygg \u202ekommun"), path)
    result = run("progress", path, "--as-of", AS_OF)
    assert 0 == result.returncode, result.stderr
    assert "Trygg <U+202E>kommun: läget per 30 juni 2024" == result.stdout.splitlines()[0]
    result = run("validate", path)
    assert f"{tmp_path}/p\\x1b[2J.json: giltig" == result.stdout.strip()
    result = run("validate", path, "--format", "json")
    assert "\x1b" not in result.stdout
    assert str(path) == json.loads(result.stdout)["files"][0]["file"]
    result = run("followups", tmp_path / "saknas\x1b]0;x\x07.toml")
    assert "\x1b" not in result.stderr
    assert "saknas\\x1b]0;x\\x07.toml" in result.stderr


def _start(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [str(script()), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_fifo_collection_is_read_once(tmp_path):
    """A collection given as a FIFO is read once: validate ends instead of waiting forever."""
    fifo = tmp_path / "alla.json"
    os.mkfifo(fifo)
    process = _start("validate", fifo)
    with fifo.open("w", encoding="utf-8") as stream:  # opens once the command reads
        stream.write(dumps_many([promise(), promise()]))
    out, err = process.communicate(timeout=60)
    assert (0, f"{fifo}: giltig\n", "") == (process.returncode, out, err)


def _wait_until_blocked_reading(process: subprocess.Popen[str], stream: io.TextIOBase) -> None:
    """Wait until *process* has read all that was written to *stream* and sleeps for more.

    A signal that arrives while CPython runs the C code of a read, before
    the read(2) itself, is only acted on once that read returns: the
    process would wait for more input first. The test interrupts the
    command where a person would, while it waits.
    """
    stat = Path(f"/proc/{process.pid}/stat")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        unread = int.from_bytes(fcntl.ioctl(stream.fileno(), termios.FIONREAD, bytes(4)), "little")
        state = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
        if unread == 0 and state == "S":
            return
        time.sleep(0.01)
    pytest.fail("the command did not read its input within 60 seconds")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_sigint_exits_130_with_one_line(tmp_path):
    """Ctrl-C (SIGINT) while the command reads ends it with exit 130 and one line, no traceback."""
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    process = _start("validate", fifo, "--lang", "en")
    with fifo.open("w", encoding="utf-8") as stream:  # the command is now reading
        stream.write('{"format_version": 1,')
        stream.flush()
        _wait_until_blocked_reading(process, stream)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert (130, "", "medborgarlofte: interrupted (Ctrl-C)\n") == (process.returncode, out, err)


def test_closed_pipe_ends_quietly(good):
    """When the reader of the output has gone (| head), the command ends quietly with 1."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [str(script()), "progress", str(good), "--as-of", AS_OF],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (1, "") == (result.returncode, result.stderr)


def test_reference_page_has_a_heading_per_command():
    """The command-line reference has a heading and the generated help for every subcommand."""
    page = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "cli.md").read_text(
        encoding="utf-8"
    )
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    headings = re.findall(
        r"^## `medborgarlofte (\w+)`\n\n```\{cli-reference\} (\w+)\n```", page, re.MULTILINE
    )
    assert [(name, name) for name in commands] == headings


# --------------------------------------------------------------------------- start-up


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(result.stdout.split())


EXTRAS = {"jinja2", "matplotlib", "icalendar", "holidays", "yaml", "tomli_w", "cattrs", "attrs"}


def test_help_imports_nothing_of_the_library():
    """Building the parser imports the command line only: no model, no extras."""
    found = _modules_after("from medborgarlofte.cli import build_parser\nbuild_parser()")
    assert {"medborgarlofte", "medborgarlofte.cli"} <= found
    assert set() == {m for m in found if m.startswith("medborgarlofte._")}
    assert set() == found & EXTRAS


def test_progress_imports_only_what_it_needs(good):
    """progress imports neither the renderers nor any optional extra it does not use."""
    found = _modules_after(
        "import contextlib, io\nfrom medborgarlofte.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert 0 == main(['progress', {str(good)!r}, '--as-of', {AS_OF!r}])"
    )
    assert "medborgarlofte._compute.progress" in found
    unused = {"jinja2", "matplotlib", "icalendar", "holidays", "yaml", "tomli_w"}
    assert set() == found & unused
    assert set() == {
        m
        for m in found
        if m.startswith(("medborgarlofte._render", "medborgarlofte._compute.followup"))
    }


def test_a_line_break_in_a_file_name_cannot_forge_a_line(tmp_path, capsys):
    """A file name with a line break is shown on one line, so it cannot fake another result."""
    path = tmp_path / "p\nandra.json: ogiltig.json"
    dump(promise(), path)
    assert 0 == main(["validate", str(path)])
    assert [
        f"{tmp_path}/p andra.json: ogiltig.json: giltig"
    ] == capsys.readouterr().out.splitlines()
    target = tmp_path / "r\n.md"
    assert 0 == main(["report", str(path), "--as-of", AS_OF, "-o", str(target)])
    assert 1 == len(capsys.readouterr().out.splitlines())


# --------------------------------------------------------------------- #16: documents together

EXAMPLES = Path(__file__).parent.parent / "examples"
THREE = EXAMPLES / "katrineholm-lpo-2024.toml"
THREE_T1 = EXAMPLES / "katrineholm-lpo-2024-t1.toml"


def test_progress_shows_a_row_per_kommun_and_vingaker_behind(capsys):
    """The three-kommun example with its follow-up: a row per kommun, Vingåker behind."""
    args = ["progress", str(THREE), str(THREE_T1), "--as-of", "2024-10-31", "--lang", "en"]
    assert 0 == main(args)
    out = capsys.readouterr().out
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Trygghetsvandringar")))
    assert lines[start].endswith("behind")
    assert lines[start + 1].strip().startswith("Vingåkers kommun: 2 done against 3.33")
    parties = [line.split() for line in lines[start + 1 :] if line.startswith("  - ")][:3]
    expected = [
        ["-", "Flens", "kommun", "4", "3.33", "4", "100%", "achieved"],
        ["-", "Katrineholms", "kommun", "4", "3.33", "3", "75%", "on", "track"],
        ["-", "Vingåkers", "kommun", "4", "3.33", "2", "50%", "behind"],
    ]
    assert expected == parties
    controls = next(line for line in lines if line.startswith("Trafikkontroller"))
    assert ["40", "33.37", "12"] == controls.split()[1:4]


def test_progress_without_the_follow_up_counts_no_traffic_controls(capsys):
    """Without its follow-up document the promise has no traffic controls reported."""
    assert 0 == main(["progress", str(THREE), "--as-of", "2024-10-31", "--lang", "en"])
    controls = next(
        line for line in capsys.readouterr().out.splitlines() if line.startswith("Trafikkontroller")
    )
    assert ["40", "33.37", "0"] == controls.split()[1:4]


def test_a_follow_up_document_beside_another_promise_is_refused_with_its_promise_id(capsys):
    """A follow-up document given with promises, none of them its own, says which is missing."""
    hofors = EXAMPLES / "hofors-2023-2024.toml"
    args = ["progress", str(hofors), str(THREE_T1), "--as-of", "2024-10-31", "--lang", "en"]
    assert 1 == main(args)
    err = capsys.readouterr().err
    assert "follows up the promise 'katrineholm-lpo-2024'" in err
    assert "but the promise given has another id" in err


def test_a_follow_up_document_alone_is_shown_on_its_own(capsys):
    """Alone, a follow-up document is reported with its work under "Annat som gjorts"."""
    assert 0 == main(["report", str(THREE_T1), "--format", "md", "--as-of", "2024-10-31"])
    page = capsys.readouterr().out
    assert "## Annat som gjorts" in page
    assert "trafikkontroller" in page.casefold()


def test_a_follow_up_naming_an_activity_its_promise_lacks_is_an_error(tmp_path, capsys):
    """A follow-up reporting on an activity the promise does not have stops the command."""
    bad = tmp_path / "t1.toml"
    bad.write_text(
        THREE_T1.read_text("utf-8").replace('activity = "trafikkontroller"', 'activity = "okand"'),
        encoding="utf-8",
    )
    assert 1 == main(["followups", str(THREE), str(bad), "--as-of", "2024-10-31"])
    err = capsys.readouterr().err
    assert "unknown-activity" in err
    assert "$.reports[0].activity" in err


def test_followups_and_calendar_take_a_collection(tmp_path, capsys):
    """A collection gives a section per promise, and one calendar with both promises' entries."""
    path = tmp_path / "alla.toml"
    second = attrs.evolve(promise(), id="andra", title="Det andra löftet")
    path.write_text(dumps_many([promise(), second], format="toml"), encoding="utf-8")
    assert 0 == main(["followups", str(path), "--as-of", AS_OF, "--lang", "en"])
    out = capsys.readouterr().out
    titles = [line for line in out.splitlines() if ": follow-up as of " in line]
    expected = [
        f"{promise().title}: follow-up as of 30 June 2024",
        "Det andra löftet: follow-up as of 30 June 2024",
    ]
    assert expected == titles
    single = tmp_path / "ett.ics"
    both = tmp_path / "alla.ics"
    assert 0 == main(["calendar", str(path), "--as-of", AS_OF, "-o", str(both)])
    dump(promise(), tmp_path / "ett.toml")
    assert 0 == main(["calendar", str(tmp_path / "ett.toml"), "--as-of", AS_OF, "-o", str(single)])
    one = single.read_text("utf-8").count("BEGIN:VEVENT")
    assert one > 0
    assert 2 * one == both.read_text("utf-8").count("BEGIN:VEVENT")
    assert 1 == both.read_text("utf-8").count("BEGIN:VCALENDAR")


def test_report_of_a_collection_writes_a_file_per_promise_into_a_folder(tmp_path, capsys):
    """-o DIR writes one report per promise named after its id; one HTML output is refused."""
    path = tmp_path / "alla.json"
    second = attrs.evolve(promise(), id="../andra", title="Det andra löftet")
    path.write_text(dumps_many([promise(), second]), encoding="utf-8")
    folder = tmp_path / "rapporter"
    folder.mkdir()
    assert 0 == main(["report", str(path), "--as-of", AS_OF, "-o", str(folder)])
    assert sorted([f"{promise().id}.html", "_andra.html"]) == sorted(
        p.name for p in folder.iterdir()
    )
    assert "<!DOCTYPE html>" in (folder / "_andra.html").read_text("utf-8")
    assert f"Skrev 2{NB}rapporter per 30 juni 2024 till" in capsys.readouterr().out
    assert 1 == main(["report", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "r.html")])
    assert "-o MAPP" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
    assert 0 == main(["report", str(path), "--as-of", AS_OF, "--format", "md"])
    headings = [
        line
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("# Uppföljningsrapport")
    ]
    assert 2 == len(headings)
    assert headings[1].endswith("Det andra löftet")


def test_report_with_a_follow_up_document_counts_its_reports(capsys):
    """The report of the three-kommun promise with its follow-up counts the traffic controls."""
    args = [str(THREE), str(THREE_T1), "--as-of", "2024-10-31", "--format", "md", "--lang", "en"]
    assert 0 == main(["report", *args])
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| Trafikkontroller |"))
    cells = [cell.strip().replace("\\", "") for cell in row.split("|")]
    assert ["40", "33.37", "12"] == cells[4:7]
    assert "Vingåkers kommun: 2 done against 3.3" in out
