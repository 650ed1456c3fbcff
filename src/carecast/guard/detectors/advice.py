"""``advice.*``: talk about medicine, don't do medicine.

``advice.individual`` catches diagnosis, dosing or treatment aimed at one person
("you should double your metformin", "sounds like shingles", "take 600 mg every 6
hours"). ``advice.no_referral`` catches a health answer to a person that does not
send them back to their own clinician.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

REFERRAL_LINE = "Please see your own clinician about your situation."

MED = (
    r"(?:meds?|medications?|medicines?|pills?|tablets?|dose|dosage|doses|insulin|statins?"
    r"|antibiotics?|steroids?|inhaler|prescription|antidepressants?|birth control|supplements?"
    r"|vitamins?|painkillers?|blood thinners?|injections?|implant|coil|ointments?|antihistamines?"
    r"|(?:steroid|antifungal|hydrocortisone|emollient|barrier) creams?|(?:hrt|nicotine|pain) patch(?:es)?"
    r"|ppis?|nsaids?|ssris?|contraceptives?|[a-z]{1,20}(?:pril|sartan|statin|olol|azole|cillin"
    r"|mycin|cycline|prazole|tidine|pine|pam|lam|done|xetine|triptan|formin|glutide|profen))"
)
DOSE = r"(?<!\d)\d{1,6}(?:[.,]\d{1,3})?\s?(?:mg|mcg|µg|g|ml|mL|cc|units?|iu|IU|tabs?|tablets?|pills?|puffs?|drops?|caps(?:ules)?|sprays?)\b"
# A dose named by a bare number ("drop her to 5", "bump it to 20mg"), not a count of minutes.
DOSE_OR_NUMBER = rf"(?:{DOSE}|(?<!\d)\d{{1,4}}(?:\.\d{{1,2}})?\b(?!\s?(?:%|[a-z])))"
# Disease names by their endings ("pulpitis", "keratosis", "lipoma", "neuralgia"), minus
# the everyday words that share them.
DISEASE_ENDING = (
    r"\b(?:[a-z]{2,20}(?:itis|osis(?<!gnosis)|algia(?<!stalgia)|pathy(?<!mpathy)|a?emia(?<!academia)(?<!bohemia))"
    r"|(?:lip|melan|carcin|lymph|sarc|myel|gli|fibr|aden|h?a?emat|glauc|granul|neur|angi|blast|papill"
    r"|mening[a-z]?)oma)\b"
)
CONDITION_NAME = (
    rf"(?:{DISEASE_ENDING}|infection|disease|syndrome|disorder|deficiency|imbalance|intolerance"
    r"|virus|flu|covid|strep|shingles|eczema|psoriasis|rosacea|acne|allergy|allergies|asthma"
    r"|migraine|gout|sciatica|diabetes|ibs|reflux|gerd|ulcer|uti|concussion|sprain|fracture"
    r"|hernia|depression|anxiety|adhd|ptsd|ocd|bipolar|insomnia|vertigo|gallstones?"
    r"|kidney stones?|ringworm|scabies|lice|thrush|yeast|mono|lyme|bells palsy|bell's palsy"
    r"|carpal tunnel|(?:tennis|golfer's) elbow|shin splints|cancer|tumou?r|cyst|hemorrhoids"
    r"|pcos|menopause|pregnan\w+|dehydration|burnout|croup|impetigo|colic|hives|warts?|verrucas?"
    r"|cold sores?|whiplash|frozen shoulder|chicken ?pox|hand,? foot and mouth|norovirus|hypothyroid\w*"
    r"|hyperthyroid\w*|glandular fever|strep throat|pink eye|athlete'?s foot|jock itch|head lice)\b"
)
# "flu season", "cancer screening": a condition's name used for a service or an occasion.
NOT_SERVICE = (
    r"(?!\s(?:season|jabs?|shots?|vaccines?|clinics?|awareness|screening|research|services?|care|team"
    r"|ward|month|week|day|risk|rates?|prevention|questions?)\b)"
)
# "cold" and "piles" name a condition only after words such as "sounds like".
CONDITION = rf"(?:[a-z'/\-]{{1,20}}\s){{0,2}}(?:(?:cold|piles)\b|{CONDITION_NAME}){NOT_SERVICE}"
# Words of address to one person: "hun", "mate", "sis", "beta".
VOCATIVE = r"(?:hun|hon|babe|mate|sis|bro|sister|brother|dear|beta|aunty|auntie|uncle|love|bestie)"
# Words that state a diagnosis with certainty: "almost certainly", "textbook", "100%".
CERTAIN = (
    r"(?:almost certainly|most likely|definitely|100%|clearly|without (?:a )?doubt|for sure"
    r"|classic|textbook)"
)
# "if you have diabetes", "anyone who has asthma": a condition, not a diagnosis.
NOT_CONDITIONAL = (
    r"(?<!\bif you)(?<!\bif u)(?<!when you)(?<!whether you)(?<!unless you)(?<!\bonce you)"
)
# "don't stop your meds" warns; it does not treat.
NOT_NEGATED = (
    r"(?<!n't stop)(?<!not stop)(?<!never stop)(?<!n't double)(?<!never double)(?<!n't skip)"
)
INDIVIDUAL = Gated(
    r"(?i:"
    rf"\b(?:you|u|ya)\s+(?:should|need to|must|have to|ought to|gotta|can|could|might want to"
    rf"|'d better|had better|may want to|will need to|'ll need to|'ll want to)\s+(?:just\s+|definitely\s+"
    rf"|probably\s+|safely\s+|still\s+)?(?:take|start|stop|quit|increase|decrease|double|halve|switch|skip|try|come off"
    rf"|go off|get on|be on|go on|be taking|up|lower|raise|cut|drop|add|avoid taking|ditch|wean off|taper)\b[^.!?\n]{{0,40}}?"
    rf"(?:{MED}|{DOSE}|\byour\s+\w+\b)"
    rf"|\b(?:you|u)\s+(?:should|need to|must|ought to|have to|gotta)\s+(?:really\s+|definitely\s+)?"
    rf"(?:be|go|get)\s+on\s+something\b"
    rf"|\b(?:you|u)\s+(?:need|'ll need|will need|want|should be on|need to be on)\s+(?:\w+\s+){{0,2}}?{DOSE}"
    rf"|\b(?:you|u|your (?:\w+ )?(?:son|daughter|baby|kid|child|little one|mum|mom|dad|husband|wife))"
    rf"{NOT_CONDITIONAL}\s+(?:needs?|will need|'ll need)\s+(?:an?\s+|some\s+|a course of\s+)?{MED}"
    rf"|\b(?:you|u)(?:'ll| can| could| will| should)\s+be\s+(?:off|able to (?:stop|come off|drop))\s+"
    rf"(?:(?:your|the|all|those)\s+)?(?:\w+\s+){{0,2}}?{MED}"
    rf"|\b(?:take|try|start|give|give (?:him|her|them|it)|use|double|halve|up|pop|alternate)\s+(?:\w+\s+){{0,6}}?{DOSE}"
    rf"|\b(?:you|u)(?:'ll| will| should|'d| would)?\s+be\s+(?:fine|ok(?:ay)?|good|safe|alright|grand)\s+to\s+"
    rf"(?:go back|return|resume|fly|drive|exercise|train|play|stop|skip|come off|drink|lift|run)\b"
    rf"|\bi wouldn'?t (?:bother (?:starting|taking|with|treating)|start(?:ing)? (?:you on|on)|treat(?:ing)? (?:that|it|this))"
    rf"|\b(?:stop|quit|skip|discontinue|come off|go off|ditch|wean off"
    rf"|don't take|do not take|double|halve|increase|decrease|reduce|drop|bump up|up|lower|raise|cut"
    rf"|cut down|cut back on|adjust|change){NOT_NEGATED}\s+(?:taking\s+)?your\s+(?:\w+\s+)?{MED}"
    rf"|\b(?:drop|bump|up|bring|knock|titrate|lower|raise|increase|reduce|decrease|cut|double|halve)\s+"
    rf"(?:him|her|them|it|you|yourself|(?:the|your|his|her)\s+(?:\w+\s+)?(?:dose|dosage|{MED}))\s+"
    rf"(?:(?:back\s+)?(?:up|down)\s+)?to\s+{DOSE_OR_NUMBER}"
    rf"|\b(?:sounds|looks|seems)\s+(?:to me\s+)?like\s+(?:you(?:'ve| have)?\s+(?:got\s+)?|it'?s\s+|a\s+|an\s+)?"
    rf"(?:classic\s+|textbook\s+|early\s+|mild\s+)?{CONDITION}"
    rf"|\b(?:you|u)\s+(?:probably|likely|definitely|almost certainly|most likely|clearly|might|may)\s+"
    rf"(?:just\s+)?(?:have|has|got)\s+(?:a\s+|an\s+|some\s+)?{CONDITION}"
    rf"|\b(?:you|u){NOT_CONDITIONAL}(?:'ve| have)\s+(?:got\s+)?(?:a\s+|an\s+)?"
    rf"(?:classic\s+|textbook\s+|a touch of\s+|a bit of\s+)?{CONDITION}"
    rf"|\b(?:that|this|it)(?:'s| is)\s+(?:definitely|probably|almost certainly|most likely|just|clearly"
    rf"|classic|textbook)\s+(?:a\s+|an\s+)?{CONDITION}"
    rf"|\byour\s+(?:rash|symptoms?|pain|cough|headaches?|numbers|labs?|results?|levels?|a1c|bp|mole"
    rf"|lump|spot|swelling)\s+(?:is|are|sounds?|looks?|means?)\s+(?:like\s+|to be\s+)?(?:a\s+|an\s+)?"
    rf"(?:{CONDITION}|nothing to worry|fine|normal|totally normal|benign|harmless)"
    rf"|\byour\s+(?:[\w'/\-]+\s+){{0,8}}?(?:is|are)\s+{CERTAIN}\s+(?:just\s+)?(?:a\s+|an\s+)?{CONDITION}"
    rf"|\bfor your (?:\w+'s\s+)?(?:\w+\s+){{0,2}}?\w+[,:]?\s+(?:give\s+|take\s+|try\s+)?[^.!?\n]{{0,30}}?{DOSE}"
    rf"|\b(?:use|take|try|finish off|finish)\s+(?:your|those|that|the)\s+left ?over\s+[\w\-]+"
    rf"|\b(?:respond|responds|react) (?:well )?to (?:that\s+|your\s+|the\s+)?[\w\-]+"
    rf"|\b[A-Z][a-z]+ is the answer for"
    rf"|\b(?:i'?d|i would|i'll|i will|i can)\s+(?:recommend|suggest|prescribe|start|put|double|increase|up|give|try)\s+(?:you\s+|taking\s+"
    rf"|him\s+|her\s+)?(?:on\s+)?(?:\w+\s+){{0,2}}?(?:{MED}|{DOSE})"
    rf"|\byou\s+(?:don'?t|do not)\s+need\s+(?:to see (?:a|your) (?:doctor|dr|gp)|antibiotics|an? x-?ray"
    rf"|stitches|a scan|the er|to go in|your (?:meds|inhaler|insulin))"
    rf"|\b(?:no need to|don'?t bother)\s+(?:see|seeing|call|calling|go|going)\s+(?:a|your|the|to)\s+"
    rf"(?:doctor|dr|gp|er|ed|clinic)"
    r")"
)
FREQUENCY = (
    r"(?:every \d+(?:-\d+)?\s?(?:hours?|hrs?|h|minutes|days)\b|(?:once|twice|three times|\d+x|\d+ times)"
    r" (?:a|per) (?:day|week)|\b(?:bid|tid|qid|qd|bd|tds|qds|prn|mane|nocte|daily|nightly|at bedtime"
    r"|before bed)\b|\d+\s?x\s?\d+"
    r"|for (?:a|\d+|one|two|three|four|six) (?:days?|weeks?)|\d+\s?(?:mg|mcg|units?)/kg)"
)
# A plan for one body part or complaint: "for your knee: 3 x 10 squats daily".
REGIMEN_FOR = Gated(
    rf"(?i:\bfor your (?:\w+'s\s+)?(?:[\w'\-]+\s+){{0,2}}?(?:elbow|knee|back|shoulder|neck|hip|ankle"
    rf"|wrist|foot|feet|heel|tooth|gums|skin|pain|ache|{CONDITION_NAME})\s*[,:\-–]\s*[^.!?\n]{{0,80}}?"
    rf"{FREQUENCY})"
)
# A dose with how often to take it ("500mcg twice a day", "1g every 6h") in an answer to one person.
DOSING = Gated(rf"(?i:{DOSE}[^.!?\n]{{0,40}}?{FREQUENCY})")
GENERIC_DOSE = Gated(
    r"(?i)\b(?:usual|usually|standard|typical|typically|recommended|maximum|max|no more than|up to"
    r"|most (?:adults|people|of us)|adults|children|kids|label|leaflet|packet)\b"
)
# A condition named as what one person has: "that's gout", "this = pulpitis".
NAMED_CONDITION = Gated(
    rf"(?i:\b(?:that|this|it)(?<!\bif it)(?<!\bif that)(?<!when it)(?:'s| is|\s?=)\s+(?:a |an )?"
    rf"(?!(?:why|how|what|when|where|not|because|also|the|my|our|your|their|usually|often|sometimes"
    rf"|rarely|generally|normally|typically|commonly|never|only|more|less)\b)"
    rf"(?:[a-z'/\-]{{3,20}}\s){{0,2}}?{CONDITION_NAME}{NOT_SERVICE})"
)
# A certain verdict on one person's complaint: "is almost certainly croup".
CERTAIN_VERDICT = Gated(
    rf"(?i:\b(?:that|this|it|your|his|her|their|the)\b[^.!?\n]{{0,60}}?(?:\bis|\bare|'s|'re)\s+{CERTAIN}\s+"
    rf"(?:just\s+)?(?:a\s+|an\s+)?(?!(?:good|bad|great|worth|best|better|important|helpful|safe|fine|not)\b)"
    rf"([\w'/\-]+(?:\s[\w'/\-]+){{0,2}}))"
)
# Telling one person they need not be seen: "don't bother getting it looked at".
DISCOURAGED_CARE = Gated(
    r"(?i:\b(?:no need to|don'?t bother|needn'?t|(?:you )?don'?t need to|no point)\s+"
    r"(?:(?:see|seeing|call|calling|ring|ringing|go|going)\s+(?:to\s+)?(?:a|your|the|any)\s+"
    r"(?:doctor|dr|doc|gp|er|ed|a&e|dentist|hospital|pharmacist|midwife|physio)"
    r"|(?:bother|bothering|trouble|troubling)\s+(?:anyone|anybody|a doctor|your (?:gp|doctor)|the (?:gp|doctor))"
    r"|(?:get|getting|have|having)\s+(?:it|this|that|them|those)\s+(?:looked at|checked|seen|examined)))"
)
# A verdict that waves a symptom away: "that's just X, nothing to worry about".
REASSURANCE = Gated(
    r"(?i:\b(?:that|this|it|they|those|these)(?: \w+)?(?:'s|'re| is| are)\s+(?:just|only|probably just|most likely"
    r"|almost certainly|definitely)\s+[^.!?\n]{1,50}?(?:nothing to worry about|nothing serious"
    r"|(?:totally|perfectly|completely) (?:normal|harmless|benign|fine)|harmless|benign))"
)
IMPERATIVE = Gated(
    rf"(?i:(?:^|[.!?;:,]\s*|\b(?:just|then|and|so|also|def|defo|deffo|definitely|honestly|maybe"
    rf"|{VOCATIVE})\s+)"
    r"(?:stop|start|take|use|try|give|apply|alternate|bump|double|halve|cut|skip|ice|splint|dab|drink|do"
    r"|drop|reduce|knock"
    r"|avoid|ignore|switch|increase|decrease|put|rub|soak|finish(?: off)?|foam roll|taper|wean|ditch|quit"
    r"|load up on|up|lower|restart|hold|pop|go for|get|go off|come off|get off)\b"
    r"[^.!?\n]{0,80})"
)
DIAGNOSIS = Gated(
    r"(?i:\b(?:that|this|it|that \w+|this \w+|your \w+(?: \w+)?|the \w+|an? \w+(?: \w+)? of \d+(?:\.\d+)?)"
    r"(?<!\bif it)"
    r"(?<!\bif that)(?<!when it)(?:'s| is| are| sounds?| looks?"
    r"| will)\s+(?:almost certainly|definitely|probably|for sure|just|likely|clearly|classic|textbook"
    r"|basically (?:normal|fine|nothing)|on the (?:low|high) side|borderline|(?:totally |perfectly )?normal"
    r"|nothing to worry about|nothing serious|totally (?:harmless|normal|fine)|harmless|broken|the problem"
    r"|the answer|an abscess|clear up|an? (?!(?:(?:really|very) )?(?:great|good|fair|lot|bit|question"
    r"|point)\b)[\w\-']+(?: [\w\-']+)?)\b[^.!?\n]{0,60}"
    rf"|\byou{NOT_CONDITIONAL}(?: (?:tore|broke|sprained|pulled|strained|have got|have)|'ve got"
    r"|'ve(?= an? )) (?:your |a |an )?[\w\-']+(?: [\w\-']+)?"
    r"|\b(?:skip|don'?t bother (?:with|getting|going|seeing)|no need (?:to see|for)|you don'?t need)\s+"
    r"(?:the |a |an |your |it |to )?(?:er|ed|a&e|mri|x-?ray|scan|doctor|gp|chemo|surgery|antibiotics"
    r"|appointment|anyone|a doctor|looked at|biopsy|stitches|referral)"
    r"|\byou should (?:definitely |probably |really )?(?:go for|get|have|do|skip|avoid|stop|start|take)\b[^.!?\n]{0,60})"
)
# Advice everyone is given: getting vaccinated or screened is not treatment of one person.
PUBLIC_HEALTH = Gated(
    r"(?i)\b(?:vacc\w*|jabs?|(?:flu |covid )?shots?|boosters?|screen\w*|mammograms?|smear|check-?ups?)\b"
)
GENERAL_TIP = Gated(r"(?i)\b(?:tips?|per the|according to|reminder|everyone|anyone|to prevent)\b")
# A post written to one person who asked ("to the mum who asked…", "this week's question").
ANSWERING = Gated(
    r"(?i:\bto the (?:\w+ )?(?:person|mum|mom|dad|parent|patient|lady|gentleman|one|reader|follower"
    r"|guy|woman|man) (?:(?:who|that) (?:asked|messaged|wrote|emailed|dm'?d|commented)|asking)\b"
    r"|\bthis week'?s (?:question|email|letter|message|dm)\b|\bmailbag\b"
    r"|\breader (?:question|email|letter|asks)\b)"
)
# One person addressed in a post that is not a reply: "hun, …", "her son's …" (or "@sam …").
ADDRESSED = Gated(
    r"(?i:\b(?:his|her|their)\s+(?:son|daughter|kid|baby|mom|dad|grandson|granddaughter|husband|wife)"
    rf"|^\s*(?:hun|hon|babe|mate|sis|bro|bestie)\b|^\s*{VOCATIVE},)"
)
DRUG_DIRECTIVE = Gated(
    r"(?i:\b(?:you should|you need to|just|try|start|take|switch to|ask for|get some|grab some|stick with)"
    r"\s+(?:taking\s+|some\s+|a\s+course of\s+)?)([A-Za-z][A-Za-z\-]+)"
)
REFERRAL = Gated(
    r"(?i:\b(?:see|talk (?:to|with)|speak (?:to|with)|ask|check (?:in )?with|consult(?: with)?|call"
    r"|contact|visit|book (?:in )?with|follow up with|reach out to|message|run (?:it|this|that) by"
    r"|get (?:checked|seen|evaluated|assessed|examined) by|bring (?:it|this|that) up with"
    r"|discuss(?: (?:it|this|that))? with|be seen by|make an appointment with|loop in)\s+"
    r"(?:(?:your|a|an|the|their|his|her)\s+)?(?:own\s+|local\s+|regular\s+|usual\s+|primary\s+)?"
    r"(?:doctor|dr|doc|gp|physician|clinician|provider|pharmacist|chemist|nurse|care team|medical team"
    r"|health ?care (?:provider|team|professional)|healthcare (?:provider|team|professional)|dentist"
    r"|therapist|specialist|pediatrician|paediatrician|ob(?:/gyn)?|obgyn|midwife|prescriber|oncologist"
    r"|cardiologist|dermatologist|primary care|pcp|practitioner|counsel+or|psychiatrist|surgeon"
    r"|endocrinologist|health visitor|team|clinic|office|someone in person|professional|medical professional)"
    r"|\bget (?:it|that|this|them|yourself|him|her|your \w+) (?:checked|looked at|evaluated|seen|assessed"
    r"|examined)"
    r"|\bseek (?:medical|urgent|emergency|professional|immediate)?\s*(?:care|attention|help|advice)"
    r"|\b(?:call|dial|ring) (?:911|999|112|000|988|111|emergency services|an ambulance|poison control)"
    r"|\b(?:call|ring|phone|contact|message|dm) us\b"
    r"|\bgo (?:to|straight to) (?:the |your )?(?:nearest |local )?(?:er|ed|a&e|emergency|urgent care|hospital)"
    r"|\b(?:not|isn'?t) (?:individual |personal |specific )?medical advice"
    r"|\bcan(?:'?t|not) (?:give|offer|discuss) (?:individual|personal|specific|medical|anyone)"
    r"|\bwho (?:knows|can examine) you|\bin (?:a|an) (?:visit|appointment|exam)\b"
    r"|\bsee your own|\b(?:your|his|her|their) own (?:\w+ )?(?:doctor|clinician|gp|provider|care team"
    r"|team|pharmacist|physician|specialist|consultant|nurse)"
    r"|\byour (?:\w+ )?(?:\w+ (?:or|and|/) )?(?:doctor|dr|gp|physician|clinician|provider|pharmacist|nurse|care team"
    r"|dietitian|nephrologist|pediatrician|paediatrician|dermatologist|cardiologist|oncologist|dentist"
    r"|therapist|midwife|ob|obgyn|specialist|prescriber|endocrinologist|neurologist|psychiatrist|surgeon"
    r"|pt|physio|physiotherapist|optometrist|audiologist|care provider|team)s?\b"
    r"|\bsee you (?:in|at|next|on|soon)\b|\b(?:book|make) (?:an|a|your) (?:appointment|visit))"
)
YOU = Gated(r"\b(?:you|your|you're|youre|u|ur|yours|yourself)\b", re.IGNORECASE)
HEALTH_ANSWER = Gated(
    rf"(?i:{MED}|{DOSE}|\b{CONDITION_NAME}|\b(?:colds?|symptoms?|rash(?:es)?|fevers?|pains?|aches?|sore|coughs?"
    rf"|bleeding|swelling|lumps?|moles?|bp|blood pressure|blood sugars?|sugars|a1c|cholesterol|labs?"
    rf"|test results?|results|side effects?|diagnosis|treatment|therapy|sleep\w*|diet|dizzy|dizziness"
    rf"|nausea|headaches?|injur(?:y|ies|ed)|wounds?|stitches|vaccines?|shots?|boosters?|periods?"
    rf"|pregnant|breast-?fe\w*|weight|bmi|heart|pulse|resting|chest|kidneys?|liver|lungs?|skin|ice"
    rf"|heat|rest|exercises?|stretch\w*|generics?|active ingredients?|readings|contractions?|tightenings?"
    rf"|cramps?|spotting|discharge"
    rf"|(?:bp|pressure|sugar|glucose) reading)\b)"
)
NON_ANSWER = Gated(
    r"(?i:^\s*(?:[A-Z][a-z]+,\s*)?(?:thanks?|thank you|congrats|congratulations|welcome|happy|great|glad"
    r"|love this|so glad|wonderful|amazing|so proud|proud of you)\b[^?]{0,200}$"
    r"|^[^?]{0,200}\b(?:looks? great|enjoy|proud of you|so happy for you|glad (?:the|it|you)"
    r"|(?:lovely|great|nice|good|wonderful) to (?:see|meet|hear from) you)\b[^?]{0,120}$)"
)
MEDICAL_TERM = Gated(rf"(?i:{MED}|{DOSE}|{FREQUENCY}|\b{CONDITION_NAME})")
LOWER_WORD = re.compile(r"[a-z][a-z\-']+")
WEB_HOST = re.compile(r"\b(?:[a-z0-9\-]{1,63}\.){1,8}[a-z]{2,24}\b")


def _sentence(doc: Document, pos: int) -> str:
    s, e = doc.sentence_at(pos)
    return doc.text[s:e]


def _medical(text: str) -> bool:
    """Whether a clause names a drug, dose, frequency, condition or clinical term.

    Terms of up to three words ("ferrous sulphate", "normal range") count too.
    """
    if MEDICAL_TERM.search(text):
        return True
    words = LOWER_WORD.findall(text.lower())
    terms = set(words)
    terms.update(" ".join(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1))
    return any(terms & lexicons.load(name) for name in ("drugs", "conditions", "eponym_phrases"))


def _answer_to_one_person(doc: Document) -> tuple[re.Match[str], str] | None:
    """Forms that are advice only when written to one person: a plan with how often to do it,
    a named condition, a dose with its frequency, or a worry waved away."""
    if m := REGIMEN_FOR.search(doc):
        return m, "treatment plan for one person"
    if m := NAMED_CONDITION.search(doc):
        return m, "diagnosis of one person"
    m = CERTAIN_VERDICT.search(doc)
    if m and _medical(m.group(1)) and not PUBLIC_HEALTH.search(m.group(1)):
        return m, "diagnosis of one person"
    for m in DOSING.finditer(doc):
        if not GENERIC_DOSE.search(_sentence(doc, m.start())):
            return m, "dose for one person"
    if (m := DISCOURAGED_CARE.search(doc)) and (HEALTH_ANSWER.search(doc) or _medical(doc.text)):
        return m, "tells one person not to be seen"
    if m := REASSURANCE.search(doc):
        sentence = _sentence(doc, m.start())
        if _medical(sentence) or HEALTH_ANSWER.search(sentence):
            return m, "diagnosis of one person"
    return None


def _instruction_or_verdict(doc: Document) -> tuple[re.Match[str], str] | None:
    """A medical instruction or verdict in a text written to someone."""
    for m in IMPERATIVE.finditer(doc):
        if GENERAL_TIP.search(_sentence(doc, m.start())) or PUBLIC_HEALTH.search(m.group()):
            continue
        if _medical(m.group()):
            return m, "treatment instruction"
    for m in DIAGNOSIS.finditer(doc):
        if PUBLIC_HEALTH.search(m.group()) or REFERRAL.search(m.group()):
            continue
        if _medical(m.group()) or _medical(_sentence(doc, m.start())):
            return m, "diagnosis of one person"
    return None


def _answers_one_person(doc: Document) -> bool:
    """A reply, or a post that answers one person's question."""
    return doc.context.is_reply or ANSWERING.search(doc) is not None


