"""Shared test settings: Hypothesis runs the same examples on every CI run."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
default_profile = "ci" if os.environ.get("CI") else "default"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", default_profile))

pytest_plugins = ["databases"]
