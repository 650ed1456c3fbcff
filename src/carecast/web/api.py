"""The REST API under /api/v1: the same actions and permissions as the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from carecast.guard.context import CHANNELS
from carecast.store import Post
from carecast.web.deps import ApiUser, Db
from carecast.workflow import posts
from carecast.workflow.roles import require

router = APIRouter(prefix="/api/v1", tags=["api"])


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=posts.MAX_TEXT)
    channels: list[str] = Field(default_factory=list, description=f"any of {', '.join(CHANNELS)}")
    reply_to: str | None = None


class PostCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=posts.MAX_TEXT)
    channels: list[str] = Field(default_factory=list)
    scheduled_at: datetime | None = None
    consent_id: int | None = None


class PostResponse(BaseModel):
    id: int
    state: str
    text: str
    channels: list[str]
    scheduled_at: datetime | None
    author: str
    approved_by: str | None
    corrects: int | None
    verdict: str
    findings: list[dict[str, Any]]
    version: int

    @classmethod
    def of(cls, post: Post) -> PostResponse:
        return cls(
            id=post.id,
            state=post.state,
            text=post.text,
            channels=post.channels,
            scheduled_at=post.scheduled_at,
            author=post.author.email,
            approved_by=post.approved_by.email if post.approved_by else None,
            corrects=post.corrects_id,
            verdict=post.current.verdict,
            findings=post.current.report.get("findings", []),
            version=post.current.number,
        )


@router.post("/check")
def check(body: CheckRequest, user: ApiUser) -> dict[str, Any]:
    """guard's report on a text under the practice's policy (the contract's JSON shape)."""
    require(user, "check")
    report = posts.check_text(user.practice, user, body.text, body.channels, body.reply_to)
    return report.to_dict()


@router.get("/posts")
def list_posts(db: Db, user: ApiUser, state: str | None = None) -> list[PostResponse]:
    return [PostResponse.of(p) for p in posts.list_posts(db, user, [state] if state else [])]


@router.post("/posts", status_code=201)
def create_post(body: PostCreate, db: Db, user: ApiUser) -> PostResponse:
    post = posts.create_draft(
        db,
        user,
        body.text,
        channels=body.channels,
        scheduled_at=body.scheduled_at,
        consent_id=body.consent_id,
    )
    return PostResponse.of(post)


@router.get("/posts/{post_id}")
def get_post(post_id: int, db: Db, user: ApiUser) -> PostResponse:
    return PostResponse.of(posts.get_post(db, user, post_id))
