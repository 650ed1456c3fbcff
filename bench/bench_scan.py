"""How fast ``carecast scan`` goes with 1 and 2 Dask workers on the same archive, the
speed-up, and how much memory it takes as the archive grows (``make bench``;
``--posts 1000000`` for the full-size run).

The archive is generated here: posts built from a small set of clinic sentences, some
with patient details, so guard has work to do. Each run starts from an empty output
folder; the time covers splitting, checking on a local cluster, and the CSV and report.
Memory is the resident size of this process and of every process it started (the Dask
workers and their nannies), sampled every 50 ms: this process (which reads, splits, runs
the scheduler and writes the report), the largest of the others, and the largest sum at
once. ``--memory-sizes`` scans archives of several sizes with 2 workers to show whether
those peaks grow with the archive.
Prints tables and writes bench/results/scan.csv and bench/results/scan_memory.csv.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from carecast.scale import scan  # noqa: E402
from figures import write_results  # noqa: E402

SENTENCES = [
    "Flu shots are in: walk in any weekday morning. More at cdc.gov/flu",
    "Our new parking lot opens Monday, with six accessible spaces by the door.",
    "Mrs. Alvarez in bed 4 went home today after her hip surgery!",
    "Take 800 mg ibuprofen every 4 hours for that knee.",
    "Thank you to our amazing nurses for a record week of vaccinations.",
    "We are closed on Thanksgiving; for anything urgent call 911.",
    "Reminder: sunscreen every day, even in winter. Source: aad.org",
    "DOB 03/14/1961, MRN 44821-A, follow-up booked for Tuesday.",
]


def make_archive(folder: Path, posts: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    path = folder / "archive.jsonl"
    with path.open("w") as out:
        for n in range(posts):
            text = " ".join(rng.sample(SENTENCES, 2))
            record = {"id": f"p{n}", "text": text, "account": f"@clinic{n % 40}"}
            out.write(json.dumps(record) + "\n")
    return path


@dataclass
class Run:
    posts: int
    workers: int
    seconds: float
    main_mb: float  # this process: reading, splitting, the Dask scheduler, the report
    worker_mb: float  # the largest of the processes it started (Dask's workers and nannies)
    total_mb: float  # every process together, at the worst moment


class MemoryWatch:
    """Samples the resident memory of this process and its children until stopped."""

    def __init__(self, every: float = 0.05) -> None:
        self.every = every
        self.main = 0
        self.worker = 0
        self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            sizes = []
            for process in me.children(recursive=True):
                try:
                    sizes.append(process.memory_info().rss)
                except psutil.Error:
                    continue
            main = me.memory_info().rss
            self.main = max(self.main, main)
            self.worker = max(self.worker, *sizes, 0)
            self.total = max(self.total, main + sum(sizes))
            self._stop.wait(self.every)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def measured(archive: Path, posts: int, workers: int, size: int) -> Run:
    with tempfile.TemporaryDirectory() as out, MemoryWatch() as memory:
        start = time.perf_counter()
        scan.run([archive], Path(out), workers=workers, size=size)
        seconds = time.perf_counter() - start
    mb = 1024 * 1024
    return Run(posts, workers, seconds, memory.main / mb, memory.worker / mb, memory.total / mb)


def sizes(text: str) -> list[int]:
    try:
        return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        message = "give post counts separated by commas, e.g. 20000,200000"
        raise argparse.ArgumentTypeError(message) from None


def show(title: str, runs: list[Run]) -> None:
    table = Table(title=title, box=None)
    for column in ("posts", "workers", "seconds", "posts/s", "main MB", "worker MB", "all MB"):
        table.add_column(column, justify="right")
    for run in runs:
        table.add_row(
            f"{run.posts:,}",
            str(run.workers),
            f"{run.seconds:.1f}",
            f"{run.posts / run.seconds:,.0f}",
            f"{run.main_mb:,.0f}",
            f"{run.worker_mb:,.0f}",
            f"{run.total_mb:,.0f}",
        )
    Console(highlight=False).print(table)


def write(name: str, runs: list[Run]) -> None:
    header = ["posts", "workers", "seconds", "posts_per_second", "main_mb", "worker_mb", "all_mb"]
    rows = [
        [
            run.posts,
            run.workers,
            round(run.seconds, 2),
            round(run.posts / run.seconds),
            round(run.main_mb),
            round(run.worker_mb),
            round(run.total_mb),
        ]
        for run in runs
    ]
    write_results(name, header, rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--partition-size", type=int, default=5_000)
    parser.add_argument(
        "--memory-sizes",
        type=sizes,
        default=[10_000, 100_000],
        help="archive sizes scanned with 2 workers for the memory table (comma-separated)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        archive = make_archive(Path(folder), args.posts)
        speed = [measured(archive, args.posts, w, args.partition_size) for w in (1, 2)]
    show(f"carecast scan of {args.posts:,} posts", speed)
    print(f"speed-up from 1 to 2 workers: {speed[0].seconds / speed[1].seconds:.2f}×")
    write("scan.csv", speed)
    growth = []
    for posts in args.memory_sizes:
        with tempfile.TemporaryDirectory() as folder:
            archive = make_archive(Path(folder), posts)
            growth.append(measured(archive, posts, 2, args.partition_size))
    if growth:
        show("memory as the archive grows (2 workers)", growth)
        write("scan_memory.csv", growth)
    return 0


if __name__ == "__main__":
    sys.exit(main())
