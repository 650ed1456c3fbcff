"""conduct.patient_criticism: mocking, blaming or belittling patients."""

from __future__ import annotations

import pytest

import carecast

RULE = "conduct.patient_criticism"


@pytest.mark.parametrize(
    "text",
    [
        "Our frequent flyer is back again.",
        "Another drug seeker asking for Dilaudid by name.",
        "Another non-compliant diabetic who can't put the fork down.",
        "Why do patients think Google is a medical degree? 🙄",
        "Patients who never listen and then act shocked when their A1c is 11. Ugh.",
        "That one patient again, complaining nonstop about the wait, as usual.",
        "People who refuse vaccines and then cry about getting sick, spare me.",
        "Lazy patients are the worst.",
        "When the anti-vax mom lectures you about 'toxins' in the waiting room 🙄",
        "Puked on by the 19 y/o in room 6 who 'only had like 4 drinks' 🙄",
        "Another 'allergic to everything except dilaudid' special in bed 12 tonight.",
        "Rant incoming, sorry not sorry: the worried well clogging up my clinic with colds.",
        "tfw ur pt's insta is public and he's doing keg stands after his appendectomy",
    ],
)
def test_patient_criticism_is_found(text: str) -> None:
    assert RULE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Ugh, another prior auth denial from the insurance company. The system is broken.",
        "The EHR is so annoying today, ugh.",
        "Misinformation about vaccines is exhausting to fight.",
        "Caring for a patient with advanced dementia is hard, and his family showed so much love.",
        "Many patients struggle to afford insulin; that is a policy failure, not a personal one.",
        "Our patients taught me so much this year.",
        "Discharged my 92yo from bay 4 today. She told me to find a husband 😂 love her",
        "You're entitled to your records under HIPAA: ask the front desk for the form.",
        "He apologised to me for wasting my time, and I still think about him.",
        "Our special needs clinic runs on Tuesdays.",
    ],
)
def test_not_patient_criticism(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
