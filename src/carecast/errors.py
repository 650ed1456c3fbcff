"""Every error carecast raises, under one root.

    CarecastError            message + hint (what to do next)
    ├── InputError           the text, file or JSON given to carecast is unusable
    ├── PolicyError          a policy pack or practice profile is missing or invalid
    ├── ChannelError         a social network refused or failed (knows its channel)
    │   ├── RetryLater       a passing failure (429, 5xx, timeout): try again, maybe after a wait
    │   └── Refused          a lasting refusal (bad token, text rejected): a person must act
    ├── StoreError           the database could not be read or written
    ├── SetupError           carecast's own files are missing or damaged: reinstall
    ├── AuthError            sign-in failed, or a token is unknown or revoked
    │   └── TooManyAttempts  sign-in is paused for an address after repeated failures
    ├── PermissionDenied     the user's role may not do this
    ├── NotFound             no such post, user, consent or page
    └── ConflictError        the thing's current state does not allow this action

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


class RetryLater(ChannelError):
    """A passing failure: rate limited, a server error, a timeout or a dropped connection.
    ``retry_after`` is the wait in seconds the network asked for, if it said."""

    def __init__(
        self, channel: str, message: str, hint: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(channel, message, hint or "carecast will try again")
        self.retry_after = retry_after


class Refused(ChannelError):
    """A lasting refusal: the account's token was rejected, the text was refused, the post
    is gone. Trying again will not help; a person has to act."""


class StoreError(CarecastError):
    """The database could not be read or written."""


class SetupError(CarecastError):
    """A file carecast ships with (a model, a lexicon) is missing or damaged."""


class AuthError(CarecastError):
    """Sign-in failed, or a bearer token is unknown or revoked."""


class TooManyAttempts(AuthError):
    """Sign-in is paused for an address after repeated failures."""

    def __init__(self, message: str, hint: str = "", retry_after: int = 60) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after


class PermissionDenied(CarecastError):
    """The user's role, or their relation to the thing, does not allow this action."""


class NotFound(CarecastError):
    """No such post, user, consent or page."""


class ConflictError(CarecastError):
    """The thing's current state does not allow this action (approving a draft, say)."""
