"""Worst-case inputs: how long ``carecast.check`` takes on 100,000-character texts.

Regular expressions can take quadratic time on long runs of the characters they
backtrack over ("x.x.x.…", "aaaa…", "Mr. Mr. …"). carecast accepts texts up to
100,000 characters, so each of these must finish in about a second, not minutes.

    python bench/bench_worst.py

Prints a table and writes bench/results/worst.csv.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.table import Table

import carecast
from carecast.guard.check import MAX_CHARS
from figures import write_results

UNITS = (
    "a",
    "9",
    "x.",
    "A.",
    "'a",
    "1999-2000-",
    "Mr. ",
    "a a ",
    "@a",
    "Mrs. Alvarez in bed 4 ",
    "pt John Smith 555-123-4567 ",
    "you should take 500 mg ",
    "🙄 ",
)


def main() -> None:
    table = Table(title=f"carecast.check on {MAX_CHARS:,}-character texts")
    table.add_column("text repeats", justify="left")
    table.add_column("findings", justify="right")
    table.add_column("seconds", justify="right")
    worst = 0.0
    rows = []
    for unit in UNITS:
        text = (unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS]
        start = time.perf_counter()
        report = carecast.check(text)
        elapsed = time.perf_counter() - start
        worst = max(worst, elapsed)
        table.add_row(repr(unit), f"{len(report.findings):,}", f"{elapsed:.2f}")
        rows.append([unit, MAX_CHARS, len(report.findings), round(elapsed, 3)])
    console = Console()
    console.print(table)
    console.print(f"worst case: {worst:.2f} s")
    write_results("worst.csv", ["repeated", "characters", "findings", "seconds"], rows)


if __name__ == "__main__":
    main()
