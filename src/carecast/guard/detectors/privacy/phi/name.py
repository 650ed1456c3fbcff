"""``privacy.phi.name``: names of patients and their relatives.

Strong forms stand alone: an honorific before a name or initial ("Mrs. Alvarez",
"Mr. K."), the record-label form ("SMITH, JOHN"), a role word before a name
("my patient Jake", "her daughter Emily"), a name before an age ("Maria, 45,").
Weaker forms need the story to be about care: a first and last name from the name
lists, or a first name doing something in a sentence about a patient. Names of
staff, the author, public figures, eponyms ("Huntington's"), drugs and places
are never reported. Once a name is found, every other mention of it is too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import health_near, health_sentences
from carecast.guard.document import Document, Word
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Mx|Miss|Mister|Master|Mrs|Sr|Sra|Srta|Señora?|Senhora|Madame|Mme|Mlle"
    r"|Monsieur|Herr|Frau|Signora?|Mevrouw|Pani|Pan)"
)
NAME_PART = r"(?:[A-Z][a-zà-ÿ]*(?:['’\-](?!s\b)[A-Za-zà-ÿ]+)*|[A-Z]\.?(?:\s?[A-Z]\.)*)(?![\w])"
PARTICLE = r"(?:(?:de|del|de la|van|von|der|da|di|le|la|bin|al|el|st\.?|mac|o')\s)?"
HONORIFIC_NAME = Gated(
    rf"(?<![A-Za-z]){HONORIFIC}\.?\s+(?:{PARTICLE}{NAME_PART})(?:\s+{PARTICLE}{NAME_PART})?",
)
HONORIFIC_LOWER = Gated(rf"(?<![A-Za-z])(?i:{HONORIFIC})\.?\s+([a-zà-ÿ][a-zà-ÿ'\-]+)")
LABEL_NAME = Gated(r"\b([A-Z][A-Z'\-]{1,}),\s?([A-Z][A-Z'\-]+)(?:\s[A-Z]\.?)?\b")
RELATION = (
    r"(?:patients?|pts?|client|resident|kiddo|son|daughter|husband|wife|mom|mum|mother|dad|father"
    r"|brother|sister|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|granny|nana"
    r"|papa|aunt|auntie|uncle|niece|nephew|cousin|baby|boy|girl|toddler|teen|neighbou?r"
    r"|partner|fianc[ée]e?|boyfriend|girlfriend|caregiver|widow|widower|friend|gentleman|lady"
    r"|guy|man|woman|little|big|named|called|nicknamed|goes by|known as|name is|name's"
    r"|we call (?:him|her|them)|calls (?:himself|herself))"
)
RELATION_NAME = Gated(
    rf"\b(?i:{RELATION}),?\s+[\"“']?(?:Dr\.?\s+)?({NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+(?!\w))?)",
)
WEAK_RELATIONS = frozenset("little big guy man woman lady gentleman friend boy girl".split())
TITLE_NAME = Gated(
    r"\b(?:Mayor|Coach|Pastor|Father|Sister|Brother|Officer|Judge|Senator|Sheriff|Chief|Captain"
    r"|Abuela|Abuelo|Tia|Tio|Nonna|Nonno|Babcia|Oma|Opa|Bubbe|Zayde|Lola|Lolo|Auntie|Aunt|Uncle"
    r"|Grandma|Grandpa|Granny|Nana|Papa|Baby|Señor|Señora)\s+"
    rf"({NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+(?!\w))?)"
)
FAMILY_NAME = Gated(
    r"\b(?i:the)\s+([A-Z][a-zà-ÿ'\-]+)\s+(?i:family|household|kids|twins|boys|girls)\b"
)
AFTER_ROOM = Gated(rf"\b(?i:room|rm|bed|bay)\.?\s*\d+[A-Za-z]?,?\s+({NAME_PART})")
VOCATIVE = Gated(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-zà-ÿ'\-]+),\s+(?=(?i:you|your|you're|i|i'm|we|so|thank|thanks"
    r"|glad|congrat\w*|welcome|happy|sorry|please|hope|with|we're|what|how)\b)"
    r"|,\s+([A-Z][a-zà-ÿ'\-]+)\s*(?=[.!?]|$|\s(?:[.!?]|💙|❤|🙏))",
)
FROM_PLACE = Gated(r"\b([A-Z][a-zà-ÿ'\-]+)\s+from\s+(?:[A-Z][a-z]+|\d{5})")
LOST_NAME = Gated(
    r"\b(?:lost|miss|remember|saw|met|treated|visited|admitted|discharged|hugged|said goodbye to"
    r"|mourn|mourns|honou?r|celebrate|congrats to|congratulations to|prayers for|pray for"
    r"|thinking of|proud of)\s+(?:our\s+(?:patient|friend)\s+)?([A-Z][a-zà-ÿ'\-]+)(?!\w)(?!\s+(?:and\s+)?(?:Clinic|Hospital|Health))"
)
APPOSITION = Gated(
    r"\b([A-Z][a-zà-ÿ'\-]+),\s+(?:the|a|an|our|my)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:lady|man|woman|gentleman|patient|pt|boy|girl|kid|teen|farmer|veteran|widow|widower|retiree"
    r"|grandmother|grandfather|mom|dad|mother|father|resident|toddler|baby|nurse|teacher|firefighter)\b"
)
FIRST_INITIAL = Gated(r"\b([A-Z][a-zà-ÿ'\-]+)\s([A-Z])\.(?=\s|,|$)")
RELATION_LOWER = Gated(r"\b(?i:patient|pt|saw|named|nicknamed|client)\s+([a-z][a-z'\-]+)\b")
NAME_AGE = Gated(
    rf"\b({NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+)?)\s?(?:,|\()\s?(?:a |an |age |aged )?\d{{1,3}}"
    r"\s?(?:y/?o|yo|yrs?|years?|[MF]\b|,|\))"
)
INITIALS = Gated(r"\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?!\w)")
NARRATIVE_VERBS = frozenset(
    """came comes was is had has presented presents told asked said got went died passed
    showed walked arrived called messaged needed needs complained reported started stopped
    refused admitted coded fell broke delivered gave needed wanted cried laughed smiled
    tested spent underwent finished finishes survived beat lost remembers remembered
    brought brings lives lived will would could can did does couldn't didn't won't""".split()
)
HEALTH_POSSESSIONS = frozenset(
    """story journey fight battle mom mum dad wife husband daughter son family chemo surgery diagnosis labs results
    scan tumor tumour cancer treatment recovery kidney heart liver lungs baby pregnancy
    meds medication appointment visit biopsy mri birthday funeral room bed""".split()
)
NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    god lord jesus christ christmas easter thanksgiving covid medicare medicaid the a an
    i we you he she they it this that these those our my your his her their its
    er ed icu nicu picu or pt rn md do np pa pharmd dr doctor nurse hospital clinic
    dear hi hello hey thanks thank happy good great ok okay yes no not
    mr mrs ms miss mx mister""".split()
)
PROVIDER_BEFORE = Gated(
    r"(?:\bdr\.?|\bdoctor|\bnurse|\bprof\.?|\bprofessor|\bnp|\bpa-c|\brn|\bcolleague"
    r"|\bsurgeon|\bpharmacist|\btherapist|\bthanks to|\bshout-?out to|\bwelcome|\bcongrat\w*)"
    r"\s*,?\s*$"
)
ORG_AFTER = Gated(
    r"\s*(?:'s\s+)?(?:clinic|hospital|cent(?:er|re)|institute|foundation|university|college"
    r"|school|medical|health|memorial|disease|syndrome|sign|palsy|score|scale|test|maneuver"
    r"|manoeuvre|criteria|protocol|method|street|st\b|avenue|ave\b|road|rd\b|park|county|award"
    r"|prize|fund|act\b|law\b|lymphoma|sarcoma|tumou?r|reflex|phenomenon|classification|ulcer"
    r"|procedure|operation|repair|fracture|node|cell|cells|gland|duct|pharmacy|pharmaceuticals"
    r"|inc\b|llc\b|group|trust|society|association|children's|general|regional|valley|lake)",
    re.IGNORECASE,
)


def _is_excluded(low: str) -> bool:
    return low in NOT_NAMES or low in lexicons.load("drugs")


def _first(low: str) -> bool:
    return low in lexicons.load("first_names") and not _is_excluded(low)


def _last(low: str) -> bool:
    return low in lexicons.load("last_names") and not _is_excluded(low)


def _unknown_word(w: Word) -> bool:
    """A capitalised word in no word list: likely a surname the lists lack."""
    low = w.lower
    return (
        len(low) > 2
        and not w.text.isupper()
        and "'" not in low
        and "’" not in low
        and low not in lexicons.load("common_words")
        and not _is_excluded(low)
        and low not in lexicons.load("cities")
        and low not in lexicons.load("conditions")
    )


def _ambiguous(low: str) -> bool:
    """A name that is also an everyday word ("Will", "Grace", "Brown")."""
    return low in lexicons.load("name_words")


def _listed_names(doc: Document) -> bool:
    """Whether any capitalised word of the text is in the first- or last-name list."""
    return doc.memo(
        "listed_names",
        lambda: any(
            w.text[:1].isupper() and (_first(w.text.lower()) or _last(w.text.lower()))
            for w in doc.words
        ),
    )


class PatientName(Detector):
    rule = "privacy.phi.name"
    severity = "block"
    message = "Patient or relative name"
    suggestion = "[patient]"
    source = "45 CFR 164.514(b)(2)(i)(A): names"

    def detect(self, doc: Document) -> Iterator[Finding]:
        found: list[Finding] = []
        found.extend(self._honorifics(doc))
        found.extend(self._relations(doc))
        found.extend(self._name_ages(doc))
        found.extend(self._initials(doc))
        if _listed_names(doc):  # the forms below all need a name from the name lists
            found.extend(self._labels(doc))
            found.extend(self._titled_and_listed(doc))
            found.extend(self._full_names(doc))
            found.extend(self._narrative_first_names(doc))
            found.extend(self._reply_vocatives(doc))
        found = [f for f in found if not self._staff_or_public(doc, f)]
        yield from found
        yield from self._other_mentions(doc, found)

    # -- strong forms -------------------------------------------------------------

    def _honorifics(self, doc: Document) -> Iterator[Finding]:
        for m in HONORIFIC_NAME.finditer(doc):
            start, end = m.span()
            if ORG_AFTER.match(doc, end) and "'s" in doc.text[end : end + 3]:
                continue
            yield self.finding(doc, start, end, "honorific before a name")
        for m in HONORIFIC_LOWER.finditer(doc):
            word = m.group(1)
            if word in NOT_NAMES or (word in lexicons.load("common_words") and not _last(word)):
                continue
            yield self.finding(doc, m.start(), m.end(), "honorific before a name (lower case)")

    def _labels(self, doc: Document) -> Iterator[Finding]:
        for m in LABEL_NAME.finditer(doc):
            last, first = m.group(1).lower(), m.group(2).lower()
            if (_last(last) or _first(last)) and (_first(first) or _last(first)):
                yield self.finding(doc, m.start(), m.end(), "LAST, FIRST record label")

    def _relations(self, doc: Document) -> Iterator[Finding]:
        for m in RELATION_NAME.finditer(doc):
            name = m.group(1)
            parts = name.split()
            low = parts[0].lower().strip(".")
            cue = m.group(0).split()[0].lower().strip(",")
            if len(low) == 1 and cue in WEAK_RELATIONS:
                continue
            strong = cue not in WEAK_RELATIONS
            listed = low in lexicons.load("first_names") or low in lexicons.load("last_names")
            if len(low) == 1 or _first(low) or _last(low) or (strong and listed):
                if _ambiguous(low) and not strong:
                    continue
                start = m.start(1)
                end = (
                    m.end(1)
                    if len(parts) == 1 or _last(parts[1].lower())
                    else start + len(parts[0])
                )
                yield self.finding(doc, start, end, f"name after '{m.group(0).split()[0]}'")
        for m in RELATION_LOWER.finditer(doc):
            word = m.group(1)
            if _first(word) and word not in lexicons.load("common_words"):
                yield self.finding(doc, m.start(1), m.end(1), "first name after a role word")

    def _name_ages(self, doc: Document) -> Iterator[Finding]:
        for m in NAME_AGE.finditer(doc):
            parts = m.group(1).split()
            low = parts[0].lower()
            known = _first(low) or _last(low) or len(low.strip(".")) == 1
            if known and (len(parts) > 1 or not _ambiguous(low)):
                yield self.finding(doc, m.start(1), m.end(1), "name followed by an age")

    def _titled_and_listed(self, doc: Document) -> Iterator[Finding]:
        for m in TITLE_NAME.finditer(doc):
            low = m.group(1).split()[0].lower()
            if (_first(low) or _last(low)) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "title before a name")
        for m in FAMILY_NAME.finditer(doc):
            if _last(m.group(1).lower()) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "family name")
        for m in AFTER_ROOM.finditer(doc):
            if _first(m.group(1).lower()) or _last(m.group(1).lower()):
                yield self.finding(doc, m.start(1), m.end(1), "name after a room or bed")
        for m in FIRST_INITIAL.finditer(doc):
            if _first(m.group(1).lower()) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "first name and initial")
        if not doc.has_patient_cue:
            return
        for rx, why in (
            (LOST_NAME, "name after a care verb"),
            (APPOSITION, "name in apposition"),
            (FROM_PLACE, "name and home town"),
        ):
            for m in rx.finditer(doc.text):
                low = m.group(1).lower()
                if rx is not APPOSITION and _ambiguous(low):
                    continue
                if _first(low) and doc.near_patient(m.start()):
                    yield self.finding(doc, m.start(1), m.end(1), why)
        for m in VOCATIVE.finditer(doc):
            i = 1 if m.group(1) else 2
            low = m.group(i).lower()
            if (
                _first(low)
                and low not in NOT_NAMES
                and not self._blocked_context(doc, m.start(i), m.end(i))
            ):
                yield self.finding(doc, m.start(i), m.end(i), "person addressed by name")

    def _initials(self, doc: Document) -> Iterator[Finding]:
        for m in INITIALS.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            if re.search(r"\b(?:pt|patient|client|resident|mr|mrs|ms|baby)\.?,?\s*$", before):
                yield self.finding(doc, m.start(), m.end(), "patient initials")

    # -- weaker forms: need a story about care --------------------------------------

    def _capitalised_runs(self, doc: Document) -> Iterator[list[Word]]:
        run: list[Word] = []
        for w in doc.words:
            if w.is_capitalised and (not run or doc.text[run[-1].end : w.start] in (" ", " ")):
                run.append(w)
                continue
            if run:
                yield run
            run = [w] if w.is_capitalised else []
        if run:
            yield run

    def _full_names(self, doc: Document) -> Iterator[Finding]:
        if not (doc.has_patient_cue or health_sentences(doc)):
            return
        for run in self._capitalised_runs(doc):
            for i in range(len(run) - 1):
                a, b = run[i], run[i + 1]
                surname = _last(b.lower) or _first(b.lower) or _unknown_word(b)
                if not (_first(a.lower) and surname):
                    continue
                if _ambiguous(a.lower) and _ambiguous(b.lower):
                    continue
                if not (doc.near_patient(a.start) or health_near(doc, a.start)):
                    continue
                end = b.end
                if i + 2 < len(run) and _last(run[i + 2].lower):
                    end = run[i + 2].end
                if self._blocked_context(doc, a.start, end):
                    continue
                yield self.finding(doc, a.start, end, "first and last name in a story about care")

    def _narrative_first_names(self, doc: Document) -> Iterator[Finding]:
        words = doc.words
        for i, w in enumerate(words[:-1]):
            if not w.is_capitalised or not (_first(w.lower) or _last(w.lower)):
                continue
            if _ambiguous(w.lower) or w.text.isupper() or w.lower in lexicons.load("regions"):
                continue
            nxt = words[i + 1]
            gap = doc.text[w.end : nxt.start]
            possessive = gap.startswith(("'s ", "’s ")) and nxt.lower in HEALTH_POSSESSIONS
            nxt_word = doc.text[w.end : nxt.end].lstrip("'’s ").lower()
            acting = gap == " " and nxt_word in NARRATIVE_VERBS
            if not (possessive or acting):
                continue
            if not (doc.near_patient(w.start) or health_near(doc, w.start)):
                continue
            if self._blocked_context(doc, w.start, w.end):
                continue
            yield self.finding(doc, w.start, w.end, "first name acting in a story about care")

    def _reply_vocatives(self, doc: Document) -> Iterator[Finding]:
        if not doc.context.is_reply:
            return
        for m in re.finditer(
            r"(?:^|[,!.]\s*|\b(?:hi|hey|thanks|congrats|dear)\s+)([A-Z][a-z]+)\b"
            r"(?=\s*[,!.]|\s*$)",
            doc.text,
        ):
            low = m.group(1).lower()
            if _first(low) and not _ambiguous(low) and health_near(doc, m.start(1)):
                yield self.finding(doc, m.start(1), m.end(1), "reply names the person")

    # -- filters -------------------------------------------------------------------

    def _blocked_context(self, doc: Document, start: int, end: int) -> bool:
        before, _ = doc.window(start, end, 20, 0)
        if PROVIDER_BEFORE.search(before):
            return True
        return ORG_AFTER.match(doc, end) is not None

    def _staff_or_public(self, doc: Document, f: Finding) -> bool:
        low = f.text.lower()
        tokens = [t for t in re.findall(r"[^\W\d_]+", low) if len(t) > 1]
        if low in lexicons.load("public_figures"):
            return True
        if any(t in doc.allowed_name_tokens for t in tokens):
            return True
        eponym = re.match(r"\s*(?:'s|’s)?\s*(\w+)", doc.text[f.end : f.end + 20])
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

    def _other_mentions(self, doc: Document, found: list[Finding]) -> Iterator[Finding]:
        names = set()
        for f in found:
            for tok in re.findall(r"[A-Z][a-zà-ÿ'\-]{2,}", f.text):
                if tok.lower() not in NOT_NAMES and tok.lower() not in doc.allowed_name_tokens:
                    names.add(tok)
        for w in doc.words:
            if w.text in names and not any(f.start <= w.start < f.end for f in found):
                yield self.finding(doc, w.start, w.end, "another mention of a patient's name")
