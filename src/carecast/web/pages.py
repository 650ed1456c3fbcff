"""Every page router, mounted together by the app."""

from fastapi import APIRouter

from carecast.web import (
    accounts,
    audit_page,
    calendar,
    compose,
    consents,
    inbox,
    review,
    settings,
    threads,
)

router = APIRouter(include_in_schema=False)
router.include_router(compose.router)
router.include_router(review.router)
router.include_router(calendar.router)
router.include_router(settings.router)
router.include_router(consents.router)
router.include_router(audit_page.router)
router.include_router(accounts.router)
router.include_router(threads.router)
router.include_router(inbox.router)
