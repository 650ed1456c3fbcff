"""``privacy.phi.date``: dates tied to a person (birth, admission, discharge, visit, death).

A date is reported when it belongs to someone: a birth cue ("DOB", "born"), a care
event ("admitted", "surgery on", "discharged"), or a sentence about a patient. A
year alone is never reported, nor "today", nor a date the practice announces for an
event ("flu clinic Saturday, Oct 12").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)?\d{2}"
DATE = Gated(
    r"(?<![\w/.\-])(?:"
    rf"(?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01])(?:[/.\-]{YEAR})?"  # 3/14/1962, 03-14
    rf"|(?:19|20)\d{{2}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # 1962-03-14
    rf"|(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-]{YEAR}"  # 14/03/1962
    rf"|(?i:{MONTH})\.?\s+{DAY}(?:,?\s+(?:19|20)\d{{2}})?(?!\s*(?:%|mg|ml|kg|units?)\b)"
    rf"|{DAY}(?:\s+of)?\s+(?i:{MONTH})\b\.?(?:,?\s+(?:19|20)\d{{2}})?"
    rf"|(?i:the)\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?i:{MONTH}))?(?!\s+(?:century|time|floor|percentile|grade|birthday|anniversary|week|day|year))"
    r"|(?:Christmas|New Year's|New Years)(?: Eve| Day)?|Thanksgiving(?: Day)?|Easter(?: Sunday| Monday)?"
    r"|Labou?r Day|Memorial Day|Independence Day|the Fourth of July|Halloween|Valentine's Day"
    r"|Mother's Day|Father's Day|Boxing Day|Good Friday|Veterans Day|MLK Day|St\.? Patrick's Day"
    r")(?![\w/%])",
)
PERSON_EVENT = Gated(
    r"\b(?:dob|d\.o\.b|born|birth\w*|b\.|admit\w*|admission|discharg\w*|surgery|operat\w*"
    r"|procedure|seen|saw|visit\w*|came in|presented|died|passed|death|deceased|expired"
    r"|deliver\w*|diagnos\w*|injur\w*|accident|fell|fall|overdose|arrived|transferred|coded"
    r"|appointment|appt|follow-?up|scan|mri|biopsy|labs?|results?|last seen|since|until"
    r"|dod|doa|adm|d/c|dc'd|intubated|extubated|infusion|chemo|transplant|induc\w*|c-section"
    r"|due date|edd|lmp)\b",
    re.IGNORECASE,
)
EVENT_CUE = Gated(
    r"\b(?:join us|we(?:'re| are| will be)?|our|clinic(?:s)? (?:on|day)|open(?:s|ing)?|closed"
    r"|holiday|webinar|conference|summit|event|register|registration|deadline|awareness"
    r"|walk|run|5k|fundraiser|drive|office hours|hours|sign up|rsvp|starting|starts|launch"
    r"|week|month|day of|national|world|international|season|published|posted|updated"
    r"|meeting|talk|lecture|grand rounds|class|workshop|screening event|free)\b",
    re.IGNORECASE,
)
QUANTITY_AFTER = Gated(
    r"\s*(?:%|x\b|times|mg|mcg|ml|kg|lbs?|units?|weeks?|days?|hours?|hrs?|months?|years?"
    r"|yrs?|mins?|minutes|tabs?|tablets?|pills?|doses?|cups?|of\b|per\b|inch|cm|mm|mmhg"
    r"|patients|people|adults|kids|servings|glasses|drinks|nights|shifts|score|rating)",
    re.IGNORECASE,
)
STRONG_BIRTH = Gated(r"\b(?:dob|d\.o\.b|born|birth ?date|date of birth|b\.)\W*$", re.I)


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
            before, _ = doc.window(start, end, 25, 0)
            if STRONG_BIRTH.search(before):
                yield self.finding(doc, start, end, "date of birth")
                continue
            s, e = doc.sentence_at(start)
            event = PERSON_EVENT.search(doc, s, e)
            patient = doc.near_patient(start)
            announced = EVENT_CUE.search(doc, s, e) is not None
            if (patient and (event or not announced)) or (event and not announced):
                why = "date of a care event" if event else "date in a sentence about a patient"
                yield self.finding(doc, start, end, why)

    @staticmethod
    def _plausible_numeric(value: str) -> bool:
        """'3/4' could be a ratio; need a year or a two-digit day/month to call it a date."""
        parts = re.split(r"[/.\-]", value)
        if len(parts) == 3:
            return True
        if "." in value:
            return False
        return len(parts) == 2 and (len(parts[0]) == 2 or len(parts[1]) == 2 or "/" in value)
