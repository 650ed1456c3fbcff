"""A deterministic corpus of clinician social-media posts for benchmarks.

Posts are built from hand-written sentence frames whose ``{slots}`` are filled
with names, drugs, cities, dates and numbers drawn from a seeded random generator,
so the same ``seed`` always gives the same posts. Frames cover clean education,
event announcements, encounter stories that leak patient details (names, dates,
ages, rooms, phones, emails, record numbers, URLs, IP addresses), replies,
promotions, myths, venting and community posts. Extra sentences, tips and hashtags
are appended to spread lengths over 40–600 characters.

    >>> from corpus import build_corpus
    >>> posts = build_corpus(10_000)
    >>> len(posts)
    10000

Run it to see a few posts: ``python bench/corpus.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

MIN_CHARS = 40
MAX_CHARS = 600
DEFAULT_SEED = 20240501

# --- slot values -------------------------------------------------------------------

# fmt: off
FIRST_NAMES = (
    "Maria", "James", "Aisha", "Wei", "Carlos", "Fatima", "John", "Linda", "Dmitri",
    "Priya", "Kwame", "Sofia", "Liam", "Olivia", "Noah", "Emma", "Mateo", "Hannah",
    "Yusuf", "Grace", "Ethan", "Chloe", "Diego", "Mei", "Omar", "Ruth", "Samuel",
    "Ingrid", "Tomas", "Beatriz", "Harold", "Dolores", "Walter", "Agnes", "Frank",
    "Esther", "Vincent", "Rosa", "Arthur", "Mildred", "Kenji", "Leila", "Marcus",
    "Nadia", "Patrick", "Thandiwe", "Victor", "Wanda", "Xavier", "Yolanda", "Zane",
    "Bernadette", "Clifford", "Delphine", "Eugene", "Florence", "Gustavo", "Hyun",
    "Irene", "Jorge", "Kathleen", "Lorenzo", "Magnus", "Nkechi", "Oksana", "Pedro",
)
LAST_NAMES = (
    "Alvarez", "Nguyen", "Okafor", "Smith", "Johnson", "Kowalski", "Patel", "Garcia",
    "Chen", "Murphy", "Rossi", "Haddad", "Olsen", "Fitzgerald", "Tanaka", "Mbeki",
    "Schneider", "Brennan", "Delgado", "Ivanova", "Lindqvist", "Moreau", "Nakamura",
    "O'Brien", "Petrov", "Quintero", "Ramirez", "Sullivan", "Thompson", "Underwood",
    "Vasquez", "Whitaker", "Yamamoto", "Zielinski", "Abernathy", "Bianchi", "Castillo",
    "Dubois", "Eriksen", "Ferreira", "Gallagher", "Hoffman", "Iqbal", "Jablonski",
    "Kaur", "Lombardi", "McAllister", "Novak", "Osei", "Park", "Reyes", "Santos",
)
HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs")
STAFF_TITLES = ("Dr.", "Nurse", "our PA", "our NP", "Pharmacist")
DRUGS = (
    "metformin", "lisinopril", "atorvastatin", "amoxicillin", "ibuprofen",
    "acetaminophen", "sertraline", "levothyroxine", "amlodipine", "omeprazole",
    "albuterol", "prednisone", "gabapentin", "warfarin", "apixaban", "insulin glargine",
    "semaglutide", "losartan", "hydrochlorothiazide", "montelukast", "fluoxetine",
    "azithromycin", "doxycycline", "furosemide", "clopidogrel", "tramadol",
    "naloxone", "buprenorphine", "escitalopram", "rosuvastatin", "cetirizine",
)
CONDITIONS = (
    "type 2 diabetes", "high blood pressure", "asthma", "COPD", "heart failure",
    "atrial fibrillation", "migraine", "depression", "anxiety", "hypothyroidism",
    "chronic kidney disease", "osteoarthritis", "shingles", "pneumonia", "sepsis",
    "a UTI", "cellulitis", "a DVT", "a stroke", "an MI", "gout", "psoriasis",
    "Crohn's disease", "Bell's palsy", "Parkinson's", "Huntington's disease",
    "long COVID", "the flu", "RSV", "strep throat", "appendicitis", "a hip fracture",
)
CITIES = (
    "Springfield", "Fairview", "Riverton", "Maple Grove", "Lakewood", "Brookfield",
    "Cedar Falls", "Greenville", "Franklin", "Oak Ridge", "Clinton", "Madison",
    "Salem", "Georgetown", "Ashland", "Dover", "Milford", "Bristol", "Hudson",
    "Kingston", "Marion", "Newport", "Oxford", "Plymouth", "Winchester", "Troy",
    "Dayton", "Tulsa", "Boise", "Spokane", "Fresno", "Akron", "Provo", "Duluth",
)
STATES = (
    "Ohio", "Texas", "Oregon", "Maine", "Iowa", "Georgia", "Vermont", "Nevada",
    "Michigan", "Arizona", "Colorado", "Kentucky", "Montana", "Florida", "Idaho",
)
STREETS = (
    "Oak", "Maple", "Elm", "Pine", "Cedar", "Main", "Washington", "Lake", "Hill",
    "Park", "Walnut", "Sunset", "Ridge", "River", "Church", "Mill", "Spring",
)
STREET_KINDS = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Lane", "Dr", "Court")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINAL_WORDS = {
    90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
    94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
    98: "ninety-eight", 99: "ninety-nine", 100: "one hundred", 101: "one hundred and one",
}
CLINICS = (
    "Riverside Family Medicine", "Northgate Pediatrics", "Harbor Health Clinic",
    "Sunrise Internal Medicine", "Valley Women's Health", "Summit Orthopedics",
    "Brightwater Pharmacy", "Lakeside Urgent Care", "Pinecrest Dermatology",
)
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
                 "aol.com", "proton.me")
FUNDRAISER_SITES = ("gofundme.com/f", "fundrazr.com/campaigns", "givebutter.com")
PROFILE_SITES = ("facebook.com", "instagram.com", "tiktok.com/@", "x.com", "linkedin.com/in")
TRUSTED_LINKS = (
    "https://www.cdc.gov/flu/prevent/", "https://medlineplus.gov/diabetes.html",
    "https://www.nhs.uk/conditions/asthma/", "https://www.who.int/health-topics/measles",
    "https://www.nih.gov/health-information", "https://www.heart.org/en/health-topics",
)
SHAKY_LINKS = (
    "naturalnews.com", "mercola.com", "healthnutnews.example", "thetruthaboutcures.example",
)
PRODUCTS = (
    "VitaBoost Gold", "ImmunoMax 3000", "GutGlow probiotic", "SleepWell drops",
    "KetoBurn capsules", "CalmLeaf tea", "FlexJoint+ chews", "ClearSkin serum",
)
CODES = ("HEALTH20", "DRMIKE15", "WELL10", "GLOW25", "SAVE30", "NURSEJO")
TOPICS = (
    "blood pressure", "sleep hygiene", "hand washing", "sunscreen", "flu vaccines",
    "colon cancer screening", "mental health", "heat stroke", "safe medication storage",
    "childhood vaccines", "fall prevention", "breast cancer screening", "hydration",
    "antibiotic resistance", "vaping", "concussions", "food allergies", "tick bites",
)
HASHTAGS = (
    "#MedTwitter", "#NurseLife", "#PublicHealth", "#FamilyMedicine", "#Pharmacy",
    "#GetVaccinated", "#HeartHealth", "#MentalHealthMatters", "#Pediatrics",
    "#PatientSafety", "#EMS", "#ERlife", "#Diabetes", "#FluSeason", "#HealthTips",
)
EVENTS = (
    "flu shot clinic", "free blood pressure check", "diabetes support group",
    "community health fair", "walk-in vaccine day", "CPR class", "breastfeeding circle",
    "smoking cessation workshop", "back-to-school physicals day", "Q&A livestream",
)
FEELINGS = ("grateful", "humbled", "exhausted", "proud", "heartbroken", "hopeful")
# fmt: on


class _Slots(dict[str, str]):
    """Slot values for one post: each slot is drawn once and reused within the post."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        maker = _MAKERS.get(key)
        if maker is None:
            raise KeyError(key)
        value = maker(self)
        self[key] = value
        return value


