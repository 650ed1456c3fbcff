"""Posts over the API: list, create, read, edit, and each step of review and publication.

Every handler calls carecast.workflow.posts, which checks the role again, re-runs guard,
keeps a version and writes the audit event; a failure rolls the whole request back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from carecast.store import Post, PostNote, PostVersion, User
from carecast.web.api_access import STATE_ERRORS, needs
from carecast.web.api_check import Channel, FindingResponse
from carecast.web.deps import ApiUser, Db
from carecast.workflow import posts

router = APIRouter(tags=["posts"], responses=STATE_ERRORS)

# A post's states (store.posts.STATES; a test keeps the two the same).
PostState = Literal[
    "draft", "in_review", "approved", "scheduled", "published", "failed", "corrected", "retracted"
]
Text = Annotated[str, Field(min_length=1, max_length=posts.MAX_TEXT)]
Reason = Annotated[
    str, Field(max_length=2000, description=f"at least {posts.MIN_REASON} characters")
]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PostCreate(_Request):
    text: Text
    channels: list[Channel] = Field(default_factory=list)
    reply_to: str | None = Field(None, max_length=200, description="the handle replied to")
    scheduled_at: AwareDatetime | None = Field(None, description="when to publish, once approved")
    consent_id: int | None = Field(None, description="the consent record the post relies on")


class PostEdit(_Request):
    """Fields left out stay as they are."""

    text: Text | None = None
    channels: list[Channel] | None = None
    scheduled_at: AwareDatetime | None = None


class ApproveRequest(_Request):
    override: Reason | None = Field(None, description="why a post guard blocks may go out")


class SendBackRequest(_Request):
    comment: Reason


class ScheduleRequest(_Request):
    at: AwareDatetime


class CorrectRequest(_Request):
    text: Text | None = Field(None, description="the correction; suggested wording if left out")


class RetractRequest(_Request):
    reason: Reason


class BatchApproveRequest(_Request):
    ids: list[int] = Field(min_length=1, max_length=200)


class PostResponse(BaseModel):
    id: int
    state: str
    text: str
    channels: list[str]
    reply_to: str | None
    scheduled_at: datetime | None
    author: str
    approved_by: str | None
    approved_at: datetime | None
    published_at: datetime | None
    corrects: int | None
    verdict: str
    findings: list[FindingResponse]
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, post: Post) -> PostResponse:
        return cls(**_summary(post))


class VersionResponse(BaseModel):
    """The text as it stood at one state change, with guard's report on it then."""

    number: int
    event: str
    text: str
    verdict: str
    findings: list[FindingResponse]
    created_by: str | None
    created_at: datetime

    @classmethod
    def of(cls, version: PostVersion) -> VersionResponse:
        return cls(
            number=version.number,
            event=version.event,
            text=version.text,
            verdict=version.verdict,
            findings=version.report.get("findings", []),
            created_by=version.created_by.email if version.created_by else None,
            created_at=version.created_at,
        )


class NoteResponse(BaseModel):
    """A send-back comment, override or retraction reason, or a publishing failure."""

    id: int
    kind: str
    body: str
    author: str | None
    version: int
    created_at: datetime

    @classmethod
    def of(cls, note: PostNote) -> NoteResponse:
        return cls(
            id=note.id,
            kind=note.kind,
            body=note.body,
            author=note.author.email if note.author else None,
            version=note.version_number,
            created_at=note.created_at,
        )


class PostDetail(PostResponse):
    versions: list[VersionResponse]
    notes: list[NoteResponse]
    corrections: list[int] = Field(description="posts drafted to correct this one")

    @classmethod
    def of_post(cls, db: Session, post: Post) -> PostDetail:
        return cls(
            **_summary(post),
            versions=[VersionResponse.of(v) for v in post.versions],
            notes=[NoteResponse.of(n) for n in post.notes],
            corrections=[c.id for c in posts.corrections(db, post)],
        )


class BatchResultResponse(BaseModel):
    id: int
    approved: bool
    message: str = Field(description="why the post was not approved")


def _summary(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "state": post.state,
        "text": post.text,
        "channels": post.channels,
        "reply_to": post.reply_to,
        "scheduled_at": post.scheduled_at,
        "author": post.author.email,
        "approved_by": post.approved_by.email if post.approved_by else None,
        "approved_at": post.approved_at,
        "published_at": post.published_at,
        "corrects": post.corrects_id,
        "verdict": post.current.verdict,
        "findings": post.current.report.get("findings", []),
        "version": post.current.number,
        "created_at": post.created_at,
        "updated_at": post.updated_at,
    }


