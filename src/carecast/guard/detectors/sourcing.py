"""``sourcing.*``: health claims need a trustworthy source.

``sourcing.unreliable_source``: a link to, or citation of, a source known to be
unreliable for health information. ``sourcing.unsourced_claim``: a specific factual
or statistical health claim with no link, DOI or named authority.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    r"|(?:wellness|health|gut[- ]health|hormone|holistic|fitness|nutrition|keto|detox|life|mindset) (?:coach|guru)"
    r"|influencer|creator|nutritionist i follow|chiropractor|naturopath|homeopath|herbalist|healer"
    r"|(?:moms?|mums?|parenting|village|community)'? (?:facebook |whatsapp )?group|keto king)\b"
)
# Words that make a named outlet the source of what is said: "X says", "per X", "reposting from X".
SOURCE_VERBS = Gated(
    r"(?i)\b(?:said|says|saying|posted|posts|claims?|claimed|claiming|explain\w*|convinced|summary"
    r"|explanation|breakdown|source|got this from|per|according to|shows|showed|taught|learned|learnt"
    r"|recommend\w*|swears?|resource|go-to|tips|advice|made a (?:chart|guide|list)|forward\w*"
    r"|repost\w*|reshar\w*|sharing (?:this|it) (?:here|from)|h/t|via)\b"
)
HEARSAY = Gated(
    r"(?i:(?<!you )(?<!they )(?<!he )(?<!she )(?<!who )"
    r"\b(?:saw|read|heard|found|learned|learnt|watched|seen)\s+(?:it\s+|this\s+|that\s+|about it\s+)?"
    r"(?:on|in|from)\s+(?:a\s+|an\s+|some\s+|this\s+|one\s+|the\s+)?(?:viral\s+|[\w-]+['’]?s['’]?\s+)?"
    r"(?:tiktok|facebook|fb"
    r"|instagram|insta|ig|youtube|twitter|reddit|whatsapp|telegram|blog|forum|chain (?:email|message|text)"
    r"|my feed|podcast|joe rogan|meme|(?:mom|mum|parenting|wellness) group|influencer|video)"
    r"|(?:^|[.!?:]\s+|\b(?:i|we|i've|we've|just|also|recently|finally)\s+)"
    r"(?:saw|watched|read|heard|found)\s+(?:a|an|this|one|some)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:tiktok|reel|youtube video|video|instagram post|facebook post|podcast|thread|meme)"
    r"\s+(?:from|by|about|saying|claiming|where|that|on)\b"
    r"|\b(?:tiktok|reel|video|post|thread)s?\s+from\s+(?:a|an|this|some|one|the)\s+"
    r"|\bfrom\s+(?:a|an|this|some|one|my|our|the)\s+(?:[\w'-]+\s+){0,2}?(?:tiktok|telegram|whatsapp|facebook"
    r"|youtube|instagram|reddit)\s+(?:channel|group|page|account|video|post|reel|creator|influencer|chat)"
    r"|\bforward(?:ed)?\s+(?:as received\s+)?from\b"
    r"|\baccording to\s+(?:a\s+|some\s+|this\s+)?(?:tiktok|facebook|instagram|youtube|reddit|google"
    r"|dr\.? google|an influencer|my (?:chiropractor|naturopath|cousin|aunt|uncle|friend|neighbou?r)"
    r"|a naturopath|a wellness (?:coach|blog|influencer)|the internet|a meme|a viral)"
    r"|\b(?:a|this|one)\s+(?:viral\s+)?(?:tiktok|youtube video|facebook post|instagram reel|reel|meme"
    r"|influencer|wellness influencer)\s+(?:said|says|showed|shows|explains|explained|proves|proved"
    r"|claims|claimed)"
    r"|\b(?:someone|somebody|a (?:mum|mom|dad|lady|guy|woman|man|member|friend)|people|folks)\s+(?:in|on|from)"
    r"\s+(?:my|our|a|the|this|one)\s+(?:[\w-]+\s+){0,2}(?:group|forum|page|chat|thread|comments)\s+"
    r"(?:said|says|posted|made|shared|swears|recommended|recommends|claims?|claimed|suggested|suggests)"
    r")",
    split=True,
)
WARNED = Gated(
    r"(?i)\b(?:don'?t trust|avoid|beware|not a reliable|unreliable|misinformation"
    r"|debunk\w*|myth|false|misleading|be careful|careful with|not true|junk|don'?t rely"
    r"|do not rely|not reliable|nonsense|wrong|untrue)\b"
)
# A sentence that opens by rebutting the one before: "It doesn't.", "Please don't."
REBUTTAL = re.compile(
    r"(?i)\W*(?:(?:it|this|that)(?:['’]s| is| does| will)?\s*(?:n['’]t|not|doesn['’]t|won['’]t|isn['’]t|false"
    r"|wrong|nonsense|a myth|untrue)|not true|false|nope|no[,.!]|please (?:don['’]t|do not)"
    r"|don['’]t (?:do|believe|try) (?:it|this|that))"
)
# A reliable source brought in to set a claim straight: "the FSA advises", "NHS has good info".
CORRECTION = Gated(
    r"(?i)\b(?:advises?|recommends?|covers? (?:this|it)|has (?:a |an |some )?(?:good|great|clear|reliable"
    r"|helpful|accurate|proper)\s+(?:info|information|advice|guidance|page|leaflet|fact ?sheet|explainer)"
    r"|guidance|myth-?bust\w*|fact-?check\w*)\b"
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
    r"|\bhalf of all\b|\b\d+(?:\.\d+)?\s+(?:years?|months?)\s+(?:longer|shorter|earlier|sooner)\b"
    r"|\bby (?:something like |about |around |nearly |up to |over )?\d+\s?%|\bflush(?:es)? (?:out )?toxins|\bcures?\b"
    r"|\b(?:reduces?|cuts?|lowers?|raises?|increases?|doubles?|triples?|halves|slashes?|boosts?)"
    r"\s+(?:\w+\s+){1,3}?(?:risk|deaths|mortality|rates?)\b(?:\s+by)?"
    r"|\b(?:\d+|two|three|four|five|ten)\s?(?:x|times)\s+(?:more|less|higher|lower|as)\b"
    r"|\b(?:twice|half) as (?:likely|many|much|common)\b"
    r"|\b(?:reduces?|cuts?|lowers?|raises?|increases?|doubles?|triples?|halves|slashes?|boosts?)"
    r"\s+(?:your\s+|the\s+)?(?:risk|chances?|odds|rates?|likelihood|mortality|deaths?)"
    r"|\b(?:clinically|scientifically|medically)?\s?proven\s+to|\bproven\b(?!\s+otherwise)|\bguaranteed\b"
    r"|\brevers(?:es|ed|ing)\s+(?:\w+\s+){0,2}(?:resistance|disease|diabetes|damage|aging)"
    r"|\b(?:doctors|experts|scientists|dentists)\s+(?:agree|recommend|say)"
    r"|\b(?:is|are)\s+(?:linked|tied|associated)\s+(?:to|with)"
    r"|\b(?:leading|number one|#1|most common|biggest)\s+cause\s+of"
    r"|\bkills?\s+(?:more|over|about|nearly|\d[\d.,]*\s?%?)"
    r"|\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:shown|proven|found|demonstrated)\s+to\b"
    r"|\bin (?:multiple|several|many|numerous|countless|clinical|large) (?:trials|studies)\b"
    r"|\b(?:same|equal|similar|better|worse|higher|lower|improved)\s+(?:survival|mortality|outcomes|recurrence"
    r"|cure rates?)\b"
    r"|\b(?:as (?:well|good|effective(?:ly)?) as|(?:more|less) effective than|better than)\s+(?:the |your |a |an )?"
    r"(?:[a-z]+(?:pril|sartan|statin|mab|zole|mycin|cillin|formin|azepam|oxetine|olol|dipine|gliptin|gliflozin"
    r"|glutide|tide|prazole|profen|amol|triptan|cycline)|medications?|medicines?|meds|drugs?|pills?"
    r"|prescriptions?|antibiotics|statins|insulin|chemo(?:therapy)?|surgery|vaccines?|steroids"
    r"|antidepressants|painkillers|the (?:jab|shot))\b"
    r"|\b(?:has|have)\s+(?:more than\s+)?(?:doubled|tripled|trebled|quadrupled|halved|soared|plummeted)\b"
    r"|\b(?:minutes|hours|years|days)\s+(?:off|onto|to)\s+(?:your|their|a person'?s|the average)"
    r"\s+(?:life|lifespan|life expectancy)\b"
    r"|\b\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+of\s+(?!(?:proceeds|profits|our|my|the proceeds|sales)\b)"
    r"|\b(?:half|a third|one[- ]third|a quarter|one[- ]quarter|two[- ]thirds|three[- ]quarters|a fifth"
    r"|one[- ]fifth)\s+of\s+(?:all\s+|the\s+)?(?:people|adults|patients|children|kids|women|men|teens"
    r"|babies|infants|cases|deaths|americans|britons|smokers|diabetics|those)\b)",
    split=True,
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
# A named professional or public body: "British Thyroid Foundation", "Food Standards Agency".
NAMED_BODY = Gated(
    r"\b(?:[A-Z][\w&'-]+ ){1,5}(?:Association|Foundation|Society|Institute|College|Agency|Council|Federation"
    r"|Academy|Organi[sz]ation|Commission|Ministry|Research UK|Health Service)\b"
)
# A source named in brackets: "(Cancer Research UK)", "(Mind, 2022)".
BRACKETED_SOURCE = re.compile(
    r"\((?:[A-Z][\w&'.-]*\s?){2,8}\)|\((?:[A-Z][\w&'.-]*\s?){1,8},?\s*(?:19|20)\d{2}\)"
)


# The author's own account on a platform: "I'm a nurse on TikTok", "follow us on Instagram".
OWN_CHANNEL = re.compile(
    r"(?:\b(?:i['’]?m|i am|we['’]?re|we are|follow (?:me|us)|find (?:me|us)|join (?:me|us))\b[^.!?]{0,40}?"
    r"|\b(?:my|our))\s+(?:on\s+)?$"
)
REPORTED = Gated(
    r"(?i)\b(?:claiming|claims? that|myths?|so-called|supposedly"
    r"|(?:posted|shared|wrote|said|says|told (?:me|us)|heard|read)\b[^.!?]{0,60}\bthat)\b"
)
# The practice's own figures: "our clinic saw 30% more flu patients this week".
OWN_FIGURES = Gated(
    r"(?i)\b(?:we|our (?:clinic|practice|team|ward|unit|hospital|surgery|pharmacy|department|service))\s+"
    r"(?:have\s+|has\s+)?(?:saw|seen|treated|had|vaccinated|gave|given|screened|admitted|delivered|ran)\b"
)
# A question that states a fact: "Did you know 1 in 3 adults ...?"
RHETORICAL = re.compile(r"\W*(?:did|do) you (?:know|realise|realize)\b")
# A claim denied where it is made: "won't cure", "does not reverse", "no evidence it".
DENIED = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno)\s+(?:(?:really|actually|always|necessarily|going to|be able to)\s+){0,2}$"
)


def cites_authority(doc: Document, start: int = 0, end: int | None = None) -> bool:
    """Whether ``doc.text[start:end]`` names a trusted authority, journal or public body."""
    stop = len(doc.text) if end is None else end
    if AUTHORITY.search(doc, start, stop) or NAMED_BODY.search(doc, start, stop):
        return True
    return (
        doc.text.find("(", start, stop) >= 0
        and BRACKETED_SOURCE.search(doc.text, start, stop) is not None
    )


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
                if is_untrusted(m.group(1)) and not _set_straight(doc, m.start()):
                    yield self.finding(doc, m.start(), m.end(), "link to an unreliable site")
                    return
        for m in HEARSAY.finditer(doc):
            if not _set_straight(doc, m.start()) and not _quoted(doc, m.start()):
                yield self.finding(doc, m.start(), m.end(), "social media or hearsay as a source")
                return
        named = (
            *UNRELIABLE_NAMES.finditer(doc),
            *(m for m in SOCIAL_SOURCE.finditer(doc) if _cited_outlet(doc, m)),
        )
        for m in named:
            if not _set_straight(doc, m.start()) and not _in_someone_elses_words(doc, m.start()):
                yield self.finding(doc, m.start(), m.end(), "unreliable source named")
                return


def _cited_outlet(doc: Document, m: re.Match[str]) -> bool:
    """Whether the platform or adviser at ``m`` is cited for what is said, not the author's own."""
    s = doc.sentence_at(m.start())[0]
    own = OWN_CHANNEL.search(doc.lower, max(s, m.start() - 80), m.start()) is not None
    return not own and s in doc.sentences_with(SOURCE_VERBS)


