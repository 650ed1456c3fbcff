"""The scan's report for a compliance officer: one self-contained HTML file (no scripts,
no links out) with totals by rule, account and month as bar charts drawn in SVG, the
worst posts with what was found highlighted and the fix, and a list to act on.

Read partition by partition, so a report on millions of posts needs only the totals and
the few worst posts in memory.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

WORST = 25  # posts shown in full
SEVERITY_WEIGHT = {"block": 10, "review": 1}
ACTION = {
    "privacy": "delete the post, then tell the privacy officer (possible breach)",
    "advice": "delete it, or correct it with a referral to the person's own clinician",
    "conduct": "delete it and apologise",
    "disclosure": "add the disclosure, or delete it",
    "sourcing": "correct it with a trusted source",
    "misinformation": "correct it with the evidence, or delete it",
}


@dataclass
class Post:
    """One post with its findings, gathered from the rows of a findings file."""

    post_id: str
    account: str
    network: str
    created_at: str
    url: str
    text: str
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def weight(self) -> int:
        return sum(SEVERITY_WEIGHT.get(f["severity"], 0) for f in self.findings)

    @property
    def categories(self) -> list[str]:
        return sorted({f["category"] for f in self.findings})

    @property
    def action(self) -> str:
        first = next((c for c in ACTION if c in self.categories), "")
        return ACTION.get(first, "review it")


@dataclass
class Totals:
    posts_flagged: int = 0
    findings: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    by_account: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    by_action: Counter[str] = field(default_factory=Counter)


def highlighted(post: Post) -> Markup:
    """The post's text, escaped, with each finding marked."""
    spans = sorted(
        {(f["start"], f["end"], f["rule"]) for f in post.findings if f["end"] > f["start"]}
    )
    out, at = [], 0
    for start, end, rule in spans:
        if start < at:
            continue  # overlapping spans: the first one is shown
        out.append(escape(post.text[at:start]))
        out.append(Markup('<mark title="{}">{}</mark>').format(rule, post.text[start:end]))
        at = end
    out.append(escape(post.text[at:]))
    return Markup("").join(out)


def bars(counts: Counter[str], limit: int = 15, ordered: bool = False) -> Markup:
    """A horizontal bar chart as inline SVG."""
    items = sorted(counts.items()) if ordered else counts.most_common(limit)
    if not items:
        return Markup("<p>Nothing to show.</p>")
    top = max(v for _, v in items)
    row, label, width = 24, 260, 420
    height = row * len(items) + 8
    parts = [
        Markup('<svg class="chart" role="img" viewBox="0 0 {} {}" width="{}" height="{}">').format(
            label + width + 80, height, label + width + 80, height
        )
    ]
    for i, (name, value) in enumerate(items):
        y = i * row + 4
        size = max(1, round(width * value / top))
        parts.append(
            Markup(
                '<text x="{}" y="{}" text-anchor="end">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}">{:,}</text>'
            ).format(
                label - 8,
                y + 16,
                name,
                label,
                y + 3,
                size,
                row - 8,
                name,
                value,
                label + size + 6,
                y + 16,
                value,
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def gather(out: Path) -> tuple[Totals, list[Post]]:
    """Totals over every findings file, and the worst posts."""
    totals = Totals()
    worst: list[tuple[int, int, Post]] = []
    counter = 0
    for path in sorted((out / "findings").glob("*.parquet")):
        posts: dict[str, Post] = {}
        for row in pq.read_table(path).to_pylist():
            post = posts.get(row["post_id"])
            if post is None:
                post = posts[row["post_id"]] = Post(
                    row["post_id"],
                    row["account"] or "(unknown)",
                    row["network"],
                    row["created_at"] or "",
                    row["url"] or "",
                    row["post_text"],
                )
            post.findings.append(row)
            totals.findings += 1
            totals.by_rule[row["rule"]] += 1
        for post in posts.values():
            totals.posts_flagged += 1
            totals.by_account[post.account] += 1
            totals.by_month[post.created_at[:7] or "undated"] += 1
            totals.by_action[post.action] += 1
            counter += 1
            entry = (post.weight, -counter, post)
            if len(worst) < WORST:
                heapq.heappush(worst, entry)
            else:
                heapq.heappushpop(worst, entry)
    return totals, [post for _, _, post in sorted(worst, reverse=True)]


def write_report(out: Path, *, scanned: int, bad_records: int) -> Path:
    """Write ``OUT/report.html`` and return its path."""
    totals, worst = gather(out)
    template = resources.files("carecast.scale").joinpath("report.html").read_text()
    environment = Environment(autoescape=select_autoescape(default=True))
    html = environment.from_string(template).render(
        totals=totals,
        worst=worst,
        scanned=scanned,
        bad_records=bad_records,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        bars=bars,
        highlighted=highlighted,
        actions=ACTION,
    )
    target = out / "report.html"
    target.write_text(html, encoding="utf-8")
    return target
