"""Where the benchmarks keep their figures: one CSV each under bench/results/ (git-ignored)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def write_results(name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """Write ``bench/results/NAME`` (a CSV with ``header``) and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path
