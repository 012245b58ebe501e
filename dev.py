#!/usr/bin/env python3
"""Set up the project in ./.venv and run its jobs; needs only Python 3.11+.

    python3 dev.py demo     # install, then the Hofors example's progress and HTML report
    python3 dev.py check    # install, then lint, type-check, test (with headless
                            # Chromium and axe-core where this machine can have them)
                            # and build the docs, and run the core tests on the
                            # dependency floors and on the newest python-dateutil
                            # (the two jobs below)
    python3 dev.py floors   # only: the core tests with every dependency at its floor
    python3 dev.py dateutil # only: the core tests with the newest python-dateutil (4.x)
    python3 dev.py pictures # redraw the docs' picture of the short Hofors report (Chromium)

Uses only the standard library, so it runs before anything is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

# The extras whose floors are promised to users: every runtime extra. The tool
# extras (test, docs, lint, typing) are not floored; their newest versions run.
FLOORED_EXTRAS = ("toml", "yaml", "fast", "ical", "holidays", "report", "testing")
# The core tests: the tests/ folder with the fast Hypothesis profile. One test
# compares the published report byte for byte with what the newest matplotlib
# draws; other versions draw the same chart a hair differently.
CORE_TESTS = (
    "tests",
    "-q",
    "-p",
    "no:cacheprovider",
    "--deselect",
    "tests/test_report.py::test_published_hofors_report_is_up_to_date",
)
# holidays and recurring-ical-events require python-dateutil < 3, so the run on
# the newest python-dateutil goes without them and without the tests that need them.
NEEDS_DATEUTIL_2 = ("holidays", "recurring-ical-events")
HOLIDAY_TESTS = (
    "tests/test_ical.py",
    "tests/test_followup.py::test_due_date_on_a_saturday_moves_to_monday",
    "tests/test_followup.py::test_due_date_on_midsummer_eve_moves_past_the_weekend",
    "tests/test_followup.py::test_working_due_date_is_not_moved",
    "tests/test_followup.py::test_christmas_and_new_year",
    "tests/test_followup.py::test_working_due_dates_are_the_first_working_day_on_or_after",
    "tests/test_cli.py::test_followups_on_working_days",
)
# The browser tests: headless Chromium prints the short report and runs axe-core
# on the report. dev.py check installs axe-core (pinned in package-lock.json)
# with npm, and Chromium with apt-get where it may; under CI both must be there.
BROWSER_TESTS = ROOT / "tests" / "browser"
_FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^]]*\])?\s*>=\s*([^,;\s]+)\s*$")


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    """Run one command from the project root; stop with its exit code if it fails."""
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT, env=env)
    if code != 0:
        print(f"dev.py: failed with exit code {code}: {' '.join(map(str, args))}")
        sys.exit(code)


def setup(extras: str) -> None:
    """Create ./.venv if needed and install the project with *extras* into it."""
    python = _venv(VENV)
    run(python, "-m", "pip", "install", *PIP_QUIET, "-e", f".[{extras}]")


PIP_QUIET = ("--quiet", "--disable-pip-version-check")


def _venv(path: Path, *, fresh: bool = False) -> Path:
    """Create the virtual environment *path* if needed (afresh if asked); return its python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before any check
        sys.exit("dev.py: Python 3.11 or newer is needed")
    python = path / ("Scripts" if os.name == "nt" else "bin") / PY.name
    if fresh or not python.exists():
        print(f"+ python -m venv {path}", flush=True)
        venv.create(path, with_pip=True, clear=True)
    run(python, "-m", "pip", "install", *PIP_QUIET, "--upgrade", "pip")
    return python


