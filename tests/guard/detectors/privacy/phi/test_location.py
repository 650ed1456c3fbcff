"""privacy.phi.location: places below state level tied to a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.location"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mrs. Alvarez in bed 4 is doing better", "bed 4"),
        ("The patient in room 12 is asking for more blankets.", "room 12"),
        ("Bay 3 needs a portable x-ray.", "Bay 3"),
        ("Home visit at 77 Hollow Creek Lane for a patient with COPD.", "77 Hollow Creek Lane"),
        ("My patient drove in from Dayton for her follow-up.", "Dayton"),
        ("A Tulsa man came in with frostbite.", "Tulsa"),
        ("My patient from Chillicothe, Ohio is recovering well.", "Chillicothe"),
        ("Pt lives in Franklin County and has no car.", "Franklin County"),
        ("Bloke came in yesterday arvo from Coonabarabran with a snake bite.", "Coonabarabran"),
        ("A retired farmer from Ashville, aged 93, came in with a fall.", "Ashville"),
        (
            "Our pt was discharged to the Maple Grove group home yesterday.",
            "Maple Grove group home",
        ),
        (
            "The kid from Westerville South High who collapsed at practice is stable.",
            "Westerville South High",
        ),
        (
            "Drove past Mr. Abernathy's place on County Road 12, he was out mowing.",
            "County Road 12",
        ),
        (
            "The guy who came into urgent care with a fork in his ear: yes you, Luca from Modena.",
            "Modena",
        ),
        (
            "Locum diary, week 3. I'm covering a practice in a small village outside Penrith "
            "where everyone knows everyone. The surgery has one GP, two nurses and a dog. "
            "The waiting room has a wood stove and a jigsaw that nobody finishes. "
            "Saw Mr. Tomlinson this morning for his ticker; his daughter nagged him into it.",
            "Penrith",
        ),
        ("Patient's ZIP code is 43085.", "43085"),
    ],
)
def test_locations_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Flu cases are rising across Ohio this month.", None),
        ("The Midwest has seen a spike in measles.", None),
        ("Our clinic has 12 exam rooms and 40 beds.", None),
        ("Room temperature storage is fine for this vaccine.", None),
        ("Visit us at 2200 Mill Creek Road for walk-in flu shots.", PRACTICE),
        ("Lakeside Family Health is in Columbus, Ohio.", PRACTICE),
        ("Friendly reminder from Lakeside: book your flu shot.", PRACTICE),
        ("Our new office on Route 9 opens next week!", None),
        ("Traffic on I-71 is terrible, patients may be late today.", None),
        ("Patients from Columbus and Dayton joined our diabetes class.", None),
        ("My patient came in from Zumba class dizzy.", None),
        ("A mom from Nextdoor asked about measles in our area.", None),
        ("A resident from Cleveland Clinic rotated with us this month.", None),
        ("Stress levels are running High for patients this season.", None),
        ("Lakeside Family Health patients can now book online.", PRACTICE),
    ],
)
def test_not_patient_locations(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a shop, house or landmark placed by a street or a feature
        (
            "Saw my old patient on the till at the Aldi on Kingsway, so well after his hip op.",
            "the Aldi on Kingsway",
        ),
        (
            "The Tesco by the roundabout is where she collapsed before the ambulance came.",
            "The Tesco by the roundabout",
        ),
        (
            "Home visit to the blue bungalow on Orchard Close, pt brighter on the new meds.",
            "the blue bungalow on Orchard Close",
        ),
        # a home on a street, and the town after it
        (
            "Our pt, who lives at home on Larch Avenue in Stockbridge, has had three falls.",
            "Stockbridge",
        ),
        # a titled person's place, a signed testimonial, a district before a postcode
        ("Mr. Adeyemi of Ilesha sends his thanks to the ward team for getting him home.", "Ilesha"),
        ("'Kind and thorough every time' - J. Whitlock, Chorley, patient since 2015", "Chorley"),
        ("A card from the family of Mrs. Okoye, Peckham, SE15 4QN, for our ward.", "Peckham"),
        ("My patient from the Gorbals brought me tablet for Christmas.", "the Gorbals"),
        # wards, units and the home a room is in
        ("Grandma Ines died peacefully on 4 West this morning with her daughters there.", "4 West"),
        ("He spent three weeks on Rowan Ward and the nurses still ask about him.", "Rowan Ward"),
        (
            "Our pt in room 9 at Hillcrest keeps pinching the biscuits from the trolley.",
            "Hillcrest",
        ),
        ("Big Tony in side room 7 asked for his fourth pudding of the day.", "side room 7"),
        (
            "She spent her last days in cottage 2 of our hospice, with the dog on the bed.",
            "cottage 2",
        ),
        ("Mrs. D taught half the town to read at St. Ita's school before her stroke.", "St. Ita's"),
    ],
)
def test_landmarks_wards_and_unlisted_places_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("We'll be at the farmers market on Main St this Saturday with free BP checks!", None),
        ("Grab a coffee at the cafe by the station before our free cholesterol check.", None),
        ("The new Walmart on 3rd Street will host a vaccine drive next week.", None),
        ("Our practice is at 2200 Mill Creek Road, next to the Kroger.", PRACTICE),
        ("I qualified in Lagos and now work as a nurse practitioner in Leeds.", None),
        ("My first job was on a surgical ward in Cork, then I moved to Brisbane.", None),
        ("Bay 2's oxygen outlet is broken again, estates please.", None),
        ("Bay 4 and bay 5 will be closed for deep cleaning on Monday.", None),
        (
            "From a barangay health station in Iloilo to an ICU in Sydney: 15 years of nursing.",
            None,
        ),
        ("Ward 9 staff smashed the hand hygiene audit this month.", None),
        ("Ward 5 is closed to visitors this week due to norovirus.", None),
        ("Tell students: 'a patient in bay 5' is still a person with a name.", None),
        ("The Surgical Ward team is recruiting band 5 nurses.", None),
        ("Meeting in room 4 at noon for all staff.", None),
        ("Thank you to all my patients this year. Sarah Jones, Leeds", None),
        ("I grew up above my dad's chip shop in Leeds; it's why I became a dietitian.", None),
        ("A box of Quality Street from a grateful family kept the night shift going.", None),
        ("Flu rates are climbing in Queensland and New South Wales.", None),
        ("St John's wort interacts with many medicines, including the pill.", None),
        ("St Thomas' Hospital is running a blood drive this weekend.", None),
        ("New to the area? Our practice covers Whitechapel and Bethnal Green.", None),
    ],
)
def test_not_landmarks_wards_or_unlisted_places(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Discharged, readmitted, discharged again. Same patient, same story every month.",
        "She brought cupcakes for the whole ward after her hip op. Best patient ever.",
    ],
)
def test_adjectives_before_patient_are_no_towns(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
