"""privacy.phi.other: unique roles, marks, photos, and replies that confirm a patient."""

from __future__ import annotations

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.other"
REPLY = {"channel": "x", "reply_to": "@sam"}


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        (
            "Treated the mayor's wife for a broken ankle in the ER last night.",
            "the mayor's wife",
            None,
        ),
        (
            "The town's only female firefighter came in after the blaze.",
            "The town's only female firefighter",
            None,
        ),
        ("My patient has a tattoo of a dragon across his back.", "tattoo of a dragon", None),
        ("Posting a photo of the patient after her surgery.", "photo of the patient", None),
        ("Glad you're feeling better since your visit with us!", "your visit with us", REPLY),
        (
            "Good to hear from you! When you came in last week your BP was great.",
            "When you came in",
            REPLY,
        ),
    ],
)
def test_unique_details_are_found(text: str, part: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor announced a new vaccination drive.",
        "Tattoo aftercare: keep it clean and moisturised.",
        "Our town's new pediatric clinic opens Monday.",
        "Flu season is here; get vaccinated.",
        "Twins run in some families more than others.",
        "Triplets are more common after IVF.",
        "Biometric screening for staff is open this week.",
    ],
)
def test_not_unique_details(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our pt from the I-90 bus crash went home after surgery.", "the I-90 bus crash"),
        (
            "The boy who collapsed at the county fair last weekend is out of the ICU.",
            "collapsed at the county fair last weekend",
        ),
        ("58F, former WNBA guard for the Sparks, presenting with knee pain.", "WNBA guard"),
        ("My patient with the glass eye he winks with is back for a check.", "glass eye"),
        ("Surgery day for our pt Dev! (video w/ his full face, consent on file)", "full face"),
        ("Mr. Oyelaran, who you met in May, is a patient of ours.", "is a patient of ours"),
        ("Bongani, saw your labs this morning and your kidneys look better.", "saw your labs"),
        ("So good to see you at your follow-up yesterday, Tess!", "see you at your"),
    ],
)
def test_events_roles_photos_and_confirmations(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "The I-70 bridge repair starts Monday; plan extra time to reach the clinic.",
        "Walking in at 92 should be an Olympic event. Stay active, everyone.",
        "Before and after meals, check your sugar if your care team asked you to.",
        "Anyone who is a patient of ours can book flu shots online.",
    ],
)
def test_events_and_roles_without_a_patient(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
