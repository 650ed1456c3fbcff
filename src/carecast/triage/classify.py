"""Triage one inbound message: its category, whether it holds someone's health
information, what to do, and a public reply that confirms nothing.

Pure, like guard: text and context in, a :class:`Triage` out; no database, no network.
Below :data:`CONFIDENT` the category goes to a person and no reply is offered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from carecast.guard import Context, Finding, Policy, check
from carecast.guard.policy import load_policy
from carecast.triage.encoder import embed
from carecast.triage.features import discloses_health, model_text
from carecast.triage.model import CATEGORIES, load

# Chosen on cross-validation of the training messages (never the held-out ones):
# below CONFIDENT a person decides (about one message in fourteen; nine in ten of the
# rest are right); PHI_THRESHOLD leans towards hiding, since a message left public with
# someone's health in it costs more than one hidden for a moment.
CONFIDENT = 0.5
PHI_THRESHOLD = 0.35
CARE_THRESHOLD = 0.2  # a fifth's chance it is someone's own care: keep it private too

# What each category asks of the practice (contract: carecast triage prints these).
ACTIONS: dict[str, tuple[str, ...]] = {
    "personal_care": ("hide", "private_thread", "public_reply"),
    "appointment": ("public_reply",),
    "general_question": ("draft_answer", "clinician_review"),
    "feedback": ("public_reply",),
    "spam": ("hide", "flag", "offer_block"),
    "misinformation": ("flag", "draft_answer", "clinician_review"),
    "abuse": ("hide", "flag", "offer_block"),
    "other": (),
}
PRIVATE = ("hide", "private_thread", "public_reply")


@dataclass(frozen=True)
class Triage:
    """What triage made of one message."""

    category: str
    contains_phi: bool
    phi: list[Finding]
    confidence: float
    actions: list[str]
    public_reply: str | None
    scores: dict[str, float] = field(default_factory=dict)
    id: str | None = None

    @property
    def needs_person(self) -> bool:
        return "person_review" in self.actions

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape for one message."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["category"] = self.category
        out["contains_phi"] = self.contains_phi
        out["phi"] = [f.to_dict() for f in self.phi]
        out["actions"] = self.actions
        out["public_reply"] = self.public_reply
        out["confidence"] = round(self.confidence, 4)
        return out


@cache
def _replies() -> dict[str, str]:
    text = resources.files("carecast.triage").joinpath("replies.yaml").read_text()
    replies: dict[str, str] = yaml.safe_load(text)
    return replies


def _ways(policy: Policy) -> tuple[str, str]:
    """How to reach the practice, and how to book, from its details in the policy."""
    practice = policy.practice
    phone = practice.phones[0] if practice.phones else ""
    email = practice.emails[0] if practice.emails else ""
    site = practice.websites[0] if practice.websites else ""
    contact = phone or email or site or "the phone number on our profile"
    booking = (
        f"book online at {site}"
        if site
        else f"call us at {phone}"
        if phone
        else ("call the number on our profile")
    )
    return contact, booking


def _actions(category: str, contains_phi: bool, confidence: float) -> list[str]:
    """Spam and abuse are hidden whatever they hold; anything else with someone's health
    information moves to a private thread; an unsure call goes to a person, and a message
    with health information is hidden meanwhile."""
    if confidence < CONFIDENT:
        return ["hide", "person_review"] if contains_phi else ["person_review"]
    if category in ("spam", "abuse") or not contains_phi:
        return list(ACTIONS[category])
    if category == "misinformation":
        return ["hide", "private_thread", "flag", "draft_answer", "clinician_review"]
    return list(PRIVATE)


def public_reply(kind: str, policy: Policy) -> str:
    contact, booking = _ways(policy)
    return " ".join(_replies()[kind].format(contact=contact, booking=booking).split())


def classify(
    text: str,
    context: Context | Mapping[str, Any] | None = None,
    policy: Policy | str | Path | None = None,
    *,
    id: str | None = None,
) -> Triage:
    """Triage one inbound message. ``policy`` (a pack name, YAML file or Policy) gives
    the practice's details that public replies use and guard must not report."""
    context = Context.of(context)
    policy = load_policy(policy)
    # guard reads the message as it was trained to, with no channel: the channel's rules
    # (credentials on a community site, say) are for posts going out, not messages in.
    report = check(text, None, policy)
    model = load()
    features = model.features(model_text(text, report), embed(text))
    scores = model.linear["category"].probabilities(features)
    category = max(CATEGORIES, key=lambda c: scores.get(c, 0.0))
    confidence = scores[category]
    phi_found = [f for f in report.findings if f.category == "privacy"]
    phi_score = model.linear["contains_phi"].probabilities(features).get("true", 0.0)
    contains_phi = (
        bool(phi_found)
        or phi_score >= PHI_THRESHOLD
        or category == "personal_care"
        or scores.get("personal_care", 0.0) >= CARE_THRESHOLD
        or discloses_health(text)
    )
    actions = _actions(category, contains_phi, confidence)
    reply = None
    if "public_reply" in actions:
        reply = public_reply("private" if contains_phi else category, policy)
    return Triage(
        category=category,
        contains_phi=contains_phi,
        phi=phi_found,
        confidence=confidence,
        actions=actions,
        public_reply=reply,
        scores=scores,
        id=id,
    )
