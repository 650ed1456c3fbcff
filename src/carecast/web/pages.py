"""Every page router, mounted together by the app."""

from fastapi import APIRouter

from carecast.web import compose, review

router = APIRouter(include_in_schema=False)
router.include_router(compose.router)
router.include_router(review.router)