def _pick(items: tuple[str, ...]) -> Callable[[_Slots], str]:
    return lambda s: s.rng.choice(items)


def _date_any(s: _Slots) -> str:
    r = s.rng
    m, d = r.randint(1, 12), r.randint(1, 28)
    y = r.randint(2019, 2025)
    style = r.randrange(7)
    if style == 0:
        return f"{m}/{d}/{y}"
    if style == 1:
        return f"{m:02d}/{d:02d}"
    if style == 2:
        return f"{MONTHS[m - 1]} {d}"
    if style == 3:
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        return f"{MONTHS[m - 1]} {d}{suffix}"
    if style == 4:
        return f"{y}-{m:02d}-{d:02d}"
    if style == 5:
        return f"{MONTHS_SHORT[m - 1]} {d}, {y}"
    return f"{d} {MONTHS[m - 1]} {y}"


def _dob(s: _Slots) -> str:
    r = s.rng
    m, d, y = r.randint(1, 12), r.randint(1, 28), r.randint(1928, 2008)
    return r.choice(
        (
            f"{m}/{d}/{y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{MONTHS[m - 1]} {d}, {y}",
            f"{y}-{m:02d}-{d:02d}",
        )
    )


def _phone(s: _Slots) -> str:
    r = s.rng
    a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
    return r.choice(
        (
            f"({a}) {b}-{c:04d}",
            f"{a}-{b}-{c:04d}",
            f"{a}.{b}.{c:04d}",
            f"+1 {a} {b} {c:04d}",
            f"{a} {b} {c:04d}",
        )
    )


