"""privacy.phi.name: patients' and relatives' names, never eponyms, drugs or staff."""

from __future__ import annotations

from pathlib import Path

import pytest
from phi_assertions import covered

import carecast
from carecast.guard.detectors.privacy.phi.name_lists import outermost
from carecast.guard.findings import Finding

RULE = "privacy.phi.name"
PRACTICE = carecast.load_policy(Path(__file__).parents[4] / "data" / "practice.yaml")
REPLY = {"channel": "x", "reply_to": "@jake_runs"}


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        ("Mrs. Alvarez in bed 4 is doing better", "Mrs. Alvarez", None),
        ("Saw Mr. K. in clinic today, his gout is better.", "Mr. K", None),
        ("Pt label read SMITH, JOHN and the wristband matched.", "SMITH, JOHN", None),
        ("My patient Jake finally quit smoking.", "Jake", None),
        ("Her daughter Emily drove her to every chemo appointment.", "Emily", None),
        ("Maria, 45, came in with chest pain.", "Maria", None),
        ("Sarah Connor came in with a broken wrist.", "Sarah Connor", None),
        ("Miss Daisy in room 12 loves her puzzles.", "Miss Daisy", None),
        ("pt J.D. was discharged home.", "J.D.", None),
        (
            "The Nguyen family brought cookies to the ICU after their dad's discharge.",
            "Nguyen",
            None,
        ),
        ("Mrs. Alvarez is better today. Alvarez says thanks to the night team.", "Alvarez", None),
        ("Congrats on finishing chemo, Jake!", "Jake", REPLY),
        ("Pt Adaeze Nwosu called from the ward asking about her labs.", "Adaeze", None),
        ("Her name was Aaliyah. Hug your kids tonight.", "Aaliyah", None),
        ("Thanks to Lily in room 5 for the belly rubs!", "Lily", None),
        ("'Baby Boy Hernandez' finally has a name!", "Baby Boy Hernandez", None),
        ("ID bands for the Singh twins were left at the printer.", "Singh", None),
        ("A card from the Okonkwo-Briggs family: their son is home.", "Okonkwo-Briggs", None),
        ("Ramesh uncle finished his 500th dialysis today.", "Ramesh", None),
        ("Shri Ramesh Iyer has been with us for 15 years of dialysis.", "Shri Ramesh Iyer", None),
        ("Welcome Priyanka and Arjun Mehta's baby girl, born today!", "Priyanka", None),
        ("Her mama Chiamaka said we could share her NICU story.", "Chiamaka", None),
        ("Hope Oliver's ear is feeling better!", "Oliver", REPLY),
        ("So glad you're on the mend Kasia!", "Kasia", REPLY),
        ("Discharged today after 3 weeks, so proud of you Fatima 💙", "Fatima", None),
        ("Frequent visitor Darnell W. triaged to the chairs again.", "Darnell W.", None),
    ],
)
def test_names_are_found(text: str, part: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Huntington's disease awareness month is in May.", None),
        ("Crohn's disease flares can be managed with the right plan.", None),
        ("Bell's palsy usually improves within weeks.", None),
        ("Murphy's sign was positive.", None),
        ("Apgar score of 9 at five minutes.", None),
        ("Parkinson's disease affects movement and mood.", None),
        ("Patients with Huntington's disease benefit from early genetic counselling.", None),
        ("Taking metformin with food can help with stomach upset.", None),
        ("Tom Hanks talked about his type 2 diabetes in an interview.", None),
        ("Dr. Priya Natarajan will be speaking at the health fair.", PRACTICE),
        ("Nurse Jenna Holt gave 40 flu shots today.", PRACTICE),
        ("My patient said Marcus Reyes was so kind at check-in.", PRACTICE),
        ("Dr. Okafor and Dr. Natarajan covered the night shift.", PRACTICE),
        ("The Patient Safety team meets on Friday.", None),
        ("See J. Smith et al. for the trial data on statins.", None),
        ("Thanks Everyone for coming to the health fair!", None),
        ("The Mayo Clinic has a good page on migraines.", None),
        ("Welcome Dr. Natarajan and Nurse Holt to the team!", PRACTICE),
    ],
)
def test_not_patient_names(text: str, policy: carecast.Policy | None) -> None:
    assert RULE not in carecast.check(text, policy=policy).rules()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Aunty Bisola brought puff-puff for the night shift before her discharge.", "Bisola"),
        ("Tita Marites was admitted last night with chest pain, praying for her.", "Marites"),
        ("Jasmine's cleft lip repair went beautifully in surgery today.", "Jasmine"),
    ],
)
def test_kinship_titles_and_possessives(text: str, part: str) -> None:
    report = carecast.check(text)
    found = [(f.rule, f.text) for f in report.findings]
    assert covered(report, text, part, "privacy.phi.name"), found


def reply(handle: str) -> dict[str, str]:
    return {"channel": "x", "reply_to": handle}


