"""Which words are names, and which names found are no patient's (see ``name.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detectors.privacy.phi.cues import health_near
from carecast.guard.detectors.privacy.phi.name_patterns import (
    ABOUT_POSTS,
    CREDENTIALS,
    EPONYM_AFTER,
    FICTION,
    FREEPHONE,
    MET_YOU,
    NAME_BEFORE_PHONE,
    NAMED_FOR,
    OLD_YEAR,
    ORG_AFTER,
    PHONE,
    PHONE_LABELS,
    PLACEHOLDER_NAMES,
    PROVIDER_BEFORE,
    PUBLIC_BEFORE,
    PUBLIC_TITLES,
    REDIRECT,
    SELF_BEFORE,
    WORD_FOR,
    YOUR_CARE,
)
from carecast.guard.document import LETTERS, Document, Word
from carecast.guard.findings import Finding

NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    god lord jesus christ christmas easter thanksgiving covid medicare medicaid the a an
    i we you he she they it this that these those our my your his her their its
    er ed icu nicu picu or pt rn md do np pa pharmd dr doctor nurse hospital clinic
    dear hi hello hey thanks thank happy good great ok okay yes no not
    mr mrs ms miss mx mister""".split()
)
# Honorifics and kinship titles: part of a name finding, never a name by themselves.
TITLE_WORDS = frozenset(
    """mr mrs ms mx miss mister master madam madame mme mlle monsieur herr frau signor signora
    senor senora señor señora senhora sr sra srta shri sri smt shrimati kumari sister brother
    father mother chief pastor coach captain officer judge mayor baby aunty auntie aunt uncle
    baba mama mma tita tito lola lolo abuela abuelo tia tio tía tío nonna nonno babcia dziadek
    oma opa bubbe zayde granny grandma grandpa nana papa doña dona ammi amma appa paati thatha
    nani dadi ate kuya mzee bibi yaya alhaji alhaja iya mallam mazi nne manang manong nanay
    tatay bhabhi chacha chachi mausi boy girl""".split()
)
# Endings of drug, lab and disease words the lists lack ("lactate", "ferritin", "-itis"),
# and of words for groups of people ("Ohioans", "Gen Zers").
MEDICAL_ENDING = re.compile(
    r"(?:ate|ase|ine|ol|phils?|cytes?|mab|nib|pril|sartan|statin|azole|cillin|mycin|vir"
    r"|tide|flozin|olol|pine|pam|done|xone|itis|emia|aemia|osis|.{5}in"
    r"|...(?:ans|ers|ists))$"
)
DETERMINERS = re.compile(r"\b(?:the|a|an|his|her|my|their|your|our|its)\s+$")


def is_excluded(low: str) -> bool:
    return low in NOT_NAMES or low in lexicons.load("drugs")


def is_first(low: str) -> bool:
    return low in lexicons.load("first_names") and not is_excluded(low)


def is_last(low: str) -> bool:
    return low in lexicons.load("last_names") and not is_excluded(low)


def is_unknown_word(w: Word) -> bool:
    """A capitalised word in no word list: likely a surname the lists lack."""
    return is_unknown(w.text)


def is_unknown(text: str, towns: bool = True) -> bool:
    """``text`` is in no word list, so after a strong cue it is likely a name.

    With ``towns=False`` a town's name counts as unknown too: after the strongest cues
    ("Kemi, your mum's scan") a word that names a town somewhere is still a person.
    """
    low = text.lower()
    return (
        len(low) > 2
        and not text.isupper()
        and "'" not in low
        and "’" not in low
        and low not in lexicons.load("common_words")
        and not is_excluded(low)
        and (not towns or low not in lexicons.load("cities"))
        and low not in lexicons.load("conditions")
        and low not in lexicons.load("regions")
        and MEDICAL_ENDING.search(low) is None
    )


def is_ambiguous(low: str) -> bool:
    """A name that is also an everyday word ("Will", "Grace", "Brown")."""
    return low in lexicons.load("name_words")


