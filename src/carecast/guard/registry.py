"""Every detector guard runs, by rule id. Add a detector here to make it run."""

from __future__ import annotations

from carecast.guard.detector import Detector
from carecast.guard.detectors.advice import IndividualAdvice, NoReferral
from carecast.guard.detectors.conduct import PatientCriticism
from carecast.guard.detectors.disclosure import MissingIdentity, UndisclosedPromotion
from carecast.guard.detectors.misinformation import MisinformationClaim
from carecast.guard.detectors.privacy.phi.age import AgeOver89
from carecast.guard.detectors.privacy.phi.contact import ContactDetail
from carecast.guard.detectors.privacy.phi.date import PersonDate
from carecast.guard.detectors.privacy.phi.id import IdentifyingNumber
from carecast.guard.detectors.privacy.phi.ip import IpAddress
from carecast.guard.detectors.privacy.phi.location import PatientLocation
from carecast.guard.detectors.privacy.phi.name import PatientName
from carecast.guard.detectors.privacy.phi.other import UniqueDetail
from carecast.guard.detectors.privacy.phi.url import PersonalUrl
from carecast.guard.detectors.sourcing import UnreliableSource, UnsourcedClaim
from carecast.guard.policy import Policy

DETECTORS: dict[str, Detector] = {
    d.rule: d
    for d in (
        PatientName(),
        PersonDate(),
        AgeOver89(),
        PatientLocation(),
        ContactDetail(),
        IdentifyingNumber(),
        PersonalUrl(),
        IpAddress(),
        UniqueDetail(),
        IndividualAdvice(),
        NoReferral(),
        PatientCriticism(),
        UndisclosedPromotion(),
        MissingIdentity(),
        UnreliableSource(),
        UnsourcedClaim(),
        MisinformationClaim(),
    )
}

RULES: tuple[str, ...] = tuple(DETECTORS)


def detectors_for(policy: Policy) -> list[Detector]:
    """The detectors a policy leaves switched on."""
    return [d for rule, d in DETECTORS.items() if policy.setting(rule).enabled]
