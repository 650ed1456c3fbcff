"""A practice with one user of each role, in a fresh database (SQLite, then PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from carecast.store import Practice, User, make_sessionmaker
from carecast.workflow import people

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with the smallest cost: the tests check behaviour, not hashing strength."""
    monkeypatch.setattr(
        people, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )


@dataclass
class Staff:
    practice: Practice
    admin: User
    manager: User
    clinician: User
    second_clinician: User
    compliance: User


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_sessionmaker(engine)() as session:
        yield session


@pytest.fixture
def staff(session: Session) -> Staff:
    return add_staff(session)


def add_staff(session: Session) -> Staff:
    """The Lakeside practice and one user of each role (two clinicians), committed."""
    practice = people.create_practice(
        session,
        name="Lakeside Family Health",
        phone="(614) 555-0142",
        email="hello@lakesidefamilyhealth.org",
        address="2200 Mill Creek Road",
        site="lakesidefamilyhealth.org",
    )

    def user(role: str, email: str, name: str, **profile: str) -> User:
        return people.create_user(
            session, practice, email=email, name=name, role=role, password=PASSWORD, **profile
        )

    staff = Staff(
        practice=practice,
        admin=user("admin", "admin@lakeside.test", "Alex Admin"),
        manager=user("manager", "manager@lakeside.test", "Marcus Reyes"),
        clinician=user(
            "clinician", "priya@lakeside.test", "Priya Natarajan", title="Dr.", credentials="MD"
        ),
        second_clinician=user(
            "clinician", "samuel@lakeside.test", "Samuel Okafor", title="Dr.", credentials="MD"
        ),
        compliance=user("compliance", "compliance@lakeside.test", "Casey Compliance"),
    )
    session.commit()
    return staff
