"""The shape every detector has: a rule id, a default severity, and a ``detect`` hook.

A detector declares its rule, severity, message, placeholder or fix wording, and the
guidance it encodes as class data; ``detect`` yields findings for one document.
Detectors are pure: no I/O, no clock, no state between calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from carecast.guard.document import Document
from carecast.guard.findings import Finding, Severity


class Detector:
    """Base for all detectors. Subclasses set the class data and write :meth:`detect`."""

    rule: ClassVar[str]
    severity: ClassVar[Severity] = "review"
    message: ClassVar[str]
    suggestion: ClassVar[str]
    addition: ClassVar[str] = ""  # wording the fixed text may append as it stands
    source: ClassVar[str] = ""

    def detect(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        explanation: str,
        *,
        message: str | None = None,
        suggestion: str | None = None,
        addition: str | None = None,
    ) -> Finding:
        """A finding of this detector's rule over ``doc.text[start:end]``."""
        return Finding(
            rule=self.rule,
            severity=self.severity,
            start=start,
            end=end,
            text=doc.text[start:end],
            message=message or self.message,
            suggestion=self.suggestion if suggestion is None else suggestion,
            explanation=explanation,
            addition=self.addition if addition is None else addition,
        )
