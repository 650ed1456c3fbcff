"""Every table, imported in one place so that Base.metadata knows them all."""

from carecast.store.audit import AuditEvent, AuditHead
from carecast.store.channels import Account, Delivery, Mention
from carecast.store.posts import Post, PostNote, PostVersion
from carecast.store.practice import ApiToken, Consent, LoginAttempt, Practice, User, WebSession
from carecast.store.threads import Thread, ThreadMessage

__all__ = [
    "Account",
    "ApiToken",
    "AuditEvent",
    "AuditHead",
    "Consent",
    "Delivery",
    "LoginAttempt",
    "Mention",
    "Post",
    "PostNote",
    "PostVersion",
    "Practice",
    "Thread",
    "ThreadMessage",
    "User",
    "WebSession",
]
