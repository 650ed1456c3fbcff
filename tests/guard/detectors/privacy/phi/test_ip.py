"""privacy.phi.ip: IPv4 and IPv6 addresses, not versions, doses or ratios."""

from __future__ import annotations

import pytest
from phi_assertions import covered

import carecast

RULE = "privacy.phi.ip"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Log shows the pt portal was accessed from 192.168.1.24 overnight.", "192.168.1.24"),
        ("Our IT team blocked 10.0.0.255 after the phishing attempt.", "10.0.0.255"),
        ("Access from 2001:db8::ff00:42:8329 was blocked.", "2001:db8::ff00:42:8329"),
        ("Audit log: some user at 172.16.45.203 opened the chart 14 times.", "172.16.45.203"),
        ("Sent from 8.8.8.8", "8.8.8.8"),
    ],
)
def test_ip_addresses_are_found(text: str, part: str) -> None:
    report = carecast.check(text)
    assert RULE in report.rules()
    assert covered(report, text, part, RULE)


@pytest.mark.parametrize(
    "text",
    [
        "Update to version 2.4.1.0 of the EHR app.",
        "Version 1.2.3.4 is out.",
        "256.1.1.1 is not a real address.",
        "The dose is 0.5.1 mg.",
        "The ratio is 3:1:2 in this mix.",
        "See you at 10:30:45 for the meeting.",
        "Normal sodium is 135-145.",
    ],
)
def test_not_ip_addresses(text: str) -> None:
    assert RULE not in carecast.check(text).rules()


def test_unspecified_and_loopback_ipv6_are_not_reported() -> None:
    text = "Our pt's portal log shows :: and ::1 only."
    assert "privacy.phi.ip" not in carecast.check(text).rules()
