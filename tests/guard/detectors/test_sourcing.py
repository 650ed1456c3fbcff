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


@pytest.mark.parametrize(
    "text",
    [
        # advisers without health credentials, on any platform
        "Watched an amazing reel by a hormone coach about seed oils causing PCOS. Convinced.",
        "A holistic coach on Instagram says you can stop insulin if you fast. Makes sense to me.",
        "Best breakdown of long covid I've seen is from a YouTube channel run by a naturopath.",
        # groups, forums, forwards and channels
        "Got this from someone in my neighbourhood Facebook group: boil guava leaves for sugar.",
        "Found this on a mums' forum: amber necklaces stop teething pain. Going to recommend it.",
        "Forwarded from my church WhatsApp group: hot water every hour flushes out the virus.",
        "Per a Telegram channel I follow, ivermectin clears long covid.",
        "Heard on a podcast that fluoride lowers IQ, so I'm switching toothpaste.",
    ],
)
def test_unreliable_source_in_other_words_is_found(text: str) -> None:
    assert UNRELIABLE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        # named to debunk it: a rebuttal follows, or a reliable body sets it straight
        "Saw a TikTok claiming lemon water cures cancer. It doesn't. Cancer Research UK explains.",
        "Someone posted in our street's Facebook group that garlic cures flu."
        " The NHS recommends rest, fluids and paracetamol.",
        # someone else's words, or the author's own account
        "A patient told me she 'read it on Facebook' that vaccines shed. We talked it through.",
        "I'm a nurse on Instagram and I will never give you individual advice here. See your GP.",
        "Follow us on Instagram for clinic news and opening hours!",
        # not a health source at all
        "My daughter watched a YouTube video about volcanoes and now wants to be a geologist.",
        "Our patient's grandson made a video about his rehab on TikTok. So proud of him!",
    ],
)
def test_not_unreliable_source_in_other_words(text: str) -> None:
    assert UNRELIABLE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Did you know around half of all adults have high blood pressure and don't know it?",
        "Vitamin C has been shown to shorten colds in multiple trials.",
        "Obesity in children has tripled since the 1980s.",
        "Every cigarette takes 11 minutes off your life.",
        "Berberine works just as well as metformin for blood sugar.",
        "A third of all patients stop their statin within a year.",
        "65% of heart attacks happen in people with normal cholesterol.",
        "Kids who sleep less than 8 hours are twice as likely to be obese.",
        "Keyhole repair has the same survival and a quicker recovery, so ask for it.",
        "People who walk every day live 7 years longer on average.",
    ],
)
def test_unsourced_claim_in_other_words_is_found(text: str) -> None:
    assert UNSOURCED in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        # a source in brackets or a named public body
        "1 in 8 women will develop breast cancer (Breast Cancer Now, 2023).",
        "1 in 4 adults will have a mental health problem this year (Mind, 2022).",
        "About 1 in 10 adults has diabetes, says the International Diabetes Federation.",
        # asked, denied or reported rather than claimed
        "Does turmeric cure arthritis? No, and it can interact with blood thinners.",
        "Garlic won't cure your high blood pressure. Keep taking your tablets.",
        "A friend posted that raw honey cures hay fever; there's no good evidence for that.",
        # the practice's own figures, prices, comparisons of gadgets
        "Our clinic saw 30% more flu patients this week than last. Book your jab!",
        "20% of proceeds from our bake sale go to the children's ward.",
        "This cheap thermometer works as well as the expensive ones.",
    ],
)
def test_not_unsourced_claim_in_other_words(text: str) -> None:
    assert UNSOURCED not in carecast.check(text).rules()
