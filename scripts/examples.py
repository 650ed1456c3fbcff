"""Show ``carecast check`` on a few example posts (what ``make examples`` runs).

Each post goes through :func:`carecast.check` and is printed with the same
rendering as ``carecast check`` on the command line.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console

import carecast
from carecast.cli import render_report

EXAMPLES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "A clean announcement",
        "Our office is closed Monday for the holiday. Flu shots resume Tuesday at 9am.",
        {"channel": "facebook"},
    ),
    (
        "A patient story with identifiers",
        "Mrs. Alvarez in bed 4 is finally going home today after her hip surgery on 3/14. "
        "She turns 94 next week!",
        {"channel": "x"},
    ),
    (
        "Individual advice in a reply",
        "@sam_k that rash sounds like shingles. Start acyclovir 800 mg five times a day "
        "and double your gabapentin for the pain.",
        {"channel": "x", "reply_to": "@sam_k"},
    ),
    (
        "An undisclosed promotion",
        "I recommend VitaBoost gummies to all my patients for immune support. "
        "Use code DOCSAM20 for 20% off at vitaboost.example.com!",
        {"channel": "linkedin"},
    ),
    (
        "A misinformation claim",
        "Reminder: antibiotics will clear up your cold or flu much faster, so ask for them early.",
        {"channel": "mastodon"},
    ),
    (
        "A community post without credentials",
        "Most people with a new type 2 diabetes diagnosis can start with walking after "
        "meals; it lowers blood sugar spikes.",
        {"channel": "community"},
    ),
]


def main() -> None:
    console = Console(highlight=False)
    for title, text, context in EXAMPLES:
        console.rule(f"[bold]{title}[/] [dim]({context.get('channel')})[/]")
        report = carecast.check(text, context=context)
        render_report(report, text, console, title=None)
        console.print()
    console.print(
        'Check your own text: [bold].venv/bin/carecast check "your post"[/] '
        "(or --file draft.txt, or pipe it in; --format json for machines). "
        "Rules: [bold].venv/bin/carecast rules[/]."
    )


if __name__ == "__main__":
    main()