def is_given(low: str) -> bool:
    """A listed first name that is no everyday word: a name even in lower case ("jess")."""
    return (
        is_first(low)
        and not is_ambiguous(low)
        and (len(low) > 3 or low not in lexicons.load("common_words"))
    )


def is_lower_name(word: str) -> bool:
    """A lower-case word that reads as a name: a first name, or a long word in no list
    that is no compound of two common words ("thabo", not "whiteboard")."""
    if is_given(word):
        return True
    if len(word) < 4 or not is_unknown(word):
        return False
    common = lexicons.load("common_words")
    if any(part in common for part in re.split(r"[\-'’]", word)):  # "year-old"
        return False
    return not any(word[:i] in common and word[i:] in common for i in range(3, len(word) - 2))


def led_by_name(prev: str) -> bool:
    """Whether a word before a name makes the two one name: a first name or a public title."""
    return is_first(prev) or prev in PUBLIC_TITLES


def joined(doc: Document, i: int) -> bool:
    """Whether word ``i`` and the next are capitalised with one space between ("Sarah Connor")."""
    words = doc.words
    return (
        i + 1 < len(words)
        and words[i].text[:1].isupper()
        and words[i + 1].text[:1].isupper()
        and doc.text[words[i].end : words[i + 1].start] in (" ", "\u00a0")
    )


def is_titled_thing(text: str) -> bool:
    """An honorific and words that name a place or a thing, not a person ("Miss Universe").

    After Mr, Mrs, Ms or Mx any word is a surname ("Mr. Henley"); after the titles that
    are everyday words too ("Miss", "Master", "Pan"), common words are not.
    """
    low = text.lower()
    if low in lexicons.load("regions") or low in lexicons.load("cities"):
        return True
    title, *rest = re.findall(r"[^\W\d_]+", low)
    if title in ("mr", "mrs", "ms", "mx", "mister"):
        return False
    words = [w for w in rest if w not in TITLE_WORDS]
    common = lexicons.load("common_words")
    return bool(words) and all(
        len(w) > 1 and w in common and not (is_first(w) or is_last(w)) for w in words
    )


def is_name_like(text: str, strong: bool = False) -> bool:
    """A first name, or a capitalised word in no list, after a strong cue.

    ``strong`` cues (the person spoken to) let a town's name be a person's too.
    """
    low = text.lower()
    if low in NOT_NAMES or low in TITLE_WORDS:
        return False
    return is_given(low) or (text[:1].isupper() and is_unknown(text, towns=not strong))


def listed_words(doc: Document) -> list[int]:
    """Indexes of the capitalised words that are in the first- or last-name list."""
    return doc.memo(
        "listed_words",
        lambda: [
            i
            for i, w in enumerate(doc.words)
            if w.text[:1].isupper() and (is_first(w.text.lower()) or is_last(w.text.lower()))
        ],
    )


def has_listed_names(doc: Document) -> bool:
    """Whether any capitalised word of the text is in the first- or last-name list."""
    return bool(listed_words(doc))


def spells(part: str, low: str) -> bool:
    """Whether a handle's part and a word are one name: "kemi" and "kemi_a", "bren" and "brenda"."""
    return (
        part == low
        or (len(low) > 3 and part.startswith(low))
        or (len(part) > 3 and low.startswith(part))
    )


def is_person_word(word: str) -> bool:
    """A name-like word, in lower case too when long and in no list ("tobenna's mum")."""
    return is_lower_name(word) if word.islower() else is_name_like(word)


def outermost(found: list[Finding]) -> list[Finding]:
    """``found`` without the findings a longer one holds ("Graves" within "Mr. Graves"), in
    their order; one sort and one pass, so thousands of findings stay cheap."""
    held: set[int] = set()
    widest: tuple[int, int] | None = None  # the first span to reach the furthest end so far
    for index in sorted(range(len(found)), key=lambda i: (found[i].start, -found[i].end)):
        f = found[index]
        if widest is not None and (
            widest[1] > f.end or (widest[1] == f.end and widest != (f.start, f.end))
        ):
            held.add(index)
        if widest is None or f.end > widest[1]:
            widest = (f.start, f.end)
    return [f for index, f in enumerate(found) if index not in held]


