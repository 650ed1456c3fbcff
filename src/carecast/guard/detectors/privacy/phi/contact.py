"""``privacy.phi.contact``: phone and fax numbers, email addresses, a patient's handle.

Phone candidates are validated with ``phonenumbers`` (US first, then international
forms with a leading +). The practice's own numbers and addresses are allowed by the
policy. A social handle is reported when the text ties it to a patient or to their
health ("my patient @jdoe", "congrats on finishing chemo, @mike_runs").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import health_near, near_person
from carecast.guard.detectors.privacy.phi.id import (
    ID_LABEL_BEFORE,
    NOT_PERSONAL_BEFORE,
    is_nhs_number,
)
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

EMAIL = Gated(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
PHONE = Gated(
    r"(?<![\w/.\-])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.\-])?"
    r"\d{3,4}[\s.\-]?\d{3,4}(?![\w/]|[.\-]\d)"
)
# International form: a + and a country code, then groups of digits ("+91 98140 22817",
# "+44 (0)20 7946 0958"); phonenumbers decides whether the whole is a real number.
INTERNATIONAL = Gated(
    r"(?<![\w+])\+(?:\d{7,15}|\d{1,3}(?:[\s.\-]?\(\d{1,4}\)\s?\d{1,5})?(?:[\s.\-]\d{1,5}){1,5})"
    r"(?!\w|[.\-]\d)"
)
YEARS = re.compile(r"(?:1[89]|20)\d{2} ?[-–] ?(?:1[89]|20)\d{2}")
SEVEN_DIGITS = Gated(r"\d(?:\D{0,3}\d){6}")
# Digits that run on into more groups ("4111 1111 1111 1111") are a card or an id, not a phone.
MORE_DIGITS_AFTER = Gated(r"[ \-]\d{3,4}\b")
MORE_DIGITS_BEFORE = Gated(r"\b\d{3,4}[ \-]$|\+[\d\s.\-()]{1,8}$")
PHONE_CUE = Gated(
    r"\b(?:call|phone|cell|mobile|tel|text|fax|number|ph|ring|reach|contact|whatsapp|pager)\b",
    re.IGNORECASE,
)
# The author's own line: "text my personal line, 0803 555 2291", "my cell is".
OWN_LINE = Gated(
    r"\b(?:my|our)\s+(?:(?:own|personal|private|work|direct|office|home|new|old|mobile|cell)\s+){0,2}"
    r"(?:line|number|phone|cell|mobile|whatsapp|no\.?|extension|ext\.?|pager|bleep)\b[^\d]{0,15}$",
    re.IGNORECASE,
)
HANDLE = Gated(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
# A patient's own story around a handle offered to follow: "a patient's daughter made a TikTok".
PERSONAL_STORY = Gated(
    r"\b(?:patient'?s|pt'?s|my (?:patient|pt|client)s?|our (?:patient|pt)s?)\b", re.IGNORECASE
)
# A handle offered to readers is an account to follow, not a patient: "follow @CDCgov".
RECOMMENDED = Gated(
    r"\b(?:follow(?:ing)?|via|h/t|hat tip|cc:?|check out|recommend|listen to|shout ?out to)\s*$",
    re.IGNORECASE,
)
PATIENT_HANDLE_CUE = Gated(
    r"(?<![@\w])(?:pt|patient|client|my (?:patient|client)|your (?:chemo|surgery|labs?"
    r"|results?|scan|diagnosis|treatment|recovery|visit|appointment|follow-?up|meds)"
    r"|your (?:[\w\-]+ )?(?:tests?|swab|x-?ray|bloods|blood work|culture|biopsy|prescription|refill)"
    r"|get well|feel(?:ing)? better|recovery|congrats on (?:finishing|beating|your)|came in"
    r"|discharged|you were (?:in|seen|here)|in to see (?:us|me)|came back (?:negative|positive|normal)"
    r"|handle|her account|his account|posted|dm'?(?:d|ed|ing)|messag(?:ed|ing)"
    r"|(?:session|appointment|visit|stay|treatment|course|physio|rehab|therapy|chemo|care)s? with us"
    r"|finished (?:her|his|their) (?:last |final )?(?:[\w\-]+ )?(?:session|chemo|treatment|course"
    r"|round|physio|rehab|radiotherapy|radiation|cycle)"
    r"|asking (?:me )?for (?:more |a |an |some )?(?:oxy\w*|opioids?|pain meds|meds|refills?|scripts?"
    r"|prescriptions?|antibiotics|xanax|adderall))\b",
    re.IGNORECASE,
)


# Numbers that belong to organisations: freephone, shared-cost, premium and national lines
# ("0300 123 4567", "0800 …", Australia's "1800 …" and "13 11 14").
ORGANISATION_LINES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.UAN,
    }
)


def _organisation_line(raw: str) -> bool:
    """Whether a national number is a freephone, shared-cost or national line in GB, IE or AU.

    Only numbers written the national way count: with the trunk 0 in GB and IE ("0300 …"),
    and starting 13 or 1800 in Australia.
    """
    digits = re.sub(r"\D", "", raw)
    regions = ("GB", "IE") if digits.startswith("0") else ("AU",) if digits.startswith("1") else ()
    for region in regions:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) in ORGANISATION_LINES
        ):
            return True
    return False


class ContactDetail(Detector):
    rule = "privacy.phi.contact"
    severity = "block"
    message = "Phone, fax, email or handle of a patient"
    suggestion = "[contact]"
    source = "45 CFR 164.514(b)(2)(i)(D)-(F): telephone and fax numbers, email addresses"

    def detect(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in EMAIL.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "email address")
        if SEVEN_DIGITS.search(doc):
            phones = [m.span() for m in PHONE.finditer(doc) if self._is_phone(doc, m)]
            for m in INTERNATIONAL.finditer(doc):
                if self._is_international(doc, m) and not any(
                    s < m.end() and m.start() < e for s, e in phones
                ):
                    phones.append(m.span())
            for start, end in sorted(phones):
                yield self.finding(doc, start, end, "phone or fax number")
        if "@" in text:
            yield from self._handles(doc)

    def _is_phone(self, doc: Document, m: re.Match[str]) -> bool:
        raw = m.group()
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 7 or len(digits) > 15:
            return False
        before, _ = doc.window(m.start(), m.end(), 30, 0)
        if self._part_of_other_number(doc, m.start(), m.end(), before):
            return False
        if OWN_LINE.search(before):
            return False  # the author's own number
        if len(digits) == 10 and is_nhs_number(doc, m.start(), m.end()):
            return False  # an NHS number: the id detector reports it
        cued = PHONE_CUE.search(before) is not None
        if re.match(r"1?8(?:00|88|77|66|55|44|33)", digits) and len(digits) in (10, 11):
            return False  # toll-free lines belong to organisations, not patients
        if YEARS.fullmatch(raw):
            return False  # "1928-2024": a life span or a period
        if len(digits) == 7:
            seven = bool(re.fullmatch(r"\d{3}[\s.\-]\d{4}", raw))
            return seven and (cued or doc.near_patient(m.start()))
        if digits.isdigit() and raw.isdigit() and not cued:
            return False
        if _organisation_line(raw):
            return False
        for region in ("US", "GB", "IN", None):
            try:
                number = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(number):
                return True
        return False

    def _is_international(self, doc: Document, m: re.Match[str]) -> bool:
        before, _ = doc.window(m.start(), m.end(), 30, 0)
        if self._part_of_other_number(doc, m.start(), m.end(), before):
            return False
        try:
            number = phonenumbers.parse(m.group(), None)
        except phonenumbers.NumberParseException:
            return False
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.TOLL_FREE:
            return False  # an organisation's line
        if not near_person(doc, m.start()):
            return False  # a number in a post about no one: an organisation's
        return phonenumbers.is_valid_number(number) or (
            PHONE_CUE.search(before) is not None and phonenumbers.is_possible_number(number)
        )

    @staticmethod
    def _part_of_other_number(doc: Document, start: int, end: int, before: str) -> bool:
        """Digits inside a longer run of groups, or after an id label ("NHS number")."""
        if MORE_DIGITS_AFTER.match(doc, end) or MORE_DIGITS_BEFORE.search(before):
            return True
        return (
            ID_LABEL_BEFORE.search(doc.text, max(0, start - 30), start) is not None
            or NOT_PERSONAL_BEFORE.search(before) is not None
        )

    def _handles(self, doc: Document) -> Iterator[Finding]:
        own = {h.lower() for h in (doc.context.reply_to or "").split()}
        for m in HANDLE.finditer(doc):
            if doc.is_allowed(m.start(), m.end()):
                continue
            before, _ = doc.window(m.start(), m.end(), 20, 0)
            s, e = doc.sentence_at(m.start())
            if RECOMMENDED.search(before) and PERSONAL_STORY.search(doc.masked, s, e) is None:
                continue
            tied = PATIENT_HANDLE_CUE.search(doc.masked, s, e) is not None
            if m.group().lower() in own:
                tied = tied or health_near(doc, m.start())
            if tied:
                yield self.finding(doc, m.start(), m.end(), "handle of a patient")
