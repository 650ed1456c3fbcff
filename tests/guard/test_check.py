"""``check``: bad input is refused with a hint; fixes and verdicts follow the policy."""

from __future__ import annotations

from typing import Any

import pytest

import carecast
from carecast.errors import InputError
from carecast.guard import RULES
from carecast.guard.check import MAX_CHARS

REFERRAL_LINE = "Please see your own clinician about your situation."
REPLY = {"channel": "x", "reply_to": "@sam"}


@pytest.mark.parametrize(
    "value", [b"Mrs. Alvarez", None, 42, 4.2, ["Mrs. Alvarez"], {"text": "hi"}]
)
def test_non_str_text_raises_input_error_with_a_hint(value: Any) -> None:
    with pytest.raises(InputError) as exc:
        carecast.check(value)
    assert type(value).__name__ in exc.value.message
    assert exc.value.hint
    assert exc.value.hint in str(exc.value)


def test_over_long_text_raises_input_error() -> None:
    with pytest.raises(InputError) as exc:
        carecast.check("a" * (MAX_CHARS + 1))
    assert f"{MAX_CHARS:,}" in exc.value.message
    assert exc.value.hint


def test_text_at_the_limit_is_checked() -> None:
    text = ("Our office is closed Monday for the holiday. " * (MAX_CHARS // 45 + 1))[:MAX_CHARS]
    assert len(text) == MAX_CHARS
    assert carecast.check(text).verdict == "ok"


@pytest.mark.parametrize("context", ["x", 42, ["x"], ("x", None), b"{}"])
def test_context_of_the_wrong_type_raises_input_error(context: Any) -> None:
    with pytest.raises(InputError) as exc:
        carecast.check("Our office is closed Monday.", context)
    assert type(context).__name__ in exc.value.message
    assert exc.value.hint


@pytest.mark.parametrize(
    "context",
    [{"channel": 5}, {"channel": "   "}, {"reply_to": 5}, {"channel": "x", "reply_to": ["@sam"]}],
)
def test_context_with_bad_values_raises_input_error(context: dict[str, Any]) -> None:
    with pytest.raises(InputError) as exc:
        carecast.check("Our office is closed Monday.", context)
    assert exc.value.hint


@pytest.mark.parametrize(
    "context",
    [None, {}, {"channel": "X"}, {"channel": "myspace", "reply_to": None}, carecast.Context()],
)
def test_good_contexts_are_accepted(context: Any) -> None:
    assert carecast.check("Our office is closed Monday.", context).verdict == "ok"


def test_fixed_text_adds_the_referral_line() -> None:
    text = "Migraines often get worse with poor sleep and skipped meals."
    report = carecast.check(text, REPLY)
    assert "advice.no_referral" in report.rules()
    assert report.fixed_text.startswith(report.redacted_text.rstrip())
    assert REFERRAL_LINE in report.fixed_text
    assert REFERRAL_LINE not in report.redacted_text
    no_referral = next(f for f in report.findings if f.rule == "advice.no_referral")
    assert no_referral.suggestion == REFERRAL_LINE


def test_fixed_text_is_the_redacted_text_plus_fixes() -> None:
    text = "Mrs. Alvarez in bed 4 asked about her migraines. They often get worse with poor sleep."
    report = carecast.check(text, REPLY)
    assert "Mrs. Alvarez" not in report.fixed_text
    assert report.fixed_text.startswith(report.redacted_text.rstrip())


def test_clean_text_is_its_own_fix() -> None:
    text = "Our office is closed Monday for the holiday."
    report = carecast.check(text)
    assert report.redacted_text == text
    assert report.fixed_text == text


def test_a_referral_already_there_is_not_added_again() -> None:
    text = (
        "Migraines often get worse with poor sleep and skipped meals. "
        "Please talk to your own doctor about what might help you."
    )
    report = carecast.check(text, REPLY)
    assert "advice.no_referral" not in report.rules()
    assert report.fixed_text == text


def test_policy_overrides_the_verdict() -> None:
    claim = "Studies show that walking after meals lowers blood sugar."
    assert carecast.check(claim).verdict == "review"
    strict = carecast.Policy(
        name="strict",
        extends="default",
        rules={"sourcing.unsourced_claim": {"severity": "block"}},
    )
    report = carecast.check(claim, policy=strict)
    assert report.verdict == "block"
    assert report.policy == "strict"
    assert {f.severity for f in report.findings} == {"block"}


def test_policy_can_lower_a_block_to_review() -> None:
    text = "Mrs. Alvarez is doing better."
    assert carecast.check(text).verdict == "block"
    lenient = carecast.Policy(name="lenient", rules={"privacy.phi.name": {"severity": "review"}})
    assert carecast.check(text, policy=lenient).verdict == "review"


def test_policy_switching_every_rule_off_gives_ok() -> None:
    quiet = carecast.Policy(name="quiet", rules={rule: {"enabled": False} for rule in RULES})
    report = carecast.check(
        "Mrs. Alvarez in bed 4, DOB 3/14/1962. Vaccines cause autism.", policy=quiet
    )
    assert report.verdict == "ok"
    assert report.findings == ()


def test_community_pack_verdict_differs_by_pack() -> None:
    text = "Low iron can make you tired; a simple blood test can check it."
    context = {"channel": "community", "reply_to": None}
    assert carecast.check(text, context, "ama").verdict == "review"
    assert carecast.check(text, context, "gmc").verdict == "block"


def test_id_is_carried_into_the_report() -> None:
    report = carecast.check("Our office is closed Monday.", id="post-7")
    assert report.id == "post-7"
    assert report.to_dict()["id"] == "post-7"


def test_fixed_text_adds_wording_never_instructions() -> None:
    """A fix that needs a rewrite (advice, a false claim, criticism) adds nothing; a
    referral or the author's line is added once, as it stands."""
    report = carecast.check(
        "You should take 800 mg ibuprofen every 4 hours for that knee.", {"reply_to": "@sam"}
    )
    assert report.fixed_text.count("Please see your own clinician") == 1
    assert "Share general information instead" not in report.fixed_text
    claim = carecast.check("Vaccines cause autism, everyone knows it. Studies show 90% agree.")
    assert "Remove the claim" not in claim.fixed_text and "cite a trusted" not in claim.fixed_text
    assert {f.rule for f in claim.findings} >= {"misinformation.claim"}
