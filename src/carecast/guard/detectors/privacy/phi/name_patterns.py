"""The wordings that put a patient's or relative's name in a post, and the words that show
a name found is no patient's (see ``name.py``)."""

from __future__ import annotations

import re

from carecast.guard.gate import Gated

HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Mx|Miss|Mister|Master|Mrs|Sr|Sra|Srta|Señora?|Senhora|Madame|Mme|Mlle"
    r"|Monsieur|Herr|Frau|Signora?|Mevrouw|Pani|Pan|Shri|Sri|Smt|Shrimati|Kumari)"
)
NAME_PART = r"(?:[A-Z][a-zà-ÿ]{0,30}(?:['’\-](?!s\b)[A-Za-zà-ÿ]{1,30}){0,3}|[A-Z]\.?(?:\s?[A-Z]\.){0,3})(?![\w])"
# One capitalised name word, without a possessive "'s": "O'Brien", "Anne-Marie".
NAME_WORD = r"[A-Z][a-zà-ÿ]+(?:['’\-](?!s\b)[A-Za-zà-ÿ]+)*"
PARTICLE = r"(?:(?:de|del|de la|van|von|der|da|di|le|la|bin|al|el|st\.?|mac|o')\s)?"
# No boundary before the honorific, so ``re`` can skip ahead to its first letters; the
# caller checks that no letter comes before it. The same holds for other patterns below.
HONORIFIC_NAME = Gated(rf"{HONORIFIC}\.?\s+(?:{PARTICLE}{NAME_PART})(?:\s+{PARTICLE}{NAME_PART})?")
# In lower case only the honorifics that are no everyday word elsewhere ("pan dulce").
HONORIFIC_LOWER = Gated(
    r"(?<![A-Za-z])(?i:mr|mrs|ms|mx|miss|mister|señora?|senora?|shri|smt)\.?\s+([a-zà-ÿ][a-zà-ÿ'\-]+)"
    r"|(?<![A-Za-z])(?i:mr|mrs|mx)\.?\s+([b-hj-z])(?![\w'’])"  # "saw mrs k again"
)
LABEL_NAME = Gated(r"\b([A-Z][A-Z'\-]{1,}),\s?([A-Z][A-Z'\-]+)(?:\s[A-Z]\.?)?\b")
RELATION = (
    r"(?:patients?|pts?|client|resident|kiddo|son|daughter|husband|wife|mom|mum|mother|dad|father"
    r"|brother|sister|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|granny|nana"
    r"|papa|mama|mummy|mommy|daddy|hubby|stepson|stepdaughter|stepmom|stepmum|stepdad|twin"
    r"|aunt|auntie|uncle|niece|nephew|cousin|baby|boy|girl|toddler|teen|neighbou?r"
    r"|partner|fianc[ée]e?|boyfriend|girlfriend|caregiver|widow|widower|friend|gentleman|lady"
    r"|guy|man|woman|little|big|named|called|nicknamed|goes by|known as|name is|name's|name was"
    r"|we call (?:him|her|them)|calls (?:himself|herself)|name:?(?=\s+[\"“'‘]))"
)
# The role word is found in the lower-cased text, the name after it in the text itself.
RELATION_CUE = Gated(rf"(?i)\b(?:{RELATION}),?\s+[\"“'‘]?(?:dr\.?\s+)?")
NAME_AFTER_CUE = re.compile(rf"{NAME_PART}(?:\s+[A-Z][a-zà-ÿ'\-]+(?!\w))?")
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
    r"|Paati|Thatha|Nani|Dadi|Ate|Kuya|Mzee|Bibi|Yaya|Alhaji|Alhaja|Madam|Iya|Mallam|Mazi|Nne"
    rf"|Manang|Manong|Nanay|Tatay|Bhabhi|Chacha|Chachi|Mausi|Dona)\s+({NAME_WORD})\b"
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
# Verbs of care whose object is a person: after these an unlisted word is a name too.
CARE_VERBS = frozenset(
    """admitted discharged treated intubated extubated resuscitated transferred delivered
    asking asked news update updates pray prayers praying""".split()
)
# Case-insensitive, so it runs on the lower-cased text; the caller checks the capital.
LOST_NAME = Gated(
    r"(?i)\b(lost|miss|remember|saw|met|treated|visited|admitted|discharged|hugged"
    r"|said goodbye to|mourn|mourns|honou?r|celebrate|congrats to|congratulations to"
    r"|prayers for|pray for|praying for|thinking of|proud of|intubated|extubated|resuscitated"
    r"|transferred|delivered|(?:asking|asked) about|news (?:on|about|of)|(?:an )?updates? on)"
    r"\s+(?:our\s+(?:patient|friend)\s+|(?:little|baby|sweet|dear|brave)\s+)?"
    r"([a-zà-ÿ]+(?:['’\-](?!s\b)[a-zà-ÿ]+)*)(?!\w)(?!\s+(?:and\s+)?(?:clinic|hospital|health))"
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
NAME_IN_ROOM = Gated(
    r"\b([A-Za-zà-ÿ][a-zà-ÿ'\-]+)\s+(?:in|on)\s+(?i:room|rm|bed|bay|cubicle|pod|side ?room|ward)"
    r"\s*#?\d"
)
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
    r"\b((?i:thank you|thanks|proud of you|congrats|congratulations|well done|good luck"
    r"|get well soon|hugs|love you|miss you|on the mend|feel better|welcome back|happy birthday))"
    r"\s+(?:to\s+)?([A-Z][a-zà-ÿ'\-]+)\s*(?=[.!?]|$|[^\w\s,]|,\s*who\b)"
)
# Wishes that are about the person's own health, so say they were cared for.
HEALTH_WISHES = frozenset({"get well soon", "on the mend", "feel better"})
# Words of a reply about the author's posts, not the person's care: "glad the tips helped".
ABOUT_POSTS = Gated(
    r"\b(?:tips?|questions?|info|information|advice|articles?|posts?|threads?|resources?"
    r"|videos?|reading|sharing|feedback|following)\b",
    re.IGNORECASE,
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
# Words before a public figure's name: "the actor Tom Hanks", "Senator Ruiz", "Prince Harry".
PUBLIC_BEFORE = Gated(
    r"\b(?:king|queen|prince|princess|president|senator|governor|congressman|congresswoman"
    r"|minister|chancellor|pope|sir|dame|actor|actress|singer|rapper|footballer|celebrity"
    r"|comedian|broadcaster|presenter|influencer|athlete|quarterback|tennis star|pop star)"
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
# A name the sentence gives an age: "Sipho, a 27-year-old", "Ada is the 8yo we saw".
# Found from the age back to the name, which ``NAME_BEFORE_AGE`` reads.
AGE_AS_NOUN = Gated(
    r"(?<!\d)\d{1,3}[- ]?(?:y/?o|yo|-?years?[- ]old|months?[- ]old|weeks?[- ]old|yrs?[- ]old)\b"
)
# An age before a name: "7-year-old Mateo", "our 94 year old Doris".
AGE_BEFORE_NAME = Gated(
    r"(?<!\d)\d{1,3}[- ]?(?:-?years?|months?|weeks?|yrs?)[- ]old\s+([A-Z][a-zà-ÿ'\-]+)(?!\s?[A-Z])"
)
NAME_BEFORE_AGE = re.compile(
    r"\b([A-Z][a-zà-ÿ'\-]+)(?:,\s*|\s+(?:is|was)\s+)(?:a|an|the|our|my)\s+$"
)
# A person's relative named through them: "Chidi's mum rang", "Kemi's husband".
# Found from the kin word back to the name, which ``NAME_BEFORE`` reads.
KIN_POSSESSIVE = Gated(
    r"['’]s\s+(?i:mum|mom|mam|mammy|mama|mother|dad|father|papa|parents"
    r"|wife|husband|son|daughter|grandma|gran|granny|nan|nana|grandpa|grandad|grandmother"
    r"|grandfather|sister|brother|partner|carer|caregiver|auntie|aunty|uncle|kids|children)\b"
)
# A surname naming a patient's record: "the Kowalski account", "the Osei chart".
RECORD_NAME = Gated(
    r"\b(?i:the)\s+([A-Z][a-zà-ÿ']+(?:-[A-Z][a-zà-ÿ']+)?)\s+(?i:account|chart|file|notes"
    r"|record|records|referral|paperwork|bill)\b"
)
# A hashtag rallying round one person: "#PrayForKemi", "#TeamTobi", "#JoStrong".
TAG_NAME = Gated(
    r"#(?:PrayFor|PrayingFor|PrayersFor|Pray4|Team|JusticeFor|Justice4|LoveFor|Go)"
    r"([A-Z][a-zà-ÿ]+)(?![a-zà-ÿ])|#([A-Z][a-zà-ÿ]+)(?:Strong|Fights|Warrior)\b"
)
# Someone spoken to about their own or their family's care: "Femi, your dad's scan was
# clear", "Tomás, saw your labs".
KIN_OR_CARE = (
    r"(?:mum|mom|mam|mother|dad|father|wife|husband|son|daughter|baby|little one|grandma"
    r"|grandpa|gran|granny|nan|nana|grandad|sister|brother|partner|family|kids"
    r"|labs?|results?|scans?|bloods|blood work|meds|medications?|surgery|op|operation"
    r"|appointment|biopsy|x-?rays?|mri|tests?|diagnosis|treatment|chemo|recovery|recheck"
    r"|follow-?up|check-?up|a1c|prescription|stitches|cast|wound|bump|pregnancy)"
)
# Found from "your ..." back to the name, which ``VOCATIVE_BEFORE`` reads.
YOUR_VOCATIVE = Gated(rf"(?i)your(?<=\byour)\s+(?:\d+[- ]?\w+\s+)?(?:{KIN_OR_CARE})\b")
VOCATIVE_BEFORE = re.compile(r"\b([A-Z][a-zà-ÿ'\-]+),\s+(?:[^.!?\n,]{0,40}?\s)?$")
NAME_BEFORE = re.compile(r"\b([A-Za-zà-ÿ][a-zà-ÿ'\-]+)$")
# The person's own visit or results, said to them: "your 6-week check", "your scan".
YOUR_CARE = Gated(
    r"(?i)your(?<=\byour)\s+(?:\d+[- ]?(?:week|month|day|year)s?[- ])?(?:check|checkup|check-up"
    r"|appointment|visit|scan|op|surgery|results?|labs?|bloods|meds|recheck|follow-?up|review"
    r"|biopsy|chemo|treatment|delivery|discharge|stay)\b"
)
# A companion named to the person spoken to: "lovely to see you and Ciarán".
YOU_AND = Gated(rf"\b(?i:you|u)\s+(?:and|&)\s+({NAME_WORD})(?![\w'’])")
# A caller naming themselves in quoted speech: "'hi it's Doreen, call me back'".
SELF_NAMED = Gated(
    r"[\"'“‘]\s*(?i:hi|hello|hey|hiya)[,!]?\s+(?i:it's|it’s|its|it is|this is)\s+"
    r"([A-Za-zà-ÿ][a-zà-ÿ'\-]+)"
)
# A phone number, and the one or two capitalised words right before it.
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.\-]?)?\(?\d{2,5}\)?[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}(?![\w])"
)
NAME_BEFORE_PHONE = re.compile(
    r"(?:^|(?<=[\s\"'“‘(]))([\"'“‘]?)((?:[A-Z][a-zà-ÿ'\-]+\s+)?[A-Z][a-zà-ÿ'\-]+)\s*[:,\-–]?\s*$"
)
FREEPHONE = ("0800", "0808", "0300", "0345", "0333", "1800", "800", "888", "877", "866", "855")
# The local part of an e-mail address that spells a name: "tobi.adeyemi@", "kemi_o@".
EMAIL_NAME = re.compile(r"(?<![\w.])([A-Za-z]{3,})(?:[._\-]([A-Za-z]{3,}))?[\w.\-]*@[\w\-]+\.\w")
# Credentials after a name mark a signature or staff bio: "Grace Obi, RN, CDE".
CREDENTIALS = re.compile(
    r"\s*,?\s*\(?(?:MD|DO|RN|NP|PA-C|PA|PT|DPT|RPh|PharmD|RD|RDN|LD|CDE|CDCES|LPN|LVN|BSN|MSN"
    r"|DNP|FNP(?:-C)?|APRN|CNM|CRNA|PhD|MBBS|MBChB|MRCP|MRCGP|FRCP|FRCS|FACP|FAAFP|FAAP|MPH"
    r"|DC|OD|DDS|DMD|LCSW|LMFT|LPC|OTR(?:/L)?|OT|SLP|CCC-SLP|EMT(?:-P)?|NRP|IBCLC|RM|RGN|RMN"
    r"|CNS|CCRN|ANP|PsyD|BPharm|MPharm|MRPharmS|RNutr|RSCN|BDS|MCh|FRACP|FRCPC|CCFP)\b(?! NOT\b)"
)
# Words after a name that show it is spoken of as a word: "Lola is the Tagalog word for".
WORD_FOR = re.compile(
    r"\s+(?:is|means)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,2}(?:word|term|nickname)\s+for\b"
)
# The author speaking of themselves: "my name is Ada", "I'm Tunde, a pharmacist".
SELF_BEFORE = re.compile(r"(?:\bmy name is|\bmy name's|\bi'm|\bi am|\bcall me)\s*[\"'“‘]?$")
# Words that say the people in a story are invented or renamed.
FICTION = Gated(
    r"\b(?:fictional|fictitious|hypothetical|imaginary|pseudonyms?|made-up|teaching case"
    r"|case vignette|vignette|(?:fake|dummy|sample|made up|invented|composite)"
    r" (?:data|names?|patients?|labels?|records?|charts?|cases?|examples?|characters?|story)"
    r"|(?:names?|details) (?:have been |has been |were |was |are )?(?:changed|altered)"
    r"|not (?:his|her|their) real name)\b",
    re.IGNORECASE,
)
# A year long past ("in 1855", "(1906)"): names beside it belong to medical history.
OLD_YEAR = Gated(
    r"(?<!born )\b(?:in|since|by|circa|around|during|until|before|after)\s+"
    r"(?:1[5-8]\d|19[01])\d\b(?![\-/:.]\d)|\((?:1[5-8]\d|19[01])\d\)"
)
# Words after a surname that make it the name of a disease, sign or test ("Addison's disease").
EPONYM_AFTER = re.compile(
    r"['’]?s?\s+(?:disease|syndrome|sign|palsy|score|scale|test|maneuver|manoeuvre|criteria"
    r"|reflex|phenomenon|classification|ulcer|procedure|operation|repair|fracture|node|cells?"
    r"|gland|duct|lymphoma|sarcoma|tumou?r|contractions|crisis|triad)\b"
)
# Words that tie a surname to the disease, sign or test it names.
NAMED_FOR = Gated(
    r"\b(?:described|first described|named (?:after|for)|gave (?:his|her|their) name"
    r"|eponyms?|eponymous|discovered|pioneered)\b",
    re.IGNORECASE,
)
INITIALS_ONLY = re.compile(r"(?:[A-Z]\.\s?){2,4}$|(?:[A-Z]\.){1,3}[A-Z]$")
# After initials, an age or a bed says whose they are: "K.L., 68," "J.B. in bed 4".
AFTER_INITIALS = re.compile(r",?\s*\(?\d{1,3}\b(?![:.]\d)|\s+in\s+(?:room|rm|bed|bay)\b", re.I)
SLOT_AFTER = re.compile(r",?\s+\d{1,2}[:.]\d\d\b")  # "A. Byrne, 10:30": an appointment list
SIGNED_BEFORE = re.compile(r"(?:^|[(—–~]|\s-)\s*$")  # "(R. Feldman, patient since 2009)"
POSSESSIVE = re.compile(r"['’]s?(?=\s)")
INITIALS_CUE = re.compile(r"\b(?:pt|patient|client|resident|mr|mrs|ms|baby)\.?,?\s*$")
# In a reply, a capitalised word standing alone in its clause: "Great news, Femi!"
REPLY_VOCATIVE = re.compile(
    r"(?:^|[,!.]\s*|\b(?:hi|hey|thanks|congrats|dear)\s+)([A-Z][a-zà-ÿ]+)\b(?=\s*[,!.]|\s*$)"
)
# A reply that declines to discuss care or moves it off the public thread.
REDIRECT = Gated(
    r"\b(?:(?:can't|cannot|can not|unable to|not able to)\s+(?:discuss|give|share|comment"
    r"|confirm|advise)|(?:dm|message|email|call|ring|phone|contact)\s+us|privately"
    r"|(?:don't|do not)\s+(?:share|post)|for questions about)\b",
    re.IGNORECASE,
)
# The author met the person replied to: "lovely to see you", "met you at the clinic".
MET_YOU = Gated(r"\b(?:see|seeing|saw|seen|meet|meeting|met)\s+(?:you|u)\b", re.IGNORECASE)
# Stand-ins for a name in examples, forms and unidentified patients: "Jane Doe",
# "Joe Bloggs", "John Q. Public", "Baby Boy Unknown", "A. Sample".
PLACEHOLDER_NAMES = frozenset(
    """doe roe bloggs public citizen sample unknown unnamed anonymous anon example placeholder
    nobody dummy test testpatient""".split()
)
# Words that label a phone number rather than name its owner: "Mobile 07700 900123".
PHONE_LABELS = frozenset(
    """call tel telephone phone mobile mob cell home work office ext fax text ring whatsapp
    contact number no helpline line hotline landline emergency on at mum mom dad wife husband
    son daughter nan gran sister brother reception pharmacy clinic surgery ward""".split()
)
# Titles that make the name after them a public figure's ("King Charles", "Sir Chris").
PUBLIC_TITLES = frozenset(
    "king queen prince princess president senator governor pope sir dame lord saint st".split()
)
# A toy's or a pet's name: "a teddy named Mr. Buttons", "our ward cat called Miss Whiskers".
NAMED_THING_BEFORE = Gated(
    r"\b(?:teddy|teddy bear|bear|doll|toy|plush|plushie|soft toy|cat|dog|puppy|kitten|pet|rabbit"
    r"|bunny|hamster|goldfish|fish|parrot|budgie|tortoise|horse|pony|robot|mascot|dummy|mannequin"
    r"|manikin|skeleton)\s+(?:named|called|nicknamed)\s+$",
    re.IGNORECASE,
)
