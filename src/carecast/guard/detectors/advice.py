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
    r"|vitamins?|painkillers?|blood thinners?|[a-z]{1,20}(?:pril|sartan|statin|olol|azole|cillin"
    r"|mycin|cycline|prazole|tidine|pine|pam|lam|done|xetine|triptan|formin|glutide|profen))"
)
DOSE = r"(?<!\d)\d{1,6}(?:[.,]\d{1,3})?\s?(?:mg|mcg|µg|g|ml|mL|cc|units?|iu|IU|tabs?|tablets?|pills?|puffs?|drops?|caps(?:ules)?|sprays?)\b"
CONDITION = (
    r"(?:[a-z']{1,20}\s){0,2}(?:infection|disease|syndrome|disorder|deficiency|virus|flu|cold|covid"
    r"|strep|shingles|eczema|psoriasis|rosacea|acne|allergy|allergies|asthma|migraine|gout"
    r"|sciatica|tendonitis|tendinitis|arthritis|diabetes|hypothyroidism|anemia|anaemia|ibs"
    r"|reflux|gerd|ulcer|uti|pneumonia|bronchitis|sinusitis|concussion|sprain|fracture|hernia"
    r"|depression|anxiety|adhd|ptsd|ocd|bipolar|insomnia|vertigo|gallstones?|kidney stones?"
    r"|appendicitis|cellulitis|ringworm|scabies|lice|thrush|yeast|mono|lyme|bells palsy"
    r"|bell's palsy|plantar fasciitis|carpal tunnel|cancer|melanoma|tumou?r|cyst|lipoma"
    r"|hemorrhoids|piles|pcos|endometriosis|menopause|pregnan\w+|dehydration|burnout)"
)
INDIVIDUAL = Gated(
    r"(?i:"
    rf"\b(?:you|u|ya)\s+(?:should|need to|must|have to|ought to|gotta|can|could|might want to"
    rf"|'d better|had better|may want to|will need to|'ll need to|'ll want to)\s+(?:just\s+|definitely\s+"
    rf"|probably\s+|safely\s+|still\s+)?(?:take|start|stop|quit|increase|decrease|double|halve|switch|skip|try|come off"
    rf"|go off|get on|up|lower|raise|cut|drop|add|avoid taking|ditch|wean off|taper)\b[^.!?\n]{{0,40}}?"
    rf"(?:{MED}|{DOSE}|\byour\s+\w+\b)"
    rf"|\b(?:take|try|start|give (?:him|her|them|it)|use|double|halve|up|pop|alternate)\s+(?:\w+\s+){{0,4}}?{DOSE}"
    rf"|\b(?:stop|quit|skip|discontinue|come off|go off|ditch|wean off|don't take|do not take|double|halve"
    rf"|increase|decrease|up|lower|raise|cut|adjust|change)\s+(?:taking\s+)?your\s+(?:\w+\s+)?{MED}"
    rf"|\b(?:sounds|looks|seems)\s+(?:to me\s+)?like\s+(?:you(?:'ve| have)?\s+(?:got\s+)?|it'?s\s+|a\s+|an\s+)?"
    rf"(?:classic\s+|textbook\s+|early\s+|mild\s+)?{CONDITION}"
    rf"|\b(?:you|u)\s+(?:probably|likely|definitely|almost certainly|most likely|clearly|might|may)\s+"
    rf"(?:just\s+)?(?:have|has|got)\s+(?:a\s+|an\s+|some\s+)?{CONDITION}"
    rf"|\b(?:you(?:'ve| have)|u have)\s+(?:got\s+)?(?:a\s+|an\s+)?(?:classic\s+)?{CONDITION}"
    rf"|\b(?:that|this|it)(?:'s| is)\s+(?:definitely|probably|almost certainly|most likely|just|clearly"
    rf"|classic|textbook)\s+(?:a\s+|an\s+)?{CONDITION}"
    rf"|\byour\s+(?:rash|symptoms?|pain|cough|headaches?|numbers|labs?|results?|levels?|a1c|bp|mole"
    rf"|lump|spot|swelling)\s+(?:is|are|sounds?|looks?|means?)\s+(?:like\s+|to be\s+)?(?:a\s+|an\s+)?"
    rf"(?:{CONDITION}|nothing to worry|fine|normal|totally normal|benign|harmless)"
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
    r"(?:every \d+(?:-\d+)? (?:hours?|hrs?|minutes|days)|(?:once|twice|three times|\d+x|\d+ times) (?:a|per) "
    r"(?:day|week)|\b(?:bid|tid|qid|qd|prn|daily|nightly|at bedtime|before bed)\b|\d+\s?x\s?\d+"
    r"|for (?:a|\d+|one|two|three|four|six) (?:days?|weeks?)|\d+\s?(?:mg|mcg|units?)/kg)"
)
IMPERATIVE = Gated(
    r"(?i:(?:^|[.!?;:,]\s*|\b(?:just|then|and|so|also)\s+)(?:stop|start|take|use|try|give|apply|alternate"
    r"|bump|double|halve|cut|skip|ice|splint|dab|drink|avoid|ignore|switch|increase|decrease|put|rub"
    r"|soak|finish(?: off)?|foam roll|taper|wean|load up on|up|lower|restart|hold|pop|go for|get)\b"
    r"[^.!?\n]{0,80})"
)
DIAGNOSIS = Gated(
    r"(?i:\b(?:that|this|it|that \w+|this \w+|your \w+(?: \w+)?|the \w+|a \w+ of \d+)(?:'s| is| are| sounds?| looks?"
    r"| will)\s+(?:almost certainly|definitely|probably|for sure|just|likely|clearly|classic|textbook"
    r"|nothing to worry about|nothing serious|totally (?:harmless|normal|fine)|harmless|broken|the problem"
    r"|the answer|an abscess|clear up|an? [\w\-']+(?: [\w\-']+)?)\b[^.!?\n]{0,60}"
    r"|\byou (?:tore|broke|sprained|pulled|strained|have|'ve got|'ve) (?:your |a |an )?[\w\-']+(?: [\w\-']+)?"
    r"|\b(?:skip|don'?t bother (?:with|getting|going|seeing)|no need (?:to see|for)|you don'?t need)\s+"
    r"(?:the |a |an |your |it |to )?(?:er|ed|a&e|mri|x-?ray|scan|doctor|gp|chemo|surgery|antibiotics"
    r"|appointment|anyone|a doctor|looked at|biopsy|stitches|referral)"
    r"|\byou should (?:definitely |probably |really )?(?:go for|get|have|do|skip|avoid|stop|start|take)\b[^.!?\n]{0,60})"
)
# Advice everyone is given: getting vaccinated or screened is not treatment of one person.
PUBLIC_HEALTH = Gated(
    r"(?i)\b(?:vacc\w*|jabs?|(?:flu |covid )?shots?|boosters?|screen\w*|mammograms?|smear|check-?ups?)\b"
)
GENERAL_TIP = Gated(r"(?i)\b(?:tips?|per the|according to|reminder|everyone|anyone)\b")
ADDRESSED = Gated(
    r"(?i:\bto the (?:\w+ )?(?:person|mum|mom|dad|parent|patient|lady|gentleman|one) (?:who|asking)"
    r"|\b(?:you|your|you're|u|ur|yourself)\b|\b(?:his|her|their)\s+(?:son|daughter|kid|baby|mom|dad|grandson"
    r"|granddaughter|husband|wife))"
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
    r"|\bgo (?:to|straight to) (?:the )?(?:er|ed|a&e|emergency|urgent care|hospital)"
    r"|\b(?:not|isn'?t) (?:individual |personal |specific )?medical advice"
    r"|\bcan'?t (?:give|offer) (?:individual|personal|specific|medical)"
    r"|\bwho (?:knows|can examine) you|\bin (?:a|an) (?:visit|appointment|exam)\b"
    r"|\bsee your own|\b(?:your|his|her|their) own (?:\w+ )?(?:doctor|clinician|gp|provider|care team"
    r"|team|pharmacist|physician|specialist|consultant|nurse)"
    r"|\byour (?:\w+ )?(?:\w+ (?:or|and|/) )?(?:doctor|dr|gp|physician|clinician|provider|pharmacist|nurse|care team"
    r"|dietitian|nephrologist|pediatrician|paediatrician|dermatologist|cardiologist|oncologist|dentist"
    r"|therapist|midwife|ob|obgyn|specialist|prescriber|endocrinologist|neurologist|psychiatrist|surgeon"
    r"|pt|physio|physiotherapist|optometrist|audiologist|care provider)s?\b"
    r"|\bsee you (?:in|at|next|on|soon)\b|\b(?:book|make) (?:an|a|your) (?:appointment|visit))"
)
YOU = Gated(r"\b(?:you|your|you're|youre|u|ur|yours|yourself)\b", re.IGNORECASE)
HEALTH_ANSWER = Gated(
    rf"(?i:{MED}|{DOSE}|{CONDITION}|\b(?:symptoms?|rash|fever|pain|ache|aches|sore|cough|bleeding"
    rf"|swelling|lump|mole|bp|blood pressure|blood sugar|a1c|cholesterol|labs?|test results?"
    rf"|results|side effects?|diagnosis|treatment|therapy|sleep|diet|dizzy|dizziness|nausea"
    rf"|headaches?|injury|injured|wound|stitches|vaccine|shot|booster|period|pregnant|breastfeed\w*"
    rf"|weight|bmi|heart|chest|kidney|liver|lungs?|skin|ice|heat|rest|exercise|stretch\w*))"
)
NON_ANSWER = Gated(
    r"(?i:^\s*(?:[A-Z][a-z]+,\s*)?(?:thanks?|thank you|congrats|congratulations|welcome|happy|great|glad"
    r"|love this|so glad|wonderful|amazing|so proud|proud of you)\b[^?]{0,200}$"
    r"|^[^?]{0,200}\b(?:looks? great|enjoy|proud of you|so happy for you|glad (?:the|it|you))\b[^?]{0,120}$)"
)


