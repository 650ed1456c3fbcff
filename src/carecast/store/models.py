"""Every table, imported in one place so that Base.metadata knows them all."""

from carecast.store.audit import AuditEvent, AuditHead
from carecast.store.posts import Post, PostNote, PostVersion
from carecast.store.practice import ApiToken, Consent, LoginAttempt, Practice, User, WebSession

__all__ = [
    "ApiToken",
    "AuditEvent",
    "AuditHead",
    "Consent",
    "LoginAttempt",
    "Post",
    "PostNote",
    "PostVersion",
    "Practice",
    "User",
    "WebSession",
]