def _email(s: _Slots) -> str:
    first, last = s["first"].lower(), s["last"].lower().replace("'", "")
    n = s.rng.randint(1, 99)
    local = s.rng.choice(
        (f"{first}.{last}", f"{first}{last}{n}", f"{first[0]}{last}", f"{first}_{n}")
    )
    return f"{local}@{s.rng.choice(EMAIL_DOMAINS)}"


def _url(s: _Slots) -> str:
    first, last = s["first"].lower(), s["last"].lower().replace("'", "")
    if s.rng.random() < 0.5:
        site = s.rng.choice(FUNDRAISER_SITES)
        return f"https://www.{site}/help-{first}-{last}-{s.rng.randint(10, 999)}"
    site = s.rng.choice(PROFILE_SITES)
    sep = "" if site.endswith("@") else "/"
    return f"https://{site}{sep}{first}.{last}{s.rng.randint(1, 99)}"


def _ip(s: _Slots) -> str:
    r = s.rng
    return f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def _mrn(s: _Slots) -> str:
    digits = "".join(str(s.rng.randint(0, 9)) for _ in range(s.rng.randint(6, 9)))
    return s.rng.choice(
        (
            f"MRN {digits}",
            f"MRN: {digits}",
            f"MRN#{digits}",
            f"medical record number {digits}",
            f"chart #{digits}",
        )
    )


def _ssn(s: _Slots) -> str:
    r = s.rng
    return f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"


def _plate(s: _Slots) -> str:
    r = s.rng
    letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    return f"{letters}-{r.randint(1000, 9999)}"


def _street(s: _Slots) -> str:
    r = s.rng
    return f"{r.randint(12, 9800)} {r.choice(STREETS)} {r.choice(STREET_KINDS)}"


def _age_old_words(s: _Slots) -> str:
    return ORDINAL_WORDS[s.rng.choice(tuple(ORDINAL_WORDS))]


def _time(s: _Slots) -> str:
    r = s.rng
    h = r.randint(7, 18)
    h12 = h if h <= 12 else h - 12
    ampm = "am" if h < 12 else "pm"
    return r.choice((f"{h12}{ampm}", f"{h12}:30 {ampm.upper()}", f"{h12}:00{ampm}"))


