"""guard: check a post against HIPAA and professional guidance. Pure: text in, findings out."""

from carecast.guard.check import check
from carecast.guard.context import Context
from carecast.guard.findings import Finding, Report, Severity
from carecast.guard.policy import Author, Policy, Practice, load_policy, practice_policy
from carecast.guard.registry import RULES

__all__ = [
    "RULES",
    "Author",
    "Context",
    "Finding",
    "Policy",
    "Practice",
    "Report",
    "Severity",
    "check",
    "load_policy",
    "practice_policy",
]
