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
    ],
)
def test_not_patient_criticism(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
