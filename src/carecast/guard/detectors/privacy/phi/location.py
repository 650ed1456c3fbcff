"""``privacy.phi.location``: geography below state level tied to a person.

Street addresses and room, bed or bay numbers are reported wherever they appear
(they point at one person). Cities, towns, counties and ZIP codes are reported when
the sentence is about a patient ("a Tulsa man", "drove in from Dayton"). States,
countries and large regions never are, nor the practice's own address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import near_person
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

STREET_TYPE = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Crescent|Close|Square|Sq"
    r"|Row|Pike|Alley|Loop|Run|Path|Grove|Gardens)"
)
STREET_ADDRESS = Gated(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'\-]*\s+){{1,3}}{STREET_TYPE}\b"
    r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*#?\w+)?(?<!\.)"
)
STREET_NAME = Gated(
    r"(?<!\d )(?<!\d)\b((?:[A-Z][a-z][\w\-]*\s+){1,2}"
    r"(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Way|Place|Terrace|Circle|Highway|Parkway"
    r"|Trail|Crescent|Close|Square|Row|Pike|Alley|Loop|Grove|Gardens"
    r"|(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Trl|Sq)\b(?!\.?\s+[A-Z])))"
    r"\b(?!\s+(?:Clinic|Hospital|Health|Medical|Pharmacy|Cent))"
)
TOWN_SUFFIX = Gated(
    r"[a-z](?:ville|burg|burgh|town|ton|field|ford|port|dale|wood|boro|borough|ham|mouth|chester|land)$"
)
FACILITY = Gated(
    r"\b((?:[A-Z][\w'\-]*\s+){1,3}(?i:nursing home|care home|care centre|care center|assisted living"
    r"|senior living|retirement home|retirement community|memory care|trailer park|mobile home park"
    r"|apartments|elementary(?: school)?|middle school|high school|academy|church|mosque|temple|synagogue"
    r"|prison|jail|correctional facility|shelter|farm|ranch|campground|estates|village|manor|towers"
    r"|group home|foster home|halfway house|sober living|hostel|care facility|rehab facility)\b)"
)
# A school named without "School": "Hilliard Bradley High", "Lincoln Elementary".
SCHOOL = Gated(r"\b((?:[A-Z][\w'\-]*\s+){1,3}(?:High|Elementary|Middle|Primary|Prep))\b")
# Numbered roads: "Route 9", "Hwy 33", "County Road 12", "I-71".
ROAD = Gated(
    r"\b(?:(?:State |US |County )?Route|Rte\.?|Highway|Hwy\.?|Interstate|County R(?:oa)?d\.?"
    r"|State R(?:oa)?d\.?)[ \-]?\d{1,4}[A-Z]?\b(?![.,]\d)|\bI-\d{1,3}\b"
)
IN_UNIT = Gated(r"\b(?:in|to|from)\s+(\d{1,4}[A-Z])\b")
ROOM = Gated(
    r"\b(?:(?i:rooms?|rms?|beds?|bays?|cubicle|cubby|pod|trauma|resus|exam room|suite|ward|stall"
    r"|isolation room|side room|unit|cot|crib|bassinet))\.?\s*#?\s*(?:\d{1,4}[A-Za-z]?|[A-Z]\d{0,3})\b"
    r"(?:\s*(?:and|&|,|-|/)\s*\d{1,4}[A-Za-z]?\b)*(?!\s*(?:%|percent|minutes|hours|days|patients|beds))"
)
ALWAYS_ROOM = Gated(r"^(?i:bed|bay|cubicle|cubby|cot|crib|bassinet|resus)")
ZIP_CUE = Gated(
    r"\b(?:zip(?: code)?|postcode|post code|[A-Z]{2}|(?:[A-Z][a-z]+,?\s+)?[A-Z][a-z]+)\s*:?\s*$"
)
ZIP = Gated(r"\b\d{5}(?:-\d{4})?\b")
UK_POSTCODE = Gated(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
COUNTY = Gated(
    r"\b((?:[A-Z][a-z]+\s){1,2}(?:County|Parish|Borough|Township|Twp))\b"
    r"|\b(?i:county of)\s+[A-Z][a-z]+"
)
PLACE_BEFORE = Gated(
    r"\b(?:from|in|of|near|outside|out of|lives? in|living in|moved to|moved from|drove in from"
    r"|drove from|hometown|native of|resident of|born in|raised in|grew up in|visiting from"
    r"|back to|home to|went to|travel(?:l?ed)? to)\s*$",
    re.IGNORECASE,
)
PLACE_AFTER = Gated(
    r"\s+(?:man|woman|mom|mum|dad|boy|girl|teen|grandmother|grandfather|family|resident"
    r"|native|couple|toddler|infant|baby|kid|child|patient|firefighter|teacher|farmer|nurse)\b",
    re.IGNORECASE,
)
# A home or an incident on the road: "Mr. A's place on Route 9", "the crash on I-71".
ROAD_CUE = Gated(
    r"\b(?:place|house|home|farm|property|lives?|living|trailer|address|crash|wreck|accident"
    r"|pile-?up|collision|rollover|found|hit|struck)\b[^.!?]{0,20}$",
    re.IGNORECASE,
)
# Places said of a group: "patients from Columbus and Dayton".
GROUP_BEFORE = Gated(
    r"\b(?:patients|people|families|residents|folks|adults|kids|children|seniors|many|most"
    r"|visitors|attendees|participants|members|students|clinicians|nurses|doctors)"
    r"\s+(?:\w+\s+)?(?:from|in|of|across|around)\s+(?:[A-Z]?[a-z]+\s+(?:and|or|,)\s+)?$",
    re.IGNORECASE,
)
# Strong cues that the next capitalised word is where a person is from or lives, strong
# enough for a town no gazetteer lists: "came in yesterday from Tibooburra".
TOWN_BEFORE = Gated(
    r"(?:\b(?:came|comes|drove|driven|drives|walked|flew|flown|airlifted|choppered|transferred"
    r"|brought|rushed|travel(?:l)?ed|travel(?:l)?ing|commutes?|hitchhiked|moved|relocated|visiting"
    r"|arrived)\b[^.!?,;:]{0,30}|\b(?:man|woman|lady|gentleman|guy|bloke|chap|fella|kid|boy|girl"
    r"|teen|couple|family|farmer|teacher|schoolteacher|veteran|grandmother|grandfather|grandma"
    r"|grandpa|mom|mum|dad|mother|father|retiree|widow|widower|resident|student|worker"
    r"|trucker|miner|fisherman|rancher)\s)from\s+$"
    r"|\b(?:lives?|living|resides|home|farm|farms|house|grew up) (?:in|near|outside|out in|just outside)\s+$",
    re.IGNORECASE,
)
# A small community: with a patient anywhere in the post it helps single them out.
SMALL_PLACE_BEFORE = Gated(
    r"\b(?:village|hamlet|town|township|community|parish|valley|island)\s+(?:of|called|named"
    r"|outside|near|just outside|on the edge of|(?:north|south|east|west) of)\s+$",
    re.IGNORECASE,
)
# After a word, what makes it an organisation's name or a possessive, not a town.
NOT_PLACE_AFTER = Gated(
    r"(?:'s|’s|\s+(?:Hospital|Medical|Health|Clinic|General|Memorial|Pharmacy|University|College"
    r"|School|Inc|Corp|Ltd|LLC|Group|Center|Centre|Care|Labs?|Insurance|Airlines?|Methodist"
    r"|Baptist|Presbyterian|Regional|Children's|Community|Urgent|Emergency|Surgical|Cancer"
    r"|Heart|Women's|Rehab|Hospice|Nursing|Senior|Campus|State))\b"
)
# A town no gazetteer lists ends its phrase: "from Tibooburra with a bite", "from Tibooburra."
# A word used as a modifier does not: "from Zumba class", "from Nextdoor asked".
PHRASE_END = Gated(
    r"\s*(?:[,.;:!?)]|$|\s(?:with|and|who|to|for|in|on|at|after|because|but|yesterday|today"
    r"|tonight|this|last|early|late|via|by|so|where|when|since)\b)"
)
EVERYDAY_PLACES = frozenset(
    """january february march april may june july august september october november december
    mobile reading bath nice independence orange commerce enterprise liberty union paradise
    eureka hope friendly university college rugby sale wells deal cork split""".split()
)
CITY_STATE = Gated(
    r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s?([A-Z]{2}\b|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?!\w)"
)
AFTER_ADDRESS = Gated(r",\s*([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


class PatientLocation(Detector):
    rule = "privacy.phi.location"
    severity = "block"
    message = "Location below state level"
    suggestion = "[location]"
    source = "45 CFR 164.514(b)(2)(i)(B): geographic subdivisions smaller than a state"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for m in STREET_ADDRESS.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "street address")
            town = AFTER_ADDRESS.match(doc, m.end())
            if town and town.group(1).lower() not in lexicons.load("regions"):
                yield self.finding(doc, town.start(1), town.end(1), "town of a street address")
        for m in STREET_NAME.finditer(doc):
            if doc.near_patient(m.start()) and not doc.is_allowed(m.start(1), m.end(1)):
                yield self.finding(doc, m.start(1), m.end(1), "street where a patient is")
        for m in FACILITY.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "named place where a patient lives")
        for m in SCHOOL.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 40, 0)
            if GROUP_BEFORE.search(before) or not self._named(m.group(1).split()[:-1]):
                continue
            if near_person(doc, m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "school a patient goes to")
        for m in ROAD.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 30, 0)
            if (
                ROAD_CUE.search(before)
                and near_person(doc, m.start())
                and not doc.is_allowed(m.start(), m.end())
            ):
                yield self.finding(doc, m.start(), m.end(), "road where a patient is")
        for m in IN_UNIT.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "room or unit")
        for m in ROOM.finditer(doc):
            if ALWAYS_ROOM.match(m.group()) or doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "room or bed number")
        for m in COUNTY.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "county")
        yield from self._zips(doc)
        yield from self._cities(doc)

    def _zips(self, doc: Document) -> Iterator[Finding]:
        for m in ZIP.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 30, 0)
            raw_before = doc.text[max(0, m.start() - 30) : m.start()]
            if (
                re.search(
                    r"\b(?:zip|zipcode|postal code)(?: ?code)?\s*(?:is|was|of|:)?\s*$", before
                )
                or (re.search(r"\b[A-Z]{2}\s*$", raw_before) and doc.near_patient(m.start()))
                or (
                    re.search(r"\b(?:from|in|lives in|zip)\s*$", before)
                    and doc.near_patient(m.start())
                )
            ):
                yield self.finding(doc, m.start(), m.end(), "ZIP code")
        for m in UK_POSTCODE.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "postcode")

    def _cities(self, doc: Document) -> Iterator[Finding]:
        cities = lexicons.load("cities")
        regions = lexicons.load("regions")
        for m in CITY_STATE.finditer(doc):
            city, state = m.group(1), m.group(2)
            known = city.lower() in cities or TOWN_SUFFIX.search(city) is not None
            if known and state.lower() in regions and doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "city of a patient")
        words = doc.words
        common = lexicons.load("common_words")
        for i, w in enumerate(words):
            if not w.is_capitalised:
                continue
            name, end = w.lower, w.end
            if i + 1 < len(words) and words[i + 1].is_capitalised:
                two = f"{w.lower} {words[i + 1].lower}"
                if two in cities and doc.text[w.end : words[i + 1].start] == " ":
                    name, end = two, words[i + 1].end
            if name in regions or name in EVERYDAY_PLACES or name in doc.allowed_name_tokens:
                continue
            suffixed = TOWN_SUFFIX.search(name) is not None
            before, _ = doc.window(w.start, end, 40, 0)
            if GROUP_BEFORE.search(before):
                continue
            if NOT_PLACE_AFTER.match(doc, end):
                continue
            if name in cities or (suffixed and name not in common):
                cued = PLACE_BEFORE.search(before) or PLACE_AFTER.match(doc, end)
                if cued and near_person(doc, w.start):
                    yield self.finding(doc, w.start, end, "city or town of a patient")
                elif SMALL_PLACE_BEFORE.search(before) and doc.has_patient_cue:
                    yield self.finding(doc, w.start, end, "small town where a patient lives")
                continue
            if w.text.isupper():
                continue  # "from ICU", "from CVS": not a town no list knows
            j = i + 1  # a town of several words: "Wagga Wagga"
            while j < len(words) and j <= i + 2 and words[j].is_capitalised:
                if doc.text[words[j - 1].end : words[j].start] != " ":
                    break
                end, j = words[j].end, j + 1
            if (
                (suffixed or name not in common)
                and self._could_be_town(name, doc, end)
                and TOWN_BEFORE.search(before)
                and near_person(doc, w.start)
            ):
                yield self.finding(doc, w.start, end, "home town of a patient")

    @staticmethod
    def _could_be_town(name: str, doc: Document, end: int) -> bool:
        """A word no gazetteer lists: not a person's first name, a drug, a condition or an org."""
        if len(name) < 3 or not PHRASE_END.match(doc, end):
            return False
        return not any(
            name in lexicons.load(lexicon) for lexicon in ("first_names", "drugs", "conditions")
        )

    @staticmethod
    def _named(words: list[str]) -> bool:
        """Words before "High" that name a school: a place or a person, not "Running" or "Very"."""
        common = lexicons.load("common_words")
        return any(
            w.lower() not in common
            or any(w.lower() in lexicons.load(x) for x in ("cities", "last_names", "first_names"))
            for w in words
        )
