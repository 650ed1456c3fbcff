"""``privacy.phi.other``: any other detail that singles a patient out.

A unique role ("the mayor's wife", "the town's only female firefighter"), a
distinctive mark (a tattoo, a birthmark), biometrics or a full-face photo, a
newsworthy event ("the twins born in the elevator"), and a reply that confirms the
person it answers is a patient ("since your visit with us").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import health_near
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

ROLE = (
    r"(?:mayor|sheriff|governor|senator|congress(?:man|woman)|council(?:man|woman|lor|member)"
    r"|principal|superintendent|pastor|priest|rabbi|imam|bishop|coach|quarterback|captain"
    r"|police chief|fire chief|news anchor|weatherman|weather ?woman|judge|ceo|owner|president"
    r"|star|celebrity|influencer|singer|rapper|actor|actress|athlete|olympian|champion"
    r"|firefighter|female firefighter|nun|monk|veteran|war hero|twin|triplet)"
)
UNIQUE = Gated(
    rf"\b(?:(?:the|our|a local|a famous|a well-known|our town's|the town's|the county's)"
    rf"\s+(?:(?:local|only|famous|well-known|beloved|retired|former|new|star|high school|"
    rf"town|city|county)\s+){{0,2}}{ROLE}(?:'s\s+(?:wife|husband|son|daughter|mother|father|mom|dad|kid|child))?"
    rf"|the\s+(?:only|last|first|oldest|youngest)\s+(?:[\w'\-]{{1,30}}\s+){{1,4}}?(?:in|at|on|of|to)\s+(?:(?:our|the|this|his|her|their)\s+)?[\w'\-]{{1,30}}"
    rf"|(?:the|our|this)\s+(?:town|city|county|village|school|island|church|parish|valley)'s\s+(?:only|last|first|oldest|youngest)\s+[\w\s'\-]{{3,40}}?(?=[,.;!?]|\s(?:who|came|was|is|has|had)\b)"
    rf"|the\s+(?:\w+\s+){{0,2}}{ROLE}\s+who\s+[^,.;!?]{{3,50}}"
    rf"|(?:triplets|quadruplets|quintuplets|conjoined twins|twins)\s+(?:born|delivered)\s+(?:in|on|at)\s+(?:the\s+)?\w+"
    rf"|(?:[\w'\-]{{1,30}}\s+){{0,3}}(?:tattoo(?:s|ed)?|birthmark|port-wine stain)(?:\s+(?:of|on|across|covering|behind|shaped like|that says|reading|with)\s+[^,.;!?]{{3,40}})?"
    rf"|(?:fingerprints?|retina(?:l)? scan|iris scan|voice ?print|dna profile|full[- ]face (?:photo|picture|pic))"
    rf"|(?:photo|picture|pic|selfie|video)\s+of\s+(?:the\s+|my\s+|our\s+)?(?:patient|pt|him|her)\b(?:'s face)?"
    rf"|won the (?:lottery|powerball|mega millions)|went viral|was on the news|made the news)",
    re.IGNORECASE,
)
REPLY_CONFIRMS = Gated(
    r"\b(?:when (?:we|i) saw you|when you (?:came|were) in"
    r"|at your (?:last|next) (?:visit|appointment|appt)|as we discussed"
    r"|your (?:visit|appointment|surgery|procedure|delivery|biopsy|infusion|chemo) with us"
    r"|(?:is|was|are) (?:a |one of our |our )?patients? (?:of ours|here|with us)|already with us)\b",
    re.IGNORECASE,
)


class UniqueDetail(Detector):
    rule = "privacy.phi.other"
    severity = "block"
    message = "Detail that singles a patient out"
    suggestion = "[detail]"
    source = "45 CFR 164.514(b)(2)(i)(P)-(R): biometrics, full-face photos, unique characteristics"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for m in UNIQUE.finditer(doc):
            if doc.near_patient(m.start()) or health_near(doc, m.start()):
                yield self.finding(doc, m.start(), m.end(), "unique identifying detail")
        if doc.context.is_reply:
            for m in REPLY_CONFIRMS.finditer(doc):
                yield self.finding(
                    doc, m.start(), m.end(), "reply confirms the person is a patient"
                )
