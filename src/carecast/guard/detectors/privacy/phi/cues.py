"""Cues the PHI detectors share: words that tie a detail to a patient, and word lists."""

from __future__ import annotations

import re
from bisect import bisect_right

from carecast.guard.document import PATIENT_CUES, PERSON_TITLE, SHORT_POST, Document
from carecast.guard.gate import Gated

# Where a detail is said to belong to a group, not a person.
GROUP_WORDS = Gated(
    r"\b(?:patients|people|adults|persons|individuals|residents|seniors|those|anyone|everyone"
    r"|men|women|folks|population|cohort|group|aged? (?:\d+ )?(?:and|or) (?:over|older|up)"
    r"|over|older than|above|under|younger than|average|median|mean|rate|per|percent|%)\b",
    re.IGNORECASE,
)

HEALTH_CUES = Gated(
    r"\b(?:diagnos\w*|surgery|surgical|chemo\w*|cancer|tumou?r|stroke|heart attack|MI|fracture"
    r"|broke|injur\w*|overdose|OD'?d|pregnan\w*|miscarr\w*|labou?r|delivery|birth|born|deliver\w*"
    r"|dementia|diabet\w*|HIV|hepatitis|sepsis|pneumonia|covid|flu|infection|rash|fever|pain"
    r"|seizure\w*|depress\w*|anxiety|suicid\w*|rehab|dialysis|transplant|biopsy|scan|MRI|CT"
    r"|x-?ray|labs?|results?|a1c|blood (?:pressure|sugar|work)|meds?|medication\w*|prescri\w*"
    r"|insulin|hospice|icu|er|ed|a&e|admission|admitted|discharge\w*|treatment|therapy|appointment"
    r"|follow-?up|check-?up|visit|recovery|recovering|condition|disease|disorder|syndrome|symptoms?"
    r"|sick|ill|illness|hospital\w*|clinic|passed away|died|death|funeral|diagnosis|asthma|copd"
    r"|acl|torn|sprain\w*|concussion|memory loss|presenting|intubat\w*|ventilator|cpr|bypass|stitches)\b",
    re.IGNORECASE,
)


def health_near(doc: Document, pos: int) -> bool:
    """Whether the sentence around ``pos`` mentions health or care."""
    return doc.sentence_at(pos)[0] in doc.sentences_with(HEALTH_CUES)


# Everyday words for one person met at work, beyond the document's patient cues: "the kid
# from Hilliard Bradley High who collapsed", "the guy who came into urgent care".
PERSON_WORDS = Gated(
    r"\b(?:guy|bloke|chap|fella|fellow|dude|kid|lad|lass|gal|gent|(?:young|old|elderly|older)"
    r" (?:man|woman|lady|fellow|couple)|collapsed|came into|brought into|walked into|rolled into"
    r"|we had (?:him|her)|on our table|paramedics?|ambulance|participant"
    r"|(?:has|'s|had) been in (?:here )?(?:\d+|two|three|four|five|six|twice|again))\b",
    re.IGNORECASE,
)


# The author at work, or news of how someone is: "paramedic here", "he's recovering".
CARE_NEWS = Gated(
    r"\b(?:pts?|patients?|clients?|nurse|doctor|paramedic|medic|emt|physio|midwife|locum|gp"
    r"|general practice|house call|home visit|district nurses?|on shift|my shift|night shift"
    r"|ambulance|collapsed|brought (?:him|her|them) in"
    r"|(?:in|on) the (?:ward|unit|floor)|our (?:ward|unit|team|icu|ed|er)|treated|looked after"
    r"|cared for|appt|(?:is|are|'s|was) (?:doing (?:great|well|fine|ok|okay|better)|recovering"
    r"|home|stable|fine|okay|ok|alive|awake|conscious|breathing|sitting up|out of surgery"
    r"|in surgery))\b",
    re.IGNORECASE,
)


def about_care(doc: Document) -> bool:
    """Whether the post speaks of health, care or a patient anywhere (not just "a lady")."""
    return bool(doc.sentences_with(HEALTH_CUES) or doc.sentences_with(CARE_NEWS))


def near_person(doc: Document, pos: int) -> bool:
    """Whether the text around ``pos`` speaks of a patient or of one person met at work.

    As :meth:`Document.near_patient`, with :data:`PERSON_WORDS` as cues too.
    """
    return doc.near_patient(pos) or doc.near(pos, doc.sentences_with(PERSON_WORDS))


# Words for one other person in a sentence: the detail is about someone, not a place or a team.
SOMEONE = Gated(
    r"\b(?:he|she|him|her|his|hers|they|them|their|patients?|pts?|mr|mrs|ms|mx|miss|baby|kid|lady"
    r"|guy|gentleman|man|woman|boy|girl|resident|client"
    # a relative, but not the author's own: "my dad's chip shop"
    r"|(?<!\bmy )(?<!\bour )(?:mum|mom|dad|nan|nana|gran|granny|grandma|grandpa|grandad|son"
    r"|daughter|husband|wife))\b",
    re.IGNORECASE,
)


