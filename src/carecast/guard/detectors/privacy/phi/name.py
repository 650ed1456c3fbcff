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
from carecast.guard.detectors.privacy.phi.cues import HEALTH_CUES, health_near
from carecast.guard.detectors.privacy.phi.name_lists import (
    NOT_NAMES,
    has_listed_names,
    is_ambiguous,
    is_first,
    is_last,
    is_unknown,
    is_unknown_word,
)
from carecast.guard.detectors.privacy.phi.name_patterns import (
    AFTER_ROOM,
    APPOSITION,
    FAMILY_NAME,
    FIRST_INITIAL,
    FROM_PLACE,
    HEALTH_POSSESSIONS,
    HONORIFIC_LOWER,
    HONORIFIC_NAME,
    INITIAL_SURNAME,
    INITIALS,
    KIN_AFTER,
    KIN_TITLE,
    LABEL_NAME,
    LOST_NAME,
    NAME_AGE,
    NAME_IN_ROOM,
    NARRATIVE_VERBS,
    NEWBORN,
    ORG_AFTER,
    PAIR_BEFORE,
    PROVIDER_BEFORE,
    RELATION_LOWER,
    RELATION_NAME,
    TITLE_NAME,
    VOCATIVE,
    WEAK_RELATIONS,
    WISH_NAME,
)
from carecast.guard.document import Document, Word
from carecast.guard.findings import Finding


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
        found.extend(self._cued_forms(doc))
        if has_listed_names(doc):  # the forms below all need a name from the name lists
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
            if word in NOT_NAMES or (word in lexicons.load("common_words") and not is_last(word)):
                continue
            yield self.finding(doc, m.start(), m.end(), "honorific before a name (lower case)")

    def _labels(self, doc: Document) -> Iterator[Finding]:
        for m in LABEL_NAME.finditer(doc):
            last, first = m.group(1).lower(), m.group(2).lower()
            if (is_last(last) or is_first(last)) and (is_first(first) or is_last(first)):
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
            unlisted = strong and cue not in ("little", "big") and is_unknown(parts[0])
            if len(low) == 1 or is_first(low) or is_last(low) or (strong and listed) or unlisted:
                if is_ambiguous(low) and not strong:
                    continue
                start = m.start(1)
                end = (
                    m.end(1)
                    if len(parts) == 1 or is_last(parts[1].lower())
                    else start + len(parts[0])
                )
                yield self.finding(doc, start, end, f"name after '{m.group(0).split()[0]}'")
        for m in RELATION_LOWER.finditer(doc):
            word = m.group(1)
            if is_first(word) and word not in lexicons.load("common_words"):
                yield self.finding(doc, m.start(1), m.end(1), "first name after a role word")

    def _name_ages(self, doc: Document) -> Iterator[Finding]:
        for m in NAME_AGE.finditer(doc):
            parts = m.group(1).split()
            low = parts[0].lower()
            known = is_first(low) or is_last(low) or len(low.strip(".")) == 1
            if known and (len(parts) > 1 or not is_ambiguous(low)):
                yield self.finding(doc, m.start(1), m.end(1), "name followed by an age")

    def _titled_and_listed(self, doc: Document) -> Iterator[Finding]:
        for m in TITLE_NAME.finditer(doc):
            low = m.group(1).split()[0].lower()
            if (is_first(low) or is_last(low)) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "title before a name")
        for m in AFTER_ROOM.finditer(doc):
            if is_first(m.group(1).lower()) or is_last(m.group(1).lower()):
                yield self.finding(doc, m.start(1), m.end(1), "name after a room or bed")
        for m in FIRST_INITIAL.finditer(doc):
            if is_first(m.group(1).lower()) and doc.near_patient(m.start()):
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
                if rx is not APPOSITION and is_ambiguous(low):
                    continue
                if is_first(low) and doc.near_patient(m.start()):
                    yield self.finding(doc, m.start(1), m.end(1), why)
        for m in VOCATIVE.finditer(doc):
            i = 1 if m.group(1) else 2
            low = m.group(i).lower()
            if (
                is_first(low)
                and low not in NOT_NAMES
                and not self._blocked_context(doc, m.start(i), m.end(i))
            ):
                yield self.finding(doc, m.start(i), m.end(i), "person addressed by name")

    def _cued_forms(self, doc: Document) -> Iterator[Finding]:
        """Forms whose wording marks a person: families, newborns, rooms, kin, wishes."""
        for m in FAMILY_NAME.finditer(doc):
            surname = m.group(1)
            many = m.group().lower().endswith(("twins", "triplets"))
            known = is_last(surname.lower()) or is_unknown(surname)
            if known and (many or doc.near_patient(m.start())):
                yield self.finding(doc, m.start(1), m.end(1), "family name")
        for m in NEWBORN.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "newborn's hospital name")
        for m in NAME_IN_ROOM.finditer(doc):
            low = m.group(1).lower()
            if (is_first(low) or is_last(low)) and low not in NOT_NAMES:
                yield self.finding(doc, m.start(1), m.end(1), "name before a room or bed")
        for m in INITIAL_SURNAME.finditer(doc):
            low = m.group(1).lower()
            if (is_last(low) or is_unknown(m.group(1))) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "initial and surname")
        for m in KIN_AFTER.finditer(doc):
            low = m.group(1).lower()
            if (is_first(low) or is_unknown(m.group(1))) and low not in NOT_NAMES:
                yield self.finding(doc, m.start(1), m.end(1), "name with a kinship title")
        for m in KIN_TITLE.finditer(doc):
            low = m.group(1).lower()
            named = is_first(low) or is_last(low) or is_unknown(m.group(1))
            cared = doc.near_patient(m.start()) or health_near(doc, m.start())
            if named and cared and low not in NOT_NAMES:
                yield self.finding(doc, m.start(), m.end(), "name after a kinship title")
        for m in WISH_NAME.finditer(doc):
            low = m.group(1).lower()
            listed = is_first(low) and not is_ambiguous(low)
            named = listed or (doc.context.is_reply and is_unknown(m.group(1)))
            cared = doc.near_patient(m.start()) or health_near(doc, m.start())
            if named and cared and low not in NOT_NAMES:
                yield self.finding(doc, m.start(1), m.end(1), "person thanked or wished well")

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
        if not (doc.has_patient_cue or doc.sentences_with(HEALTH_CUES)):
            return
        for run in self._capitalised_runs(doc):
            for i in range(len(run) - 1):
                a, b = run[i], run[i + 1]
                surname = is_last(b.lower) or is_first(b.lower) or is_unknown_word(b)
                if not (is_first(a.lower) and surname):
                    continue
                if is_ambiguous(a.lower) and is_ambiguous(b.lower):
                    continue
                if not (doc.near_patient(a.start) or health_near(doc, a.start)):
                    continue
                end = b.end
                if i + 2 < len(run) and is_last(run[i + 2].lower):
                    end = run[i + 2].end
                if self._blocked_context(doc, a.start, end):
                    continue
                yield self.finding(doc, a.start, end, "first and last name in a story about care")

    def _narrative_first_names(self, doc: Document) -> Iterator[Finding]:
        words = doc.words
        for i, w in enumerate(words[:-1]):
            if not w.is_capitalised or not (is_first(w.lower) or is_last(w.lower)):
                continue
            if is_ambiguous(w.lower) or w.text.isupper() or w.lower in lexicons.load("regions"):
                continue
            nxt = words[i + 1]
            gap = doc.text[w.end : nxt.start]
            if nxt.lower == "s" and gap in ("'", "’") and i + 2 < len(words):
                gap, nxt = gap + "s" + doc.text[nxt.end : words[i + 2].start], words[i + 2]
            possessive = gap in ("'s ", "’s ") and nxt.lower in HEALTH_POSSESSIONS
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
            if is_first(low) and not is_ambiguous(low) and health_near(doc, m.start(1)):
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
        for f in found:  # "Priyanka and Arjun Mehta": the first of a couple
            pair = PAIR_BEFORE.search(doc.text, max(0, f.start - 30), f.start)
            partner = pair.group(1) if pair else ""
            if (
                pair
                and " " in f.text.strip()
                and (is_first(partner.lower()) or is_unknown(partner))
            ):
                yield self.finding(doc, pair.start(1), pair.end(1), "partner named with a patient")