def _sentence(doc: Document, pos: int) -> str:
    s, e = doc.sentence_at(pos)
    return doc.text[s:e]


def _medical(text: str) -> bool:
    """Whether a clause names a drug, dose, frequency, condition or clinical term."""
    if re.search(rf"(?i:{MED}|{DOSE}|{FREQUENCY})", text):
        return True
    words = set(re.findall(r"[a-z][a-z\-']+", text.lower()))
    return bool(words & lexicons.load("drugs")) or bool(words & lexicons.load("conditions"))


class IndividualAdvice(Detector):
    rule = "advice.individual"
    severity = "block"
    message = "Diagnosis, dosing or treatment aimed at one person"
    suggestion = "Share general information instead, and add: " + REFERRAL_LINE
    source = "AMA Opinion 1.2.12; FSMB 2019: no individual medical advice online"

    def detect(self, doc: Document) -> Iterator[Finding]:
        yield from doc.memo(self.rule, lambda: list(self._advice(doc)))

    def _advice(self, doc: Document) -> Iterator[Finding]:
        for m in INDIVIDUAL.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "advice aimed at one person")
            return
        addressed = doc.context.is_reply or ADDRESSED.search(doc) is not None
        if not addressed:
            return
        for rx, why in (
            (IMPERATIVE, "treatment instruction"),
            (DIAGNOSIS, "diagnosis of one person"),
        ):
            for m in rx.finditer(doc):
                if rx is IMPERATIVE and (
                    GENERAL_TIP.search(_sentence(doc, m.start())) or PUBLIC_HEALTH.search(m.group())
                ):
                    continue
                if _medical(m.group()) or (rx is DIAGNOSIS and _medical(_sentence(doc, m.start()))):
                    yield self.finding(doc, m.start(), m.end(), why)
                    return
        if doc.context.is_reply or YOU.search(doc):
            drugs = lexicons.load("drugs")
            for m in DRUG_DIRECTIVE.finditer(doc):
                if m.group(1).lower() in drugs:
                    yield self.finding(doc, m.start(), m.end(), "tells a person to take a drug")


class NoReferral(Detector):
    rule = "advice.no_referral"
    severity = "review"
    message = "Health answer with no pointer to the person's own clinician"
    suggestion = REFERRAL_LINE
    source = "Brief: be general, guide to trusted resources, emphasise evaluation by a clinician"

    def detect(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        addressed = doc.context.is_reply or YOU.search(doc) is not None
        if not addressed or REFERRAL.search(doc):
            return
        advice = next(INDIVIDUAL_ADVICE.detect(doc), None)
        if advice is None and NON_ANSWER.match(doc):
            return
        if advice is not None:
            start = advice.start
        elif doc.context.is_reply:
            health = HEALTH_ANSWER.search(doc)
            if health is None and not _medical(text):
                return
            start = health.start() if health else 0
        else:
            return
        s, e = doc.sentence_at(start)
        yield self.finding(doc, s, e, "health answer without a referral")


INDIVIDUAL_ADVICE = IndividualAdvice()
