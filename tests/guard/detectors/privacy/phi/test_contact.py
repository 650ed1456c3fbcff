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
        ("The trial enrolled 1,234,567 participants.", None),
    ],
)
def test_not_patient_contacts(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()
