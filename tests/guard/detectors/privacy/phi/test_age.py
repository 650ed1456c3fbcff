"""privacy.phi.age: ages over 89, never 89 and under or ages of groups."""

from __future__ import annotations

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.age"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Visited a 94-year-old in the ER tonight with a hip fracture.", "94-year-old"),
        ("My patient, aged 91, still walks every day.", "aged 91"),
        ("92 y/o female presenting with confusion.", "92 y/o"),
        ("My patient is ninety-three.", "ninety-three"),
        ("A ninety-three-year-old patient came in with a fall.", "ninety-three-year-old"),
        ("She turned 95 last week on the ward.", "95"),
        ("Pt is a 97F with CHF.", "97F"),
        ("Mr. Boyd is 94 and lives alone since his wife died.", "94"),
        ("Saw Mr. Hale this morning, who farms the hill — 91 and still out lambing at dawn.", "91"),
        ("A lady of 92 years came in with her grandson.", "92 years"),
        ("My patient is ninety-three and still drives.", "ninety-three"),
        ("My patient (96, a retired nurse) told me about the war.", "96"),
        ("The lady in bed 10 (92) taught the night staff euchre.", "92"),
        ("Celebrated my patient's 101st birthday on the unit today.", "101st birthday"),
    ],
)
def test_ages_over_89_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    "text",
    [
        "Saw a 45-year-old with chest pain.",
        "My patient, 89, is doing great.",
        "Patients over 90 need careful dosing.",
        "Adults aged 90 and older are at highest risk.",
        "Patients aged 90 or older need a fall assessment.",
        "Her heart rate was 95 on arrival.",
        "Her oxygen sat was 94 on room air.",
        "Turn the heat to 92 degrees for the patient.",
        "About 90% of patients recover fully.",
        "My patient's BP is 95 and dropping.",
        "My patient's sats are 92 and stable on 2L.",
        "Pt on day 92 and still no bed upstairs.",
        "My patient is 89 and still drives herself.",
        "Give my patient 90 mg daily with food.",
        "The 1990s were a different era for medicine.",
    ],
)
def test_not_ages_over_89(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our hospice patient, born in 1931, asked for jazz on his last day.", "1931"),
        ("She's a nonagenarian and still gardens after her hip surgery.", "nonagenarian"),
        ("Case: 92-y/o man admitted with pneumonia.", "92"),
        ("Mrs. Osei, ninety-something, came in for her flu shot.", "ninety"),
        ("ninety-six and she still walks to the ward kitchen. bay 2 legend.", "ninety-six"),
    ],
)
def test_more_ages_over_89(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


def test_recent_birth_years_are_not_ages_over_89() -> None:
    text = "Our patient, born in 1961, is doing well after surgery."
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("He told me he'd be 97 next month and wanted a party on the ward.", "97"),
        ("ninety-one and he still chops his own wood, told me so during his ECG.", "ninety-one"),
    ],
)
def test_ages_said_of_he_or_she(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "The old cottage hospital is a centenarian of a place, 104 this year.",
        "Never write 'the 96-year-old in bed 2' about a patient; write 'an older person'.",
    ],
)
def test_ages_of_things_and_quoted_examples(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our oldest regular, Mrs. Adeyemi (96!), walked in without her stick.", "96"),
        ("Gentleman in with us this week, 93 and still fixing clocks for the ward.", "93"),
    ],
)
def test_ages_in_brackets_and_after_a_time_phrase(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


def test_a_week_number_is_no_age() -> None:
    assert RULE not in carecast.check("Patient in week 94 of the trial, doing well.").rules()
