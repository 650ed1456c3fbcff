"""privacy.phi.date: dates tied to a person, not event dates, years or "today"."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.date"
REPLY = {"channel": "x", "reply_to": "@kit_runs"}
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
        ("Reminder for Mrs. Diaz: your INR check is 12-Mar at 9am.", "12-Mar"),
        ("s/p CABG 11/3, our guy in bed 2 walked the hall today.", "11/3"),
        ("Her biopsy is on the 22nd of next month.", "the 22nd of next month"),
        (
            "PA here. @katie_b, you were in to see us on 3rd Feb and your swab came back negative.",
            "3rd Feb",
        ),
        (
            "A reflection on my first death as a new grad. It was 3 June 2019, a Tuesday. "
            "Mr. Green in bed 4 had been my patient all week.",
            "3 June 2019",
        ),
        ("Fly high, Mr. Okoro. 1928–2024. The night shift misses you.", "1928–2024"),
        ("Rest easy, Mrs. Bell (1929-2023).", "1929-2023"),
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
        ("Flu clinic on 14 March, walk-ins welcome.", None),
        ("Our walk-in clinic runs 09-Apr to 12-Apr this year.", None),
        ("Our 5K fundraiser is on the 18th of this month.", None),
        ("The study ran from 2015–2019 and enrolled 4,000 adults.", None),
        ("In loving memory of my grandfather, 1940–2001. He is why I became a nurse.", None),
        ("In memory of Florence Nightingale, 1820–1910, who taught us hand hygiene.", None),
        ("Handover moved to 10:30 on the ward for my patients.", None),
        ("Blood pressure was 120/80 at the visit.", None),
    ],
)
def test_not_person_dates(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mr. Lowry was admitted on Hogmanay and went home on Burns Night.", "Burns Night"),
        ("She came in on Eid after a fall, and went home in time for the wedding.", "Eid"),
        ("Our pt was discharged 10/10 after a long stay.", "10/10"),
        ("My patient's surgery was on 3/10, she's already back at Pilates.", "3/10"),
        ("Honoured to have screened Mrs. Bello on 12/03/2026 at our outreach camp.", "12/03/2026"),
    ],
)
def test_holidays_and_short_dates_of_care_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "Rated the new triage app 9/10, would recommend to other practices.",
        "Pain 10/10 before the nerve block, 2/10 after. Regional anaesthesia is magic.",
        "Honestly 10/10 shift, my patients were lovely.",
        "My patient sends us a card every Christmas, 98 and still writing in ink.",
        "Merry Christmas from everyone on the ward, patients and staff!",
        "Happy Diwali to all our patients and staff celebrating today!",
    ],
)
def test_scores_and_greetings_are_not_dates(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        ("He came to us on 3/17 with a cough that turned out to be a PE.", "3/17", None),
        ("Glad the repair went well! See you at your 2-week check on the 21st", "the 21st", REPLY),
        ("She had her knee replaced on 9 October and is walking already.", "9 October", None),
    ],
)
def test_dates_of_visits_checks_and_operations(
    text: str, part: str, context: dict[str, str] | None
) -> None:
    report = carecast.check(text, context)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "Free blood pressure checks at the library on 12 November, no booking needed.",
        "Our 6-week antenatal class starts on the 3rd of next month.",
    ],
)
def test_announced_checks_and_classes_are_not_patient_dates(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Travel clinic is Thursday Nov 7, 2-6, no appointment needed!", REPLY),
        ("Drop-in hours on Saturday, 9-12, for flu jabs.", None),
    ],
)
def test_clinic_announcements_and_hour_ranges(text: str, context: dict[str, str] | None) -> None:
    assert RULE not in carecast.check(text, context).rules()
