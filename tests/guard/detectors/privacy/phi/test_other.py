"""privacy.phi.other: unique roles, marks, photos, and replies that confirm a patient."""

from __future__ import annotations

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.other"
REPLY = {"channel": "x", "reply_to": "@sam"}


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        (
            "Treated the mayor's wife for a broken ankle in the ER last night.",
            "the mayor's wife",
            None,
        ),
        (
            "The town's only female firefighter came in after the blaze.",
            "The town's only female firefighter",
            None,
        ),
        ("My patient has a tattoo of a dragon across his back.", "tattoo of a dragon", None),
        ("Posting a photo of the patient after her surgery.", "photo of the patient", None),
        ("Glad you're feeling better since your visit with us!", "your visit with us", REPLY),
        (
            "Good to hear from you! When you came in last week your BP was great.",
            "When you came in",
            REPLY,
        ),
    ],
)
def test_unique_details_are_found(text: str, part: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor announced a new vaccination drive.",
        "Tattoo aftercare: keep it clean and moisturised.",
        "Our town's new pediatric clinic opens Monday.",
        "Flu season is here; get vaccinated.",
        "Twins run in some families more than others.",
        "Triplets are more common after IVF.",
        "Biometric screening for staff is open this week.",
    ],
)
def test_not_unique_details(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our pt from the I-90 bus crash went home after surgery.", "the I-90 bus crash"),
        (
            "The boy who collapsed at the county fair last weekend is out of the ICU.",
            "collapsed at the county fair last weekend",
        ),
        ("58F, former WNBA guard for the Sparks, presenting with knee pain.", "WNBA guard"),
        ("My patient with the glass eye he winks with is back for a check.", "glass eye"),
        ("Surgery day for our pt Dev! (video w/ his full face, consent on file)", "full face"),
        ("Mr. Oyelaran, who you met in May, is a patient of ours.", "is a patient of ours"),
        ("Bongani, saw your labs this morning and your kidneys look better.", "saw your labs"),
        ("So good to see you at your follow-up yesterday, Tess!", "see you at your"),
    ],
)
def test_events_roles_photos_and_confirmations(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "The I-70 bridge repair starts Monday; plan extra time to reach the clinic.",
        "Walking in at 92 should be an Olympic event. Stay active, everyone.",
        "Before and after meals, check your sugar if your care team asked you to.",
        "Anyone who is a patient of ours can book flu shots online.",
    ],
)
def test_events_and_roles_without_a_patient(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        # a deed that marks one person
        (
            "The woman who swam the Channel last summer came in today with a shoulder injury.",
            "The woman who swam the Channel",
            None,
        ),
        (
            "Remember the guy who drove his mower onto the motorway? He's recovering on our unit.",
            "the guy who drove his mower onto the motorway",
            None,
        ),
        ("The patients from the minibus crash on the A9 are all stable.", "minibus crash", None),
        (
            "The aunty who sells puff-puff outside the school gate came in with chest pain.",
            "sells puff-puff outside the school gate",
            None,
        ),
        # roles that are one person's in a community
        (
            "Our patient is the village's only blacksmith; he burnt his hand at the forge.",
            "the village's only blacksmith",
            None,
        ),
        (
            "The town's favourite lollipop lady was admitted after a fall this morning.",
            "The town's favourite lollipop lady",
            None,
        ),
        ("Treated the retired headmaster for chest pain today.", "the retired headmaster", None),
        ("Treated the retired surgeon from the old infirmary for a hip fracture.", "surgeon", None),
        ("Our patient is a former Paralympic rower and out-lifts the physios.", "Paralympic", None),
        (
            "She was the pastry chef at a fancy hotel in Mayfair before her stroke.",
            "chef at a fancy hotel in Mayfair",
            None,
        ),
        (
            "He runs the chip shop by the harbour and sent the ward fish suppers after discharge.",
            "runs the chip shop by the harbour",
            None,
        ),
        # looks and marks
        (
            "The one with the purple hair from last night's shift is back for her stitches out.",
            "The one with the purple hair",
            None,
        ),
        (
            "His granddaughter's birth date is inked across his chest; he showed us at his ECG.",
            "inked across his chest",
            None,
        ),
        # a home's codes and network, a face on camera
        ("Key safe code is 5521 for the district nurses, pt can't get to the door.", "5521", None),
        (
            "During the telehealth visit with my patient her wifi name was TheOkaforsAtNo9.",
            "TheOkaforsAtNo9",
            None,
        ),
        ("Sharing with consent: the picture shows her face after surgery.", "shows her", None),
        # replies that confirm care
        ("Lovely to see you and Tom at the 12-week scan!", "see you and Tom at the", REPLY),
        ("Dev, you were the funniest patient on our ward, good luck at college!", "patient", REPLY),
        ("lovely to see u at ur physio session today!! 💪", "see u at ur physio session", REPLY),
        (
            "It was an honour looking after your grandad last week 💙",
            "looking after your grandad",
            REPLY,
        ),
        (
            "Thank you for trusting us with your delivery, Nkem!",
            "trusting us with your delivery",
            REPLY,
        ),
        ("Your dad was such a gentleman on our ward, we'll miss him.", "on our ward", REPLY),
        (
            "Priti, we missed you at your smear appointment this morning.",
            "missed you at your",
            None,
        ),
        (
            "RIP Len. He was one of our favourite patients for 20 years.",
            "one of our favourite",
            None,
        ),
        (
            "Quietly treating the lead singer of the Red Lanterns this week 🤐",
            "lead singer of the",
            None,
        ),
    ],
)
def test_deeds_roles_marks_and_confirmations(
    text: str, part: str, context: dict[str, str] | None
) -> None:
    report = carecast.check(text, context)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("The president signed the bill capping insulin costs for people on Medicare.", None),
        ("The mayor of Dubbo opened the new dialysis unit today.", None),
        ("The guy who invented the stethoscope was too shy to listen to chests.", None),
        ("The lady who runs the cafe by the station makes the best scones.", None),
        ("The owner of the cafe next door donated coffee to the night shift.", None),
        ("Olympic athletes get injured too: warm up before the parkrun.", None),
        ("The local pharmacist can advise on hay fever tablets.", None),
        ("Shout out to our star midwife for her 1000th delivery!", None),
        ("Welcome our new nurse practitioner, Sam, to the team!", None),
        ("Tattoo aftercare 101: keep it clean and moisturised.", None),
        ("The sweetest tattoos are the ones with a story.", None),
        ("I ran the numbers on our clinic's no-show rate: 12% this quarter.", None),
        ("Please bring any questions about your dose up at your next visit.", REPLY),
        ("Please don't share your medical records in the comments.", None),
        ("Looking after your mental health matters too: take the breaks you're owed.", None),
        ("See you at the health fair on Saturday!", REPLY),
        ("The head coach of the Buckeyes spoke at our heart health fundraiser.", None),
    ],
)
def test_not_deeds_roles_or_marks(text: str, context: dict[str, str] | None) -> None:
    assert RULE not in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    "text",
    [
        "The Apgar score tells us how a baby copes with the first minutes of life.",
        "Our heart failure group meets the first Monday of every month in the library.",
    ],
)
def test_the_first_of_a_time_is_no_unique_detail(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
