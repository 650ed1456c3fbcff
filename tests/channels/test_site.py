"""The blog channel: static pages and an Atom feed written into the practice's folder."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from carecast.channels import AccountSettings, Media, Mentions, Published, open_channel
from carecast.channels.site import SiteChannel, render_body, slug_for, title_for
from carecast.errors import InputError, Refused

BASE = "https://lakeside.example/news/"
TITLE = "Lakeside Family Practice"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
HOSTILE = "Beware <script>alert(1)</script> & friends"


class Clock:
    """A clock that moves on a minute every time it is read."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


class Page(HTMLParser):
    """What the tests look at in a page: its tags, title, text and language."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False
        self.feed(html)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            found
            for name, found in self.tags
            if name == tag and all(found.get(k) == v for k, v in attrs.items())
        ]

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def account(folder: Path | None, **changes: str) -> AccountSettings:
    options = {} if folder is None else {"folder": str(folder)}
    settings = {"kind": "blog", "base_url": BASE, "handle": TITLE, "options": options}
    return AccountSettings(**{**settings, **changes})  # type: ignore[arg-type]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "www" / "news"


@pytest.fixture
def site(folder: Path) -> SiteChannel:
    return SiteChannel(account(folder), timeout=5.0, clock=Clock())


def read_feed(folder: Path) -> feedparser.FeedParserDict:
    return feedparser.parse((folder / "feed.atom").read_bytes())


def page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def assert_well_formed_page(parsed: Page, title: str) -> None:
    assert parsed.doctype.lower() == "doctype html"
    assert parsed.find("html", lang="en")
    assert parsed.title == title
    assert parsed.find("meta", charset="utf-8")
    assert parsed.find("meta", name="viewport")
    alternates = parsed.find("link", rel="alternate", type="application/atom+xml")
    assert len(alternates) == 1
    assert str(alternates[0]["href"]).endswith("feed.atom")


FIRST = "Flu clinics open\n\nBook at https://lakeside.example/book?a=1&b=2."


def publish_three(site: SiteChannel) -> list[Published]:
    return [
        site.publish(FIRST, key="k1"),
        site.publish("Extended hours\nWe now open at 7am on Tuesdays.", key="k2"),
        site.publish(HOSTILE, key="k3"),
    ]


def test_the_registry_opens_the_site_channel(folder: Path) -> None:
    channel = open_channel(account(folder), timeout=3.0)
    assert isinstance(channel, SiteChannel)
    assert channel.kind == "blog"
    assert channel.limit >= 100_000
    assert channel.measure("héllo") == 5


def test_the_feed_lists_posts_newest_first(site: SiteChannel, folder: Path) -> None:
    published = publish_three(site)
    feed = read_feed(folder)

    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == TITLE
    assert feed.feed.id == BASE
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": BASE + "feed.atom", "alternate": BASE}
    assert feed.feed.updated_parsed[:5] == (2025, 3, 1, 9, 3)

    entries = feed.entries
    assert [e.id for e in entries] == [p.url for p in reversed(published)]
    assert [e.link for e in entries] == [p.url for p in reversed(published)]
    assert [e.title for e in entries] == [HOSTILE, "Extended hours", "Flu clinics open"]
    assert [e.updated_parsed[4] for e in entries] == [3, 2, 1]
    assert entries[0].published_parsed[:5] == (2025, 3, 1, 9, 3)

    hostile = entries[0].content[0]
    assert hostile.type == "text/html"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends" in hostile.value
    assert "<script>" not in hostile.value
    first = entries[2].content[0].value
    assert first.count("<p>") == 2
    assert '<a href="https://lakeside.example/book?a=1&amp;b=2">' in first
    assert "Extended hours<br" in entries[1].content[0].value


def test_published_names_the_page(site: SiteChannel, folder: Path) -> None:
    published = site.publish("Hello", key="post 42/draft")
    slug = slug_for("post 42/draft")
    assert published == Published(remote_id=slug, url=f"{BASE}posts/{slug}.html")
    assert slug.startswith("post-42-draft-")
    assert (folder / "posts" / f"{slug}.html").is_file()


def test_slugs_are_safe_and_distinct() -> None:
    assert slug_for("../../etc/passwd").startswith("etc-passwd-")
    assert slug_for("A/B") != slug_for("a b")
    assert slug_for("日本") == slug_for("日本")
    assert all(c.isalnum() or c == "-" for c in slug_for("日本<>\"'"))


def test_titles_are_the_first_line_or_sixty_characters() -> None:
    assert title_for("\n  Flu clinics  \nmore") == "Flu clinics"
    long = title_for("word " * 30)
    assert len(long) <= 61
    assert long.endswith("word…")
    assert title_for("   ") == "Untitled"


def test_post_pages_are_valid_and_escaped(site: SiteChannel, folder: Path) -> None:
    published = publish_three(site)
    hostile = page(folder / "posts" / f"{published[2].remote_id}.html")
    assert_well_formed_page(hostile, f"{HOSTILE} – {TITLE}")
    assert not hostile.find("script")
    assert "<script>alert(1)</script> & friends" in hostile.all_text
    raw = (folder / "posts" / f"{published[2].remote_id}.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert hostile.find("link", rel="canonical", href=published[2].url)

    first = page(folder / "posts" / f"{published[0].remote_id}.html")
    assert len(first.find("p")) >= 2
    assert first.find("a", href="https://lakeside.example/book?a=1&b=2")
    assert first.find("a", href="../index.html")


def test_the_index_lists_every_post_newest_first(site: SiteChannel, folder: Path) -> None:
    published = publish_three(site)
    index = page(folder / "index.html")
    assert_well_formed_page(index, TITLE)
    assert not index.find("script")
    hrefs = [str(a["href"]) for a in index.find("a") if str(a["href"]).startswith("posts/")]
    assert hrefs == [f"posts/{p.remote_id}.html" for p in reversed(published)]
    assert "<script>alert(1)</script>" in index.all_text


def test_links_are_only_made_from_web_addresses() -> None:
    html = str(render_body('see javascript:alert(1) and https://x.example/"onmouseover=x'))
    assert "javascript:alert(1)" in html
    assert 'href="javascript' not in html
    assert '<a href="https://x.example/">' in html
    assert "&#34;onmouseover=x" in html


def test_the_record_lists_entries(site: SiteChannel, folder: Path) -> None:
    publish_three(site)
    record = json.loads((folder / "posts.json").read_text())
    assert [entry["key"] for entry in record["posts"]] == ["k1", "k2", "k3"]
    entry = record["posts"][1]
    assert entry["title"] == "Extended hours"
    assert entry["text"].startswith("Extended hours\n")
    assert entry["url"] == f"{BASE}posts/{entry['slug']}.html"
    assert datetime.fromisoformat(entry["published"]) == START + timedelta(minutes=2)
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".posts.json")]
    assert leftovers == []


def test_publishing_a_key_twice_makes_one_post(site: SiteChannel, folder: Path) -> None:
    first = site.publish("Flu clinics open", key="same")
    again = site.publish("A different text", key="same")
    assert again == first
    feed = read_feed(folder)
    assert len(feed.entries) == 1
    assert feed.entries[0].title == "Flu clinics open"
    assert len(json.loads((folder / "posts.json").read_text())["posts"]) == 1
    assert len(list((folder / "posts").iterdir())) == 1


def test_a_repeat_mends_a_page_lost_in_a_crash(site: SiteChannel, folder: Path) -> None:
    published = site.publish("Flu clinics open", key="k")
    path = folder / "posts" / f"{published.remote_id}.html"
    path.unlink()
    assert site.publish("Flu clinics open", key="k") == published
    assert "Flu clinics open" in page(path).all_text


def test_delete_removes_the_page_and_the_entry(site: SiteChannel, folder: Path) -> None:
    published = publish_three(site)
    gone = published[1]
    site.delete(gone.remote_id)

    assert not (folder / "posts" / f"{gone.remote_id}.html").exists()
    feed = read_feed(folder)
    assert feed.bozo == 0
    assert [e.id for e in feed.entries] == [published[2].url, published[0].url]
    assert gone.remote_id not in (folder / "index.html").read_text()
    record = json.loads((folder / "posts.json").read_text())
    assert [entry["key"] for entry in record["posts"]] == ["k1", "k3"]

    site.delete(gone.remote_id)  # already gone: fine
    site.delete("../posts")  # never a slug of ours: nothing happens
    assert len(read_feed(folder).entries) == 2


def test_deleting_everything_leaves_a_valid_empty_feed(site: SiteChannel, folder: Path) -> None:
    published = site.publish("Only post", key="only")
    site.delete(published.remote_id)
    feed = read_feed(folder)
    assert feed.bozo == 0
    assert feed.entries == []
    assert "Nothing published yet." in page(folder / "index.html").all_text


def test_a_picture_is_copied_and_described(site: SiteChannel, folder: Path, tmp_path: Path) -> None:
    picture = tmp_path / "Clinic Photo.PNG"
    picture.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    alt = 'Our waiting room, with "new" chairs'
    published = site.publish(
        "New waiting room", key="room", media=[Media(path=picture, description=alt)]
    )
    copied = folder / "media" / f"{published.remote_id}-1.png"
    assert copied.read_bytes() == picture.read_bytes()

    post = page(folder / "posts" / f"{published.remote_id}.html")
    assert post.find("img", src=f"../media/{copied.name}", alt=alt)
    index = page(folder / "index.html")
    assert index.find("img", src=f"media/{copied.name}", alt=alt)
    content = read_feed(folder).entries[0].content[0].value
    assert f'src="{BASE}media/{copied.name}"' in content

    site.delete(published.remote_id)
    assert not copied.exists()


def test_a_picture_without_alt_text_is_refused(
    site: SiteChannel, folder: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "p.png"
    picture.write_bytes(b"png")
    with pytest.raises(Refused, match="no description"):
        site.publish("x", key="k", media=[Media(path=picture, description=" ")])
    assert not (folder / "posts.json").exists()


def test_a_missing_picture_is_refused(site: SiteChannel, tmp_path: Path) -> None:
    with pytest.raises(Refused, match="cannot read the picture"):
        site.publish("x", key="k", media=[Media(path=tmp_path / "nope.png", description="d")])


def test_replies_are_refused(site: SiteChannel, folder: Path) -> None:
    with pytest.raises(Refused, match="the site cannot post replies") as refused:
        site.publish("Thanks!", key="k", reply_to="abc")
    assert refused.value.channel == "blog"
    assert not (folder / "posts.json").exists()
    with pytest.raises(Refused, match="the site cannot post replies"):
        site.reply("abc", "Thanks!", key="k")


def test_a_site_has_no_mentions(site: SiteChannel) -> None:
    assert site.fetch_mentions(None) == Mentions(items=[], cursor=None)
    assert site.fetch_mentions("c1") == Mentions(items=[], cursor="c1")


def test_an_unwritable_folder_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    folder = blocker / "news"
    site = SiteChannel(account(folder), timeout=5.0)
    with pytest.raises(Refused) as refused:
        site.publish("Hello", key="k")
    assert f"cannot write to {folder}:" in refused.value.message
    assert refused.value.hint == "check the folder exists and carecast may write to it"
    with pytest.raises(Refused, match="cannot write to"):
        site.delete("anything")


def test_a_missing_folder_option_is_an_input_error() -> None:
    with pytest.raises(InputError) as error:
        SiteChannel(account(None), timeout=5.0)
    assert "folder" in error.value.message
    assert "folder option" in error.value.hint
    with pytest.raises(InputError):
        open_channel(account(None))


def test_a_corrupt_record_is_refused(site: SiteChannel, folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "posts.json").write_text("{torn")
    with pytest.raises(Refused, match="not a record carecast can read"):
        site.publish("Hello", key="k")
