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
        "When the anti-vax mom lectures you about 'toxins' in the waiting room 🙄",
        "Puked on by the 19 y/o in room 6 who 'only had like 4 drinks' 🙄",
        "Another 'allergic to everything except dilaudid' special in bed 12 tonight.",
        "Rant incoming, sorry not sorry: the worried well clogging up my clinic with colds.",
        "tfw ur pt's insta is public and he's doing keg stands after his appendectomy",
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
        "Discharged my 92yo from bay 4 today. She told me to find a husband 😂 love her",
        "You're entitled to your records under HIPAA: ask the front desk for the form.",
        "He apologised to me for wasting my time, and I still think about him.",
        "Our special needs clinic runs on Tuesdays.",
    ],
)
def test_not_patient_criticism(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        # blame turned round: "and then they complain / act shocked / wonder why"
        "Folks who refuse to take their BP meds and then complain about the stroke, spare me.",
        "Ah these patients sha. You explain everything and they still buy herbal mixture."
        " Then they come back crying.",
        "My diabetic patients who eat cake all day and then wonder why their sugars are 20 🤡",
        "the lad in cubicle 2 who hasn't brushed in a year and is SHOCKED about the abscess",
        # a kind of patient is "the worst"; insults in other Englishes
        "These patients are the worst, always arguing with the doctor after reading forwards.",
        "Kindly note: patients who come to OPD without old reports are wasting everyone's time.",
        "Honestly some parents just don't want to listen. Told her three times, still no inhaler.",
        "The drinkers on our ward are the worst, always off the unit with their cannulas in.",
        "Yet another 'allergic to codeine' patient who takes co-codamol at home. Righto.",
        # eye-roll at a person who is not named as a patient
        "someone keeps ringing reception demanding her sick note a week early 🙄",
        "He's rolled in pissed again, same excuse as last week 🙄",
        "Bless her heart, she thinks essential oils will sort out her A1c 🙄",
        # several small signs of sarcasm around a patient
        "Patient in bay 6 has buzzed 30 times tonight for a blanket. Sure thing, chief 🙃",
        "Mr. T in cubicle 4 swears he only had 'two pints'. Third time this week, mate.",
    ],
)
def test_patient_criticism_in_other_words_is_found(text: str) -> None:
    assert RULE in carecast.check(text).rules()


@pytest.mark.parametrize(
    "text",
    [
        # denied, said of oneself, or quoted in order to reject it
        "My patients are not lazy; they are exhausted, underpaid and juggling three jobs.",
        "Parents, you are not annoying when you ring about a fever. That's what we're for.",
        "Never feel like you're wasting our time. If something feels wrong, come in.",
        "I'm the frequent flyer of the hospital canteen at this point ☕",
        "Stop calling patients 'frequent flyers'. They come back because needs aren't met.",
        "'Drug seeking'? Or undertreated pain? Ask before you judge.",
        # aimed at a system, a company, staffing or one's own family
        "Short-staffed again on nights 🙄 six patients each, management please listen.",
        "Insurance denied my patient's MRI again 🙄 the system is broken.",
        "The way this system treats patients with chronic pain is pathetic.",
        "Pharma hiking inhaler prices again is disgusting. My patients are rationing.",
        "My toddler had a meltdown over the wrong colour cup this morning 🙄",
        "To whoever parked across the ambulance bay: your mum's fine in bay 3. now MOVE it 🙃",
        # warmth, compassion and plain usage
        "Bless his heart, my 90-year-old patient brought me tomatoes from his garden 🥹",
        "Patients who feel hopeless after a diagnosis deserve time and kindness.",
        "Crazy how resilient my patients are. One walked out of rehab today after 3 months.",
        "It's exhausting for patients to navigate prior authorisations.",
        "Love it when my patients come back to tell me they've quit smoking! So proud.",
        "lol my patient just taught me a new word in Yoruba, best part of the job",
        "Shoutout to our regular who brings cake every time he comes in for his INR 🍰",
        "Gross motor delays in toddlers: when should parents worry?",
        "The people who eat oily fish twice a week have dramatically fewer heart attacks.",
        "Lola means grandma in Tagalog and every patient over 80 on my ward gets called it.",
    ],
)
def test_not_patient_criticism_in_other_words(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Anti-vax mums on the ward are getting dumber by the week.", None),
        (
            "Heavy drinkers who then blame me when their liver packs in. So tired of these people.",
            None,
        ),
        (
            "Maybe if you'd taken the pills like you were told you wouldn't be back. Just saying.",
            {"channel": "x", "reply_to": "@deb_k"},
        ),
        (
            "Bay 6 pressed the call bell 30 times since midnight. For the remote. On his chest. 🙃",
            None,
        ),
        ("a grown man walks in with a coin stuck up his nose 💀 sir u are FORTY", None),
        ("if you've smoked since you were 12, don't whine to me about your lungs.", None),
    ],
)
def test_more_contempt_for_patients(text: str, context: dict[str, str] | None) -> None:
    assert RULE in carecast.check(text, context).rules()


@pytest.mark.parametrize(
    "text",
    [
        "Drug-seeking behaviour is often untreated pain. Assess, don't label.",
        "Our parents' group has asked about it again and again, so here is a guide.",
        "maria in bed 3 taught me card games at 4am and beat me at every single one 😂",
    ],
)
def test_idioms_and_clinical_terms_are_no_contempt(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
