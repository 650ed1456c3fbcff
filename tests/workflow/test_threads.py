"""Private threads: a mention with someone's health information is moved into a sealed
thread; only the roles that care for people read it, and every reading is audited.
And ``carecast keys rotate`` seals everything again with a new key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from carecast.cli import app
from carecast.errors import ConflictError, InputError, PermissionDenied
from carecast.store import Account, AuditEvent, Mention, ThreadMessage
from carecast.store.keys import Keyring, load_keyring, new_key
from carecast.workflow import audit, threads
from workflow.conftest import Staff

SECRET_HEALTH = "@lakeside my potassium came back 5.9, should I stop my lisinopril?"


def a_mention(session: Session, staff: Staff) -> Mention:
    account = Account(
        practice_id=staff.practice.id, kind="mastodon", base_url="https://social.example"
    )
    session.add(account)
    session.flush()
    mention = Mention(
        practice_id=staff.practice.id,
        account_id=account.id,
        remote_id="110",
        author="@sam@social.example",
        text=SECRET_HEALTH,
        sent_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        category="personal_care",
        contains_phi=True,
    )
    session.add(mention)
    session.commit()
    return mention


@pytest.fixture
def keyring() -> Keyring:
    return load_keyring({"CARECAST_SECRET_KEY": new_key()})


def test_opening_a_thread_seals_the_message_and_leaves_only_a_pointer(
    session: Session, staff: Staff, keyring: Keyring
) -> None:
    mention = a_mention(session, staff)
    thread = threads.open_thread(session, staff.clinician, keyring, mention)
    session.commit()
    assert mention.state == "private" and "potassium" not in mention.text
    assert mention.text == f"[moved to private thread {thread.id}]"
    raw = session.execute(text("SELECT sealed_body FROM thread_messages")).scalars().all()
    assert len(raw) == 1 and "potassium" not in raw[0] and raw[0].startswith("v1.")
    events = audit.events(session, staff.practice.id)
    assert not any("potassium" in str(e) for e in events)
    with pytest.raises(ConflictError):
        threads.open_thread(session, staff.manager, keyring, mention)


def test_reading_opens_the_messages_and_is_audited(
    session: Session, staff: Staff, keyring: Keyring
) -> None:
    thread = threads.open_thread(session, staff.manager, keyring, a_mention(session, staff))
    threads.add_message(
        session, staff.manager, keyring, thread, "Called Sam, booked for tomorrow 9am.", "note"
    )
    session.commit()
    read = threads.read_thread(session, staff.clinician, keyring, thread)
    session.commit()
    assert [m.body for m in read] == [SECRET_HEALTH, "Called Sam, booked for tomorrow 9am."]
    assert [m.direction for m in read] == ["in", "note"]
    assert read[1].author == staff.manager.display_name
    reads = session.scalars(select(AuditEvent).where(AuditEvent.action == "thread.read")).all()
    assert len(reads) == 1 and reads[0].actor == staff.clinician.email
    assert reads[0].details["messages"] == 2


@pytest.mark.parametrize("role", ["admin", "compliance"])
def test_roles_that_do_not_care_for_people_cannot_read_threads(
    session: Session, staff: Staff, keyring: Keyring, role: str
) -> None:
    thread = threads.open_thread(session, staff.manager, keyring, a_mention(session, staff))
    user = getattr(staff, role)
    with pytest.raises(PermissionDenied):
        threads.read_thread(session, user, keyring, thread)
    with pytest.raises(PermissionDenied):
        threads.list_threads(session, user)


def test_empty_messages_and_closed_threads_are_refused(
    session: Session, staff: Staff, keyring: Keyring
) -> None:
    thread = threads.open_thread(session, staff.manager, keyring, a_mention(session, staff))
    with pytest.raises(InputError, match="empty"):
        threads.add_message(session, staff.manager, keyring, thread, "   ", "out")
    threads.close_thread(session, staff.manager, thread)
    with pytest.raises(ConflictError, match="closed"):
        threads.add_message(session, staff.manager, keyring, thread, "hello", "out")


def test_keys_rotate_seals_everything_again_and_can_retire_the_old_key(
    engine: Engine, session: Session, staff: Staff, tmp_path: Path
) -> None:
    key_file = tmp_path / "keys" / "secret.key"
    env = {"CARECAST_KEY_FILE": str(key_file)}
    old = load_keyring(env)
    thread = threads.open_thread(session, staff.manager, old, a_mention(session, staff))
    account = session.scalars(select(Account)).one()
    account.secret = old.seal('{"access_token": "tok-123456"}', f"account:{account.id}")
    session.commit()
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(app, ["keys", "rotate", "--database", url, "--retire"], env=env)
    assert result.exit_code == 0, result.output
    assert "1 account secret(s), 1 thread message(s)" in result.output
    new = load_keyring(env)
    assert new.current != old.current and list(new.keys) == [new.current]
    session.expire_all()
    message = session.scalars(select(ThreadMessage)).one()
    assert message.sealed_body.split(".")[1] == new.current
    assert new.open(message.sealed_body, f"thread:{thread.id}") == SECRET_HEALTH
    assert "tok-123456" in new.open(
        session.get(Account, account.id).secret, f"account:{account.id}"
    )


def test_keys_rotate_refuses_a_key_from_the_environment(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(
        app, ["keys", "rotate", "--database", url], env={"CARECAST_SECRET_KEY": new_key()}
    )
    assert result.exit_code == 2 and "key file" in result.stderr
