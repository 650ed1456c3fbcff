"""Scan archives of past posts for patient data and guideline breaches, on Dask.

Two steps, both resumable:

1. **Split**: the driver streams every input through :mod:`carecast.scale.readers` and
   writes the posts into numbered partition files of at most ``partition_size`` posts
   (``OUT/partitions/part-00000.jsonl``), and unusable records into
   ``OUT/bad_records.jsonl``. Memory holds one partition at most. A ``split.json`` written
   last says the split is complete; a scan that finds it skips this step.
2. **Check**: each partition is a Dask task that runs guard on its posts and writes
   ``OUT/findings/part-00000.parquet`` (written under a temporary name, then renamed:
   a file there is a finished partition). A scan started again checks only the
   partitions with no findings file yet.

Runs on a local cluster (one worker process per core) or on the scheduler given.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from carecast.errors import InputError
from carecast.scale.readers import ArchivePost, BadRecord, read_many
from carecast.scale.report import write_report

PARTITION_SIZE = 10_000
FINDING_COLUMNS = (
    "post_id",
    "source",
    "account",
    "network",
    "created_at",
    "url",
    "verdict",
    "rule",
    "category",
    "severity",
    "start",
    "end",
    "text",
    "message",
    "suggestion",
    "post_text",
)
SCHEMA = pa.schema(
    [(name, pa.int64() if name in ("start", "end") else pa.string()) for name in FINDING_COLUMNS]
)


@dataclass(frozen=True)
class Split:
    """What the split step found: how many posts, in how many partitions, and how many
    records could not be read."""

    posts: int
    partitions: int
    bad_records: int


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def split(
    inputs: Sequence[Path], out: Path, *, text_column: str = "text", size: int = PARTITION_SIZE
) -> Split:
    """Stream the inputs into partition files (or find them already split)."""
    marker = out / "split.json"
    if marker.exists():
        return Split(**json.loads(marker.read_text()))
    if size < 1:
        raise InputError(f"a partition of {size} posts holds nothing", "give at least 1")
    folder = out / "partitions"
    folder.mkdir(parents=True, exist_ok=True)
    posts = bad = number = 0
    current: list[str] = []

    def flush() -> None:
        nonlocal number, current
        if current:
            _write_atomically(folder / f"part-{number:05d}.jsonl", "\n".join(current) + "\n")
            number += 1
            current = []

    with (out / "bad_records.jsonl").open("w", encoding="utf-8") as bad_file:
        for item in read_many(list(inputs), text_column):
            if isinstance(item, BadRecord):
                bad += 1
                bad_file.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
                continue
            posts += 1
            record = asdict(item)
            record["created_at"] = item.created_at.isoformat() if item.created_at else None
            current.append(json.dumps(record, ensure_ascii=False))
            if len(current) >= size:
                flush()
        flush()
    done = Split(posts=posts, partitions=number, bad_records=bad)
    _write_atomically(marker, json.dumps(asdict(done)))
    return done


def partition_paths(out: Path) -> list[Path]:
    return sorted((out / "partitions").glob("part-*.jsonl"))


def findings_path(partition: Path) -> Path:
    return partition.parent.parent / "findings" / (partition.stem + ".parquet")


def _rows(post: ArchivePost, report: Any) -> Iterable[dict[str, Any]]:
    base = {
        "post_id": post.id,
        "source": post.source,
        "account": post.account,
        "network": post.network,
        "created_at": post.created_at.isoformat() if post.created_at else None,
        "url": post.url,
        "verdict": report.verdict,
        "post_text": post.text,
    }
    for finding in report.findings:
        yield base | {
            "rule": finding.rule,
            "category": finding.category,
            "severity": finding.severity,
            "start": finding.start,
            "end": finding.end,
            "text": finding.text,
            "message": finding.message,
            "suggestion": finding.suggestion,
        }


def check_partition(partition: str, policy: str | None = None) -> tuple[str, int, int]:
    """Run guard on one partition's posts and write its findings; (name, posts, findings).
    Runs inside a Dask worker: it imports guard there, once per process."""
    from datetime import datetime

    from carecast.guard import check, load_policy

    path = Path(partition)
    target = findings_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    chosen = load_policy(policy)
    rows: list[dict[str, Any]] = []
    posts = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        when = record.pop("created_at")
        post = ArchivePost(**record, created_at=datetime.fromisoformat(when) if when else None)
        posts += 1
        rows.extend(_rows(post, check(post.text, {"channel": _channel(post)}, chosen)))
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    temporary = target.with_name(target.name + ".tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, target)
    return path.name, posts, len(rows)


def _channel(post: ArchivePost) -> str | None:
    return post.network if post.network in ("x", "mastodon", "bluesky", "facebook") else None


def pending(out: Path) -> list[Path]:
    """Partitions with no findings file yet."""
    return [p for p in partition_paths(out) if not findings_path(p).exists()]


@dataclass(frozen=True)
class ScanResult:
    split: Split
    checked: int  # partitions checked by this run
    resumed: int  # partitions already done by an earlier run
    findings: int


def run(
    inputs: Sequence[Path],
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    text_column: str = "text",
    size: int = PARTITION_SIZE,
    policy: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ScanResult:
    """Split, then check every pending partition on Dask; returns what was done."""
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    out.mkdir(parents=True, exist_ok=True)
    found = split(inputs, out, text_column=text_column, size=size)
    todo = pending(out)
    resumed = found.partitions - len(todo)
    findings = 0
    if todo:
        cluster = None
        if scheduler is None:
            # No dashboard, so no use for the workers' statistical profiler: it samples
            # every 10 ms and keeps a growing history, which made a long scan's workers
            # grow (233 MB at 100,000 posts, 398 MB at 1,000,000) though each partition
            # is read, checked and let go.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
        with Client(scheduler or cluster) as client:  # type: ignore[no-untyped-call]
            futures = [client.submit(check_partition, str(p), policy, pure=False) for p in todo]
            completed = as_completed(futures)  # type: ignore[no-untyped-call]
            for done, future in enumerate(completed, start=1):
                _name, _posts, count = future.result()
                findings += count
                if on_progress:
                    on_progress(done, len(todo))
        if cluster is not None:
            cluster.close()
    write_csv(out)
    write_report(out, scanned=found.posts, bad_records=found.bad_records)
    return ScanResult(split=found, checked=len(todo), resumed=resumed, findings=findings)


def write_csv(out: Path) -> Path:
    """Every partition's findings in one CSV (``OUT/findings.csv``), a partition at a time."""
    import pyarrow.csv as pacsv

    target = out / "findings.csv"
    temporary = target.with_name(target.name + ".tmp")
    with pacsv.CSVWriter(str(temporary), SCHEMA) as writer:
        for partition in partition_paths(out):
            writer.write_table(pq.read_table(findings_path(partition), schema=SCHEMA))
    os.replace(temporary, target)
    return target
