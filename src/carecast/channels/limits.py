"""How long a post may be on each network, measured the network's way, and how a longer
one is split into a numbered thread on word boundaries.

- X counts weighted characters (most scripts and emoji count 2, links 23), with the
  rules of the twitter-text library (``twitter-text-parser`` on PyPI).
- Bluesky counts graphemes: what a reader sees as one character (``regex``'s ``\\X``).
- Mastodon counts characters, every link as 23, up to the instance's own limit (500
  unless the instance says otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import regex
from twitter_text import parse_tweet

X_LIMIT = 280
BLUESKY_LIMIT = 300
MASTODON_LIMIT = 500
MASTODON_URL_LENGTH = 23

_URL = re.compile(r"https?://\S+")
_TOKEN = re.compile(r"\S+\s*")

Measure = Callable[[str], int]


def x_length(text: str) -> int:
    """X's weighted length of ``text``."""
    return int(parse_tweet(text).weightedLength)


def graphemes(text: str) -> int:
    """The number of user-perceived characters in ``text``."""
    return len(regex.findall(r"\X", text))


def mastodon_length(text: str) -> int:
    """Mastodon's length: characters, with each link counted as 23."""
    return len(_URL.sub("x" * MASTODON_URL_LENGTH, text))


def split(text: str, limit: int, measure: Measure = len) -> list[str]:
    """``text`` as one part if it fits ``limit``, else as a thread of parts ending
    " (1/3)", " (2/3)", … each within ``limit``, broken between words. A single word
    longer than a part (a very long link) is cut where it must be."""
    text = text.strip()
    if measure(text) <= limit:
        return [text]
    count = 2
    while True:
        parts = _fill(text, limit, measure, count)
        if len(parts) <= count:
            total = len(parts)
            return [f"{part} ({n}/{total})" for n, part in enumerate(parts, start=1)]
        count = len(parts)


def _fill(text: str, limit: int, measure: Measure, count: int) -> list[str]:
    """Parts filled greedily, leaving room for a " (n/count)" suffix on each."""
    room = limit - measure(f" ({count}/{count})")
    if room < 1:
        raise ValueError(f"a limit of {limit} leaves no room for text")
    parts: list[str] = []
    current = ""
    for token in _TOKEN.findall(text):
        candidate = current + token
        if measure(candidate.rstrip()) <= room:
            current = candidate
            continue
        if current.strip():
            parts.append(current.rstrip())
        current = token
        while measure(current.rstrip()) > room:  # one word longer than a part
            cut = _longest_prefix(current, room, measure)
            parts.append(current[:cut])
            current = current[cut:]
    if current.strip():
        parts.append(current.rstrip())
    return parts


def _longest_prefix(word: str, room: int, measure: Measure) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= room:
            low = middle
        else:
            high = middle - 1
    return low
