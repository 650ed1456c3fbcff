"""advice.individual and advice.no_referral: talk about medicine, don't do medicine."""

from __future__ import annotations

import pytest

import carecast

INDIVIDUAL = "advice.individual"
NO_REFERRAL = "advice.no_referral"
REPLY = {"channel": "x", "reply_to": "@sam"}


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("You should double your metformin until your sugars come down.", REPLY),
        ("That rash sounds like shingles, start acyclovir.", REPLY),
        ("Take 600 mg ibuprofen every 6 hours for the pain.", None),
        ("Stop your statin if your legs ache.", REPLY),
        ("You should stop taking your blood pressure meds before the trip.", REPLY),
        ("I'd recommend you start 20 mg of omeprazole.", REPLY),
        ("Sounds like you have strep, get some amoxicillin.", REPLY),
        ("You don't need antibiotics for that, it will clear up.", REPLY),
        ("You should double your metformin.", None),
    ],
)
def test_individual_advice_is_found(text: str, context: dict[str, str] | None) -> None:
    assert INDIVIDUAL in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Ibuprofen can upset the stomach, so many people take it with food.", None),
        ("Adults need 7–9 hours of sleep a night.", None),
        ("Everyone 6 months and older should get a flu vaccine every season.", None),
        ("Acetaminophen and ibuprofen work in different ways.", None),
        ("Our clinic now offers walk-in flu shots on Saturdays.", None),
        (
            "I can't say what's going on without examining you; "
            "please see your own doctor about the rash.",
            REPLY,
        ),
        (
            "That sounds hard. Please talk to your GP about whether a dose change "
            "makes sense for you.",
            REPLY,
        ),
        ("Thanks so much for the kind words!", REPLY),
        ("Get your flu shot this fall!", None),
        ("Whatever you do, keep washing your hands and get the jab!", None),
        ("Antibiotics: finish the course, and leftover pills shouldn't be shared.", None),
    ],
)
def test_not_individual_advice(text: str, context: dict[str, str] | None) -> None:
    assert INDIVIDUAL not in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Migraines often get worse with poor sleep and skipped meals.", REPLY),
        ("A fever under 102 usually just needs rest and fluids.", REPLY),
        ("Your cough might last a few weeks after a cold.", REPLY),
        ("You should double your metformin until your sugars come down.", REPLY),
        ("That rash sounds like shingles, start acyclovir.", REPLY),
        ("Stop your statin if your legs ache.", None),
    ],
)
def test_health_answer_without_referral_is_found(text: str, context: dict[str, str] | None) -> None:
    assert NO_REFERRAL in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Great question! Iron is absorbed better with vitamin C. "
            "Talk to your pharmacist about timing it with your other meds.",
            REPLY,
        ),
        ("If the chest pain comes back, call 911.", REPLY),
        (
            "I can't say what's going on without examining you; "
            "please see your own doctor about the rash.",
            REPLY,
        ),
        ("Congrats on the new baby!", REPLY),
        ("Thanks so much for the kind words!", REPLY),
        (
            "So sorry you're both dealing with this. The foundation has good guides, "
            "and his own GI team is the best place for questions about his meds.",
            REPLY,
        ),
        ("Adults need 7-9 hours of sleep a night.", None),
        ("Ibuprofen can upset the stomach; take it with food.", None),
    ],
)
def test_not_missing_a_referral(text: str, context: dict[str, str] | None) -> None:
    assert NO_REFERRAL not in carecast.check(text, context).rules()


