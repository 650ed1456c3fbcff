"""The post lifecycle: who may do what, guard on every change, versions, notes and audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.errors import ConflictError, InputError, NotFound, PermissionDenied
from carecast.store import AuditEvent
from carecast.workflow import audit, posts
from workflow.conftest import Staff

CLEAN = "Flu shots are in: walk in any weekday morning. More on who should get one: cdc.gov/flu"
NAMES_PATIENT = "Mrs. Alvarez in bed 4 is doing so much better today!"


def actions(session: Session, post_id: int) -> list[str]:
    query = select(AuditEvent.action).where(
        AuditEvent.object_type == "post", AuditEvent.object_id == str(post_id)
    )
    return list(session.scalars(query.order_by(AuditEvent.seq)))


def test_draft_submit_approve_schedule_publish(session: Session, staff: Staff) -> None:
    post = posts.create_draft(session, staff.manager, CLEAN, channels=["mastodon"])
    assert post.state == "draft" and post.current.verdict == "ok"
    posts.submit(session, staff.manager, post)
    posts.approve(session, staff.clinician, post)
    assert post.state == "approved" and post.approved_by_id == staff.clinician.id
    at = datetime.now(UTC) + timedelta(hours=2)
    posts.schedule(session, staff.manager, post, at)
    posts.mark_published(session, post, links=["https://example.social/@lakeside/1"])
    session.commit()
    assert post.state == "published"
    assert [v.event for v in post.versions] == [
        "created",
        "submitted",
        "approved",
        "scheduled",
        "published",
    ]
    assert actions(session, post.id) == [
        "post.created",
        "post.submitted",
        "post.approved",
        "post.scheduled",
        "post.published",
    ]
    assert audit.verify(session).ok


def test_every_state_change_rechecks_the_text(session: Session, staff: Staff) -> None:
    post = posts.create_draft(session, staff.manager, NAMES_PATIENT)
    assert post.current.verdict == "block"
    rules = {f["rule"] for f in post.current.report["findings"]}
    assert "privacy.phi.name" in rules
    posts.edit(session, staff.manager, post, "Our ward team is proud of every recovery this week.")
    posts.submit(session, staff.manager, post)
    assert post.current.verdict == "ok" and post.current.event == "submitted"
    assert len(post.versions) == 3


def test_only_a_clinician_approves_and_never_their_own(session: Session, staff: Staff) -> None:
    post = posts.submit(
        session, staff.clinician, posts.create_draft(session, staff.clinician, CLEAN)
    )
    for user in (staff.manager, staff.admin, staff.compliance):
        with pytest.raises(PermissionDenied):
            posts.approve(session, user, post)
    with pytest.raises(PermissionDenied, match="you wrote this post"):
        posts.approve(session, staff.clinician, post)
    posts.approve(session, staff.second_clinician, post)
    assert post.state == "approved"


def test_a_blocked_post_needs_an_override_with_a_reason(session: Session, staff: Staff) -> None:
    post = posts.submit(
        session, staff.manager, posts.create_draft(session, staff.manager, NAMES_PATIENT)
    )
    with pytest.raises(ConflictError, match=r"privacy\.phi\.name"):
        posts.approve(session, staff.clinician, post)
    with pytest.raises(InputError, match="reason"):
        posts.approve(session, staff.clinician, post, override="ok")
    assert post.state == "in_review"
    reason = "Mrs. Alvarez gave written consent to share her recovery story."
    posts.approve(session, staff.clinician, post, override=reason)
    assert post.state == "approved"
    assert [n.kind for n in post.notes] == ["override"] and post.notes[0].body == reason
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "post.approved")).one()
    assert event.details["override"] == reason and event.details["verdict"] == "block"


def test_send_back_needs_a_comment_and_returns_a_draft(session: Session, staff: Staff) -> None:
    post = posts.submit(session, staff.manager, posts.create_draft(session, staff.manager, CLEAN))
    with pytest.raises(InputError):
        posts.send_back(session, staff.clinician, post, "  ")
    posts.send_back(session, staff.clinician, post, "Please add the clinic's opening hours.")
    assert post.state == "draft" and post.notes[-1].kind == "send_back"


def test_states_that_do_not_allow_an_action_say_so(session: Session, staff: Staff) -> None:
    post = posts.create_draft(session, staff.manager, CLEAN)
    with pytest.raises(ConflictError, match="is draft, so it cannot be approved"):
        posts.approve(session, staff.clinician, post)
    posts.submit(session, staff.manager, post)
    with pytest.raises(ConflictError, match="cannot be edited"):
        posts.edit(session, staff.manager, post, "changed")
    with pytest.raises(ConflictError):
        posts.correct(session, staff.manager, post)


def test_bad_input_is_refused_and_nothing_is_kept(session: Session, staff: Staff) -> None:
    with pytest.raises(InputError, match="empty"):
        posts.create_draft(session, staff.manager, "   ")
    with pytest.raises(InputError, match="no channel named"):
        posts.create_draft(session, staff.manager, CLEAN, channels=["myspace"])
    with pytest.raises(InputError, match="time zone"):
        posts.create_draft(session, staff.manager, CLEAN, scheduled_at=datetime(2030, 1, 1))
    with pytest.raises(PermissionDenied):
        posts.create_draft(session, staff.compliance, CLEAN)
    session.rollback()
    assert posts.list_posts(session, staff.manager) == []


def test_correction_links_to_the_original_and_marks_it_when_published(
    session: Session, staff: Staff
) -> None:
    original = posts.create_draft(session, staff.manager, CLEAN, channels=["mastodon"])
    posts.submit(session, staff.manager, original)
    posts.approve(session, staff.clinician, original)
    posts.mark_published(session, original)
    correction = posts.correct(session, staff.manager, original)
    assert correction.corrects_id == original.id and "sorry" in correction.text
    assert correction.channels == ["mastodon"]
    posts.submit(session, staff.manager, correction)
    posts.approve(session, staff.clinician, correction)
    posts.mark_published(session, correction)
    assert original.state == "corrected"
    assert posts.corrections(session, original) == [correction]
    assert "post.correction_started" in actions(session, original.id)


def test_retraction_keeps_its_reason(session: Session, staff: Staff) -> None:
    post = posts.create_draft(session, staff.manager, CLEAN)
    posts.submit(session, staff.manager, post)
    posts.approve(session, staff.clinician, post)
    posts.mark_published(session, post)
    with pytest.raises(PermissionDenied):
        posts.retract(session, staff.manager, post, "We got the dates wrong for the clinic.")
    posts.retract(session, staff.clinician, post, "We got the dates wrong for the clinic.")
    assert post.state == "retracted" and post.notes[-1].kind == "retraction"


def test_failed_publication_returns_to_the_manager(session: Session, staff: Staff) -> None:
    post = posts.create_draft(session, staff.manager, CLEAN)
    posts.submit(session, staff.manager, post)
    posts.approve(session, staff.clinician, post)
    posts.mark_failed(session, post, "mastodon: the access token was revoked")
    assert post.state == "failed" and post.notes[-1].body.startswith("mastodon")
    posts.edit(session, staff.manager, post, CLEAN + " See you there!")
    assert post.state == "draft"


def test_batch_approval_reports_each_post(session: Session, staff: Staff) -> None:
    good = posts.submit(session, staff.manager, posts.create_draft(session, staff.manager, CLEAN))
    blocked = posts.create_draft(session, staff.manager, NAMES_PATIENT)
    posts.submit(session, staff.manager, blocked)
    own = posts.submit(
        session, staff.clinician, posts.create_draft(session, staff.clinician, CLEAN)
    )
    results = posts.approve_many(session, staff.clinician, [good.id, blocked.id, own.id, 9999])
    assert [r.approved for r in results] == [True, False, False, False]
    assert "guard blocks" in results[1].message and "you wrote" in results[2].message
    assert "no post 9999" in results[3].message
    session.commit()
    assert good.state == "approved" and blocked.state == "in_review" and own.state == "in_review"
    assert audit.verify(session).ok


def test_posts_of_another_practice_are_not_found(session: Session, staff: Staff) -> None:
    from carecast.workflow import people

    other = people.create_practice(session, name="Hillside Clinic")
    outsider = people.create_user(
        session, other, email="m@hillside.test", name="Max", role="manager", password="x" * 12
    )
    post = posts.create_draft(session, staff.manager, CLEAN)
    with pytest.raises(NotFound):
        posts.get_post(session, outsider, post.id)


def test_guard_uses_the_practice_allowlist(session: Session, staff: Staff) -> None:
    text = "Dr. Priya Natarajan is on call at Lakeside Family Health, (614) 555-0142."
    post = posts.create_draft(session, staff.manager, text)
    assert not [f for f in post.current.report["findings"] if f["rule"].startswith("privacy")]


def test_a_post_cites_only_a_consent_in_force(session: Session, staff: Staff) -> None:
    from carecast.workflow import consents

    now = datetime.now(UTC)
    given = consents.record_consent(
        session,
        staff.manager,
        subject="MRN 4471",
        scope="story",
        granted_at=now - timedelta(days=2),
    )
    post = posts.create_draft(session, staff.manager, CLEAN, consent_id=given.id)
    assert post.consent_id == given.id
    consents.revoke_consent(session, staff.manager, given)
    with pytest.raises(InputError, match="is revoked"):
        posts.create_draft(session, staff.manager, CLEAN, consent_id=given.id)


def test_a_draft_with_a_part_still_to_write_cannot_be_submitted(
    session: Session, staff: Staff
) -> None:
    post = posts.create_draft(
        session, staff.manager, "The evidence says otherwise: [[what the research shows]]."
    )
    with pytest.raises(InputError, match=r"still has a part to write: \[\[what the research"):
        posts.submit(session, staff.manager, post)
    posts.edit(session, staff.manager, post, "The evidence says otherwise: see cdc.gov/flu.")
    assert posts.submit(session, staff.manager, post).state == "in_review"
