"""privacy.phi.location: places below state level tied to a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.location"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mrs. Alvarez in bed 4 is doing better", "bed 4"),
        ("The patient in room 12 is asking for more blankets.", "room 12"),
        ("Bay 3 needs a portable x-ray.", "Bay 3"),
        ("Home visit at 77 Hollow Creek Lane for a patient with COPD.", "77 Hollow Creek Lane"),
        ("My patient drove in from Dayton for her follow-up.", "Dayton"),
        ("A Tulsa man came in with frostbite.", "Tulsa"),
        ("My patient from Chillicothe, Ohio is recovering well.", "Chillicothe"),
        ("Pt lives in Franklin County and has no car.", "Franklin County"),
        ("Bloke came in yesterday arvo from Coonabarabran with a snake bite.", "Coonabarabran"),
        ("A retired farmer from Ashville, aged 93, came in with a fall.", "Ashville"),
        (
            "Our pt was discharged to the Maple Grove group home yesterday.",
            "Maple Grove group home",
        ),
        (
            "The kid from Westerville South High who collapsed at practice is stable.",
            "Westerville South High",
        ),
        (
            "Drove past Mr. Abernathy's place on County Road 12, he was out mowing.",
            "County Road 12",
        ),
        (
            "The guy who came into urgent care with a fork in his ear: yes you, Luca from Modena.",
            "Modena",
        ),
        (
            "Locum diary, week 3. I'm covering a practice in a small village outside Penrith "
            "where everyone knows everyone. The surgery has one GP, two nurses and a dog. "
            "The waiting room has a wood stove and a jigsaw that nobody finishes. "
            "Saw Mr. Tomlinson this morning for his ticker; his daughter nagged him into it.",
            "Penrith",
        ),
        ("Patient's ZIP code is 43085.", "43085"),
    ],
)
def test_locations_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Flu cases are rising across Ohio this month.", None),
        ("The Midwest has seen a spike in measles.", None),
        ("Our clinic has 12 exam rooms and 40 beds.", None),
        ("Room temperature storage is fine for this vaccine.", None),
        ("Visit us at 2200 Mill Creek Road for walk-in flu shots.", PRACTICE),
        ("Lakeside Family Health is in Columbus, Ohio.", PRACTICE),
        ("Friendly reminder from Lakeside: book your flu shot.", PRACTICE),
        ("Our new office on Route 9 opens next week!", None),
        ("Traffic on I-71 is terrible, patients may be late today.", None),
        ("Patients from Columbus and Dayton joined our diabetes class.", None),
        ("My patient came in from Zumba class dizzy.", None),
        ("A mom from Nextdoor asked about measles in our area.", None),
        ("A resident from Cleveland Clinic rotated with us this month.", None),
        ("Stress levels are running High for patients this season.", None),
        ("Lakeside Family Health patients can now book online.", PRACTICE),
    ],
)
def test_not_patient_locations(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()
