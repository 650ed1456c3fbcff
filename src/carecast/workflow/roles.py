"""Who may do what: one table, checked on the server for every action.

Relations matter too and are checked where the action is (a clinician never approves
their own post; users only see their own practice).
"""

from __future__ import annotations

from typing import Protocol

from carecast.errors import PermissionDenied

PERMISSIONS: dict[str, frozenset[str]] = {
    "posts.read": frozenset({"admin", "clinician", "manager", "compliance"}),
    "posts.write": frozenset({"admin", "clinician", "manager"}),
    "posts.review": frozenset({"clinician"}),
    "posts.schedule": frozenset({"admin", "clinician", "manager"}),
    "posts.correct": frozenset({"admin", "clinician", "manager"}),
    "posts.retract": frozenset({"admin", "clinician"}),
    "audit.read": frozenset({"admin", "compliance"}),
    "users.manage": frozenset({"admin"}),
    "practice.edit": frozenset({"admin"}),
    "consents.write": frozenset({"admin", "clinician", "manager"}),
    "check": frozenset({"admin", "clinician", "manager", "compliance"}),
    "accounts.manage": frozenset({"admin", "manager"}),
    "inbox.read": frozenset({"admin", "clinician", "manager", "compliance"}),
    "inbox.act": frozenset({"admin", "clinician", "manager"}),
    "threads.read": frozenset({"clinician", "manager"}),
    "threads.write": frozenset({"clinician", "manager"}),
}

WHAT = {
    "posts.read": "read posts",
    "posts.write": "write or edit posts",
    "posts.review": "approve or send back posts",
    "posts.schedule": "schedule posts",
    "posts.correct": "correct published posts",
    "posts.retract": "retract published posts",
    "audit.read": "read or export the audit log",
    "users.manage": "manage users",
    "practice.edit": "change the practice settings",
    "consents.write": "record consent",
    "check": "check text",
    "accounts.manage": "connect or disconnect network accounts",
    "inbox.read": "read the inbox",
    "inbox.act": "flag or dismiss inbox messages",
    "threads.read": "read private threads",
    "threads.write": "open or write in private threads",
}


class HasRole(Protocol):
    @property
    def role(self) -> str: ...


def allowed(user: HasRole, permission: str) -> bool:
    return user.role in PERMISSIONS[permission]


def require(user: HasRole, permission: str) -> None:
    if not allowed(user, permission):
        roles = ", ".join(sorted(PERMISSIONS[permission]))
        article = "an" if user.role[:1] in "aeiou" else "a"
        raise PermissionDenied(
            f"{article} {user.role} may not {WHAT[permission]}",
            f"ask someone with the role {roles}",
        )
