"""Reading what the commands check: one text (argument, ``--file`` or stdin) or many
(``--jsonl``: one ``{"id", "text", "context"}`` object per line). Every problem is an
:class:`InputError` that names where it was and what to do."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

import typer

from carecast.errors import CarecastError, InputError
from carecast.guard import Context
from carecast.sarif import artifact_uri

CONTEXT_KEYS = ("channel", "reply_to")
LINE_SHAPE = 'each line is one object: {"id": "p1", "text": "...", "context": {"channel": "x"}}'


class Post(NamedTuple):
    """One text to check, where it came from, and where it is going."""

    text: str
    uri: str
    context: Context
    id: str | None = None


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


def report_error(exc: CarecastError) -> None:
    typer.echo(f"error: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"hint: {exc.hint}", err=True)


def read_posts(
    text: str | None, file: str | None, jsonl: str | None, context: str | None
) -> list[Post | InputError]:
    """What to check; a bad line of ``--jsonl`` is kept as its error, in its place."""
    posts: list[Post | InputError] = []
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
    return posts
