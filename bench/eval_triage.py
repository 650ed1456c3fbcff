"""How well triage sorts the held-out messages of data/triage/ (``make eval``).

Prints accuracy, macro-F1 and F1 per category for carecast and, beside it, a simple
baseline (the same TF-IDF words with no guard features and no character n-grams would
be a model too; the baseline here is the majority class and a keyword rule, so the
figures show what the model adds). Then the safety figure that matters most: how many
held-out messages that are personal_care or hold someone's health information would
have been left on the public timeline (no "hide" among the actions). The same again for
the messages of tests/data/triage_blind.jsonl, written apart by someone who never saw the
training data: the nearest thing to messages from outside the team.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from carecast.triage import CATEGORIES, classify  # noqa: E402
from carecast.triage.dataset import is_dev, load_file, load_messages  # noqa: E402

DATA = ROOT / "data" / "triage"
BLIND = ROOT / "tests" / "data" / "triage_blind.jsonl"

# A keyword rule: the first category whose words appear, else "other".
KEYWORDS = [
    ("spam", r"\b(bio|dm me|promo|discount|crypto|followers|click|offer|\$\d+)"),
    ("abuse", r"\b(idiot|stupid|hate|kill|useless|shut up|moron)"),
    ("misinformation", r"\b(cure[sd]?|autism|poison|big pharma|wake up|hoax)"),
    ("appointment", r"\b(appointment|book|booking|resched\w*|cancel|slot|available)"),
    ("personal_care", r"\b(my|i'm|i am|i have|i've)\b.*\b(pain|result|dose|mg|symptom|rash)"),
    ("feedback", r"\b(thank|thanks|great|amazing|worst|rude|waited)"),
    ("general_question", r"\?"),
]


def keyword_rule(text: str) -> str:
    lowered = text.lower()
    for category, pattern in KEYWORDS:
        if re.search(pattern, lowered):
            return category
    return "other"


def f1_per_category(truth: list[str], guess: list[str]) -> dict[str, float]:
    scores = {}
    for category in CATEGORIES:
        tp = sum(t == g == category for t, g in zip(truth, guess, strict=True))
        fp = sum(g == category != t for t, g in zip(truth, guess, strict=True))
        fn = sum(t == category != g for t, g in zip(truth, guess, strict=True))
        scores[category] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def summary(truth: list[str], guess: list[str]) -> tuple[float, float, dict[str, float]]:
    per = f1_per_category(truth, guess)
    accuracy = sum(t == g for t, g in zip(truth, guess, strict=True)) / len(truth)
    return accuracy, sum(per.values()) / len(per), per


def report(console: Console, title: str, messages: list[dict[str, Any]]) -> None:
    truth = [m["category"] for m in messages]
    results = [classify(m["text"], {"channel": m.get("channel")}) for m in messages]
    guess = [r.category for r in results]
    majority = Counter(truth).most_common(1)[0][0]
    rows = {
        "carecast": summary(truth, guess),
        "keyword rule": summary(truth, [keyword_rule(m["text"]) for m in messages]),
        f"majority ({majority})": summary(truth, [majority] * len(messages)),
    }
    table = Table(title=f"triage on {len(messages)} {title}", box=None)
    table.add_column("")
    for name in rows:
        table.add_column(name, justify="right")
    table.add_row("accuracy", *(f"{r[0]:.3f}" for r in rows.values()))
    table.add_row("macro-F1", *(f"{r[1]:.3f}" for r in rows.values()))
    for category in CATEGORIES:
        table.add_row(f"F1 {category}", *(f"{r[2][category]:.3f}" for r in rows.values()))
    console.print(table)

    private = [
        (m, r)
        for m, r in zip(messages, results, strict=True)
        if m["category"] == "personal_care" or m["contains_phi"]
    ]
    public = [(m, r) for m, r in private if "hide" not in r.actions]
    care = [m for m, _ in public if m["category"] == "personal_care"]
    phi_truth = [m["contains_phi"] for m in messages]
    phi_guess = [r.contains_phi for r in results]
    tp = sum(t and g for t, g in zip(phi_truth, phi_guess, strict=True))
    phi_f1 = 2 * tp / (sum(phi_truth) + sum(phi_guess)) if tp else 0.0
    people = sum(r.needs_person for r in results)
    console.print(f"contains_phi F1: {phi_f1:.3f}")
    console.print(
        f"left public: {len(care)} of {sum(m['category'] == 'personal_care' for m in messages)} "
        f"personal_care, {len(public)} of {len(private)} holding health information"
    )
    console.print(f"sent to a person (low confidence): {people} of {len(messages)}")
    for message, result in public:
        console.print(f"  public: [{message['id']}] {message['text'][:90]!r} → {result.category}")


def main() -> int:
    if not DATA.exists():
        print(f"no labelled messages at {DATA}: nothing to score")
        return 0
    console = Console(highlight=False)
    dev = [m for m in load_messages(DATA) if is_dev(m["id"])]
    report(console, "held-out messages", dev)
    if BLIND.exists():  # written apart from the training data, by someone who never saw it
        console.print()
        report(console, "messages written blind (tests/data/triage_blind.jsonl)", load_file(BLIND))
    return 0


if __name__ == "__main__":
    sys.exit(main())
