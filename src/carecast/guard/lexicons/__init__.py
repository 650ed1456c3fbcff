"""Word lists guard reads, shipped as data files beside this module.

Each file opens with ``#`` lines saying where its entries came from; see README.md.
Lists are read once, on first use, and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt``: lower-case, comments and blank lines dropped."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
