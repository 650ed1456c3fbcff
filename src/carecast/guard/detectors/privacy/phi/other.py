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
from carecast.guard.detectors.privacy.phi.cues import HEALTH_CUES, health_near, near_person
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

EVENT = (
    r"(?:crash|pile-?up|wreck|collision|fire|blaze|explosion|shooting|stabbing|derailment|rollover"
    r"|drowning|accident|attack|stampede|collapse|outbreak)\b"
)
GATHERING = (
    r"(?:game|match|race|marathon|concert|parade|festival|fair|rally|rodeo|meet|tournament|prom"
    r"|homecoming|graduation)\b"
)
ATHLETE = (
    r"(?:player|linebacker|quarterback|pitcher|catcher|shortstop|goalie|goalkeeper|striker|defen[cs]eman"
    r"|forward|guard|lineman|receiver|kicker|wrestler|fighter|boxer|gymnast|swimmer|sprinter|runner"
    r"|cyclist|skier|skater|golfer|driver|jockey|star|champion|medal(?:l)?ist|athlete|coach|referee"
    r"|umpire|rookie|legend)\b"
)
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
    rf"|won the (?:lottery|powerball|mega millions)|went viral|was on the news|made the news"
    # a named event: "the Route 33 pileup", "the Lake Erie jet ski crash"
    rf"|the\s+(?:(?-i:[A-Z0-9])[\w'\-]{{0,30}}\s+){{1,3}}(?:[a-z][\w'\-]{{0,20}}\s+){{0,2}}{EVENT}"
    # hurt at a public event: "collapsed at the football game Friday"
    rf"|(?:collapsed|went down|was (?:shot|stabbed|hurt|injured|hit)|got (?:hurt|injured|hit)"
    rf"|(?:tore|broke|injured|hurt) (?:his|her|their) [\w\-]{{2,20}})\s+(?:at|during|in)\s+"
    rf"(?:the|last night's|\w+day's|\w+'s)\s+(?:[\w'\-]{{1,20}}\s+){{0,2}}{GATHERING}"
    rf"(?:\s+(?:on\s+|last\s+)?(?:\w+day|night|weekend))?"
    # a professional athlete: "retired NFL linebacker for the Bengals"
    rf"|(?:(?:retired|former|ex-)\s*)?(?-i:NFL|NBA|MLB|NHL|MLS|WNBA|UFC|WWE|PGA|NASCAR|Olympic|Premier League)"
    rf"\s+{ATHLETE}(?:\s+(?:for|with)\s+the\s+(?-i:[A-Z])[\w\-]{{1,30}})?"
    # a distinctive feature: "the glass eye he pops out"
    rf"|(?:glass eye|wooden leg|peg leg|eye ?patch|gold (?:tooth|teeth|grill)|hook for a hand"
    rf"|(?:missing|extra|sixth) (?:\w+ )?fingers?|six fingers|facial scar)(?:\s+(?:he|she|they)(?:\s+[\w\-]{{1,20}}){{1,2}})?"
    # a photo or video showing a face: "video w/ his full face", "before/after of ..."
    rf"|(?:photo|picture|pic|selfie|video|footage|clip)s?\s+(?:w/|with|showing)\s+(?:his|her|their|the (?:patient|pt)'s)"
    rf"\s+(?:full\s+)?face|before\s*/\s*after|before[ \-](?:and|&)[ \-]after\s+(?:photos?|pics?|pictures?|shots?))",
    re.IGNORECASE,
)
# Someone named as a patient, in any post: "Mrs. Lindqvist ... is a patient of ours",
# "Tomás, saw your labs this morning".
CONFIRMS = Gated(
    r"(?:(?-i:[A-Z])[\w'\-]+|\b(?:he|she))(?:,[^,.;!?]{1,90},)?\s+((?:is|was)\s+(?:a (?:patient|client)"
    r" of (?:ours|mine)|one of (?:our|my) (?:patients|clients)))\b"
    r"|(?:\b(?:i|we)\s+(?:just\s+)?|^|(?<=[,.!?:;])\s*|\bjust\s+)((?:saw|got|read|reviewed|checked"
    r"|looked at|went over)\s+your\s+(?:latest\s+|new\s+)?(?:labs?|results?|bloods?|blood work|scans?"
    r"|x-?rays?|mri|ct|biopsy|swab|test results?|ecg|ekg|echo|smear)(?:\s+(?:this (?:morning|afternoon"
    r"|week)|yesterday|today|last (?:night|week)))?)\b"
    r"|\b((?:see|seeing|saw|seen) you at your (?:[\w\-]+ ){0,2}(?:session|appointment|appt|check|check-?up"
    r"|follow-?up|visit|scan|review|class|infusion|treatment)(?:\s+(?:on\s+)?(?:\w+day|today|yesterday"
    r"|tomorrow|this (?:morning|afternoon|week)))?)\b",
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
            if self._about_care(doc, m.start()):
                yield self.finding(doc, m.start(), m.end(), "unique identifying detail")
        for m in CONFIRMS.finditer(doc):
            yield self.finding(  # one group per alternative: the words that confirm
                doc,
                m.start(m.lastindex or 0),
                m.end(m.lastindex or 0),
                "names someone as a patient",
            )
        if doc.context.is_reply:
            for m in REPLY_CONFIRMS.finditer(doc):
                yield self.finding(
                    doc, m.start(), m.end(), "reply confirms the person is a patient"
                )

    def _about_care(self, doc: Document, pos: int) -> bool:
        """A patient or health cue around ``pos``, or a person met at work in a post about care."""
        if doc.near_patient(pos) or health_near(doc, pos):
            return True
        return near_person(doc, pos) and bool(doc.sentences_with(HEALTH_CUES))
