"""Which words are names: the name lists, and the words that only look like names."""

from __future__ import annotations

from carecast.guard import lexicons
from carecast.guard.document import Document, Word

NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    god lord jesus christ christmas easter thanksgiving covid medicare medicaid the a an
    i we you he she they it this that these those our my your his her their its
    er ed icu nicu picu or pt rn md do np pa pharmd dr doctor nurse hospital clinic
    dear hi hello hey thanks thank happy good great ok okay yes no not
    mr mrs ms miss mx mister""".split()
)


def is_excluded(low: str) -> bool:
    return low in NOT_NAMES or low in lexicons.load("drugs")


def is_first(low: str) -> bool:
    return low in lexicons.load("first_names") and not is_excluded(low)


def is_last(low: str) -> bool:
    return low in lexicons.load("last_names") and not is_excluded(low)


def is_unknown_word(w: Word) -> bool:
    """A capitalised word in no word list: likely a surname the lists lack."""
    return is_unknown(w.text)


def is_unknown(text: str) -> bool:
    """``text`` is in no word list, so after a strong cue it is likely a name."""
    low = text.lower()
    return (
        len(low) > 2
        and not text.isupper()
        and "'" not in low
        and "’" not in low
        and low not in lexicons.load("common_words")
        and not is_excluded(low)
        and low not in lexicons.load("cities")
        and low not in lexicons.load("conditions")
    )


def is_ambiguous(low: str) -> bool:
    """A name that is also an everyday word ("Will", "Grace", "Brown")."""
    return low in lexicons.load("name_words")


def has_listed_names(doc: Document) -> bool:
    """Whether any capitalised word of the text is in the first- or last-name list."""
    return doc.memo(
        "listed_names",
        lambda: any(
            w.text[:1].isupper() and (is_first(w.text.lower()) or is_last(w.text.lower()))
            for w in doc.words
        ),
    )
