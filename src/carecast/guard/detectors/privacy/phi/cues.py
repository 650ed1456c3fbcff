"""Cues the PHI detectors share: words that tie a detail to a patient, and word lists."""

from __future__ import annotations

import re

from carecast.guard.document import Document
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
    r"|we had (?:him|her)|on our table|paramedics|ambulance)\b",
    re.IGNORECASE,
)


def near_person(doc: Document, pos: int) -> bool:
    """Whether the text around ``pos`` speaks of a patient or of one person met at work.

    As :meth:`Document.near_patient`, with :data:`PERSON_WORDS` as cues too.
    """
    return doc.near_patient(pos) or doc.near(pos, doc.sentences_with(PERSON_WORDS))
