"""Shared test configuration: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` is thorough (CI), ``dev`` is the default, and
``FAST=1`` picks ``fast`` for quick local runs.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "fast", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    "fast" if os.environ.get("FAST") else os.environ.get("HYPOTHESIS_PROFILE", "dev")
)
