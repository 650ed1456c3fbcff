"""Post length per network (carecast.channels.limits): X's weighted length, Bluesky's
graphemes, Mastodon's characters with links as 23, and splitting a long post into a
numbered thread on word boundaries."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecast.channels.limits import (
    BLUESKY_LIMIT,
    MASTODON_LIMIT,
    X_LIMIT,
    Measure,
    graphemes,
    mastodon_length,
    split,
    x_length,
)

SUFFIX = re.compile(r" \((\d+)/(\d+)\)\Z")
MEASURES: dict[str, Measure] = {
    "len": len,
    "graphemes": graphemes,
    "x_length": x_length,
    "mastodon_length": mastodon_length,
}

FAMILY = "\N{MAN}\u200d\N{WOMAN}\u200d\N{GIRL}"
FLAG = "\N{REGIONAL INDICATOR SYMBOL LETTER U}\N{REGIONAL INDICATOR SYMBOL LETTER S}"
E_ACUTE = "e\N{COMBINING ACUTE ACCENT}"


def unsuffixed(parts: list[str]) -> list[str]:
    """The parts without their " (n/total)", checking each has the right one."""
    bodies = []
    for n, part in enumerate(parts, start=1):
        found = SUFFIX.search(part)
        assert found, part
        assert (int(found[1]), int(found[2])) == (n, len(parts))
        bodies.append(part[: found.start()])
    return bodies


# Measures


def test_limits() -> None:
    assert (X_LIMIT, BLUESKY_LIMIT, MASTODON_LIMIT) == (280, 300, 500)


def test_x_length_counts_latin_as_one() -> None:
    assert x_length("hello") == 5
    assert x_length("café") == 4
    assert x_length("") == 0


def test_x_length_counts_emoji_as_two() -> None:
    assert x_length("\N{GRINNING FACE}") == 2
    assert x_length("hi \N{GRINNING FACE}") == 5


def test_x_length_counts_cjk_as_two() -> None:
    assert x_length("中") == 2
    assert x_length("日本語") == 6
    assert x_length("こんにちは") == 10


def test_x_length_counts_a_url_as_23() -> None:
    assert x_length("https://example.com") == 23
    long_url = "https://example.com/" + "a" * 100
    assert x_length(long_url) == 23
    assert x_length(f"see {long_url} now") == 4 + 23 + 4
    assert x_length("http://t.co") == 23


def test_graphemes_counts_what_a_reader_sees() -> None:
    assert graphemes("abc") == 3
    assert graphemes(FAMILY) == 1
    assert len(FAMILY) == 5
    assert graphemes(FLAG) == 1
    assert graphemes(E_ACUTE) == 1
    assert graphemes(f"{FAMILY} {FLAG} caf{E_ACUTE}") == 1 + 1 + 1 + 1 + 4


def test_mastodon_length_counts_any_url_as_23() -> None:
    assert mastodon_length("hello") == 5
    assert mastodon_length("https://example.com") == 23
    assert mastodon_length("http://a.io") == 23
    assert mastodon_length("https://example.com/" + "a" * 200) == 23
    assert mastodon_length("a https://x.org/1 b https://y.org/2") == 2 + 23 + 3 + 23
    assert mastodon_length("中\N{GRINNING FACE}") == 2


# Splitting: examples


def test_short_text_is_returned_whole_and_stripped() -> None:
    assert split("  Flu shots are in.\n", 280) == ["Flu shots are in."]


def test_text_exactly_at_the_limit_is_one_part() -> None:
    text = "a" * 40
    assert split(text, 40) == [text]


def test_long_text_becomes_a_numbered_thread() -> None:
    text = " ".join(f"word{i}" for i in range(30))
    parts = split(text, 40)
    assert len(parts) > 1
    assert all(len(p) <= 40 for p in parts)
    assert " ".join(unsuffixed(parts)).split() == text.split()
    assert parts[0].startswith("word0 word1")
    assert parts[-1].endswith(f" ({len(parts)}/{len(parts)})")


def test_a_word_longer_than_a_part_is_cut_and_still_fits() -> None:
    long_word = "x" * 100
    parts = split(f"see {long_word} here", 40)
    assert all(len(p) <= 40 for p in parts)
    bodies = unsuffixed(parts)
    assert "".join("".join(bodies).split()) == f"see{long_word}here"


def test_a_long_link_is_not_cut_where_links_count_23() -> None:
    link = "https://example.com/" + "a" * 200
    text = "Read more about flu shots and who should get them this year: " + link
    parts = split(text, 60, mastodon_length)
    assert all(mastodon_length(p) <= 60 for p in parts)
    assert link in unsuffixed(parts)[-1].split()


def test_newlines_and_paragraphs_inside_a_part_are_kept() -> None:
    text = "Flu shots are in.\n\nWalk in any weekday.\nNo appointment needed. " + " ".join(
        ["Bring your insurance card and a list of your medicines please."] * 4
    )
    parts = split(text, 120)
    assert len(parts) > 1
    assert parts[0].startswith("Flu shots are in.\n\nWalk in any weekday.\nNo appointment")
    assert all(len(p) <= 120 for p in parts)


def test_emoji_thread_fits_x() -> None:
    text = " ".join(["\N{GRINNING FACE}中文" + str(i) for i in range(80)])
    parts = split(text, X_LIMIT, x_length)
    assert len(parts) > 1
    assert all(x_length(p) <= X_LIMIT for p in parts)
    assert " ".join(unsuffixed(parts)).split() == text.split()


@pytest.mark.parametrize("limit", [0, 1, 5, 6])
def test_a_limit_too_small_for_the_suffix_raises(limit: int) -> None:
    with pytest.raises(ValueError):
        split("one two three four five six seven", limit)


# Splitting: properties

LETTERS = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyzABCXYZ0123456789",
        "é",
        "ß",
        "ø",
        "中",
        "文",
        "日",
        "\N{GRINNING FACE}",
        "\N{HEAVY BLACK HEART}",
        E_ACUTE,
    ]
)
WORD = st.lists(LETTERS, min_size=1, max_size=10).map("".join)
LINK = st.sampled_from(
    ["https://example.com", "https://cdc.gov/flu", "http://lakeside.org/book/now"]
)
GAP = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n"])


@st.composite
def texts(draw: st.DrawFn, link: bool = False) -> str:
    words = draw(st.lists(st.one_of(WORD, LINK) if link else WORD, min_size=1, max_size=80))
    gaps = draw(st.lists(GAP, min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True))


@settings(max_examples=150, deadline=None)
@given(
    text=texts(link=True),
    limit=st.integers(min_value=40, max_value=500),
    name=st.sampled_from(sorted(MEASURES)),
)
def test_split_parts_fit_are_numbered_and_keep_the_words(text: str, limit: int, name: str) -> None:
    measure = MEASURES[name]
    parts = split(text, limit, measure)
    if measure(text.strip()) <= limit:
        assert parts == [text.strip()]
        return
    assert len(parts) >= 2
    assert all(measure(p) <= limit for p in parts)
    bodies = unsuffixed(parts)
    assert all(b.strip() == b and b for b in bodies)
    # Every character survives, in order, whether or not a word had to be cut.
    assert "".join("".join(bodies).split()) == "".join(text.split())
    room = limit - measure(f" ({len(parts)}/{len(parts)})")
    if all(measure(w) <= room for w in text.split()):
        assert " ".join(bodies).split() == text.split()


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcdefghij", min_size=30, max_size=120), max_size=6),
    limit=st.integers(min_value=40, max_value=80),
    name=st.sampled_from(sorted(MEASURES)),
)
def test_split_cuts_words_longer_than_a_part(words: list[str], limit: int, name: str) -> None:
    measure = MEASURES[name]
    text = " ".join(["start", *words, "end"])
    parts = split(text, limit, measure)
    assert all(measure(p) <= limit for p in parts)
    bodies = unsuffixed(parts) if len(parts) > 1 else parts
    assert "".join("".join(bodies).split()) == "".join(text.split())
