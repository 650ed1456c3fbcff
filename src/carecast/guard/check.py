"""``check``: run every enabled detector over a text and build the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from carecast.errors import InputError
from carecast.guard.context import Context
from carecast.guard.document import Document
from carecast.guard.findings import SEVERITY_RANK, Finding, Report, Severity
from carecast.guard.policy import Policy, load_policy
from carecast.guard.redact import PLACEHOLDER, apply_fixes, redact
from carecast.guard.registry import detectors_for

MAX_CHARS = 100_000


def check(
    text: str,
    context: Context | Mapping[str, Any] | None = None,
    policy: Policy | str | Path | None = None,
    *,
    id: str | None = None,
) -> Report:
    """Check one text before it is posted.

    ``context`` says where it goes (``{"channel": "x", "reply_to": "@sam"}``);
    ``policy`` is a pack name (``"default"``, ``"ama"``, ``"fsmb"``, ``"ncsbn"``,
    ``"gmc"``), a YAML file, or a :class:`Policy`. Returns a :class:`Report`::

        >>> check("Mrs. Alvarez in bed 4 is doing better").verdict
        'block'
    """
    if not isinstance(text, str):
        raise InputError(
            f"text must be a string, not {type(text).__name__}", "pass the post's text as str"
        )
    if len(text) > MAX_CHARS:
        raise InputError(
            f"text is {len(text):,} characters; carecast checks at most {MAX_CHARS:,}",
            "split it into separate posts",
        )
    pol = load_policy(policy)
    doc = Document(text=text, context=Context.of(context), policy=pol)
    found: list[Finding] = []
    for detector in detectors_for(pol):
        found.extend(detector.detect(doc))
    findings = _settle(doc, found)
    verdict = _verdict(findings)
    redacted = redact(text, findings)
    return Report(
        verdict=verdict,
        findings=tuple(findings),
        redacted_text=redacted,
        fixed_text=apply_fixes(redacted, findings),
        policy=pol.name,
        id=id,
    )


def _settle(doc: Document, found: list[Finding]) -> list[Finding]:
    """Apply the policy, drop allowed and placeholder spans, spread PHI to repeats."""
    pol = doc.policy
    kept: list[Finding] = []
    for f in found:
        if f.is_phi and (doc.is_allowed(f.start, f.end) or PLACEHOLDER.fullmatch(f.text)):
            continue
        severity = pol.setting(f.rule).severity
        kept.append(replace(f, severity=severity) if severity else f)
    kept.extend(_repeats(doc, kept))
    return _dedupe(kept)


def _repeats(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Other places where the text of a PHI finding appears again."""
    extra: list[Finding] = []
    seen: set[str] = set()
    for f in findings:
        if not f.is_phi or f.text in seen or len(f.text.strip()) < 2:
            continue
        seen.add(f.text)
        pattern = re.compile(r"(?<!\w)" + re.escape(f.text) + r"(?!\w)")
        for m in pattern.finditer(doc.text):
            if m.start() != f.start and not doc.is_allowed(m.start(), m.end()):
                extra.append(replace(f, start=m.start(), end=m.end(), explanation="repeat"))
    return extra


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and span; PHI findings inside a longer PHI finding go."""
    findings.sort(key=lambda f: (f.start, -(f.end - f.start), f.rule))
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    phi_spans: list[Finding] = []
    for f in findings:
        key = (f.rule, f.start, f.end)
        if key in seen:
            continue
        if f.is_phi and any(p.contains(f) and p != f for p in phi_spans):
            continue
        seen.add(key)
        out.append(f)
        if f.is_phi:
            phi_spans.append(f)
    return out


def _verdict(findings: Iterable[Finding]) -> Severity:
    worst: Severity = "ok"
    for f in findings:
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]:
            worst = f.severity
    return worst
