"""Posts, every checked version of their text, and the comments made on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecast.store.base import Base, UTCDateTime, utcnow
from carecast.store.practice import Consent, Practice, User

STATES = (
    "draft",
    "in_review",
    "approved",
    "scheduled",
    "published",
    "failed",
    "corrected",
    "retracted",
)
NOTE_KINDS = ("comment", "send_back", "override", "correction", "retraction", "failure")


class Post(Base):
    """Outbound text for one or more channels, moving through review to publication."""

    __tablename__ = "posts"
    __table_args__ = (
        CheckConstraint("state IN ({})".format(", ".join(f"'{s}'" for s in STATES)), name="state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    state: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    reply_to: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # A reply to a message fetched from one account: published there, as a reply to it.
    reply_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True
    )
    reply_to_remote: Mapped[str | None] = mapped_column(String(200), nullable=True)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("consents.id"), nullable=True)
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id"), nullable=True, index=True
    )
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    practice: Mapped[Practice] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    consent: Mapped[Consent | None] = relationship()
    corrects: Mapped[Post | None] = relationship(remote_side=[id], foreign_keys=[corrects_id])
    versions: Mapped[list[PostVersion]] = relationship(
        back_populates="post", order_by="PostVersion.number", cascade="all, delete-orphan"
    )
    notes: Mapped[list[PostNote]] = relationship(
        back_populates="post", order_by="PostNote.id", cascade="all, delete-orphan"
    )

    @property
    def current(self) -> PostVersion:
        """The latest version: its text is what gets reviewed and published."""
        return self.versions[-1]

    @property
    def text(self) -> str:
        return self.current.text


class PostVersion(Base):
    """One text of a post as it stood at a state change, with guard's report on it."""

    __tablename__ = "post_versions"
    __table_args__ = (UniqueConstraint("post_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # The state change that produced this version and its check ("created", "submitted", …).
    event: Mapped[str] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(10))
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    post: Mapped[Post] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship()


class PostNote(Base):
    """A comment, a send-back reason, an override reason or a failure message on a post."""

    __tablename__ = "post_notes"
    __table_args__ = (
        CheckConstraint(
            "kind IN ({})".format(", ".join(f"'{k}'" for k in NOTE_KINDS)), name="kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    version_number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    post: Mapped[Post] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()
