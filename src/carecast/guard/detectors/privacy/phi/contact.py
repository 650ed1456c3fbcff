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
from carecast.guard.detectors.privacy.phi.cues import health_near
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

EMAIL = Gated(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
PHONE = Gated(
    r"(?<![\w/.\-])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.\-])?"
    r"\d{3,4}[\s.\-]?\d{3,4}(?![\w/]|[.\-]\d)"
)
SEVEN_DIGITS = Gated(r"\d(?:\D{0,3}\d){6}")
PHONE_CUE = Gated(
    r"\b(?:call|phone|cell|mobile|tel|text|fax|number|ph|ring|reach|contact|whatsapp|pager)\b",
    re.IGNORECASE,
)
HANDLE = Gated(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
PATIENT_HANDLE_CUE = Gated(
    r"\b(?:pt|patient|client|my (?:patient|client)|your (?:chemo|surgery|labs?"
    r"|results?|scan|diagnosis|treatment|recovery|visit|appointment|follow-?up|meds)"
    r"|get well|feel better|recovery|congrats on (?:finishing|beating|your)|came in|discharged"
    r"|handle|her account|his account|posted|dm'?d|messaged)\b",
    re.IGNORECASE,
)


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
            for m in PHONE.finditer(doc):
                if self._is_phone(doc, m):
                    yield self.finding(doc, m.start(), m.end(), "phone or fax number")
        if "@" in text:
            yield from self._handles(doc)

    def _is_phone(self, doc: Document, m: re.Match[str]) -> bool:
        raw = m.group()
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 7 or len(digits) > 15:
            return False
        before, _ = doc.window(m.start(), m.end(), 30, 0)
        cued = PHONE_CUE.search(before) is not None
        if re.match(r"1?8(?:00|88|77|66|55|44|33)", digits) and len(digits) in (10, 11):
            return False  # toll-free lines belong to organisations, not patients
        if len(digits) == 7:
            seven = bool(re.fullmatch(r"\d{3}[\s.\-]\d{4}", raw))
            return seven and (cued or doc.near_patient(m.start()))
        if digits.isdigit() and raw.isdigit() and not cued:
            return False
        for region in ("US", "GB", "IN", None):
            try:
                number = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(number):
                return True
        return False

    def _handles(self, doc: Document) -> Iterator[Finding]:
        own = {h.lower() for h in (doc.context.reply_to or "").split()}
        for m in HANDLE.finditer(doc):
            if doc.is_allowed(m.start(), m.end()):
                continue
            s, e = doc.sentence_at(m.start())
            tied = PATIENT_HANDLE_CUE.search(doc.masked, s, e) is not None
            if m.group().lower() in own:
                tied = tied or health_near(doc, m.start())
            if tied:
                yield self.finding(doc, m.start(), m.end(), "handle of a patient")
