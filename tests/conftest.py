"""Shared test configuration: Hypothesis profiles and the headless browser.

``HYPOTHESIS_PROFILE=ci`` is thorough (CI), ``dev`` is the default, and
``FAST=1`` picks ``fast`` for quick local runs.

The browser tests take the ``chromium`` or ``axe`` fixture: they are skipped
where Chromium or axe-core is missing, except where ``dev.py check`` runs
them under CI and sets ``MEDBORGARLOFTE_BROWSER_TESTS=required``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "fast", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    "fast" if os.environ.get("FAST") else os.environ.get("HYPOTHESIS_PROFILE", "dev")
)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = os.environ.get("AXE_CORE_JS")  # the path of axe.min.js from the npm package axe-core
# dev.py check sets this under CI, where a missing browser is a failure, not a skip.
BROWSER_REQUIRED = os.environ.get("MEDBORGARLOFTE_BROWSER_TESTS") == "required"
# Flags for a headless run on a machine without a network or a screen.
HEADLESS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _needs(what: str) -> None:
    """Skip the test for want of *what*, or fail it where the browser tests are required."""
    if BROWSER_REQUIRED:
        pytest.fail(f"the browser tests are required here, and {what} is missing")
    pytest.skip(f"needs {what}")


@pytest.fixture
def chromium(tmp_path) -> list[str]:
    """Return the command that starts headless Chromium with a profile of its own."""
    if CHROMIUM is None:
        _needs("a headless Chromium")
    return [str(CHROMIUM), *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}"]


@pytest.fixture
def axe(chromium) -> tuple[list[str], str]:
    """Return the Chromium command and the text of axe.min.js."""
    if AXE is None:
        _needs("AXE_CORE_JS, the path of axe-core's axe.min.js")
    return chromium, Path(str(AXE)).read_text(encoding="utf-8")
