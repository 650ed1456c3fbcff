"""Tables with a text column: JSON Lines and CSV line by line, Parquet batch by batch."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from carecast.errors import InputError
from carecast.scale.readers.records import (
    UNDECODED,
    ArchivePost,
    Bad,
    BadRecord,
    Item,
    missing_column,
    need_text,
    parse_time,
)

_ID_COLUMNS, _ACCOUNT_COLUMNS = ("id",), ("account", "author", "user")
_TIME_COLUMNS, _URL_COLUMNS = ("created_at", "date", "timestamp"), ("url",)
_LOOKAHEAD = 100  # JSONL objects read before deciding the file has no text key at all
BATCH = 4096


# --- tables: JSONL, CSV, Parquet ----------------------------------------------------------


def _first(row: Mapping[str, Any], names: Sequence[str]) -> Any:
    for name in names:
        if (value := row.get(name)) is not None and value != "":
            return value
    return None


def _pick(row: Mapping[str, Any], names: Sequence[str]) -> str:
    return "" if (value := _first(row, names)) is None else str(value)


def _table_post(source: str, n: int, row: Mapping[str, Any], text_column: str, kind: str) -> Item:
    try:
        text, when = need_text(row.get(text_column)), parse_time(_first(row, _TIME_COLUMNS))
    except Bad as exc:
        return BadRecord(source, f"{kind} {n}", str(exc))
    ident = _pick(row, _ID_COLUMNS) or f"{kind}-{n}"
    account, url = _pick(row, _ACCOUNT_COLUMNS), _pick(row, _URL_COLUMNS)
    return ArchivePost(source, ident, account, when, text, url, "table")


def read_jsonl(path: Path, text_column: str) -> Iterator[Item]:
    source, found, objects = str(path), False, 0
    pending: list[Item] = []  # held until a record shows that the file has the text key
    keys: dict[str, None] = {}
    with path.open("rb") as stream:
        for n, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                row = BadRecord(source, f"line {n}", "not UTF-8 text")
            except json.JSONDecodeError as exc:
                row = BadRecord(source, f"line {n}", f"not valid JSON ({exc.msg})")
            if not isinstance(row, dict | BadRecord):
                row = BadRecord(source, f"line {n}", f"a JSON {type(row).__name__}, not an object")
            if isinstance(row, dict):
                objects += 1
                if not found:
                    found = text_column in row
                    keys.update(dict.fromkeys(row))
                row = _table_post(source, n, row, text_column, "line")
            if found:
                yield from pending
                pending.clear()
                yield row
            elif objects >= _LOOKAHEAD:
                raise missing_column(source, list(keys), text_column)
            else:
                pending.append(row)
    if objects and not found:
        raise missing_column(source, list(keys), text_column)
    yield from pending


def read_csv(path: Path, text_column: str) -> Iterator[Item]:
    source = str(path)
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None) or []
        if text_column not in header:
            raise missing_column(source, header, text_column)
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRecord(source, f"line {start}", f"not valid CSV ({exc})")
            else:
                if UNDECODED.search("".join(cells)):
                    yield BadRecord(source, f"line {start}", "not UTF-8 text")
                elif cells:
                    row = dict(zip(header, cells, strict=False))
                    yield _table_post(source, start, row, text_column, "line")
            start = reader.line_num + 1


def read_parquet(path: Path, text_column: str) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            f"{path} is not a readable Parquet file ({exc})", "write it again"
        ) from exc
    names = list(table.schema_arrow.names)
    if text_column not in names:
        raise missing_column(str(path), names, text_column)
    optional = _ID_COLUMNS + _ACCOUNT_COLUMNS + _TIME_COLUMNS + _URL_COLUMNS
    columns = [text_column, *(c for c in optional if c in names and c != text_column)]
    n = 0
    try:
        for batch in table.iter_batches(batch_size=BATCH, columns=columns):
            for row in batch.to_pylist():
                n += 1
                yield _table_post(str(path), n, row, text_column, "row")
    except (pa.ArrowException, OSError) as exc:
        yield BadRecord(str(path), f"row {n + 1}", f"cannot read on: {exc}")
