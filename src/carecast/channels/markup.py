"""HTML as the plain text its author typed: Mastodon's statuses, and the ActivityPub
``content`` of a Mastodon archive."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLANK_LINES = re.compile(r"\n{3,}")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li", "blockquote"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    """A status's HTML (from the API, or an archive's ActivityPub ``content``) as the plain
    text its author typed: paragraphs apart by a blank line, line breaks kept."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return _BLANK_LINES.sub("\n\n", "".join(parser.parts)).strip()
