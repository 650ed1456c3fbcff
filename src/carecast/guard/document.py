"""A text prepared once for every detector: sentences, words, cues and allowed spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, TypeVar, cast

from carecast.guard.context import Context
from carecast.guard.gate import Gated
from carecast.guard.policy import Policy
from carecast.guard.redact import PLACEHOLDER

T = TypeVar("T")
SHORT_POST = 320
LETTERS = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"(?<=[.!?;])[\"')\]]*\s+|\n+|(?<=:)\s+(?=[A-Z])")
# Letters, joined across apostrophes, hyphens and dots ("O'Brien", "x-ray"), not "'s".
WORD = re.compile(r"[^\W\d_]+(?:(?:['’](?![sS]\b)|[\-.])[^\W\d_]+)*")
PERSON_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx)\.?\s+[A-Z]|\bMiss\s+[A-Z][a-z]")

# Words that tie a sentence to a patient or their relatives: the author is
# telling a story about an encounter.
PATIENT_CUES = Gated(
    r"\b(?:pts?|patients?|patient's|client|resident|my (?:lady|gentleman|guy|girl|kiddo)|sir|ma'am"
    r"|kiddo|gentleman|lady|(?:wo)?man|boy|girl|baby|infant|toddler|newborn|teen(?:ager)?"
    r"|son|daughter|husband|wife|mom|mum|dad|mother|father|grand(?:ma|pa|mother|father|son|daughter)"
    r"|brother|sister|widow(?:er)?|fianc[ée]e?|boyfriend|girlfriend|partner|caregiver"
    r"|came in|comes in|presented|presents|admitted|discharged|diagnosed|brought in|rushed in"
    r"|walked in|rolled in|came into|checked in|coded|passed away|died|treated|saw|seen"
    r"|visit(?:ed)?|delivered|triaged|recheck|(?:days?|weeks?|months?) old"
    r"|ER|ED|A&E|ICU|NICU|PICU|ward|bed|chart|triage|y/?o|yrs? old|year[- ]old|s/p|hx|c/o|dx"
    r"|hospice|nursing home|rehab|lost (?:him|her)|rest (?:easy|well|in peace)|rip|condolences"
    r"|funeral|obituary|passing|recovery|surgery|transplant|chemo|diagnosis|my (?:pts?|patients?)"
    r"|rx|refill|meds|came to (?:us|see (?:us|me))|(?:been )?coming to (?:us|see us|this practice"
    r"|our practice|the practice|this clinic|our clinic|the clinic|this surgery|our surgery)"
    r"|left us|get well|speedy recovery|(?:in (?:your|our)|good|positive|healing) thoughts"
    r"|prayers? (?:for|to)|(?:look(?:ing|ed)? after|treating) (?:the|a|an|our|my|him|her|them)"
    r"|(?:in|at|of|to) (?:our|my|this) (?:practice|clinic|surgery|unit|ward))\b",
    re.IGNORECASE,
)


class Word(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Document:
    """The text, its context and policy, and what every detector needs from it."""

    text: str
    context: Context
    policy: Policy
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per document (one detector reusing another's answer)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def tokens(self) -> frozenset[str]:
        """Every run of letters in the lower-cased text: the words gated patterns look up."""
        return frozenset(LETTERS.findall(self.lower))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        for m in SENTENCE_END.finditer(self.text):
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        if not spans:
            spans.append((0, len(self.text)))
        return spans

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``."""
        spans = self.sentences
        i = max(bisect_right(self.sentence_starts, pos) - 1, 0)
        return spans[i]

    @cached_property
    def masked(self) -> str:
        """The text with redaction placeholders blanked, so "[patient]" is no cue word."""
        if "[" not in self.text:
            return self.text
        return PLACEHOLDER.sub(lambda m: " " * len(m.group()), self.text)

    @cached_property
    def words(self) -> list[Word]:
        new = tuple.__new__  # a third faster than Word(...), and words are many
        return [new(Word, (m.start(), m.end(), m.group())) for m in WORD.finditer(self.text)]

    @cached_property
    def patient_cue_sentences(self) -> frozenset[int]:
        """Start offsets of sentences that speak of a patient or a relative."""
        starts = self.sentence_starts
        found = set()
        for m in (*PATIENT_CUES.finditer(self), *PERSON_TITLE.finditer(self.text)):
            found.add(starts[max(bisect_right(starts, m.start()) - 1, 0)])
        return frozenset(found)

    @cached_property
    def has_patient_cue(self) -> bool:
        return bool(self.patient_cue_sentences) or self.context.is_reply

    def near_patient(self, pos: int) -> bool:
        """Whether the text around ``pos`` speaks of a patient (or the text is a reply)."""
        return self.context.is_reply or self.near(pos, self.patient_cue_sentences)

    def near(self, pos: int, cued: frozenset[int]) -> bool:
        """Whether the sentences starting at ``cued`` hold the story around ``pos``.

        A short post is one story, so any cued sentence counts; in a longer text the
        sentence at ``pos`` or the one before it must be cued.
        """
        if not cued:
            return False
        if len(self.text) <= SHORT_POST:
            return True
        spans = self.sentences
        i = max(bisect_right(self.sentence_starts, pos) - 1, 0)
        return any(spans[j][0] in cued for j in (i, i - 1) if j >= 0)

    def sentences_with(self, pattern: Gated) -> frozenset[int]:
        """Start offsets of the sentences where ``pattern`` matches, found once per document."""
        return self.memo(
            ("sentences", pattern),
            lambda: frozenset(self.sentence_at(m.start())[0] for m in pattern.finditer(self)),
        )

    @cached_property
    def allowed_spans(self) -> list[tuple[int, int]]:
        """Where the practice's own name, contact details, staff and author appear."""
        spans: list[tuple[int, int]] = []
        low = self.lower
        for term in self.policy.allowlist():
            t = term.lower()
            i = low.find(t)
            while i >= 0:
                spans.append((i, i + len(t)))
                i = low.find(t, i + 1)
        for variant in _phone_digits(self.policy):
            for m in re.finditer(r"[\d()+][\d()\s.\-+]{6,}\d", self.text):
                if re.sub(r"\D", "", m.group()).endswith(variant):
                    spans.append((m.start(), m.end()))
        return spans

    @cached_property
    def allowed_name_tokens(self) -> frozenset[str]:
        """Words of staff, author and practice names: never a patient's name."""
        p = self.policy
        names = [p.practice.name, *p.practice.staff, p.author.name]
        return frozenset(
            t
            for n in names
            for t in re.findall(r"[^\W\d_]+", n.lower())
            if len(t) > 2 and t not in _TITLES
        )

    def is_allowed(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside something the practice said is its own."""
        return any(s <= start and end <= e for s, e in self.allowed_spans)

    def window(self, start: int, end: int, before: int = 40, after: int = 40) -> tuple[str, str]:
        """Lower-cased text just before and just after a span."""
        low = self.lower
        return low[max(0, start - before) : start], low[end : end + after]


_TITLES = frozenset(
    "dr doctor nurse mr mrs ms miss mx prof professor family health medicine clinic".split()
)


def _phone_digits(policy: Policy) -> list[str]:
    out = []
    for phone in policy.practice.phones:
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 7:
            out.append(digits[-10:])
    return out
