"""classify: what triage decides for a message, and what it offers to say in public."""

from __future__ import annotations

import pytest

from carecast.guard import Policy
from carecast.guard.policy import Practice, load_pack
from carecast.triage import CATEGORIES, classify
from carecast.triage import classify as classify_module  # noqa: F401
from carecast.triage.classify import _actions, public_reply

LAKESIDE = load_pack("default").model_copy(
    update={
        "practice": Practice(
            name="Lakeside Family Health",
            phones=["(614) 555-0142"],
            websites=["lakesidefamilyhealth.org"],
        )
    }
)


def test_a_patients_own_result_is_moved_off_the_public_timeline() -> None:
    result = classify("@lakesideclinic what does my potassium of 5.9 mean?", policy=LAKESIDE)
    assert result.category == "personal_care" and result.contains_phi
    assert result.actions[:2] == ["hide", "private_thread"] or result.needs_person
    if result.public_reply:
        assert "(614) 555-0142" in result.public_reply
        assert "potassium" not in result.public_reply


def test_an_identifier_guard_finds_makes_it_private_whatever_the_category() -> None:
    result = classify("Do you have a slot Saturday? DOB 03/14/1961, MRN 44821-A", policy=LAKESIDE)
    assert result.contains_phi and result.phi
    assert {f.rule for f in result.phi} & {"privacy.phi.date", "privacy.phi.id"}
    assert "hide" in result.actions


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("vaccines cause autism and the CDC knows it, wake up people", "misinformation"),
        ("Great post!! I made $9,000 this week with crypto, DM me to learn how 💰💰", "spam"),
        ("do you have anything Saturday morning for a checkup?", "appointment"),
    ],
)
def test_clear_messages_get_their_category(text: str, category: str) -> None:
    assert classify(text).category == category


def test_every_category_has_scores_that_sum_to_one() -> None:
    result = classify("thank you so much to the whole team!")
    assert set(result.scores) == set(CATEGORIES)
    assert sum(result.scores.values()) == pytest.approx(1.0)
    assert result.confidence == max(result.scores.values())


def test_an_unsure_call_goes_to_a_person_and_offers_no_reply() -> None:
    assert _actions("appointment", False, 0.2) == ["person_review"]
    assert _actions("personal_care", True, 0.2) == ["hide", "person_review"]


@pytest.mark.parametrize(
    ("category", "phi", "expected"),
    [
        ("personal_care", True, ["hide", "private_thread", "public_reply"]),
        ("appointment", True, ["hide", "private_thread", "public_reply"]),
        ("appointment", False, ["public_reply"]),
        ("spam", True, ["hide", "flag", "offer_block"]),
        ("abuse", False, ["hide", "flag", "offer_block"]),
        ("misinformation", False, ["flag", "draft_answer", "clinician_review"]),
        (
            "misinformation",
            True,
            ["hide", "private_thread", "flag", "draft_answer", "clinician_review"],
        ),
        ("general_question", False, ["draft_answer", "clinician_review"]),
        ("other", False, []),
    ],
)
def test_actions_follow_the_category_and_health_information(
    category: str, phi: bool, expected: list[str]
) -> None:
    assert _actions(category, phi, 0.99) == expected


def test_public_replies_confirm_nothing_and_use_the_practices_details() -> None:
    private = public_reply("private", LAKESIDE)
    assert "(614) 555-0142" in private and "privately" in private
    for word in ("patient", "your appointment", "your results", "diagnos"):
        assert word not in private.lower()
    assert "lakesidefamilyhealth.org" in public_reply("appointment", LAKESIDE)
    bare = public_reply("private", Policy(name="bare"))
    assert "{" not in bare and "phone number on our profile" in bare


def test_the_json_shape_is_the_contracts() -> None:
    out = classify("do you take new patients?", {"channel": "x"}, LAKESIDE, id="m1").to_dict()
    assert list(out) == [
        "id",
        "category",
        "contains_phi",
        "phi",
        "actions",
        "public_reply",
        "confidence",
    ]
    assert out["id"] == "m1" and out["category"] in CATEGORIES


def test_the_channel_does_not_change_what_a_message_is() -> None:
    """guard's rules for posts going out (credentials on a community site) are not
    applied to messages coming in."""
    text = "does anyone know if the clinic takes walk-ins for flu shots?"
    plain = classify(text)
    for channel in ("community", "x", "mastodon"):
        assert classify(text, {"channel": channel}).scores == plain.scores
