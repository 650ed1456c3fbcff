"""sourcing.unreliable_source and sourcing.unsourced_claim."""

from __future__ import annotations

import pytest

import carecast

UNRELIABLE = "sourcing.unreliable_source"
UNSOURCED = "sourcing.unsourced_claim"


@pytest.mark.parametrize(
    "text",
    [
        "Great breakdown of seed oils here: naturalnews.com/2023-seed-oils",
        "Mercola explains why seed oils are toxic.",
        "Saw a video on TikTok that says lemon water detoxes your liver.",
        "According to my chiropractor, sugar causes ear infections.",
    ],
)
def test_unreliable_source_is_found(text: str) -> None:
    assert UNRELIABLE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Don't trust naturalnews.com for health information; it is full of misinformation.",
        "Reliable info on flu is at https://www.cdc.gov/flu/",
        "MedlinePlus has a clear page on high blood pressure.",
        "Follow our practice on TikTok for clinic updates.",
        "Happy Nurses Week to our amazing team!",
    ],
)
def test_not_unreliable_source(text: str) -> None:
    assert UNRELIABLE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Studies show that walking after meals lowers blood sugar.",
        "Regular exercise cuts your risk of heart disease by 40%.",
        "1 in 3 adults has high blood pressure.",
        "Magnesium is proven to stop migraines.",
    ],
)
def test_unsourced_claim_is_found(text: str) -> None:
    assert UNSOURCED in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "1 in 3 adults has high blood pressure, according to the CDC.",
        "Studies show walking after meals lowers blood sugar (doi:10.2337/dc16-0084).",
        "Regular exercise lowers the risk of heart disease: https://www.cdc.gov/heart-disease/",
        "Walking after meals can help some people with blood sugar.",
        "Happy Nurses Week to our amazing team!",
    ],
)
def test_not_unsourced_claim(text: str) -> None:
    assert UNSOURCED not in carecast.check(text).rules()