# Constructions clinicians use when advising one person, in several voices and professions.
@pytest.mark.parametrize(
    ("text", "context"),
    [
        # a multi-word drug name counts as medical in an instruction
        ("Bro, try doubling up on the ferrous fumarate, one with breakfast and one at tea.", REPLY),
        # disease names by their endings, after a word of certainty
        ("that's definitely bursitis, rest it and keep the weight off it", REPLY),
        ("You've got textbook golfer's elbow. Wrist curls, three sets, every evening.", REPLY),
        # a dose changed by a bare number or a dose
        ("knock her down to 2.5 and the dizziness should settle", REPLY),
        ("id bump him up to 40mg, 20 is nothing for a grown man", REPLY),
        ("Reduce your levothyroxine dose by half and recheck in a month.", REPLY),
        # telling one person what they need to be on
        ("Bro you need to be on something for that BP, honestly.", REPLY),
        ("you need 1000mg of vitamin C daily till it clears", REPLY),
        ("Your son needs antibiotics for that ear, ask the chemist for amoxicillin.", REPLY),
        ("You can be off your blood pressure pills in a month if you do keto.", REPLY),
        ("I'd put her on a PPI for a month, omeprazole 20 every morning.", REPLY),
        # a certain verdict on someone's symptoms
        ("Your daughter's wheeze and night cough are most likely asthma.", REPLY),
        ("Your little one's barking cough at night is almost certainly croup.", REPLY),
        ("Physio here: that's a grade 2 ankle sprain. Strap it for a fortnight.", REPLY),
        # a dose with its frequency, a plan for one complaint
        ("amoxicillin 500mg three times a day for 5 days should settle that tooth", REPLY),
        ("For your lower back pain - bridges and cat-cow, 2 sets daily for three weeks.", REPLY),
        # a worry waved away
        ("No need to get that looked at, moles like that are harmless.", REPLY),
        (
            "Midwife here - at 32 weeks that tightening is just practice contractions, "
            "nothing to worry about.",
            REPLY,
        ),
        # imperatives after a word of address or a texting hedge
        ("sis go off the metformin for a bit and see if the runs stop", REPLY),
        ("hun def come off the mini pill if the spotting is that bad", REPLY),
        ("Nah mate, ditch the ibuprofen with your kidneys, paracetamol only.", REPLY),
        # posts that answer one person without being replies
        ("@jo_runner stop the naproxen and take paracetamol 1g four times a day", None),
        (
            "To the dad who asked about his toddler's constipation: give him 5ml of lactulose "
            "every morning.",
            None,
        ),
        (
            "This week's question from a reader: 'My knee clicks when I squat.' "
            "Answer: that's patellofemoral pain syndrome. Do wall sits 3x a day.",
            None,
        ),
    ],
)
def test_individual_advice_in_other_words(text: str, context: dict[str, str] | None) -> None:
    assert INDIVIDUAL in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("If you have diabetes, check your feet daily and see your podiatrist yearly.", None),
        ("If you've got asthma, make sure your inhaler technique is checked every year.", REPLY),
        ("Don't stop your antidepressant suddenly; talk to your prescriber about tapering.", None),
        ("It's flu season, so get your jab if you're eligible!", REPLY),
        ("It's definitely worth a flu jab this year.", REPLY),
        ("If it's a virus, antibiotics won't touch it. Your own doctor can tell you which.", REPLY),
        ("That's a really good point about shingles. The vaccine is free at 70.", REPLY),
        ("The max dose of paracetamol for adults is 4g a day; ask your pharmacist.", REPLY),
        ("It's just a reminder text from our system, nothing to worry about 😊", REPLY),
        ("No need to call the surgery to confirm, we'll text you the day before.", REPLY),
        ("Hi Pat, we can move it to 3. See you then!", REPLY),
        ("Thanks for asking! That's why we run diabetes awareness week every November.", REPLY),
        ("For your diary: our menopause cafe is on the 3rd, 7pm, free for everyone.", REPLY),
        ("Our Bohemia Road clinic reopens Monday.", None),
        ("Naloma Health is hiring a receptionist! Apply by Friday.", None),
        ("Exercise is definitely good for arthritis, keep it up!", REPLY),
        # a post to everyone: "you" is any reader
        ("Take your statin at the same time each evening so it becomes a habit.", None),
        ("Heatwave: drink water through the day and keep your curtains shut after lunch.", None),
        ("To the patient who leaves us cake every Friday: you're a legend.", None),
    ],
)
def test_general_health_education_is_not_individual_advice(
    text: str, context: dict[str, str] | None
) -> None:
    assert INDIVIDUAL not in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Your ferritin of 14 is at the bottom of the normal range.", REPLY),
        ("breastfed newborns can feed every two hours and that's expected 💛", REPLY),
        (
            "They do ease off for most women, hang in there! Layers and a fan by the bed help.",
            {"channel": "x", "reply_to": "hot flushes every night for months, will they stop?"},
        ),
        (
            "To the person who asked about their cholesterol result: 5.5 is borderline and "
            "diet changes often bring it down.",
            None,
        ),
        ("Same active ingredient in both, so the supermarket version works just as well.", REPLY),
    ],
)
def test_health_answer_in_other_words_without_referral(
    text: str, context: dict[str, str] | None
) -> None:
    assert NO_REFERRAL in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Sorry your knee's still sore! Message us and we'll find you a physio slot.", REPLY),
        ("Lovely to see you at the diabetes walk on Sunday, Jo! 💚", REPLY),
        ("The dietitian in your kidney team can tailor a potassium plan with you.", REPLY),
        ("Go to the nearest hospital if the pain spreads to your arm.", REPLY),
        (
            "Evidence is thin for that one. The NHS has a good page: nhs.uk/live-well",
            {"channel": "x", "reply_to": "do cold showers boost immunity against flu?"},
        ),
    ],
)
def test_pointer_or_pleasantry_is_not_missing_a_referral(
    text: str, context: dict[str, str] | None
) -> None:
    assert NO_REFERRAL not in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    "text",
    [
        "From the picture that's impetigo, poor thing. Keep her off nursery till it crusts.",
        "Barking cough at night? Give him a single dose of prednisolone syrup 10 mg.",
        "Honestly a ferritin of 14 is on the low side, a basic iron tablet will sort it.",
        "You'll be fine to fly a week after the keyhole surgery, no stress.",
        "If your sugars are still over 12 on metformin 500, just double it to 1000.",
        "An A1c of 6.4 is basically normal, I wouldn't bother starting tablets for that.",
    ],
)
def test_more_advice_to_one_person(text: str) -> None:
    assert INDIVIDUAL in carecast.check(text, REPLY).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Croup is common in toddlers and usually settles in a few days; see your GP if worried.",
        "It is normal to feel tired for a day or two after a vaccine.",
    ],
)
def test_general_talk_about_conditions_is_no_individual_advice(text: str) -> None:
    assert INDIVIDUAL not in carecast.check(text).rules()
