"""Properties every report holds, whatever text goes in.

Spans point into the text, the verdict is the worst finding, redaction removes every
flagged PHI text and is stable under a second check, and the JSON shape survives a
round trip.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

import carecast
from carecast.guard.context import CHANNELS

SETTINGS = settings(max_examples=200, deadline=None)

RANK = {"ok": 0, "review": 1, "block": 2}

# The typed placeholders from docs/rules.md.
PLACEHOLDER = re.compile(r"\[(?:patient|date|age 90\+|location|contact|id|url|ip|detail)\]")

FRAGMENTS = (
    "Mrs. ",
    "Mr. K.",
    "Miss ",
    "DOB ",
    "3/14/1962",
    "04/12",
    "March 3rd",
    "admitted on ",
    "room 12",
    "bed 4",
    "(614) 555-0142",
    "614-555-0173",
    "@handle",
    "@mike_runs",
    "a 94-year-old",
    "aged 91",
    "ninety-three",
    "a 45-year-old",
    "patients over 90",
    "Alvarez",
    "Maria",
    "Jake",
    "Smith",
    "SMITH, JOHN",
    "Sarah Connor",
    "Huntington's disease",
    "my patient ",
    "pt ",
    "came in with ",
    "her daughter ",
    "chest pain",
    "you should double your metformin",
    "take 600 mg ibuprofen every 6 hours",
    "see your own doctor",
    "MRN 4452871",
    "123-45-6789",
    "192.168.1.24",
    "jdoe1962@gmail.com",
    "gofundme.com/f/help-maria",
    "77 Hollow Creek Lane",
    "Dayton",
    "Columbus, Ohio",
    "43085",
    "the mayor's wife",
    "frequent flyer",
    "vaccines cause autism",
    "studies show",
    "use code HEALTHY20",
    "[patient]",
    "[date]",
    "[age 90+]",
    "\n",
    "\n\n",
    ". ",
    ", ",
    " ",
    "🙄",
    "💙",
    "👩🏽‍⚕️",
)

clinical_texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)),
    max_size=40,
).map("".join)

any_texts = st.text()

contexts = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {
            "channel": st.sampled_from([None, *CHANNELS]),
            "reply_to": st.sampled_from([None, "@sam", "@mike_runs"]),
        }
    ),
)


def _assert_well_formed(text: str, report: carecast.Report) -> None:
    assert report.verdict in RANK
    worst = "ok"
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        assert f.severity in RANK, f
        if RANK[f.severity] > RANK[worst]:
            worst = f.severity
    assert report.verdict == worst


def _occurrences(haystack: str, needle: str) -> list[int]:
    found = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def _assert_no_phi_left(report: carecast.Report) -> None:
    redacted = report.redacted_text
    placeholders = [m.span() for m in PLACEHOLDER.finditer(redacted)]
    for f in report.phi:
        if len(f.text) < 2:
            continue
        for i in _occurrences(redacted, f.text):
            inside = any(s <= i and i + len(f.text) <= e for s, e in placeholders)
            assert inside, (
                f"{f.rule} text {f.text!r} is still in the redacted text at {i}: {redacted!r}"
            )


def _assert_idempotent(report: carecast.Report, context: Any) -> None:
    again = carecast.check(report.redacted_text, context)
    assert again.redacted_text == report.redacted_text


def _assert_json_round_trip(report: carecast.Report) -> None:
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


# -- never raises, spans and verdict --------------------------------------------------


@SETTINGS
@given(text=any_texts, context=contexts)
@example(text="", context={"channel": "community", "reply_to": None})
def test_any_text_gives_a_well_formed_report(text: str, context: Any) -> None:
    _assert_well_formed(text, carecast.check(text, context))


@SETTINGS
@given(text=clinical_texts, context=contexts)
@example(text="Mrs. Alvarez in bed 4 is doing better", context=None)
@example(text="DOB 3/14/1962\n🙄 a 94-year-old in room 12, call (614) 555-0142", context=None)
def test_clinical_text_gives_a_well_formed_report(text: str, context: Any) -> None:
    _assert_well_formed(text, carecast.check(text, context))


@SETTINGS
@given(text=clinical_texts, context=contexts)
@example(text="", context={"channel": "community", "reply_to": None})
def test_well_formed_under_every_pack(text: str, context: Any) -> None:
    for pack in ("ama", "fsmb", "ncsbn", "gmc"):
        report = carecast.check(text, context, pack)
        _assert_well_formed(text, report)
        assert report.policy == pack


# -- redaction leaves no flagged PHI behind -------------------------------------------


@SETTINGS
@given(text=any_texts, context=contexts)
def test_redaction_removes_phi_any_text(text: str, context: Any) -> None:
    _assert_no_phi_left(carecast.check(text, context))


@SETTINGS
@given(text=clinical_texts, context=contexts)
@example(text="Mrs. Alvarez in bed 4 is doing better. Mrs. Alvarez says hi.", context=None)
@example(text="Mrs. Mrs. 3/14/1962Mrs. Mrs. ", context=None)
@example(text="(614) 555-0142(614) 555-0142", context=None)
@example(text="Mrs. Alvarez in bed 4. Alvarez is better today. #PrayForAlvarez", context=None)
def test_redaction_removes_phi_clinical_text(text: str, context: Any) -> None:
    _assert_no_phi_left(carecast.check(text, context))


# -- redaction is idempotent ----------------------------------------------------------


@SETTINGS
@given(text=any_texts, context=contexts)
def test_redaction_is_idempotent_any_text(text: str, context: Any) -> None:
    _assert_idempotent(carecast.check(text, context), context)


@SETTINGS
@given(text=clinical_texts, context=contexts)
@example(text="Mrs. Alvarez in bed 4 is doing better", context=None)
@example(text="Mrs. Mrs. a 94-year-old", context=None)
@example(text="My patient is a 94-year-old with CHF.", context=None)
@example(text="123-45-6789Mr. K.", context=None)
@example(text="Mrs. Alvarez says thanks @sam_k", context=None)
@example(text="bed 4@handle", context=None)
@example(text="MRN 4452871(614) 555-0142", context=None)
def test_redaction_is_idempotent_clinical_text(text: str, context: Any) -> None:
    _assert_idempotent(carecast.check(text, context), context)


# -- the JSON shape round-trips -------------------------------------------------------


@SETTINGS
@given(text=any_texts, context=contexts, id=st.one_of(st.none(), st.text(max_size=12)))
def test_json_round_trip_any_text(text: str, context: Any, id: str | None) -> None:
    report = carecast.check(text, context, id=id)
    _assert_json_round_trip(report)
    assert ("id" in report.to_dict()) == (id is not None)


@SETTINGS
@given(text=clinical_texts, context=contexts)
def test_json_round_trip_clinical_text(text: str, context: Any) -> None:
    report = carecast.check(text, context, id="p1")
    _assert_json_round_trip(report)
    data = report.to_dict()
    assert data["verdict"] == report.verdict
    assert len(data["findings"]) == len(report.findings)
    for f in data["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]
        assert f["category"] == f["rule"].split(".", 1)[0]