_MAKERS: dict[str, Callable[[_Slots], str]] = {
    "first": _pick(FIRST_NAMES),
    "first2": _pick(FIRST_NAMES),
    "last": _pick(LAST_NAMES),
    "last2": _pick(LAST_NAMES),
    "full": lambda s: f"{s['first']} {s['last']}",
    "label": lambda s: f"{s['last'].upper()}, {s['first'].upper()}",
    "hon": _pick(HONORIFICS),
    "initial": lambda s: s.rng.choice("ABCDEFGHJKLMNPRSTW"),
    "staff": lambda s: f"{s.rng.choice(STAFF_TITLES)} {s['last2']}",
    "drug": _pick(DRUGS),
    "drug2": _pick(DRUGS),
    "cond": _pick(CONDITIONS),
    "cond2": _pick(CONDITIONS),
    "city": _pick(CITIES),
    "state": _pick(STATES),
    "street": _street,
    "zip": lambda s: f"{s.rng.randint(10001, 99950):05d}",
    "date": _date_any,
    "date2": _date_any,
    "dob": _dob,
    "year": lambda s: str(s.rng.randint(1995, 2025)),
    "month": _pick(MONTHS),
    "day": lambda s: str(s.rng.randint(1, 28)),
    "weekday": _pick(WEEKDAYS),
    "time": _time,
    "age": lambda s: str(s.rng.randint(2, 89)),
    "age_old": lambda s: str(s.rng.randint(90, 104)),
    "age_words": _age_old_words,
    "room": lambda s: str(s.rng.randint(101, 899)),
    "bed": lambda s: str(s.rng.randint(1, 32)),
    "phone": _phone,
    "email": _email,
    "mrn": _mrn,
    "ssn": _ssn,
    "plate": _plate,
    "url": _url,
    "ip": _ip,
    "handle": lambda s: (
        f"@{s['first'].lower()}{s.rng.choice(('', '_', '.'))}"
        f"{s['last'].lower().replace(chr(39), '')[:5]}{s.rng.randint(1, 99)}"
    ),
    "clinic": _pick(CLINICS),
    "topic": _pick(TOPICS),
    "event": _pick(EVENTS),
    "product": _pick(PRODUCTS),
    "code": _pick(CODES),
    "link": _pick(TRUSTED_LINKS),
    "shaky": _pick(SHAKY_LINKS),
    "tag": _pick(HASHTAGS),
    "tag2": _pick(HASHTAGS),
    "feel": _pick(FEELINGS),
    "n": lambda s: str(s.rng.randint(2, 60)),
    "pct": lambda s: str(s.rng.choice((10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90))),
    "mg": lambda s: str(s.rng.choice((5, 10, 20, 25, 40, 50, 81, 100, 250, 400, 500, 600))),
    "hours": lambda s: str(s.rng.choice((4, 6, 8, 12, 24))),
}

# --- frames ------------------------------------------------------------------------

