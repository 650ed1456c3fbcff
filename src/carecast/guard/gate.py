"""Regular expressions that skip texts which cannot match them.

Most posts hold none of the words a given rule looks for. :func:`required_literals`
reads a pattern's syntax tree and finds strings of which every match must contain
at least one ("frequent flyer", "drug seek", …); :class:`Gated` checks for them in
the lower-cased text with a few substring tests before running the pattern. The
check is a necessary condition only, so a gated pattern finds exactly what the
plain one finds, just sooner when there is nothing to find.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Protocol, TypeVar

MAX_VARIANTS = 512  # shapes kept per node before giving up on spelling them out
MAX_SUBSTRINGS = 24  # more substrings than this and the gate costs more than it saves
MIN_LENGTH = 3  # shorter substrings occur in almost every text
SPLIT_AT = 6  # alternations this long are run alternative by alternative

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_NON_LETTER_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_WORD}
BOUNDARY = "\x01"  # \b, ^, $ or a run of non-letters: no letter on this side
GAP = "\x02"  # anything at all, perhaps nothing
LETTERS = re.compile(r"[^\W\d_]+")

# The most frequent English words (function words and everyday verbs): in nearly every
# post, so a gate keyed on them opens for nearly every post. Used only to prefer rarer
# words when a pattern offers a choice.
FREQUENT_WORDS = frozenset(
    """a about after again all also am an and any are as at back be because been but by
    can come could day did do does don even every first for from get give go good had has
    have he her here him his how i if in into is it its just know like look make me more
    most my new no not now of on one only or other our out over people say see she should
    so some than that the their them then there these they this time to today two up us
    use very was way we well were what when which who will with would year you your
    s t re ll ve d m""".split()
)

T = TypeVar("T")
Shapes = frozenset[str]  # what a node can match, spelled with BOUNDARY and GAP marks
Need = frozenset[str]  # pieces of which every match holds one


class _Texts(Protocol):
    """What a gated pattern needs from a document: its text, lower-cased text and words."""

    @property
    def text(self) -> str: ...

    @property
    def lower(self) -> str: ...

    @property
    def tokens(self) -> frozenset[str]: ...

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T: ...


def required_literals(pattern: str | re.Pattern[str], parsed: Any = None) -> Need | None:
    """Pieces of text one of which every match of ``pattern`` contains, or ``None``.

    Pieces are lower-cased; ``\\x01`` marks a side where no letter can stand.
    ``None`` means no such set was found (a branch may match almost anything).
    ``parsed`` is the pattern's syntax tree when the caller already has it.

        >>> sorted(p.replace("\\x01", "|") for p in required_literals(r"\\b(?:gomer|crock)s?\\b"))
        ['|crock|', '|crocks|', '|gomer|', '|gomers|']
    """
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    _, need = _sequence(list(parsed if parsed is not None else sre_parse.parse(source, flags)))
    return need


def _sequence(items: list[Any]) -> tuple[Shapes | None, Need | None]:
    """The shapes of a sequence (if few enough) and its best set of required pieces."""
    candidates: list[Need | None] = []
    run: Shapes = frozenset({""})
    whole: Shapes | None = frozenset({""})
    for op, av in items:
        shapes, need = _node(op, av)
        if shapes is None:
            candidates += [_need_of(run), need]
            run = frozenset({GAP})
        else:
            merged = _product(run, shapes)
            if merged is None:
                candidates.append(_need_of(run))
            run = shapes if merged is None else merged
        whole = _product(whole, shapes) if whole is not None and shapes is not None else None
    candidates.append(_need_of(run))
    return whole, _best(candidates)


def _node(op: Any, av: Any) -> tuple[Shapes | None, Need | None]:
    if op is sre.LITERAL:
        return frozenset({chr(av).lower()}), None
    if op is sre.AT:
        return frozenset({"" if av is sre.AT_NON_BOUNDARY else BOUNDARY}), None
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""}), None
    if op is sre.IN:
        if all(o is sre.LITERAL for o, _ in av):
            return frozenset(chr(c).lower() for _, c in av), None
        return frozenset({BOUNDARY if _no_letters(av) else GAP}), None
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.BRANCH:
        return _branch(av[1])
    if op in _REPEATS:
        return _repeat(*av)
    return frozenset({GAP}), None


def _branch(alternatives: list[Any]) -> tuple[Shapes | None, Need | None]:
    shapes: set[str] | None = set()
    needs: set[str] | None = set()
    for alt in alternatives:
        alt_shapes, alt_need = _sequence(list(alt))
        if shapes is not None and alt_shapes is not None:
            shapes |= alt_shapes
        else:
            shapes = None
        if needs is not None and alt_need is not None:
            needs |= alt_need
        else:
            needs = None
    if shapes is not None and len(shapes) > MAX_VARIANTS:
        shapes = None
    return (
        frozenset(shapes) if shapes is not None else None,
        frozenset(needs) if needs is not None else None,
    )


def _repeat(low: int, high: int, sub: Any) -> tuple[Shapes | None, Need | None]:
    shapes, need = _sequence(list(sub))
    if shapes == frozenset({BOUNDARY}):  # \s+, \d*, [ -]?: non-letters, or perhaps nothing
        return (frozenset({"", BOUNDARY}) if low == 0 else shapes), None
    if low == 0:
        if shapes is not None and high <= 1:
            return shapes | {""}, None
        return frozenset({GAP}), None
    if shapes is None:
        return frozenset({GAP}), need
    if high <= 1:
        return shapes, None
    return frozenset(s + GAP for s in shapes), None


def _no_letters(items: list[Any]) -> bool:
    """Whether a character class holds no letter: spaces, digits, punctuation."""
    for op, av in items:
        if op is sre.LITERAL and not chr(av).isalpha():
            continue
        if op is sre.CATEGORY and av in _NON_LETTER_CATEGORIES:
            continue
        return False
    return True


def _product(left: Shapes, right: Shapes) -> Shapes | None:
    if len(left) * len(right) > MAX_VARIANTS:
        return None
    return frozenset(a + b for a in left for b in right)


def _need_of(shapes: Shapes) -> Need | None:
    """The best piece of every shape, or ``None`` when some shape has no usable piece."""
    pieces = set()
    for shape in shapes:
        piece = max(shape.split(GAP), key=_score)
        if _score(piece) < (0, MIN_LENGTH):
            return None
        pieces.add(piece)
    return frozenset(pieces)


@cache  # the same pieces are scored many times over while a pattern is read
def _score(piece: str) -> tuple[int, int]:
    """How selective a piece is: a rare whole word, then a substring, then a frequent word.

    Scores below ``(0, MIN_LENGTH)`` are not worth a gate.
    """
    word = whole_word(piece)
    if word is not None and word not in FREQUENT_WORDS:
        return 2, len(word)
    sub = _substring(piece)
    size = MIN_LENGTH if any(ord(c) > 0x2000 for c in sub) else len(sub)
    if size >= MIN_LENGTH:
        return 1, size
    if word is not None:
        return 0, MIN_LENGTH
    return 0, size


def _substring(piece: str) -> str:
    """The longest stretch of ``piece`` between boundary marks."""
    return max(piece.split(BOUNDARY), key=len)


def _best(candidates: Iterable[Need | None]) -> Need | None:
    """The most selective set: the best worst piece, then fewest pieces."""
    usable = [c for c in candidates if c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(_score(p) for p in c), -len(c)))


@cache
def whole_word(piece: str) -> str | None:
    """The word of ``piece`` that must stand whole in the text: the longest rare one."""
    words = [m.group() for m in LETTERS.finditer(piece) if m.start() > 0 and m.end() < len(piece)]
    if not words:
        return None
    return max(words, key=lambda w: (w not in FREQUENT_WORDS, len(w)))


def lowered(pattern: re.Pattern[str], parsed: Any = None) -> re.Pattern[str] | None:
    """The case-sensitive twin of a wholly case-insensitive pattern, for lower-cased text.

    Python's ``re`` runs several times faster without IGNORECASE, and a lower-cased
    text is as long as the original for all but a few exotic letters, so matches keep
    their offsets. ``None`` when the pattern has case-sensitive parts or named groups.
    ``parsed`` is the pattern's syntax tree when the caller already has it.
    """
    source = pattern.pattern
    if parsed is None:
        parsed = sre_parse.parse(source, pattern.flags)
    ignore = bool(pattern.flags & re.IGNORECASE)
    if "(?P" in source or "\\N{" in source or not _all_ignore(list(parsed), ignore):
        return None
    out = []
    i = 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i : i + 2])  # \S, \W, \B keep their case
            i += 2
            continue
        if source.startswith("(?i:", i):
            out.append("(?:")
            i += 4
            continue
        if source.startswith("(?i)", i):
            i += 4
            continue
        out.append(source[i].lower())
        i += 1
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


def _all_ignore(items: list[Any], ignore: bool) -> bool:
    for op, av in items:
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av
            inner = (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            if not _all_ignore(list(sub), inner):
                return False
        elif op is sre.BRANCH:
            if not all(_all_ignore(list(alt), ignore) for alt in av[1]):
                return False
        elif op in _REPEATS:
            if not _all_ignore(list(av[2]), ignore):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _all_ignore(list(av[1]), ignore):
                return False
        elif not ignore and _cased(op, av):
            return False
    return True


def _cased(op: Any, av: Any) -> bool:
    if op is sre.LITERAL or op is sre.NOT_LITERAL:
        return chr(av).lower() != chr(av).upper()
    if op is sre.IN:
        for o, a in av:
            if o in (sre.LITERAL, sre.NOT_LITERAL) and chr(a).lower() != chr(a).upper():
                return True
            if o is sre.RANGE and any(chr(c).isalpha() for c in range(a[0], a[1] + 1)):
                return True
    return False


def alternatives(source: str, flags: int = 0) -> list[tuple[str, int]]:
    """The top-level alternatives of a pattern with the flags each runs under.

    An enclosing ``(?i:...)`` or ``(?:...)`` and a leading ``(?i)`` are unwrapped, so
    ``(?i:a|b)`` gives ``[("a", I), ("b", I)]``.
    """
    while True:
        if source.startswith("(?i)"):
            source, flags = source[4:], flags | re.IGNORECASE
            continue
        for opener, extra in (("(?i:", re.IGNORECASE), ("(?:", 0)):
            if source.startswith(opener) and _closing(source, 0) == len(source) - 1:
                source, flags = source[len(opener) : -1], flags | extra
                break
        else:
            break
    parts = _split_top(source)
    if len(parts) == 1:  # \b(?:a|b)\b: spread the boundaries over the alternatives
        for prefix in ("\\b", ""):
            if source.startswith(prefix + "(?:"):
                close = _closing(source, len(prefix))
                suffix = source[close + 1 :]
                if suffix in ("", "\\b") and (prefix or suffix):
                    inner = _split_top(source[len(prefix) + 3 : close])
                    return [(prefix + f"(?:{p})" + suffix, flags) for p in inner]
    return [(p, flags) for p in parts]


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth) of the pattern's syntax characters ``( ) |``.

    Escapes and character classes are stepped over; depth is counted from ``start``.
    """
    depth, i = 0, start
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            yield i, c, depth
        i += 1


