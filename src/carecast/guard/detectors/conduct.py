"""``conduct.patient_criticism``: mocking, blaming or belittling patients.

Patients can criticise their clinicians online; it does not go both ways.
Reported: derogatory labels ("frequent flyer", "drug seeker", "gomer"); a patient
reference next to contempt ("my lazy non-compliant patient", "patients who think
Google is a medical degree 🙄", "and then they act shocked"); and sarcasm built from
several small signals around a patient ("'chest pain' again, third time this week,
sure buddy"). Criticism of insurers, systems, staffing or misinformation is not
reported, nor a word that is denied ("not annoying"), said of oneself ("I'm the
frequent flyer of the kettle") or quoted to reject it ("stop calling people
'non-compliant'").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.document import SHORT_POST, Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

LABELS = Gated(
    r"(?i:\b(?:frequent fl(?:y|i)ers?|drug[- ]seek(?:ers?|ing(?! behaviou?rs?))|gomers?|train ?wrecks?"
    r"|bed[- ]blockers?|crocks?|dirtbags?|junkies|crackheads?|druggies|hypochondriacs?"
    r"|malingerers?|malingering|attention[- ]seek(?:ers?|ing)|fakers?|faking it|whales?"
    r"|cries wolf|crying wolf|frequent visitors? again|failure to die|status dramaticus"
    r"|(?:this|that|some|another|the)\s+(?:idiot|moron|clown|karen|princess|diva|nutjob|nut case"
    r"|psycho|lunatic|piece of work|special snowflake)"
    r"|(?:this|that|some|another)\s+(?:genius|winner|prize|special one)"
    r"|can'?t put the fork down|couldn'?t put the fork down|brought it on (?:himself|herself|themselves)"
    r"|google(?:d)? (?:md|degree|medical degree)|degree from (?:facebook|google|youtube|tiktok)"
    r"|facebook university|youtube university|google university|crocodile tears|drain on the system"
    r"|peak entitlement|(?:can'?t|cannot) with these people|all out of sympathy"
    r"|least favou?rite (?:kind of |type of )?patient|disrespecting my time|thanks for wasting"
    r"|shouldn'?t breed|educated[- ]illiterate)(?!\w))"
)
# Who the contempt is aimed at: patients, their relatives, a kind of patient, where they are.
PATIENT = Gated(
    r"(?i)\b(?:patients?|pts?|patient's|clients?|residents?|parents?|(?<!my )(?:moms?|mums?|dads?)"
    r"|(?<!my )family|families"
    r"|this (?:guy|lady|woman|man|kid|mom|dad|uncle|aunty|auntie|bloke|chap|fella|gent)"
    r"|the (?:guy|lady|woman|man|kid|mom|dad) in|(?:guy|lady|woman|man) in (?:bed|room|bay)"
    r"|(?:one|an?) (?:uncle|aunty|auntie|bloke|chap|fella)"
    r"|frequent|diabetics?|smokers?|drinkers?|addicts?|alcoholics?|anti-?vax(?:xers?|ers?)?|obese|drunks?"
    r"|seekers?|ones who|people|folks|crowd|regulars|hypertensives?|ma'?am|sweetie"
    r"|to the (?:patient|guy|lady|mom|dad|person)"
    r"|if you(?:'ve| have)? smok\w*|everyone who|every (?:'[^']+' )?\w+ i'?ve seen|worried well"
    r"|\d+\s?(?:y/?o|yo|year[- ]old)|(?:room|bed|bay|cubicle)\s*\d+"
    r"|(?:the|this|a|some)\s+(?:guy|dude|lady|woman|man|kid|girl|boy|teen)\s+(?:who|in|from|with|that)"
    r"|(?:mr|mrs|mx|ms\.)\.?\s+['‘\"“]?[a-z]+"
    r"|(?:your|their|his|her) (?:[\d:.]+\s?(?:am|pm)?\s)?(?:appointments?|appts?)"
    r"|no-?shows?|missed appointments?|(?:ed|er|a&e|resus|triage|urgent care|emerg|casualty|waiting room)"
    r"|call (?:bell|light)|birth plans?|(?:comes?|came|been|brought|rolled|walk(?:s|ed)?|wheeled"
    r"|stroll(?:s|ed)?|shows? up|showed up) in)\b",
    split=True,
)
# A person not yet known to be a patient: counts when nothing else is the target.
PERSON = Gated(
    r"(?i:\b(?:he|she)(?:['’](?:s|d|ll))?\b|\b(?:his|him)\b"
    r"|\b(?:someone|somebody|anyone|whoever)\s+(?:who|that|keeps|kept|[a-z]+s)\b)"
)
YOU = Gated(r"(?i)\b(?:you|you'?[dv]e|you'?re|your|u|ur)\b")
CONTEMPT = Gated(
    r"(?i)\b(?:lazy|stupid(?:er|est)?|dumb(?:er|est)?|manipulative|idiots?|idiotic|morons?|moronic|clueless|pathetic|annoying|entitled(?! to)"
    r"|ungrateful|demanding(?! (?:job|shift|role|work|day|week|specialty|field))|disgusting"
    r"|(?:so|is|was|'s|honestly|absolutely) gross|noncompliant|non-compliant"
    r"|(?<!feel )(?<!feels )(?<!feeling )(?<!felt )(?:hopeless|useless)|ridiculous|illiterate|ignorant"
    r"|(?:insane|crazy)(?!\s+(?:how|that|to|busy|good|amazing|strong|brave|resilient|lucky|fast|quick"
    r"|grateful|proud|day|shift|week|night))|(?:is|are|'s|'re|drives? me|going|gone) nuts|whin(?:e|y|ing|ers?|es|ed)"
    r"|(?:sick|tired) of (?:these|those|them|patients|people|parents|families)"
    r"|blam(?:e|es|ed|ing) (?:me|us|the (?:nurses?|doctors?|staff))\b(?! for (?:the|our) (?:wait|delay))"
    r"|(?:like|as) you were told|if you'?d (?:actually|just|only)"
    r"|complain(?:ers?|ing nonstop)|drama|dramatic|(?:he|she|they)(?:'s|'re| is| are) lying"
    r"|lying to (?:me|us)|liars?|excuses|can'?t follow|won'?t listen|never listen|refuse to listen"
    r"|eye ?rolls?|smh|ugh|ughh|ughhh|facepalm|rant|sigh|sighs|why do (?:patients|people|parents)"
    r"|how hard is it|it'?s not rocket science|do (?:they|people) not|i can'?t even|spare me"
    r"|give me a break|bless (?:her|his|their) (?:little )?hearts?|newsflash|shocker"
    r"|surprise,? surprise|of course (?:he|she|they)|as usual|yet again|deserve to be"
    r"|exhausting(?! for)|i'?m done|grow up|scream(?:s|ed|ing)? (?:about|when)|every time lol"
    r"|magically|funny how that works|we can (?:always )?tell|too important|just need to get off"
    r"|the reason (?:our|the) \w+ (?:are|is) full|sneak you|it'?s a mole|always have a|sweetie"
    r"|dr\.? google|cry about|don'?t want to (?:get better|be helped|help themselves)"
    r"|(?:just|simply) (?:don'?t|won'?t|refuse to) (?:want to )?(?:listen|learn|try|help themselves|change)|sorry not sorry"
    r"|clogging up|tfw|supposed to rest|what did (?:you|they|he|she|we) expect|like sheep"
    r"|too lazy to|(?:his|her|their) own fault|some people never|never learns?|i'?ve stopped pretending"
    r"|(?<!for )(?<!for ')(?<!for ‘)wast(?:e|es|ed|ing) (?:of )?(?:everyone'?s|my|our|the doctor'?s)"
    r" (?:\w+ )?time"
    r"|(?:patients|pts|people|parents|clients|families|ones|smokers|drinkers|diabetics|addicts|drunks"
    r"|anti-?vaxxers|mums|moms|dads|regulars|relatives)\s+(?:(?:who|that|on|in|at|from)\s+[^.!?,]{1,40}?\s+)?"
    r"are the (?:worst|bane)(?! (?:hit|affected|off|served|placed))"
    r"|then\s+(?!i\b|we\b|i'm|we're)(?:[\w'’]+\s+){0,4}?\b(?:complain(?:s|ed|ing)?(?! of)|cr(?:y|ies|ying)"
    r"|moan(?:s|ed|ing)?|whing(?:e|es|ed|ing)|wonder(?:s|ing)? why|act(?:s|ing)? (?:all )?(?:shocked|surprised)"
    r"|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|kick(?:s|ing)? off|beg(?:s|ging)?|demand(?:s|ing)?)"
    r"|(?:and|then|but)\s+(?:[\w'’]+\s+){0,2}?(?:is|are|acts?|acted|acting|gets?|seems?)\s+"
    r"(?:so\s+|all\s+|genuinely\s+|really\s+|somehow\s+)?\b(?:shocked|surprised|stunned)"
    r"|(?:yet another|another|the usual|the classic)\s+['‘\"“][^'’\"”]{2,60}['’\"”]\s+"
    r"(?:patient|pt|one|type|mum|mom|dad|parent|crowd)s?"
    r"|(?:another|this|that|the|our)\s+(?:'[^']{2,60}'\s+)?special(?!\s+(?:needs|care|thanks|day|event)))\b",
    split=True,
)
# Contempt in punctuation, repetition and emoji: "seriously?", "again ... again", an eye-roll.
CONTEMPT_MARKS = Gated(
    r"(?i:\b(?:seriously\?|again\?!|come on\.?$|every\.\s+single\.)|\bagain\b(?! and again).{0,40}\bagain\b)"
    r"|[🙄🤡🤬😒]|🤦"
)
# Small signals of sarcasm, none enough alone: a scare-quoted complaint, a repeat visit,
# a mock endearment, "love it when", "maybe don't", a trivial reason to attend.
SARCASM = Gated(
    r"(?i)(?<!\w)['‘\"“](?:[\w\s/]{0,20}\s)?\b(?:pain|fall|fell|allergic|allergy|forgot|lost"
    r"|emergency|sick|migraine|seizures?|can'?t|only had|always had|cough)\b[\w\s]{0,20}['’\"”](?!\w)"
    r"|\b(?:(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+time|(?:\d+|two|three|four|five"
    r"|six|several|multiple)\s+times)\s+(?:this|that|in (?:a|one)|today|tonight|since)\b"
    r"|\bfor the \d+(?:st|nd|rd|th) time\b|,\s*again\b|\bsomehow (?:always|never|still|only)\b"
    r"|\bi (?:just |really )?love my job\b|\b(?:gotta|got to|don'?t you (?:just )?|just) love (?:it )?when\b"
    r"|(?:^|[.!?]\s+)love (?:it )?when\b|\bmy fav(?:ou?rite)? (?:part |thing )?(?:is )?when\b"
    r"|\bnothing like (?:a|an|the|getting|being|when)\b"
    r"|\b(?:sure|ok(?:ay)?|yeah|right|nice try|nope),?\s+(?:thing,?\s+)?(?:buddy|bud|champ|chief|pal"
    r"|sweetie|sweetheart|babes?|hun|mate|my guy|my dude|sir|ma'?am)\b"
    r"|\b(?:buddy|bud|champ|chief|pal|babes|mate|my guy|my dude|bro)\b(?=\s*(?:[.!?,]|$))"
    r"|\blol\b|\blmf?ao\b|\b(?:swears|swore|insists|insisted|claims|claimed)\s+(?:he|she|they)\b"
    r"|\bsir,? (?:it is|it'?s|this is|please|u|you|that'?s|th[ae]t|what|why|how)\b|\bjust saying\b"
    r"|\ba grown (?:man|woman|adult)\b|\b(?:yes|yeah),? you\b|\bwe see you\b"
    r"|\byou know who you are\b|\bmaybe (?:just )?(?:don'?t|stop|try not)\b"
    r"|\bmaybe (?:the|your|their) \w+ (?:isn'?t|is not|wasn'?t) the problem\b"
    r"|\b(?:work|sick|doctor'?s) note\b|\bhangnails?\b|\bstubbed (?:a |his |her |their )?toe\b"
    r"|[😤🤷🙃🫠🔫💀]",
    split=True,
)
NOT_ABOUT_PATIENTS = Gated(
    r"(?i:\b(?:insurers?|insurance|prior auth\w*|(?:the|this|our|a) (?:health ?care |health |care )?system"
    r"|polic(?:y|ies)|government|funding|ehr|epic|billing"
    r"|administrators?|admin|paperwork|misinformation|myths?|pharma|policy makers|bureaucra\w+"
    r"|short[- ]staffed|understaffed|staffing|rota|roster|schedul\w+|management|managers?|boss"
    r"|charting|pager|printer|computers?|wifi|parking|park(?:s|ed)|cafeteria|canteen|overtime|no (?:lunch|break)"
    r"|colleagues?|co-?workers?|charge nurse|supervisor|preceptor"
    r"|my (?:husband|wife|partner|son|daughter|kids?|children|toddler|teen|boyfriend|girlfriend"
    r"|fianc\w+|mum|mom|mother|dad|father|sister|brother|dog|cat|puppy|family))\b)"
)
QUOTES = "'\"‘’“”"
# A word denied just before: "not annoying", "are never wasting", "don't feel like you're a burden".
DENIED = re.compile(
    r"(?:(?<!do )(?<!does )(?<!did )\bnot|\bnever|\bno longer|\bhardly|\b(?:isn|aren|wasn|weren|ain)['’]?t"
    r"|\bdon['’]?t (?:worry|feel|think|believe|say))"
    r"\s+(?:(?:be|being|so|that|too|very|really|at|all|even|just|feel|feeling|like|you['’]?re|you"
    r"|are|they['’]?re|they|a|an|the|ever|remotely|once)\s+){0,3}['‘\"“]?$"
)
# Said of oneself: "I'm the frequent flyer of the staff kettle".
SELF = re.compile(
    r"\b(?:i['’]?m|i am|i was|i['’]?ve become|call me|we['’]?re|we are)\s+(?:(?:the|a|an|such|total"
    r"|basically|officially|now|our|your|resident|unit['’]?s|ward['’]?s|office|team['’]?s)\s+){1,3}$"
)
# A label named in order to reject it: "stop calling people 'non-compliant'".
REJECTING = Gated(
    r"(?i:\b(?:stop(?:ped)?|quit|instead of|call(?:ing|ed)? (?:people|patients|them|someone|anyone|him|her)"
    r"|label\w*|the (?:term|word|phrase)|language|stigma\w*|retire)\b)"
)
# Warmth in the same sentence: "bless his heart, he brought us tomatoes 🥹".
AFFECTION = Gated(
    r"[🥹🥰😍❤💕💙💜💛💚🧡🤍💗💖]"
    r"|(?i:\b(?:love (?:him|her|them|you)|so sweet|made my (?:day|week|shift|night)"
    r"|what a (?:legend|gem|star|sweetheart))\b)"
)
# Quick tests that a window may hold a denial or a self-description at all.
NEGATING_WORDS = ("not", "n't", "n’t", "never", "no longer", "hardly")
SELF_WORDS = ("i'm", "i’m", "i am", "i was", "i've", "i’ve", "call me", "we're", "we’re", "we are")


def _dismissed(doc: Document, m: re.Match[str]) -> bool:
    """Whether a cue is denied, said of oneself, said warmly, or quoted in order to reject it."""
    sentence_start = doc.sentence_at(m.start())[0]
    before = doc.lower[max(sentence_start, m.start() - 48) : m.start()]
    if any(w in before for w in NEGATING_WORDS) and DENIED.search(before):
        return True
    if any(w in before for w in SELF_WORDS) and SELF.search(before):
        return True
    if sentence_start in doc.sentences_with(AFFECTION):
        return True
    text = doc.text
    quoted = m.start() > 0 and text[m.start() - 1] in QUOTES
    if not quoted:
        return False
    after = text[m.end() : m.end() + 3].lstrip(QUOTES + "s")
    return after.startswith("?") or sentence_start in doc.sentences_with(REJECTING)


def _mentions(doc: Document, pattern: Gated, start: int, end: int) -> bool:
    """Whether a sentence starting in ``[start, end)`` holds a match of ``pattern``."""
    starts = doc.sentences_with(pattern)
    if doc.sentence_at(start) == (start, end):  # one sentence: a set lookup
        return start in starts
    return any(start <= s < end for s in starts)


def _aimed_at_patient(doc: Document, sentence: tuple[int, int], *, whole: bool) -> bool:
    """Whether contempt in ``sentence`` is aimed at a patient.

    An insurer, a policy, a manager or a rota named in the sentence is the target;
    otherwise a patient named there is. With ``whole`` (a short post) a patient, or a
    person, earlier in the post counts when nothing else is named as the target.
    """
    start, end = sentence
    window_start = 0 if whole else start
    if _mentions(doc, NOT_ABOUT_PATIENTS, start, end):
        return False
    if _mentions(doc, PATIENT, start, end):
        return True
    if doc.context.is_reply and _mentions(doc, YOU, start, end):
        return True  # a reply's "you" is the person it answers
    if _mentions(doc, NOT_ABOUT_PATIENTS, window_start, end):
        return False
    return _mentions(doc, PATIENT, window_start, end) or _mentions(doc, PERSON, window_start, end)


class PatientCriticism(Detector):
    rule = "conduct.patient_criticism"
    severity = "block"
    message = "Criticises or mocks patients"
    suggestion = "Remove it: talk about the lesson, never about the person."
    source = "Brief: don't criticise patients on social media; NCSBN; GMC"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for m in LABELS.finditer(doc):
            if not _dismissed(doc, m):
                yield self.finding(doc, m.start(), m.end(), "derogatory label for a patient")
                return
        short = len(doc.sentences) <= 3 or len(doc.text) <= SHORT_POST
        for sentence in _scornful_sentences(doc):
            if _aimed_at_patient(doc, sentence, whole=short):
                yield self.finding(doc, *sentence, "contempt next to a patient reference")
                return
        if not short:
            return
        if not doc.sentences_with(PATIENT):
            return
        signals = {m.group().lower(): m for m in SARCASM.finditer(doc) if not _dismissed(doc, m)}
        if len(signals) >= 2:
            first = min(signals.values(), key=_start)
            yield self.finding(doc, *doc.sentence_at(first.start()), "sarcasm about a patient")


def _scornful_sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentences holding contempt that is not denied, self-directed or rejected, in order."""
    found: set[tuple[int, int]] = set()
    for rx in (CONTEMPT, CONTEMPT_MARKS):
        for m in rx.finditer(doc):
            sentence = doc.sentence_at(m.start())
            if sentence not in found and not _dismissed(doc, m):
                found.add(sentence)
    return sorted(found)


def _start(m: re.Match[str]) -> int:
    return m.start()
