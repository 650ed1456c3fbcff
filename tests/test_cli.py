"""``carecast check`` and ``carecast rules`` on the command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

import carecast
from carecast.cli import app, render_report
from carecast.guard import RULES

PHI = "Mrs. Alvarez in bed 4 is doing better"
CLEAN = "Our office is closed Monday for the holiday."
FINDING_KEYS = {"rule", "category", "severity", "start", "end", "text", "message", "suggestion"}

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, prog_name="carecast")


def json_lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def assert_usage_error(result: Result, *words: str) -> None:
    """Exit 2, an ``error:`` and a ``hint:`` line on stderr, and no traceback."""
    assert result.exit_code == 2, result.output
    assert "error: " in result.stderr
    assert "hint: " in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for word in words:
        assert word in result.stderr


@pytest.fixture
def review_policy(tmp_path: Path) -> Path:
    """A policy that turns every rule down to ``review``."""
    lines = ["name: all-review", "extends: default", "rules:"]
    lines += [f"  {rule}: {{severity: review}}" for rule in RULES]
    path = tmp_path / "review.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- inputs ---------------------------------------------------------------


def test_argument_json_matches_the_library_report() -> None:
    result = run("check", "--format", "json", PHI)
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert out == carecast.check(PHI).to_dict()
    assert out["verdict"] == "block"
    assert "privacy.phi.name" in {f["rule"] for f in out["findings"]}
    assert "Mrs. Alvarez" not in out["redacted_text"]
    assert "[patient]" in out["redacted_text"]


def test_json_shape_follows_the_contract() -> None:
    out = json.loads(run("check", "--format", "json", PHI).stdout)
    assert {"verdict", "findings", "redacted_text"} <= set(out)
    assert "id" not in out
    assert out["findings"]
    for f in out["findings"]:
        assert set(f) == FINDING_KEYS
        assert PHI[f["start"] : f["end"]] == f["text"]
        assert f["category"] == f["rule"].split(".")[0]
        assert f["severity"] in {"review", "block"}


def test_file(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(PHI + "\n", encoding="utf-8")
    result = run("check", "--file", str(draft), "--format", "json")
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert out["verdict"] == "block"
    name = next(f for f in out["findings"] if f["rule"] == "privacy.phi.name")
    assert name["text"] == "Mrs. Alvarez"


@pytest.mark.parametrize("args", [["check"], ["check", "-"]])
def test_stdin(args: list[str]) -> None:
    result = run(*args, "--format", "json", input=PHI)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["verdict"] == "block"


def test_stdin_clean_text_is_ok() -> None:
    result = run("check", "--format", "json", input=CLEAN + "\n")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["verdict"] == "ok"
    assert out["findings"] == []


def test_context_reaches_the_checker() -> None:
    ctx = '{"channel": "x", "reply_to": "@sam"}'
    result = run("check", "--format", "json", "--context", ctx, PHI)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["verdict"] == "block"


def test_jsonl_with_a_malformed_line_checks_the_rest(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"id": "p1", "text": PHI})
        + "\n"
        + '{"id": "p2", "text": "unterminated\n'
        + "\n"
        + json.dumps({"text": CLEAN, "context": {"channel": "x"}})
        + "\n",
        encoding="utf-8",
    )
    result = run("check", "--jsonl", str(posts), "--format", "json")
    assert result.exit_code == 2
    assert "line 2" in result.stderr
    assert "line 3" not in result.stderr  # blank lines are skipped, not errors
    assert "not valid JSON" in result.stderr
    assert "hint: " in result.stderr
    reports = json_lines(result.stdout)
    assert [r["id"] for r in reports] == ["p1", "line-4"]
    assert [r["verdict"] for r in reports] == ["block", "ok"]


def test_jsonl_from_stdin_all_good_exits_by_fail_on() -> None:
    lines = [json.dumps({"id": "a", "text": CLEAN}), json.dumps({"id": "b", "text": PHI})]
    result = run("check", "--jsonl", "-", "--format", "json", input="\n".join(lines))
    assert result.exit_code == 1
    assert result.stderr == ""
    assert [r["verdict"] for r in json_lines(result.stdout)] == ["ok", "block"]


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("[1, 2]", "not an object"),
        ('{"id": "x"}', '"text"'),
        ('{"text": 42}', "not a string"),
        ('{"text": "   "}', "empty"),
        ('{"text": "hello", "context": "x"}', "context"),
        ('{"text": "hello", "context": {"channel": "x", "who": 1}}', "who"),
        ('{"text": "hello", "id": [1]}', '"id"'),
    ],
)
def test_jsonl_bad_line_names_its_line(line: str, says: str) -> None:
    data = "\n".join([json.dumps({"text": CLEAN}), line, json.dumps({"text": CLEAN})])
    result = run("check", "--jsonl", "-", "--format", "json", input=data)
    assert result.exit_code == 2
    assert "error: line 2" in result.stderr
    assert says in result.stderr
    assert [r["id"] for r in json_lines(result.stdout)] == ["line-1", "line-3"]


def test_jsonl_line_that_is_not_utf8() -> None:
    data = json.dumps({"text": CLEAN}).encode() + b'\n{"text": "caf\xe9"}\n'
    result = run("check", "--jsonl", "-", "--format", "json", input=data)
    assert result.exit_code == 2
    assert "line 2 is not UTF-8" in result.stderr
    assert len(json_lines(result.stdout)) == 1


# --- formats --------------------------------------------------------------


def test_text_format_shows_verdict_findings_fixes_and_redaction() -> None:
    result = run("check", PHI)
    assert result.exit_code == 1
    out = result.stdout
    assert "BLOCK" in out
    assert "privacy.phi.name" in out
    assert "'Mrs. Alvarez'" in out
    assert "replace with [patient]" in out
    assert "Redacted:" in out
    assert "[patient] in [location] is doing better" in out


def test_text_format_highlights_spans_in_colour() -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, color_system="standard", width=100)
    render_report(carecast.check(PHI), PHI, console)
    # bold white on red around exactly the name
    assert "\x1b[1;37;41mMrs. Alvarez\x1b[0m" in buf.getvalue()


def test_sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("draft.txt").write_text(PHI, encoding="utf-8")
    result = run("check", "--file", "draft.txt", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"]
    (sarif_run,) = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "carecast"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert "privacy.phi.name" in rule_ids
    assert all(r["shortDescription"]["text"] for r in driver["rules"])
    results = sarif_run["results"]
    assert {r["ruleId"] for r in results} == set(rule_ids)
    for r in results:
        assert r["level"] == "error"
        assert r["message"]["text"]
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "draft.txt"
        region = loc["region"]
        start, length = region["charOffset"], region["charLength"]
        assert PHI[start : start + length] == region["snippet"]["text"]
    name = next(r for r in results if r["ruleId"] == "privacy.phi.name")
    assert name["locations"][0]["physicalLocation"]["region"]["charOffset"] == 0
    assert name["locations"][0]["physicalLocation"]["region"]["charLength"] == 12


def test_sarif_review_is_warning_and_jsonl_ids_are_artifacts(review_policy: Path) -> None:
    data = "\n".join([json.dumps({"id": "p1", "text": PHI}), json.dumps({"text": CLEAN})])
    result = run(
        "check", "--jsonl", "-", "--format", "sarif", "--policy", str(review_policy), input=data
    )
    assert result.exit_code == 0
    (sarif_run,) = json.loads(result.stdout)["runs"]
    assert sarif_run["results"]
    assert {r["level"] for r in sarif_run["results"]} == {"warning"}
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif_run["results"]
    }
    assert uris == {"p1"}
    assert [a["location"]["uri"] for a in sarif_run["artifacts"]] == ["p1", "line-2"]


def test_sarif_stdin_uri() -> None:
    result = run("check", "--format", "sarif", input=PHI)
    (sarif_run,) = json.loads(result.stdout)["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif_run["results"]
    }
    assert uris == {"stdin"}


# --- exit status ----------------------------------------------------------


def test_exit_0_for_clean_text() -> None:
    assert run("check", CLEAN).exit_code == 0


def test_exit_1_for_a_block() -> None:
    assert run("check", PHI).exit_code == 1


def test_fail_on_review(review_policy: Path) -> None:
    default = run("check", "--format", "json", "--policy", str(review_policy), PHI)
    assert json.loads(default.stdout)["verdict"] == "review"
    assert default.exit_code == 0
    strict = run("check", "--policy", str(review_policy), "--fail-on", "review", PHI)
    assert strict.exit_code == 1
    assert run("check", "--fail-on", "review", CLEAN).exit_code == 0


def test_bad_format_is_usage_error() -> None:
    assert run("check", "--format", "xml", CLEAN).exit_code == 2


# --- bad input ------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    result = run("check", "--file", str(tmp_path / "nope.txt"))
    assert_usage_error(result, "no file at", "nope.txt")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café closed Monday".encode("latin-1"))
    assert_usage_error(run("check", "--file", str(path)), "not UTF-8", "latin1.txt")


def test_bad_policy_name() -> None:
    assert_usage_error(run("check", "--policy", "nosuchpack", CLEAN), "nosuchpack", "ama")


def test_bad_policy_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: broken\nrules: [1, 2\n", encoding="utf-8")
    assert_usage_error(run("check", "--policy", str(path), CLEAN), "broken.yaml")


@pytest.mark.parametrize(
    ("ctx", "says"),
    [
        ("{channel: x}", "not valid JSON"),
        ('["x"]', "object"),
        ('{"chanel": "x"}', "chanel"),
        ('{"reply_to": 5}', "reply_to"),
    ],
)
def test_bad_context(ctx: str, says: str) -> None:
    assert_usage_error(run("check", "--context", ctx, CLEAN), "--context", says)


@pytest.mark.parametrize(
    ("args", "input", "says"),
    [
        (["check", ""], None, "empty"),
        (["check", "   \n"], None, "empty"),
        (["check"], "", "stdin is empty"),
        (["check", "--jsonl", "-"], "\n\n", "no posts"),
    ],
)
def test_empty_input(args: list[str], input: str | None, says: str) -> None:
    assert_usage_error(run(*args, input=input), says)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert_usage_error(run("check", "--file", str(path)), "empty.txt is empty")


def test_text_and_file_together(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert_usage_error(run("check", "--file", str(path), PHI), "--file")


def test_jsonl_with_text_argument() -> None:
    assert_usage_error(run("check", "--jsonl", "-", PHI, input="{}"), "--jsonl")


# --- other commands -------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for rule in RULES:
        assert rule in result.stdout
    assert "block" in result.stdout
    assert "review" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"carecast {carecast.__version__}"


# --- a real process -------------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8"}


def test_real_process_json_and_exit_status() -> None:
    cmd = [sys.executable, "-m", "carecast.cli", "check", "--format", "json"]
    proc = subprocess.run([*cmd, PHI], capture_output=True, text=True, env=_env(), check=False)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "block"
    proc = subprocess.run(cmd, input=CLEAN, capture_output=True, text=True, env=_env(), check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "ok"


def test_real_process_bad_input_has_no_traceback(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "carecast.cli", "check", "--file", str(tmp_path / "no.txt")]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: no file at")
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_real_process_with_terminal_stdin_and_no_text() -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "carecast.cli", "check"],
            stdin=follower,
            capture_output=True,
            text=True,
            env=_env(),
            timeout=60,
            check=False,
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert proc.returncode == 2
    assert "error: no text to check" in proc.stderr
    assert "hint: " in proc.stderr
