"""The wordings that put a patient's or relative's name in a post (see ``name.py``)."""

from __future__ import annotations

import re

from carecast.guard.gate import Gated

HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Mx|Miss|Mister|Master|Mrs|Sr|Sra|Srta|Señora?|Senhora|Madame|Mme|Mlle"
    r"|Monsieur|Herr|Frau|Signora?|Mevrouw|Pani|Pan|Shri|Sri|Smt|Shrimati|Kumari)"
)
NAME_PART = r"(?:[A-Z][a-zà-ÿ]{0,30}(?:['’\-](?!s\b)[A-Za-zà-ÿ]{1,30}){0,3}|[A-Z]\.?(?:\s?[A-Z]\.){0,3})(?![\w])"
PARTICLE = r"(?:(?:de|del|de la|van|von|der|da|di|le|la|bin|al|el|st\.?|mac|o')\s)?"
HONORIFIC_NAME = Gated(
    rf"(?<![A-Za-z]){HONORIFIC}\.?\s+(?:{PARTICLE}{NAME_PART})(?:\s+{PARTICLE}{NAME_PART})?",
)
HONORIFIC_LOWER = Gated(rf"(?<![A-Za-z])(?i:{HONORIFIC})\.?\s+([a-zà-ÿ][a-zà-ÿ'\-]+)")
LABEL_NAME = Gated(r"\b([A-Z][A-Z'\-]{1,}),\s?([A-Z][A-Z'\-]+)(?:\s[A-Z]\.?)?\b")
RELATION = (
    r"(?:patients?|pts?|client|resident|kiddo|son|daughter|husband|wife|mom|mum|mother|dad|father"
    r"|brother|sister|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|granny|nana"
    r"|papa|mama|mummy|mommy|daddy|hubby|stepson|stepdaughter|stepmom|stepmum|stepdad|twin"
    r"|aunt|auntie|uncle|niece|nephew|cousin|baby|boy|girl|toddler|teen|neighbou?r"
    r"|partner|fianc[ée]e?|boyfriend|girlfriend|caregiver|widow|widower|friend|gentleman|lady"
    r"|guy|man|woman|little|big|named|called|nicknamed|goes by|known as|name is|name's|name was"
    r"|we call (?:him|her|them)|calls (?:himself|herself))"
)
RELATION_NAME = Gated(
    rf"\b(?i:{RELATION}),?\s+[\"“']?(?:Dr\.?\s+)?({NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+(?!\w))?)",
)
WEAK_RELATIONS = frozenset("little big guy man woman lady gentleman friend boy girl".split())
TITLE_NAME = Gated(
    r"\b(?:Mayor|Coach|Pastor|Father|Sister|Brother|Officer|Judge|Senator|Sheriff|Chief|Captain"
    r"|Abuela|Abuelo|Tia|Tio|Nonna|Nonno|Babcia|Oma|Opa|Bubbe|Zayde|Lola|Lolo|Auntie|Aunt|Uncle"
    r"|Grandma|Grandpa|Granny|Nana|Papa|Baby|Señor|Señora)\s+"
    rf"({NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+(?!\w))?)"
)
# Kinship honorifics used only before a personal name: "Aunty Funmi", "Baba Jide", "Tita Baby".
KIN_TITLE = Gated(
    r"\b(?:Aunty|Auntie|Uncle|Baba|Mama|Mma|Tita|Tito|Lola|Lolo|Abuela|Abuelo|Tía|Tío|Nonna|Nonno"
    r"|Babcia|Dziadek|Oma|Opa|Bubbe|Zayde|Granny|Grandma|Grandpa|Mamá|Papá|Doña|Ammi|Amma|Appa"
    r"|Paati|Thatha|Nani|Dadi|Ate|Kuya|Mzee|Bibi|Yaya)\s+([A-Z][a-zà-ÿ'\-]+)\b"
)
FAMILY_NAME = Gated(
    r"\b(?i:the)\s+([A-Z][a-zà-ÿ']+(?:-[A-Z][a-zà-ÿ']+)?)\s+(?i:family|household|kids|twins|triplets|boys|girls)\b"
)
AFTER_ROOM = Gated(rf"\b(?i:room|rm|bed|bay)\.?\s*\d+[A-Za-z]?,?\s+({NAME_PART})")
VOCATIVE = Gated(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-zà-ÿ'\-]+),\s+(?=(?i:you|your|you're|i|i'm|we|so|thank|thanks"
    r"|glad|congrat\w*|welcome|happy|sorry|please|hope|with|we're|what|how)\b)"
    r"|,\s+([A-Z][a-zà-ÿ'\-]+)\s*(?=[.!?]|$|[^\w\s,'’\-])",
)
FROM_PLACE = Gated(r"\b([A-Z][a-zà-ÿ'\-]+)\s+from\s+(?:[A-Z][a-z]+|\d{5})")
LOST_NAME = Gated(
    r"\b(?:lost|miss|remember|saw|met|treated|visited|admitted|discharged|hugged|said goodbye to"
    r"|mourn|mourns|honou?r|celebrate|congrats to|congratulations to|prayers for|pray for"
    r"|thinking of|proud of)\s+(?:our\s+(?:patient|friend)\s+)?([A-Z][a-zà-ÿ'\-]+)(?!\w)(?!\s+(?:and\s+)?(?:Clinic|Hospital|Health))"
)
APPOSITION = Gated(
    r"\b([A-Z][a-zà-ÿ'\-]+),\s+(?:the|a|an|our|my)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:lady|man|woman|gentleman|patient|pt|boy|girl|kid|teen|farmer|veteran|widow|widower|retiree"
    r"|grandmother|grandfather|mom|dad|mother|father|resident|toddler|baby|nurse|teacher|firefighter)\b"
)
FIRST_INITIAL = Gated(r"\b([A-Z][a-zà-ÿ'\-]+)\s([A-Z])\.(?=\s|,|$)")
RELATION_LOWER = Gated(r"\b(?i:patient|pt|saw|named|nicknamed|client)\s+([a-z][a-z'\-]+)\b")
NAME_AGE = Gated(
    rf"\b({NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+)?)\s?(?:,|\()\s?(?:a |an |age |aged )?\d{{1,3}}"
    r"\s?(?:y/?o|yo|yrs?|years?|[MF]\b|,|\))"
)
NAME_IN_ROOM = Gated(r"\b([A-Z][a-zà-ÿ'\-]+)\s+in\s+(?i:room|rm|bed|bay|cubicle|pod)\s*#?\d")
NEWBORN = Gated(r"\bBaby\s+(?:Boy|Girl)\s+[A-Z][a-zà-ÿ'\-]+(?:-[A-Z][a-zà-ÿ'\-]+)?")
INITIAL_SURNAME = Gated(
    r"(?<![\w.])[A-Z]\.\s?([A-Z][a-zà-ÿ]*(?:['’\-][A-Za-zà-ÿ]+)*)(?![\w.])(?!\s+et al)"
)
KIN_AFTER = Gated(
    r"\b([A-Z][a-zà-ÿ'\-]+)\s+(?:uncle|aunty|auntie|ji|bhai|didi|nana|nani|dadi|amma|appa)\b"
)
PAIR_BEFORE = re.compile(r"([A-Z][a-zà-ÿ'\-]+)\s+(?:and|&)\s+$")
# After thanks or a wish, a capitalised word closing the sentence is the person spoken to.
WISH_NAME = Gated(
    r"\b(?i:thank you|thanks|proud of you|congrats|congratulations|well done|good luck|get well soon"
    r"|hugs|love you|miss you|on the mend|feel better|welcome back|happy birthday)\s+"
    r"([A-Z][a-zà-ÿ'\-]+)\s*(?=[.!?]|$|[^\w\s,])"
)
INITIALS = Gated(r"\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?!\w)")
NARRATIVE_VERBS = frozenset(
    """came comes was is had has presented presents told asked said got went died passed
    showed walked arrived called messaged needed needs complained reported started stopped
    refused admitted coded fell broke delivered gave needed wanted cried laughed smiled
    tested spent underwent finished finishes survived beat lost remembers remembered
    brought brings lives lived will would could can did does couldn't didn't won't""".split()
)
HEALTH_POSSESSIONS = frozenset(
    """story journey fight battle mom mum dad wife husband daughter son family chemo surgery diagnosis labs results
    scan tumor tumour cancer treatment recovery kidney heart liver lungs baby pregnancy
    meds medication appointment visit biopsy mri birthday funeral room bed ear ears eye eyes
    leg legs arm arms knee knees hip hips back foot feet hand hands wrist ankle tooth teeth
    appendix lip cleft repair operation stitches cast wound scar cough fever rash infection
    therapy dialysis transplant delivery birth bloods labwork""".split()
)
PROVIDER_BEFORE = Gated(
    r"(?:\bdr\.?|\bdoctor|\bnurse|\bprof\.?|\bprofessor|\bnp|\bpa-c|\brn|\bcolleague"
    r"|\bsurgeon|\bpharmacist|\btherapist|\bthanks to|\bshout-?out to|\bwelcome|\bcongrat\w*)"
    r"\s*,?\s*$"
)
ORG_AFTER = Gated(
    r"\s*(?:'s\s+)?(?:clinic|hospital|cent(?:er|re)|institute|foundation|university|college"
    r"|school|medical|health|memorial|disease|syndrome|sign|palsy|score|scale|test|maneuver"
    r"|manoeuvre|criteria|protocol|method|street|st\b|avenue|ave\b|road|rd\b|park|county|award"
    r"|prize|fund|act\b|law\b|lymphoma|sarcoma|tumou?r|reflex|phenomenon|classification|ulcer"
    r"|procedure|operation|repair|fracture|node|cell|cells|gland|duct|pharmacy|pharmaceuticals"
    r"|inc\b|llc\b|group|trust|society|association|children's|general|regional|valley|lake)",
    re.IGNORECASE,
)