@pytest.mark.parametrize(
    ("text", "part", "context"),
    [
        # lower-case names in texting style, after a care verb or before a bed
        ("saw jess again today, her sugars are finally behaving", "jess", None),
        ("thabo in bay 6 keeps asking for his radio lol", "thabo", None),
        ("tobenna's mum says the new inhaler is working", "tobenna", None),
        # names in no list, after a cue that marks a person
        ("Nkiruka (82) came in with another fall, third this month.", "Nkiruka", None),
        ("Bongani, a 61-year-old taxi driver, was admitted with chest pain.", "Bongani", None),
        ("Chinonso is the 6yo we saw for his wheeze, and he is thriving.", "Chinonso", None),
        ("Olumide's mum rang the ward twice about his antibiotics.", "Olumide", None),
        ("@ward: Dervla in bay 3 needs her obs at 2.", "Dervla", None),
        ("We discharged Rizalyn today after three weeks on the ward!", "Rizalyn", None),
        ("Update for all asking about Ekene: he's out of the ICU!", "Ekene", None),
        ("the Brannigan account got flagged by the portal again, poor pt", "Brannigan", None),
        ("the pt had her son's name 'Dumebi' inked on her wrist", "Dumebi", None),
        # other voices: kinship titles, initials with an age or a bed, a caller's name
        ("Manang Tessie is our longest dialysis patient, 12 years!", "Tessie", None),
        ("Alhaji Musa came for his BP check with his grandson.", "Musa", None),
        ("S.M., 74, had her hip done yesterday and is already walking.", "S.M.", None),
        ("M.K. in bed 9 wants his tea NOW.", "M.K.", None),
        (
            "voicemail from a pt: 'hiya it's Maureen, ring me about my water tablets'",
            "Maureen",
            None,
        ),
        ("Next of kin on file: 'Shaz 07712 345678', no surname. Classic.", "Shaz", None),
        ("#PrayForChidera, she's in theatre now", "Chidera", None),
        ("we're not cross, Agnieszka, we just need your bloods done.", "Agnieszka", None),
        ("Gupta ji refused his insulin again until we found him some chai", "Gupta", None),
        ("Ate Rowena finally agreed to her mammogram!", "Rowena", None),
        ("saw mrs t in clinic again, her leg ulcer is finally healing", "mrs t", None),
        ("Shout out to Winifred on ward 5 who is 103 today!", "Winifred", None),
        ("Pray for little Oluwatobi, he's in PICU tonight", "Oluwatobi", None),
        # a surname that is also an eponym, beside other numbers and possessives
        ("Login alerts on Ayesha Thompson's chart again, the pt rang to complain.", "Ayesha", None),
        ("Patient Viktor Hale, SSN 123-45-1876, needs his forms faxed today.", "Viktor Hale", None),
        (
            "Mr. Murphy's wife brought cake. My patient Rhona Murphy came in with gout.",
            "Rhona Murphy",
            None,
        ),
        # replies: the person replied to, spelled by the handle, and who came with them
        ("Kemi, your mum's scan came back clear 💛", "Kemi", reply("@kemi_adebayo")),
        ("kemi!!! so good to see you at your booking appointment", "kemi", reply("@kemiade")),
        ("Lovely to meet you and Tunde at the 12-week scan!", "Tunde", reply("@sade_o")),
        ("So sorry about your grandad, Seamus. He was a gem on our ward.", "Seamus", reply("@sob")),
        # an e-mail address spelling a relative's name, said again
        (
            "a pt's son emailed the ward from nnamdi.eze@example.com at 2am. yes Nnamdi, she's ok",
            "Nnamdi",
            None,
        ),
        # a patient sharing a staff member's surname or first name
        (
            "Mr. Felix Okafor (no relation to our doctor) went home today after his stroke.",
            "Felix",
            None,
        ),
    ],
)
def test_names_in_more_wordings(text: str, part: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context, PRACTICE)
    found = [(f.rule, f.text) for f in report.findings]
    assert covered(report, text, part, RULE), found