def _set_straight(doc: Document, pos: int) -> bool:
    """Whether the source at ``pos`` is named only to warn about it or to correct it.

    A warning in its sentence, a rebuttal opening the next ("It doesn't.", "please
    don't"), or, just after it, a reliable source that advises otherwise ("the FSA advises").
    """
    spans = doc.sentences
    here = max(bisect_right(doc.sentence_starts, pos) - 1, 0)
    if spans[here][0] in doc.sentences_with(WARNED):
        return True
    if here + 1 < len(spans) and REBUTTAL.match(doc.text, spans[here + 1][0]):
        return True
    corrections = doc.sentences_with(CORRECTION)
    for i, (s, e) in enumerate(spans[here : here + 3]):
        if s not in corrections:
            continue
        s = pos if i == 0 else s
        e = min(e, s + CORRECTION_REACH)
        if CORRECTION.search(doc, s, e) and cites_authority(doc, s, e):
            return True
    return False


CORRECTION_REACH = 400  # how much of a sentence is read for a correction
QUOTE_REACH = 240  # a quotation that opened further back than this is not looked for
QUOTE_MARKS = "'\"‘’“”"
FIRST_PERSON = re.compile(r"(?i)(?:^|\W)(?:i|i'm|i've|my|me|we)(?:\W|$)")


