"""The whole flow in a real browser: a manager drafts a post that names a patient, sees it
highlighted as they type, applies the fixes and submits; a clinician approves it from the
review queue by keyboard; compliance sees every step in the audit log; ``carecast audit
verify`` passes, and fails once an audit row is changed.

Runs on SQLite only, against carecast served by uvicorn on loopback. Screenshots of each
page go to the test's temporary folder (``screenshots/``), named in the order taken.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from carecast.cli import app as cli
from carecast.store import make_sessionmaker
from carecast.web import create_app
from carecast.workflow import people
from databases import sqlite_engine
from servers import live_server
from web.browser import PHONE, Screens, chromium, fits_the_width, sign_in, sign_out
from web.conftest import PASSWORD

NAMING = "Mrs. Alvarez in bed 4 went home today, what a fighter!"
STAFF = {
    "manager": ("manager@lakeside.test", "Marcus Reyes", ""),
    "clinician": ("priya@lakeside.test", "Priya Natarajan", "Dr."),
    "compliance": ("compliance@lakeside.test", "Casey Compliance", ""),
    "admin": ("admin@lakeside.test", "Alex Admin", ""),
}


def _database(folder: Path) -> str:
    engine = sqlite_engine(folder)
    with make_sessionmaker(engine)() as session:
        practice = people.create_practice(
            session, name="Lakeside Family Health", site="lakesidefamilyhealth.org"
        )
        for role, (email, name, title) in STAFF.items():
            people.create_user(
                session, practice, email=email, name=name, role=role, password=PASSWORD, title=title
            )
        session.commit()
    engine.dispose()
    return f"sqlite:///{folder / 'carecast.db'}"


def _verify(url: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["audit", "verify", "--database", url])
    return result.exit_code, result.output


def test_draft_fix_submit_approve_and_audit_in_a_browser(tmp_path: Path) -> None:
    url = _database(tmp_path)
    screens = Screens(tmp_path / "screenshots")
    manager, clinician, compliance, admin = (STAFF[r][0] for r in STAFF)
    with chromium() as browser, live_server(create_app(url)) as base:
        from playwright.sync_api import expect  # chromium() has checked Playwright is there

        page = browser.new_page()
        page.goto(f"{base}/login")
        screens.shoot(page, "sign-in")

        # The manager drafts: the patient's name is marked as they type.
        sign_in(page, base, manager, PASSWORD)
        page.get_by_role("link", name="Compose").click()
        page.get_by_label("Post text").press_sequentially(NAMING)
        name_mark = page.locator('mark[data-rule="privacy.phi.name"]')
        expect(name_mark).to_have_text("Mrs. Alvarez")
        screens.shoot(page, "compose-highlighted")

        # One fix, then the rest: the highlights go.
        page.locator('button.apply-fix[data-rule="privacy.phi.name"]').click()
        expect(name_mark).to_have_count(0)
        expect(page.get_by_label("Post text")).to_have_value(re.compile(r"^\[patient\] in "))
        page.get_by_role("button", name="Apply all fixes").click()
        expect(page.locator("mark.finding")).to_have_count(0)
        expect(page.locator("#findings")).to_contain_text("Nothing to fix.")
        screens.shoot(page, "compose-fixed")
        page.get_by_role("button", name="Submit for review").click()
        page.wait_for_url(re.compile(r"/posts/\d+$"))
        expect(page.locator("h1 .state")).to_have_text("in review")
        post_id = page.url.rsplit("/", 1)[1]
        screens.shoot(page, "post-in-review")
        sign_out(page)

        # The clinician approves from the queue, by keyboard: j selects, x ticks, A approves.
        sign_in(page, base, clinician, PASSWORD)
        page.wait_for_url(re.compile(r"/review$"))
        expect(page.locator(".queue-item")).to_contain_text("[patient] in [location]")
        screens.shoot(page, "review-queue")
        page.keyboard.press("j")
        page.keyboard.press("x")
        expect(page.locator(f'input[name="post_ids"][value="{post_id}"]')).to_be_checked()
        with page.expect_navigation():
            page.keyboard.press("Shift+A")
        expect(page.locator(".results")).to_contain_text(f"Post {post_id}: approved")
        screens.shoot(page, "review-approved")
        page.goto(f"{base}/posts/{post_id}")
        expect(page.locator("h1 .state")).to_have_text("approved")
        page.get_by_label("Publish at").fill("2031-05-06T09:30")
        page.get_by_role("button", name="Schedule").click()
        expect(page.locator("h1 .state")).to_have_text("scheduled")
        sign_out(page)

        # Compliance reads every step in the audit log.
        sign_in(page, base, compliance, PASSWORD)
        page.wait_for_url(re.compile(r"/audit$"))
        log = page.locator("table.audit")
        for action in ("post.created", "post.submitted", "post.approved", "user.signed_in"):
            expect(log).to_contain_text(action)
        expect(page.locator(".chain")).to_contain_text("The hash chain holds")
        screens.shoot(page, "audit")
        page.get_by_role("link", name="Calendar").click()
        page.get_by_role("link", name=re.compile("December")).wait_for()
        page.goto(f"{base}/calendar?month=2031-05")
        expect(page.locator(".calendar-day")).to_contain_text("Tuesday 6 May")
        expect(page.locator(".calendar-day")).to_contain_text("09:30 scheduled [patient]")
        screens.shoot(page, "calendar")
        sign_out(page)

        # The admin's pages, on a phone-sized screen: nothing runs off the side.
        phone = browser.new_page(viewport=PHONE)
        sign_in(phone, base, admin, PASSWORD)
        pages = ("/settings", "/users", "/audit", "/calendar?month=2031-05", f"/posts/{post_id}")
        for path in (*pages, "/compose"):
            phone.goto(base + path)
            assert fits_the_width(phone), f"{path} is wider than a phone's screen"
            screens.shoot(phone, "phone-" + re.sub(r"\W+", "-", path.strip("/")))
        phone.close()

    assert len(screens.taken) == 14
    status, output = _verify(url)
    assert status == 0 and "intact" in output, output

    with sqlite3.connect(tmp_path / "carecast.db") as connection:
        connection.execute("DROP TRIGGER audit_events_no_update")
        connection.execute("UPDATE audit_events SET details = '{}' WHERE action = 'post.approved'")
    connection.close()
    status, output = _verify(url)
    assert status == 1 and "broken" in output, output