FRAMES: dict[str, tuple[str, ...]] = {
    "education": (
        "Reminder: {drug} works best when taken at the same time every day.",
        "Quick fact: most sore throats are viral and get better on their own within a week.",
        "{topic} matters year round. Small habits add up.",
        "If you take {drug}, ask your pharmacist before starting any new supplement.",
        "Heat warning this week. Drink water, check on older neighbors, and never leave "
        "kids or pets in a parked car.",
        "Adults need 7 to 9 hours of sleep. Screens off 30 minutes before bed helps.",
        "Antibiotics don't work on viruses. Colds and flu need rest, fluids and time.",
        "Know the signs of a stroke: face drooping, arm weakness, speech difficulty. "
        "Time to call 911.",
        "Living with {cond}? Regular check-ins with your care team make a difference.",
        "Store medicines up high and locked, away from curious little hands.",
        "Wash your hands for 20 seconds. Yes, the whole birthday song.",
        "Ibuprofen can upset the stomach; take it with food if your clinician recommends it.",
        "Sunscreen every day, even when it's cloudy. Reapply every two hours outside.",
        "Your blood pressure reading is more accurate after five quiet minutes sitting down.",
        "Colon cancer screening now starts at 45 for average-risk adults. Talk to your "
        "clinician about which test fits you. {link}",
        "Naloxone saves lives. Many pharmacies can provide it without a prescription.",
        "Crohn's disease and ulcerative colitis are not the same thing. A thread on the "
        "differences:",
        "Murphy's sign, Apgar score, Bell's palsy: medicine loves an eponym.",
        "The flu vaccine can't give you the flu. Mild soreness is your immune system at work.",
        "Teaching point of the week: {cond} can look different in older adults.",
        "New guidance on {topic} from the CDC: {link}",
        "Fall prevention tip: good lighting, no loose rugs, and a grab bar in the shower.",
        "Tick season is here. Check after hikes, and remove ticks with fine tweezers.",
        "Med students: learn the normal before you chase the zebra.",
        "Not all chest pain is cardiac, but all chest pain deserves to be taken seriously.",
        "Hydration check: pale yellow is the goal.",
        "Vaping is not harmless. Teens are especially vulnerable to nicotine addiction.",
        "About 1 in 3 adults has high blood pressure and many don't know it, per the CDC.",
    ),
    "event": (
        "Our {event} is on {month} {day} from {time} to 2pm at {clinic}. Walk-ins welcome!",
        "Join us {weekday} at {time} for a {event}. No appointment needed.",
        "{clinic} will be closed on {month} {day} for staff training. For emergencies call 911.",
        "Save the date: {event}, {weekday} {month} {day}. Bring your vaccine card.",
        "We're hosting a {event} this {weekday}! Free parking behind the building.",
        "Thanks to everyone who came to our {event} in {year}. See you again this fall!",
        "Welcome {staff} to the {clinic} team! Now accepting new patients.",
        "Holiday hours: closed {month} {day}, open regular hours after that.",
        "Live Q&A on {topic} tonight at {time}. Drop your general questions below.",
        "Our new extended hours start {weekday}: open until 7pm on weekdays.",
    ),
    "story": (
        "{hon} {last} in bed {bed} finally ate a full breakfast today. Small wins.",
        "My patient {first} {last} came in with {cond} and I'm still thinking about her.",
        "Pt {full}, DOB {dob}, admitted {date} for {cond}. What a shift.",
        "Had a {age_old}-year-old in room {room} today who still does the crossword in pen.",
        "Shoutout to {hon} {initial}. in room {room}, discharged home today after {n} days!",
        "{label} - {mrn} - needs a {drug} refill before discharge.",
        "Our {age_old} y/o patient from {city} asked for her lipstick before rounds. Legend.",
        "Pt's daughter left her number ({phone}) at the nurses' station, asked us to text updates.",
        "Patient emailed me at 2am from {email} about {cond}. Boundaries, people.",
        "Please share: {hon} {last}'s family set up a fundraiser for her surgery: {url}",
        "Saw the cutest kid today, {first}, age {age}, who told me {drug} tastes like candy.",
        "Admitted {date}, discharged {date2}, and back again today. {first}, we missed you.",
        "Portal login from {ip} flagged for {full}'s chart. Reported it to IT.",
        "Lady in bay {bed} turned {age_words} yesterday and the whole ward sang.",
        "The man from {street}, {city} came in by ambulance for the third time this month.",
        "{hon} {last} ({age_old}) from {city} is asking for her cat. Who can relate.",
        "Patient {full}, SSN {ssn}, needs the forms faxed to {phone} today.",
        "Guy in room {room} with {cond} keeps asking for {drug}. Day {n} of this.",
        "{first} {last}, {age_old} years young, walked out of rehab on her own today!",
        "Surgery for {hon} {last} is scheduled for {date}. Fingers crossed.",
        "Found {full}'s insurance card in the lobby, member ID {mrn}. Anyone?",
        "Pt in bed {bed}, MRN {mrn}, seen {date} for {cond}, follow-up pending.",
        "Today a {age_old}-year-old veteran from {city} taught me more than any textbook.",
        "Our patient {first} loved the garden on the roof. Room {room} has the best view.",
        "Coded a patient in room {room} at {time}. We got ROSC. Feeling {feel}.",
        "Plate {plate} has been parked in the ambulance bay since {first} {last} was admitted.",
        "Mom of my patient {first} asked me to add her on insta: {handle}",
        "Mr. {last}'s wife brought cookies for the whole floor. Room {room} for the win.",
        "Discharged {hon} {last} home to {city} on {date}. She gave me a hug.",
        "My {age_old} year old patient told me the secret is whiskey and gardening.",
        "Remember {first} from bed {bed}? She's back, same {cond}, new {drug} dose.",
        "Call {first} back at {phone} re: her {drug} prior auth.",
        "The {full} case from {city} last {weekday} is still on my mind.",
        "ZIP {zip}, {city}: three kids from the same street with {cond} this week.",
    ),
    "reply": (
        "@{first}{last} sounds like {cond} to me. Start {drug} {mg} mg twice a day.",
        "@{first} you should double your {drug} and see if it helps.",
        "Replying to {handle}: that rash sounds like shingles, start acyclovir.",
        "@{first} that's a great question! Please see your own clinician about your situation.",
        "@{first}{n} stop taking your {drug}, it's probably the cause.",
        "{handle} take {mg} mg ibuprofen every {hours} hours and you'll be fine.",
        "@{first} I'm sorry you're dealing with {cond}. Your GP is the best person to talk to.",
        "@{first} glad you're feeling better! Hope the {drug} keeps working for you.",
        "@{first} your labs sound normal, nothing to worry about.",
        "Hi {first}, yes, we saw you last {weekday}. Hope the {drug} is helping!",
        "{handle} if the chest pain is happening now, call 911.",
        "@{first} thanks for the kind words about {staff}, we'll pass them on!",
    ),
    "promotion": (
        "Loving {product} for my energy on night shifts! Use code {code} for {pct}% off.",
        "I've been recommending {product} to everyone. Link in bio.",
        "#ad I partnered with {product} for this post. Use code {code}.",
        "Sponsored: {product} sent me a sample and honestly it's great.",
        "My favorite supplement right now is {product}. Affiliate link: "
        "https://shop.example/{code}",
        "Disclosure: I receive payment from {product}. That said, here's my honest review.",
        "{clinic} now offers same-day appointments. Book online!",
        "Our pharmacy now stocks {product}. Ask at the counter.",
        "Get {pct}% off {product} with code {code} this week only!",
    ),
    "myth": (
        "No, vaccines do not cause autism. The evidence is overwhelming.",
        "Vaccines cause autism and the government is hiding it. Do your research.",
        "5G spreads COVID. Look it up.",
        "Myth: 5G spreads COVID. Fact: viruses can't travel on radio waves.",
        "Ivermectin cures COVID, my colleagues just won't admit it.",
        "Antibiotics treat the flu, so ask for a Z-pack early.",
        "Myth: antibiotics treat colds. Fact: they don't, and overuse breeds resistance.",
        "This herbal tea cures diabetes naturally, no {drug} needed. Source: {shaky}",
        "Studies show this diet cuts your risk of {cond} by {pct}%.",
        "Read this before your next shot: https://{shaky}/truth-about-vaccines",
        "A video I saw on TikTok says {drug} causes {cond}. Scary stuff.",
        "Proven to reverse {cond} in {n} days!",
        "HIV does not cause AIDS, it's all big pharma.",
        "Myth: you can catch the flu from the flu vaccine. Fact: you can't. {link}",
        "{pct}% of adults are deficient in vitamin D, according to one survey.",
    ),
    "venting": (
        "Another frequent flyer in the ER tonight. Same complaint as last week.",
        "Drug seeker in triage again claiming a {pct}/10 allergy to everything but dilaudid.",
        "Why do patients think Google is a medical degree?",
        "Another non-compliant diabetic who can't put the fork down.",
        "Insurers denying {drug} for the third time this month. The system is broken.",
        "Long shift. Short staffed. Still showed up. Nurses are amazing.",
        "Prior auth for generic {drug}. Who designs these systems?",
        "Tough night, lost a patient. Hug your people.",
        "Charting until {time} again. Documentation burden is real.",
    ),
    "community": (
        "Hi all, I'm {first2}, a nurse practitioner. Happy to answer general questions "
        "about {cond}.",
        "New to this group. I'm an ICU nurse, views my own. Ask me anything about {topic}.",
        "Dr. {last2} here, family physician, speaking for myself. Lots of questions about "
        "{drug} lately.",
        "As a pharmacist: please bring all your pill bottles to your appointment.",
        "Peer support meetup for people with {cond} this {weekday}. All welcome.",
        "I work in oncology. Here's what I wish more families knew about {topic}.",
    ),
}
KIND_WEIGHTS: dict[str, float] = {
    "education": 0.24,
    "event": 0.12,
    "story": 0.26,
    "reply": 0.12,
    "promotion": 0.08,
    "myth": 0.08,
    "venting": 0.06,
    "community": 0.04,
}
FILLERS = (
    "Stay safe out there.",
    "Grateful for this team every single day.",
    "Questions about your own care? Please see your own clinician about your situation.",
    "More at {link}",
    "{tag} {tag2}",
    "Take care of yourselves.",
    "Shift number {n} this month and still love this job.",
    "Remember: general information here, not medical advice.",
    "Drink some water while you're reading this.",
    "Share with someone who needs the reminder.",
    "Feeling {feel} tonight.",
    "Coffee count: {n}.",
    "Our front desk can be reached during business hours.",
    "Clinical pearls drop every {weekday}.",
    "Check with your pharmacist about interactions with {drug2}.",
    "People with {cond2} should keep an updated medication list.",
    "Rounds ran long, as always.",
    "Education saves lives; misinformation costs them.",
    "Follow for more tips on {topic}.",
    "Thank you to every tech, nurse, doctor and cleaner who kept the lights on this week.",
    "If this is an emergency, call 911.",
    "Be kind to your nurses.",
)


