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


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # plates in groups of capitals and digits, in a sentence about a vehicle
        (
            "Whoever owns the silver Corolla, reg WX68 TUV, your lights are on in the car park.",
            "WX68 TUV",
        ),
        (
            "Found a patient's car keys, the fob says KA 05 MN 4821, left at triage.",
            "KA 05 MN 4821",
        ),
        ("Dispatch said a white van, LSD 482 XA, driver trapped inside.", "LSD 482 XA"),
        ("Her plate was KJA 554 AG, and the engine was still running outside A&E.", "KJA 554 AG"),
        # a label, then words, then the number after a colon
        ("Pacemaker check: serial on the box we scanned for Mrs. O: QX5510-2290.", "QX5510-2290"),
        # a bare Rx number, a DEA number with its check digit, an NHS number with its check digit
        ("Rx 8830215 for Mr. Benn went in the wrong bag, caught it in time.", "8830215"),
        # national and health numbers by name
        ("Pt's NIN 12345678901 was on the form left at the nurses' station.", "12345678901"),
        ("Her PhilHealth number 12-345678901-2 was on the referral we posted.", "12-345678901-2"),
        ("Mrs. B's CHI number 1203451234 was read aloud in the waiting room.", "1203451234"),
        ("Patient's SIN 046 454 286 was faxed to the wrong office.", "046 454 286"),
        ("The guy's insulin pump, SN 77421-0093, alarmed all night in bay 2.", "77421-0093"),
        ("Someone forged scripts with DEA number AB1234563 this week, please check.", "AB1234563"),
        (
            "Receptionist read 401 023 2137 off his letter out loud in the queue. #NHS",
            "401 023 2137",
        ),
    ],
)
def test_plates_serials_and_checked_numbers_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert covered(report, text, part, RULE), [(f.rule, f.text) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        "My DEA number AB1234563 is on file with the pharmacy.",
        "DEA number AB1234567 fails the check digit.",
        "Sample label for teaching: Rx 0000000, patient A. Sample.",
        "Rx 500 mg amoxicillin three times a day for 5 days.",
        "Forgiving yourself is not a sin 2 days into a new routine.",
        "Parked my car in the staff car park, space B12, all day. Level 2 is full.",
        "The van for the mobile clinic is parked by the school gates: look for the NHS logo.",
        "The A1 and M25 will be busy; plan your drive to the hospital.",
        "Our NHS 111 line is free; a typo like 401 023 2138 is not a real number. #NHS",
        "Text the surgery line on 401 023 2137 for repeat prescriptions. #NHS",
    ],
)
def test_not_plates_serials_or_checked_numbers(text: str) -> None:
    assert RULE not in carecast.check(text).rules()
