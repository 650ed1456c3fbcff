"""carecast.triage: what an inbound message is, and what to do about it.

    >>> from carecast.triage import classify
    >>> result = classify("@clinic what does my potassium of 5.9 mean?")
    >>> result.category, result.contains_phi, result.actions
    ('personal_care', True, ['hide', 'private_thread', 'public_reply'])

Pure, like guard: the category comes from a small linear model shipped with the package
(see :mod:`carecast.triage.model`), with guard's findings among its features.
"""

from carecast.triage.classify import ACTIONS, CONFIDENT, Triage, classify
from carecast.triage.model import CATEGORIES

__all__ = ["ACTIONS", "CATEGORIES", "CONFIDENT", "Triage", "classify"]
