"""``carecast triage``: what inbound messages are and what to do about them.

Reads exactly like ``carecast check`` (a text, ``--file``, stdin, or ``--jsonl``) and
prints one result per message; ``--format json`` prints the contract's object per
line. Exit status: 0 when every message may stay as it is or be answered in public,
1 when one must not stay public (it holds someone's health information) or needs a
person, 2 for bad usage or input.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from carecast.cli.inputs import read_posts, report_error
from carecast.errors import CarecastError, InputError

STYLE = {
    "personal_care": "bold white on red",
    "abuse": "bold white on red",
    "spam": "black on yellow",
    "misinformation": "black on yellow",
}


class TriageFormat(StrEnum):
    text = "text"
    json = "json"


def triage(
    text: Annotated[
        str | None,
        typer.Argument(
            help="The message. Use - (or leave it out and pipe text in) to read stdin.",
            metavar="TEXT",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option("--file", "-f", metavar="PATH", help="Read the message from a file."),
    ] = None,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl",
            metavar="FILE|-",
            help='Many messages: one {"id", "text", "context"} object per line.',
        ),
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            "--context",
            metavar="JSON",
            help='Where it came from, e.g. \'{"channel": "x", "reply_to": "@clinic"}\'.',
        ),
    ] = None,
    output: Annotated[
        TriageFormat,
        typer.Option("--format", help="text, or json (one object per message)."),
    ] = TriageFormat.text,
    policy: Annotated[
        str | None,
        typer.Option(
            "--policy",
            metavar="NAME|PATH",
            help="A policy pack or YAML file: its practice details fill the public replies.",
        ),
    ] = None,
) -> None:
    """Triage inbound messages: category, health information, actions, a safe reply.

    Exit status: 0 when no message must leave the public timeline, 1 when one must
    (or needs a person), 2 for bad usage or input.
    """
    from carecast.guard import load_policy
    from carecast.triage import classify

    try:
        chosen = load_policy(policy)
        messages = read_posts(text, file, jsonl, context)
    except CarecastError as exc:
        report_error(exc)
        raise typer.Exit(2) from None
    console = Console(highlight=False)
    bad = attention = False
    for message in messages:
        if isinstance(message, InputError):
            report_error(message)
            bad = True
            continue
        try:
            result = classify(message.text, message.context, chosen, id=message.id)
        except CarecastError as exc:
            report_error(InputError(f"{message.id or 'the message'}: {exc.message}", exc.hint))
            bad = True
            continue
        attention = attention or result.contains_phi or result.needs_person
        if output is TriageFormat.json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            continue
        console.print(
            Text.assemble(
                (f" {result.category} ", STYLE.get(result.category, "bold")),
                f"  {result.confidence:.0%} sure",
                ("  holds health information" if result.contains_phi else "", "bold red"),
                (f"  [{message.id}]" if message.id else "", "dim"),
            )
        )
        console.print(Text(message.text.strip()), style="dim")
        console.print("  do: " + (", ".join(result.actions) or "nothing"))
        if result.public_reply:
            console.print("  reply: " + result.public_reply)
    if bad:
        raise typer.Exit(2)
    raise typer.Exit(1 if attention else 0)
