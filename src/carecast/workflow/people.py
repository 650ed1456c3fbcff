"""The practice and its people: accounts, roles, passwords, sign-in and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecast.errors import AuthError, ConflictError, InputError, NotFound, TooManyAttempts
from carecast.guard import Author, Policy, practice_policy
from carecast.guard import Practice as PracticeDetails
from carecast.guard.policy import PACKS
from carecast.store import ApiToken, LoginAttempt, Practice, User
from carecast.store.base import utcnow
from carecast.store.practice import ROLES
from carecast.workflow import audit
from carecast.workflow.roles import require

MIN_PASSWORD = 10
FAILURES_ALLOWED = 5  # failed sign-ins per address within THROTTLE_WINDOW before a pause
THROTTLE_WINDOW = timedelta(minutes=15)
TOKEN_PREFIX = "cc_"
# How finely a token's last use is kept: writing it on every call would make each API
# request a database write, and requests queue behind one another's writes.
TOKEN_USE_RESOLUTION = timedelta(minutes=5)

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class NewToken:
    """A freshly made API token: ``secret`` is shown once and never stored."""

    token: ApiToken
    secret: str


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"the password is too short ({len(password)} characters)",
            f"use at least {MIN_PASSWORD} characters; a few unrelated words work well",
        )
    return _hasher.hash(password)


def create_practice(
    session: Session,
    *,
    name: str,
    phone: str = "",
    email: str = "",
    address: str = "",
    site: str = "",
    policy_pack: str = "default",
    timezone: str = "UTC",
    actor: str = "system",
) -> Practice:
    if not name.strip():
        raise InputError("the practice needs a name", "give the name patients know it by")
    _check_pack(policy_pack)
    _check_zone(timezone)
    practice = Practice(
        name=name.strip(),
        phone=phone.strip(),
        email=email.strip(),
        address=address.strip(),
        site=site.strip(),
        policy_pack=policy_pack,
        timezone=timezone,
        allow=[],
    )
    session.add(practice)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="practice.created",
        object_type="practice",
        object_id=practice.id,
        details={"name": practice.name},
        practice_id=practice.id,
    )
    return practice


def _check_zone(zone: str) -> None:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"no time zone named {zone!r}", "use a name such as America/New_York or Europe/London"
        ) from None


def _check_pack(pack: str) -> None:
    if pack not in PACKS:
        raise InputError(f"no policy pack named {pack!r}", "choose one of: " + ", ".join(PACKS))


def update_practice(
    session: Session, actor: User, practice: Practice, **changes: object
) -> Practice:
    """Change the practice profile (admin only). Keys: name, phone, email, address, site,
    policy_pack, allow (a list of phrases guard must never report)."""
    require(actor, "practice.edit")
    allowed = {"name", "phone", "email", "address", "site", "policy_pack", "timezone", "allow"}
    unknown = set(changes) - allowed
    if unknown:
        raise InputError(f"unknown practice field(s): {', '.join(sorted(unknown))}", "")
    if "policy_pack" in changes:
        _check_pack(str(changes["policy_pack"]))
    if "timezone" in changes:
        _check_zone(str(changes["timezone"]))
    if "name" in changes and not str(changes["name"]).strip():
        raise InputError("the practice needs a name", "give the name patients know it by")
    for key, value in changes.items():
        if key == "allow":
            value = [str(v).strip() for v in value if str(v).strip()]  # type: ignore[attr-defined]
        elif isinstance(value, str):
            value = value.strip()
        setattr(practice, key, value)
    session.flush()
    audit.record(
        session,
        actor=actor.email,
        action="practice.updated",
        object_type="practice",
        object_id=practice.id,
        details={"fields": sorted(changes)},
        practice_id=practice.id,
    )
    return practice


def create_user(
    session: Session,
    practice: Practice,
    *,
    email: str,
    name: str,
    role: str,
    password: str,
    actor: str = "system",
    title: str = "",
    credentials: str = "",
    registration_number: str = "",
    employer: str = "",
    independent: bool = False,
) -> User:
    email = email.strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise InputError(f"{email!r} is not an email address", "give the address they sign in with")
    if role not in ROLES:
        raise InputError(f"no role named {role!r}", "choose one of: " + ", ".join(ROLES))
    if not name.strip():
        raise InputError("the user needs a name", "give their name as it appears on posts")
    if session.scalar(select(User.id).where(func.lower(User.email) == email)) is not None:
        raise ConflictError(f"there is already a user {email}", "choose another address")
    user = User(
        practice_id=practice.id,
        email=email,
        name=name.strip(),
        role=role,
        password_hash=hash_password(password),
        title=title.strip(),
        credentials=credentials.strip(),
        registration_number=registration_number.strip(),
        employer=employer.strip(),
        independent=independent,
        active=True,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="user.created",
        object_type="user",
        object_id=user.id,
        details={"email": email, "role": role},
        practice_id=practice.id,
    )
    return user


def set_role(session: Session, actor: User, user: User, role: str) -> User:
    require(actor, "users.manage")
    if role not in ROLES:
        raise InputError(f"no role named {role!r}", "choose one of: " + ", ".join(ROLES))
    if user.id == actor.id and role != "admin":
        raise ConflictError("you cannot remove your own admin role", "ask another admin")
    before, user.role = user.role, role
    session.flush()
    audit.record(
        session,
        actor=actor.email,
        action="user.role_changed",
        object_type="user",
        object_id=user.id,
        details={"from": before, "to": role},
        practice_id=user.practice_id,
    )
    return user


def _recent_failures(session: Session, email: str) -> int:
    since = utcnow() - THROTTLE_WINDOW
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(
            LoginAttempt.email == email, LoginAttempt.succeeded.is_(True)
        )
    )
    if last_success is not None and last_success > since:
        since = last_success
    query = select(func.count(LoginAttempt.id)).where(
        LoginAttempt.email == email, LoginAttempt.succeeded.is_(False), LoginAttempt.at > since
    )
    return session.scalar(query) or 0


def authenticate(session: Session, email: str, password: str, client: str = "") -> User:
    """The active user with this address and password, or AuthError. Repeated failures
    for one address pause its sign-in for a while (TooManyAttempts), whatever the password."""
    email = email.strip().lower()
    if _recent_failures(session, email) >= FAILURES_ALLOWED:
        minutes = int(THROTTLE_WINDOW.total_seconds() // 60)
        raise TooManyAttempts(
            "too many failed sign-ins for this address",
            f"wait {minutes} minutes, or ask an admin to reset the password",
            retry_after=int(THROTTLE_WINDOW.total_seconds()),
        )
    user = session.scalar(select(User).where(User.email == email))
    ok = False
    if user is not None and user.active:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        _hasher.hash(password)  # same work as a real check, so timing does not tell who exists
    session.add(LoginAttempt(email=email, client=client[:64], succeeded=ok))
    session.flush()
    if not ok or user is None:
        raise AuthError("wrong email address or password", "check both and try again")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit.record(
        session,
        actor=user.email,
        action="user.signed_in",
        object_type="user",
        object_id=user.id,
        practice_id=user.practice_id,
    )
    return user


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(session: Session, user: User, label: str = "") -> NewToken:
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, label=label.strip()[:100], token_hash=_digest(secret))
    session.add(token)
    session.flush()
    audit.record(
        session,
        actor=user.email,
        action="token.created",
        object_type="api_token",
        object_id=token.id,
        details={"label": token.label},
        practice_id=user.practice_id,
    )
    return NewToken(token, secret)


def user_for_token(session: Session, secret: str) -> User:
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        raise AuthError("this API token is unknown or revoked", "create a new token in carecast")
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_USE_RESOLUTION:
        token.last_used_at = now
    return token.user


def revoke_token(session: Session, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.id:
        require(actor, "users.manage")
    if token.revoked_at is not None:
        raise ConflictError(f"token {token.id} is already revoked", "nothing more to do")
    token.revoked_at = utcnow()
    audit.record(
        session,
        actor=actor.email,
        action="token.revoked",
        object_type="api_token",
        object_id=token.id,
        practice_id=actor.practice_id,
    )


def list_users(session: Session, actor: User) -> list[User]:
    """The practice's users, for an admin."""
    require(actor, "users.manage")
    query = select(User).where(User.practice_id == actor.practice_id).order_by(User.id)
    return list(session.scalars(query))


def get_user(session: Session, actor: User, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or user.practice_id != actor.practice_id:
        raise NotFound(f"no user {user_id}", "pick a user from the list")
    return user


def policy_for(practice: Practice, author: User | None = None) -> Policy:
    """Guard's policy for this practice: its pack, with its own details as the allowlist."""
    staff = [u.display_name for u in practice.users if u.active] + [
        u.name for u in practice.users if u.active and u.title
    ]
    details = PracticeDetails(
        name=practice.name,
        phones=[practice.phone] if practice.phone else [],
        emails=[practice.email] if practice.email else [],
        websites=[practice.site] if practice.site else [],
        addresses=[practice.address] if practice.address else [],
        staff=staff,
    )
    who = Author()
    if author is not None:
        employer = "" if author.independent else (author.employer or practice.name)
        who = Author(
            name=author.display_name,
            credentials=author.credentials,
            capacity=f"Views are my own, not {employer}'s." if employer else "",
        )
    return practice_policy(practice.policy_pack, details, who, list(practice.allow))
