"""Guard's accuracy on the labelled posts in tests/data: PHI by type, and every other rule.

Run with ``make eval``. Prints, per file set:
- PHI recall and precision by type (a labelled span counts as found when any
  ``privacy.phi.*`` finding overlaps it; a PHI finding counts as right when it
  overlaps a labelled span),
- the share of PHI-free posts guard flagged for PHI,
- per-rule precision, recall and F1 at post level.
``--show-errors`` lists the misses and false alarms.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import carecast
from carecast.guard.registry import RULES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = {
    "dev": [
        "guard_dev_phi.jsonl",
        "guard_dev_rules.jsonl",
        "guard_dev_voices.jsonl",
        "guard_dev_voices2.jsonl",
        "guard_dev_voices3.jsonl",
        "guard_dev_holdout1.jsonl",
    ],
    "holdout": ["guard_holdout2.jsonl"],
}
PHI_TYPES = ("name", "date", "age", "location", "contact", "id", "url", "ip", "other")
OTHER_RULES = tuple(r for r in RULES if not r.startswith("privacy."))


@dataclass
class Tally:
    gold_spans: Counter[str] = field(default_factory=Counter)
    found_spans: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    predicted_right: Counter[str] = field(default_factory=Counter)
    phi_free: int = 0
    phi_free_flagged: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def load(names: list[str]) -> list[dict[str, Any]]:
    posts = []
    for name in names:
        path = DATA / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                posts.append(json.loads(line))
    return posts


def gold_spans(post: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans = []
    for item in post.get("phi", []):
        for m in re.finditer(re.escape(item["text"]), post["text"]):
            spans.append((m.start(), m.end(), item["type"]))
    return spans


def score(posts: list[dict[str, Any]], policy: carecast.Policy) -> Tally:
    t = Tally()
    for post in posts:
        report = carecast.check(post["text"], post.get("context"), policy)
        gold = gold_spans(post)
        phi = [f for f in report.findings if f.is_phi]
        for s, e, typ in gold:
            t.gold_spans[typ] += 1
            if any(f.start < e and s < f.end for f in phi):
                t.found_spans[typ] += 1
            else:
                t.errors.append(f"MISS {typ:8} {post['id']}: {post['text'][s:e]!r}")
        for f in phi:
            typ = f.rule.rsplit(".", 1)[1]
            t.predicted[typ] += 1
            if any(f.start < e and s < f.end for s, e, _ in gold):
                t.predicted_right[typ] += 1
            else:
                t.errors.append(
                    f"FALSE {typ:8} {post['id']}: {f.text!r} ({f.explanation}) in "
                    f"{post['text'][max(0, f.start - 40) : f.end + 30]!r}"
                )
        if not gold:
            t.phi_free += 1
            t.phi_free_flagged += bool(phi)
        expected = set(post.get("rules", []))
        got = {f.rule for f in report.findings if not f.is_phi}
        for rule in OTHER_RULES:
            if rule in expected and rule in got:
                t.tp[rule] += 1
            elif rule in got:
                t.fp[rule] += 1
                t.errors.append(f"FP   {rule:34} {post['id']}: {post['text'][:150]!r}")
            elif rule in expected:
                t.fn[rule] += 1
                t.errors.append(f"FN   {rule:34} {post['id']}: {post['text'][:150]!r}")
    return t


def ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def show(name: str, posts: int, t: Tally) -> None:
    print(f"\n== {name}: {posts} posts ==")
    print(f"{'PHI type':10} {'spans':>6} {'recall':>7} {'predicted':>10} {'precision':>10}")
    for typ in PHI_TYPES:
        print(
            f"{typ:10} {t.gold_spans[typ]:6d} {ratio(t.found_spans[typ], t.gold_spans[typ]):7.3f} "
            f"{t.predicted[typ]:10d} {ratio(t.predicted_right[typ], t.predicted[typ]):10.3f}"
        )
    total_gold, total_found = sum(t.gold_spans.values()), sum(t.found_spans.values())
    total_pred, total_right = sum(t.predicted.values()), sum(t.predicted_right.values())
    print(
        f"{'all PHI':10} {total_gold:6d} {ratio(total_found, total_gold):7.3f} "
        f"{total_pred:10d} {ratio(total_right, total_pred):10.3f}"
    )
    print(
        f"PHI-free posts flagged for PHI: {t.phi_free_flagged}/{t.phi_free} "
        f"= {ratio(t.phi_free_flagged, t.phi_free):.3f}"
    )
    print(f"\n{'rule':34} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    for rule in OTHER_RULES:
        tp, fp, fn = t.tp[rule], t.fp[rule], t.fn[rule]
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{rule:34} {tp:4d} {fp:4d} {fn:4d} {p:10.3f} {r:7.3f} {f1:6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    policy = carecast.load_policy(DATA / "practice.yaml")
    for name, files in SETS.items():
        if args.set not in (name, "all"):
            continue
        posts = load(files)
        if not posts:
            print(f"\n== {name}: no labelled posts found in {DATA} ==")
            continue
        tally = score(posts, policy)
        show(name, len(posts), tally)
        if args.show_errors:
            print("\n".join(sorted(tally.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
