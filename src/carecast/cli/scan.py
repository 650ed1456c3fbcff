"""``carecast scan``: what is already out there, checked on Dask."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from carecast.cli.inputs import report_error
from carecast.errors import CarecastError


def scan(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Archives to scan: X (folder, .zip, tweets.js), Mastodon (outbox.json), "
            "Bluesky (.car), Facebook (your_posts_1.json), .jsonl, .csv or .parquet.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the findings and state.")],
    scheduler: Annotated[
        str | None,
        typer.Option(help="A Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: this machine)."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes on this machine (default: cores).")
    ] = None,
    text_column: Annotated[
        str, typer.Option(help="The column holding the post text in .jsonl/.csv/.parquet.")
    ] = "text",
    partition_size: Annotated[
        int, typer.Option(min=1, help="Posts per partition (each one a Dask task).")
    ] = 10_000,
    policy: Annotated[
        str | None, typer.Option(metavar="NAME|PATH", help="A policy pack or YAML file.")
    ] = None,
) -> None:
    """Scan past posts for patient data and guideline breaches; resumes where it stopped.

    Writes OUT/findings/*.parquet, OUT/findings.csv and OUT/bad_records.jsonl.
    Exit status: 0 nothing found, 1 findings, 2 bad usage or input.
    """
    from rich.progress import Progress

    from carecast.scale.scan import run

    try:
        with Progress(transient=True) as progress:
            task = progress.add_task("checking partitions", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            result = run(
                inputs,
                out,
                scheduler=scheduler,
                workers=workers,
                text_column=text_column,
                size=partition_size,
                policy=policy,
                on_progress=advance,
            )
    except CarecastError as exc:
        report_error(exc)
        raise typer.Exit(2) from None
    found = result.split
    typer.echo(
        f"{found.posts:,} posts in {found.partitions} partitions "
        f"({result.checked} checked now, {result.resumed} already done); "
        f"{found.bad_records:,} records could not be read (see {out / 'bad_records.jsonl'}); "
        f"findings in {out / 'findings.csv'}"
    )
    raise typer.Exit(1 if result.findings or _any_findings(out) else 0)


def _any_findings(out: Path) -> bool:
    import pyarrow.parquet as pq

    return any(pq.ParquetFile(p).metadata.num_rows for p in (out / "findings").glob("*.parquet"))
