"""Apply findings to text: PHI spans become typed placeholders; wording other findings
offer to add (a referral, the author's credentials) is appended."""

from __future__ import annotations

import re
from collections.abc import Iterable

from carecast.guard.findings import Finding

PLACEHOLDER = re.compile(r"\[(?:patient|date|age 90\+|location|contact|id|url|ip|detail)\]")


def merge_spans(findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """PHI spans merged where they overlap; the longest finding names the placeholder."""
    spans = sorted(
        ((f.start, f.end, f.suggestion) for f in findings if f.is_phi),
        key=lambda s: (s[0], -(s[1] - s[0])),
    )
    merged: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            s, e, lab = merged[-1]
            merged[-1] = (s, max(e, end), lab)
        else:
            merged.append((start, end, label))
    return merged


def redact(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every PHI span replaced by its placeholder, e.g. ``[patient]``."""
    out: list[str] = []
    pos = 0
    for start, end, label in merge_spans(findings):
        out.append(text[pos:start])
        out.append(label)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def apply_fixes(redacted: str, findings: Iterable[Finding]) -> str:
    """The redacted text plus, once each, the wording non-PHI findings offer to add.
    Findings that only a rewrite can fix (individual advice, a false claim) add nothing."""
    additions: list[str] = []
    for f in findings:
        if f.is_phi or not f.addition or f.addition in additions:
            continue
        if f.addition.lower() in redacted.lower():
            continue
        additions.append(f.addition)
    if not additions:
        return redacted
    return redacted.rstrip() + "\n\n" + "\n".join(additions)