def _split_top(source: str) -> list[str]:
    """``source`` cut at its top-level ``|``."""
    parts, start = [], 0
    for i, c, depth in _structure(source):
        if c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


def _class_end(source: str, i: int) -> int:
    """Index of the ``]`` closing the character class that opens at ``i``."""
    j = i + 1
    if j < len(source) and source[j] == "^":
        j += 1
    if j < len(source) and source[j] == "]":
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j


def _closing(source: str, i: int) -> int:
    """Index of the parenthesis closing the group that opens at ``i``, or -1."""
    return next((j for j, c, depth in _structure(source, i) if c == ")" and depth == 0), -1)


class Gated:
    """A compiled pattern that runs only when the text holds one of its required literals.

    A literal with a whole word in it ("\\bgomer") is looked up in the text's word
    set; the rest are looked for as substrings. A pattern without a usable set of
    literals always runs. With ``split=True`` a long alternation without capture
    groups runs alternative by alternative, each gated on its own words, so only the
    few that may match run: a win for alternations whose branches backtrack a lot
    (measure it: for plain word lists one scan is faster).
    """

    __slots__ = (
        "_by_word",
        "_checked",
        "_index_words",
        "always",
        "fast",
        "parts",
        "regex",
        "substrings",
        "words",
    )
    regex: re.Pattern[str]
    fast: re.Pattern[str] | None
    parts: tuple[Gated, ...]
    words: frozenset[str]
    substrings: tuple[str, ...]
    always: bool

    def __init__(self, pattern: str | re.Pattern[str], flags: int = 0, *, split: bool = False):
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        parsed = sre_parse.parse(self.regex.pattern, self.regex.flags)
        self.fast = lowered(self.regex, parsed)
        self.parts = ()
        if split and self.regex.groups == 0:
            alts = alternatives(self.pattern, self.regex.flags)
            if len(alts) >= SPLIT_AT:
                parts = tuple(Gated(a, f, split=False) for a, f in alts)
                if sum(p.always for p in parts) * 4 <= len(parts):  # else one scan is cheaper
                    self.parts = parts
        self._by_word: dict[str, list[int]] = {}
        for i, part in enumerate(self.parts):
            for key in part.words:
                self._by_word.setdefault(key, []).append(i)
        self._index_words = frozenset(self._by_word)
        self._checked = tuple(i for i, p in enumerate(self.parts) if p.always or p.substrings)
        words: set[str] = set()
        substrings: set[str] = set()
        literals = required_literals(self.regex, parsed)
        for literal in literals or ():
            word = whole_word(literal)
            if word is not None:
                words.add(word)
            else:
                substrings.add(_substring(literal))
        self.words = frozenset(words)
        self.substrings = tuple(sorted(substrings, key=len))
        self.always = literals is None or len(substrings) > MAX_SUBSTRINGS

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def may_match(self, doc: _Texts) -> bool:
        """Whether the text could hold a match at all."""
        if self.parts:
            return bool(self._open_parts(doc))
        if self.always or not doc.tokens.isdisjoint(self.words):
            return True
        lower = doc.lower
        return any(s in lower for s in self.substrings)

    def _target(self, doc: _Texts | str) -> tuple[re.Pattern[str], str]:
        text = doc if isinstance(doc, str) else doc.text
        if self.fast is not None:
            lower = text.lower() if isinstance(doc, str) else doc.lower
            if len(lower) == len(text):
                return self.fast, lower
        return self.regex, text

    def _open(self, doc: _Texts | str) -> bool:
        return isinstance(doc, str) or self.may_match(doc)

    def _open_parts(self, doc: _Texts) -> list[Gated]:
        """The alternatives that may match, in pattern order; worked out once per document."""
        return doc.memo(("parts", self), lambda: self._parts_for(doc))

    def _parts_for(self, doc: _Texts) -> list[Gated]:
        index = self._by_word
        opened = {i for w in doc.tokens & self._index_words for i in index[w]}
        opened.update(i for i in self._checked if self.parts[i].may_match(doc))
        return [self.parts[i] for i in sorted(opened)]

    def finditer(self, doc: _Texts | str) -> Iterator[re.Match[str]]:
        """Matches in a document or string; a case-insensitive pattern's groups come lower-cased."""
        if self.parts and not isinstance(doc, str):
            yield from _leftmost(
                (m.start(), i, m)
                for i, p in enumerate(self._open_parts(doc))
                for m in p.finditer(doc)
            )
        elif self._open(doc):
            regex, text = self._target(doc)
            yield from regex.finditer(text)

    def search(
        self, doc: _Texts | str, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        if self.parts and not isinstance(doc, str):
            found = [
                (m.start(), i, m)
                for i, p in enumerate(self._open_parts(doc))
                if (m := p.search(doc, pos, endpos)) is not None
            ]
            return min(found, key=_order)[2] if found else None
        if not self._open(doc):
            return None
        regex, text = self._target(doc)
        return regex.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, doc: _Texts | str, pos: int = 0) -> re.Match[str] | None:
        if self.parts and not isinstance(doc, str):
            return next(
                (m for p in self._open_parts(doc) if (m := p.match(doc, pos)) is not None), None
            )
        regex, text = self._target(doc)
        return regex.match(text, pos)


def _order(item: tuple[int, int, re.Match[str]]) -> tuple[int, int]:
    return item[0], item[1]


def _leftmost(found: Iterable[tuple[int, int, re.Match[str]]]) -> Iterator[re.Match[str]]:
    """Matches of several alternatives as one alternation finds them: leftmost, no overlaps."""
    end = -1
    for start, _, m in sorted(found, key=_order):
        if start >= end:
            yield m
            end = max(m.end(), start + 1) if m.end() == start else m.end()
