"""``privacy.phi.other``: any other detail that singles a patient out.

A unique role ("the mayor's wife", "the town's only female firefighter", "the retired
surgeon"), a deed, a job or a business a town knows someone by ("the guy who crashed his
tractor into the store", "runs the pub by the green"), a distinctive look or mark (a
tattoo, a blue mohawk), biometrics or a full-face photo, a home's door code or network
name, a newsworthy event ("the twins born in the elevator"), and a reply that confirms
the person it answers is a patient ("since your visit with us").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.detectors.privacy.phi.cues import about_care, near_person, someone_near
from carecast.guard.detectors.privacy.phi.name_lists import care_near
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
    r"|principal|headteacher|headmaster|headmistress|superintendent|pastor|priest|vicar|rabbi"
    r"|imam|bishop|coach|quarterback|captain|police chief|fire chief|news anchor|weatherman"
    r"|weather ?woman|judge|ceo|celebrity|influencer|singer|rapper|actor|actress|athlete"
    r"|olympian|champion|firefighter|female firefighter|nun|monk|war hero|twin|triplet"
    r"|deputy sheriff|postmaster|postmistress|lollipop (?:lady|man)|crossing guard)"
)
# Roles many people hold: they single someone out only with a modifier ("the club president",
# "the village butcher"), never alone ("the president signed").
SHARED_ROLE = (
    r"(?:owner|president|chair(?:man|woman)?|secretary|treasurer|vet|lawyer|solicitor|banker"
    r"|teacher|headteacher|professor|librarian|chef|butcher|baker|publican|landlord|landlady"
    r"|farmer|fisherman|postman|postwoman|mechanic|barber|hairdresser|engineer|pilot|architect"
    r"|officer|detective|soldier|sergeant|colonel|admiral|shopkeeper|grocer|florist|blacksmith)"
)
# Clinicians are colleagues unless they have left the job: "the retired surgeon".
CLINICIAN_ROLE = (
    r"(?:surgeon|doctor|gp|dentist|pharmacist|nurse|midwife|paramedic|physician|consultant"
    r"|matron|physio|anaesthetist|anesthetist)"
)
# A one-off event that marks the person it happened to: "the guy who jumped off the bridge".
DEED = (
    r"(?:jumped|crashed|drove|rode|fell|won|swallowed|collapsed|climbed|survived|escaped|rescued"
    r"|swam|sailed|rowed|cycled|skydived|parachuted|hitchhiked|delivered (?:his|her) own"
    r"|saved|robbed|flipped|rolled|sank|capsized|streaked|set (?:fire|himself|herself)|blew up"
    r"|got (?:his|her|their|stuck|trapped|struck|bitten|hit|shot|stabbed|lost|locked)"
    r"|was (?:struck|bitten|hit|shot|stabbed|rescued|pulled|found|trapped|attacked|mauled"
    r"|airlifted|trampled|gored|buried|electrocuted)|went viral|made the news|broke the record)"
)
PERSON_NOUN = (
    r"(?:guy|lady|man|woman|kid|boy|girl|bloke|fella|gent|chap|teen|teenager|lad|lass|couple"
    r"|dad|mum|mom|grandma|grandpa|granny|grandad|nan|toddler|baby|driver|cyclist|biker|hiker"
    r"|aunty|auntie|aunt|uncle|mama|papa|lola|lolo"
    r"|climber|swimmer|surfer|jogger|runner|student|one|patient|pt)"
)
# What marks a person's look: "the one with the blue mohawk".
LOOK = (
    r"(?:mohawk|mullet|dreadlocks|dreads|beard|moustache|mustache|handlebar|piercings?"
    r"|(?:blue|green|pink|purple|red|orange|rainbow|neon|bleached|silver) hair|face tattoos?"
    r"|tattoos?|eye ?patch|top hat|cowboy hat|kilt|cape|monocle|parrot|pet snake)"
)
BODY_PART = (
    r"(?:forearm|arm|chest|neck|back|knuckles|fingers|hand|wrist|face|forehead|cheek|leg|calf"
    r"|thigh|shoulder|ribs|ankle|foot|feet|head|scalp|stomach|belly|hip|lip)"
)
BUSINESS = (
    r"(?:pub|inn|shop|store|farm|fell|fields?|land|bakery|cafe|café|chippy|garage|post office|bar"
    r"|hotel|b&b|campsite|stables|kennels|stall|newsagents?|salon|restaurant|takeaway|diner|dairy"
    r"|orchard|vineyard|mill|allotment|smallholding|surgery|pharmacy|chemist|butchers?|barbers?)"
)
JOB = (
    r"(?:head chef|sous chef|chef|cook|baker|butcher|barber|hairdresser|mechanic|plumber"
    r"|electrician|manager|owner|barman|bartender|barista|waiter|waitress|receptionist|cleaner"
    r"|caretaker|janitor|porter|security guard|bouncer|dj|lifeguard|bus driver|taxi driver"
    r"|lorry driver|truck driver|pilot|teacher|headteacher|librarian|pastor|vicar|priest|imam"
    r"|rabbi|postman|postwoman|landlord|landlady|publican|shopkeeper)"
)
MODIFIER = (
    r"(?:local|only|famous|well-known|beloved|retired|former|ex-|new|star|high[ -]school|town"
    r"|city|county|village|club|school|parish|church|deputy|head|chief)"
)
# What makes a shared role one person's: the village's, the club's, or one who has retired.
OWNING = (
    r"(?:local|only|famous|well-known|retired|former|ex-|high[ -]school|town|city|county|village"
    r"|club|school|parish|church|island)"
)
UNIQUE = Gated(
    rf"\b(?:(?:the|our|a local|a famous|a well-known|our town's|the town's|the county's)"
    rf"\s+(?:{MODIFIER}\s*){{0,2}}{ROLE}(?:'s\s+(?:wife|husband|son|daughter|mother|father|mom|dad|kid|child))?"
    rf"|(?:the|our|a local|a famous|a well-known)\s+(?:(?-i:[A-Z])[\w\-]+\s+){{0,2}}(?:{OWNING}\s*){{1,2}}{SHARED_ROLE}\b"
    rf"|(?:the|our|a)\s+(?:(?-i:[A-Z])[\w\-]+\s+){{0,2}}(?:retired|former|ex-)\s*{CLINICIAN_ROLE}\b"
    rf"|the\s+(?:only|last|first|oldest|youngest)\s+(?:[\w'\-]{{1,30}}\s+){{1,4}}?(?:in|at|on|of|to|from)\s+(?:(?:our|the|this|his|her|their)\s+)?[\w'\-]{{1,30}}"
    rf"|(?:the|our|this)\s+(?:town|city|county|village|school|island|church|parish|valley|hospital"
    rf"|practice|ward|unit|street|estate|team)'s\s+(?:only|last|first|oldest|youngest|favou?rite"
    rf"|beloved|famous|best-known|longest-serving)\s+[\w\s'\-]{{3,40}}?(?=[,.;!?]|\s(?:who|came|was|is|has|had|admitted)\b)"
    rf"|the\s+(?:[\w\-]+\s+){{0,3}}{ROLE}\s+who\s+[^,.;!?]{{3,50}}"
    rf"|the\s+(?:[\w\-]+\s+){{0,2}}{ROLE}\s+(?:of|for)\s+the\s+(?:(?-i:[A-Z])[\w'\-]+"
    rf"(?:\s+(?-i:[A-Z])[\w'\-]+){{0,2}}|band\b[^,.;!?]{{0,40}})"
    # a person from an event: "the patient from the school bus crash"
    rf"|the\s+{PERSON_NOUN}s?\s+(?:from|in|of)\s+(?:the|that|last night's|yesterday's|\w+day's)"
    rf"\s+(?:[\w'\-]+\s+){{0,3}}{EVENT}"
    # a look: "the one with the blue mohawk"
    rf"|the\s+{PERSON_NOUN}\s+with\s+(?:the|a|an|that)\s+(?:[\w\-]+\s+){{0,2}}{LOOK}\b"
    # a tattoo sleeve, or words inked on the body: "'Yalla habibi', inked on his forearm"
    rf"|(?:full|half|tattoo|tattooed)[ \-](?:[\w\-]+\s+){{0,2}}sleeves?\b"
    rf"|(?:['‘\"“][^'’\"”]{{2,40}}['’\"”],?\s+)?(?:inked|tattooed)\s+(?:on|across|along|down|into|onto)"
    rf"\s+(?:his|her|their|the)\s+(?:(?:left|right|upper|lower|inner)\s+)?{BODY_PART}"
    # an Olympian: "a former Olympic fencer"
    rf"|(?:(?:a|the|an)\s+)?(?:(?:retired|former|ex-)\s*)?(?-i:Olympic|Paralympic|Commonwealth Games)"
    rf"\s+(?:gold\s+|silver\s+|bronze\s+)?(?:[a-z]+(?:er|ist|or)|{ATHLETE})\b"
    # codes to a home: "front door code was 1964", "key safe code 4471"
    rf"|(?:front door|back door|door|gate|key ?safe|key box|lock ?box|alarm|garage|entry|access"
    rf"|building)\s+code\s*(?:is|was|:)?\s*\d{{3,8}}\b"
    # a home network's name: "home wifi name: TheGrahamsOnWillowLane"
    rf"|(?:wi-?fi|network|ssid|router)(?:\s+name)?\s*(?:(?:is|was)\s+(?:called|named)|is|was|:|called"
    rf"|named)\s*[\"'“‘]?[\w\-]{{6,40}}"
    # someone's relative seen in a video: "that was YOUR grandma in the video"
    rf"|(?:that was\s+)?(?:your|his|her|their)\s+(?:grandma|grandpa|granny|grandad|nan|mum|mom|dad"
    rf"|mother|father|wife|husband|son|daughter|sister|brother|aunt|uncle|baby)\s+in\s+(?:the|that|this|our)"
    rf"\s+(?:video|photo|picture|pic|clip|reel|tiktok|footage)"
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
    rf"|(?:photo|picture|pic|selfie|video|footage|clip)s?\s+(?:w/|with|showing|shows?)\s+(?:his|her|their|the (?:patient|pt)'s)"
    rf"\s+(?:full\s+)?face|before\s*/\s*after|before[ \-](?:and|&)[ \-]after\s+(?:photos?|pics?|pictures?|shots?))",
    re.IGNORECASE,
    split=True,
)
# A person known around town by a deed, a job or a business they run: unique in a post
# about care, ordinary talk in any other post.
COMMUNITY = tuple(
    Gated(pattern, re.IGNORECASE)  # one pattern each: each is gated on its own words
    for pattern in (
        # one person singled out by a deed: "the lady who won the county pie contest"
        rf"\bthe\s+(?:[\w\-]+\s+){{0,2}}{PERSON_NOUN}\s+(?:who|that)\s+(?:just\s+|once\s+)?{DEED}"
        rf"[^,.;!?]{{0,60}}?(?=[,.;!?]|\s+(?:is|was|has|had|came|comes|wants|says|said|sends|just"
        rf"|now|today|yesterday|tonight|this|last|on|and)\b|$)",
        # a job at a named place: "head chef at a seafood place in Sea Point"
        rf"\b{JOB}\s+(?:at|of)\s+(?:a|the)\s+(?:[\w'\-]+\s+){{0,3}}?(?:in|on)\s+(?-i:[A-Z])[\w'\-]+"
        r"(?:\s+(?-i:[A-Z])[\w'\-]+)?",
        # runs or farms one place: "farms the fell above the church", "runs the pub by the green"
        r"\b(?:farms|runs|ran|owns|owned|keeps|kept|manages|managed|farmed)\s+the\s+"
        rf"(?:[\w'\-]+\s+){{0,2}}?{BUSINESS}\s+(?:above|below|behind|beside|next to|opposite|near"
        r"|by|on|in|at the end of)\s+(?:the\s+)?[\w'\-]+",
        # sells in one spot: "the aunty who sells akara by the bus stop"
        r"\b(?:sells|sold|selling)\s+(?:[\w'\-]+\s+){1,3}?(?:by|at|outside|near|opposite|beside"
        r"|in front of)\s+the\s+(?:[\w'\-]+\s+){0,2}[\w'\-]+",
    )
)
# Someone named as a patient, in any post: "Mrs. Lindqvist ... is a patient of ours",
# "Tomás, saw your labs this morning".
CONFIRMS = Gated(
    r"(?:(?-i:[A-Z])[\w'\-]+|\b(?:he|she))(?:,[^,.;!?]{1,90},)?\s+((?:is|was)\s+(?:a (?:patient|client)"
    r" of (?:ours|mine)|one of (?:our|my) (?:[\w\-]+ )?(?:patients|clients)))\b"
    r"|\b((?:we|i) missed you at your (?:[\w\-]+ ){0,2}(?:session|appointment|appt|check|check-?up"
    r"|follow-?up|visit|scan|review|class|infusion|treatment|jab|vaccination|smear))\b"
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
    r"|at your last (?:visit|appointment|appt)|as we discussed"
    r"|your (?:visit|appointment|surgery|procedure|delivery|biopsy|infusion|chemo) with us"
    r"|(?:is|was|are) (?:a |one of our |our )?patients? (?:of ours|here|with us)|already with us"
    r"|you (?:were|are) (?:the|a|our|one of our) (?:[\w\-]+ ){0,2}patients? (?:on|in|at|of) (?:our|the)"
    r" (?:unit|ward|clinic|practice|surgery|hospital|floor|team)"
    r"|(?:see|saw|seeing|seen) (?:you|u)(?: and [\w'’\-]+)? (?:at|in) (?:(?:the|your|ur) )?"
    r"(?:\d+[ \-]?week |[\w\-]+ )?(?:scan|appointment|appt|check|check-?up|follow[ \-]?up|clinic|class"
    r"|session|review|visit|surgery|the practice)"
    r"|trusting us with (?:your|ur) (?:care|health|surgery|treatment|baby|delivery|recovery)"
    r"|(?:looking|looked|look) after (?:you|your (?:husband|wife|partner|mum|mom|dad|mother|father"
    r"|son|daughter|baby|nan|gran|grandma|grandad|grandpa|brother|sister))"
    r"|your (?:husband|wife|partner|mum|mom|dad|mother|father|son|daughter|baby|nan|gran|grandma"
    r"|grandad|grandpa|brother|sister) (?:was|is) [^.!?]{0,40}?(?:on|in|at) our (?:unit|ward|clinic"
    r"|practice|floor|surgery|team|hospice)"
    r"|(?:posting|sharing|share|post) your (?:mrn|medical record number|nhs number|chart|results|records))\b",
    re.IGNORECASE,
)
# A titled person and the place they lead or belong to: "Pastor Jim from Grace Community Church".
TITLED_FROM = Gated(
    r"\b(?:Pastor|Father|Fr\.?|Rev\.?|Reverend|Rabbi|Imam|Coach|Principal|Sister|Brother|Deacon"
    r"|Bishop|Captain|Chief|Sheriff|Judge|Mayor|Councillor|Headteacher)\s+[A-Z][\w'’\-]+\s+(?:from|of|at)\s+"
    r"((?:[A-Z][\w'’\-]*\s+){0,3}(?:Church|Chapel|Parish|Mosque|Temple|Synagogue|School|Academy"
    r"|College|High|Elementary|Primary|Club|FC|Lodge|Ministries|Cathedral))\b"
)
# A public figure acting in office is no patient: "the mayor of Dubbo opened the new unit".
OFFICIAL_ACT = Gated(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)?\s+(?:has\s+|will\s+)?(?:opened|opens|open"
    r"|announced|announces|launched|launches|unveiled|visited|visits|toured|signed|signs|declared"
    r"|spoke|speaks|attended|cut the ribbon|said|says|praised|thanked|welcomed|presented|hosted"
    r"|joined|proclaimed|approved|vetoed|funded)\b"
)
OFFICIAL_BY = Gated(
    r"\b(?:opened|launched|unveiled|visited|toured|signed|attended|hosted|announced|presented"
    r"|welcomed|funded)\s+by\s+$",
    re.IGNORECASE,
)
# "The first minutes of life", "the first Tuesday of every month": a time, not a person.
FIRST_OF_TIME = Gated(
    r"^the\s+(?:only|last|first|oldest|youngest)\s+(?:[\w'\-]+\s+)?(?:seconds?|minutes?|hours?"
    r"|days?|nights?|weeks?|months?|years?|time|times|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|weekend|morning|evening|session|dose|trimester)\b",
    re.IGNORECASE,
)
# A tattoo named with no more than an article or a word of praise: "The sweetest tattoo".
BARE_TATTOO = re.compile(
    r"(?i)(?:(?:the|a|an|his|her|their|my|our|this|that|new|first|\w+est)\s+)*tattoo(?:s|ed)?"
)


class UniqueDetail(Detector):
    rule = "privacy.phi.other"
    severity = "block"
    message = "Detail that singles a patient out"
    suggestion = "[detail]"
    source = "45 CFR 164.514(b)(2)(i)(P)-(R): biometrics, full-face photos, unique characteristics"

    def detect(self, doc: Document) -> Iterator[Finding]:
        yield from self._details(doc)
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

    def _details(self, doc: Document) -> Iterator[Finding]:
        for m in UNIQUE.finditer(doc):
            if BARE_TATTOO.fullmatch(m.group()) or OFFICIAL_ACT.match(doc, m.end()):
                continue
            if FIRST_OF_TIME.match(m.group()):
                continue
            if OFFICIAL_BY.search(doc.window(m.start(), m.end(), 25, 0)[0]):
                continue  # "opened by the mayor"
            if self._about_care(doc, m.start()):
                yield self.finding(doc, m.start(), m.end(), "unique identifying detail")
        for pattern in COMMUNITY:  # ordinary talk unless the post is about care
            for m in pattern.finditer(doc):
                if about_care(doc) and self._about_care(doc, m.start()):
                    yield self.finding(
                        doc, m.start(), m.end(), "deed, job or business of a patient"
                    )
        for m in TITLED_FROM.finditer(doc):
            if self._about_care(doc, m.start()):
                yield self.finding(doc, m.start(1), m.end(1), "place a named person leads")

    def _about_care(self, doc: Document, pos: int) -> bool:
        """A patient or health cue around ``pos``, or a person met at work in a post about care."""
        if care_near(doc, pos):
            return True
        if not (near_person(doc, pos) or someone_near(doc, pos)):
            return False
        return about_care(doc)
