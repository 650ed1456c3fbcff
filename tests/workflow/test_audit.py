"""The audit log: a hash chain that proves itself, names the first broken event, and exports."""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from carecast.errors import InputError
from carecast.store import AuditEvent, make_sessionmaker
from carecast.workflow import audit


def fill(session: Session, n: int) -> None:
    for i in range(n):
        audit.record(
            session,
            actor="manager@lakeside.test",
            action="post.edited",
            object_type="post",
            object_id=i,
            details={"n": i, "note": "naïve café ✓"},
            content=f"text {i}",
        )
    session.commit()


def drop_append_only_guard(engine: Engine) -> None:
    """What someone with direct database access could do before editing rows."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))


def test_an_untouched_chain_verifies(session: Session) -> None:
    assert audit.verify(session).ok and audit.verify(session).events == 0
    fill(session, 25)
    result = audit.verify(session)
    assert result.ok and result.events == 25


def test_the_database_refuses_to_change_or_delete_events(engine: Engine, session: Session) -> None:
    fill(session, 2)
    for statement in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    assert audit.verify(session).ok


@pytest.mark.parametrize(
    ("statement", "broken_at", "reason"),
    [
        ("UPDATE audit_events SET actor = 'someone@else.test' WHERE seq = 7", 7, "content"),
        ("UPDATE audit_events SET details = '{\"n\": 99}' WHERE seq = 3", 3, "content"),
        ("DELETE FROM audit_events WHERE seq = 5", 5, "missing"),
        ("DELETE FROM audit_events WHERE seq = 10", 10, "missing"),
        ("UPDATE audit_events SET prev_hash = hash WHERE seq = 4", 4, "link"),
    ],
)
def test_tampering_names_the_first_broken_event(
    engine: Engine, session: Session, statement: str, broken_at: int, reason: str
) -> None:
    fill(session, 10)
    drop_append_only_guard(engine)
    with engine.begin() as connection:
        connection.execute(text(statement))
    session.expire_all()
    result = audit.verify(session)
    assert not result.ok and result.broken_at == broken_at and reason in result.reason


def test_a_rewritten_event_with_a_fresh_hash_breaks_the_next_link(
    engine: Engine, session: Session
) -> None:
    fill(session, 6)
    drop_append_only_guard(engine)
    with engine.begin() as connection:
        table = AuditEvent.__table__
        row = connection.execute(select(table).where(table.c.seq == 2)).mappings().one()
    forged = dict(row) | {"actor": "forger@else.test"}
    from carecast.store.audit import event_fields, event_hash

    with engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_events SET actor = :actor, hash = :hash WHERE seq = 2"),
            {"actor": forged["actor"], "hash": event_hash(event_fields(forged))},
        )
    result = audit.verify(session)
    assert not result.ok and result.broken_at == 3 and "link" in result.reason


def test_export_jsonl_and_csv_within_a_window(session: Session) -> None:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for day in range(5):
        audit.record(
            session,
            actor="a@b.test",
            action="post.created",
            object_type="post",
            object_id=day,
            details={"day": day},
            at=start + timedelta(days=day),
        )
    session.commit()
    since, until = start + timedelta(days=1), start + timedelta(days=3)
    lines = list(audit.export(session, "jsonl", since, until))
    rows = [json.loads(line) for line in lines]
    assert [r["details"]["day"] for r in rows] == [1, 2]
    assert {"seq", "at", "actor", "hash", "prev_hash", "content_hash"} <= set(rows[0])
    table = list(csv.DictReader(io.StringIO("".join(audit.export(session, "csv")))))
    assert len(table) == 5 and json.loads(table[4]["details"]) == {"day": 4}
    assert "".join(audit.export(session, "csv", until=start)).strip() == ",".join(audit.CSV_COLUMNS)
    with pytest.raises(InputError, match="jsonl or csv"):
        list(audit.export(session, "xml"))


def test_concurrent_writers_never_fork_the_chain(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        for i in range(15):
            for _attempt in range(20):  # SQLite may refuse a writer while another holds the lock
                try:
                    with sessions() as s:
                        audit.record(
                            s,
                            actor=f"worker{worker}",
                            action="post.edited",
                            object_type="post",
                            object_id=i,
                        )
                        s.commit()
                    break
                except DBAPIError as exc:
                    if "locked" not in str(exc):
                        errors.append(exc)
                        return

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with sessions() as s:
        result = audit.verify(s)
    assert result.ok and result.events == 60


def test_events_and_export_keep_to_one_practice(session: Session) -> None:
    for practice_id in (1, 2, 1, 2, 1):
        audit.record(
            session,
            actor="a@b.test",
            action="post.created",
            object_type="post",
            object_id=1,
            practice_id=practice_id,
        )
    session.commit()
    assert [e["seq"] for e in audit.events(session, practice_id=1)] == [1, 3, 5]
    assert [e["seq"] for e in audit.events(session, practice_id=2, limit=1)] == [2]
    lines = list(audit.export(session, "jsonl", practice_id=2))
    assert [json.loads(line)["seq"] for line in lines] == [2, 4]
    assert audit.verify(session).events == 5
