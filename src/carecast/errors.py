"""Every error carecast raises, under one root.

    CarecastError            message + hint (what to do next)
    ├── InputError           the text, file or JSON given to carecast is unusable
    ├── PolicyError          a policy pack or practice profile is missing or invalid
    ├── ChannelError         a social network refused or failed (knows its channel)
    └── StoreError           the database could not be read or written

The command line prints ``message`` and ``hint`` and exits 2; the web layer maps
each class to an HTTP status.
"""

from __future__ import annotations


class CarecastError(Exception):
    """Root of carecast's errors: says what went wrong and what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(CarecastError):
    """The text, file or JSON given to carecast cannot be used as it is."""


class PolicyError(CarecastError):
    """A policy pack or practice profile is missing or invalid."""


class ChannelError(CarecastError):
    """A social network refused or failed a request."""

    def __init__(self, channel: str, message: str, hint: str = "") -> None:
        super().__init__(f"{channel}: {message}", hint)
        self.channel = channel


class StoreError(CarecastError):
    """The database could not be read or written."""
