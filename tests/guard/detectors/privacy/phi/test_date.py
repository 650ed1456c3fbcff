"""privacy.phi.date: dates tied to a person, not event dates, years or "today"."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.date"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")




@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("DOB 3/14/1962, presenting with chest pain.", "3/14/1962"),
        ("Pt admitted on March 3rd with pneumonia.", "March 3rd"),
        ("My patient was seen 04/12 for follow-up.", "04/12"),
        ("Mr. Lee was discharged on 2024-06-02 after his hip surgery.", "2024-06-02"),
        ("Born 12/25/1940, the patient still gardens daily.", "12/25/1940"),
        ("Date of birth: 14/03/1962 on the referral for my patient.", "14/03/1962"),
        ("Surgery on the 14th went well for my patient.", "the 14th"),
        ("Her surgery is scheduled for June 12, 2024.", "June 12, 2024"),
        ("She passed away on Christmas Eve, surrounded by family.", "Christmas Eve"),
    ],
)
def test_dates_tied_to_a_person_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Join us for our flu clinic on March 5!", None),
        ("We're closed on Thanksgiving Day.", None),
        ("National Nutrition Month starts March 1.", None),
        ("Grand rounds on Oct 12: new sepsis guidelines.", None),
        ("Our office hours change on June 1.", PRACTICE),
        ("The study ran from 2015 to 2019.", None),
        ("Yesterday my patient finally went home.", None),
        ("Saw a patient today with shingles.", None),
        ("Take 1/2 tablet twice a day.", None),
        ("Blood pressure was 120/80 at the visit.", None),
    ],
)
def test_not_person_dates(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()
