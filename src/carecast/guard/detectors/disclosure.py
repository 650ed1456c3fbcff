"""``disclosure.*``: say who you are and what ties you have.

``disclosure.undisclosed_promotion``: a product, brand, discount code or affiliate
link promoted with no disclosure ("#ad", "sponsored", "I'm a paid consultant").
``disclosure.identity``: in patient communities a clinician gives their credentials
and says whether they speak for an employer or for themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

# Promotion cues in any case, and those that need a capitalised brand or code.
PROMOTION = Gated(
    r"(?i:\b(?:use|with|enter|apply)\s+(?:my\s+|our\s+|the\s+|promo\s+|discount\s+)?code\s+\w+"
    r"|\bpromo(?:tion(?:al)?)? code|\bdiscount code|\bcoupon"
    r"|\bdm (?:me|us) (?:to|for) (?:order|buy|get|a demo|pricing)|\blink in (?:my |the )?(?:profile|thread|replies|bio|comments)"
    r"|\bevery click helps|\b(?:tell|told) everyone to buy|\bcheck (?:them|it) out\b|\bmention my name"
    r"|\$\d+(?:\.\d{2})?\s+(?:gets you|for (?:a|the|my|your))|\bat the front desk for \$|\bfor flying me"
    r"|\bput all my \w+ patients (?:in|on) them"
    r"|\b\d{1,2}\s?%\s?off\b|\bbogo\b|\b(?:shop|buy|order|grab|get yours|get it|try it) (?:now|today|here|it)\b"
    r"|\blink in (?:my )?bio|\bmy link\b|\bswipe up|\bamzn\.to/|\bamazon\.com/\S*(?:tag=|/dp/)"
    r"|\b(?:ref|aff|affid|utm_source)=|\bbit\.ly/|\btinyurl\.com/"
    r"|\b(?:i|we)\s+(?:absolutely\s+|really\s+|just\s+)?(?:love|swear by|recommend|can'?t live without"
    r"|am obsessed with|use)\s+(?:my\s+|the\s+|this\s+)?(?:new\s+)?[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?"
    r"\s+(?:supplements?|vitamins?|gummies|collagen|protein|serum|cream|lotion|tea|shakes?|powder"
    r"|app|device|tracker|monitor|mattress|pillow|shoes|insoles|oils?|drops|probiotics?|products?"
    r"|brand|line|kit|bars?|mask|formula|cleanse|detox)"
    r"|\b(?:thanks|thank you) to @?\w+(?:\s\w+){0,2} for (?:sending|gifting|the free|sponsoring|flying|hosting)"
    r"|\bgifted (?:me|us)\b|\bfree samples?\b"
    r"|\bbrand ambassador|\bcheck out (?:my|our) (?:friends|partners) at"
    r"|\b(?:available|on sale) (?:at|on) (?:amazon|target|walmart|cvs|walgreens|my shop|our shop))",
    split=True,
)
BRAND_PROMOTION = Gated(
    r"\b(?:use|code)\s+[A-Z][A-Z0-9]{3,}\b|\b[A-Z][A-Z0-9]{3,}\s+at checkout"
    r"|(?i:\bputting (?:all )?my \w+ patients on (?-i:[A-Z])\w+"
    r"|\bi only (?:wear|use|recommend|buy) (?-i:[A-Z])\w+|\brecommending the (?-i:[A-Z])\w+"
    r"|\bpartner(?:ed|ing)? with @?(?-i:[A-Z])\w+)"
)
OWN_SERVICES = Gated(
    r"(?i:\b(?:our|we)\b[^.!?]{0,40}\b(?:clinic|practice|office|team|service|appointments?"
    r"|telehealth|flu shots?|vaccines?|screenings?|hours|nurse line|patients)\b)"
)
DISCLOSED = Gated(
    r"(?i:#ad\b|#advert|#sponsored|#spon\b|#partner\b|#paid|#gifted|#affiliate|\bsponsored\b"
    r"|\bpaid (?:partnership|promotion|post|consultant|speaker|advisor|adviser|spokesperson)"
    r"|\bdisclosure\s*:|\bdisclaimer\s*:|\bconflict of interest|\bcoi\s*:|\baffiliate link"
    r"|\b(?:i|we)\s+(?:may\s+)?(?:receive|get|earn|make|am paid|was paid|were paid|have been paid)"
    r"\s+(?:a\s+)?(?:small\s+)?(?:commission|payment|compensation|fees?|money|royalt\w+|honorari\w+)"
    r"|\b(?:i|we)(?:'m| am| are)\s+(?:a\s+)?(?:paid|compensated|an? (?:advisor|consultant|shareholder"
    r"|investor|ambassador|affiliate))\b|\bi (?:own|co-?founded|founded|have shares in|consult for|advise)"
    r"|\bnot sponsored|\bno (?:financial )?(?:ties|affiliation|relationship|conflicts?)"
    r"|\bin partnership with|\bpaid for by|\bmaterial connection)",
    split=True,
)

CREDENTIAL = Gated(
    r"\b(?:MD|M\.D\.|DO|D\.O\.|RN|BSN|MSN|NP|FNP(?:-[BC]{1,2})?|APRN|PA-C|PharmD|Pharm\.D\.|RPh|DPT"
    r"|OTR/?L?|LCSW|LPC|LMFT|LMHC|PsyD|PhD|DDS|DMD|MBBS|MBChB|MRCP|FRCP|MRCGP|FRACP|FRCS|FACP|FAAP|FAAFP"
    r"|FACC|FACS|FACEP|CNM|CRNA|LPN|LVN|RDN?|DNP|MPH|IBCLC|CDCES|CNA|EMT|RRT|CPNP|PMHNP|DC|OD|DPM)\b"
    r"|(?i:\b(?:i'?m|i am|as)\s+(?:a|an)\s+(?:\w+\s+){0,3}?(?:doctor|physician|nurse|pharmacist"
    r"|therapist|psychologist|psychiatrist|dentist|midwife|gp|surgeon|pediatrician|paediatrician"
    r"|cardiologist|dermatologist|oncologist|dietitian|nutritionist|paramedic|optometrist"
    r"|physiotherapist|counsel+or|social worker|practitioner|internist|obstetrician|hospitalist"
    r"|anesthesiologist|anaesthetist|radiologist|clinician|np|pa|rn|md|do)\b"
    r"|\b(?:registration|licen[cs]e|npi|gmc|nmc)\s*(?:number|no\.?|#)?\s*:?\s*\d{5,}"
    r"|\b(?:pharmacist|hygienist|pathologist|practice manager|nurse|physician|doctor|therapist|midwife"
    r"|dietitian|dentist|paramedic|psychologist|counsel+or)\b[^.!?\n]{0,30}\((?-i:[A-Z][A-Za-z\-]{1,7})(?:,\s*(?-i:[A-Z][A-Za-z\-]{1,8}))*\))"
    r"|\((?:MS, )?CCC-SLP\)|\bCMPE\b|\bRDH\b"
)
CAPACITY = Gated(
    r"(?i:\bviews?\s+(?:are\s+|expressed\s+(?:here\s+)?are\s+)?(?:my|our)\s+own\b|\bopinions?\s+(?:are\s+)?my\s+own"
    r"|\bspeaking (?:only )?(?:for|as) (?:myself|me|an individual)|\bpersonal capacity|\bindependent capacity"
    r"|\b(?:not|don'?t|do not|doesn'?t|isn'?t|am not|i'?m not)\s+(?:\w+\s+){0,2}(?:speak(?:ing)?|post(?:ing)?"
    r"|writ(?:e|ing)|represent(?:ing)?|here)\s+(?:for|on behalf of|as a representative of)"
    r"|\bnot (?:on behalf of|representing|speaking for)|\bnot (?:my|our) (?:employer|hospital|clinic|practice)'?s?"
    r"|\bon behalf of\b|\brepresent(?:ing)? (?:my|our|the) (?:employer|hospital|clinic|practice|health system)"
    r"|\bspeaking for (?:my|our|the) (?:employer|hospital|clinic|practice|team)|\bofficial (?:account|response)"
    r"|\b(?:posting|speaking|sharing|writing|commenting)\s+(?:only\s+)?(?:for myself|as myself|personally|as an individual)"
    r"|\bon my own behalf|\bnot for (?:my|the|our|any) (?:practice|employer|workplace|hospital|clinic|team)"
    r"|\bposting (?:for|as) (?:the|our|my) (?:clinic|practice|hospital|team)|\bmy own (?:opinion|views?|words))"
)


class UndisclosedPromotion(Detector):
    rule = "disclosure.undisclosed_promotion"
    severity = "review"
    message = "Promotion without a disclosure"
    suggestion = "Disclosure: say what ties you have to this product (#ad, paid, affiliate)."
    source = "FTC 16 CFR 255.5; AMA Opinion 1.2.12: disclose material connections"

    def detect(self, doc: Document) -> Iterator[Finding]:
        if DISCLOSED.search(doc):
            return
        cues = sorted((*PROMOTION.finditer(doc), *BRAND_PROMOTION.finditer(doc)), key=_start)
        for m in cues:
            s, e = doc.sentence_at(m.start())
            if OWN_SERVICES.search(doc, s, e) and not re.search(
                r"(?i)code|amzn|affiliate|ref=|link in", m.group()
            ):
                continue
            yield self.finding(doc, m.start(), m.end(), "promotion cue with no disclosure")
            return


def _start(m: re.Match[str]) -> int:
    return m.start()


class MissingIdentity(Detector):
    rule = "disclosure.identity"
    severity = "review"
    message = "In a patient community, say who you are: credentials and capacity"
    suggestion = ""
    source = "Brief: introduce yourself with credentials and say whether you represent an employer"

    def detect(self, doc: Document) -> Iterator[Finding]:
        if doc.context.channel != "community":
            return
        has_credentials = CREDENTIAL.search(doc) is not None
        has_capacity = CAPACITY.search(doc) is not None
        if has_credentials and has_capacity:
            return
        missing = " and ".join(
            part
            for part, ok in (("credentials", has_credentials), ("capacity", has_capacity))
            if not ok
        )
        author = doc.policy.author
        line = ", ".join(p for p in (author.name or "[your name]", author.credentials) if p)
        fix = f"— {line}. {author.capacity}".strip()
        yield self.finding(
            doc,
            0,
            min(len(doc.text), doc.sentences[0][1]),
            f"community post without {missing}",
            message=f"In a patient community, state your {missing}",
            suggestion=fix,
        )
