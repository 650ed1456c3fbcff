"""How triage answers one yes/no question on public labelled data sets it never saw.

Each data set is read in place from ``../shared/data/external/`` (beside the project,
never copied into it; each folder's SOURCE.txt gives its origin, licence and columns).
A folder that is absent is reported as skipped. The labels are mapped onto one triage
question per data set, and carecast's answer (``carecast.triage.classify``, default
policy; channel "x" for the tweets, no context for the rest) is scored beside a simple
baseline:

- ``sms-spam-collection`` (SMS Spam Collection v.1, Almeida et al. 2011): spam vs ham,
  asked as "is the category spam?"; baseline: a prize/call/txt word rule.
- ``hate-speech-and-offensive-language`` (Davidson et al. 2017, MIT): hate speech or
  offensive vs neither, asked as "is the category abuse?"; baseline: a small insult-word
  rule. General tweets, not replies to a practice.
- ``dstc8-schema-guided-dialogue`` (Schema-Guided Dialogue, Rastogi et al. 2020,
  CC BY-SA 4.0): the user turn that starts a booking with a dentist, doctor or
  therapist, asked as "is the category appointment?"; every turn is a booking, so only
  recall is defined; baseline: a booking-word rule.
- ``Advice-EMNLP2020`` (Govindarajan et al. 2020, MIT): Reddit sentences that give
  advice vs not, asked as "is the category personal_care or general_question?";
  baseline: an advice-word rule. No triage category means "gives advice", so these
  figures show how far triage's care and question categories follow advice talk,
  not whether triage is right.

Binary tables also show the majority class. Each data set is sampled to at most
``--limit`` messages with a fixed seed, so a run is repeatable; the rows of every
table are also written to bench/results/triage_external.csv.
"""

from __future__ import annotations

import argparse
import csv
import html
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from carecast.triage import CONFIDENT, classify  # noqa: E402
from figures import write_results  # noqa: E402

EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "external"
LIMIT = 2_000
SEED = 2_020

Value = float | None


@dataclass(frozen=True)
class Item:
    """One labelled message: its text, its label mapped onto the triage question, and
    the data set's own finer label (to show recall by kind)."""

    text: str
    positive: bool
    group: str


@dataclass(frozen=True)
class DataSet:
    """One data set and the triage question its labels are mapped onto."""

    folder: str
    question: str
    categories: frozenset[str]  # triage categories that answer the question "yes"
    baseline_name: str
    baseline: re.Pattern[str]
    load: Callable[[Path], list[Item]]
    notes: tuple[str, ...]
    channel: str | None = None
    positives_only: bool = False


@dataclass(frozen=True)
class Scores:
    precision: Value
    recall: Value
    f1: Value
    flagged: float  # share of the sample answered "yes"


@dataclass(frozen=True)
class Result:
    dataset: DataSet
    sample: int
    total: int
    rows: list[tuple[str, Value, Value, Value]]  # metric, carecast, baseline, majority
    headline: str
    mix: list[str]
    seconds: float


def load_sms(folder: Path) -> list[Item]:
    items = []
    lines = (folder / "SMSSpamCollection.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:  # the first line is the header "Label<TAB>SMS"
        label, _, text = line.partition("\t")
        items.append(Item(html.unescape(text), label == "spam", label))
    return items


def load_tweets(folder: Path) -> list[Item]:
    kinds = {"0": "hate speech", "1": "offensive", "2": "neither"}
    with (folder / "labeled_data.csv").open(encoding="utf-8", newline="") as handle:
        return [
            Item(html.unescape(row["tweet"]), row["class"] != "2", kinds[row["class"]])
            for row in csv.DictReader(handle)
        ]


def load_bookings(folder: Path) -> list[Item]:
    """The turn that starts a BookAppointment request (intent_start = 1): later turns of
    the same request are times, confirmations and thanks, not bookings on their own.
    Services_1 (hair stylist) is left out."""
    providers = {"Services_2": "dentist", "Services_3": "doctor", "Services_4": "therapist"}
    path = folder / "sgd_services_user_turns.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Item(row["utterance"], True, providers[row["service"]])
            for row in csv.DictReader(handle)
            if row["service"] in providers
            and row["active_intent"] == "BookAppointment"
            and row["intent_start"] == "1"
        ]


def detokenize(sentence: str) -> str:
    """Undo spaCy's token spacing ("do n't", "I 'd", "home .") so the text reads as
    it was written."""
    text = re.sub(r" (n['’]t\b|['’](?:s|re|ve|d|ll|m)\b|[.,!?;:%)\]])", r"\1", sentence)
    text = re.sub(r"([(\[]) ", r"\1", text)
    return re.sub(r"\b(gon|wan) na\b", r"\1na", text)


def load_advice(folder: Path) -> list[Item]:
    """Every split of both subreddits: carecast was trained on none of them."""
    items = []
    for path in sorted(folder.glob("*.tsv")):
        subreddit = "r/" + path.stem.split("_")[0]
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            items.append(Item(detokenize(fields[3]), fields[1] == "1", subreddit))
    return items


