"""The REST API under /api/v1: the same actions and permissions as the pages.

One module per area, all mounted on ``router``:

- ``api_check``: POST /check, guard's report in the contract's shape.
- ``api_posts``: posts, from draft through review and scheduling to correction.
- ``api_audit``: the practice's audit events and the chain's status.
- ``api_people``: the signed-in user, the practice's users, API tokens.
- ``api_consents``: patients' consent records, recorded, listed and revoked.

Authentication is ``Authorization: Bearer <token>`` (or a browser session with an
X-CSRF-Token header for changes). ``api_access.needs`` gives each route its permission
from carecast.workflow.roles; errors come back as ``{"error", "hint"}``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from carecast.web import api_audit, api_check, api_consents, api_people, api_posts
from carecast.web.api_access import ERRORS, bearer, operation_id

router = APIRouter(
    prefix="/api/v1",
    responses=ERRORS,
    dependencies=[Depends(bearer)],
    generate_unique_id_function=operation_id,
)
for area in (api_check, api_posts, api_consents, api_audit, api_people):
    router.include_router(area.router)
