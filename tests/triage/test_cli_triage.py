"""``carecast triage`` reads like ``carecast check``: exit 0 when nothing must leave
the public timeline, 1 when something must, 2 for bad input (with what to do)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from carecast.cli import app

runner = CliRunner()


def test_a_message_holding_health_information_exits_1() -> None:
    result = runner.invoke(app, ["triage", "my A1c came back 9.2, should I double my metformin?"])
    assert result.exit_code == 1, result.output
    assert "holds health information" in result.output


def test_a_plain_booking_question_exits_0_with_a_reply(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["triage", "--format", "json", "do you have anything Saturday morning for a checkup?"]
    )
    out = json.loads(result.output)
    assert out["category"] == "appointment" and out["contains_phi"] is False
    assert result.exit_code == (1 if "person_review" in out["actions"] else 0)


def test_jsonl_gives_one_object_per_line_and_names_a_bad_line(tmp_path: Path) -> None:
    source = tmp_path / "inbox.jsonl"
    source.write_text(
        '{"id": "m1", "text": "vaccines cause autism, wake up"}\n'
        "not json\n"
        '{"id": "m2", "text": "thank you all so much!", "context": {"channel": "x"}}\n'
    )
    result = runner.invoke(app, ["triage", "--jsonl", str(source), "--format", "json"])
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["id"] for line in lines] == ["m1", "m2"]
    assert "line 2 is not valid JSON" in result.stderr


def test_no_text_and_a_missing_file_say_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["triage", "--file", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2 and "no file at" in result.stderr and "hint:" in result.stderr
    result = runner.invoke(app, ["triage", "--policy", "no-such-pack", "hello"])
    assert result.exit_code == 2 and "hint:" in result.stderr
