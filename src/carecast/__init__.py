"""carecast: take part in social media without leaking patient data or practising medicine.

>>> import carecast
>>> carecast.check("Mrs. Alvarez in bed 4 is doing better").verdict
'block'
"""

import logging

from carecast.errors import CarecastError, ChannelError, InputError, PolicyError, StoreError
from carecast.guard import Context, Finding, Policy, Report, check, load_policy

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "CarecastError",
    "ChannelError",
    "Context",
    "Finding",
    "InputError",
    "Policy",
    "PolicyError",
    "Report",
    "StoreError",
    "check",
    "load_policy",
]
__version__ = "0.1.0"