DATASETS = [
    DataSet(
        folder="sms-spam-collection",
        question='spam vs ham → category "spam"?',
        categories=frozenset({"spam"}),
        baseline_name="keyword rule",
        baseline=re.compile(r"\b(free|win|winner|won|prize|cash|call|txt|claim|urgent)\b"),
        load=load_sms,
        notes=(
            "SMS from 2011 (UK and Singapore), not replies to a practice; most spam here is "
            "prize draws and premium-rate numbers.",
        ),
    ),
    DataSet(
        folder="hate-speech-and-offensive-language",
        question='hate or offensive vs neither → category "abuse"?',
        categories=frozenset({"abuse"}),
        baseline_name="insult-word rule",
        # Common insults and profanity only; slurs are left out of the rule on purpose.
        baseline=re.compile(
            r"\b(bitch\w*|hoes?|fuck\w*|shit\w*|ass|asshole\w*|pussy|idiot\w*|stupid"
            r"|dumb\w*|moron\w*|trash|ugly)\b"
        ),
        load=load_tweets,
        channel="x",
        notes=(
            "These are general tweets, not replies to a practice.",
            "Hate or offensive is the majority (about 4 in 5 tweets), so calling every tweet "
            "abuse already scores well: read carecast beside the majority column.",
            "Much of 'offensive' is casual profanity not aimed at anyone, which triage's "
            "abuse (insults, threats, harassment) is not meant to catch.",
        ),
    ),
    DataSet(
        folder="dstc8-schema-guided-dialogue",
        question='booking request → category "appointment"?',
        categories=frozenset({"appointment"}),
        baseline_name="booking-word rule",
        baseline=re.compile(
            r"\b(book\w*|appointments?|schedul\w*|reserv\w*|slot|visit|available|opening)\b"
        ),
        load=load_bookings,
        positives_only=True,
        notes=(
            "Requests typed to a booking assistant (written, then paraphrased by crowd "
            "workers), not social-media replies.",
            "Every message is a booking request, so only recall (the share called "
            "appointment) is defined; the majority class would score 1.000 and is not shown.",
        ),
    ),
    DataSet(
        folder="Advice-EMNLP2020",
        question="gives advice vs not → personal_care or general_question?",
        categories=frozenset({"personal_care", "general_question"}),
        baseline_name="advice-word rule",
        baseline=re.compile(
            r"\b(you should|you could|you might|you need to|you may want|try|i would|i'd"
            r"|recommend|suggest|make sure|don't|do not|talk to|consider)\b"
        ),
        load=load_advice,
        notes=(
            "Label 1 means the sentence GIVES advice (Majority_label of 3 annotators); the "
            "sentences come from replies in r/AskParents and r/needadvice (parenting, "
            "careers, mental health, life decisions), so none of them seeks advice and none "
            "is addressed to a practice.",
            "Triage has no category for advice given. The nearest question it answers is "
            "whether a message concerns someone's care or asks for health guidance "
            "(personal_care or general_question, the categories that go to a private thread "
            "or a clinician), so that is counted as 'yes'.",
            "Read these figures as how far triage's care and question categories follow "
            "advice talk, not as accuracy: for an inbound message that gives advice no "
            "triage category is right or wrong by this label. The advice-word rule answers "
            "the data set's own question and is expected to do better.",
        ),
    ),
]


def score(truth: list[bool], guess: list[bool]) -> Scores:
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    predicted, actual = sum(guess), sum(truth)
    return Scores(
        precision=tp / predicted if predicted else None,
        recall=tp / actual if actual else None,
        f1=2 * tp / (predicted + actual) if predicted + actual else None,
        flagged=predicted / len(guess),
    )


def share_by_group(items: list[Item], guess: list[bool], positive: bool = True) -> dict[str, float]:
    """For each finer label, the share of its messages answered "yes"."""
    groups = sorted({i.group for i in items if i.positive == positive})
    out = {}
    for group in groups:
        answers = [g for i, g in zip(items, guess, strict=True) if i.group == group]
        out[group] = sum(answers) / len(answers)
    return out


def category_mix(label: str, categories: list[str]) -> str:
    counts = Counter(categories).most_common(4)
    parts = ", ".join(f"{c} {n / len(categories):.0%}" for c, n in counts)
    return f"carecast's categories for {label} ({len(categories)}): {parts}"