def test_patient_sharing_a_staff_first_name() -> None:
    text = "Priya is the 7yo we saw for her eczema review, and she's now the class expert."
    report = carecast.check(text, None, PRACTICE)
    assert covered(report, text, "Priya", RULE)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # placeholders, invented and historical people, eponyms
        ("Example chart entry: Jane Doe, seen for a cough, no allergies.", None),
        ("On our forms John Q. Public is the example patient.", None),
        ("Joe Bloggs is the name we use on training records.", None),
        ("Teaching case, hypothetical: Mr. Jones, 58, presents with fever.", None),
        ("Case study (fictional): Maria, 45, with new-onset headaches.", None),
        ("Thomas Hodgkin described the lymphoma that bears his name in 1832.", None),
        ("Asperger's is now part of the autism spectrum diagnosis.", None),
        ("Hashimoto's thyroiditis is common in women over 40.", None),
        ("Apgar scores were designed by Virginia Apgar in 1952.", None),
        ("The Epley manoeuvre can fix BPPV in minutes.", None),
        # staff, the author's own name and signature
        ("Dr. Priya Natarajan runs the diabetes clinic this Thursday.", None),
        ("Marcus Reyes at our front desk has worked here ten years.", None),
        ("Ada Okonjo, RN, BSN. Views my own. Hydrate in this heat!", None),
        ("My name is Tolu and I'm a community pharmacist. Ask me about statins!", None),
        # words that only look like names
        ("Lolo is the Ilocano word for grandfather; I hear it on every ward round.", None),
        ("We saw over 40 patients today, exhausted.", None),
        ("The lady in bed 10 taught me to knit.", None),
        ("The whiteboard in room 4 still says 'NBM' from yesterday.", None),
        ("Lactate (4) on arrival, much better after fluids, pt stable.", None),
        ("Our pt clipped the probe on his teddy. Teddy is satting 100%.", None),
        # public figures, brands and helplines
        ("Serena Williams spoke about her pulmonary embolism after childbirth.", None),
        ("Call Macmillan 0808 808 0000 for cancer support.", None),
        ("#TeamNursing big shift today, drink water", None),
        ("Glad to hear it, thanks for the question about flu jabs!", reply("@flu_q_99")),
        ("King Charles's diagnosis has raised awareness of prostate checks.", None),
        ("Off to Sri Lanka? Book your typhoid jab at least two weeks ahead.", None),
        ("Miss Universe spoke about her eating disorder recovery.", None),
        # replies that confirm no care: they move the talk off the thread or answer a question
        (
            "Hi Janet, please don't share your results publicly; DM us and we'll help.",
            reply("@janet_k"),
        ),
        (
            "Great question, Dev! Flu jabs are available for everyone over 6 months.",
            reply("@dev_c"),
        ),
        ("Hi Aisha, our flu clinic runs every Saturday, no appointment needed.", reply("@aisha_b")),
        ("Thanks Tom! Glad you found the asthma tips useful.", reply("@tom_runs")),
        ("Ohioans, your kids need their back-to-school shots this month.", None),
        ("Nobody in bed 3 tonight, first time in weeks.", None),
        ("Someone's mum left an umbrella in the waiting room.", None),
        ("'Hi, this is the pharmacy calling about your prescription' is a common scam.", None),
        ("#PrayForUkraine: medical supplies are needed at the border.", None),
        ("Call the crisis line on 988 or ring 0800 123 4567 any time.", None),
    ],
)
def test_not_patient_names_either(text: str, context: dict[str, str] | None) -> None:
    report = carecast.check(text, context, PRACTICE)
    assert RULE not in report.rules(), [(f.text, f.explanation) for f in report.findings]


def _at(start: int, end: int) -> Finding:
    return Finding(RULE, "block", start, end, "x" * (end - start), "", "")


def test_outermost_drops_only_findings_a_longer_one_holds() -> None:
    graves, mr_graves, again, elsewhere = _at(4, 10), _at(0, 10), _at(4, 10), _at(20, 25)
    assert outermost([graves, mr_graves, elsewhere]) == [mr_graves, elsewhere]
    assert outermost([graves, again, elsewhere]) == [graves, again, elsewhere]  # same span
    assert outermost([_at(0, 5), _at(3, 9)]) == [_at(0, 5), _at(3, 9)]  # overlapping only
    assert outermost([_at(2, 6), _at(0, 8), _at(1, 7)]) == [_at(0, 8)]


def test_many_patient_names_in_one_long_text_are_each_found() -> None:
    text = "pt John Smith 555-123-4567 " * 400  # thousands of findings: one pass, not n²
    names = [f for f in carecast.check(text).findings if f.rule == RULE]
    assert len(names) == 400


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "Our brave 6-year-old Ezekiel had his stitches out and chose a dinosaur sticker.",
            "Ezekiel",
        ),
        ("A 94 year old Winifred taught the whole ward to play whist.", "Winifred"),
        (
            "Please send Bernadette Quigley get well wishes, her hip replacement went well.",
            "Bernadette Quigley",
        ),
        ("Before and after: Kofi's leg ulcer closed in ten weeks of compression.", "Kofi"),
        (
            "Happy birthday to Agnieszka, who has been coming to this practice for 30 years!",
            "Agnieszka",
        ),
    ],
)
def test_names_with_an_age_or_a_health_word(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "Our 3-year-old Labrador came to the staff barbecue.",
        "A 10-year-old Toyota is parked across the ambulance bay again.",
        "Leg ulcers heal faster with compression: ask your practice nurse.",
        "Happy birthday to our practice, 30 years of coming to work with the best team!",
    ],
)
def test_ages_and_health_words_without_a_patient_name(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Lost: a knitted teddy named Mr. Buttons, last seen by the children's ward lifts.", None),
        ("Yes! Cholera, rabies and travel consults are all available at our clinic.", REPLY),
    ],
)
def test_toys_and_diseases_are_not_names(text: str, context: dict[str, str] | None) -> None:
    assert RULE not in carecast.check(text, context).rules()
