"""misinformation.claim: claims established evidence contradicts, unless debunked."""

from __future__ import annotations

import pytest

import carecast

RULE = "misinformation.claim"


@pytest.mark.parametrize(
    "text",
    [
        "Vaccines cause autism, and nobody wants to admit it.",
        "5G towers spread COVID.",
        "Ivermectin cures COVID, my cousin took it.",
        "Drinking bleach kills the coronavirus.",
        "Antibiotics will clear up your cold in a day or two.",
        "This herbal remedy cures Huntington's disease.",
        "HIV does not cause AIDS.",
    ],
)
def test_misinformation_is_found(text: str) -> None:
    assert RULE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "No, vaccines do not cause autism.",
        "The myth that 5G spreads COVID has been debunked.",
        "Ivermectin does not cure COVID, according to the FDA.",
        "Antibiotics don't treat viral colds or flu.",
        "There is no cure for Huntington's disease yet, but research continues.",
        "HIV causes AIDS, and treatment keeps the virus undetectable.",
        "Measles vaccines are safe and effective.",
    ],
)
def test_not_misinformation(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