@dataclass(frozen=True, slots=True)
class Post:
    """One generated post and the kind of frame it started from."""

    kind: str
    text: str


def _length_target(rng: random.Random) -> int:
    band = rng.random()
    if band < 0.35:
        return rng.randint(MIN_CHARS, 120)
    if band < 0.75:
        return rng.randint(121, 300)
    return rng.randint(301, MAX_CHARS)


def _fill(frame: str, slots: _Slots) -> str:
    return frame.format_map(slots)


def _clip(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS)
    return text[: cut if cut > MIN_CHARS else MAX_CHARS].rstrip()


def _one(rng: random.Random, kinds: list[str], weights: list[float]) -> Post:
    kind = rng.choices(kinds, weights)[0]
    slots = _Slots(rng)
    parts = [_fill(rng.choice(FRAMES[kind]), slots)]
    size = len(parts[0])
    target = _length_target(rng)
    tries = 0
    while size < target and tries < 12:
        tries += 1
        # Mostly fillers; sometimes a second frame of the same kind or clean education.
        pool = rng.random()
        if pool < 0.6:
            extra = _fill(rng.choice(FILLERS), slots)
        elif pool < 0.85:
            extra = _fill(rng.choice(FRAMES[kind]), slots)
        else:
            extra = _fill(rng.choice(FRAMES["education"]), slots)
        if extra in parts or size + 1 + len(extra) > MAX_CHARS:
            continue
        parts.append(extra)
        size += 1 + len(extra)
    text = " ".join(parts)
    while len(text) < MIN_CHARS:
        text = f"{text} {_fill('{tag}', slots)}"
    return Post(kind=kind, text=_clip(text))


def build_posts(n: int = 10_000, seed: int = DEFAULT_SEED) -> list[Post]:
    """``n`` posts with their frame kinds; the same ``seed`` gives the same posts."""
    rng = random.Random(seed)
    kinds = list(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[k] for k in kinds]
    return [_one(rng, kinds, weights) for _ in range(n)]


def build_corpus(n: int = 10_000, seed: int = DEFAULT_SEED) -> list[str]:
    """``n`` post texts, 40–600 characters each; the same ``seed`` gives the same posts."""
    return [p.text for p in build_posts(n, seed)]


def sample_indices(n_total: int, k: int, seed: int = DEFAULT_SEED) -> list[int]:
    """A deterministic sorted sample of ``k`` indices out of ``n_total``."""
    return sorted(random.Random(seed + 1).sample(range(n_total), min(k, n_total)))


if __name__ == "__main__":
    from collections import Counter

    posts = build_posts()
    lengths = sorted(len(p.text) for p in posts)
    print(f"{len(posts):,} posts, {len({p.text for p in posts}):,} distinct")
    print(f"length min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}")
    print(dict(Counter(p.kind for p in posts)))
    for p in posts[:12]:
        print(f"[{p.kind}] {p.text}")
