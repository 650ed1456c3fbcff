"""POST /api/v1/check: guard's report on a text, in the contract's JSON shape."""

from __future__ import annotations

import dataclasses
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from carecast.web.api_access import needs
from carecast.web.deps import ApiUser
from carecast.workflow import posts

router = APIRouter(tags=["check"])

# The networks a post can go to (guard.context.CHANNELS; a test keeps the two the same).
Channel = Literal["x", "mastodon", "bluesky", "facebook", "linkedin", "blog", "community"]


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=posts.MAX_TEXT)
    channels: list[Channel] = Field(
        default_factory=list, description="checked for the strictest of them"
    )
    reply_to: str | None = Field(None, max_length=200, description="the handle replied to")
    id: str | None = Field(None, max_length=200, description="returned as the report's id")


class FindingResponse(BaseModel):
    """One thing guard noticed: ``start`` and ``end`` are indices into the checked text."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str


class ReportResponse(BaseModel):
    """All findings for one text, the verdict (ok, review or block) and the fixed texts."""

    id: str | None = None
    verdict: str
    findings: list[FindingResponse]
    redacted_text: str
    fixed_text: str
    policy: str


@router.post("/check", response_model_exclude_unset=True, **needs("check"))
def check(body: CheckRequest, user: ApiUser) -> ReportResponse:
    """guard's report on a text under the practice's policy (the contract's report shape:
    ``id`` appears only when the request gives one)."""
    report = posts.check_text(user.practice, user, body.text, body.channels, body.reply_to)
    if body.id is not None:
        report = dataclasses.replace(report, id=body.id)
    return ReportResponse.model_validate(report.to_dict())
