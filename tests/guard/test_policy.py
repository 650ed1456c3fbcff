"""Policies: the shipped packs, practice files that extend them, and their errors."""

from __future__ import annotations

import types
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

import carecast
from carecast.errors import PolicyError
from carecast.guard import RULES
from carecast.guard import policy as policy_module

PACKS = ("default", "ama", "fsmb", "ncsbn", "gmc")
PRACTICE_FILE = Path(__file__).parents[1] / "data" / "practice.yaml"
COMMUNITY = {"channel": "community", "reply_to": None}


def _raw_pack(name: str) -> dict[str, Any]:
    text = resources.files("carecast.guard.packs").joinpath(f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the packs ------------------------------------------------------------------------


@pytest.mark.parametrize("name", PACKS)
def test_pack_loads(name: str) -> None:
    policy = carecast.load_policy(name)
    assert isinstance(policy, carecast.Policy)
    assert policy.name == name
    assert policy.guidance
    report = carecast.check("Mrs. Alvarez in bed 4 is doing better", policy=name)
    assert report.policy == name
    assert report.verdict == "block"


def test_no_policy_means_default() -> None:
    assert carecast.load_policy(None).name == "default"
    assert carecast.check("Our office is closed Monday.").policy == "default"


@pytest.mark.parametrize("name", PACKS)
def test_every_rule_a_pack_sets_cites_guidance(name: str) -> None:
    raw = _raw_pack(name)
    assert raw.get("rules"), f"pack {name} sets no rules"
    for rule, setting in raw["rules"].items():
        assert rule in RULES, f"pack {name} sets unknown rule {rule}"
        assert str(setting.get("cites", "")).strip(), f"pack {name}: {rule} has no cites"


@pytest.mark.parametrize("name", PACKS)
def test_every_rule_in_a_loaded_pack_cites_guidance(name: str) -> None:
    policy = carecast.load_policy(name)
    for rule, setting in policy.rules.items():
        assert rule in RULES
        assert setting.cites.strip(), f"{name}: {rule} has no cites"


def test_packs_that_extend_default_keep_its_guidance() -> None:
    default = carecast.load_policy("default")
    for name in PACKS[1:]:
        policy = carecast.load_policy(name)
        assert policy.extends == "default"
        assert set(default.guidance) <= set(policy.guidance)
        assert set(default.rules) <= set(policy.rules)


def test_gmc_makes_missing_identity_block() -> None:
    text = "Low iron can make you tired; a simple blood test can check it."
    assert carecast.check(text, COMMUNITY, "default").verdict == "review"
    report = carecast.check(text, COMMUNITY, "gmc")
    assert "disclosure.identity" in report.rules()
    assert report.verdict == "block"


# -- a practice's own file ------------------------------------------------------------


def test_a_file_can_switch_a_rule_off_and_change_severities(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "quiet.yaml",
        "name: quiet\n"
        "extends: default\n"
        "rules:\n"
        "  privacy.phi.location: {enabled: false}\n"
        "  privacy.phi.name: {severity: review}\n"
        "  sourcing.unsourced_claim: {severity: block}\n",
    )
    policy = carecast.load_policy(path)
    assert policy.name == "quiet"
    assert not policy.setting("privacy.phi.location").enabled

    text = "Mrs. Alvarez in bed 4 is doing better"
    before = carecast.check(text)
    assert {"privacy.phi.name", "privacy.phi.location"} <= before.rules()
    assert before.verdict == "block"
    after = carecast.check(text, policy=path)
    assert "privacy.phi.location" not in after.rules()
    assert "privacy.phi.name" in after.rules()
    assert all(f.severity == "review" for f in after.findings)
    assert after.verdict == "review"
    assert after.policy == "quiet"

    claim = "Studies show that walking after meals lowers blood sugar."
    assert carecast.check(claim).verdict == "review"
    assert carecast.check(claim, policy=str(path)).verdict == "block"


def test_a_file_keeps_the_rules_it_does_not_mention(tmp_path: Path) -> None:
    path = _write(tmp_path, "min.yaml", "name: min\nextends: gmc\n")
    policy = carecast.load_policy(path)
    assert policy.setting("disclosure.identity").severity == "block"
    assert policy.setting("privacy.phi.name").cites


def test_practice_allowlist_keeps_own_phone_and_staff_unflagged() -> None:
    practice = carecast.load_policy(PRACTICE_FILE)
    phone = "My patient called (614) 555-0142 to ask about her labs."
    staff = "My patient said Marcus Reyes was so kind at check-in."
    nurse = "My patient came in with chest pain and Jenna Holt triaged her."
    assert "privacy.phi.contact" in carecast.check(phone).rules()
    assert "privacy.phi.contact" not in carecast.check(phone, policy=practice).rules()
    for text in (staff, nurse):
        assert "privacy.phi.name" in carecast.check(text).rules()
        assert "privacy.phi.name" not in carecast.check(text, policy=practice).rules()


def test_practice_allowlist_does_not_hide_a_patient() -> None:
    practice = carecast.load_policy(PRACTICE_FILE)
    text = "Mrs. Alvarez called (614) 555-0142 and Marcus Reyes took the message."
    report = carecast.check(text, policy=practice)
    assert [f.text for f in report.findings if f.rule == "privacy.phi.name"] == ["Mrs. Alvarez"]
    assert "privacy.phi.contact" not in report.rules()
    assert "Mrs. Alvarez" not in report.redacted_text
    assert "(614) 555-0142" in report.redacted_text
    assert "Marcus Reyes" in report.redacted_text


# -- errors ---------------------------------------------------------------------------


def test_bad_yaml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", "name: [unclosed\n")
    with pytest.raises(PolicyError) as exc:
        carecast.load_policy(path)
    assert str(path) in exc.value.message
    assert exc.value.hint


def test_yaml_that_is_not_a_mapping_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "list.yaml", "- default\n- ama\n")
    with pytest.raises(PolicyError) as exc:
        carecast.load_policy(path)
    assert str(path) in exc.value.message


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("name: x\nextends: default\ncolour: blue\n", "colour"),
        ("name: x\nextends: default\nrules:\n  advice.individual: {enabeld: false}\n", "enabeld"),
        ("name: x\nextends: default\npractice:\n  fax: ['614-555-0100']\n", "fax"),
        ("name: x\nextends: default\nrules:\n  advice.individual: {severity: loud}\n", "severity"),
        ("extends: default\n", "name"),
    ],
)
def test_bad_key_names_the_file_and_the_key(tmp_path: Path, body: str, key: str) -> None:
    path = _write(tmp_path, "bad_key.yaml", body)
    with pytest.raises(PolicyError) as exc:
        carecast.load_policy(path)
    assert str(path) in exc.value.message
    assert key in exc.value.message
    assert exc.value.hint


