"""The ``blog`` channel: the practice's own site, as static HTML pages and an Atom feed.

Everything lives in one folder the practice's web server serves at ``base_url``::

    index.html          every post, newest first
    feed.atom           the same posts as an Atom feed (made with feedgen)
    posts/<slug>.html   one page per post
    media/<slug>-<n>.*  the pictures attached to posts
    posts.json          carecast's own record of the posts, from which the rest is made

A post's slug is derived from its idempotency key alone, so publishing the same key
twice finds the first post instead of adding a second. Every file is written to a
temporary file in the same folder and then renamed over the old one, so a crash never
leaves a torn page, feed or record; a lock file keeps two publishers from interleaving.

Account settings: ``base_url`` is the public address of the folder, ``handle`` the
site's title and ``options["folder"]`` the folder itself. The account has no secret.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from feedgen.feed import FeedGenerator
from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import Markup, escape

from carecast.channels.base import AccountSettings, Media, Mentions, Published
from carecast.errors import InputError, Refused

try:  # POSIX only; elsewhere publishers are trusted not to overlap
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

KIND = "blog"
SITE_LIMIT = 100_000
TITLE_LENGTH = 60
RECORD = "posts.json"
WRITE_HINT = "check the folder exists and carecast may write to it"
NO_REPLIES = "the site cannot post replies"
NO_REPLIES_HINT = "answer on a social network, or edit the post on the site"

_UNSAFE = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,8}")
_URL = re.compile(r"https?://[^\s<>\"']+")
_TRAILING = ".,;:!?)]}"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ page_title }}</title>
<link rel="alternate" type="application/atom+xml" title="{{ site }}" href="{{ feed }}">
{%- if canonical %}
<link rel="canonical" href="{{ canonical }}">
{%- endif %}
<style>body{max-width:40rem;margin:2rem auto;padding:0 1rem;font-family:sans-serif;
line-height:1.5}img{max-width:100%;height:auto}</style>
</head>
"""
_TEMPLATES = {
    "head.html": _HEAD,
    "post.html": """{% include "head.html" %}<body>
<header><p><a href="../index.html">{{ site }}</a></p></header>
<main>
<article>
<h1>{{ post.title }}</h1>
<p><time datetime="{{ post.published }}">{{ post.date }}</time></p>
{{ post.body }}
</article>
</main>
</body>
</html>
""",
    "index.html": """{% include "head.html" %}<body>
<header><h1>{{ site }}</h1><p><a href="feed.atom">Follow with a feed reader</a></p></header>
<main>
{%- for post in posts %}
<article>
<h2><a href="posts/{{ post.slug }}.html">{{ post.title }}</a></h2>
<p><time datetime="{{ post.published }}">{{ post.date }}</time></p>
{{ post.body }}
</article>
{%- else %}
<p>Nothing published yet.</p>
{%- endfor %}
</main>
</body>
</html>
""",
}
_ENV = Environment(
    loader=DictLoader(_TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
)


def slug_for(key: str) -> str:
    """A file-name-safe slug for ``key``: a readable part plus a hash, so distinct keys
    never share a slug and the same key always gets the same one."""
    readable = _UNSAFE.sub("-", key.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"{readable}-{digest}" if readable else digest


def title_for(text: str) -> str:
    """The first non-blank line of ``text``, cut at a word near 60 characters."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    if len(line) <= TITLE_LENGTH:
        return line or "Untitled"
    cut = line[:TITLE_LENGTH].rsplit(" ", 1)[0] or line[:TITLE_LENGTH]
    return cut.rstrip(" ,;:-") + "…"


def _linked(text: str) -> Markup:
    """``text`` escaped, with its http(s) links made into anchors."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        end = match.start() + len(url)
        out.append(escape(text[position : match.start()]))
        out.append(Markup('<a href="{0}">{0}</a>').format(url))
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def render_body(text: str, pictures: Sequence[tuple[str, str]] = ()) -> Markup:
    """Paragraphs (split on blank lines, single line breaks kept) and then the pictures,
    given as (address, alt text), as an HTML fragment in which all text is escaped."""
    parts: list[Markup] = []
    for paragraph in _PARAGRAPH_BREAK.split(text.strip()):
        if paragraph.strip():
            lines = [_linked(line) for line in paragraph.strip().splitlines()]
            parts.append(Markup("<p>{}</p>").format(Markup("<br>\n").join(lines)))
    for src, alt in pictures:
        parts.append(Markup('<figure><img src="{}" alt="{}"></figure>').format(src, alt))
    return Markup("\n").join(parts)


_FIELDS = ("key", "slug", "title", "text", "published", "url")


@dataclass(frozen=True, slots=True)
class _Post:
    """One entry of posts.json."""

    key: str
    slug: str
    title: str
    text: str
    published: str  # ISO 8601, UTC
    url: str
    media: tuple[tuple[str, str], ...] = ()  # (file name under media/, alt text)

    @classmethod
    def load(cls, data: dict[str, Any]) -> _Post:
        media = tuple((str(m["file"]), str(m["description"])) for m in data.get("media", []))
        return cls(**{name: str(data[name]) for name in _FIELDS}, media=media)

    def dump(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in _FIELDS}
        data["media"] = [{"file": f, "description": d} for f, d in self.media]
        return data

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.published)


class SiteChannel:
    """The practice's own site, written as static files into a folder."""

    kind = KIND
    limit = SITE_LIMIT

    def __init__(
        self,
        account: AccountSettings,
        *,
        timeout: float = 10.0,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        folder = account.options.get("folder", "").strip()
        if not folder:
            raise InputError(
                "the blog account has no folder to publish into",
                "set the account's folder option to the folder your web server serves, "
                "e.g. /var/www/news",
            )
        if not account.base_url.strip():
            raise InputError(
                "the blog account has no address",
                "set the account's address to where the folder is served, "
                "e.g. https://lakeside.example/news/",
            )
        self.folder = Path(folder).expanduser()
        self.base_url = account.base_url.strip().rstrip("/") + "/"
        self.title = account.handle.strip() or "News"
        self.timeout = timeout  # nothing here goes over the network
        self._clock = clock or (lambda: datetime.now(UTC))

    def measure(self, text: str) -> int:
        """Characters: a page has no real limit."""
        return len(text)

    # -- the channel's operations ------------------------------------------------------

    def publish(
        self,
        text: str,
        *,
        key: str,
        reply_to: str | None = None,
        media: Sequence[Media] = (),
    ) -> Published:
        """Write the post's page, record it and remake the index and the feed. Publishing
        a key already on the site returns that post and changes nothing it says."""
        if reply_to is not None:
            raise Refused(KIND, NO_REPLIES, NO_REPLIES_HINT)
        for picture in media:
            if not picture.description.strip():
                raise Refused(
                    KIND,
                    f"the picture {picture.path.name} has no description",
                    "add alt text describing the picture",
                )
        slug = slug_for(key)
        with self._writing():
            posts = self._read()
            post = next((p for p in posts if p.key == key), None)
            if post is None:
                copied = tuple(
                    (self._copy(picture, slug, n), picture.description)
                    for n, picture in enumerate(media, start=1)
                )
                when = self._clock().astimezone(UTC)
                post = _Post(
                    key, slug, title_for(text), text, when.isoformat(), self._post_url(slug), copied
                )
                posts.append(post)
            self._write_page(post)  # again on a repeat: mends a crash before the index
            self._save(posts)
        return Published(remote_id=post.slug, url=post.url)

    def hide(self, remote_id: str) -> bool:
        return False  # a static site has no replies to hide

    def block(self, author: str) -> bool:
        return False

    def delete(self, remote_id: str) -> None:
        """Remove the post's page, pictures and entry; a post already gone is fine."""
        with self._writing():
            posts = self._read()
            gone = [p for p in posts if p.slug == remote_id]
            if not gone and not _SLUG.fullmatch(remote_id):
                return  # not a slug this channel ever made
            for post in gone:
                for name, _ in post.media:
                    (self.folder / "media" / name).unlink(missing_ok=True)
            if _SLUG.fullmatch(remote_id):
                (self.folder / "posts" / f"{remote_id}.html").unlink(missing_ok=True)
            self._save([p for p in posts if p.slug != remote_id])

    def fetch_mentions(self, cursor: str | None) -> Mentions:
        """A static site receives no replies or mentions."""
        return Mentions(items=[], cursor=cursor)

    def reply(self, remote_id: str, text: str, *, key: str) -> Published:
        """A blog has no replies."""
        raise Refused(KIND, NO_REPLIES, NO_REPLIES_HINT)

    # -- files ---------------------------------------------------------------------

    def _post_url(self, slug: str) -> str:
        return f"{self.base_url}posts/{slug}.html"

    def _cannot_write(self, error: OSError) -> NoReturn:
        reason = error.strerror or str(error)
        raise Refused(KIND, f"cannot write to {self.folder}: {reason}", WRITE_HINT) from error

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the folder's lock; turn any failure to write into a refusal."""
        try:
            for sub in ("", "posts", "media"):
                (self.folder / sub).mkdir(parents=True, exist_ok=True)
            with open(self.folder / ".carecast.lock", "a") as lock:
                if fcntl is not None:
                    fcntl.flock(lock, fcntl.LOCK_EX)
                yield
        except OSError as error:
            self._cannot_write(error)

    def _read(self) -> list[_Post]:
        path = self.folder / RECORD
        if not path.exists():
            return []
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [_Post.load(item) for item in data["posts"]]
        except (ValueError, KeyError, TypeError) as error:
            raise Refused(
                KIND,
                f"{path} is not a record carecast can read: {error}",
                "restore it from a backup, or move it aside to start afresh",
            ) from error

    def _atomic(self, path: Path, content: str | bytes) -> None:
        """Write ``content`` to ``path`` through a temporary file in the same folder."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o644)  # the web server must read it
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _copy(self, picture: Media, slug: str, number: int) -> str:
        """Copy a picture under media/ and return its file name there."""
        extension = picture.path.suffix.lower()
        if not _EXTENSION.fullmatch(extension):
            extension = mimetypes.guess_extension(picture.mime_type) or ".img"
        name = f"{slug}-{number}{extension}"
        try:
            data = picture.path.read_bytes()
        except OSError as error:
            raise Refused(
                KIND,
                f"cannot read the picture {picture.path}: {error.strerror}",
                "check the file exists and carecast may read it",
            ) from error
        self._atomic(self.folder / "media" / name, data)
        return name

    def _write_page(self, post: _Post) -> None:
        pictures = [(f"../media/{name}", alt) for name, alt in post.media]
        html = _ENV.get_template("post.html").render(
            site=self.title,
            page_title=f"{post.title} – {self.title}",
            feed="../feed.atom",
            canonical=post.url,
            post=self._view(post, pictures),
        )
        self._atomic(self.folder / "posts" / f"{post.slug}.html", html)

    def _save(self, posts: list[_Post]) -> None:
        """Write the record, then the index and feed made from it."""
        record = {"posts": [p.dump() for p in posts]}
        self._atomic(self.folder / RECORD, json.dumps(record, ensure_ascii=False, indent=2))
        newest = sorted(enumerate(posts), key=lambda item: (item[1].when, item[0]), reverse=True)
        ordered = [post for _, post in newest]
        views = [self._view(p, [(f"media/{name}", alt) for name, alt in p.media]) for p in ordered]
        index = _ENV.get_template("index.html").render(
            site=self.title,
            page_title=self.title,
            feed="feed.atom",
            canonical=self.base_url,
            posts=views,
        )
        self._atomic(self.folder / "index.html", index)
        self._atomic(self.folder / "feed.atom", self._feed(ordered))

    @staticmethod
    def _view(post: _Post, pictures: Sequence[tuple[str, str]]) -> dict[str, Any]:
        return {
            "slug": post.slug,
            "title": post.title,
            "published": post.published,
            "date": f"{post.when:%d %B %Y}",
            "body": render_body(post.text, pictures),
        }

    def _feed(self, newest_first: list[_Post]) -> bytes:
        feed = FeedGenerator()
        feed.id(self.base_url)
        feed.title(self.title)
        feed.author({"name": self.title})
        feed.language("en")
        feed.link(href=f"{self.base_url}feed.atom", rel="self", type="application/atom+xml")
        feed.link(href=self.base_url, rel="alternate", type="text/html")
        feed.updated(newest_first[0].when if newest_first else self._clock().astimezone(UTC))
        for post in newest_first:
            entry = feed.add_entry(order="append")
            entry.id(post.url)
            entry.title(post.title)
            entry.link(href=post.url, rel="alternate", type="text/html")
            entry.published(post.when)
            entry.updated(post.when)
            pictures = [(f"{self.base_url}media/{name}", alt) for name, alt in post.media]
            entry.content(str(render_body(post.text, pictures)), type="html")
        xml: bytes = feed.atom_str(pretty=True)
        return xml
