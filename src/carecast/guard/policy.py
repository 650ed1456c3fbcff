"""Policies: which rules run, how severe each is, and what the practice's own details are.

A policy is YAML. Packs that encode published professional guidance ship in
``guard/packs/``; a practice writes its own file that ``extends`` one of them and
adds its profile (name, phones, emails, websites, addresses, staff, author), which
guard treats as an allowlist. Bad files raise :class:`PolicyError` naming the file
and the key.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from carecast.errors import PolicyError

PACKS = ("default", "ama", "fsmb", "ncsbn", "gmc")


class RuleSetting(BaseModel):
    """How one rule behaves under a policy."""

    model_config = ConfigDict(extra="forbid")
    enabled: bool = True
    severity: Literal["review", "block"] | None = None
    cites: str = ""


class Practice(BaseModel):
    """The practice's own details: never reported as PHI."""

    model_config = ConfigDict(extra="forbid")
    name: str = ""
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    websites: list[str] = Field(default_factory=list)
    addresses: list[str] = Field(default_factory=list)
    staff: list[str] = Field(default_factory=list)


class Author(BaseModel):
    """Who posts: used for the credentials and capacity line guard suggests."""

    model_config = ConfigDict(extra="forbid")
    name: str = ""
    credentials: str = ""
    capacity: str = "Views are my own, not my employer's."


class Policy(BaseModel):
    """A named set of rule settings and allowlists."""

    model_config = ConfigDict(extra="forbid")
    name: str
    description: str = ""
    extends: str | None = None
    guidance: list[str] = Field(default_factory=list)
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    practice: Practice = Field(default_factory=Practice)
    author: Author = Field(default_factory=Author)
    allow: list[str] = Field(default_factory=list)
    trusted_domains: list[str] = Field(default_factory=list)

    def setting(self, rule: str) -> RuleSetting:
        return self.rules.get(rule) or RuleSetting()

    def allowlist(self) -> tuple[str, ...]:
        """Every phrase the practice says is its own, longest first."""
        p = self.practice
        terms = [p.name, *p.phones, *p.emails, *p.websites, *p.addresses, *p.staff]
        terms += [self.author.name, *self.allow]
        return tuple(sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True))


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{where} is not valid YAML: {exc}", "fix the YAML syntax") from exc
    if not isinstance(data, dict):
        raise PolicyError(f"{where} must be a YAML mapping", "start it with 'name: ...'")
    return data


def _validate(data: dict[str, Any], where: str) -> Policy:
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise PolicyError(
            f"{where}: key '{key}': {first['msg']}",
            "see docs/policies.md for the keys a policy may have",
        ) from exc


def _merge(base: Policy, child: Policy) -> Policy:
    rules = {**base.rules, **child.rules}
    data = child.model_dump()
    data["rules"] = rules
    data["guidance"] = [*base.guidance, *child.guidance]
    data["trusted_domains"] = [*base.trusted_domains, *child.trusted_domains]
    data["allow"] = [*base.allow, *child.allow]
    if not child.practice.model_dump(exclude_defaults=True):
        data["practice"] = base.practice.model_dump()
    if not child.author.model_dump(exclude_defaults=True):
        data["author"] = base.author.model_dump()
    return Policy.model_validate(data)


def _resolve(policy: Policy, where: str, seen: tuple[str, ...]) -> Policy:
    if policy.extends is None:
        return policy
    if policy.extends in seen:
        raise PolicyError(
            f"{where}: 'extends' makes a loop ({' -> '.join((*seen, policy.extends))})",
            "make one policy extend a pack that does not extend it back",
        )
    return _merge(load_pack(policy.extends, (*seen, policy.name)), policy)


@cache
def load_pack(name: str, seen: tuple[str, ...] = ()) -> Policy:
    """One of the packs shipped with carecast, by name."""
    if name not in PACKS:
        raise PolicyError(f"no policy pack named {name!r}", "use one of: " + ", ".join(PACKS))
    text = resources.files("carecast.guard.packs").joinpath(f"{name}.yaml").read_text("utf-8")
    where = f"pack {name}.yaml"
    return _resolve(_validate(_read_yaml(text, where), where), where, seen)


def practice_policy(
    pack: str, practice: Practice, author: Author | None = None, allow: list[str] | None = None
) -> Policy:
    """A practice's policy: a shipped pack extended with its own details as allowlist."""
    policy = Policy(
        name=practice.name or pack,
        extends=pack,
        practice=practice,
        author=author or Author(),
        allow=list(allow or ()),
    )
    return _resolve(policy, f"practice {practice.name!r}", ())


def load_policy(source: str | Path | Policy | None = None) -> Policy:
    """A policy from a pack name, a YAML file path, or a Policy; None means ``default``."""
    if source is None:
        return load_pack("default")
    if isinstance(source, Policy):
        return source
    if isinstance(source, str) and source in PACKS:
        return load_pack(source)
    path = Path(source)
    if not path.is_file():
        raise PolicyError(
            f"no policy file at {path}",
            "give a pack name (" + ", ".join(PACKS) + ") or the path of a YAML policy",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read {path}: {exc}", "check the file is UTF-8 text") from exc
    policy = _validate(_read_yaml(text, str(path)), str(path))
    return _resolve(policy, str(path), ())
