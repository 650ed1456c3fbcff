"""``privacy.phi.url``: a web address that points at one person.

Profiles on social networks, fundraisers and care-update pages (a GoFundMe,
a CaringBridge site, facebook.com/jane.doe) identify their subject. Links to
organisations, articles and the practice's own site do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.detectors.sourcing import HOST
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

URL = Gated(
    rf"\b(?:https?://|www\.)?{HOST}(?::\d{{1,5}})?(?:/[^\s<>\"')\]]*)?",
    re.IGNORECASE,
)
PERSONAL_SITES = Gated(
    r"^(?:https?://)?(?:www\.|m\.|[a-z]{2}\.)?(?:"
    r"(?:facebook|fb|instagram|twitter|x|tiktok|threads|linkedin|youtube|pinterest|snapchat"
    r"|reddit|tumblr|medium|substack|github|venmo|cash|paypal|onlyfans|vimeo|flickr"
    r"|bsky|mastodon\.social|myspace|strava|soundcloud|twitch)\.(?:com|net|me|app|social|tv)"
    r"/(?!(?:hashtag|search|explore|help|about|policies|legal|watch|events)\b)"
    r"(?:in/|u/|user/|@|people/|r/)?[\w.\-]+"
    r"|(?:gofundme\.com/f?|caringbridge\.org/(?:visit/)?|mealtrain\.com/|spot\.fund/"
    r"|givesendgo\.com/|lotsahelpinghands\.com/|carepages\.com/|legacy\.com/obituaries/"
    r"|findagrave\.com/memorial/|fundly\.com/|giveforward\.com/|legacy\.com/\S*obituar\w*/"
    r"|everloved\.com/|tributes\.com/|forevermissed\.com/|gofund\.me/|givebutter\.com/"
    r"|fundrazr\.com/(?:campaigns/)?|justgiving\.com/(?:page/|crowdfunding/)?|crowdrise\.com/"
    r"|donorbox\.org/|fundraise\.givesmart\.com/|helphopelive\.org/campaign/|kickstarter\.com/projects/"
    r"|gogetfunding\.com/|ketto\.org/fundraiser/|milaap\.org/fundraisers/|chuffed\.org/project/)[\w.\-/]+"
    r"|[\w\-]+\.(?:blogspot|wordpress|tumblr|substack|carrd)\.(?:com|co)\b.*)",
    re.IGNORECASE,
)
DOCUMENT_EXT = Gated(r"\.(?:pdf|jpe?g|png|docx?)$", re.IGNORECASE)


class PersonalUrl(Detector):
    rule = "privacy.phi.url"
    severity = "block"
    message = "Web address that identifies a person"
    suggestion = "[url]"
    source = "45 CFR 164.514(b)(2)(i)(N): web universal resource locators"

    def detect(self, doc: Document) -> Iterator[Finding]:
        if "." not in doc.text:
            return
        for m in URL.finditer(doc):
            url = m.group().rstrip(".,;:!?")
            if "@" in doc.text[max(0, m.start() - 1) : m.start()]:
                continue
            personal = PERSONAL_SITES.match(url)
            if personal is None:
                continue
            yield self.finding(doc, m.start(), m.start() + len(url), "profile or fundraiser page")