def _project() -> dict[str, list[str]]:
    """Return pyproject.toml's requirement lists: ``""`` for the core, else by extra."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    return {"": project["dependencies"], **project["optional-dependencies"]}


def floor_pins() -> list[str]:
    """Return ``name==floor`` for every dependency of the core and the floored extras."""
    lists = _project()
    pins: dict[str, str] = {}
    for key in ("", *FLOORED_EXTRAS):
        for requirement in lists[key]:
            if requirement.startswith("medborgarlofte["):
                continue
            match = _FLOOR.match(requirement)
            if match is None:
                sys.exit(f"dev.py: {requirement!r} has no floor written as name>=version")
            pins[match[1].lower()] = match[2]
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def _tools(*, without: tuple[str, ...] = ()) -> list[str]:
    """Return the test extra's tools (not the library's own extras), minus *without*."""
    return [
        requirement
        for requirement in _project()["test"]
        if not requirement.startswith("medborgarlofte[")
        and re.split(r"[\[<>=!~;\s]", requirement, maxsplit=1)[0].lower() not in without
    ]


def _core_tests(python: Path, *extra: str) -> None:
    """Run the core tests with *python*, quickly (the fast Hypothesis profile).

    Hypothesis keeps its examples beside the environment, apart from the main
    run's: another Hypothesis version must not replay them.
    """
    storage = str(python.parent.parent / "hypothesis")
    env = {**os.environ, "FAST": "1", "HYPOTHESIS_STORAGE_DIRECTORY": storage}
    run(python, "-m", "pytest", *CORE_TESTS, *extra, env=env)


def floors() -> None:
    """Run the core tests with every dependency at the floor pyproject.toml declares.

    A fresh ./.venv-floors gets the project with every floored extra, each
    library pinned to its floor by a constraints file, and the test tools at
    their newest; the pins are checked after installing, then the core tests run.
    """
    path = ROOT / ".venv-floors"
    python = _venv(path, fresh=True)
    pins = floor_pins()
    constraints = path / "constraints.txt"
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    print("dev.py: floors: " + ", ".join(pins), flush=True)
    run(python, "-m", "pip", "install", *PIP_QUIET, "-c", constraints, "-e", ".[test,docs]")
    run(python, "-m", "pip", "check")
    _core_tests(python)


def newest_dateutil() -> None:
    """Run the core tests with the newest python-dateutil (4.x), without the extras that cap it."""
    path = ROOT / ".venv-dateutil"
    python = _venv(path, fresh=True)
    extras = ",".join(e for e in FLOORED_EXTRAS if e not in NEEDS_DATEUTIL_2)
    tools = _tools(without=NEEDS_DATEUTIL_2)
    run(
        python,
        "-m",
        "pip",
        "install",
        *PIP_QUIET,
        "-e",
        f".[{extras},docs]",
        *tools,
        "python-dateutil>=4",
    )
    for name in NEEDS_DATEUTIL_2:
        code = subprocess.call([str(python), "-m", "pip", "show", "--quiet", name], cwd=ROOT)
        if code == 0:
            sys.exit(f"dev.py: {name} was installed, so python-dateutil 4 cannot be tested")
    ignored = [f"--deselect={t}" if "::" in t else f"--ignore={t}" for t in HOLIDAY_TESTS]
    _core_tests(python, *ignored)


def demo() -> None:
    """Install the library, then show where the Hofors example stood on 2024-06-30.

    Prints the progress table and writes the HTML follow-up report of
    ``examples/hofors-2023-2024.toml`` at that fixed date to ``build/``.
    """
    setup("all")
    cli = BIN / ("medborgarlofte.exe" if os.name == "nt" else "medborgarlofte")
    example = Path("examples") / "hofors-2023-2024.toml"
    out = Path("build") / "hofors-report-2024-06-30.html"
    (ROOT / out.parent).mkdir(exist_ok=True)
    run(cli, "progress", example, "--as-of", "2024-06-30")
    run(cli, "report", example, "--as-of", "2024-06-30", "-o", out)
    print(f"dev.py: open {ROOT / out} in a browser, or print it on A4")


def browser(env: dict[str, str]) -> None:
    """Make headless Chromium and axe-core ready for the browser tests, and say where.

    Chromium comes from Debian's package where this is a Debian-like Linux
    run as root; axe-core from npm, at the version ``tests/browser`` pins.
    Under CI (``CI`` set) the browser tests are required: a missing browser
    or axe-core fails them instead of skipping them.
    """
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    apt = shutil.which("apt-get")
    if found is None and apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(apt, "update", "-qq", env=quiet)
        packages = ("chromium", "fonts-dejavu-core", "fonts-liberation")
        run(apt, "install", "-y", "-qq", "--no-install-recommends", *packages, env=quiet)
    npm = shutil.which("npm")
    if npm:
        run(npm, "ci", "--prefix", BROWSER_TESTS, "--no-audit", "--no-fund", "--loglevel=error")
    axe = BROWSER_TESTS / "node_modules" / "axe-core" / "axe.min.js"
    if axe.exists():
        env.setdefault("AXE_CORE_JS", str(axe))
    if env.get("CI"):
        env["MEDBORGARLOFTE_BROWSER_TESTS"] = "required"
    elif not (axe.exists() and (shutil.which("chromium") or shutil.which("chromium-browser"))):
        print("dev.py: no Chromium or no npm here: the browser tests will be skipped", flush=True)


def pictures() -> None:
    """Redraw the docs' picture of the short Hofors report at 2024-06-30 in headless Chromium."""
    setup("all")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("dev.py: pictures needs Chromium (the Debian package chromium)")
    cli = BIN / ("medborgarlofte.exe" if os.name == "nt" else "medborgarlofte")
    page = ROOT / "build" / "hofors-kort-2024-06-30.html"
    picture = ROOT / "docs" / "_static" / "hofors-kort-2024-06-30.png"
    page.parent.mkdir(exist_ok=True)
    example = Path("examples") / "hofors-2023-2024.toml"
    run(cli, "report", example, "--as-of", "2024-06-30", "--brief", "-o", page)
    run(
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={ROOT / 'build' / 'chromium-profile'}",
        "--window-size=900,1100",
        f"--screenshot={picture}",
        page.as_uri(),
    )


def check() -> None:
    """Install everything and run every check that CI runs."""
    setup("dev")
    env = dict(os.environ)
    env.setdefault("HYPOTHESIS_PROFILE", "ci" if env.get("CI") else "dev")
    browser(env)
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    code = subprocess.call(
        [str(PY), "-m", "pytest", "--cov", "--cov-report=term", "-q"], cwd=ROOT, env=env
    )
    if code == 5:  # noqa: PLR2004 - pytest's "no tests were collected"
        sys.exit("dev.py: pytest collected no tests; that is a failure")
    if code != 0:
        sys.exit(code)
    run(
        PY,
        "-m",
        "sphinx",
        "-n",
        "-W",
        "--keep-going",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
    )
    floors()
    newest_dateutil()
    print("dev.py: every check passed")


def main() -> None:
    """Dispatch on the one argument."""
    jobs = {
        "demo": demo,
        "check": check,
        "floors": floors,
        "dateutil": newest_dateutil,
        "pictures": pictures,
    }
    if len(sys.argv) != 2 or sys.argv[1] not in jobs:  # noqa: PLR2004
        sys.exit(f"usage: python3 dev.py {{{'|'.join(jobs)}}}")
    jobs[sys.argv[1]]()


if __name__ == "__main__":
    main()
