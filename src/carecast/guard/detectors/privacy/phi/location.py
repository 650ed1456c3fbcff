"""``privacy.phi.location``: geography below state level tied to a person.

Street addresses and bed or bay numbers are reported wherever they appear (they point
at one person); rooms, named and numbered wards ("6 North", "Rowan Ward"), landmarks
("the Tesco by the roundabout") and streets when a person is near. Cities, towns,
districts, counties and postcodes are reported when the post ties them to a patient ("a
Tulsa man", "Mrs. M of Ballina", "J. W., Chorley" in a testimonial). States, countries and
large regions never are, nor the practice's own address, nor the author's own career.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import (
    CONTAINER_OF,
    DISTRICT_END,
    EVERYDAY_PLACES,
    GROUP_BEFORE,
    HEALTH_CUES,
    NAMED_FROM,
    NOT_PLACE_AFTER,
    PERSON_IN_ROOM,
    PERSON_WORDS,
    PHRASE_END,
    PLACE_AFTER,
    PLACE_BEFORE,
    RESIDENCE_BEFORE,
    ROAD_CUE,
    ROOM_AS_THING,
    SCHOOL_OR_CHURCH,
    SMALL_PLACE_BEFORE,
    TESTIMONIAL,
    TOWN_BEFORE,
    WARD_PERSON_BEFORE,
    WARD_TYPE,
    about_care,
    author_career,
    cued_beyond,
    near_person,
    quoted_example,
)
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
# A place named for a saint: "St. Columba's school", "at St. Joseph's" (a school, a church).
SAINT_PLACE = Gated(
    r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:'s|’s)(?:\s+(?i:(school|primary|academy|college|church"
    r"|parish|chapel|convent|ward|care home|nursing home|home)\b))?"
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
# A numbered house or flat within a home or hospice: "Casa 3", "cottage 2", "flat 4B".
HOME_UNIT = Gated(
    r"\b(?i:casa|cottage|villa|lodge|cabin|chalet|flat|apt)\.?\s*#?\s*(?:\d{1,4}[A-Za-z]?|[A-Z]\d{0,3})\b"
    r"(?!\s*(?:%|percent|minutes|hours|days|patients|beds))"
)
ALWAYS_ROOM = Gated(r"^(?i:bed|bay|cubicle|cubby|cot|crib|bassinet|resus)")

# The named home, ward or wing a room is in: "room 3 at Meadowbank".
ROOM_IN_PLACE = Gated(r"\s+(?:at|in|on)\s+((?:[A-Z][a-z][\w'’\-]*)(?:\s+[A-Z][a-z][\w'’\-]*){0,2})")
# A named or numbered ward: "on 6 North", "St. Brigid's ward", "Rowan Ward".
WARD = Gated(
    r"\b(?:on|to|from|off)\s+(\d{1,2}\s?(?:North|South|East|West))\b"
    r"|\b((?:(?:St\.?|Saint)\s+)?[A-Z][a-z]+(?:'s|’s)?\s+(?i:ward|wing))\b"
)
# A shop, house or landmark placed by a street or a feature: "the Walmart on 5th", "the red
# house on Dunmore Lane", "the chippy by the roundabout".
NEAR_WHAT = (
    r"(?:\d{1,3}(?:st|nd|rd|th)\b(?:\s+(?:Street|St|Avenue|Ave))?"
    rf"|(?:[A-Z][\w'’\-]*\s+){{1,2}}{STREET_TYPE}\b"
    r"|(?:Main|High|Market|Church|Station|Front|Broad|Bridge|Mill|Water|King|Queen)\b"
    r"|[A-Z][a-z]+(?:way|gate|side|hill|street|road)\b"
    r"|(?i:the\s+(?:roundabout|high street|main road|square|village green|green|crossroads"
    r"|traffic lights|lights|corner|harbou?r|seafront|promenade|quay|pier|canal|river|bridge"
    r"|park|common|bus station|train station|station|church|mosque|temple|market|beach"
    r"|library|post office|school|fire station|petrol station|gas station|motorway|highway"
    r"|interstate|bypass|level crossing)\b))"
)
LANDMARK = Gated(
    r"\b(?i:the)\s+((?:(?i:[a-z]+)\s+)?(?:[A-Z][\w'’&\-]*\s+){0,2}"
    r"(?:(?i:shop|store|bakery|butcher'?s|pub|bar|cafe|café|diner|chippy|takeaway|garage"
    r"|supermarket|corner shop|launderette|laundromat|salon|barber'?s|newsagent'?s|off-licence"
    r"|liquor store|gas station|petrol station|house|cottage|bungalow|flat|farmhouse|trailer"
    r"|caravan|mansion|hotel|motel|restaurant|warehouse|factory|mill|church|chapel|mosque)"
    r"|[A-Z][\w'’&\-]*)\s+(?:on|by|near|behind|opposite|beside|off|next to|across from"
    rf"|(?:at|on) the (?:end|top|bottom|corner) of)\s+{NEAR_WHAT})"
)
# The town after a street or landmark: "on Main St in Granville".
TOWN_AFTER_STREET = Gated(r"(?:,\s*|\s+in\s+)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
# A titled person's place: "Mrs. Murphy of Ballina", "Mr. Rahman from Whitechapel".
TITLED_OF = Gated(
    r"\b(?:Mr|Mrs|Ms|Mx|Miss)\.?\s+(?:[A-Z][\w'’\-]+\s+){1,3}(?:of|from)\s+"
    r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b"
)
# A signed name and a town: "(R. Feldman, Bexley, patient since 2009)", "Maria G., Leeds".
SIGNED_TOWN = Gated(r",\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s*[,)\n]|\s*$)")
SIGNER = Gated(
    r"\b(?:(?:[A-Z]\.\s?){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?|([A-Z][a-z]+)\s(?:[A-Z]\.|[A-Z][a-z]+))$"
)
DISTRICT_BEFORE_POSTCODE = Gated(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),?\s*$")
# A district named with "the": "an outreach clinic in the Bogside".
THE_DISTRICT = Gated(
    r"\b(?:in|from|near|around|to)\s+(the\s+([A-Z][a-z]{3,}))\b(?!\s+(?:[A-Z]|of\b)|['’]s)"
)
ZIP = Gated(r"\b\d{5}(?:-\d{4})?\b")
UK_POSTCODE = Gated(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
COUNTY = Gated(
    r"\b((?:[A-Z][a-z]+\s){1,2}(?:County|Parish|Borough|Township|Twp))\b"
    r"|\b(?i:county of)\s+[A-Z][a-z]+"
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
        yield from self._streets(doc)
        for m in FACILITY.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "named place where a patient lives")
        anyone = doc.has_patient_cue or bool(doc.sentences_with(PERSON_WORDS))
        for m in SAINT_PLACE.finditer(doc) if anyone else ():
            s, e = doc.sentence_at(m.start())
            typed = m.group(1) is not None or SCHOOL_OR_CHURCH.search(doc, s, e) is not None
            if typed and near_person(doc, m.start()) and not doc.is_allowed(m.start(), m.end()):
                yield self.finding(
                    doc, m.start(), m.end(), "school, church or ward named for a saint"
                )
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
        yield from self._rooms(doc)
        for m in COUNTY.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(), m.end(), "county")
        yield from self._zips(doc)
        yield from self._cities(doc)
        yield from self._named_places(doc)

    def _streets(self, doc: Document) -> Iterator[Finding]:
        for m in STREET_ADDRESS.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "street address")
            town = AFTER_ADDRESS.match(doc, m.end())
            if town and town.group(1).lower() not in lexicons.load("regions"):
                yield self.finding(doc, town.start(1), town.end(1), "town of a street address")
        for m in STREET_NAME.finditer(doc):
            if doc.is_allowed(m.start(1), m.end(1)):
                continue
            before, _ = doc.window(m.start(1), m.end(1), 30, 0)
            home = RESIDENCE_BEFORE.search(before) is not None and doc.has_patient_cue
            if home or doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "street where a patient is")
                yield from self._town_after(doc, m.end(1))
        for m in LANDMARK.finditer(doc):
            before, _ = doc.window(m.start(), m.end(), 30, 0)
            home = RESIDENCE_BEFORE.search(before) is not None
            tied = (home or near_person(doc, m.start())) and about_care(doc)
            if tied and not doc.is_allowed(m.start(), m.end()):
                yield self.finding(doc, m.start(), m.end(), "landmark where a patient is")
                yield from self._town_after(doc, m.end())

    def _town_after(self, doc: Document, end: int) -> Iterator[Finding]:
        """The town named just after a street or landmark: "on Main St in Granville"."""
        town = TOWN_AFTER_STREET.match(doc, end)
        if town is None:
            return
        name = town.group(1).lower()
        if name in lexicons.load("regions") or name in doc.allowed_name_tokens:
            return
        if name in lexicons.load("cities") or name not in lexicons.load("common_words"):
            yield self.finding(doc, town.start(1), town.end(1), "town of a street")

    def _rooms(self, doc: Document) -> Iterator[Finding]:
        common = lexicons.load("common_words")
        for m in IN_UNIT.finditer(doc):
            if doc.near_patient(m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "room or unit")
        for m in (*ROOM.finditer(doc), *HOME_UNIT.finditer(doc)):
            if quoted_example(doc, m.start(), m.end()) or ROOM_AS_THING.match(doc, m.end()):
                continue
            raw_before = doc.text[max(0, m.start() - 30) : m.start()]
            someone = PERSON_IN_ROOM.search(raw_before)
            name = someone.group(1).lower() if someone and someone.group(1) else None
            if name and name in common and name not in lexicons.load("first_names"):
                someone = None  # "Meeting in room 4": a capitalised common word is no name
            cued = doc.near_patient(m.start()) and cued_beyond(doc, m.start(), m.end())
            if ALWAYS_ROOM.match(m.group()) or someone or cued:
                yield self.finding(doc, m.start(), m.end(), "room or bed number")
                place = ROOM_IN_PLACE.match(doc, m.end())
                if place and self._proper_place(doc, place.group(1)):
                    yield self.finding(doc, place.start(1), place.end(1), "home or ward of a room")
        for m in WARD.finditer(doc):
            group = 1 if m.group(1) else 2
            words = m.group(group).lower().replace("saint ", "st ").split()
            if m.group(2) and words[0] in WARD_TYPE:
                continue
            before, _ = doc.window(m.start(), m.end(), 50, 0)
            if WARD_PERSON_BEFORE.search(before) and not doc.is_allowed(m.start(), m.end()):
                yield self.finding(doc, m.start(group), m.end(group), "named or numbered ward")

    @staticmethod
    def _proper_place(doc: Document, name: str) -> bool:
        """A capitalised name that is no region, practice word or everyday word."""
        low = name.lower()
        if low in lexicons.load("regions") or low.split()[0] in doc.allowed_name_tokens:
            return False
        common = lexicons.load("common_words")
        return low in lexicons.load("cities") or any(w not in common for w in low.split())

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
                district = DISTRICT_BEFORE_POSTCODE.search(
                    doc.text, max(0, m.start() - 30), m.start()
                )
                if district and self._proper_place(doc, district.group(1)):
                    yield self.finding(
                        doc, district.start(1), district.end(1), "district of a postcode"
                    )

    def _named_places(self, doc: Document) -> Iterator[Finding]:
        """Places named by how a post puts them next to a person, in no gazetteer."""
        for m in TITLED_OF.finditer(doc):
            if not NOT_PLACE_AFTER.match(doc, m.end(1)) and self._proper_place(doc, m.group(1)):
                yield self.finding(doc, m.start(1), m.end(1), "home town of a named person")
        cities = lexicons.load("cities")
        for m in SIGNED_TOWN.finditer(doc):
            town = m.group(1).lower()
            if town not in cities or town in lexicons.load("regions"):
                continue
            signer = SIGNER.search(doc.text, max(0, m.start() - 40), m.start())
            first = signer.group(1) if signer else None
            if signer is None or (first and first.lower() not in lexicons.load("first_names")):
                continue
            if TESTIMONIAL.search(doc) is None:
                break  # a name and a town outside a testimonial: the author's signature
            yield self.finding(doc, m.start(1), m.end(1), "town after a signed name")
        anyone = doc.has_patient_cue or bool(doc.sentences_with(PERSON_WORDS))
        for m in THE_DISTRICT.finditer(doc) if anyone else ():
            name = m.group(2).lower()
            if (
                name not in lexicons.load("common_words")
                and self._proper_place(doc, m.group(2))
                and self._could_be_town(name, doc, None)
                and (PHRASE_END.match(doc, m.end(2)) or DISTRICT_END.match(doc, m.end(2)))
                and self._tied(doc, m.start())
            ):
                yield self.finding(doc, m.start(1), m.end(1), "district of a patient")

    def _cities(self, doc: Document) -> Iterator[Finding]:
        cities = lexicons.load("cities")
        regions = lexicons.load("regions")
        for m in CITY_STATE.finditer(doc):
            city, state = m.group(1), m.group(2)
            known = city.lower() in cities or TOWN_SUFFIX.search(city) is not None
            if known and state.lower() in regions and self._tied(doc, m.start()):
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
                if cued and self._word_before_patient(doc, w.start, end, name):
                    cued = None  # "Best patient ever", "Same patient": a word, not a town
                if cued and CONTAINER_OF.search(before):
                    cued = None  # "a tin of Roses"
                if cued and self._tied(doc, w.start):
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
                and self._tied(doc, w.start)
            ):
                yield self.finding(doc, w.start, end, "home town of a patient")

    @staticmethod
    def _word_before_patient(doc: Document, start: int, end: int, name: str) -> bool:
        """An everyday word opening a sentence before "patient": "🥰 Best patient ever."."""
        before = doc.text[max(0, start - 40) : start].rstrip()
        opens = not before or not (before[-1].isalnum() or before[-1] in ",;:-'’")
        if name not in lexicons.load("common_words") or not opens:
            return False
        return doc.lower.startswith(" patient", end)

    @staticmethod
    def _tied(doc: Document, pos: int) -> bool:
        """Whether a place at ``pos`` belongs to a patient, not to the author's own career.

        A patient or a person met at work nearby, or a first name just before it ("Gary
        from Dublin") in a post about care.
        """
        if not near_person(doc, pos):
            named = NAMED_FROM.search(doc.text, max(0, pos - 25), pos)
            if named is None or named.group(1).lower() not in lexicons.load("first_names"):
                return False
            if not doc.sentences_with(HEALTH_CUES):
                return False
        return not author_career(doc, pos)

    @staticmethod
    def _could_be_town(name: str, doc: Document, end: int | None) -> bool:
        """A word no gazetteer lists: not a person's first name, a drug, a condition or an org.

        With ``end``, the word must also end its phrase there.
        """
        if len(name) < 3 or (end is not None and not PHRASE_END.match(doc, end)):
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
