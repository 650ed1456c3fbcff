"""Who may call each API route, checked before the route runs and shown in the OpenAPI
document; the error body every API failure carries."""

from __future__ import annotations

from typing import Any

from fastapi import Depends
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import BaseModel

from carecast.store.practice import ROLES
from carecast.web.deps import ApiUser
from carecast.workflow.roles import PERMISSIONS, require

# Documents the bearer scheme for the OpenAPI document; deps.ApiUser does the checking.
bearer = HTTPBearer(
    auto_error=False,
    description="A token from POST /api/v1/tokens, sent as Authorization: Bearer <token>.",
)


class ErrorResponse(BaseModel):
    """What went wrong and what to do about it."""

    error: str
    hint: str


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorResponse, "description": description}


ERRORS: dict[int | str, dict[str, Any]] = {
    401: _error("No bearer token, or one that is unknown or revoked"),
    403: _error("The user's role, or their relation to the thing, does not allow this"),
    422: _error("The request is malformed, or a value in it cannot be used"),
}
STATE_ERRORS: dict[int | str, dict[str, Any]] = {
    404: _error("No such thing in the user's practice"),
    409: _error("The thing's current state does not allow this action"),
}


def needs(permission: str | None) -> dict[str, Any]:
    """Route options for an action that needs ``permission`` (None: any signed-in user): the
    role is checked before the request's body is looked at, and the OpenAPI document lists
    the permission and the roles that have it."""
    if permission is None:

        def signed_in(user: ApiUser) -> None:
            """Any signed-in user."""

        check = signed_in
        extra: dict[str, Any] = {"x-roles": sorted(ROLES)}
    else:

        def has_permission(user: ApiUser) -> None:
            require(user, permission)

        check = has_permission
        extra = {"x-permission": permission, "x-roles": sorted(PERMISSIONS[permission])}
    return {"dependencies": [Depends(check)], "openapi_extra": extra}


def operation_id(route: APIRoute) -> str:
    """Each operation is named for its handler (``create_post``), for client generators."""
    return route.name
