"""Jinja2 templates: pages extend base.html; partials start with an underscore."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

templates = Jinja2Templates(directory=str(resources.files("carecast.web").joinpath("templates")))


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    """Render a template with the signed-in user and CSRF token (when there are any)."""
    base = {
        "user": getattr(request.state, "viewer", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
    }
    return templates.TemplateResponse(
        request, name, {**base, **(context or {})}, status_code=status
    )
