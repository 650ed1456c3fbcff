"""``sourcing.*``: health claims need a trustworthy source.

``sourcing.unreliable_source``: a link to, or citation of, a source known to be
unreliable for health information. ``sourcing.unsourced_claim``: a specific factual
or statistical health claim with no link, DOI or named authority.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard import lexicons
from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

TRUSTED_SOURCE_LINE = "Source: cite a trusted source such as https://medlineplus.gov/"
# A host name, bounded so that a long run like "x.x.x.…" cannot make the search backtrack.
HOST = r"(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}"
DOMAIN = Gated(rf"(?i)\b(?:https?://)?(?:www\.)?({HOST})(?:/[^\s)\]]*)?")
UNRELIABLE_NAMES = Gated(
    r"(?i)\b(?:naturalnews|natural news|mercola|infowars|epoch times|children'?s health defen[cs]e|dr\.? axe"
    r"|greenmedinfo|the truth about cancer|health impact news|gateway pundit|goop|food babe|bitchute|rumble)\b"
)
SOCIAL_SOURCE = Gated(
    r"(?i)\b(?:tiktok|facebook|fb|instagram|insta|youtube|reddit|telegram|whatsapp|podcast|youtube\.com/watch"
    r"|wellness coach|influencer|creator|nutritionist i follow|chiropractor|naturopath|moms'? (?:facebook )?group"
    r"|keto king)\b"
)
SOURCE_VERBS = Gated(
    r"(?i)\b(?:said|says|say|posted|posts|claims?|claimed|explain\w*|convinced|summary|explanation|piece"
    r"|article|source|read|heard|watched|got this from|per|according to|from|video|thread|channel|post"
    r"|shows|showed|taught|learned)\b"
)
HEARSAY = Gated(
    r"(?i:\b(?:saw|read|heard|found|learned|learnt|watched|seen)\s+(?:it\s+|this\s+|that\s+|about it\s+)?"
    r"(?:on|in|from)\s+(?:a\s+|an\s+|some\s+|this\s+)?(?:viral\s+)?(?:tiktok|facebook|fb|instagram|insta|ig"
    r"|youtube|twitter|reddit|whatsapp|telegram|a blog|a forum|a chain (?:email|message|text)|my feed"
    r"|a podcast|joe rogan|a meme|(?:a|some) (?:mom|parenting|wellness) group|an influencer|a video)"
    r"|\baccording to\s+(?:a\s+|some\s+|this\s+)?(?:tiktok|facebook|instagram|youtube|reddit|google"
    r"|dr\.? google|an influencer|my (?:chiropractor|naturopath|cousin|aunt|uncle|friend|neighbou?r)"
    r"|a naturopath|a wellness (?:coach|blog|influencer)|the internet|a meme|a viral)"
    r"|\b(?:a|this|one)\s+(?:viral\s+)?(?:tiktok|youtube video|facebook post|instagram reel|reel|meme"
    r"|influencer|wellness influencer)\s+(?:said|says|showed|shows|explains|explained|proves|proved"
    r"|claims|claimed)|\bdo your own research"
    r")"
)
WARNED = Gated(
    r"(?i)\b(?:don'?t trust|avoid|beware|not a reliable|unreliable|misinformation"
    r"|debunk\w*|myth|false|misleading|be careful|careful with|not true|junk|don'?t rely"
    r"|do not rely|not reliable|nonsense|wrong)\b"
)
CLAIM = Gated(
    r"(?i:\b(?:studies|research|science|data|evidence|trials?)\s+(?:shows?|proves?|has shown|have shown"
    r"|found|suggests?|says?|confirms?|is clear|demonstrates?)"
    r"|\b(?:a|one|new|recent|latest|landmark|large)\s+(?:new\s+|recent\s+)?(?:study|trial|paper"
    r"|analysis|survey|meta-analysis|review)\s+(?:found|finds|shows|showed|proves|proved|suggests"
    r"|confirmed|reports?)"
    r"|\b\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+(?:of\s+(?:all\s+)?(?:adults|people|patients|americans"
    r"|kids|children|women|men|cases|deaths|disease|us|the population|seniors|teens|smokers|diabetics)|fewer|more"
    r"|lower|higher|less|reduction|increase|risk|chance|effective)"
    r"|\b(?:by|risk of|chance of)\s+\d+(?:\.\d+)?\s?(?:%|percent)|\b\d+\s+(?:in|out of)\s+\d+\b"
    r"|\b\d+\s?%\s+of\s+(?:your|all|american|us|the|those|people|kids|children|adults)\b|\bhalf of all\b"
    r"|\bby (?:something like |about |around |nearly |up to |over )?\d+\s?%|\bflush(?:es)? (?:out )?toxins|\bcures?\b"
    r"|\b(?:reduces?|cuts?|lowers?|raises?|increases?|doubles?|triples?|halves|slashes?|boosts?)"
    r"\s+(?:\w+\s+){1,3}?(?:risk|deaths|mortality|rates?)\b(?:\s+by)?"
    r"|\b(?:\d+|two|three|four|five|ten)\s?(?:x|times)\s+(?:more|less|higher|lower|as)\b"
    r"|\b(?:reduces?|cuts?|lowers?|raises?|increases?|doubles?|triples?|halves|slashes?|boosts?)"
    r"\s+(?:your\s+|the\s+)?(?:risk|chances?|odds|rates?|likelihood|mortality|deaths?)"
    r"|\b(?:clinically|scientifically|medically)?\s?proven\s+to|\bproven\b(?!\s+otherwise)|\bguaranteed\b"
    r"|\brevers(?:es|ed|ing)\s+(?:\w+\s+){0,2}(?:resistance|disease|diabetes|damage|aging)"
    r"|\b(?:doctors|experts|scientists|dentists)\s+(?:agree|recommend|say)"
    r"|\b(?:is|are)\s+(?:linked|tied|associated)\s+(?:to|with)"
    r"|\b(?:leading|number one|#1|most common|biggest)\s+cause\s+of"
    r"|\bkills?\s+(?:more|over|about|nearly|\d))"
)
AUTHORITY = Gated(
    r"\b(?:CDC|WHO|NIH|NHS|FDA|EMA|NICE|USPSTF|AHA|ADA|ACS|AAP|ACOG|AAFP|ACP|ACC|ASCO|NCI|NIMH"
    r"|NIDA|NHLBI|NIAID|HHS|AHRQ|CMS|ECDC|UKHSA|PHE|MedlinePlus|Cochrane|NEJM|JAMA|BMJ|Lancet"
    r"|Nature|Science|Pediatrics|Circulation|Mayo Clinic|Cleveland Clinic|Johns Hopkins|Surgeon General"
    r"|American (?:Heart|Cancer|Diabetes|Academy|College|Lung|Stroke) \w+|World Health Organization"
    r"|Centers for Disease Control|National Institutes? of \w+|PubMed|PMID|doi|Census Bureau|National Academies"
    r"|ASHA|ADA|AAD|ACIP|KFF|Pew|Gallup)\b|\b(?:19|20)\d{2} (?:report|study|trial|review|survey|guideline)"
    r"|(?i:\bdoi:|\bdoi\.org|\bet al\b|\bpmid\b|\bsource:|\bsources:|\bref:|\bcitation:|\bvia @"
    r"|\bper (?:the|a) \d{4}|\b(?:journal|trial|study|meta-analysis|review) (?:published )?in (?:the )?[A-Z]"
    r"|\bpublished in|\baccording to (?:the )?[A-Z]|\bper the [A-Z]|\bjournal of|\bthe lancet)"
)


REPORTED = Gated(r"(?i)\b(?:claiming|claims? that|myths?|so-called|supposedly)\b")


def is_untrusted(domain: str) -> bool:
    """Whether ``domain`` or a parent domain is on the untrusted list."""
    listing = lexicons.load("untrusted_domains")
    parts = domain.lower().split(".")
    return any(".".join(parts[i:]) in listing for i in range(len(parts) - 1))


class UnreliableSource(Detector):
    rule = "sourcing.unreliable_source"
    severity = "review"
    message = "Cites a source that is unreliable for health information"
    suggestion = TRUSTED_SOURCE_LINE
    source = "Brief: information shared should be sourced from reputed sources"

    def detect(self, doc: Document) -> Iterator[Finding]:
        if "." in doc.text:
            for m in DOMAIN.finditer(doc):
                if is_untrusted(m.group(1)) and not self._warned(doc, m.start()):
                    yield self.finding(doc, m.start(), m.end(), "link to an unreliable site")
                    return
        for m in HEARSAY.finditer(doc):
            if not self._warned(doc, m.start()):
                yield self.finding(doc, m.start(), m.end(), "social media or hearsay as a source")
                return
        for rx in (UNRELIABLE_NAMES, SOCIAL_SOURCE):
            for m in rx.finditer(doc.text):
                s, e = doc.sentence_at(m.start())
                if rx is SOCIAL_SOURCE and not SOURCE_VERBS.search(doc, s, e):
                    continue
                if not self._warned(doc, m.start()):
                    yield self.finding(doc, m.start(), m.end(), "unreliable source named")
                    return

    @staticmethod
    def _warned(doc: Document, pos: int) -> bool:
        s, e = doc.sentence_at(pos)
        return WARNED.search(doc, s, e) is not None


class UnsourcedClaim(Detector):
    rule = "sourcing.unsourced_claim"
    severity = "review"
    message = "Specific health claim with no source"
    suggestion = TRUSTED_SOURCE_LINE
    source = "AMA Opinion 1.2.12; brief: cite reputed sources"

    def detect(self, doc: Document) -> Iterator[Finding]:
        claim = CLAIM.search(doc)
        if claim is None:
            return
        s, e = doc.sentence_at(claim.start())
        if REPORTED.search(doc, s, e):
            return
        if AUTHORITY.search(doc) or self._has_link(doc) or HEARSAY.search(doc):
            return
        if UNRELIABLE_NAMES.search(doc) or (SOCIAL_SOURCE.search(doc) and SOURCE_VERBS.search(doc)):
            return
        s, e = doc.sentence_at(claim.start())
        yield self.finding(doc, s, e, "claim without a source")

    @staticmethod
    def _has_link(doc: Document) -> bool:
        return (
            re.search(
                r"(?i)\bhttps?://|\bwww\.|\b[a-z0-9-]+\.(?:gov|org|edu|int|com|uk|net)\b", doc.text
            )
            is not None
        )
