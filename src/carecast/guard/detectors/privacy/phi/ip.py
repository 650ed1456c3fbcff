"""``privacy.phi.ip``: IPv4 and IPv6 addresses (validated with :mod:`ipaddress`)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from carecast.guard.detector import Detector
from carecast.guard.document import Document
from carecast.guard.findings import Finding
from carecast.guard.gate import Gated

IPV4 = Gated(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
IPV6 = Gated(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
VERSION_BEFORE = Gated(r"\b(?:v|version|ver|release|build)\.?\s*$", re.IGNORECASE)


class IpAddress(Detector):
    rule = "privacy.phi.ip"
    severity = "block"
    message = "IP address"
    suggestion = "[ip]"
    source = "45 CFR 164.514(b)(2)(i)(O): Internet Protocol address numbers"

    def detect(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "." in text:
            for m in IPV4.finditer(doc):
                before, _ = doc.window(m.start(), m.end(), 12, 0)
                if VERSION_BEFORE.search(before):
                    continue
                try:
                    ipaddress.IPv4Address(m.group())
                except ValueError:
                    continue
                yield self.finding(doc, m.start(), m.end(), "IPv4 address")
        if "::" in text or text.count(":") >= 3:
            for m in IPV6.finditer(doc):
                try:
                    address = ipaddress.IPv6Address(m.group())
                except ValueError:
                    continue
                if address.is_unspecified or address.is_loopback:  # "::", "::1" name no one
                    continue
                yield self.finding(doc, m.start(), m.end(), "IPv6 address")