def someone_near(doc: Document, pos: int) -> bool:
    """Whether the sentence around ``pos`` speaks of another person ("her dad was on ...")."""
    return doc.sentence_at(pos)[0] in doc.sentences_with(SOMEONE)


# The author's own training and career: "since I qualified in Manila", "my first job in Leeds".
AUTHOR_CAREER = Gated(
    r"\b(?:i|i've|i'd|i'm|me|my)\b[^.!?]{0,40}?\b(?:qualified|trained|training|graduated|studied"
    r"|started out|began|worked|working|moved|emigrated|relocated|career|residency|fellowship"
    r"|internship|first job|first post|nursing school|med school|medical school|grew up|was born"
    r"|was raised)\b"
    r"|\b\d+\s+years\s+(?:of|in|as)\s+(?:nursing|medicine|midwifery|practice|healthcare|the nhs"
    r"|a nurse|a doctor|a midwife|a paramedic)\b",
    re.IGNORECASE,
)


def author_career(doc: Document, pos: int) -> bool:
    """Whether ``pos`` sits in the author's story of their own career, with no one else in it.

    The sentence at ``pos`` or the one before says "I qualified / trained / worked …", and
    the sentence at ``pos`` names no other person.
    """
    if someone_near(doc, pos):
        return False
    career = doc.sentences_with(AUTHOR_CAREER)
    if not career:
        return False
    starts = doc.sentence_starts
    i = max(bisect_right(starts, pos) - 1, 0)
    return any(starts[j] in career for j in (i, i - 1) if j >= 0)


OPENING_QUOTE = re.compile(r"(?<![\w'’])['‘\"“](?=\w)")
CLOSING_QUOTE = re.compile(r"(?<=\S)['’\"”](?!\w)")
DESCRIBING = re.compile(r"(?i)(?:the|a|an|that|this|some|my|our)\s")
# A quote holding a verb or a clause break is speech, not a described example.
SPEECH = re.compile(
    r"(?i)[,;:!?]|\b(?:is|was|are|were|has|had|be|been|says|said|needs|wants|will|can|do|does)\b"
)