def _locked(db: Session, user: User, post_id: int) -> Post:
    return posts.get_post(db, user, post_id, for_update=True)


@router.get("/posts", **needs("posts.read"))
def list_posts(
    db: Db,
    user: ApiUser,
    state: Annotated[list[PostState] | None, Query(description="repeat for several")] = None,
) -> list[PostResponse]:
    """The practice's posts, most recently changed first."""
    return [PostResponse.of(p) for p in posts.list_posts(db, user, state or [])]


@router.post("/posts", status_code=201, **needs("posts.write"))
def create_post(body: PostCreate, db: Db, user: ApiUser) -> PostDetail:
    """A new draft, checked by guard."""
    post = posts.create_draft(
        db,
        user,
        body.text,
        channels=body.channels,
        reply_to=body.reply_to,
        scheduled_at=body.scheduled_at,
        consent_id=body.consent_id,
    )
    return PostDetail.of_post(db, post)


@router.post("/posts/approve", **needs("posts.review"))
def approve_posts(body: BatchApproveRequest, db: Db, user: ApiUser) -> list[BatchResultResponse]:
    """Approve several posts in review; each that cannot be approved says why."""
    results = posts.approve_many(db, user, body.ids)
    return [
        BatchResultResponse(id=r.post_id, approved=r.approved, message=r.message) for r in results
    ]


@router.get("/posts/{post_id}", **needs("posts.read"))
def get_post(post_id: int, db: Db, user: ApiUser) -> PostDetail:
    """A post with every checked version of its text and the notes made on it."""
    return PostDetail.of_post(db, posts.get_post(db, user, post_id))


@router.patch("/posts/{post_id}", **needs("posts.write"))
def edit_post(post_id: int, body: PostEdit, db: Db, user: ApiUser) -> PostDetail:
    """Change a draft or failed post (a failed one becomes a draft again)."""
    post = posts.edit(
        db,
        user,
        _locked(db, user, post_id),
        body.text,
        channels=body.channels,
        scheduled_at=body.scheduled_at,
    )
    return PostDetail.of_post(db, post)


@router.post("/posts/{post_id}/submit", **needs("posts.write"))
def submit_post(post_id: int, db: Db, user: ApiUser) -> PostDetail:
    """Send a draft to a clinician for review."""
    return PostDetail.of_post(db, posts.submit(db, user, _locked(db, user, post_id)))


@router.post("/posts/{post_id}/approve", **needs("posts.review"))
def approve_post(
    post_id: int, db: Db, user: ApiUser, body: Annotated[ApproveRequest | None, Body()] = None
) -> PostDetail:
    """Approve a post in review (never one's own). A post guard blocks needs an override
    with a reason; a post with a time set is scheduled at once."""
    override = body.override if body else None
    post = posts.approve(db, user, _locked(db, user, post_id), override=override)
    return PostDetail.of_post(db, post)


@router.post("/posts/{post_id}/send-back", **needs("posts.review"))
def send_back_post(post_id: int, body: SendBackRequest, db: Db, user: ApiUser) -> PostDetail:
    """Return a post in review to its author as a draft, saying what to change."""
    post = posts.send_back(db, user, _locked(db, user, post_id), body.comment)
    return PostDetail.of_post(db, post)


@router.post("/posts/{post_id}/schedule", **needs("posts.schedule"))
def schedule_post(post_id: int, body: ScheduleRequest, db: Db, user: ApiUser) -> PostDetail:
    """Set (or move) the publication time of an approved post."""
    post = posts.schedule(db, user, _locked(db, user, post_id), body.at)
    return PostDetail.of_post(db, post)


@router.post("/posts/{post_id}/correct", status_code=201, **needs("posts.correct"))
def correct_post(
    post_id: int, db: Db, user: ApiUser, body: Annotated[CorrectRequest | None, Body()] = None
) -> PostDetail:
    """Start a correction of a published post: returns the new draft, linked to it."""
    text = body.text if body else None
    correction = posts.correct(db, user, _locked(db, user, post_id), text)
    return PostDetail.of_post(db, correction)


@router.post("/posts/{post_id}/retract", **needs("posts.retract"))
def retract_post(post_id: int, body: RetractRequest, db: Db, user: ApiUser) -> PostDetail:
    """Take back a published (or corrected) post, with the reason."""
    post = posts.retract(db, user, _locked(db, user, post_id), body.reason)
    return PostDetail.of_post(db, post)
