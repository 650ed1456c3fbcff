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
    r"|\bdm (?:me|us) (?:to|for) (?:order|buy|get|a demo|pricing)"
    r"|\blink(?:ed|s)? (?:it |them |this |is |are )?(?:in|on) (?:my |the )?(?:profile|bio|stories|story|highlights)"
    r"|\bevery click helps|\b(?:tell|told) everyone to buy|\bcheck (?:them|it) out\b|\bmention my name"
    r"|\$\d+(?:\.\d{2})?\s+(?:gets you|for (?:a|the|my|your))|\bat the front desk for \$|\bfor flying me"
    r"|\bput all my \w+ patients (?:in|on) them"
    r"|\b\d{1,2}\s?%\s?(?:off|discount)\b|\b(?:get|enjoy|receive|save)\s+(?:a\s+)?\d{1,2}\s?%"
    r"|\border (?:through|via|from|on) (?:my|our) (?:\w+ )?(?:whatsapp|dms?|inbox|page|shop|store|website)"
    r"|\bask (?:your|the|a) (?:\w+ )?(?:rep|sales rep|representative)\b"
    r"|\b(?:copay|co-pay|savings) (?:card|coupon)s?\b"
    r"|\bbogo\b|\b(?:shop|buy|order|grab|get yours|get it|try it) (?:now|today|here|it)\b"
    r"|\bmy link\b|\bswipe up|\bamzn\.to/|\bamazon\.com/\S*(?:tag=|/dp/)"
    r"|\b(?:ref|aff|affid|utm_source)=|\bbit\.ly/|\btinyurl\.com/"
    r"|\b(?:i|we)\s+(?:absolutely\s+|really\s+|just\s+)?(?:love|swear by|recommend|can'?t live without"
    r"|am obsessed with|use)\s+(?:my\s+|the\s+|this\s+)?(?:new\s+)?[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?"
    r"\s+(?:supplements?|vitamins?|gummies|collagen|protein|serum|cream|lotion|tea|shakes?|powder"
    r"|app|device|tracker|monitor|mattress|pillow|shoes|insoles|oils?|drops|probiotics?|products?"
    r"|brand|line|kit|bars?|mask|formula|cleanse|detox)"
    r"|\b(?:thanks|thank you) to @?\w+(?:\s\w+){0,2} for (?:sending|gifting|the free|sponsoring|flying|hosting)"
    r"|\bgifted (?:me|us|by|from)\b|\bfree samples?\b"
    r"|\b(?:kindly|generously) (?:sent|gifted|gave) (?:me|us)\b"
    r"|\b(?:brand|company|team at @?\w+|folks at @?\w+) (?:kindly )?(?:sent|gifted|gave) (?:me|us)\b"
    r"|\bsent (?:me|us) (?:one|some|a|an|this|these|their|a pair|samples?)\b[^.!?]{0,40}\bto (?:try|test|review)\b"
    r"|\b(?:my|our|this|a|new|first) collab\b|\bcollab(?:bing|ing|ed)? with\b"
    r"|\bbrand ambassador|\bcheck out (?:my|our) (?:friends|partners) at"
    r"|\b(?:available|on sale) (?:at|on) (?:amazon|target|walmart|cvs|walgreens|my shop|our shop))",
    split=True,
)
BRAND_PROMOTION = Gated(
    r"\b(?:use|code)\s+[A-Z][A-Z0-9]{3,}\b|\b[A-Z][A-Z0-9]{3,}\s+at checkout"
    r"|(?i:\bputting (?:all )?my \w+ patients on (?-i:[A-Z])\w+"
    r"|\bi only (?:wear|use|recommend|buy) (?-i:[A-Z])\w+"
    r"|\brecommend(?:ing)? (?:the )?(?-i:[A-Z][a-z]+[A-Z][a-z]\w*)"
    r"|\bpartner(?:ed|ing)? with @?(?-i:[A-Z])\w+)"
)
OWN_SERVICES = Gated(
    r"(?i:\b(?:our|we)\b[^.!?]{0,40}\b(?:clinic|practice|office|team|service|appointments?"
    r"|telehealth|flu shots?|vaccines?|screenings?|hours|nurse line|patients)\b)"
)
# Cues that speak of a tie to a third party, never of the practice's own services.
THIRD_PARTY_TIE = re.compile(
    r"(?i)code|amzn|affiliate|ref=|link(?:ed|s)? (?:in|on)|\bsent\b|\bgifted\b|\bgave\b|collab|\brep\b"
    r"|copay|co-pay"
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

# Words for a clinician, as people introduce themselves ("a hospital pharmacist").
PROFESSION = (
    r"(?:doctor|physician|nurse|pharmacist|therapist|psychotherapist|physiotherapist|physio|dentist"
    r"|midwife|gp|surgeon|p(?:a)?ediatrician|dietitian|dietician|nutritionist|paramedic|optometrist"
    r"|counsel+or|social worker|practitioner|internist|obstetrician|hospitalist|an(?:a)?esthetist"
    r"|hygienist|podiatrist|chiropodist|sonographer|radiographer|health visitor|clinician|medic"
    r"|consultant|registrar|[a-z]*(?:ologist|iatrist))"
)
POSTNOMINALS = Gated(
    r"\b(?:MD|M\.D\.|DO|D\.O\.|RN|BSN|MSN|NP|FNP(?:-[BC]{1,2})?|APRN|PA-C|PharmD|Pharm\.D\.|RPh|DPT"
    r"|OTR/?L?|LCSW|LPC|LMFT|LMHC|PsyD|PhD|DDS|DMD|MBBS|MBChB|MBBCh|BMBS|MRCP|FRCP|MRCGP|FRACP|FRCS"
    r"|MRCS|FRCA|FRCOG|FRCPCH|FRCPC|CCFP|FACEM|FRACGP|FANZCA|BDS|MPharm|BPharm|FACP|FAAP|FAAFP"
    r"|FACC|FACS|FACEP|CNM|CRNA|LPN|LVN|RDN?|RM|RGN|RMN|RPN|CNS|CCRN|CDE|DNP|MPH|IBCLC|CDCES|CNA|EMT|RRT"
    r"|CPNP|PMHNP|DC|OD|DPM|CMPE|RDH)\b|\((?:MS, )?CCC-SLP\)"
    r"|(?i:\b(?:pharmacist|hygienist|pathologist|practice manager|nurse|physician|doctor|therapist|midwife"
    r"|dietitian|dentist|paramedic|psychologist|counsel+or)\b[^.!?\n]{0,30}\((?-i:[A-Z][A-Za-z\-]{1,7})"
    r"(?:,\s*(?-i:[A-Z][A-Za-z\-]{1,8}))*\))"
)
# A clinician introducing themselves: "I'm Sam, a hospital pharmacist", "Midwife here",
# "ICU nurse, personal account", "GMC number 7654321".
INTRODUCTION = Gated(
    rf"(?i)\b(?:i'?m|i am|as|it'?s)\s+(?:[^\W\d_][\w'’-]*,\s+)?(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?\b{PROFESSION}\b"
    r"|\b(?:i'?m|i am|as)\s+(?:a|an)\s+(?:np|pa|rn|md|do)\b"
    rf"|\b{PROFESSION}\s+here\b"
    r"|(?:^|[.!?]\s+|\n)(?!(?:the|my|your|our|his|her|their|a|an|this|that|every|any|no|one|dear|hi|hey)\b)"
    rf"(?:[\w&/-]+\s+){{0,2}}\b{PROFESSION}\b\s*(?:[,(—–:]|-\s)"
    r"|\b(?:registration|licen[cs]e|npi|gmc|nmc)\s*(?:number|no\.?|#)?\s*:?\s*\d{5,}"
)
CAPACITY = Gated(
    r"(?i:\bviews?\s+(?:are\s+|expressed\s+(?:here\s+)?are\s+)?(?:my|our)\s+own\b|\bopinions?\s+(?:are\s+)?my\s+own"
    r"|\bspeaking (?:only )?(?:for|as) (?:myself|me|an individual)|\bpersonal capacity|\bindependent capacity"
    r"|\bpersonal (?:account|page|profile|views?|opinions?)\b|\bhere as (?:myself|an individual)\b"
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
            if OWN_SERVICES.search(doc, s, e) and not THIRD_PARTY_TIE.search(m.group()):
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
        has_credentials = bool(POSTNOMINALS.search(doc) or INTRODUCTION.search(doc))
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
            addition=fix,
        )
