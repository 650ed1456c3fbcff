"""One place that turns carecast's errors into answers: JSON for the API, a page otherwise."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from carecast.errors import (
    AuthError,
    CarecastError,
    ChannelError,
    ConflictError,
    InputError,
    NotFound,
    PermissionDenied,
    PolicyError,
    StoreError,
    TooManyAttempts,
)
from carecast.web.deps import SignInRequired
from carecast.web.templating import render

STATUS: list[tuple[type[CarecastError], int]] = [
    (TooManyAttempts, 429),
    (AuthError, 401),
    (PermissionDenied, 403),
    (NotFound, 404),
    (ConflictError, 409),
    (InputError, 422),
    (PolicyError, 422),
    (StoreError, 503),
    (ChannelError, 502),  # the network refused or failed: carecast stood between
]


def status_of(exc: CarecastError) -> int:
    return next((code for kind, code in STATUS if isinstance(exc, kind)), 500)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get(
        "accept", ""
    )


def error_response(request: Request, status: int, message: str, hint: str = "") -> Response:
    if wants_json(request):
        return JSONResponse({"error": message, "hint": hint}, status_code=status)
    return render(
        request, "error.html", {"status": status, "message": message, "hint": hint}, status
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(CarecastError)
    async def carecast_error(request: Request, exc: CarecastError) -> Response:
        if isinstance(exc, SignInRequired) and not wants_json(request):
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        response = error_response(request, status_of(exc), exc.message, exc.hint)
        if isinstance(exc, TooManyAttempts):
            response.headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, AuthError) and wants_json(request):
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
        message = f"{where}: {first['msg']}" if where else str(first["msg"])
        return error_response(request, 422, message, "correct the field and send it again")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        hint = "check the address" if exc.status_code == 404 else ""
        message = str(exc.detail) if exc.detail else "error"
        return error_response(request, exc.status_code, message, hint)
