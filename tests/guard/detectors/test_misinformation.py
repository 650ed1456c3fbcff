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


@pytest.mark.parametrize(
    "text",
    [
        "Apple cider vinegar reverses type 2 diabetes, no pills needed.",
        "Colloidal silver clears an ear infection faster than antibiotics ever could.",
        "Those chemtrails are why everyone has a cough this week.",
        "Keep your baby away from the vaccinated cousins. Shedding is real.",
        "Funny how so many toddlers regress right after their MMR jabs.",
        "Your liver needs a weekend detox cleanse to flush the toxins out.",
        "Sunscreen causes way more cancer than sunlight.",
    ],
)
def test_misinformation_negated_after_or_phrased_newly(text: str) -> None:
    assert RULE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "A patient told me that turmeric cures cancer. It does not; see cancer.gov.",
        "Chemtrails aren't real: those are contrails, water vapour from engines.",
        "Got asked about 'vaccine shedding' again. mRNA vaccines cannot shed.",
        "'Does garlic cure HIV?' I hear this often. Short answer: no.",
    ],
)
def test_reported_quoted_or_answered_claims(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Biopsies spread prostate cancer, so I always tell people to skip them.",
        "Heads up: HIV can be caught from toilet seats at the gym.",
        "Chickenpox parties are the natural way to build immunity, don't overthink it.",
        "Most colic comes from a misaligned spine after birth. One adjustment and it's gone.",
        "Fun fact: you can't get pregnant during your period, so no need to worry 😉",
        "Tumours cannot survive in an alkaline body, so drink your lemon water.",
        "Elderberry syrup works faster than Tamiflu, every single time.",
        "Colloidal silver protects you against every virus going around this winter.",
        "Neem leaf tea prevents malaria, our grandparents knew it.",
        "the flu jab gives u the flu, i'm not having it",
    ],
)
def test_more_well_known_myths(text: str) -> None:
    assert RULE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "HIV is not spread by sharing cups, hugging or toilet seats.",
        "It's a myth that you can't get pregnant on your period: you can.",
        "Mammograms find cancers early; the squeeze is uncomfortable but brief.",
        "Ask us about the flu jab: it cannot give you the flu.",
        "Measles parties are dangerous. Vaccination is the safe way to immunity.",
    ],
)
def test_denied_myths_are_not_claims(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
