"""``conduct.patient_criticism``: mocking, blaming or belittling patients.

Patients can criticise their clinicians online; it does not go both ways.
Reported: derogatory labels ("frequent flyer", "drug seeker", "gomer"), and a
patient reference next to contempt ("my lazy non-compliant patient", "patients who
think Google is a medical degree 🙄"). Criticism of insurers, systems or of
misinformation itself is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

LABELS = Gated(
    r"(?i:\b(?:frequent fl(?:y|i)ers?|drug[- ]seek(?:ers?|ing)|gomers?|train ?wrecks?"
    r"|bed[- ]blockers?|crocks?|dirtbags?|junkies|crackheads?|druggies|hypochondriacs?"
    r"|malingerers?|malingering|attention[- ]seek(?:ers?|ing)|fakers?|faking it|whales?"
    r"|cries wolf|crying wolf|frequent visitors? again|failure to die|status dramaticus"
    r"|(?:this|that|some|another|the)\s+(?:idiot|moron|clown|karen|princess|diva|nutjob|nut case|psycho"
    r"|lunatic|genius|winner|prize|piece of work|special one|special snowflake)"
    r"|can'?t put the fork down|couldn'?t put the fork down|brought it on (?:himself|herself|themselves)"
    r"|(?:his|her|their) own fault|deserved (?:it|what)|too lazy to|waste of (?:my )?time"
    r"|google(?:d)? (?:md|degree|medical degree)|degree from (?:facebook|google|youtube|tiktok)"
    r"|facebook university|youtube university|crocodile tears|drain on the system|like sheep"
    r"|peak entitlement|(?:can'?t|cannot) with these people|all out of sympathy|least favou?rite (?:kind of )?patient"
    r"|disrespecting my time|thanks for wasting|i'?ve stopped pretending"
    r"|never learns?|some people never|shouldn'?t breed))"
)
PATIENT = Gated(
    r"(?i:\b(?:patients?|pts?|patient's|clients?|residents?|parents?|moms?|mums?|dads?|family"
    r"|families|people who (?:come|came|show|walk|call|present)|this (?:guy|lady|woman|man|kid|mom|dad)"
    r"|the (?:guy|lady|woman|man|kid|mom|dad) in|(?:guy|lady|woman|man) in (?:bed|room|bay)"
    r"|frequent|diabetics?|smokers?|addicts?|alcoholics?|anti-?vax(?:xers?|ers?)?|obese|drunks?"
    r"|seekers?|ones who|folks who|people who (?:won'?t|don'?t|refuse|can'?t|think|yell|go|let|bring|no-show)"
    r"|people|folks|crowd|regulars|hypertensives?|clients?|ma'?am|sweetie|to the (?:patient|guy|lady|mom|dad|person)"
    r"|if you smoke|everyone who|every (?:'[^']+' )?\w+ i'?ve seen|worried well"
    r"|\d+\s?(?:y/?o|yo|year[- ]old)|(?:room|bed|bay|cubicle)\s*\d+"
    r"|(?:the|this|a|some)\s+(?:guy|dude|lady|woman|man|kid|girl|boy|teen|one)\s+(?:who|in|from|with|that))\b)"
)
CONTEMPT = Gated(
    r"(?i:\b(?:lazy|stupid|dumb|idiots?|idiotic|morons?|moronic|clueless|pathetic|annoying|entitled(?! to)"
    r"|ungrateful|demanding|disgusting|gross|noncompliant|non-compliant|hopeless|useless|ridiculous"
    r"|insane|crazy|nuts|whin(?:y|ing|ers?)|complain(?:ers?|ing nonstop)|drama|dramatic|lying|liars?"
    r"|excuses|can'?t follow|won'?t listen|never listen|refuse to listen|eye ?roll|smh|ugh+|facepalm"
    r"|rant|sigh+|lol+|lmao|why do (?:patients|people|parents)"
    r"|how hard is it|it'?s not rocket science|do (?:they|people) not|i can'?t even|spare me"
    r"|give me a break|seriously\?|bless (?:her|his|their) heart|newsflash|shocker|surprise,? surprise"
    r"|of course (?:he|she|they)|as usual|yet again|again\?!|deserve to be|exhausting|i'?m done"
    r"|grow up|come on\.?$|whin\w+|scream\w* (?:about|when)|acts? (?:shocked|surprised)|every time lol"
    r"|magically|funny how that works|we can (?:always )?tell|too important|just need to get off"
    r"|the reason (?:our|the) \w+ (?:are|is) full|sneak you|it'?s a mole|always have a|sweetie|dr\.? google"
    r"|cry about|don'?t want to get better|lazy|\bagain\b.{0,40}\bagain\b|sorry not sorry|clogging up"
    r"|tfw|every\.\s+single\.|supposed to rest|(?<!for )wasting (?:everyone'?s|my|our) time"
    r"|(?:another|this|that|the|our)\s+(?:'[^']{2,60}'\s+)?special\b(?!\s+(?:needs|care|thanks|day|event))))"
    r"|[🙄🤡😤🤬😒]|🤦"
)
NOT_ABOUT_PATIENTS = Gated(
    r"(?i:\b(?:insurers?|insurance compan(?:y|ies)|prior auth\w*|the system|ehr|epic|billing"
    r"|administrators?|admin|paperwork|misinformation|myths?|pharma|policy makers|bureaucra\w+)\b)"
)


class PatientCriticism(Detector):
    rule = "conduct.patient_criticism"
    severity = "block"
    message = "Criticises or mocks patients"
    suggestion = "Remove it: talk about the lesson, never about the person."
    source = "Brief: don't criticise patients on social media; NCSBN; GMC"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for m in LABELS.finditer(doc):
            yield self.finding(doc, m.start(), m.end(), "derogatory label for a patient")
            return
        scornful = sorted({doc.sentence_at(m.start()) for m in CONTEMPT.finditer(doc)})
        for s, e in scornful:
            window_start = max(0, s - 1)
            patient = PATIENT.search(doc, window_start, e) or (
                PATIENT.search(doc, 0, e) if len(doc.sentences) <= 3 else None
            )
            if patient is None:
                continue
            if NOT_ABOUT_PATIENTS.search(doc, s, e) and not PATIENT.search(doc, s, e):
                continue
            yield self.finding(doc, s, e, "contempt next to a patient reference")
            return
