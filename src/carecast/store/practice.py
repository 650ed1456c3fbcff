"""The practice, the people who use carecast, their sign-in tokens and consent records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carecast.store.base import Base, UTCDateTime, utcnow

ROLES = ("admin", "clinician", "manager", "compliance")
CONSENT_SCOPES = ("story", "photo", "video", "quote")


class Practice(Base):
    """A practice: its public details are guard's allowlist, never reported as PHI."""

    __tablename__ = "practices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    site: Mapped[str] = mapped_column(String(400), default="")
    policy_pack: Mapped[str] = mapped_column(String(40), default="default")
    # IANA name of the zone the practice works in: times on its pages and forms are local.
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    # Further phrases guard must never report (other staff names, a second site, …).
    allow: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    users: Mapped[list[User]] = relationship(back_populates="practice", order_by="User.id")


class User(Base):
    """Someone who signs in. Clinicians carry the profile guard's identity rule asks for."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'clinician', 'manager', 'compliance')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Clinician profile: shown on posts and used for the credentials line.
    title: Mapped[str] = mapped_column(String(40), default="")
    credentials: Mapped[str] = mapped_column(String(120), default="")
    registration_number: Mapped[str] = mapped_column(String(60), default="")
    employer: Mapped[str] = mapped_column(String(200), default="")
    independent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    practice: Mapped[Practice] = relationship(back_populates="users")

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}".strip() if self.title else self.name


class ApiToken(Base):
    """A bearer token for the API. Only its SHA-256 is kept; the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()


class WebSession(Base):
    """A signed-in browser. The cookie holds a random token; only its SHA-256 is kept."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()


class LoginAttempt(Base):
    """One sign-in attempt, kept to slow down password guessing."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    client: Mapped[str] = mapped_column(String(64), default="")
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Consent(Base):
    """A patient's written consent to share their story or picture, for a scope and a time."""

    __tablename__ = "consents"
    __table_args__ = (
        CheckConstraint("scope IN ('story', 'photo', 'video', 'quote')", name="scope"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    # Who consented, as the practice files it (kept inside carecast, never published).
    subject: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    document_ref: Mapped[str] = mapped_column(String(200), default="")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    def covers(self, at: datetime) -> bool:
        """Whether the consent holds at ``at``: granted, not expired, not revoked."""
        if at < self.granted_at or (self.revoked_at is not None and at >= self.revoked_at):
            return False
        return self.expires_at is None or at < self.expires_at


__all__ = [
    "CONSENT_SCOPES",
    "ROLES",
    "ApiToken",
    "Consent",
    "LoginAttempt",
    "Practice",
    "User",
    "WebSession",
]
