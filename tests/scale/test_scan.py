"""carecast scan: split into partitions, check them on a local Dask cluster, resume where
an earlier run stopped, count bad records without stopping."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from carecast.cli import app
from carecast.scale import scan

POSTS = [
    "Mrs. Alvarez in bed 4 went home today after her hip surgery!",
    "Flu shots are in: walk in any weekday morning. More at cdc.gov/flu",
    "Take 800 mg ibuprofen every 4 hours for that knee, Sam.",
    "Our new parking lot opens Monday.",
    "DOB 03/14/1961, MRN 44821-A, follow-up booked.",
]


def archive(folder: Path, copies: int = 4) -> Path:
    path = folder / "posts.jsonl"
    lines = []
    for n in range(copies):
        for m, text in enumerate(POSTS):
            lines.append(json.dumps({"id": f"p{n}-{m}", "text": text, "account": "@clinic"}))
    lines.insert(3, "{not json")
    lines.insert(7, json.dumps({"id": "empty", "text": ""}))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_split_streams_posts_into_partitions_and_counts_bad_records(tmp_path: Path) -> None:
    done = scan.split([archive(tmp_path)], tmp_path / "out", size=6)
    assert (done.posts, done.partitions, done.bad_records) == (20, 4, 2)
    parts = scan.partition_paths(tmp_path / "out")
    assert [len(p.read_text().splitlines()) for p in parts] == [6, 6, 6, 2]
    bad = (tmp_path / "out" / "bad_records.jsonl").read_text().splitlines()
    assert len(bad) == 2 and "line 4" in bad[0]
    # Split again: the marker says it is done, nothing is re-read.
    (tmp_path / "posts.jsonl").unlink()
    assert scan.split([tmp_path / "posts.jsonl"], tmp_path / "out", size=6) == done


def test_a_partition_is_checked_into_parquet(tmp_path: Path) -> None:
    scan.split([archive(tmp_path, copies=1)], tmp_path / "out", size=10)
    [part] = scan.partition_paths(tmp_path / "out")
    name, posts, findings = scan.check_partition(str(part))
    assert (name, posts) == ("part-00000.jsonl", 5) and findings > 0
    table = pq.read_table(scan.findings_path(part)).to_pylist()
    rules = {row["rule"] for row in table}
    assert {"privacy.phi.name", "advice.individual"} <= rules
    assert all(row["account"] == "@clinic" for row in table)
    flagged = {row["post_id"] for row in table}
    assert "p0-1" not in flagged and "p0-3" not in flagged


def test_scan_on_a_local_cluster_and_resume(tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = archive(tmp_path)
    first = scan.run([source], out, workers=1, size=6)
    assert (first.checked, first.resumed) == (4, 0) and first.findings > 0
    csv_rows = (out / "findings.csv").read_text().splitlines()
    assert len(csv_rows) == first.findings + 1  # and a header
    # An interrupted run: one partition's findings are missing.
    scan.findings_path(scan.partition_paths(out)[2]).unlink()
    second = scan.run([source], out, workers=1, size=6)
    assert (second.checked, second.resumed) == (1, 3)
    assert len((out / "findings.csv").read_text().splitlines()) == len(csv_rows)


def test_the_command_reports_and_exits_1_on_findings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["scan", str(archive(tmp_path)), "--out", str(out), "--workers", "1"]
    )
    assert result.exit_code == 1, result.output
    assert "20 posts in 1 partitions" in result.output and "2 records" in result.output


def test_an_unknown_input_is_a_clear_error(tmp_path: Path) -> None:
    strange = tmp_path / "notes.docx"
    strange.write_text("x")
    result = CliRunner().invoke(app, ["scan", str(strange), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "cannot tell what" in result.stderr


@pytest.mark.parametrize("size", [0, -3])
def test_a_partition_must_hold_something(tmp_path: Path, size: int) -> None:
    with pytest.raises(Exception, match="holds nothing"):
        scan.split([archive(tmp_path)], tmp_path / "out", size=size)