def _asked_about_health(doc: Document) -> bool:
    """Whether the message replied to, when its text is given, asks about health."""
    asked = doc.context.reply_to or ""
    return " " in asked.strip() and _medical(asked)


def _cites_trusted_source(doc: Document) -> bool:
    """Whether the text links a reliable health source (a public-health agency, say)."""
    trusted = lexicons.load("trusted_domains")
    for m in WEB_HOST.finditer(doc.lower):
        parts = m.group().removeprefix("www.").split(".")
        if any(".".join(parts[i:]) in trusted for i in range(len(parts) - 1)):
            return True
    return False


class IndividualAdvice(Detector):
    rule = "advice.individual"
    severity = "block"
    message = "Diagnosis, dosing or treatment aimed at one person"
    suggestion = "Share general information instead, and add: " + REFERRAL_LINE
    addition = REFERRAL_LINE
    source = "AMA Opinion 1.2.12; FSMB 2019: no individual medical advice online"

    def detect(self, doc: Document) -> Iterator[Finding]:
        yield from doc.memo(self.rule, lambda: list(self._advice(doc)))

    def _advice(self, doc: Document) -> Iterator[Finding]:
        if m := INDIVIDUAL.search(doc):
            yield self.finding(doc, m.start(), m.end(), "advice aimed at one person")
            return
        answering = _answers_one_person(doc)
        found = _answer_to_one_person(doc) if answering else None
        # In a post to everyone, "you" is any reader: instructions and verdicts there are general.
        if found is None and (
            answering or doc.text.lstrip().startswith("@") or ADDRESSED.search(doc) is not None
        ):
            found = _instruction_or_verdict(doc)
        if found is not None:
            m, why = found
            yield self.finding(doc, m.start(), m.end(), why)
            return
        if answering or YOU.search(doc):
            drugs = lexicons.load("drugs")
            for m in DRUG_DIRECTIVE.finditer(doc):
                said_of = doc.lower[max(0, m.start() - 4) : m.start()]  # "if you take X": a case
                if m.group(1).lower() in drugs and said_of not in ("you ", "who "):
                    yield self.finding(doc, m.start(), m.end(), "tells a person to take a drug")


class NoReferral(Detector):
    rule = "advice.no_referral"
    severity = "review"
    message = "Health answer with no pointer to the person's own clinician"
    suggestion = REFERRAL_LINE
    addition = REFERRAL_LINE
    source = "Brief: be general, guide to trusted resources, emphasise evaluation by a clinician"

    def detect(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        answering = _answers_one_person(doc)
        if not (answering or YOU.search(doc)) or REFERRAL.search(doc):
            return
        advice = next(INDIVIDUAL_ADVICE.detect(doc), None)
        if advice is None and NON_ANSWER.match(doc):
            return
        if advice is not None:
            start = advice.start
        elif answering:
            health = HEALTH_ANSWER.search(doc)
            if health is None and not _medical(text) and not _asked_about_health(doc):
                return
            if not YOU.search(doc) and _cites_trusted_source(doc):  # general, with a good source
                return
            start = health.start() if health else 0
        else:
            return
        s, e = doc.sentence_at(start)
        yield self.finding(doc, s, e, "health answer without a referral")


INDIVIDUAL_ADVICE = IndividualAdvice()
