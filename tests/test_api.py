"""The public surface: ``carecast.__all__`` and ``carecast.check``."""

from __future__ import annotations

import json

import carecast

EXPORTED = [
    "CarecastError",
    "ChannelError",
    "Context",
    "Finding",
    "InputError",
    "Policy",
    "PolicyError",
    "Report",
    "StoreError",
    "check",
    "load_policy",
]


def test_all_is_pinned_and_sorted() -> None:
    assert carecast.__all__ == EXPORTED
    assert sorted(carecast.__all__) == carecast.__all__


def test_every_exported_name_exists() -> None:
    for name in carecast.__all__:
        assert getattr(carecast, name) is not None, name


def test_errors_share_one_root() -> None:
    for name in ("InputError", "PolicyError", "ChannelError", "StoreError"):
        assert issubclass(getattr(carecast, name), carecast.CarecastError)


def test_check_returns_a_report_with_the_contract_shape() -> None:
    text = "Mrs. Alvarez in bed 4 is doing better"
    report = carecast.check(text, context={"channel": "x"}, id="p1")
    assert isinstance(report, carecast.Report)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["id"] == "p1"
    assert data["verdict"] == "block"
    assert {"id", "verdict", "findings", "redacted_text"} <= set(data)
    assert data["findings"]
    for f in data["findings"]:
        assert set(f) >= {
            "rule",
            "category",
            "severity",
            "start",
            "end",
            "text",
            "message",
            "suggestion",
        }
        assert text[f["start"] : f["end"]] == f["text"]
    assert "Alvarez" not in data["redacted_text"]


def test_check_clean_text() -> None:
    report = carecast.check("Our office is closed Monday for the holiday.")
    assert report.verdict == "ok"
    assert report.findings == ()
    assert report.to_dict()["findings"] == []
