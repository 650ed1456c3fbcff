"""``privacy.phi.age``: a person's age when it is over 89.

HIPAA lets ages up to 89 stand; older ages must be aggregated as "90 or older".
Reported: "a 94-year-old", "aged 91", "92 y/o", "93F", "ninety-two", "turned 95",
"her 101st birthday". Not reported: ages of groups ("patients over 90"), or 89 and
under.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import quoted_example
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
SPELLED = {f"ninety{sep}{u}": 90 + i for i, u in enumerate(UNITS) for sep in ("-", " ", "")}
SPELLED.update({"ninety": 90, "a hundred": 100, "one hundred": 100, "hundred": 100})
SPELLED.update({f"one hundred and {u}": 100 + i for i, u in enumerate(UNITS) if u})
SPELLED.update({f"one hundred {u}": 100 + i for i, u in enumerate(UNITS) if u})
# "is 93 and still drives", "is 93 and on a fixed income"; not "is 95 and rising".
TRENDS = (
    r"\s+(?:rising|falling|dropping|climbing|stable|steady|holding|improving|trending|up|down"
    r"|counting|going up|going down)\b"
)
GOING_ON = rf"\s+(?:and|but|yet)\b(?!{TRENDS})"
NUMBER = (
    r"(\d{2,3}|" + "|".join(sorted((re.escape(k) for k in SPELLED), key=len, reverse=True)) + ")"
)
AGE_FORMS = Gated(
    rf"(?i:\b{NUMBER}(?:\s*|-)(?:years?|yrs?|yo)(?:\s*|-)old\b"
    rf"|\b{NUMBER}[\s-]?(?:y/?o|y\.o\.|yo|yrs?\b|years? of age)"
    rf"|\b{NUMBER}[\s-]?something\b"
    rf"|(?:^|(?<=[.!?]\s)){NUMBER}\s+(?:today|this week)\b"
    rf"|\b(?:aged?|age:)\s*{NUMBER}\b"
    rf"|\bturn(?:ed|s|ing)\s+{NUMBER}\b"
    rf"|\b(?:she|he|who)(?:'s|’s|\s+is|\s+was|\s+is now)\s+{NUMBER}(?=\s*(?:[,.;!]|$|and\b|but\b|with\b|years\b))"
    rf"|\b(?:she|he|who)(?:'d|’d|'ll|’ll|\s+would|\s+will|\s+will soon)\s+be\s+{NUMBER}(?=\s*(?:[,.;!]|$|(?:in|on|next|this|and|but)\b))"
    rf"|\b{NUMBER}(?:st|nd|rd|th)\s+birthday|\bhappy\s+{NUMBER}(?:st|nd|rd|th)\b"
    rf"|\b{NUMBER}\s+years?\s+(?:young|of age|of (?:pure|sheer|life)|on this earth|and (?:still|counting))"
    rf"|\b(?:lived|lived to|reached|made it to|living to)\s+{NUMBER}\b"
    rf"|\b(?:at|age)\s+{NUMBER}\b(?!\s*(?:and|or|to|-)\s*(?:over|older|up|\d))"
    rf"|\b{NUMBER}\s+years\b(?=\s*[,;.!]|\s+(?:young|old|of (?:age|life)|and|on)\b)"
    rf"|(?<=\bof ){NUMBER}\s+years\b(?!\s+(?:ago|of|in|experience|service|practice|marriage))"
    rf"|\b{NUMBER}\s+when\s+(?:she|he|they|i|we)\b"
    rf"|\b(?:was|is|is now|turned|turns|reached)\s+{NUMBER}(?=\s*[.!,;]|\s*$|{GOING_ON})"
    rf"|(?<![\d.,/])\b{NUMBER}(?=\s+(?:and|but|yet)\s+(?:(?:she|he|they)\s+)?still\b(?!{TRENDS}))"
    rf"|\b(?:she|he|who|i)\s+(?:was|is|turned|turns)\s+{NUMBER}(?=\s+(?:when|and|but|with|in|on|at)\b))"
    rf"|(?<=[A-Za-z.]),\s(\d{{2,3}})(?=,|\s*\)|\s(?:and|with|who|from)\b)"
    rf"|\((?:age[d:]?\s?)?(\d{{2,3}})(?:!*\)|(?=,\s[A-Za-z]))"
    rf"|\b(\d{{2,3}})\s?([MF])\b"
    rf"|\b(?i:centenarian|supercentenarian|nonagenarian)\b",
)
# Words that lead some forms and stay out of the finding: "she turned [age 90+]".
LEAD_WORD = re.compile(r"(?i)(?:is|was|turn\w*|reach\w*|lived|living|made|she|he|who|i|at)\b")
# The age of someone named by a pronoun: "ninety-four and she still walks", "she'd be 99".
PRONOUN_AFTER = re.compile(r"(?i)\s+(?:and|but|yet)\s+(?:she|he)\b")
PRONOUN = re.compile(r"(?i)\b(?:she|he)(?:'d|’d|\s+would|\s+will)\b")
# An age word said of a thing: "a centenarian of a building".
FIGURATIVE = Gated(r"\s+of\s+(?:a|an)\b", re.IGNORECASE)
# Cheap test first: no number from 90 to 125 and no spelled-out age means nothing to find.
MAYBE_OLD = Gated(
    r"(?<!\d)(?:9\d|1[01]\d|12[0-5])(?!\d)|(?i:ninety|hundred|centenarian|nonagenarian)"
)
QUANTITY_AFTER = Gated(
    r"\s*(?:%|percent|mg|mcg|ml|kg|lbs?|bpm|mmhg|mph|°|degrees|minutes|mins|hours|days|weeks"
    r"|beats|breaths|units|sat|o2|/\d|miles|km|steps|patients|people|countries)",
    re.IGNORECASE,
)
VITALS_BEFORE = Gated(
    r"(?<!this )(?<!last )(?<!next )(?<!all )\b(?:bp|pressure|hr|heart rate|pulse|sats?|spo2|o2|glucose|sugar|temp|temperature|score|a1c"
    r"|weight|level|count|rate|number|iq|fev1|egfr|gfr|ef|hb|hgb|platelets|wbc|dose|speed|room|bed"
    r"|census|total|day|week|shift|mile|lap|page|episode|round|cycle|item|question|version"
    r"|floor|unit|ward|bay|suite|route|highway|exit|gate|flight|bus|channel|no\.|#)\b"
    r"[^.!?\d]{0,15}$",
    re.IGNORECASE,
)
# A birth year that makes the person 90 or more is an element of a date indicative of such an age.
BORN_IN = Gated(r"\b(?i:born(?: back)?(?: in)?)\s+((?:18|19)\d\d)\b")
GROUP_BEFORE = Gated(
    r"(?:patients|people|adults|persons|individuals|residents|seniors|those|anyone|everyone"
    r"|men|women|folks|over|older than|above|under|up to|between|ages|aged \d+ to|from)\s*$",
    re.IGNORECASE,
)


def _value(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else SPELLED.get(token, 0)


class AgeOver89(Detector):
    rule = "privacy.phi.age"
    severity = "block"
    message = "Age over 89"
    suggestion = "[age 90+]"
    source = "45 CFR 164.514(b)(2)(i)(C): ages over 89 must be aggregated as 90 or older"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for m in BORN_IN.finditer(doc):
            if date.today().year - int(m.group(1)) >= 90:
                yield self.finding(doc, m.start(1), m.end(1), "birth year of someone 90 or older")
        if MAYBE_OLD.search(doc) is None:
            return
        for m in AGE_FORMS.finditer(doc):
            groups = [g for g in m.groups() if g]
            if groups:
                token = groups[0]
                value = _value(token)
                if not 90 <= value <= 125:
                    continue
                if groups[-1] in ("M", "F") and not doc.near_patient(m.start()):
                    continue
                bare = m.group()[:1] in ",(" or not re.search(
                    r"(?i)y/?o|old|aged|birthday|happy|something", m.group()
                )
                person = bool(PRONOUN_AFTER.match(doc.text, m.end()) or PRONOUN.search(m.group()))
                if bare and not (person or doc.near_patient(m.start())):
                    continue
                before, _ = doc.window(m.start(), m.end(), 30, 0)
                if bare and VITALS_BEFORE.search(before):
                    continue
                if QUANTITY_AFTER.match(doc, m.end()):
                    continue
            elif FIGURATIVE.match(doc, m.end()):
                continue  # "a centenarian of a building"
            start, end = m.span()
            if quoted_example(doc, start, end):
                continue
            if groups and LEAD_WORD.match(m.group()):
                start = m.start(m.groups().index(groups[0]) + 1)
            before, _ = doc.window(m.start(), end, 20, 0)
            if GROUP_BEFORE.search(before):
                continue
            yield self.finding(doc, start, end, "age over 89")
