"""``check``: run every enabled detector over a text and build the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from carecast.errors import InputError
from carecast.guard.context import Context
from carecast.guard.detectors.privacy.phi.url import URL
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
    if text.strip():  # blank text holds nothing to find
        for detector in detectors_for(pol):
            found.extend(detector.detect(doc))
    findings = _settle(doc, found)
    verdict = _verdict(findings)
    redacted = _stable_redaction(redact(text, findings), findings, doc)
    return Report(
        verdict=verdict,
        findings=tuple(findings),
        redacted_text=redacted,
        fixed_text=apply_fixes(redacted, findings),
        policy=pol.name,
        id=id,
    )


GLUED = re.compile(
    rf"[^\s(\[\"'“]{PLACEHOLDER.pattern}"
    rf"|{PLACEHOLDER.pattern}(?:[^\s.,;:!?)\]\"'”]|[.,;:!?][^\W\d_])"  # "[patient].Sarah"
)


def _stable_redaction(redacted: str, findings: list[Finding], doc: Document) -> str:
    """Redaction that leaves no flagged text behind and that a second check leaves alone.

    Real posts need nothing more than :func:`redact`; text glued to a placeholder
    ("3rdMrs. K"), a flagged span repeated inside a longer word, or a "[patient]"
    placeholder where the text had no patient cue can make a second pass see what
    the first could not, so such text is redacted until stable.
    """
    for _ in range(3):
        outside = _outside_placeholders(redacted)
        flagged = {f.text: f.suggestion for f in findings if f.is_phi and len(f.text) >= 2}
        for text, placeholder in flagged.items():
            if text in outside:
                redacted = _replace_outside_placeholders(redacted, text, placeholder)
        # A "[patient]" placeholder is itself a patient cue, which the text it replaced
        # may not have been ("Mrs. jdoe"): then the redacted text is checked again too.
        if not GLUED.search(redacted) and (doc.has_patient_cue or "[patient]" not in redacted):
            break
        again = Document(text=redacted, context=doc.context, policy=doc.policy)
        found = [
            f
            for d in detectors_for(doc.policy)
            if d.rule.startswith("privacy.")
            for f in d.detect(again)
        ]
        once_more = redact(redacted, _settle(again, found))
        if once_more == redacted:
            break
        redacted = once_more
    return redacted


def _outside_placeholders(text: str) -> str:
    return PLACEHOLDER.sub("\x00", text)


def _replace_outside_placeholders(text: str, old: str, new: str) -> str:
    parts = re.split(f"({PLACEHOLDER.pattern})", text)
    return "".join(p if PLACEHOLDER.fullmatch(p) else p.replace(old, new) for p in parts)


def _settle(doc: Document, found: list[Finding]) -> list[Finding]:
    """Apply the policy, drop allowed and placeholder spans, spread PHI to repeats."""
    pol = doc.policy
    placeholders = [m.span() for m in PLACEHOLDER.finditer(doc.text)]
    kept: list[Finding] = []
    for f in found:
        if f.is_phi and (
            doc.is_allowed(f.start, f.end)
            or any(s < f.end and f.start < e for s, e in placeholders)
        ):
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
        for start in _occurrences(doc.text, f.text):
            end = start + len(f.text)
            if start != f.start and not doc.is_allowed(start, end):
                extra.append(replace(f, start=start, end=end, explanation="repeat"))
    extra.extend(_tagged_names(doc, findings))
    return extra


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Starts of non-overlapping occurrences of needle not glued to a word on either side."""
    check_before = needle[0].isalnum()
    check_after = needle[-1].isalnum()
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        if (not check_before or start == 0 or not _is_word(text[start - 1])) and (
            not check_after or end == len(text) or not _is_word(text[end])
        ):
            yield start
            start = text.find(needle, end)
        else:
            start = text.find(needle, start + 1)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


TAG = re.compile(r"[#@][\w.]+")
# rule -> (message, placeholder, what spells the name)
SPELLED_NAME = {
    "privacy.phi.name": ("Patient name inside a hashtag or handle", "[patient]", "tag"),
    "privacy.phi.url": ("Web address that spells a patient's name", "[url]", "address"),
}


def _tagged_names(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Hashtags, handles and web addresses that spell a patient's name ("#PrayForAlvarez")."""
    names = {
        token.lower()
        for f in findings
        if f.rule == "privacy.phi.name"
        for token in re.findall(r"[^\W\d_]{3,}", f.text)
        if token.lower() not in ("mrs", "miss", "mister")
    }
    if not names:
        return []
    spelled: list[tuple[str, int, str, str]] = []  # (rule, start, text, name)
    if "#" in doc.text or "@" in doc.text:
        for m in TAG.finditer(doc.text):
            name = next((n for n in names if n in m.group().lower()), None)
            if name is not None:
                spelled.append(("privacy.phi.name", m.start(), m.group(), name))
    for m in URL.finditer(doc):
        address = doc.text[m.start() : m.end()].rstrip(".,;:!?")
        name = next((n for n in names if len(n) >= 4 and n in address.lower()), None)
        if name is not None:
            spelled.append(("privacy.phi.url", m.start(), address, name))
    return [
        Finding(
            rule=rule,
            severity="block",
            start=start,
            end=start + len(text),
            text=text,
            message=SPELLED_NAME[rule][0],
            suggestion=SPELLED_NAME[rule][1],
            explanation=f"{SPELLED_NAME[rule][2]} spells the name '{name}'",
        )
        for rule, start, text, name in spelled
    ]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and span; PHI findings inside a longer PHI finding go."""
    findings.sort(key=lambda f: (f.start, -(f.end - f.start), f.rule))
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    phi_end = -1  # furthest end of the PHI spans kept so far; they all start at or before f
    for f in findings:
        key = (f.rule, f.start, f.end)
        if key in seen:
            continue
        if f.is_phi and phi_end >= f.end:
            continue
        seen.add(key)
        out.append(f)
        if f.is_phi:
            phi_end = max(phi_end, f.end)
    return out


def _verdict(findings: Iterable[Finding]) -> Severity:
    worst: Severity = "ok"
    for f in findings:
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]:
            worst = f.severity
    return worst
