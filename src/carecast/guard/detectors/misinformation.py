"""``misinformation.claim``: health claims that established evidence contradicts.

Each entry pairs a subject with a claim made about it in the same sentence
("vaccines ... cause ... autism"). A sentence that debunks the claim ("No, vaccines
do not cause autism", "the myth that ...") is not reported. The fix names a
trusted source on the topic.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from carecast.guard.detector import Detector
from carecast.guard.detectors.sourcing import HOST, is_untrusted
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated


@dataclass(frozen=True, slots=True)
class Myth:
    topic: str
    pattern: Gated
    source: str
    negated: bool = False  # the claim itself is a denial ("HIV doesn't cause AIDS")
    term: bool = (
        False  # the match is a bare term, denied anywhere in its sentence ("... aren't real")
    )


def _myth(topic: str, pattern: str, source: str, negated: bool = False, term: bool = False) -> Myth:
    return Myth(topic, Gated(pattern, re.IGNORECASE), source, negated, term)


GAP = r"[^.!?\n]{0,60}?"
CURE = (
    r"(?:cures?d?|curing|reverses?d?|reversing|eliminates?|heals?|healed|kills?|destroys?|eradicates?"
    r"|gets? rid of|got rid of|fix(?:es|ed)?|beats?|beat|clear(?:s|ed)? (?:up|out)|knock(?:s|ed)? (?:it )?out"
    r"|shr[iau]nk\w*|dissolv\w+|melt(?:s|ed)? away|wipe[sd]? out|flush(?:es|ed)? out|halt(?:s|ed)?"
    r"|clears?|cleared|prevent(?:s|ed)?)"
)
NATURAL = (
    r"(?:herb(?:al|s)?|natural(?:ly| remedies| treatments?| cures?)?|essential oils?|alkaline|baking soda"
    r"|apricot (?:seeds|kernels)|laetrile|vitamin c (?:drips|infusions)|high-dose vitamin c|cannabis oil"
    r"|cbd|juic(?:e|ing)|detox\w*|homeopath\w*|colloidal silver|turmeric|garlic|apple cider vinegar"
    r"|fasting|keto|raw vegan|celery juice|black seed|oregano oil|ozone|coffee enemas?|bleach|mms"
    r"|chlorine dioxide|hydrogen peroxide|turpentine|urine therapy|prayer alone|energy healing|reiki"
    r"|black salve|salves?|cinnamon|\w+ extract|supplements?|megadoses?|teas?|vinegar|ivermectin|hcq"
    r"|hydroxychloroquine|raw milk|cleanses?|enemas?|iodine|borax|kerosene|(?:raw|vegan|carnivore) diet"
    r"|berberine|moringa|neem|bitter leaf|scent leaf|ginger|honey|lemon water|warm water|leaf water"
    r"|\w+ leaf tea|\w+ root|seed oil|castor oil|magnesium|zinc|vitamin d|manuka|elderberr\w*"
    r"|echinacea|arnica|zinc lozenges|oil pulling|grapeseed)"
)
INCURABLE = (
    r"(?:cancer|tumou?rs?|leukemia|diabetes|type 1|huntington'?s|multiple sclerosis|\bms\b|autism"
    r"|alzheimer'?s|dementia|parkinson'?s|hiv|aids|als|lupus|(?:long )?covid|hepatitis|schizophrenia"
    r"|measles|tuberculosis|\btb\b|malaria|sepsis|strep(?: throat)?|pneumonia|lactose intolerance|adhd"
    r"|allergies|asthma|arthritis|hypothyroidism|heart attacks?|strokes?|heart disease|eczema|psoriasis)"
)
DRUG_CLASS = (
    r"(?:penicillin|antibiotics?|amoxicillin|chemo\w*|insulin|metformin|vaccines?|statins?|medications?"
    r"|meds|drugs|prescriptions?|antidepressants?|inhalers?|steroids?|tamiflu|ibuprofen|paracetamol"
    r"|acetaminophen|tylenol|advil|aspirin|painkillers?|antihistamines?|antivirals?|nsaids?|surgery"
    r"|radiation|radiotherapy|(?:the )?(?:jab|shot|mmr)s?)"
)
MYTHS: tuple[Myth, ...] = (
    _myth(
        "vaccines",
        rf"\bvacc\w*{GAP}\b(?:cause|causes|caused|causing|lead to|leads to|linked to|trigger\w*)\b{GAP}\bautis\w*",
        "https://www.cdc.gov/vaccine-safety/",
    ),
    _myth(
        "vaccines",
        rf"\b(?:vacc\w*|jabs?|shots?|mrna)\b{GAP}\b(?:microchips?|5g|magneti[sc]\w*|steriliz\w*|steriliz|sterilis\w*"
        rf"|alters? (?:your )?dna|changes? (?:your )?dna|rewrites? (?:your )?dna|shedding|graphene|tracking devices?"
        rf"|aborted fetal|antifreeze|kill(?:s|ed)? more (?:people )?than|more dangerous than (?:the )?(?:disease|virus|measles|covid)"
        rf"|turbo cancer|causes? (?:infertility|sids|cancer|the flu|aids))",
        "https://www.cdc.gov/vaccine-safety/",
    ),
    _myth(
        "vaccines",
        rf"\bflu (?:shot|vaccine|jab)s?{GAP}\b(?:gives?|gave|causes?|caused)\s+(?:you\s+|u\s+|people\s+|kids\s+)?(?:the\s+)?flu\b",
        "https://www.cdc.gov/flu/vaccines/",
    ),
    _myth(
        "covid",
        rf"\b5g\b{GAP}\b(?:covid|coronavirus|virus|cancer|causes|spreads)|\b(?:covid|coronavirus){GAP}\b5g\b",
        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019",
    ),
    _myth(
        "covid",
        rf"\b(?:ivermectin|hydroxychloroquine|hcq|bleach|chlorine dioxide|mms|colloidal silver|zinc alone)\b{GAP}"
        rf"\b(?:cures?|cured|treats?|prevents?|kills?|beats?|stops?|works? (?:against|for)"
        rf"|(?:basically |clinically |totally )?proven['’\"”]? (?:for|against|to))\b{GAP}"
        rf"\b(?:(?:long )?covid|coronavirus|the virus|sars-cov-2)",
        "https://www.fda.gov/consumers/consumer-updates/why-you-should-not-use-ivermectin-treat-or-prevent-covid-19",
    ),
    _myth(
        "covid",
        r"\bcovid(?:-19)? (?:is|was) (?:a hoax|fake|just (?:a|the) (?:cold|flu)|no worse than (?:a|the) (?:cold|flu)|made up)"
        r"|\bmasks?\b[^.!?\n]{0,40}\b(?:cause|causes|give you)\b[^.!?\n]{0,20}\b(?:co2 poisoning|hypoxia|oxygen deprivation|pneumonia)",
        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019",
    ),
    _myth(
        "antibiotics",
        rf"\bantibiotics?\b{GAP}\b(?:cure|cures|treat|treats|fix|fixes|kill|kills|help with|helps with|work for|works for|needed for|clear up|clears up|knock out)\b"
        rf"{GAP}\b(?:colds?|flu|influenza|viral|virus(?:es)?|covid|common cold)\b",
        "https://www.cdc.gov/antibiotic-use/",
    ),
    _myth(
        "antibiotics",
        rf"\b(?:colds?|flu|virus|viral)\b[^.!\n]{{0,60}}?\b(?:z-?pa(?:ck|k)s?|antibiotics?|azithromycin|amoxicillin"
        rf"|augmentin)\b{GAP}\b(?:knock|kill|clear|cure|fix|get rid|shorten|stop)",
        "https://www.cdc.gov/antibiotic-use/",
    ),
    _myth(
        "conspiracy",
        r"\b(?:they|doctors|big pharma|pharma|the government|the cdc|the fda|the media)\s+(?:just\s+)?"
        r"(?:don'?t|do not|won'?t|will not|doesn'?t)\s+want\s+(?:you|us|people)\s+to\s+know"
        r"|\bdo your (?:own )?(?:research|reading)|\bbig pharma (?:doesn'?t|won'?t|hides?|is hiding|buries"
        r"|suppress\w*)|\b(?:suppressed|hidden|banned) cures?\b|\bnature knows best|\bwake up,? (?:people|sheeple)"
        r"|\bwhat (?:doctors|they|your doctor) (?:won'?t|don'?t|doesn'?t) (?:tell|want)",
        "https://medlineplus.gov/evaluatinghealthinformation.html",
        negated=True,
    ),
    _myth(
        "hiv",
        r"\bhiv\b[^.!?\n]{0,30}\b(?:does ?n[o']t|doesnt|does not|never)(?: actually| really)? cause(?:s)? aids|\baids is(?: not| n't) caused by hiv|\bhiv is (?:harmless|a myth|a hoax)",
        "https://www.hiv.gov/hiv-basics/",
        negated=True,
    ),
    _myth(
        "cures",
        # one scan for the remedy, then what it is said to do: a remedy's name is costly to find
        rf"\b{NATURAL}\b{GAP}\b(?:{CURE}\b{GAP}\b{INCURABLE}"
        rf"|kept\b{GAP}\bout of (?:the )?hospital\b{GAP}\b{INCURABLE}"
        rf"|(?:draws?|pulls?|sucks?)\b{GAP}\b{INCURABLE}\b[^.!?\n]{{0,20}}\bout\b"
        rf"|(?:prevents?|stops?|blocks?|cures?|protects? (?:you )?(?:from|against))\b"
        rf"[^.!?\n]{{0,20}}\b(?:every|all|any)\b[^.!?\n]{{0,20}}\b(?:infections?|diseases?|illness\w*"
        rf"|virus(?:es)?|colds?|flus?|bugs?|germs|cancers?)\b"
        rf"|(?:prevents?|stops?|protects? (?:you )?(?:from|against))\b{GAP}"
        rf"\b(?:dengue|malaria|cholera|typhoid|ebola|polio|rabies|tetanus|zika|measles|covid|hiv)\b)"
        rf"|\b{INCURABLE}\b{GAP}\b(?:cured|reversed|gone|disappeared|healed)\b{GAP}\b(?:with|by|using|thanks to|after)\b{GAP}\b{NATURAL}"
        rf"|\b{CURE}\b{GAP}\b{INCURABLE}\b{GAP}\b(?:with|by|using|thanks to|through|on)\b{GAP}\b{NATURAL}",
        "https://www.cancer.gov/about-cancer/treatment/cam",
    ),
    _myth(
        "cures",
        rf"\b(?:stopped|quit|ditched|came off)\b{GAP}\b(?:meds|medications?|chemo\w*|insulin|treatment|prescriptions?)\b{GAP}\b(?:natural|herbal|herbs|remedy|remedies|juice|oils?)\b",
        "https://medlineplus.gov/herbalmedicine.html",
    ),
    _myth(
        "cancer",
        r"\bcancer is (?:just )?(?:a fungus|caused by (?:a )?fungus|an acid(?:ic)? (?:body|condition))|\bsugar feeds cancer\b|\bchemo(?:therapy)? (?:is (?:just )?poison|kills more (?:people )?than|never works|doesn'?t work)",
        "https://www.cancer.gov/about-cancer/causes-prevention/risk/myths",
    ),
    _myth(
        "fluoride",
        r"\bfluoride\b[^.!?\n]{0,60}\b(?:lowers? (?:your |kids'? |children'?s )?iq|mind control|(?:is|it'?s|'s) (?:a )?poison|neurotoxin|causes? (?:cancer|autism|adhd))",
        "https://www.cdc.gov/fluoridation/",
    ),
    _myth(
        "sunscreen",
        r"\bsunscreens?\b[^.!?\n]{0,40}\b(?:causes?|gives? you) (?:skin )?cancer",
        "https://www.aad.org/public/everyday-care/sun-protection/",
    ),
    _myth(
        "vaccines",
        r"\b(?:vacc\w*|shots?|jabs?|mmr|hpv|flu shot)\b[^.!?\n]{0,60}\b(?:weakens? (?:your )?immun\w*|untested"
        r"|causes? infertility|caused (?:my |his |her )?\w+'?s? autism|is what caused)|\b(?:works|work) better than (?:the )?(?:flu shot|vaccines?)"
        r"|natural immunity (?:beats|is better than)",
        "https://www.cdc.gov/vaccine-safety/",
    ),
    _myth(
        "statins",
        r"\bstatins?\b[^.!?\n]{0,40}\b(?:cause dementia|are a scam|is a scam|are poison)|\bcholesterol (?:doesn'?t|does not) matter",
        "https://medlineplus.gov/statins.html",
    ),
    _myth(
        "cures",
        r"\b(?:cranberr\w+|adjustments?|chiropractic)\b[^.!?\n]{0,40}\b(?:cures?|boosts? (?:your )?immunity)"
        r"|\b(?:fix|fixes|cure|cures|reverse|reverses)\s+\w+\s+naturally|\b(?:vitamin c|ivs?)\b[^.!?\n]{0,30}\bshrink"
        r"|\bparasites (?:that )?cause autism|\bantibiotics? help (?:you )?(?:get over|recover from|fight) (?:colds?|flu|viral)",
        "https://medlineplus.gov/",
    ),
    _myth(
        "other",
        r"\bmeasles (?:is|are) (?:a mild|mild|harmless|no big deal|just a rash|good for)|\braw milk\b[^.!?\n]{0,40}\b(?:cures?|prevents?|is safer|boosts? immunity)"
        r"|\bdetox\w*\b[^.!?\n]{0,40}\b(?:flush(?:es)?|removes?|pulls?) (?:out )?(?:all )?(?:the )?toxins|\bvaccines? (?:are|is) (?:poison|toxic)\b"
        r"|\bnatural immunity is (?:always )?(?:better|safer) than (?:the )?vacc\w*|\bautism is caused by\b[^.!?\n]{0,30}\b(?:vacc\w*|tylenol|bad parenting)",
        "https://medlineplus.gov/",
    ),
    _myth(
        "remedies",
        rf"\b{NATURAL}\b{GAP}\b(?:works? |is |are )?(?:better|faster|stronger|more effective)"
        rf" than (?:\w+ ){{0,2}}{DRUG_CLASS}\b",
        "https://www.nccih.nih.gov/health/using-dietary-supplements-wisely",
    ),
    _myth(
        "terms",
        r"(?<!['\"‘“])\bchemtrails?\b|(?<!['\"‘“])\b(?:vaccine|spike protein) shedding\b|\bshedding is real\b"
        r"|\b(?:doctors|hospitals|nurses)\s+(?:were|are|get|got)\s+paid\s+(?:per|for every|to)\b"
        r"|(?<!['\"‘“])\badrenal fatigue\b|\badrenals? (?:are |is )?(?:fatigued|burnt out|exhausted)\b",
        "https://medlineplus.gov/evaluatinghealthinformation.html",
        term=True,
    ),
    _myth(
        "vaccines",
        rf"\bregress\w*{GAP}\b(?:after|following|since)\b{GAP}\b(?:jabs?|shots?|vacc\w*|mmr|immuni[sz]ations?)"
        rf"|\bvitamin k (?:shot|injection|jab)s?\b[^\n]{{0,40}}?\b(?:linked to|causes?|caused|gives?)\b{GAP}\b(?:leuk\w*|cancer)",
        "https://www.cdc.gov/vaccine-safety/",
    ),
    _myth(
        "hiv",
        r"\bhiv is (?:\w+ ){0,2}(?:harmless|a myth|a hoax|not dangerous)|\b(?:it'?s|it is) the (?:meds|drugs|medications?|azt)"
        r" that (?:make|makes|made|are making) (?:people|them|you) (?:sick|ill)",
        "https://www.hiv.gov/hiv-basics/",
    ),
    _myth(
        "other",
        r"\bsunscreens?\b[^.!?\n]{0,40}\b(?:causes?|gives? you)(?: \w+){0,2} (?:skin )?cancer"
        r"|\bstatins?\b[^.!?\n]{0,40}\bcause more (?:heart attacks|strokes|harm) than"
        r"|\b(?:the pill|birth control|contraceptives?|the implant|iuds?)\b[^.!?\n]{0,40}\b(?:wrecks?|destroys?|ruins?"
        r"|causes? (?:permanent )?)\b[^.!?\n]{0,20}\bfertility|\bcancer is (?:\w+ )?(?:a fungus|caused by (?:a )?fungus)"
        r"|\b(?:liver|kidneys?|body) needs? (?:a |an )?[^.!?\n]{0,20}(?:cleanse|detox)",
        "https://medlineplus.gov/",
    ),
    _myth(
        "antibiotics",
        rf"\bantibiotics?\b{GAP}\b(?:right call|needed|necessary|the answer|best bet|what you need|go-to)\b"
        rf"{GAP}\b(?:colds?|flu|influenza|viral|virus(?:es)?|sore throats?|coughs?)\b",
        "https://www.cdc.gov/antibiotic-use/",
    ),
    _myth(
        "cancer screening",
        rf"\b(?:mammograms?|biops(?:y|ies))\b{GAP}\b(?:spread\w*|cause\w*|releas\w*|seed\w*)\b{GAP}"
        rf"\b(?:cancer|tumou?rs?|cells)\b|\bthermograph\w*\b{GAP}\b(?:safer|better|instead of"
        rf"|replaces?|more accurate)\b",
        "https://www.cancer.gov/types/breast/mammograms-fact-sheet",
    ),
    _myth(
        "hiv",
        rf"\bhiv\b{GAP}\b(?:spread\w*|catch|caught|transmit\w*|pass\w*|get|got|infect\w*)\b{GAP}"
        rf"\b(?:shar\w+ (?:a |the |your )?(?:water )?(?:glass|glasses|cups?|cutlery|towels?|toilets?|food)"
        rf"|toilet seats?|kiss\w*|hug\w*|saliva|mosquito\w*|sweat|handshakes?|shaking hands"
        rf"|swimming pools?|coughs?|sneez\w*)",
        "https://www.hiv.gov/hiv-basics/overview/about-hiv-and-aids/how-is-hiv-transmitted",
    ),
    _myth(
        "vaccines",
        rf"\b(?:measles|chicken ?pox|pox|flu) part(?:y|ies)\b{GAP}\b(?:safe\w*|best|better|natural"
        rf"|build\w*|good|great|way)\b|\bnatural (?:infection|immunity)\b{GAP}\b(?:beats?|trumps?"
        rf"|(?:is )?(?:better|safer|stronger) than)\b",
        "https://www.cdc.gov/vaccine-safety/",
    ),
    _myth(
        "chiropractic",
        rf"\b(?:ear infections?|colic|asthma|adhd|bed-?wetting|allergies|autism)\b{GAP}"
        rf"\b(?:comes? from|caused by|due to|the result of|stems? from)\b{GAP}"
        rf"\b(?:misalign\w*|subluxation\w*|spin(?:e|al)|necks?|vertebra\w*)"
        rf"|\b(?:misalign\w*|subluxation\w*)\b{GAP}\bcaus\w*\b{GAP}"
        rf"\b(?:ear infections?|colic|asthma|adhd|bed-?wetting|allergies|autism)\b",
        "https://www.nccih.nih.gov/health/chiropractic-science-and-safety",
    ),
    _myth(
        "pregnancy",
        r"\b(?:can'?t|cannot|can ?not|won'?t|couldn'?t|never|impossible to)\s+(?:\w+\s+)?(?:get|become|fall)"
        r"\s+pregnant\s+(?:on|during|while on|in|the first time|if (?:he|you) pull)"
        r"(?:\s+(?:your|her|my|a|the))?(?:\s+(?:period|time of the month|first time))?",
        "https://medlineplus.gov/birthcontrol.html",
        negated=True,
    ),
    _myth(
        "cancer",
        r"\b(?:cancer|tumou?r)s?(?: cells)? (?:can'?t|cannot|can ?not|won'?t) (?:survive|live|grow|thrive)"
        r" (?:in )?(?:an? )?(?:alkaline|oxygen\w*|high-?ph)",
        "https://www.cancer.gov/about-cancer/causes-prevention/risk/myths",
        negated=True,
    ),
)
QUOTES = frozenset("'\"‘’“”")
# Negation before or inside a claim turns it into a denial ("No, vaccines do not cause autism");
# after it, it is part of the claim ("reverses diabetes, no meds needed").
NEGATION = Gated(
    r"(?i)\b(?:do(?:es)? not|don'?t(?! let)|doesn'?t|never|no|nope|not|can'?t|cannot|won'?t|isn'?t(?! it true)"
    r"|aren'?t|wasn'?t|wrong|lie|lies)\b"
)
# Someone else's claim, reported: "Someone posted in our village group that raw milk cures ..."
REPORTED = Gated(
    r"(?i)\b(?:someone|somebody|people|a patient|patients|a (?:mum|mom|dad|parent|friend|relative|reader)|my \w+"
    r"|they|he|she|clients?)\s+(?:\w+\s+){0,5}?(?:posted|said|says|told (?:me|us)|asked|asks|claimed|claims"
    r"|believes?|insisted|swore|shared|wrote|keeps? saying)\b"
)
DEBUNK_FOR_DENIALS = Gated(
    r"(?i)\b(?:myths?|false|debunk\w*|misinformation|not true|untrue|no evidence|isn'?t true|is wrong"
    r"|fake news|rumou?rs?|claims? that|despite what|contrary to|busted|fact ?check|so-called|supposedly"
    r"|claiming|misinfo|hoax(?:es)? (?:that|like|about)|(?:is|are) wrong)\b"
)


NEXT_SENTENCE_DEBUNK = Gated(
    r"(?i)^\W*(?:it|they|that|this)\s+(?:does|do|did|is|are|was)\s*(?:not|n'?t)\b|\b(?:myths?|false"
    r"|debunk\w*|misinformation|not true|untrue|no evidence|isn'?t true|fake news)\b"
)
# A question answered in the next sentences: "... cures diabetes?' I get this weekly. Short answer: no"
ANSWERED_NO = Gated(
    r"(?i)\b(?:short |the |my )?answer:?\s+no\b|(?:^|[.!?]\s+)(?:no|nope|nah)\b[,.!]"
)
SITE = Gated(rf"(?i)\b(?:https?://)?(?:www\.)?({HOST})\b")
SITE_CLAIM = Gated(
    r"(?i)\b(?:cures?|causes?|works? for|dangerous|untested|poison\w*|scam|toxic|weakens?|revers\w+"
    r"|beat|shrinks?|off insulin|heals?|data showing|explaining how|the truth about)\b"
)


class MisinformationClaim(Detector):
    rule = "misinformation.claim"
    severity = "block"
    message = "Health claim contradicted by established evidence"
    suggestion = "Remove the claim. Trusted source: https://medlineplus.gov/"
    source = "AMA Opinion 1.2.12; FSMB 2021: do not spread health misinformation"

    def detect(self, doc: Document) -> Iterator[Finding]:
        for myth in MYTHS:
            for m in myth.pattern.finditer(doc):
                if self._denied(doc, m, myth):
                    continue
                yield self.finding(
                    doc,
                    m.start(),
                    m.end(),
                    f"{myth.topic} myth",
                    suggestion=f"Remove the claim. Trusted source: {myth.source}",
                )
                return
        yield from self._claims_from_unreliable_sites(doc)

    def _denied(self, doc: Document, m: re.Match[str], myth: Myth) -> bool:
        """Whether the sentence denies, debunks or only reports the claim."""
        s, e = doc.sentence_at(m.start())
        if DEBUNK_FOR_DENIALS.search(doc, s, e):
            return True
        if myth.negated:
            return False
        negation_end = e if myth.term else m.end()
        if NEGATION.search(doc, s, negation_end) or REPORTED.search(doc, s, m.start()):
            return True
        if (
            doc.text[m.start() - 1 : m.start()] in QUOTES
            and doc.text[m.end() : m.end() + 1] in QUOTES
        ):
            return True  # a term in scare quotes is mentioned, not claimed
        first = bisect_left(doc.sentence_starts, e)
        later = doc.sentences[first : first + 2]
        if later and NEXT_SENTENCE_DEBUNK.search(doc.text[later[0][0] : later[0][1]]):
            return True
        return any(ANSWERED_NO.search(doc.text[a:b]) for a, b in later)

    def _claims_from_unreliable_sites(self, doc: Document) -> Iterator[Finding]:
        """A claim passed on from a site known for health misinformation."""
        if "." not in doc.text:
            return
        for m in SITE.finditer(doc):
            if not is_untrusted(m.group(1)):
                continue
            s, e = doc.sentence_at(m.start())
            if SITE_CLAIM.search(doc) and not DEBUNK_FOR_DENIALS.search(doc.text[s:e]):
                yield self.finding(
                    doc, m.start(), m.end(), "claim passed on from an unreliable site"
                )
                return
