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
        "HIV doesn't actually cause AIDS, it's the meds that do.",
        "Black salve cured my patient's skin cancer without any surgery.",
        "Chlorine dioxide cleared up my cousin's long COVID in a week.",
        "Several patients reversed their type 1 diabetes with a raw vegan diet. No more insulin.",
        "Feel a cold coming on? Ask for a Z-pack early and you'll knock it out.",
        "It works against COVID, they just don't want you to know.",
        "The MMR and autism. Too many cases to be a coincidence. Do your research.",
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
        "Antibiotics like a Z-pack won't knock out a cold: colds are viral.",
        "Cinnamon tea is lovely, but it does not cure diabetes.",
        "We cleared up the confusion about flu shot timing: get it by October.",
        "Green tea extract supplements can harm the liver, so tell your pharmacist.",
    ],
)
def test_not_misinformation(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
