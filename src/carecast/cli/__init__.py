"""The ``carecast`` command: check posts before they go out.

Thin on purpose: read the input, call :func:`carecast.guard.check`, print the
report. Bad usage or input prints ``error:`` and ``hint:`` lines and exits 2.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from carecast import __version__
from carecast.cli.inputs import read_posts, report_error
from carecast.cli.keys import keys_app
from carecast.cli.records import audit_app, db_app
from carecast.cli.scan import scan
from carecast.cli.triage import triage
from carecast.cli.worker import worker
from carecast.errors import CarecastError, InputError
from carecast.guard import Report, load_policy
from carecast.guard import check as guard_check
from carecast.guard.findings import SEVERITY_RANK
from carecast.guard.registry import DETECTORS
from carecast.sarif import sarif_log

SEVERITY_STYLE = {"block": "bold white on red", "review": "black on yellow"}
VERDICT_STYLE = {
    "ok": "bold white on green",
    "review": "bold black on yellow",
    "block": "bold white on red",
}
VERDICT_TEXT = {
    "ok": "nothing to fix",
    "review": "a clinician should look at this before it is posted",
    "block": "do not post this as written",
}


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"


class FailOn(StrEnum):
    review = "review"
    block = "block"


app = typer.Typer(
    help="Check clinicians' social-media posts for patient data and guideline problems.",
    no_args_is_help=True,
    add_completion=False,
)


def render_report(report: Report, text: str, console: Console, title: str | None = None) -> None:
    """Show one report: the verdict, the text with each finding highlighted by
    severity, every finding with its rule, message, matched text and fix, and the
    redacted text."""
    verdict = report.verdict
    count = len(report.findings)
    console.print(
        Text.assemble(
            (f" {verdict.upper()} ", VERDICT_STYLE[verdict]),
            "  ",
            VERDICT_TEXT[verdict],
            (f"  ({count} finding{'' if count == 1 else 's'}, policy {report.policy})", "dim"),
        )
    )
    body = Text(text.rstrip())
    for f in report.findings:
        body.stylize(SEVERITY_STYLE.get(f.severity, "bold"), f.start, f.end)
    border = {"ok": "green", "review": "yellow"}.get(verdict, "red")
    console.print(Panel(body, title=title, title_align="left", border_style=border))
    if not count:
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for n, f in enumerate(report.findings, 1):
        fix = f"replace with {f.suggestion}" if f.is_phi else f.suggestion
        grid.add_row(
            f"{n}.",
            Text.assemble(
                (f.rule, "bold"),
                "  ",
                (f.severity, SEVERITY_STYLE.get(f.severity, "")),
                "  ",
                f.message,
                "\nfound ",
                (repr(f.text), "cyan"),
                "  fix: ",
                fix,
            ),
        )
    console.print(grid)
    console.print(Text("Redacted:", "bold"))
    console.print(Padding(Text(report.redacted_text.rstrip()), (0, 0, 0, 2), expand=False))
    if report.fixed_text.rstrip() != report.redacted_text.rstrip():
        console.print(Text("With fixes:", "bold"))
        console.print(Padding(Text(report.fixed_text.rstrip()), (0, 0, 0, 2), expand=False))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"carecast {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Check clinicians' social-media posts for patient data and guideline problems."""


@app.command()
def check(
    text: Annotated[
        str | None,
        typer.Argument(
            help="The post to check. Use - (or leave it out and pipe text in) to read stdin.",
            metavar="TEXT",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option("--file", "-f", metavar="PATH", help="Read the post from a UTF-8 text file."),
    ] = None,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl",
            metavar="FILE|-",
            help='Check many posts: one {"id", "text", "context"} object per line.',
        ),
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            "--context",
            metavar="JSON",
            help='Where the post goes, e.g. \'{"channel": "x", "reply_to": "@sam"}\'. '
            "With --jsonl, used for lines that have no context.",
        ),
    ] = None,
    output: Annotated[
        Format,
        typer.Option("--format", help="text (highlighted), json (one object per post) or sarif."),
    ] = Format.text,
    policy: Annotated[
        str | None,
        typer.Option(
            "--policy",
            metavar="NAME|PATH",
            help="A policy pack (default, ama, fsmb, ncsbn, gmc) or a policy YAML file.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity."),
    ] = FailOn.block,
) -> None:
    """Check posts for patient data (PHI) and guideline problems.

    Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
    2 for bad usage or input.
    """
    try:
        pol = load_policy(policy)
        posts = read_posts(text, file, jsonl, context)
    except CarecastError as exc:
        report_error(exc)
        raise typer.Exit(2) from None

    console = Console(highlight=False)
    bad, worst, checked = False, 0, []
    for post in posts:
        if isinstance(post, InputError):
            report_error(post)
            bad = True
            continue
        try:
            report = guard_check(post.text, post.context, pol, id=post.id)
        except CarecastError as exc:
            where = f"{post.id}: " if post.id else ""
            report_error(InputError(where + exc.message, exc.hint))
            bad = True
            continue
        worst = max(worst, SEVERITY_RANK[report.verdict])
        if output is Format.json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        elif output is Format.text:
            title = None if post.uri == "argument" else post.uri
            render_report(report, post.text, console, title)
        checked.append((post.uri, report))
    if output is Format.sarif:
        typer.echo(json.dumps(sarif_log(checked), indent=2, ensure_ascii=False))
    if bad:
        raise typer.Exit(2)
    raise typer.Exit(1 if worst >= SEVERITY_RANK[fail_on.value] else 0)


@app.command()
def rules() -> None:
    """List every rule guard can report, with its default severity and message."""
    table = Table("rule", "severity", "message", box=None, pad_edge=False, show_edge=False)
    for rule, detector in DETECTORS.items():
        table.add_row(rule, detector.severity, detector.message)
    Console(highlight=False).print(table)


app.add_typer(db_app, name="db")
app.add_typer(audit_app, name="audit")
app.add_typer(keys_app, name="keys")
app.command("worker")(worker)
app.command("triage")(triage)
app.command("scan")(scan)


def main() -> None:
    """Console-script entry point for ``carecast``."""
    app()


if __name__ == "__main__":
    main()
