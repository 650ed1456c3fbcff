"""``privacy.phi.id``: numbers that identify a person or their things.

Social Security numbers (with the SSA's validity rules), medical record numbers,
health plan, member and national ids, account numbers, licence and certificate numbers,
vehicle ids (VIN, plates) and device serials. Apart from SSNs, VINs and numbers that carry
a check digit (NHS numbers in a post about the NHS, DEA numbers), a number needs a label
before it ("MRN", "member ID", "serial #", "Rx") or, for a plate, a vehicle in its sentence.
The author's own licence, registration or vehicle ("my NPI", "our minibus") is not PHI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

DIGIT = Gated(r"\d")
SSN = Gated(r"(?<![\d\-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d\-])")
SSN_LABELLED = Gated(r"\b(?i:ssn|social security(?: number| no\.?| #)?)\s*[:#]?\s*(\d{9})\b")
VIN = Gated(r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b")
MEDICARE_MBI = Gated(
    r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]"
    r"[AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b"
)
# A label, then the number: the number alone is reported.
NO = r"(?: number| no\.?| #)"
LABEL = (
    r"(?:mrn|mr\s?#|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)"
    r"|hospital (?:number|no\.?|#|id)|nhs (?:number|no\.?)|patient (?:id|number|no\.?|#)"
    r"|member(?:ship)? (?:id|number|no\.?|#)|policy (?:id|number|no\.?|#)|plan (?:id|number|#)"
    r"|group (?:number|no\.?|#)|subscriber (?:id|number|#)|medicaid(?: id| number| #| no\.?)?"
    r"|medicare(?: id| number| #| no\.?)?|insurance (?:id|number|no\.?|#)|beneficiary (?:id|number|#)"
    r"|account(?: number| no\.?| #)?|acct\.?(?: number| no\.?| #)?|invoice (?:number|no\.?|#)"
    r"|driver'?s? licen[cs]e(?: number| no\.?| #)?|dl\s?#|licen[cs]e (?:number|no\.?|#)"
    r"|licen[cs]e plate|plate(?: number| no\.?| #)?|tag (?:number|#)|certificate (?:number|no\.?|#)"
    r"|passport(?: number| no\.?| #)?|s/n|device (?:id|serial)"
    rf"|(?:(?:pacemaker|pump|device|implant|icd|defibrillator|hearing aid|cgm|phone|wheelchair)\s+)?serial{NO}?"
    r"|imei|meid|mac address|udi|case (?:number|no\.?|#)|claim (?:number|no\.?|#|id)"
    r"|visit (?:number|no\.?|#)|encounter (?:number|no\.?|#|id)|record (?:number|no\.?|#)"
    r"|aadhaar(?: number| no\.?)?|health card(?: number| no\.?)?|id(?: number| no\.?| #)?"
    rf"|(?:credit |debit |bank |payment )?card{NO}|card ending(?: in)?|routing{NO}|iban|sort code"
    rf"|(?:wrist|arm|name|id) ?band{NO}?|(?:id )?bracelet{NO}?"
    r"|rx\s?#|rx (?:number|no\.?)|prescription (?:number|no\.?|#)|script #|pump serial|pacemaker serial"
    r"|licen[cs]e(?:: | is )|licen[cs]e plate(?: number)?|plates?|tags?|nhi|mbi|ein|tin|itin|npi of (?:the )?(?:pt|patient))"
)
# National and health numbers around the world, by name (their own pattern, gated on these words).
NATIONAL_LABEL = (
    rf"(?:medicare card{NO}?|philhealth(?: id|{NO})?|national insurance{NO}?|ni{NO}|chi{NO}"
    rf"|pps{NO}|social insurance{NO}|tax file{NO}|ird{NO}|nhis(?: id|{NO})?|ohip{NO}?"
    rf"|(?:pan|voter'?s?(?: id)?) card{NO}?|emirates id{NO}?|umid{NO}?|sss{NO}"
    r"|(?-i:(?:NIN|SIN|PPSN|BVN|TFN|SSS|UMID|NRIC|CNIC|PAN|SN|IHI)\b))"
)
# The number: groups of digits ("943 476 5919") or one token with a digit ("XJH448812930"),
# perhaps after a two-letter state ("OH RK482913").
VALUE = (
    r"(?:(?-i:[A-Z]{2})\s)?(?=[A-Za-z0-9\-]*\d|(?-i:[A-Z]{1,4})[ \-]\d)"
    r"(\d{2,6}(?:[ \-]\d{2,6}){1,4}(?!\w)|[A-Za-z0-9][A-Za-z0-9\-]{1,}(?:\s\d{2,})?)"
)
LABELLED = Gated(rf"(?i:\b{LABEL})\s*(?:is|was|of|ending in|reads|by heart)?\s*[:#]?\s*{VALUE}")
NATIONAL = Gated(rf"(?i:\b{NATIONAL_LABEL})\s*(?:is|was|of|ending in|reads)?\s*[:#]?\s*{VALUE}")
# An id label just before a place: the number there is an id, not a phone number.
ID_LABEL_BEFORE = Gated(
    rf"\b(?:{LABEL}|{NATIONAL_LABEL})\s*(?:is|was|of|ending in|reads)?\s*[:#]?\s*$", re.IGNORECASE
)
# More numbers of the same kind after the first: "(H0091724 and H0091725)", "MRN 1234, 5678".
NEXT_VALUE = Gated(r"\s*(?:,|;|/|&|\band\b|\bor\b)\s*([A-Za-z0-9][A-Za-z0-9\-]{3,})(?!\w)")
# Vanity and number plates may hold a single digit: "vanity plate OLDIE1".
PLATE = Gated(
    r"(?i:\b(?:licen[cs]e|vanity|number|registration|reg|personali[sz]ed) plates?"
    r"(?: number| no\.?| #)?)\s*(?:is|was|reads|reading|says)?\s*[:#\"'“‘]?\s*"
    r"((?-i:(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{2,8}(?:[ \-][A-Z0-9]{1,4})?))(?![\w\-])"
)
# Unlabelled codes ("H0091724", "RK482913") count when the sentence speaks of an id.
CODE = Gated(r"(?<![\w\-/.$£€#])(?:[A-Z]{1,3}-?)?\d{6,12}[A-Z]?(?![\w\-/]|[.,]\d)")
CODE_CUE = Gated(
    r"\b(?:wristbands?|wrist bands?|armbands?|bracelets?|name bands?|hospital (?:number|no)|mrn"
    r"|chart|licen[cs]e|passport|imei|serial|account|acct|policy|member|insurance|medicare"
    r"|medicaid)\b",
    re.IGNORECASE,
)
# A label, then words about the thing, then a colon and the number: "Serial number on the pacer
# we pulled from Mr. C's chest today: PMX2231-04417".
CLAUSE = r"(?:[^.!?\n:]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bSt)\.)"
FAR_LABEL = (
    rf"(?:serial{NO}?|s/n|mrn|medical record{NO}|nhs{NO}|hospital{NO}|member(?:ship)? (?:id|number)"
    r"|policy{NO}|account{NO}|imei|case{NO}|claim{NO}|licen[cs]e{NO}|passport{NO}|registration{NO}"
    r"|(?:number|licen[cs]e|reg(?:istration)?) plate|insurance (?:id|number))"
)
LABEL_THEN_COLON = Gated(rf"(?i:\b{FAR_LABEL})\b{CLAUSE}{{1,60}}:\s*{VALUE}")
# A prescription number after a bare "Rx": "Rx 4471902 for Mr. H".
RX = Gated(r"\b(?i:rx)\s*#?\s*(\d{5,10})\b(?!\s*(?i:mg|mcg|ml|units?|tabs?|%))")
SIX_DIGITS = re.compile(r"\d{3}[ \-]?\d{3}")
# A DEA registration number: two letters and seven digits with a check digit.
DEA = Gated(r"\b([ABCDEFGHJKLMPRSTUX][A-Z9])(\d{7})\b")
# An NHS number without a label: ten digits as 3-3-4, with the modulus-11 check digit.
NHS = Gated(r"(?<![\d\-+/.])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d\-]|[.,]\d)")
PHONE_WORDS = Gated(
    r"\b(?:call|calling|called|phone|phoned|cell|mobile|tel|text|texted|fax|faxed|ring|rang|reach"
    r"|contact|whatsapp|pager|line|dial|landline|(?<!nhs )number)\b[^\d]{0,20}$",
    re.IGNORECASE,
)
# Words that put a number plate in a sentence: "the lady in the red Mini, plate YK19 ZPL".
VEHICLE_CUE = Gated(
    r"\b(?:car|van|truck|lorry|vehicle|motorbike|motorcycle|ute|suv|jeep|taxi|cab|minicab|mini"
    r"|plates?|reg|registration|rego|tags?|number plate|parked|driving|drove|okada|keke|jeepney"
    r"|tricycle|tuk-?tuk|auto-?rickshaw|rickshaw|bus)\b",
    re.IGNORECASE,
)
# The author's or practice's own vehicle: "our new minibus (reg AB12 CDE)".
OWN_VEHICLE = Gated(
    r"\b(?:my|our)\s+(?:[\w'’]+\s+){0,3}?(?:car|van|minibus|bus|ambulance|vehicle|truck|motorbike"
    r"|bike|ute|jeep)\b[^.!?]{0,15}$",
    re.IGNORECASE,
)
# A plate in groups of capitals and digits: "YK19 ZPL", "MH 12 AB 1234", "191-D-12345".
PLATE_SHAPE = Gated(r"(?<![\w\-])[A-Z0-9]{1,5}(?:[ \-][A-Z0-9]{1,5}){1,3}(?![\w\-])")
# Payment cards: 13 to 19 digits, perhaps in groups, passing the Luhn check.
CARD = Gated(
    r"(?<![\d\-.])(?:\d{4}[ \-]){3}\d{1,7}(?![\d\-])|(?<![\d\-.])\d{4}[ \-]\d{6}[ \-]\d{4,5}(?![\d\-])"
    r"|(?<![\d\-.])\d{13,19}(?![\d\-.])"
)
CARD_PREFIX = re.compile(
    r"4\d{12}(?:\d{3}){0,2}|(?:5[1-5]\d{2}|222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)\d{12}"
    r"|3[47]\d{13}|3(?:0[0-5]|[68]\d)\d{11}|(?:6011|65\d{2}|64[4-9]\d)\d{12,15}|35(?:2[89]|[3-8]\d)\d{12,15}"
)
SENTENCE_BREAK = re.compile(r"[.!?]\s+|\n")
# The author's own number ("my licence #", "our NPI"), not "my patient's".
OWN = Gated(
    r"\b(?:my|our)\s+(?!(?:pts?|patients?|clients?|residents?)\b)(?:[\w'’]+\s+){0,2}$",
    re.IGNORECASE,
)
# Numbers that are no person's: the author's registration, codes for orders, drugs, products.
NOT_PERSONAL_BEFORE = Gated(
    r"\b(?:npi|dea|gmc|nmc|ahpra|upin|cms|code|version|v|order|ref|reference|tracking"
    r"|confirmation|batch|lot|model|part|sku|item|ticket|product|catalog(?:ue)?|ndc|icd|cpt)"
    r"\s*(?:number|no\.?|#)?\s*(?:is|was|:)?\s*[:#]?\s*$",
    re.IGNORECASE,
)


def luhn(digits: str) -> bool:
    """Whether a string of digits passes the Luhn check that card numbers (and IMEIs) carry."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def nhs_check(digits: str) -> bool:
    """Whether ten digits pass the NHS number's modulus-11 check (weights 10 down to 2)."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return check != 10 and (0 if check == 11 else check) == int(digits[9])


def dea_check(digits: str) -> bool:
    """Whether seven digits pass the DEA number check: odd places + twice the even, last digit."""
    d = [int(c) for c in digits]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def is_nhs_number(doc: Document, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is an unlabelled NHS number: a post about the NHS, the check
    digit, and no word before it that makes it a phone or fax number."""
    if "nhs" not in doc.tokens:
        return False
    digits = re.sub(r"\D", "", doc.text[start:end])
    if not nhs_check(digits):
        return False
    before, _ = doc.window(start, end, 30, 0)
    return PHONE_WORDS.search(before) is None


