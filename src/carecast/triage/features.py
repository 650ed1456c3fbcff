"""What the triage model reads: the message with its links, handles and addresses
replaced by placeholder words, and guard's findings on it as words of their own."""

from __future__ import annotations

import re

from carecast.guard import Report, check

_URL = re.compile(r"https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:xyz|ly|io|co|com|net|org)/\S*", re.I)
_HANDLE = re.compile(r"(?<!\w)@[\w.]+(?:@[\w.-]+)?")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


def prepare(text: str) -> str:
    """The text as the model reads it: links, handles and email addresses as placeholders
    (what they are matters, not which one)."""
    text = _EMAIL.sub(" zzemail ", text)
    text = _URL.sub(" zzlink ", text)
    return _HANDLE.sub(" zzhandle ", text)


def guard_words(text: str, report: Report | None = None) -> str:
    """guard's findings as words: ``zzprivacy zzprivacy_phi_name`` for a patient's name."""
    report = report or check(text)
    words = []
    for finding in report.findings:
        words.append("zz" + finding.category)
        words.append("zz" + finding.rule.replace(".", "_"))
    return " ".join(sorted(set(words)))
