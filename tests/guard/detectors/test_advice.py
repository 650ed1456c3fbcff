"""advice.individual and advice.no_referral: talk about medicine, don't do medicine."""

from __future__ import annotations

import pytest

import carecast

INDIVIDUAL = "advice.individual"
NO_REFERRAL = "advice.no_referral"
REPLY = {"channel": "x", "reply_to": "@sam"}


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("You should double your metformin until your sugars come down.", REPLY),
        ("That rash sounds like shingles, start acyclovir.", REPLY),
        ("Take 600 mg ibuprofen every 6 hours for the pain.", None),
        ("Stop your statin if your legs ache.", REPLY),
        ("You should stop taking your blood pressure meds before the trip.", REPLY),
        ("I'd recommend you start 20 mg of omeprazole.", REPLY),
        ("Sounds like you have strep, get some amoxicillin.", REPLY),
        ("You don't need antibiotics for that, it will clear up.", REPLY),
        ("You should double your metformin.", None),
    ],
)
def test_individual_advice_is_found(text: str, context: dict[str, str] | None) -> None:
    assert INDIVIDUAL in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Ibuprofen can upset the stomach, so many people take it with food.", None),
        ("Adults need 7–9 hours of sleep a night.", None),
        ("Everyone 6 months and older should get a flu vaccine every season.", None),
        ("Acetaminophen and ibuprofen work in different ways.", None),
        ("Our clinic now offers walk-in flu shots on Saturdays.", None),
        (
            "I can't say what's going on without examining you; "
            "please see your own doctor about the rash.",
            REPLY,
        ),
        (
            "That sounds hard. Please talk to your GP about whether a dose change "
            "makes sense for you.",
            REPLY,
        ),
        ("Thanks so much for the kind words!", REPLY),
        ("Get your flu shot this fall!", None),
        ("Whatever you do, keep washing your hands and get the jab!", None),
        ("Antibiotics: finish the course, and leftover pills shouldn't be shared.", None),
    ],
)
def test_not_individual_advice(text: str, context: dict[str, str] | None) -> None:
    assert INDIVIDUAL not in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Migraines often get worse with poor sleep and skipped meals.", REPLY),
        ("A fever under 102 usually just needs rest and fluids.", REPLY),
        ("Your cough might last a few weeks after a cold.", REPLY),
        ("You should double your metformin until your sugars come down.", REPLY),
        ("That rash sounds like shingles, start acyclovir.", REPLY),
        ("Stop your statin if your legs ache.", None),
    ],
)
def test_health_answer_without_referral_is_found(text: str, context: dict[str, str] | None) -> None:
    assert NO_REFERRAL in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Great question! Iron is absorbed better with vitamin C. "
            "Talk to your pharmacist about timing it with your other meds.",
            REPLY,
        ),
        ("If the chest pain comes back, call 911.", REPLY),
        (
            "I can't say what's going on without examining you; "
            "please see your own doctor about the rash.",
            REPLY,
        ),
        ("Congrats on the new baby!", REPLY),
        ("Thanks so much for the kind words!", REPLY),
        (
            "So sorry you're both dealing with this. The foundation has good guides, "
            "and his own GI team is the best place for questions about his meds.",
            REPLY,
        ),
        ("Adults need 7-9 hours of sleep a night.", None),
        ("Ibuprofen can upset the stomach; take it with food.", None),
    ],
)
def test_not_missing_a_referral(text: str, context: dict[str, str] | None) -> None:
    assert NO_REFERRAL not in carecast.check(text, context).rules()
