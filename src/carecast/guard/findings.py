"""What guard returns: one :class:`Finding` per thing noticed, one :class:`Report` per text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["ok", "review", "block"]
SEVERITY_RANK: dict[str, int] = {"ok": 0, "review": 1, "block": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing guard noticed in a text.

    ``start``/``end`` are Python string indices into the checked text; ``suggestion``
    is the fix: a typed placeholder for PHI, or what the author should do for the other
    rules. ``addition`` is wording that can be added to the post as it stands (a
    referral, the author's credentials), empty where only a rewrite fixes it.
    ``explanation`` says which pattern or cue fired, for people reading a report.
    """

    rule: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    explanation: str = ""
    addition: str = ""

    @property
    def category(self) -> str:
        return self.rule.split(".", 1)[0]

    @property
    def is_phi(self) -> bool:
        return self.rule.startswith("privacy.phi.")

    def intersects(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Finding) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape for one finding."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """All findings for one text, the verdict, and the text with fixes applied.

    ``redacted_text`` replaces every PHI span with its typed placeholder;
    ``fixed_text`` also adds the wording the other findings suggest (a referral
    to the reader's own clinician, a disclosure line, credentials, a source).
    """

    verdict: Severity
    findings: tuple[Finding, ...]
    redacted_text: str
    fixed_text: str
    policy: str = "default"
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def phi(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_phi)

    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape for one report."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["verdict"] = self.verdict
        out["findings"] = [f.to_dict() for f in self.findings]
        out["redacted_text"] = self.redacted_text
        out["fixed_text"] = self.fixed_text
        out["policy"] = self.policy
        return out


def as_plain(report: Report) -> dict[str, Any]:
    """Every field of a report, explanations included (for debugging and SARIF)."""
    return asdict(report)
