"""``privacy.phi.date``: dates tied to a person (birth, admission, discharge, visit, death).

A date is reported when it belongs to someone: a birth cue ("DOB", "born"), a care
event ("admitted", "surgery on", "discharged"), or a sentence about a patient. A
year alone is never reported, nor "today", nor a date the practice announces for an
event ("flu clinic Saturday, Oct 12"), except a life span in a memorial whose years give
away an age over 89 ("Rest easy, Mr. A. 1932–2025").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import whole_sentence
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)?\d{2}"
HOLIDAY = (
    r"(?:Christmas|New Year's|New Years)(?: Eve| Day)?|Thanksgiving(?: Day)?|Easter(?: Sunday| Monday)?"
    r"|Labou?r Day|Memorial Day|Independence Day|the Fourth of July|Halloween|Valentine's Day"
    r"|Mother's Day|Father's Day|Mothering Sunday|Boxing Day|Good Friday|Veterans Day|MLK Day"
    r"|(?:St\.? )?Patrick's Day|(?:St\.? )?Paddy's Day|Guy Fawkes(?: Night)?|Bonfire Night"
    r"|Hogmanay|Burns Night|Remembrance (?:Day|Sunday)|Anzac Day|Australia Day|Canada Day"
    r"|Bastille Day|Juneteenth|Cinco de Mayo|Diwali|Holi|Eid(?: al-(?:Fitr|Adha))?|Hanukkah"
    r"|Chanukah|Lunar New Year|Chinese New Year|Shrove Tuesday|Pancake Day|Ash Wednesday"
    r"|Palm Sunday|Pentecost|Whit Monday|Rizal Day|Republic Day|Freedom Day|Heritage Day"
    r"|Day of the Dead|D[ií]a de (?:los )?Muertos|Presidents'? Day|Columbus Day|Emancipation Day"
)
# A holiday named as a season, a greeting or a habit, not one day: "every Christmas".
HOLIDAY_NOT_A_DAY = Gated(
    r"\b(?:every|each|happy|merry|blessed|joyous|wishing you a|have a|for)\s+(?:(?:a|the)\s+)?$",
    re.IGNORECASE,
)
HOLIDAY_START = Gated(rf"^(?:{HOLIDAY})$")
# A score out of ten or five, not a date: "pain 10/10", "would recommend, 5/5".
SCORE = Gated(r"^(?:10|[0-9])/10$|^[0-5]/5$")
SCORE_BEFORE = Gated(
    r"\b(?:pain|score|scored|rated?|rating|rate it|out of|honestly|solid|easy|strong|would"
    r"|recommend|stars?|review|verdict|felt like|vibes?)\b[^.!?\d]{0,15}$",
    re.IGNORECASE,
)
DATE_BEFORE = Gated(
    r"\b(?:on|since|from|until|till|by|dated?|dob|born|admitted|discharged|seen|died|due)\s*:?\s*$",
    re.IGNORECASE,
)
DATE = Gated(
    r"(?<![\w/.\-])(?:"
    rf"(?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01])(?:[/.\-]{YEAR})?"  # 3/14/1962, 03-14
    rf"|(?:19|20)\d{{2}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # 1962-03-14
    rf"|(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-]{YEAR}"  # 14/03/1962
    rf"|(?i:{MONTH})\.?\s+{DAY}(?:,?\s+(?:19|20)\d{{2}})?(?!\s*(?:%|mg|ml|kg|units?)\b)"
    rf"|{DAY}(?:\s+of)?\s+(?i:{MONTH})\b\.?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|(?:0?[1-9]|[12]\d|3[01])[\-/.](?i:{MONTH})\b(?:[\-/.]{YEAR})?(?![\-/.]?\d)"  # 09-Apr-24
    rf"|(?:(?i:the)\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?:this|next|last|the)\s+month"
    rf"|(?i:the)\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?i:{MONTH}))?(?!\s+(?:century|time|floor|percentile|grade|birthday|anniversary|week|day|year))"
    rf"|{HOLIDAY}"
    r")(?![\w/%])",
)
# A day or a date just before "9-12": the numbers are hours.
TIME_RANGE_BEFORE = re.compile(
    rf"(?i:\b(?:\w+day|{MONTH}\.?\s+{DAY}|{DAY}\s+{MONTH}|from|hours|open|between))\s*[,:]?\s*$"
)
PERSON_EVENT = Gated(
    r"\b(?:dob|d\.o\.b|born|birth\w*|b\.|admit\w*|admission|discharg\w*|surgery|operat\w*"
    r"|procedure|seen|saw|visit\w*|came in|presented|died|passed|death|deceased|expired"
    r"|deliver\w*|diagnos\w*|injur\w*|accident|fell|fall|overdose|arrived|transferred|coded"
    r"|(?<!no )(?:appointment|appt)|follow-?up|scan|mri|biopsy|labs?|results?|last seen|since|until"
    r"|dod|doa|adm|d/c|dc'd|intubated|extubated|infusion|chemo|transplant|induc\w*|c-section"
    r"|due date|edd|lmp|s/p|status post|post-?op|crash|wreck|collision|pile-?up"
    r"|(?:you|she|he|they) (?:were|was) in|in to see|tested|swabbed|came back|screened|treated"
    r"|examined|vaccinated|immuni[sz]ed|collapsed|stitched|resuscitated"
    r"|came to (?:us|our|the|my|see)|back (?:in|by ambulance|with)|check-?up|(?:your|his|her|their) (?:\d+-\w+ )?check"
    r"|replaced|replacement|removed|removal|repaired|booked in|rebook\w*)\b",
    re.IGNORECASE,
)
EVENT_CUE = Gated(
    r"\b(?:join us|we(?:'re| are| will be)?|our(?!\s+(?:guy|gal|lady|gentleman|patient|pt|kiddo)\b)"
    r"|clinic(?:s)? (?:on|day)|open(?:s|ing)?|closed"
    r"|holiday|webinar|conference|summit|event|register|registration|deadline|awareness"
    r"|walk|run|5k|fundraiser|drive|office hours|hours|sign up|rsvp|starting|starts|launch"
    r"|(?<!-)week|(?<!-)month|day of|national|world|international|season|published|posted|updated"
    r"|meeting|talk|lecture|grand rounds|class|workshop|screening event|free|walk-?ins?"
    r"|no (?:appointment|appt|booking|referral)s? (?:needed|necessary|required)"
    r"|clinic (?:is|runs|will be)|drop-?in)\b",
    re.IGNORECASE,
)
QUANTITY_AFTER = Gated(
    r"\s*(?:%|x\b|times|mg|mcg|ml|kg|lbs?|units?|weeks?|days?|hours?|hrs?|months?|years?"
    r"|yrs?|mins?|minutes|tabs?|tablets?|pills?|doses?|cups?|of\b|per\b|inch|cm|mm|mmhg"
    r"|patients|people|adults|kids|servings|glasses|drinks|nights|shifts|score|rating)",
    re.IGNORECASE,
)
STRONG_BIRTH = Gated(r"\b(?:dob|d\.o\.b|born|birth ?date|date of birth|b\.)\W*$", re.I)
# A life span ("1932–2025") next to words of mourning. Years alone may stand, but not years
# that give away an age over 89 (164.514(b)(2)(i)(C)): "1940–2001" stays, "1932–2025" goes.
LIFE_SPAN = Gated(r"(?<![\w/.\-–])((?:18|19|20)\d{2}) ?[–—-] ?((?:19|20)\d{2})(?![\w/\-–%])")
MOURNING = Gated(
    r"\b(?:rest (?:easy|in peace|well|in power)|rip|r\.i\.p|passed|passed away|died|lost (?:him|her)"
    r"|in (?:loving )?memory|in memoriam|obituary|funeral|condolences|gone too soon|fly high"
    r"|we lost|goodbye|farewell|will be missed|won't be the same)\b",
    re.IGNORECASE,
)


class PersonDate(Detector):
    rule = "privacy.phi.date"
    severity = "block"
    message = "Date tied to a patient"
    suggestion = "[date]"
    source = "45 CFR 164.514(b)(2)(i)(C): all elements of dates (except year)"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for m in DATE.finditer(doc):
            start, end = m.span()
            numeric = not re.search(r"[A-Za-z]", m.group())
            if numeric and not self._plausible_numeric(m.group()):
                continue
            if numeric and QUANTITY_AFTER.match(doc, end):
                continue
            if numeric and self._time_range(doc, start, m.group()):
                continue
            before, _ = doc.window(start, end, 25, 0)
            if numeric and self._score(m.group(), before):
                continue
            holiday = HOLIDAY_START.match(m.group()) is not None
            if holiday and HOLIDAY_NOT_A_DAY.search(before):
                continue
            if STRONG_BIRTH.search(before):
                yield self.finding(doc, start, end, "date of birth")
                continue
            s, e = whole_sentence(doc, start)
            event = PERSON_EVENT.search(doc, s, e)
            patient = doc.near_patient(start)
            announced = (
                EVENT_CUE.search(doc, s, start) or EVENT_CUE.search(doc, end, e)
            ) is not None
            if holiday and not event:
                continue  # a holiday is a day of care only with a care event: "admitted Boxing Day"
            if (patient and (event or not announced)) or (event and not announced):
                why = "date of a care event" if event else "date in a sentence about a patient"
                yield self.finding(doc, start, end, why)
            elif not announced and self._story_around(doc, start):
                yield self.finding(doc, start, end, "date in a story about a patient's care")
        yield from self._life_spans(doc)

    def _life_spans(self, doc: Document) -> Iterator[Finding]:
        for m in LIFE_SPAN.finditer(doc):
            born, died = int(m.group(1)), int(m.group(2))
            if not 90 <= died - born <= 125:
                continue
            near = MOURNING.search(doc, max(0, m.start() - 150), m.end() + 150)
            if near and doc.near_patient(m.start()):
                yield self.finding(
                    doc, m.start(), m.end(), "years of birth and death: an age over 89"
                )

    @staticmethod
    def _story_around(doc: Document, pos: int) -> bool:
        """A care event and a patient in the sentences either side of ``pos``.

        "A reflection on my first death. It was 14 March 2022. Mr. Castillo, bed 9, …":
        the date's own sentence names neither, its neighbours name both.
        """
        first, last = _neighbours(doc, pos)
        if PERSON_EVENT.search(doc, first, last) is None:
            return False
        return doc.near_patient(pos) or doc.near_patient(last - 1)

    @staticmethod
    def _score(value: str, before: str) -> bool:
        """A rating such as "10/10": after a word for scoring, or out of ten with no date cue."""
        if SCORE.match(value) is None:
            return False
        if SCORE_BEFORE.search(before):
            return True
        dated = DATE_BEFORE.search(before) or PERSON_EVENT.search(before[-20:])
        return value.endswith("/10") and dated is None

    @staticmethod
    def _time_range(doc: Document, start: int, value: str) -> bool:
        """'9-12' right after a day or a date is a span of hours: "Saturday Oct 19, 9-12"."""
        if value.count("-") != 1:
            return False
        return TIME_RANGE_BEFORE.search(doc.text, max(0, start - 30), start) is not None

    @staticmethod
    def _plausible_numeric(value: str) -> bool:
        """'3/4' could be a ratio; need a year or a two-digit day/month to call it a date."""
        parts = re.split(r"[/.\-]", value)
        if len(parts) == 3:
            return True
        if "." in value:
            return False
        return len(parts) == 2 and (len(parts[0]) == 2 or len(parts[1]) == 2 or "/" in value)


def _neighbours(doc: Document, pos: int) -> tuple[int, int]:
    """Start and end of the sentence before ``pos``'s sentence, it, and the one after."""
    spans = doc.sentences
    i = max(bisect_right(doc.sentence_starts, pos) - 1, 0)
    return spans[max(i - 1, 0)][0], spans[min(i + 1, len(spans) - 1)][1]
