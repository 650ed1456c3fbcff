"""carecast.web: the practice workspace. FastAPI, pages rendered on the server with
Jinja2 and HTMX, and a REST API under /api/v1 with the same permissions."""

from carecast.web.app import create_app

__all__ = ["create_app"]