def names_before_phones(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans of names written right before a phone number: "'Kev 07700 900461'".

    A quoted name needs nothing more; otherwise the text must speak of a patient.
    Freephone and short numbers (helplines) and labels ("Mobile 07700 ...") are left out.
    """
    text = doc.text
    if not any(c in text for c in "0123456789"):
        return
    if not (doc.has_patient_cue or " '" in text or any(q in text for q in '"“‘')):
        return
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) < 9 or digits.startswith(FREEPHONE):
            continue
        before = NAME_BEFORE_PHONE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        words = before.group(2).split()
        quoted = bool(before.group(1))
        low = words[-1].lower()
        if low in PHONE_LABELS or low in NOT_NAMES or words[0].lower() in PHONE_LABELS:
            continue
        titled = len(words) == 2 and words[0].lower() in TITLE_WORDS
        named = titled or is_name_like(words[-1]) or (quoted and len(low) >= 3)
        if named and (quoted or doc.near_patient(m.start())):
            yield before.start(2), before.end(2)


def has_health_words(doc: Document) -> bool:
    """Whether the text uses a word from the health or drug lexicons ("inhaler", "mammogram")."""
    return doc.memo(
        "health_words",
        lambda: (
            not (
                doc.tokens.isdisjoint(lexicons.load("conditions"))
                and doc.tokens.isdisjoint(lexicons.load("drugs"))
            )
        ),
    )


def care_near(doc: Document, pos: int) -> bool:
    """Whether the story around ``pos`` is about a patient or about someone's health.

    As :func:`health_near`, with any word of the health and drug lexicons as a cue too.
    """
    if doc.near_patient(pos) or health_near(doc, pos):
        return True
    if not has_health_words(doc):
        return False
    start, end = doc.sentence_at(pos)
    words = LETTERS.findall(doc.lower, start, end)
    health, drugs = lexicons.load("conditions"), lexicons.load("drugs")
    return any(w in health or w in drugs for w in words)


def met_in_reply(doc: Document) -> bool:
    """Whether a reply speaks of the person's own care or of meeting them."""
    return YOUR_CARE.search(doc) is not None or MET_YOU.search(doc) is not None


def is_general_reply(doc: Document) -> bool:
    """A reply that confirms no care: it moves the talk off the thread ("please DM us"), or
    speaks of the author's posts ("great question", "glad the tips helped") and neither of
    a patient nor of meeting the person."""
    if not doc.context.is_reply:
        return False
    if doc.sentences_with(REDIRECT):
        return True
    told = bool(doc.patient_cue_sentences) or met_in_reply(doc)
    return bool(doc.sentences_with(ABOUT_POSTS)) and not told


# -- names found that are no patient's ------------------------------------------------


AGED = ("name followed by an age", "name given an age")  # explanations of the age forms


def is_dropped(doc: Document, f: Finding) -> bool:
    """Whether a name found is no patient's: see the two tests below."""
    honorific = f.explanation.startswith("honorific")
    return is_staff_or_public(doc, f, f.explanation in AGED) or is_not_a_patient(doc, f, honorific)


def blocked_context(doc: Document, start: int, end: int) -> bool:
    """A provider's or public figure's title before the name, or an organisation or eponym
    word after it."""
    before, _ = doc.window(start, end, 20, 0)
    if PROVIDER_BEFORE.search(before) or PUBLIC_BEFORE.search(before):
        return True
    return ORG_AFTER.match(doc, end) is not None


def name_tokens(text: str) -> list[str]:
    """The lower-cased words of a name finding, honorifics and titles left out."""
    low = text.lower()
    return [t for t in re.findall(r"[^\W\d_]+", low) if len(t) > 1 and t not in TITLE_WORDS]


def is_staff_or_public(doc: Document, f: Finding, aged: bool = False) -> bool:
    """Staff, the author or a public figure, or a surname that names a disease.

    A name is staff when all its words are words of staff names: "Mr. Emmanuel Okafor"
    is not the practice's Dr. Samuel Okafor. A name given an age in a story about a
    patient (``aged``) is a patient even when it is a staff member's first name.
    """
    low = f.text.lower()
    tokens = name_tokens(f.text)
    if low in lexicons.load("public_figures"):
        return True
    if tokens and all(t in doc.allowed_name_tokens for t in tokens):
        return not (aged and len(tokens) == 1 and doc.near_patient(f.start))
    eponym = re.match(r"\s*(?:'s|’s|'|’)?\s*(\w+)", doc.text[f.end : f.end + 20])
    following = eponym.group(1).lower() if eponym else ""
    phrase = f"{low}'s {following}"
    return (
        bool(tokens)
        and tokens[-1] in lexicons.load("eponyms")
        and (
            phrase in lexicons.load("eponym_phrases")
            or following in ("disease", "syndrome", "sign", "palsy", "score", "test")
        )
    )


def is_not_a_patient(doc: Document, f: Finding, honorific: bool) -> bool:
    """A placeholder, invented or historical name, an eponym's namesake, a signature."""
    tokens = name_tokens(f.text)
    following = re.match(r"\s*([^\W\d_]+)", doc.text[f.end : f.end + 20])
    if following and following.group(1).lower() in PLACEHOLDER_NAMES:
        tokens = [*tokens, following.group(1).lower()]
    if any(t in PLACEHOLDER_NAMES for t in tokens):
        return True
    if doc.near(f.start, doc.sentences_with(FICTION)):
        return True
    low = f.text.lower()
    if low in lexicons.load("eponym_phrases") or CREDENTIALS.match(doc.text, f.end):
        return True
    own = not doc.text.startswith(("'s", "’s"), f.end)  # "I'm Jake's mum" is not Jake
    if own and SELF_BEFORE.search(doc.lower, max(0, f.start - 15), f.start):
        return True
    if WORD_FOR.match(doc.text, f.end):
        return True
    if honorific:
        return False
    if doc.near(f.start, doc.sentences_with(OLD_YEAR)):
        return True
    return _eponym_namesake(doc, f, tokens) or _common_noun_here(doc, f, tokens)


def _eponym_namesake(doc: Document, f: Finding, tokens: list[str]) -> bool:
    """ "Thomas Addison described ...": the person a disease is named after.

    The text says the name was given ("described", "named after"), or uses the
    surname elsewhere as the disease ("Addisonian crisis", "Addison's disease").
    """
    if len(tokens) < 2 or tokens[-1] not in lexicons.load("eponyms"):
        return False
    if doc.near(f.start, doc.sentences_with(NAMED_FOR)):
        return True
    surname = tokens[-1]
    uses = doc.memo(("eponym uses", surname), lambda: _eponym_uses(doc, surname))
    return any(not f.start <= start < f.end for start in uses)


def _eponym_uses(doc: Document, surname: str) -> list[int]:
    """Where the text uses ``surname`` as a disease's name ("Addisonian", "Addison's
    disease"), worked out once per document and surname."""
    uses = []
    for m in re.finditer(rf"\b{re.escape(surname)}(ian|oid|['’]s?)?\b", doc.lower):
        named = re.match(r"['’]?\s*(\w+)", doc.lower[m.end() : m.end() + 20])
        if (
            m.group(1) in ("ian", "oid")
            or EPONYM_AFTER.match(doc.lower, m.end())
            or (named and f"{surname}'s {named.group(1)}" in lexicons.load("eponym_phrases"))
        ):
            uses.append(m.start())
    return uses


def _common_noun_here(doc: Document, f: Finding, tokens: list[str]) -> bool:
    """A one-word name the text also uses as a common noun: "his teddy. Teddy is ..."."""
    if len(tokens) != 1 or not f.text[:1].isupper():
        return False
    word = tokens[0]
    return doc.memo(("common noun", word), lambda: _after_determiner(doc, word))


def _after_determiner(doc: Document, word: str) -> bool:
    for m in re.finditer(rf"\b{re.escape(word)}\b", doc.text):
        if DETERMINERS.search(doc.lower, max(0, m.start() - 8), m.start()):
            return True
    return False
