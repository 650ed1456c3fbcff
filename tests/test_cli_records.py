"""``carecast db upgrade``, ``carecast audit verify`` and ``carecast audit export``."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, text
from typer.testing import CliRunner

from carecast.cli import app
from carecast.store import make_sessionmaker
from carecast.workflow import audit

runner = CliRunner()


def url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def write_events(engine: Engine, n: int) -> None:
    with make_sessionmaker(engine)() as session:
        for i in range(n):
            audit.record(
                session, actor="a@b.test", action="post.created", object_type="post", object_id=i
            )
        session.commit()


def test_db_upgrade_creates_then_reports_up_to_date(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'new.db'}"
    first = runner.invoke(app, ["db", "upgrade", "--database", database])
    assert first.exit_code == 0 and "upgraded from empty" in first.stdout
    again = runner.invoke(app, ["db", "upgrade", "--database", database])
    assert again.exit_code == 0 and "up to date" in again.stdout


def test_verify_passes_then_names_the_tampered_event(engine: Engine) -> None:
    write_events(engine, 8)
    ok = runner.invoke(app, ["audit", "verify", "--database", url(engine)])
    assert ok.exit_code == 0 and "8 events" in ok.stdout
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
        connection.execute(text("UPDATE audit_events SET action = 'post.deleted' WHERE seq = 6"))
    broken = runner.invoke(app, ["audit", "verify", "--database", url(engine)])
    assert broken.exit_code == 1 and "broken at event 6" in broken.stdout


def test_export_writes_jsonl_and_csv(engine: Engine, tmp_path: Path) -> None:
    write_events(engine, 3)
    out = tmp_path / "audit.jsonl"
    result = runner.invoke(app, ["audit", "export", "--database", url(engine), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["seq"] for r in rows] == [1, 2, 3] and all(len(r["hash"]) == 64 for r in rows)
    csv_out = runner.invoke(
        app,
        ["audit", "export", "--database", url(engine), "--format", "csv", "--until", "2000-01-01"],
    )
    assert csv_out.exit_code == 0 and csv_out.stdout.startswith("seq,at,")
    assert len(csv_out.stdout.splitlines()) == 1


def test_bad_input_and_missing_databases_say_what_to_do(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = runner.invoke(app, ["audit", "verify", "--database", f"sqlite:///{empty}"])
    assert result.exit_code == 2 and "carecast db upgrade" in result.stderr
    result = runner.invoke(
        app, ["audit", "verify", "--database", "postgresql://u:secret@127.0.0.1:9/x"]
    )
    assert result.exit_code == 2 and "cannot reach the database" in result.stderr
    assert "secret" not in result.stderr and "Traceback" not in result.output
    result = runner.invoke(
        app, ["audit", "export", "--database", f"sqlite:///{empty}", "--since", "soon"]
    )
    assert result.exit_code == 2 and "--since 'soon' is not a date" in result.stderr
    result = runner.invoke(app, ["audit", "export", "--database", "nonsense://", "--format", "xml"])
    assert result.exit_code == 2 and "--format jsonl or --format csv" in result.stderr


def test_export_to_a_folder_that_is_not_there_says_so(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'audit.db'}"
    assert runner.invoke(app, ["db", "upgrade", "--database", database]).exit_code == 0
    out = tmp_path / "missing" / "audit.csv"
    result = runner.invoke(app, ["audit", "export", "--database", database, "--out", str(out)])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert "Traceback" not in result.output and not out.exists()
