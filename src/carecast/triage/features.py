"""What the triage model reads: the message with its links, handles and addresses
replaced by placeholder words, cue words for what marks each category (``cues.yaml``),
and guard's findings on it as words of their own."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

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


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    text = resources.files("carecast.triage").joinpath("cues.yaml").read_text()
    patterns: dict[str, str] = yaml.safe_load(text)
    return {name: re.compile(pattern, re.I) for name, pattern in patterns.items()}


_PAIRS = (("fp", "health"), ("kin", "health"), ("booking", "health"))
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")


def cue_words(text: str) -> str:
    """``zzcuefp zzcuehealth zzcuefphealth`` for "my rash is back": which cues match,
    which pairs of them meet, and the message's shape (no letters, short, long, shouting)."""
    found = {name for name, pattern in _cues().items() if pattern.search(text)}
    words = ["zzcue" + name for name in sorted(found)]
    words += [f"zzcue{a}{b}" for a, b in _PAIRS if a in found and b in found]
    letters = _LETTER.findall(text)
    tokens = _WORD.findall(text)
    if not letters:
        words.append("zzcuenoletters")
    if len(tokens) <= 3:
        words.append("zzcueshort")
    elif len(tokens) > 40:
        words.append("zzcuelong")
    if len(letters) > 8 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        words.append("zzcuecaps")
    return " ".join(words)


def model_text(text: str, report: Report | None = None) -> str:
    """Everything the model reads for one message."""
    return f"{prepare(text)} {cue_words(text)} {guard_words(text, report)}"


def discloses_health(text: str) -> bool:
    """A health word near "my", "I" or "my son": the sender speaking of their own or a
    relative's health, whatever the category."""
    cues = _cues()
    return bool(cues["health"].search(text)) and bool(
        cues["fp"].search(text) or cues["kin"].search(text)
    )
