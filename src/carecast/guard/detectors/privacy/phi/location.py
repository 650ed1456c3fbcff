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
    r"|prison|jail|correctional facility|shelter|farm|ranch|campground|estates|village|manor|towers)\b)"
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
        for i, w in enumerate(words):
            if not w.is_capitalised:
                continue
            name, end = w.lower, w.end
            if i + 1 < len(words) and words[i + 1].is_capitalised:
                two = f"{w.lower} {words[i + 1].lower}"
                if two in cities and doc.text[w.end : words[i + 1].start] == " ":
                    name, end = two, words[i + 1].end
            town_like = TOWN_SUFFIX.search(name) is not None and name not in lexicons.load(
                "common_words"
            )
            if (name not in cities and not town_like) or name in regions or name in EVERYDAY_PLACES:
                continue
            if not doc.near_patient(w.start):
                continue
            before, _ = doc.window(w.start, end, 25, 0)
            if PLACE_BEFORE.search(before) or PLACE_AFTER.match(doc, end):
                yield self.finding(doc, w.start, end, "city or town of a patient")
