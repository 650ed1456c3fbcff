"""Private threads: a conversation with one person, moved off the public timeline.
Every message body is sealed with :mod:`carecast.store.keys` (AES-256-GCM), bound to its
thread, so the database alone never shows what a patient wrote."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecast.store.base import Base, UTCDateTime, utcnow
from carecast.store.channels import Account, Mention
from carecast.store.practice import User

DIRECTIONS = ("in", "out", "note")


class Thread(Base):
    __tablename__ = "threads"
    __table_args__ = (CheckConstraint("state IN ('open', 'closed')", name="state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True
    )
    mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL"), nullable=True, index=True
    )
    contact: Mapped[str] = mapped_column(String(200))  # the person's handle on the network
    state: Mapped[str] = mapped_column(String(10), default="open")
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    account: Mapped[Account | None] = relationship()
    mention: Mapped[Mention | None] = relationship()
    opened_by: Mapped[User | None] = relationship()
    messages: Mapped[list[ThreadMessage]] = relationship(
        back_populates="thread", order_by="ThreadMessage.id", cascade="all, delete-orphan"
    )


class ThreadMessage(Base):
    __tablename__ = "thread_messages"
    __table_args__ = (CheckConstraint("direction IN ('in', 'out', 'note')", name="direction"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(4))
    sealed_body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    thread: Mapped[Thread] = relationship(back_populates="messages")
    author: Mapped[User | None] = relationship()
