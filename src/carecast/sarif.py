"""Guard reports as a SARIF 2.1.0 log, for code-scanning tools and review dashboards.

One run per log; ``tool.driver.rules`` lists each rule that fired, and every
finding becomes a result located by character offset in its artifact (a file
path, ``stdin``, or the id of a JSON Lines record).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from carecast import __version__
from carecast.guard.findings import Report
from carecast.guard.registry import DETECTORS

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"block": "error", "review": "warning", "ok": "note"}


def artifact_uri(path: str | PurePath) -> str:
    """A URI reference for a file path: relative paths stay relative."""
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix())


def _rule(rule: str, message: str) -> dict[str, Any]:
    detector = DETECTORS.get(rule)
    text = detector.message if detector is not None else message
    out: dict[str, Any] = {
        "id": rule,
        "shortDescription": {"text": text},
        "properties": {"category": rule.split(".", 1)[0]},
    }
    if detector is not None:
        out["defaultConfiguration"] = {"level": LEVELS[detector.severity]}
        if detector.source:
            out["fullDescription"] = {"text": f"{text}. {detector.source}"}
    return out


def sarif_log(reports: Iterable[tuple[str, Report]]) -> dict[str, Any]:
    """A SARIF log for ``(artifact uri, report)`` pairs."""
    rules: dict[str, dict[str, Any]] = {}
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for uri, report in reports:
        artifacts.append({"location": {"uri": uri}})
        for f in report.findings:
            if f.rule not in rules:
                index[f.rule] = len(rules)
                rules[f.rule] = _rule(f.rule, f.message)
            message = f"{f.message}: '{f.text}'"
            if f.suggestion:
                message += f". Fix: {f.suggestion}"
            results.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": index[f.rule],
                    "level": LEVELS[f.severity],
                    "message": {"text": message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri},
                                "region": {
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                    "snippet": {"text": f.text},
                                },
                            }
                        }
                    ],
                }
            )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "carecast",
                        "version": __version__,
                        "rules": list(rules.values()),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
            }
        ],
    }
