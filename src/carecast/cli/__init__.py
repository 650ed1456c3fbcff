"""The ``carecast`` command: check posts before they go out.

Thin on purpose: read the input, call :func:`carecast.guard.check`, print the
report. Bad usage or input prints ``error:`` and ``hint:`` lines and exits 2.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from carecast import __version__
from carecast.cli.records import audit_app, db_app
from carecast.cli.worker import worker
from carecast.errors import CarecastError, InputError
from carecast.guard import Context, Report, load_policy
from carecast.guard import check as guard_check
from carecast.guard.findings import SEVERITY_RANK
from carecast.guard.registry import DETECTORS
from carecast.sarif import artifact_uri, sarif_log

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
CONTEXT_KEYS = ("channel", "reply_to")
LINE_SHAPE = 'each line is one object: {"id": "p1", "text": "...", "context": {"channel": "x"}}'


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"


class FailOn(StrEnum):
    review = "review"
    block = "block"


class Post(NamedTuple):
    """One text to check, where it came from, and where it is going."""

    text: str
    uri: str
    context: Context
    id: str | None = None


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


def _stdin_bytes() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return _stdin_bytes()
    p = Path(path)
    if not p.exists():
        raise InputError(f"no file at {path}", "check the path, or pass the text as an argument")
    if not p.is_file():
        raise InputError(f"{path} is not a file", "give the path of a UTF-8 text file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", "check its permissions") from exc


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not UTF-8 text (bad byte at offset {exc.start})",
            "save it as UTF-8, e.g. iconv -f latin1 -t utf-8 IN > OUT",
        ) from exc


def _context(value: Any, where: str) -> Context:
    """A context from a parsed JSON value, with errors that say where it was."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - set(CONTEXT_KEYS))
        if unknown:
            raise InputError(
                f"{where}: unknown key {unknown[0]!r}",
                "a context has only " + " and ".join(CONTEXT_KEYS),
            )
    try:
        return Context.of(value)
    except InputError as exc:
        raise InputError(f"{where}: {exc.message}", exc.hint) from exc


def _parse_context(raw: str | None) -> Context:
    if raw is None:
        return Context()
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"--context is not valid JSON ({exc.msg})",
            """give an object, e.g. --context '{"channel": "x", "reply_to": "@sam"}'""",
        ) from exc
    return _context(value, "--context")


def _single(text: str | None, file: str | None, context: Context) -> Post:
    if file is not None and text is not None:
        raise InputError("both a text argument and --file were given", "give one of them")
    if file is not None and file != "-":
        body, uri = _decode(_read_bytes(file), file), artifact_uri(file)
    elif text is None or text == "-" or file == "-":
        if text is None and file is None and (sys.stdin is None or sys.stdin.isatty()):
            raise InputError(
                "no text to check", "pass it as an argument, with --file PATH, or pipe it on stdin"
            )
        body, uri = _decode(_stdin_bytes(), "stdin"), "stdin"
    else:
        body, uri = text, "argument"
    if not body.strip():
        where = {"argument": "the text", "stdin": "stdin"}.get(uri, file)
        raise InputError(f"{where} is empty", "give the text of a post to check")
    return Post(body, uri, context)


def _jsonl_post(raw: bytes, n: int, default: Context) -> Post:
    """One line of a JSON Lines input; errors name the line and what to fix."""
    try:
        obj = json.loads(_decode(raw, f"line {n}"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"line {n} is not valid JSON ({exc.msg}, column {exc.colno})", LINE_SHAPE
        ) from exc
    if not isinstance(obj, dict):
        raise InputError(f"line {n} is a JSON {type(obj).__name__}, not an object", LINE_SHAPE)
    text = obj.get("text")
    if not isinstance(text, str):
        what = 'has no "text"' if text is None else 'has a "text" that is not a string'
        raise InputError(f"line {n} {what}", 'give the post as "text": "..."')
    if not text.strip():
        raise InputError(f'line {n} has an empty "text"', "give the post's text or delete the line")
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise InputError(f'line {n} has an "id" that is not a string', 'e.g. "id": "p1"')
    post_id = f"line-{n}" if raw_id is None else str(raw_id)
    ctx = obj.get("context")
    context = default if ctx is None else _context(ctx, f"line {n} context")
    return Post(text, post_id, context, post_id)


def _error(exc: CarecastError) -> None:
    typer.echo(f"error: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"hint: {exc.hint}", err=True)


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
    posts: list[Post | InputError] = []
    try:
        pol = load_policy(policy)
        base = _parse_context(context)
        if jsonl is None:
            posts.append(_single(text, file, base))
        elif text is not None or file is not None:
            raise InputError(
                "--jsonl reads every post from its file", "leave out the text argument and --file"
            )
        else:
            for n, raw in enumerate(_read_bytes(jsonl).split(b"\n"), 1):
                if raw.strip():
                    try:
                        posts.append(_jsonl_post(raw, n, base))
                    except InputError as exc:
                        posts.append(exc)
            if not posts:
                raise InputError(f"{'stdin' if jsonl == '-' else jsonl} has no posts", LINE_SHAPE)
    except CarecastError as exc:
        _error(exc)
        raise typer.Exit(2) from None

    console = Console(highlight=False)
    bad, worst, checked = False, 0, []
    for post in posts:
        if isinstance(post, InputError):
            _error(post)
            bad = True
            continue
        try:
            report = guard_check(post.text, post.context, pol, id=post.id)
        except CarecastError as exc:
            where = f"{post.id}: " if post.id else ""
            _error(InputError(where + exc.message, exc.hint))
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
app.command("worker")(worker)


def main() -> None:
    """Console-script entry point for ``carecast``."""
    app()


if __name__ == "__main__":
    main()
