"""The labelled messages triage is trained and scored on (``data/triage/`` in the
repository; not shipped with the package), and the fixed split between the two."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DEV_SHARE = 5  # one message in five, chosen by a hash of its id, is held out


def load_file(path: Path) -> list[dict[str, Any]]:
    """The messages of one JSON Lines file, in line order; blank lines are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_messages(folder: Path) -> list[dict[str, Any]]:
    """Every message in the folder's ``*.jsonl`` files, in file then line order."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        rows.extend(load_file(path))
    return rows


def is_dev(message_id: str) -> bool:
    """Whether the message is held out for scoring (the same on every machine)."""
    return int(hashlib.sha256(message_id.encode()).hexdigest(), 16) % DEV_SHARE == 0


def fingerprint(folder: Path) -> str:
    """SHA-256 of the data files, so a model can say what it was trained on."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()
