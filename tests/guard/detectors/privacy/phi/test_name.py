"""privacy.phi.name: patients' and relatives' names, never eponyms, drugs or staff."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.name"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")
REPLY = {"channel": "x", "reply_to": "@jake_runs"}


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        ("Mrs. Alvarez in bed 4 is doing better", "Mrs. Alvarez", None),
        ("Saw Mr. K. in clinic today, his gout is better.", "Mr. K", None),
        ("Pt label read SMITH, JOHN and the wristband matched.", "SMITH, JOHN", None),
        ("My patient Jake finally quit smoking.", "Jake", None),
        ("Her daughter Emily drove her to every chemo appointment.", "Emily", None),
        ("Maria, 45, came in with chest pain.", "Maria", None),
        ("Sarah Connor came in with a broken wrist.", "Sarah Connor", None),
        ("Miss Daisy in room 12 loves her puzzles.", "Miss Daisy", None),
        ("pt J.D. was discharged home.", "J.D.", None),
        (
            "The Nguyen family brought cookies to the ICU after their dad's discharge.",
            "Nguyen",
            None,
        ),
        ("Mrs. Alvarez is better today. Alvarez says thanks to the night team.", "Alvarez", None),
        ("Congrats on finishing chemo, Jake!", "Jake", REPLY),
        ("Pt Adaeze Nwosu called from the ward asking about her labs.", "Adaeze", None),
        ("Her name was Aaliyah. Hug your kids tonight.", "Aaliyah", None),
        ("Thanks to Lily in room 5 for the belly rubs!", "Lily", None),
        ("'Baby Boy Hernandez' finally has a name!", "Baby Boy Hernandez", None),
        ("ID bands for the Singh twins were left at the printer.", "Singh", None),
        ("A card from the Okonkwo-Briggs family: their son is home.", "Okonkwo-Briggs", None),
        ("Ramesh uncle finished his 500th dialysis today.", "Ramesh", None),
        ("Shri Ramesh Iyer has been with us for 15 years of dialysis.", "Shri Ramesh Iyer", None),
        ("Welcome Priyanka and Arjun Mehta's baby girl, born today!", "Priyanka", None),
        ("Her mama Chiamaka said we could share her NICU story.", "Chiamaka", None),
        ("Hope Oliver's ear is feeling better!", "Oliver", REPLY),
        ("So glad you're on the mend Kasia!", "Kasia", REPLY),
        ("Discharged today after 3 weeks, so proud of you Fatima 💙", "Fatima", None),
        ("Frequent visitor Darnell W. triaged to the chairs again.", "Darnell W.", None),
    ],
)
def test_names_are_found(text: str, part: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Huntington's disease awareness month is in May.", None),
        ("Crohn's disease flares can be managed with the right plan.", None),
        ("Bell's palsy usually improves within weeks.", None),
        ("Murphy's sign was positive.", None),
        ("Apgar score of 9 at five minutes.", None),
        ("Parkinson's disease affects movement and mood.", None),
        ("Patients with Huntington's disease benefit from early genetic counselling.", None),
        ("Taking metformin with food can help with stomach upset.", None),
        ("Tom Hanks talked about his type 2 diabetes in an interview.", None),
        ("Dr. Priya Natarajan will be speaking at the health fair.", PRACTICE),
        ("Nurse Jenna Holt gave 40 flu shots today.", PRACTICE),
        ("My patient said Marcus Reyes was so kind at check-in.", PRACTICE),
        ("Dr. Okafor and Dr. Natarajan covered the night shift.", PRACTICE),
        ("The Patient Safety team meets on Friday.", None),
        ("See J. Smith et al. for the trial data on statins.", None),
        ("Thanks Everyone for coming to the health fair!", None),
        ("The Mayo Clinic has a good page on migraines.", None),
        ("Welcome Dr. Natarajan and Nurse Holt to the team!", PRACTICE),
    ],
)
def test_not_patient_names(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Aunty Bisola brought puff-puff for the night shift before her discharge.", "Bisola"),
        ("Tita Marites was admitted last night with chest pain, praying for her.", "Marites"),
        ("Jasmine's cleft lip repair went beautifully in surgery today.", "Jasmine"),
    ],
)
def test_kinship_titles_and_possessives(text: str, part: str) -> None:
    report = carecast.check(text)
    found = [(f.rule, f.text) for f in report.findings]
    assert covered(report, text, part, "privacy.phi.name"), found
