"""Tests of examples/progress_service.py, the script of the how-to guide on building a tool."""

import datetime as dt
import importlib.util
import json
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from medborgarlofte import load, progress

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "progress_service.py"
HOFORS = ROOT / "examples" / "hofors-2023-2024.toml"
AS_OF = dt.date(2024, 6, 30)

_spec = importlib.util.spec_from_file_location("progress_service", SCRIPT)
assert _spec is not None
assert _spec.loader is not None
service = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(service)


@pytest.fixture
def folder(tmp_path):
    """Return a folder with the Hofors promise, a broken promise and a file that is no promise."""
    shutil.copy(HOFORS, tmp_path / "hofors.toml")
    text = HOFORS.read_text(encoding="utf-8").replace('per = "year"', 'per = "år"', 1)
    (tmp_path / "broken.toml").write_text(text, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a promise", encoding="utf-8")
    return tmp_path


def test_summarize_gives_progress_and_problems(folder):
    """A readable file gives its progress at the date; a broken one its problem paths and codes."""
    expected = progress(load(HOFORS), as_of=AS_OF)
    broken, hofors = service.summarize(folder, as_of=AS_OF)
    assert ["broken.toml", "hofors.toml"] == [broken["file"], hofors["file"]]
    assert round(expected.completion, 3) == hofors["completion"]
    assert round(expected.expected_completion, 3) == hofors["expected"]
    assert {s.value: n for s, n in expected.counts if n} == hofors["statuses"]
    assert ["unknown-enum-value"] == [p["code"] for p in broken["problems"]]
    assert broken["problems"][0]["path"].endswith(".target.per")


def test_summarize_reports_an_unreadable_file(tmp_path):
    """A file that is not valid TOML at all is listed with a problem, not raised."""
    (tmp_path / "bad.toml").write_text("id = = 1\n", encoding="utf-8")
    [row] = service.summarize(tmp_path, as_of=AS_OF)
    assert "bad.toml" == row["file"]
    assert 1 == len(row["problems"])


def test_csv_has_a_line_per_file(folder):
    """The CSV table has a header and one line per promise file, problems in the error column."""
    lines = service.to_csv(service.summarize(folder, as_of=AS_OF)).splitlines()
    assert list(service.COLUMNS) == lines[0].split(",")
    assert 3 == len(lines)
    assert lines[1].startswith("broken.toml,,,2024-06-30,")
    assert lines[1].endswith(".target.per unknown-enum-value")


def test_main_exit_code_says_whether_every_file_was_read(folder, tmp_path_factory, capsys):
    """main prints the summary and exits 1 when a file has problems, 0 when none has."""
    assert 1 == service.main(["summary", str(folder), "--as-of", "2024-06-30", "--csv"])
    assert "hofors.toml," in capsys.readouterr().out
    clean = tmp_path_factory.mktemp("clean")
    shutil.copy(HOFORS, clean / "hofors.toml")
    assert 0 == service.main(["summary", str(clean), "--as-of", "2024-06-30"])
    assert "hofors-2023-2024" == json.loads(capsys.readouterr().out)[0]["id"]


def _get(url):
    try:
        # Only ever http://127.0.0.1:<port>/..., built by the test itself.
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_server_answers_progress_on_an_ephemeral_port(folder):
    """The server on 127.0.0.1 answers /progress with the summary and refuses a missing date."""
    server = service.make_server(folder)
    host, port = server.server_address[:2]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://{host}:{port}"
        status, body = _get(f"{base}/progress?as_of=2024-06-30")
        assert (200, service.summarize(folder, as_of=AS_OF)) == (status, body)
        assert 400 == _get(f"{base}/progress")[0]
        assert 400 == _get(f"{base}/progress?as_of=30/6")[0]
        assert 404 == _get(f"{base}/other")[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert "127.0.0.1" == host
    assert not thread.is_alive()