def quoted_example(doc: Document, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside a short quoted description used as an example.

    "Instead of 'the 94-year-old in bed 3', write 'an older man'" and "'the patient in
    bed 4' is a person" quote a way of speaking: the quote opens with an article or a
    determiner. Speech ("'Bed 4 needs you', she said") does not.
    """
    text = doc.text
    low = max(0, start - 80)
    opening = None
    for m in OPENING_QUOTE.finditer(text, low, start):
        opening = m
    if opening is None or CLOSING_QUOTE.search(text, opening.end(), start):
        return False
    closing = CLOSING_QUOTE.search(text, end, min(len(text), end + 80))
    if closing is None or OPENING_QUOTE.search(text, end, closing.start()):
        return False
    quoted = text[opening.end() : closing.start()]
    return DESCRIBING.match(quoted) is not None and SPEECH.search(quoted) is None


TITLE_AT_END = re.compile(r"(?:^|\W)(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Fr|Rev)\.$")


def whole_sentence(doc: Document, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``, joined back across a title's full stop ("Mrs. Bello on …")."""
    spans = doc.sentences
    i = max(bisect_right(doc.sentence_starts, pos) - 1, 0)
    start, end = spans[i]
    while i > 0 and TITLE_AT_END.search(doc.text, max(0, spans[i - 1][1] - 6), spans[i - 1][1]):
        i -= 1
        start = spans[i][0]
    return start, end


# Place cues: the words around a place name that tie it to a person, or show it is none.

# A room's number taken as a thing, not a person's place: "Bay 4's call bell", "Ward 7 night team".
ROOM_AS_THING = Gated(
    r"(?:\s*(?:and|&|,)\s*(?:(?:bays?|beds?|rooms?)\s*)?\d{1,4}[A-Za-z]?)*\s+(?:is|are|will be|was"
    r"|were|has been|have been)\s+(?:closed|shut|reopen\w*|open (?:again|for)|out of (?:use|order"
    r"|action)|being (?:deep[- ])?(?:cleaned|replaced|repaired|refurbished|painted|renovated)"
    r"|(?:due|booked) for (?:a )?(?:deep )?(?:clean|repair|refurb)\w*)\b"
    r"|(?:'s|’s)?\s+(?:(?:night|day|nursing|ward|whole)\s+)?(?:team|staff|nurses|crew|rota|shift"
    r"|call bell|sink|door|window|toilet|heating|radiator|lights?|printer|computer|curtains?"
    r"|blinds?|ceiling|roof|leak|bins?|fridge|tap|floor|meeting|huddle|handover|party|outlet"
    r"|socket|plug|suction|oxygen|buzzer|tv|television|locker|whiteboard)\b",
    re.IGNORECASE,
)
# Someone in a room: a name or a word for a person just before "in room 6", "in bed 2".
PERSON_IN_ROOM = Gated(
    r"(?:\b([A-Z][^\W\d_]+)|\b(?i:lady|guy|gent|gentleman|man|woman|kid|boy|girl|bloke|chap"
    r"|fella|seeker|flyer|flier|regular|grandma|grandpa|nan|nana|granny|grandad|gran|auntie|uncle"
    r"|baby|toddler|teen|dad|mum|mom|mother|father|son|daughter|husband|wife|sweetheart|legend"
    r"|queen|king|angel|screamer|biter|wanderer))\s+(?:in|from|at)\s+$"
)
# Someone, or what happened to them, just before a ward: "she died this morning on 6 North".
WARD_PERSON_BEFORE = Gated(
    r"\b(?:he|she|they|him|her|his|mr|mrs|ms|mx|miss|dad|mum|mom|nan|patient|pt|died|passed"
    r"|admitted|transferred|moved|sent|discharged|went|is|was|were|been|stay(?:ed|ing)?|spent)\b"
    r"[^.!?]{0,40}$",
    re.IGNORECASE,
)
# Where someone lives or stays, just before a street or landmark: "at home on Hawthorne Street".
RESIDENCE_BEFORE = Gated(
    r"\b(?:home|house|flat|apartment|bungalow|cottage|farm|place|address|lives?|living|lived"
    r"|resides|stays?|staying)\s+(?:(?:just\s+)?(?:on|off|in|at|above|over|behind|near|by|next to"
    r"|opposite|beside)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# A first name just before a place: "Gary from Dublin".
NAMED_FROM = Gated(r"\b([A-Z][a-z]+)\s+(?:from|of)\s+$")
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
# "of" after a container or a kind is no place: "a tin of Roses", "a box of Quality Street".
CONTAINER_OF = Gated(
    r"\b(?:tin|box|bottle|bag|packet|cup|glass|pint|bar|slice|piece|jar|can|pack|bunch|bouquet"
    r"|kind|type|sort|taste|smell|lots?|bit|plate|bowl|tub|carton|case|crate|basket|hamper"
    r"|tray|dozen)\s+of\s+$",
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
# After "the" and a district, a verb ends the phrase too: "the Bogside saw", "the Gorbals brought".
DISTRICT_END = Gated(
    r"\s(?:saw|had|has|was|is|were|are|came|comes|brought|gave|told|asked|said|sent|made|left"
    r"|keeps|kept|next)\b"
)
# Words that make a bare saint's name a school or church, not a hospital.
SCHOOL_OR_CHURCH = Gated(
    r"\b(?:school|class|classroom|playground|pupils?|teachers?|taught|church|parish|mass"
    r"|congregation|choir|railings)\b",
    re.IGNORECASE,
)
WARD_TYPE = frozenset(
    """maternity surgical medical children's labour labor psychiatric coronary stroke renal
    cardiac acute assessment observation day general private isolation postnatal antenatal
    orthopaedic orthopedic geriatric dementia male female covid respiratory oncology cancer
    burns trauma emergency elderly care mental medicine surgery paediatric pediatric neonatal
    delivery recovery rehab rehabilitation hospice palliative infectious fever the our my this
    that a each every which whole same other busy quiet night old new open closed east west
    north south psych mother baby women's men's""".split()
)
EVERYDAY_PLACES = frozenset(
    """january february march april may june july august september october november december
    mobile reading bath nice independence orange commerce enterprise liberty union paradise
    eureka hope friendly university college rugby sale wells deal cork split""".split()
)

# A quoted patient's words and who said them: a testimonial, not the author's signature.
TESTIMONIAL = Gated(
    r"(?i:\b(?:testimonial|review|patient since|patient for|feedback|card from|wrote|writes)\b)"
    r"|[\"”’']\s*[-—–(]"
)


def cued_beyond(doc: Document, start: int, end: int) -> bool:
    """Whether a patient cue outside ``[start, end)`` ties the span to someone.

    As :meth:`Document.near_patient`, but a span's own word ("ward 5") is no cue for itself.
    """
    if doc.context.is_reply:
        return True
    if len(doc.text) <= SHORT_POST:
        low, high = 0, len(doc.text)
    else:
        i = max(bisect_right(doc.sentence_starts, start) - 1, 0)
        low, high = doc.sentences[max(i - 1, 0)][0], doc.sentences[i][1]
    window = doc.text[low:high]
    cues = (*PATIENT_CUES.finditer(window), *PERSON_TITLE.finditer(window))
    return any(not start <= low + c.start() < end for c in cues)
