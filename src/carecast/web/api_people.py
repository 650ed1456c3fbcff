"""The practice's people over the API: who am I, users and their roles, API tokens.

Responses are built field by field from their own models: a password hash or a token's
hash never leaves the server, and a token's secret is returned once, when it is made.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from carecast.errors import ConflictError, NotFound
from carecast.store import ApiToken, User
from carecast.web.api_access import STATE_ERRORS, needs
from carecast.web.deps import ApiUser, Db
from carecast.workflow import people
from carecast.workflow.roles import PERMISSIONS, allowed

router = APIRouter(tags=["people"], responses=STATE_ERRORS)

# The roles (store.practice.ROLES; a test keeps the two the same).
Role = Literal["admin", "clinician", "manager", "compliance"]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=254, description="the address they sign in with")
    name: str = Field(min_length=1, max_length=200)
    role: Role
    password: str = Field(max_length=1000, description=f"at least {people.MIN_PASSWORD} characters")
    title: str = Field("", max_length=40, description='shown before the name, e.g. "Dr."')
    credentials: str = Field("", max_length=120, description='e.g. "MD, FAAFP"')
    registration_number: str = Field("", max_length=60)
    employer: str = Field("", max_length=200)
    independent: bool = Field(False, description="posts in their own name, not the practice's")


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Role


class TokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str = Field("", max_length=100, description="what the token is for")


class UserResponse(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    email: str
    name: str
    display_name: str
    role: str
    active: bool
    title: str
    credentials: str
    registration_number: str
    employer: str
    independent: bool
    created_at: datetime


class MeResponse(UserResponse):
    practice: str
    permissions: list[str] = Field(description="what this user's role may do")


class TokenCreated(BaseModel):
    id: int
    label: str
    created_at: datetime
    secret: str = Field(description="shown only now: keep it somewhere safe")


def _token(db: Session, actor: User, token_id: int) -> ApiToken:
    token = db.get(ApiToken, token_id)
    if token is None or token.user.practice_id != actor.practice_id:
        raise NotFound(f"no API token {token_id}", "use the id returned when it was made")
    if token.revoked_at is not None:
        raise ConflictError(f"API token {token_id} is already revoked", "")
    return token


@router.get("/me", **needs(None))
def me(user: ApiUser) -> MeResponse:
    """The signed-in user, their practice and what their role may do."""
    return MeResponse(
        **UserResponse.model_validate(user).model_dump(),
        practice=user.practice.name,
        permissions=[p for p in PERMISSIONS if allowed(user, p)],
    )


@router.get("/users", **needs("users.manage"))
def list_users(db: Db, user: ApiUser) -> list[UserResponse]:
    """Everyone in the practice."""
    return [UserResponse.model_validate(u) for u in people.list_users(db, user)]


@router.post("/users", status_code=201, **needs("users.manage"))
def create_user(body: UserCreate, db: Db, user: ApiUser) -> UserResponse:
    """Add someone to the practice."""
    created = people.create_user(db, user.practice, **body.model_dump(), actor=user.email)
    return UserResponse.model_validate(created)


@router.patch("/users/{user_id}", **needs("users.manage"))
def change_role(user_id: int, body: RoleChange, db: Db, user: ApiUser) -> UserResponse:
    """Give a user another role (an admin cannot take away their own)."""
    changed = people.set_role(db, user, people.get_user(db, user, user_id), body.role)
    return UserResponse.model_validate(changed)


@router.post("/tokens", status_code=201, **needs(None))
def create_token(
    db: Db, user: ApiUser, body: Annotated[TokenCreate | None, Body()] = None
) -> TokenCreated:
    """A new API token for yourself. Its secret is in this answer only."""
    new = people.create_token(db, user, body.label if body else "")
    return TokenCreated(
        id=new.token.id, label=new.token.label, created_at=new.token.created_at, secret=new.secret
    )


@router.delete("/tokens/{token_id}", status_code=204, **needs(None))
def revoke_token(token_id: int, db: Db, user: ApiUser) -> None:
    """Revoke one of your tokens (an admin may revoke anyone's in the practice)."""
    people.revoke_token(db, user, _token(db, user, token_id))