@pytest.mark.parametrize("source", ["nosuchpack", "no/such/policy.yaml"])
def test_unknown_pack_or_missing_file_is_named(source: str) -> None:
    with pytest.raises(PolicyError) as exc:
        carecast.load_policy(source)
    assert source in exc.value.message
    assert all(name in exc.value.hint for name in PACKS)
    with pytest.raises(PolicyError):
        carecast.check("Our office is closed Monday.", policy=source)


def test_extending_an_unknown_pack_names_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "ext.yaml", "name: x\nextends: nosuchpack\n")
    with pytest.raises(PolicyError) as exc:
        carecast.load_policy(path)
    assert "nosuchpack" in exc.value.message


def test_extends_loop_names_the_file_and_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    _write(packs, "loop_a.yaml", "name: loop_a\nextends: loop_b\n")
    _write(packs, "loop_b.yaml", "name: loop_b\nextends: loop_a\n")
    monkeypatch.setattr(policy_module, "PACKS", (*policy_module.PACKS, "loop_a", "loop_b"))
    monkeypatch.setattr(policy_module, "resources", types.SimpleNamespace(files=lambda _: packs))
    path = _write(tmp_path, "practice.yaml", "name: practice\nextends: loop_a\n")
    try:
        with pytest.raises(PolicyError) as exc:
            carecast.load_policy(path)
    finally:
        policy_module.load_pack.cache_clear()
    message = exc.value.message
    assert "extends" in message
    assert "loop" in message
    assert "loop_a.yaml" in message or "loop_b.yaml" in message
    assert exc.value.hint