def _quotation_before(doc: Document, pos: int) -> str | None:
    """The quoted words up to ``pos`` when ``pos`` lies inside a quotation, else ``None``."""
    s, _ = doc.sentence_at(pos)
    text = doc.text
    opened = -1
    for i in range(max(s, pos - QUOTE_REACH), pos):
        if text[i] not in QUOTE_MARKS:
            continue
        after_letter = i > 0 and text[i - 1].isalnum()
        before_letter = i + 1 < len(text) and text[i + 1].isalnum()
        if opened < 0 and not after_letter and before_letter:
            opened = i
        elif opened >= 0 and not before_letter:
            opened = -1
    return text[opened + 1 : pos] if opened >= 0 else None


def _quoted(doc: Document, pos: int) -> bool:
    """Whether ``pos`` lies in a quotation: someone else's words, not the author's citation."""
    return _quotation_before(doc, pos) is not None


def _in_someone_elses_words(doc: Document, pos: int) -> bool:
    """Whether ``pos`` lies in a quotation in the first person ("'I read it on Facebook'").

    Scare quotes around a title ("a 'gut health coach'") are the author's own words.
    """
    quoted = _quotation_before(doc, pos)
    return quoted is not None and FIRST_PERSON.search(quoted) is not None


class UnsourcedClaim(Detector):
    rule = "sourcing.unsourced_claim"
    severity = "review"
    message = "Specific health claim with no source"
    suggestion = TRUSTED_SOURCE_LINE
    source = "AMA Opinion 1.2.12; brief: cite reputed sources"

    def detect(self, doc: Document) -> Iterator[Finding]:
        claim = next((m for m in CLAIM.finditer(doc) if self._asserted(doc, m)), None)
        if claim is None:
            return
        if cites_authority(doc) or self._has_link(doc) or HEARSAY.search(doc):
            return
        if UNRELIABLE_NAMES.search(doc) or (SOCIAL_SOURCE.search(doc) and SOURCE_VERBS.search(doc)):
            return
        s, e = doc.sentence_at(claim.start())
        yield self.finding(doc, s, e, "claim without a source")

    @staticmethod
    def _asserted(doc: Document, claim: re.Match[str]) -> bool:
        """Whether the author asserts the claim: not asked, denied, reported or the practice's own."""
        s, e = doc.sentence_at(claim.start())
        ending = doc.text[max(s, e - 8) : e].rstrip(" '\"’”)")
        if ending.endswith("?") and not RHETORICAL.match(doc.lower, s):
            return False
        if DENIED.search(doc.lower, max(s, claim.start() - 30), claim.start()):
            return False
        return s not in doc.sentences_with(REPORTED) and s not in doc.sentences_with(OWN_FIGURES)

    @staticmethod
    def _has_link(doc: Document) -> bool:
        return (
            re.search(
                r"(?i)\bhttps?://|\bwww\.|\b[a-z0-9-]+\.(?:gov|org|edu|int|com|uk|net)\b", doc.text
            )
            is not None
        )
