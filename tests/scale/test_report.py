"""The scan's HTML report: self-contained, with the charts, the worst posts highlighted
with their fix, and the list to act on; opened in Debian's chromium, screenshot kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from test_scan import archive

from carecast.scale import scan
from web.browser import Screens, chromium


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_the_report_is_self_contained_and_shows_what_to_do(tmp_path: Path) -> None:
    out = tmp_path / "out"
    scan.run([archive(tmp_path)], out, workers=1, size=6)
    html = (out / "report.html").read_text()
    parser = Tags()
    parser.feed(html)
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and names.count("svg") == 3
    for _, attrs in parser.tags:  # nothing loaded from elsewhere
        for key in ("src", "href"):
            assert not (attrs.get(key) or "").startswith(("http:", "https:", "//"))
    assert '<mark title="privacy.phi.name">Mrs. Alvarez</mark>' in html
    assert "delete the post, then tell the privacy officer" in html
    assert re.search(r"<strong>20</strong> posts scanned", html)
    assert re.search(r"<strong>2</strong> records that could not be read", html)


def test_the_report_opens_in_chromium(tmp_path: Path) -> None:
    out = tmp_path / "out"
    scan.run([archive(tmp_path)], out, workers=1, size=10)
    screens = Screens(tmp_path / "screenshots")
    with chromium() as browser:
        page = browser.new_page()
        page.goto((out / "report.html").as_uri())
        assert page.title() == "carecast scan report"
        charts = page.locator("svg.chart")
        assert charts.count() == 3
        assert all(charts.nth(i).bounding_box()["width"] > 200 for i in range(3))  # type: ignore[index]
        assert page.locator("article mark").count() > 0
        screens.shoot(page, "scan-report")
    assert screens.taken[0].exists() and screens.taken[0].stat().st_size > 10_000
