"""Assertions the PHI detector tables share."""

from __future__ import annotations

import carecast


def covered(report: carecast.Report, text: str, part: str, rule: str) -> bool:
    """Whether every occurrence of ``part`` in ``text`` lies inside a finding of ``rule``."""
    spans = [(f.start, f.end) for f in report.findings if f.rule == rule]
    starts = [i for i in range(len(text)) if text.startswith(part, i)]
    assert starts, f"{part!r} is not in the text"
    return all(any(s <= i and i + len(part) <= e for s, e in spans) for i in starts)