def _degenerate(value: str) -> bool:
    """A placeholder number: one digit repeated ("0000000")."""
    digits = re.sub(r"\D", "", value)
    return len(digits) >= 4 and len(set(digits)) == 1


def _shape(value: str) -> str:
    return re.sub(r"[A-Za-z]", "A", re.sub(r"\d", "9", value))


def _valid_ssn(area: str, group: str, serial: str) -> bool:
    return (
        area not in ("000", "666")
        and not area.startswith("9")
        and group != "00"
        and (serial != "0000")
    )


class IdentifyingNumber(Detector):
    rule = "privacy.phi.id"
    severity = "block"
    message = "Identifying number (SSN, record, plan, account, licence, vehicle or device)"
    suggestion = "[id]"
    source = "45 CFR 164.514(b)(2)(i)(G)-(M): SSN, MRN, plan, account, licence, vehicle, device"

    def detect(self, doc: Document) -> Iterator[Finding]:
        if DIGIT.search(doc) is None:
            return
        for m in SSN.finditer(doc):
            if _valid_ssn(*m.groups()) and "-" in m.group():
                yield self.finding(doc, m.start(), m.end(), "Social Security number")
        for m in SSN_LABELLED.finditer(doc):
            yield self.finding(doc, m.start(1), m.end(1), "Social Security number")
        for m in VIN.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "vehicle identification number")
        for m in MEDICARE_MBI.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "Medicare beneficiary identifier")
        found: list[tuple[int, int]] = []
        for m in (*LABELLED.finditer(doc), *NATIONAL.finditer(doc)):
            value = m.group(1)
            if sum(c.isdigit() for c in value) < 3 or len(value.replace(" ", "")) < 4:
                continue
            if _degenerate(value):
                continue
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            if OWN.search(before):
                continue
            found.append(m.span(1))
            yield self.finding(doc, m.start(1), m.end(1), "labelled identifying number")
            yield from self._more_like(doc, value, m.end(1), found)
        for m in PLATE.finditer(doc):
            if not _inside(m.span(1), found):
                found.append(m.span(1))
                yield self.finding(doc, m.start(1), m.end(1), "number plate")
        yield from self._more_labels(doc, found)
        yield from self._plates(doc, found)
        yield from self._cued_codes(doc, found)
        yield from self._cards(doc, found)

    def _more_labels(self, doc: Document, found: list[tuple[int, int]]) -> Iterator[Finding]:
        """Numbers a label names from further off, bare Rx numbers, DEA and NHS numbers."""
        for m in LABEL_THEN_COLON.finditer(doc):
            value = m.group(1)
            if (
                sum(c.isdigit() for c in value) >= 3
                and len(value) >= 5
                and not _degenerate(value)
                and not _inside(m.span(1), found)
                and not OWN.search(doc.window(m.start(), m.end(), 25, 0)[0])
            ):
                found.append(m.span(1))
                yield self.finding(doc, m.start(1), m.end(1), "number a label names")
        for m in RX.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            if (
                not _degenerate(m.group(1))
                and not _inside(m.span(1), found)
                and not OWN.search(before)
            ):
                found.append(m.span(1))
                yield self.finding(doc, m.start(1), m.end(1), "prescription number")
        if SIX_DIGITS.search(doc.text) is None:
            return  # no run of six digits: no DEA or NHS number
        for m in DEA.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            if dea_check(m.group(2)) and not OWN.search(before) and not _inside(m.span(), found):
                found.append(m.span())
                yield self.finding(doc, m.start(), m.end(), "DEA registration number")
        for m in NHS.finditer(doc):
            if not _inside(m.span(), found) and is_nhs_number(doc, m.start(), m.end()):
                found.append(m.span())
                yield self.finding(doc, m.start(), m.end(), "NHS number")

    def _plates(self, doc: Document, found: list[tuple[int, int]]) -> Iterator[Finding]:
        """Number plates in capitals and digits, in a sentence about a vehicle."""
        cues = [c.start() for c in VEHICLE_CUE.finditer(doc)]
        if not cues:
            return
        for m in PLATE_SHAPE.finditer(doc):
            value = m.group()
            letters = sum(c.isalpha() for c in value)
            digits = sum(c.isdigit() for c in value)
            if letters < 2 or digits < 2 or not 5 <= letters + digits <= 10:
                continue
            s, e = doc.sentence_at(m.start())
            covered = any(a <= m.start() and m.end() <= b for a, b in found)
            if covered or not any(s <= c < e for c in cues):
                continue
            before, _ = doc.window(m.start(), m.end(), 40, 0)
            if (
                OWN.search(before)
                or OWN_VEHICLE.search(before)
                or NOT_PERSONAL_BEFORE.search(before)
            ):
                continue
            found.append(m.span())
            yield self.finding(doc, m.start(), m.end(), "number plate")

    def _more_like(
        self, doc: Document, value: str, end: int, found: list[tuple[int, int]]
    ) -> Iterator[Finding]:
        """Numbers listed after a reported one, with its shape: "MRN 1234567 and 1234568"."""
        while (m := NEXT_VALUE.match(doc, end)) is not None:
            nxt = doc.text[m.start(1) : m.end(1)]
            if _shape(nxt) != _shape(value):
                return
            found.append(m.span(1))
            yield self.finding(doc, m.start(1), m.end(1), "another identifying number in a list")
            end = m.end(1)

    def _cued_codes(self, doc: Document, found: list[tuple[int, int]]) -> Iterator[Finding]:
        for m in CODE.finditer(doc):
            if _inside(m.span(), found):
                continue
            low = _clause_start(doc, m.start())
            cues = [low + c.start() for c in CODE_CUE.finditer(doc.lower[low : m.start()])]
            if not cues:
                continue
            mine = doc.lower[max(0, cues[-1] - 25) : cues[-1]]
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            if OWN.search(mine) or OWN.search(before) or NOT_PERSONAL_BEFORE.search(before):
                continue
            found.append(m.span())
            yield self.finding(doc, m.start(), m.end(), "code in a sentence about an id")
            yield from self._more_like(doc, m.group(), m.end(), found)

    def _cards(self, doc: Document, found: list[tuple[int, int]]) -> Iterator[Finding]:
        cards = CARD.finditer(doc) if len(DIGIT.regex.findall(doc.text)) >= 13 else ()  # 13+ digits
        for m in cards:
            digits = re.sub(r"\D", "", m.group())
            if _inside(m.span(), found) or not CARD_PREFIX.fullmatch(digits) or not luhn(digits):
                continue
            yield self.finding(doc, m.start(), m.end(), "payment card number")


def _clause_start(doc: Document, pos: int) -> int:
    """Where the text up to 60 characters before ``pos`` starts, cut at a sentence end."""
    low = max(0, pos - 60)
    ends = [b.end() for b in SENTENCE_BREAK.finditer(doc.text, low, pos)]
    return ends[-1] if ends else low


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)
