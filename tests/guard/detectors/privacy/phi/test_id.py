"""privacy.phi.id: SSN, record, plan, account, licence, vehicle and device numbers."""

from __future__ import annotations

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.id"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Pt SSN 123-45-6789 was on the wrong chart.", "123-45-6789"),
        ("MRN 4452871 was swapped with another patient's.", "4452871"),
        ("Her member ID: XJH448812930 was denied again.", "XJH448812930"),
        ("Policy number HMO-55821-0047-A was denied.", "HMO-55821-0047-A"),
        ("Acct # 88812345 has a balance.", "88812345"),
        ("Driver's license number D1234567 was on the intake form.", "D1234567"),
        ("The patient's car, VIN 1HGCM82633A004352, was towed from the lot.", "1HGCM82633A004352"),
        ("Serial number PM7734410X on her pacemaker needs a recall check.", "PM7734410X"),
        ("My patient's MBI is 1EG4-TE5-MK73.", "1EG4-TE5-MK73"),
        ("My patient's health plan ID is W123456789.", "W123456789"),
        ("His licence plate is 7XYZ123.", "7XYZ123"),
        ("Account number 88812345 is overdue for my patient.", "88812345"),
        ("NHS number 943 476 5919 was on the discharge letter.", "943 476 5919"),
        ("Pacemaker serial number PM7734410X needs a recall check.", "PM7734410X"),
        (
            "Found a patient's Visa 4532 0151 1283 0366 on the waiting room floor.",
            "4532 0151 1283 0366",
        ),
        (
            "ID bracelets for the Patel twins (K4471902 and K4471903) were left at the desk.",
            "K4471903",
        ),
        ("A patient left a phone (IMEI 490154203237518) in the waiting room.", "490154203237518"),
        ("Pt left his driver's licence at the desk: OH RK482913.", "RK482913"),
        ("Mr. Huang's vanity plate GRAMPS9 is famous in our car park.", "GRAMPS9"),
        ("Death certificate number 2024-00123 was filed for my patient.", "2024-00123"),
    ],
)
def test_identifying_numbers_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    "text",
    [
        "My NPI is 1234567890 if you need it for the referral.",
        "Take 2 tablets every 6 hours.",
        "The ICD-10 code for this is E11.9.",
        "SSN 000-12-3456 is never valid.",
        "Lot numbers are printed on every vaccine vial.",
        "Our team upgraded to version 2.4.1 this week.",
        "Lot number 12345678 of the flu vaccine is recalled.",
        "The ID badge printer is broken, new code 45528871 from IT.",
        "Card 4111 1111 1111 1112 fails the Luhn check.",
        "Version 10.2.45678 of the app fixes the login bug.",
        "NDC 0002-8215-01 is the insulin lispro pen.",
        "The recall covers pacemakers made between 2019 and 2021.",
        "Call us at 614-555-0142 about your account.",
        "Normal sodium is 135-145.",
    ],
)
def test_not_identifying_numbers(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
