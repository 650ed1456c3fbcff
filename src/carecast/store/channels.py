"""Network accounts a practice has connected, each post's delivery to each account, and
the mentions fetched back from them (the inbox)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecast.store.base import Base, UTCDateTime, utcnow
from carecast.store.posts import Post
from carecast.store.practice import Practice, User

DELIVERY_STATES = ("pending", "sent", "failed", "cancelled")


def _in(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class Account(Base):
    """One account on one network (or the practice's own site). ``secret`` is sealed
    with :mod:`carecast.store.keys`; only ``secret_hint`` (its last characters) is shown."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200), default="")
    base_url: Mapped[str] = mapped_column(String(400))
    handle: Mapped[str] = mapped_column(String(200), default="")
    secret: Mapped[str] = mapped_column(Text, default="")
    secret_hint: Mapped[str] = mapped_column(String(20), default="")
    options: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    char_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Where fetching mentions resumes: the network's own marker of the newest one taken.
    cursor: Mapped[str | None] = mapped_column(String(200), nullable=True)
    polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    poll_error: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    practice: Mapped[Practice] = relationship()
    created_by: Mapped[User | None] = relationship()


class Delivery(Base):
    """A post on its way to one account. ``key`` makes publishing idempotent; the remote
    id of each part is written as soon as the network answers, before anything else."""

    __tablename__ = "deliveries"
    __table_args__ = (CheckConstraint(_in("state", DELIVERY_STATES), name="state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    # The text as split for this account (one part, or a numbered thread), fixed on the
    # first attempt so a retry sends the same parts under the same keys.
    parts: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    # One {"id", "url"} per part already published, in order.
    remote: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(80), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A retracted post is taken down: asked for at withdraw_at, done at withdrawn_at.
    withdraw_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    post: Mapped[Post] = relationship()
    account: Mapped[Account] = relationship()

    @property
    def url(self) -> str:
        """The link to the first part: where the post starts."""
        return str(self.remote[0]["url"]) if self.remote else ""


class Mention(Base):
    """A reply or mention fetched from an account, once per remote id, for triage."""

    __tablename__ = "mentions"
    __table_args__ = (UniqueConstraint("account_id", "remote_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    remote_id: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(String(400), default="")
    in_reply_to: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Our post it answers, when it answers one of ours.
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    state: Mapped[str] = mapped_column(String(20), default="new", index=True)
    # What triage made of it when it arrived (see carecast.triage).
    category: Mapped[str | None] = mapped_column(String(30), nullable=True, index=True)
    contains_phi: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    actions: Mapped[list[str]] = mapped_column(JSON, default=list)
    public_reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    phi: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    account: Mapped[Account] = relationship()
    post: Mapped[Post | None] = relationship()
