#!/usr/bin/env python3
"""Set up the project in ./.venv and run its jobs; needs only Python 3.11+.

    python3 dev.py demo    # install, then the Hofors example's progress and HTML report
    python3 dev.py check   # install, then lint, type-check, test and build the docs

Uses only the standard library, so it runs before anything is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    """Run one command from the project root; stop with its exit code if it fails."""
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT, env=env)
    if code != 0:
        print(f"dev.py: failed with exit code {code}: {' '.join(map(str, args))}")
        sys.exit(code)


def setup(extras: str) -> None:
    """Create ./.venv if needed and install the project with *extras* into it."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before any check
        sys.exit("dev.py: Python 3.11 or newer is needed")
    if not PY.exists():
        print(f"+ python -m venv {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    run(
        PY,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--upgrade",
        "pip",
    )
    run(
        PY,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-e",
        f".[{extras}]",
    )


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


def check() -> None:
    """Install everything and run every check that CI runs."""
    setup("dev")
    env = dict(os.environ)
    env.setdefault("HYPOTHESIS_PROFILE", "ci" if env.get("CI") else "dev")
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
    print("dev.py: every check passed")


def main() -> None:
    """Dispatch on the one argument."""
    jobs = {"demo": demo, "check": check}
    if len(sys.argv) != 2 or sys.argv[1] not in jobs:  # noqa: PLR2004
        sys.exit(f"usage: python3 dev.py {{{'|'.join(jobs)}}}")
    jobs[sys.argv[1]]()


if __name__ == "__main__":
    main()
