"""``privacy.phi.id``: numbers that identify a person or their things.

Social Security numbers (with the SSA's validity rules), medical record numbers,
health plan and member ids, account numbers, licence and certificate numbers,
vehicle ids (VIN, plates) and device serials. Apart from SSNs and VINs, a number
needs a label before it ("MRN", "member ID", "serial #"). The author's own licence
or registration number ("my NPI", "my licence #") is not PHI.
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
LABEL = (
    r"(?:mrn|mr\s?#|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)"
    r"|hospital (?:number|no\.?|#|id)|nhs (?:number|no\.?)|patient (?:id|number|no\.?|#)"
    r"|member(?:ship)? (?:id|number|no\.?|#)|policy (?:id|number|no\.?|#)|plan (?:id|number|#)"
    r"|group (?:number|no\.?|#)|subscriber (?:id|number|#)|medicaid(?: id| number| #| no\.?)?"
    r"|medicare(?: id| number| #| no\.?)?|insurance (?:id|number|no\.?|#)|beneficiary (?:id|number|#)"
    r"|account(?: number| no\.?| #)?|acct\.?(?: number| no\.?| #)?|invoice (?:number|no\.?|#)"
    r"|driver'?s? licen[cs]e(?: number| no\.?| #)?|dl\s?#|licen[cs]e (?:number|no\.?|#)"
    r"|licen[cs]e plate|plate(?: number| no\.?| #)?|tag (?:number|#)|certificate (?:number|no\.?|#)"
    r"|passport(?: number| no\.?| #)?|serial(?: number| no\.?| #)?|s/n|device (?:id|serial)"
    r"|udi|lot (?:number|no\.?|#)|case (?:number|no\.?|#)|claim (?:number|no\.?|#|id)"
    r"|visit (?:number|no\.?|#)|encounter (?:number|no\.?|#|id)|record (?:number|no\.?|#)"
    r"|aadhaar(?: number| no\.?)?|health card(?: number| no\.?)?|id(?: number| no\.?| #)?"
    r"|rx\s?#|rx (?:number|no\.?)|prescription (?:number|no\.?|#)|script #|pump serial|pacemaker serial"
    r"|licen[cs]e(?:: | is )|licen[cs]e plate(?: number)?|plates?|tags?|nhi|mbi|ein|tin|itin|npi of (?:the )?(?:pt|patient))"
)
LABELLED = Gated(
    rf"(?i:\b{LABEL})\s*(?:is|was|of|ending in|reads|by heart)?\s*[:#]?\s*(?:(?-i:[A-Z]{{2}})\s)?"
    rf"(?=[A-Za-z0-9\- ]*\d)([A-Za-z0-9][A-Za-z0-9\-]{{1,}}(?:\s\d{{2,}})?)"
)
OWN = Gated(r"\b(?:my|our)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


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
        for m in LABELLED.finditer(doc):
            value = m.group(1)
            if sum(c.isdigit() for c in value) < 3 or len(value.replace(" ", "")) < 4:
                continue
            before, _ = doc.window(m.start(), m.end(), 25, 0)
            if OWN.search(before):
                continue
            yield self.finding(doc, m.start(1), m.end(1), "labelled identifying number")
