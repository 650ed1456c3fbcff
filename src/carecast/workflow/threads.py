"""Private threads: a mention that holds someone's health information leaves the inbox's
plain text and continues here, sealed at rest.

Opening a thread seals the person's message into it and replaces the mention's text with
a pointer, so the health detail is kept once, encrypted. Only the roles that care for
people read threads, and every reading is an audit event (who, which thread, how many
messages), never with the words themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.errors import ConflictError, InputError, NotFound
from carecast.store import Mention, Thread, ThreadMessage, User
from carecast.store.keys import Keyring
from carecast.workflow import audit, inbox
from carecast.workflow.roles import require

MAX_BODY = 10_000


def _purpose(thread: Thread) -> str:
    return f"thread:{thread.id}"


@dataclass(frozen=True)
class ReadMessage:
    """One message as a reader sees it, opened."""

    direction: str
    body: str
    author: str
    at: datetime


def _event(session: Session, user: User, action: str, thread: Thread, **details: object) -> None:
    audit.record(
        session,
        actor=user.email,
        action=action,
        object_type="thread",
        object_id=thread.id,
        details={"contact": thread.contact, **details},
        practice_id=thread.practice_id,
    )


def open_thread(session: Session, user: User, keyring: Keyring, mention: Mention) -> Thread:
    """Move a mention into a new private thread."""
    require(user, "threads.write")
    inbox.ours(user, mention)
    if mention.state == "private":
        raise ConflictError(
            f"mention {mention.id} is already in a private thread", "open it from the inbox"
        )
    thread = Thread(
        practice_id=mention.practice_id,
        account_id=mention.account_id,
        mention_id=mention.id,
        contact=mention.author,
        opened_by_id=user.id,
    )
    session.add(thread)
    session.flush()
    session.add(
        ThreadMessage(
            thread=thread,
            direction="in",
            sealed_body=keyring.seal(mention.text, _purpose(thread)),
            created_at=mention.sent_at,
        )
    )
    mention.text = f"[moved to private thread {thread.id}]"
    mention.state = "private"
    _event(session, user, "thread.opened", thread, mention=mention.id)
    return thread


def add_message(
    session: Session, user: User, keyring: Keyring, thread: Thread, body: str, direction: str
) -> ThreadMessage:
    """Record a message sent to the person (``out``) or a note for colleagues (``note``)."""
    require(user, "threads.write")
    body = body.strip()
    if not body:
        raise InputError("the message is empty", "write what you sent or want to note")
    if len(body) > MAX_BODY:
        raise InputError(f"the message is {len(body):,} characters long", "keep it shorter")
    if direction not in ("out", "note"):
        raise InputError(f"no direction {direction!r}", "use out or note")
    if thread.state != "open":
        raise ConflictError(f"thread {thread.id} is closed", "open a new thread instead")
    message = ThreadMessage(
        thread=thread,
        direction=direction,
        sealed_body=keyring.seal(body, _purpose(thread)),
        author_id=user.id,
    )
    session.add(message)
    session.flush()
    _event(session, user, f"thread.{direction}", thread, message=message.id)
    return message


def get_thread(session: Session, user: User, thread_id: int) -> Thread:
    require(user, "threads.read")
    thread = session.get(Thread, thread_id)
    if thread is None or thread.practice_id != user.practice_id:
        raise NotFound(f"no private thread {thread_id}", "pick one from the list of threads")
    return thread


def read_thread(
    session: Session, user: User, keyring: Keyring, thread: Thread
) -> list[ReadMessage]:
    """The thread's messages, opened; the reading is recorded in the audit log."""
    require(user, "threads.read")
    opened = [
        ReadMessage(
            direction=m.direction,
            body=keyring.open(m.sealed_body, _purpose(thread)),
            author=m.author.display_name if m.author else thread.contact,
            at=m.created_at,
        )
        for m in thread.messages
    ]
    _event(session, user, "thread.read", thread, messages=len(opened))
    return opened


def list_threads(session: Session, user: User) -> list[Thread]:
    require(user, "threads.read")
    query = select(Thread).where(Thread.practice_id == user.practice_id)
    return list(session.scalars(query.order_by(Thread.id.desc())))


def close_thread(session: Session, user: User, thread: Thread) -> Thread:
    require(user, "threads.write")
    thread.state = "closed"
    _event(session, user, "thread.closed", thread)
    return thread
