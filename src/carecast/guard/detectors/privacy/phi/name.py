"""``privacy.phi.name``: names of patients and their relatives.

Strong forms stand alone: an honorific before a name or initial ("Mrs. Alvarez",
"Mr. K."), the record-label form ("SMITH, JOHN"), a role word before a name
("my patient Jake", "her daughter Emily"), a name before an age ("Maria, 45,"), a
name beside a bed, a phone number or a hashtag ("#PrayForKemi"), the person a reply
is addressed to. Weaker forms need the story to be about care: a first and last name
from the name lists, or a first name doing something in a sentence about a patient.
Names of staff, the author, public figures, eponyms ("Huntington's"), drugs, places,
placeholders ("Jane Doe") and people of invented or historical stories are never
reported. Once a name is found, every other mention of it is too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi import name_patterns as forms
from carecast.guard.detectors.privacy.phi.cues import HEALTH_CUES, health_near, near_person
from carecast.guard.detectors.privacy.phi.name_lists import (
    AGED,
    NOT_NAMES,
    TITLE_WORDS,
    blocked_context,
    care_near,
    has_health_words,
    has_listed_names,
    is_ambiguous,
    is_dropped,
    is_first,
    is_general_reply,
    is_given,
    is_last,
    is_lower_name,
    is_name_like,
    is_person_word,
    is_titled_thing,
    is_unknown,
    is_unknown_word,
    joined,
    led_by_name,
    listed_words,
    met_in_reply,
    names_before_phones,
    outermost,
    spells,
)
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import FREQUENT_WORDS


class PatientName(Detector):
    rule = "privacy.phi.name"
    severity = "block"
    message = "Patient or relative name"
    suggestion = "[patient]"
    source = "45 CFR 164.514(b)(2)(i)(A): names"

    def detect(self, doc: Document) -> Iterator[Finding]:
        finders = [self._honorifics, self._relations, self._name_ages, self._initials]
        finders += [self._cued_forms, self._care_objects, self._spoken_to]
        if has_listed_names(doc):  # the forms below all need a name from the name lists
            finders += [self._labels, self._titled_and_listed, self._full_names]
            finders.append(self._narrative_first_names)
        found = [f for form in finders for f in form(doc)]
        for start, end in names_before_phones(doc):  # "'Kev 07700 900461'"
            found.append(self.finding(doc, start, end, "name beside a phone number"))
        found = outermost([f for f in found if not is_dropped(doc, f)])
        yield from found
        yield from self._other_mentions(doc, found)

    # -- strong forms -------------------------------------------------------------

    def _honorifics(self, doc: Document) -> Iterator[Finding]:
        for m in forms.HONORIFIC_NAME.finditer(doc):
            start, end = m.span()
            if doc.text[start - 1 : start].isalpha():  # "Amr Diab" holds no "Mr"
                continue
            if forms.ORG_AFTER.match(doc, end) and "'s" in doc.text[end : end + 3]:
                continue
            if is_titled_thing(m.group()):  # "Sri Lanka", "Miss Universe", "Pan Am"
                continue
            if forms.NAMED_THING_BEFORE.search(doc.window(start, end, 30, 0)[0]):
                continue  # "a knitted teddy named Mr. Buttons"
            yield self.finding(doc, start, end, "honorific before a name")
        for m in forms.HONORIFIC_LOWER.finditer(doc):
            word = m.group(1) or ""  # no word: an initial ("mrs k")
            if word in NOT_NAMES or (word in lexicons.load("common_words") and not is_last(word)):
                continue
            yield self.finding(doc, m.start(), m.end(), "honorific before a name (lower case)")

    def _labels(self, doc: Document) -> Iterator[Finding]:
        for m in forms.LABEL_NAME.finditer(doc):
            last, first = m.group(1).lower(), m.group(2).lower()
            if (is_last(last) or is_first(last)) and (is_first(first) or is_last(first)):
                yield self.finding(doc, m.start(), m.end(), "LAST, FIRST record label")

    def _relations(self, doc: Document) -> Iterator[Finding]:
        for m in forms.RELATION_CUE.finditer(doc):
            named = forms.NAME_AFTER_CUE.match(doc.text, m.end())
            if named is None:
                continue
            parts = named.group().split()
            low = parts[0].lower().strip(".")
            said = doc.text[m.start() : m.end()].split()[0]
            cue = said.lower().strip(",:")
            if len(low) == 1 and (cue in forms.WEAK_RELATIONS or parts[0] in ("I", "A")):
                continue  # "the patient I lost": a pronoun, no initial
            strong = cue not in forms.WEAK_RELATIONS
            listed = low in lexicons.load("first_names") or low in lexicons.load("last_names")
            unlisted = strong and cue not in ("little", "big") and is_unknown(parts[0])
            if len(low) == 1 or is_first(low) or is_last(low) or (strong and listed) or unlisted:
                if is_ambiguous(low) and not strong:
                    continue
                start = named.start()
                whole = len(parts) == 1 or is_last(parts[1].lower())
                end = named.end() if whole else start + len(parts[0])
                yield self.finding(doc, start, end, f"name after '{said}'")
        for m in forms.RELATION_LOWER.finditer(doc):
            word = m.group(1)
            if is_given(word):
                yield self.finding(doc, m.start(1), m.end(1), "first name after a role word")

    def _name_ages(self, doc: Document) -> Iterator[Finding]:
        for m in forms.NAME_AGE.finditer(doc):
            parts = m.group(1).split()
            low = parts[0].lower()
            initials = forms.INITIALS_ONLY.match(m.group(1)) is not None
            known = is_first(low) or is_last(low) or len(low.strip(".")) == 1 or initials
            unlisted = is_unknown(parts[0]) and doc.near_patient(m.start())
            if (known and (len(parts) > 1 or not is_ambiguous(low))) or unlisted:
                yield self.finding(doc, m.start(1), m.end(1), AGED[0])
        for m in forms.AGE_BEFORE_NAME.finditer(doc):
            word, low = m.group(1), m.group(1).lower()
            listed = (is_first(low) or is_last(low)) and not is_ambiguous(low)
            if (listed or is_unknown(word)) and low not in NOT_NAMES:
                yield self.finding(doc, m.start(1), m.end(1), "name after an age")
        for m in forms.AGE_AS_NOUN.finditer(doc):
            name = forms.NAME_BEFORE_AGE.search(doc.text, max(0, m.start() - 40), m.start())
            if name and (is_name_like(name.group(1)) or is_last(name.group(1).lower())):
                yield self.finding(doc, name.start(1), name.end(1), AGED[1])

    def _titled_and_listed(self, doc: Document) -> Iterator[Finding]:
        for m in forms.TITLE_NAME.finditer(doc):
            low = m.group(1).split()[0].lower()
            if (is_first(low) or is_last(low)) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "title before a name")
        for m in forms.FIRST_INITIAL.finditer(doc):
            if is_first(m.group(1).lower()) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "first name and initial")
        for m in forms.VOCATIVE.finditer(doc) if not is_general_reply(doc) else ():
            i = 1 if m.group(1) else 2
            low = m.group(i).lower()
            if not is_first(low) or low in NOT_NAMES or blocked_context(doc, m.start(i), m.end(i)):
                continue
            place = (
                doc.text[m.end(i) : m.end(i) + 1] == ":"
                or doc.text[m.start() - 1 : m.start()].isdigit()
            )
            if i == 2 and place and low in lexicons.load("cities"):  # "ZIP 43215, Dayton:"
                continue
            if doc.has_patient_cue or near_person(doc, m.start(i)):
                yield self.finding(doc, m.start(i), m.end(i), "person addressed by name")
        for m in forms.FROM_PLACE.finditer(doc.text):  # "Gary from Dublin, who's been in 6 times"
            low = m.group(1).lower()
            if is_first(low) and not is_ambiguous(low) and near_person(doc, m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "name and home town")

    def _care_objects(self, doc: Document) -> Iterator[Finding]:
        """A name after a verb of care or in apposition to a patient word."""
        if not doc.has_patient_cue:
            return
        for m in forms.LOST_NAME.finditer(doc):
            word, low = doc.text[m.start(2) : m.end(2)], m.group(2).lower()
            if not word[:1].isupper():
                continue
            cared = bool(set(m.group(1).lower().split()) & forms.CARE_VERBS)
            listed = is_first(low) and not is_ambiguous(low)
            if (listed or (cared and is_unknown(word))) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(2), m.end(2), "name after a care verb")
        for m in forms.APPOSITION.finditer(doc.text):
            word = m.group(1)
            if (is_first(word.lower()) or is_unknown(word)) and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "name in apposition")

    def _cued_forms(self, doc: Document) -> Iterator[Finding]:
        """Forms whose wording marks a person: families, newborns, rooms, kin, wishes."""
        for m in forms.FAMILY_NAME.finditer(doc):
            surname = m.group(1)
            many = m.group().lower().endswith(("twins", "triplets"))
            known = is_last(surname.lower()) or is_unknown(surname)
            if known and (many or doc.near_patient(m.start())):
                yield self.finding(doc, m.start(1), m.end(1), "family name")
        for m in forms.RECORD_NAME.finditer(doc):
            low = m.group(1).lower()
            named = (is_last(low) and not is_ambiguous(low)) or is_unknown(m.group(1))
            if named and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "surname on a record")
        for m in forms.NEWBORN.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "newborn's hospital name")
        for m in forms.NAME_IN_ROOM.finditer(doc):
            word, low = m.group(1), m.group(1).lower()
            if word.islower():  # "thabo in bay 6": a first name, or a long unlisted word
                named = is_lower_name(word)
            else:
                named = is_first(low) or is_last(low) or is_name_like(word)
            if named and low not in NOT_NAMES:
                yield self.finding(doc, m.start(1), m.end(1), "name before a room or bed")
        for m in forms.AFTER_ROOM.finditer(doc):
            word, low = m.group(1), m.group(1).lower()
            if is_first(low) or is_last(low) or is_name_like(word):
                yield self.finding(doc, m.start(1), m.end(1), "name after a room or bed")
        for m in forms.INITIAL_SURNAME.finditer(doc):
            low = m.group(1).lower()
            signed = doc.text[m.end() : m.end() + 1] in (",", ")") and bool(
                forms.SIGNED_BEFORE.search(doc.text, max(0, m.start() - 3), m.start())
            )
            named = is_unknown(m.group(1)) or (
                (is_last(low) or signed) and low not in FREQUENT_WORDS and len(low) > 2
            )
            cared = doc.near_patient(m.start()) or bool(forms.SLOT_AFTER.match(doc.text, m.end()))
            if named and cared:
                yield self.finding(doc, m.start(), m.end(), "initial and surname")
        for m in forms.KIN_AFTER.finditer(doc):
            low = m.group(1).lower()
            named = is_first(low) or is_last(low) or is_unknown(m.group(1))
            if named and low not in NOT_NAMES and not is_ambiguous(low):
                yield self.finding(doc, m.start(1), m.end(1), "name with a kinship title")
        for m in forms.KIN_TITLE.finditer(doc):
            low = m.group(1).lower()
            named = is_first(low) or is_last(low) or is_unknown(m.group(1))
            cared = care_near(doc, m.start())
            if named and cared and low not in NOT_NAMES:
                yield self.finding(doc, m.start(), m.end(), "name after a kinship title")
        for m in forms.KIN_POSSESSIVE.finditer(doc):
            name = forms.NAME_BEFORE.search(doc.text, max(0, m.start() - 30), m.start())
            if name is None or not is_person_word(name.group(1)):
                continue
            cared = care_near(doc, m.start())
            if cared and not blocked_context(doc, name.start(1), name.start(1)):
                yield self.finding(
                    doc, name.start(1), name.end(1), "relative named through a person"
                )
        for m in forms.WISH_NAME.finditer(doc):
            low = m.group(2).lower()
            listed = is_first(low) and not is_ambiguous(low)
            named = listed or (doc.context.is_reply and is_unknown(m.group(2)))
            cared = care_near(doc, m.start())
            if doc.context.is_reply and m.group(1).lower() not in forms.HEALTH_WISHES:
                cared = cared and not is_general_reply(doc)  # "Thanks Tom! Glad the tips helped"
            if named and cared and low not in NOT_NAMES:
                yield self.finding(doc, m.start(2), m.end(2), "person thanked or wished well")
        for m in forms.TAG_NAME.finditer(doc) if "#" in doc.text else ():
            i = 1 if m.group(1) else 2
            word = m.group(i)
            named = is_name_like(word) or (is_last(word.lower()) and not is_ambiguous(word.lower()))
            prayer = m.group().lower().startswith("#pray")  # "#PrayForKemi" needs no more
            if named and (prayer or care_near(doc, m.start())):
                yield self.finding(doc, m.start(i), m.end(i), "name in a hashtag")

    def _initials(self, doc: Document) -> Iterator[Finding]:
        for m in forms.INITIALS.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            cued = forms.INITIALS_CUE.search(before)
            if cued or forms.AFTER_INITIALS.match(doc.text, m.end()):
                yield self.finding(doc, m.start(), m.end(), "patient initials")

    def _spoken_to(self, doc: Document) -> Iterator[Finding]:
        """The person a post speaks to about their care, and who is with them.

        A reply that declines to discuss care ("please DM us") confirms none.
        """
        redirect = bool(doc.sentences_with(forms.REDIRECT))
        for m in forms.YOUR_VOCATIVE.finditer(doc) if not redirect else ():
            name = forms.VOCATIVE_BEFORE.search(doc.text, max(0, m.start() - 60), m.start())
            if name is None or not is_name_like(name.group(1), strong=True):
                continue
            if not blocked_context(doc, name.start(1), name.end(1)):
                yield self.finding(doc, name.start(1), name.end(1), "person told of their care")
        for m in forms.SELF_NAMED.finditer(doc):
            if is_name_like(m.group(1), strong=True):
                yield self.finding(doc, m.start(1), m.end(1), "caller names themselves")
        if "@" in doc.text:
            yield from self._spelled_in_email(doc)
        if not doc.context.is_reply or is_general_reply(doc):
            return
        told = bool(doc.patient_cue_sentences) or met_in_reply(doc)
        if not (told or doc.sentences_with(HEALTH_CUES) or has_health_words(doc)):
            return
        for m in forms.YOU_AND.finditer(doc):
            if is_name_like(m.group(1)):
                yield self.finding(doc, m.start(1), m.end(1), "companion of the person replied to")
        yield from self._reply_vocatives(doc)
        if told:
            yield from self._handle_names(doc)

    def _handle_names(self, doc: Document) -> Iterator[Finding]:
        """A word of the text that the handle replied to spells: "@kemi_a" and "Kemi, ..."."""
        handle = (doc.context.reply_to or "").lower()
        if not handle.startswith("@") or " " in handle:
            return
        parts = [p for p in re.split(r"[^a-zà-ÿ]+", handle) if len(p) >= 3]
        for w in doc.words if parts else ():
            low = w.lower
            if len(low) < 3 or not any(spells(p, low) for p in parts):
                continue
            called = w.start == 0 or doc.text[w.end : w.end + 1] in (",", "!")
            word = w.text[:1].upper() + w.text[1:] if len(low) > 3 else w.text  # "kemi!!!"
            if is_name_like(word, strong=called) or (w.is_capitalised and is_last(low)):
                yield self.finding(doc, w.start, w.end, "name of the person replied to")

    def _spelled_in_email(self, doc: Document) -> Iterator[Finding]:
        """A name an e-mail address spells, said again in the text: "from tobi.a@... yes tobi"."""
        for m in forms.EMAIL_NAME.finditer(doc.text):
            if not doc.near_patient(m.start()):
                continue
            for piece in filter(None, (m.group(1), m.group(2))):
                if not (is_given(piece.lower()) or is_unknown(piece)):
                    continue
                said = rf"(?<![\w@./\-]){re.escape(piece)}(?![\w@/\-]|\.\w)"
                for w in re.finditer(said, doc.text, re.IGNORECASE):
                    yield self.finding(doc, w.start(), w.end(), "name an e-mail spells")

    # -- weaker forms: need a story about care --------------------------------------

    def _full_names(self, doc: Document) -> Iterator[Finding]:
        if not (doc.has_patient_cue or doc.sentences_with(HEALTH_CUES) or has_health_words(doc)):
            return
        words = doc.words
        for i in listed_words(doc):
            a = words[i]
            if not (is_first(a.lower) and joined(doc, i)):
                continue
            b = words[i + 1]
            if not (is_last(b.lower) or is_first(b.lower) or is_unknown_word(b)):
                continue
            if is_ambiguous(a.lower) and is_ambiguous(b.lower):
                continue
            if not care_near(doc, a.start):
                continue
            end = words[i + 2].end if joined(doc, i + 1) and is_last(words[i + 2].lower) else b.end
            if not blocked_context(doc, a.start, end):
                yield self.finding(doc, a.start, end, "first and last name in a story about care")

    def _narrative_first_names(self, doc: Document) -> Iterator[Finding]:
        words = doc.words
        for i in listed_words(doc):
            w = words[i]
            if i + 1 == len(words) or (
                i and joined(doc, i - 1) and led_by_name(words[i - 1].lower)
            ):
                continue  # "Kate Middleton's", "King Charles's": judged as a whole name
            if is_ambiguous(w.lower) or w.text.isupper() or w.lower in lexicons.load("regions"):
                continue
            nxt = words[i + 1]
            gap = doc.text[w.end : nxt.start]
            if nxt.lower == "s" and gap in ("'", "’") and i + 2 < len(words):
                gap, nxt = gap + "s" + doc.text[nxt.end : words[i + 2].start], words[i + 2]
            possessive = gap in ("'s ", "’s ") and nxt.lower in forms.HEALTH_POSSESSIONS
            nxt_word = doc.text[w.end : nxt.end].lstrip("'’s ").lower()
            acting = gap == " " and nxt_word in forms.NARRATIVE_VERBS
            if not (possessive or acting):
                continue
            if not care_near(doc, w.start):
                continue
            if blocked_context(doc, w.start, w.end):
                continue
            yield self.finding(doc, w.start, w.end, "first name acting in a story about care")

    def _reply_vocatives(self, doc: Document) -> Iterator[Finding]:
        for m in forms.REPLY_VOCATIVE.finditer(doc.text):
            word = m.group(1)
            if is_name_like(word) and health_near(doc, m.start(1)):
                yield self.finding(doc, m.start(1), m.end(1), "reply names the person")

    # -- more mentions ------------------------------------------------------------

    def _other_mentions(self, doc: Document, found: list[Finding]) -> Iterator[Finding]:
        names = set()
        for f in found:
            for tok in re.findall(r"[A-Z][a-zà-ÿ'\-]{2,}", f.text):
                low = tok.lower()
                if not (low in NOT_NAMES or low in TITLE_WORDS or low in doc.allowed_name_tokens):
                    names.add(tok)
        for w in doc.words:
            if w.text in names and not any(f.start <= w.start < f.end for f in found):
                after = forms.POSSESSIVE.match(doc.text, w.end)
                if not forms.ORG_AFTER.match(doc, after.end() if after else w.end):
                    yield self.finding(doc, w.start, w.end, "another mention of a patient's name")
        for f in found:  # "Priyanka and Arjun Mehta": the first of a couple
            pair = forms.PAIR_BEFORE.search(doc.text, max(0, f.start - 30), f.start)
            partner = pair.group(1) if pair else ""
            if (
                pair
                and " " in f.text.strip()
                and (is_first(partner.lower()) or is_unknown(partner))
            ):
                yield self.finding(doc, pair.start(1), pair.end(1), "partner named with a patient")
