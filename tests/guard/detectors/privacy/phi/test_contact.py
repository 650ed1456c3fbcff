"""privacy.phi.contact: a patient's phone, fax, email or handle; never the practice's."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.contact"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Call my patient's daughter at (614) 555-0177 if anything changes.", "(614) 555-0177"),
        ("My patient's cell is 614-555-0173, please call her back.", "614-555-0173"),
        ("Fax the records to 614.555.0188 for this patient.", "614.555.0188"),
        ("Pt emailed from jdoe1962@gmail.com asking about her labs.", "jdoe1962@gmail.com"),
        ("My patient @mike_runs just finished chemo!", "@mike_runs"),
        ("Pt's son can be reached on +44 7911 123456 if she deteriorates.", "+44 7911 123456"),
        ("My patient's daughter called from +61 412 345 678 for an update.", "+61 412 345 678"),
        ("Pt Ravi Shah +91 98450 11223 called about his mother's reports.", "+91 98450 11223"),
        ("@sarah_k_1988, great to see you, your strep test came back negative!", "@sarah_k_1988"),
        ("Whoever keeps DMing me from @painpillpete asking for more oxy: no.", "@painpillpete"),
        ("Call 555-1234 to reach my patient's husband.", "555-1234"),
    ],
)
def test_contacts_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Call us at (614) 555-0142 to book your flu shot.", PRACTICE),
        ("Questions? Ring 614-555-0199 during office hours.", PRACTICE),
        ("Email hello@lakesidefamilyhealth.org with questions about our hours.", PRACTICE),
        ("Call 1-800-232-4636 for the CDC info line.", None),
        ("Follow @CDCgov for updates on flu season.", None),
        ("Thanks @sam for sharing this article on sleep.", None),
        ("Give 500 mg twice daily for 10 days.", None),
        ("Our new line is +1 614 555 0142 for bookings.", PRACTICE),
        ("Call +1 800 232 4636 for the CDC info line.", None),
        ("The WHO press office is on +41 22 791 21 11.", None),
        ("Account number 88812345 is overdue for my patient.", None),
        ("NHS number 943 476 5919 was on my patient's letter.", None),
        ("Lot number 12345678 of the flu vaccine is recalled.", None),
        ("Fly high, Mr. Okoro. 1928-2024.", None),
        ("A patient asked whether to follow @drjen_md for nutrition advice.", None),
        ("Handover at 10:30, then my patient's family meeting at 11:15.", None),
        ("The trial enrolled 1,234,567 participants.", None),
    ],
)
def test_not_patient_contacts(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "A patient's son made a reel about his dad's rehab, go follow @walkingwithpops!",
            "@walkingwithpops",
        ),
        ("Congrats to @deb_on_wheels, who finished her last chemo cycle with us today.", "@deb"),
    ],
)
def test_patient_handles_offered_to_follow(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "Text my personal mobile 0803 555 2291 if the rota changes.",
        "My own phone is 020 7946 0321 if any colleague needs me this weekend.",
        "Call NHS 111 or 0300 123 4567 if you need advice out of hours.",
        "Follow @NHSEngland for patient safety updates.",
    ],
)
def test_own_and_organisation_lines(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
