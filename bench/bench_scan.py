"""How fast ``carecast scan`` goes with 1 and 2 Dask workers on the same archive, and the
speed-up (``make bench``; ``--posts 1000000`` for the full-size run).

The archive is generated here: posts built from a small set of clinic sentences, some
with patient details, so guard has work to do. Each run starts from an empty output
folder; the time covers splitting, checking on a local cluster, and the CSV and report.
Prints a table and writes bench/results/scan.csv.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from carecast.scale import scan  # noqa: E402

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


def timed(archive: Path, workers: int, size: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        scan.run([archive], Path(out), workers=workers, size=size)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--partition-size", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        archive = make_archive(Path(folder), args.posts)
        one = timed(archive, 1, args.partition_size)
        two = timed(archive, 2, args.partition_size)
    table = Table(title=f"carecast scan of {args.posts:,} posts", box=None)
    for column in ("workers", "seconds", "posts/s"):
        table.add_column(column, justify="right")
    rows = [(1, one), (2, two)]
    for workers, seconds in rows:
        table.add_row(str(workers), f"{seconds:.1f}", f"{args.posts / seconds:,.0f}")
    Console(highlight=False).print(table)
    print(f"speed-up from 1 to 2 workers: {one / two:.2f}×")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    with (results / "scan.csv").open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["posts", "workers", "seconds", "posts_per_second"])
        for workers, seconds in rows:
            writer.writerow([args.posts, workers, round(seconds, 2), round(args.posts / seconds)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
