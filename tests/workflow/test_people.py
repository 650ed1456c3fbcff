"""Accounts, sign-in with throttling, API tokens, roles and the practice's guard policy."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from carecast.errors import AuthError, ConflictError, InputError, PermissionDenied, TooManyAttempts
from carecast.workflow import people
from carecast.workflow.roles import PERMISSIONS, allowed
from workflow.conftest import PASSWORD, Staff


def test_sign_in_with_the_right_password_only(session: Session, staff: Staff) -> None:
    user = people.authenticate(session, " Priya@Lakeside.test ", PASSWORD)
    assert user.id == staff.clinician.id
    with pytest.raises(AuthError, match="wrong email address or password"):
        people.authenticate(session, "priya@lakeside.test", "not the password")
    with pytest.raises(AuthError, match="wrong email address or password"):
        people.authenticate(session, "nobody@lakeside.test", PASSWORD)


def test_passwords_are_stored_as_argon2id(staff: Staff) -> None:
    assert staff.manager.password_hash.startswith("$argon2id$")
    assert PASSWORD not in staff.manager.password_hash


def test_repeated_failures_pause_sign_in_even_with_the_right_password(
    session: Session, staff: Staff
) -> None:
    for _ in range(people.FAILURES_ALLOWED):
        with pytest.raises(AuthError):
            people.authenticate(session, "manager@lakeside.test", "guess")
    with pytest.raises(TooManyAttempts, match="too many failed sign-ins") as caught:
        people.authenticate(session, "manager@lakeside.test", PASSWORD)
    assert caught.value.retry_after > 0
    assert people.authenticate(session, "priya@lakeside.test", PASSWORD)  # others unaffected


def test_a_disabled_user_cannot_sign_in(session: Session, staff: Staff) -> None:
    staff.manager.active = False
    with pytest.raises(AuthError):
        people.authenticate(session, "manager@lakeside.test", PASSWORD)


def test_api_tokens_are_shown_once_and_can_be_revoked(session: Session, staff: Staff) -> None:
    new = people.create_token(session, staff.manager, "scheduler script")
    assert new.secret.startswith("cc_") and new.secret not in new.token.token_hash
    assert people.user_for_token(session, new.secret).id == staff.manager.id
    with pytest.raises(AuthError):
        people.user_for_token(session, new.secret + "x")
    with pytest.raises(PermissionDenied):
        people.revoke_token(session, staff.clinician, new.token)
    people.revoke_token(session, staff.manager, new.token)
    with pytest.raises(AuthError, match="revoked"):
        people.user_for_token(session, new.secret)


def test_a_tokens_last_use_is_kept_to_the_nearest_few_minutes(
    session: Session, staff: Staff
) -> None:
    """Not a database write on every API call: only when the last one is a while ago."""
    new = people.create_token(session, staff.manager, "scheduler script")
    people.user_for_token(session, new.secret)
    first = new.token.last_used_at
    assert first is not None
    session.flush()
    people.user_for_token(session, new.secret)
    assert new.token.last_used_at == first and not session.dirty
    new.token.last_used_at = first - people.TOKEN_USE_RESOLUTION
    people.user_for_token(session, new.secret)
    assert new.token.last_used_at is not None and new.token.last_used_at > first


@pytest.mark.parametrize(
    ("email", "role", "password", "message"),
    [
        ("not-an-address", "manager", PASSWORD, "not an email address"),
        ("new@lakeside.test", "owner", PASSWORD, "no role named"),
        ("new@lakeside.test", "manager", "short", "too short"),
        ("MANAGER@lakeside.test", "manager", PASSWORD, "already a user"),
    ],
)
def test_bad_user_details_say_what_to_fix(
    session: Session, staff: Staff, email: str, role: str, password: str, message: str
) -> None:
    with pytest.raises((InputError, ConflictError), match=message):
        people.create_user(
            session, staff.practice, email=email, name="New", role=role, password=password
        )


def test_only_admins_change_roles_and_never_their_own(session: Session, staff: Staff) -> None:
    with pytest.raises(PermissionDenied):
        people.set_role(session, staff.manager, staff.compliance, "admin")
    with pytest.raises(ConflictError):
        people.set_role(session, staff.admin, staff.admin, "manager")
    people.set_role(session, staff.admin, staff.compliance, "manager")
    assert staff.compliance.role == "manager"


def test_every_permission_names_known_roles() -> None:
    for roles in PERMISSIONS.values():
        assert roles <= {"admin", "clinician", "manager", "compliance"}


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        ("clinician", "posts.review", True),
        ("manager", "posts.review", False),
        ("admin", "posts.review", False),
        ("compliance", "audit.read", True),
        ("manager", "audit.read", False),
        ("compliance", "posts.write", False),
        ("admin", "users.manage", True),
        ("clinician", "users.manage", False),
    ],
)
def test_the_role_table(role: str, permission: str, expected: bool) -> None:
    class Someone:
        def __init__(self, role: str) -> None:
            self.role = role

    assert allowed(Someone(role), permission) is expected


def test_the_practice_policy_allows_its_own_details(session: Session, staff: Staff) -> None:
    policy = people.policy_for(staff.practice, staff.clinician)
    allow = policy.allowlist()
    assert "Lakeside Family Health" in allow and "(614) 555-0142" in allow
    assert "Dr. Priya Natarajan" in allow and "Marcus Reyes" in allow
    assert policy.author.credentials == "MD"
    assert "Lakeside Family Health" in policy.author.capacity


def test_the_practice_profile_is_validated(session: Session, staff: Staff) -> None:
    with pytest.raises(InputError, match="no policy pack"):
        people.update_practice(session, staff.admin, staff.practice, policy_pack="nhs")
    with pytest.raises(PermissionDenied):
        people.update_practice(session, staff.manager, staff.practice, name="X")
    people.update_practice(session, staff.admin, staff.practice, policy_pack="gmc", allow=[" Kim "])
    assert staff.practice.policy_pack == "gmc" and staff.practice.allow == ["Kim"]


def test_the_practice_time_zone_is_checked(session: Session, staff: Staff) -> None:
    assert staff.practice.timezone == "UTC"
    with pytest.raises(InputError, match="no time zone named"):
        people.update_practice(session, staff.admin, staff.practice, timezone="Mars/Olympus")
    people.update_practice(session, staff.admin, staff.practice, timezone="America/New_York")
    assert staff.practice.timezone == "America/New_York"