def run(dataset: DataSet, folder: Path, limit: int, seed: int) -> Result:
    items = dataset.load(folder)
    sample = random.Random(seed).sample(items, min(limit, len(items)))
    started = time.perf_counter()
    context = {"channel": dataset.channel} if dataset.channel else None
    triage = [classify(item.text, context) for item in sample]
    seconds = time.perf_counter() - started

    truth = [item.positive for item in sample]
    ours = [t.category in dataset.categories for t in triage]
    rule = [bool(dataset.baseline.search(i.text.lower().replace("’", "'"))) for i in sample]
    unsure = sum(t.confidence < CONFIDENT for t in triage) / len(sample)
    rows: list[tuple[str, Value, Value, Value]] = []

    if dataset.positives_only:
        a, b = score(truth, ours), score(truth, rule)
        rows.append(("recall (share answered yes)", a.recall, b.recall, None))
        ours_by, rule_by = share_by_group(sample, ours), share_by_group(sample, rule)
        rows += [(f"recall, {g}", ours_by[g], rule_by[g], None) for g in ours_by]
        rows.append(("low confidence (to a person)", unsure, None, None))
        headline = "recall"
        mix = [category_mix("booking requests", [t.category for t in triage])]
    else:
        majority = Counter(truth).most_common(1)[0][0]
        a, b, c = score(truth, ours), score(truth, rule), score(truth, [majority] * len(truth))
        rows.append(("positives in sample", sum(truth) / len(truth), None, None))
        rows += [
            ("precision", a.precision, b.precision, c.precision),
            ("recall", a.recall, b.recall, c.recall),
            ("F1", a.f1, b.f1, c.f1),
            ("share answered yes", a.flagged, b.flagged, c.flagged),
        ]
        ours_by, rule_by = share_by_group(sample, ours), share_by_group(sample, rule)
        if len(ours_by) > 1:
            rows += [(f"recall, {g}", ours_by[g], rule_by[g], None) for g in ours_by]
        rows.append(("low confidence (to a person)", unsure, None, None))
        headline = "F1"
        pairs = list(zip(triage, sample, strict=True))
        mix = [
            category_mix(label, [t.category for t, i in pairs if i.positive == p])
            for label, p in (("positives", True), ("negatives", False))
        ]
    return Result(dataset, len(sample), len(items), rows, headline, mix, seconds)


def cell(value: Value) -> str:
    return "–" if value is None else f"{value:.3f}"


def show(console: Console, result: Result, seed: int) -> None:
    dataset = result.dataset
    table = Table(
        title=f"{dataset.folder}: {dataset.question}",
        caption=f"sample {result.sample:,} of {result.total:,} (seed {seed})",
        box=None,
    )
    table.add_column("")
    table.add_column("carecast", justify="right")
    table.add_column(dataset.baseline_name, justify="right")
    if not dataset.positives_only:
        table.add_column("majority", justify="right")
    for name, *values in result.rows:
        shown = values[:2] if dataset.positives_only else values
        table.add_row(name, *(cell(v) for v in shown))
    console.print(table)
    for line in result.mix:
        console.print(f"  {line}")
    for note in dataset.notes:
        console.print(f"  note: {note}")
    console.print(f"  triage took {result.seconds:.1f} s for {result.sample:,} messages\n")


def summary(console: Console, results: list[Result]) -> None:
    table = Table(title="summary (n: sample; rule: the baseline named above)", box=None)
    table.add_column("data set", no_wrap=True)
    for name in ("n", "measure", "carecast", "rule", "majority"):
        table.add_column(name, justify="left" if name == "measure" else "right")
    for result in results:
        row = next(r for r in result.rows if r[0].startswith(result.headline))
        table.add_row(
            result.dataset.folder,
            f"{result.sample:,}",
            result.headline,
            cell(row[1]),
            cell(row[2]),
            "–" if result.dataset.positives_only else cell(row[3]),
        )
    console.print(table)


def write_csv(results: list[Result]) -> Path:
    header = [
        "dataset",
        "question",
        "sample",
        "metric",
        "carecast",
        "baseline_name",
        "baseline",
        "majority",
    ]
    rows = [
        [
            result.dataset.folder,
            result.dataset.question,
            result.sample,
            name,
            "" if ours is None else f"{ours:.4f}",
            result.dataset.baseline_name,
            "" if rule is None else f"{rule:.4f}",
            "" if majority is None else f"{majority:.4f}",
        ]
        for result in results
        for name, ours, rule, majority in result.rows
    ]
    return write_results("triage_external.csv", header, rows)


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=positive_int, default=LIMIT, help=f"messages per data set ({LIMIT})"
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"sampling seed ({SEED})")
    args = parser.parse_args(argv)

    console = Console(highlight=False)
    console.print(f"data: {EXTERNAL}")
    console.print(f"at most {args.limit:,} messages per data set, seed {args.seed}\n")
    results = []
    for dataset in DATASETS:
        folder = EXTERNAL / dataset.folder
        if not folder.is_dir():
            console.print(f"skipped: {dataset.folder} not found")
            continue
        result = run(dataset, folder, args.limit, args.seed)
        show(console, result, args.seed)
        results.append(result)
    if not results:
        return 0
    summary(console, results)
    written = write_csv(results)
    console.print(f"\nrows written to {written.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
