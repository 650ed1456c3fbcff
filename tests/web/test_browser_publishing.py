"""Publishing in a real browser: a manager connects the practice's Mastodon account
(mastodon-mock on 127.0.0.1, as in ``make run``), schedules an approved post, the worker
publishes it, a patient replies, and the manager sees the link and the reply on the
post's page and in the inbox.

SQLite only; screenshots go to the test's temporary folder (``screenshots/``).
"""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mastodon_mock.testing.server import MockServer

from carecast.store import make_sessionmaker
from carecast.store.keys import load_keyring, new_key
from carecast.web import create_app
from carecast.worker import Worker, WorkerSettings
from carecast.workflow import posts
from databases import sqlite_engine
from servers import live_server
from web.browser import Screens, chromium, sign_in
from web.conftest import PASSWORD
from workflow.conftest import add_staff

TEXT = "Flu shots are in: walk in any weekday morning. Who should get one: cdc.gov/flu"


def test_connect_mastodon_schedule_and_see_the_link_and_the_reply(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path)
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        staff = add_staff(session)
        post = posts.create_draft(session, staff.manager, TEXT, channels=["mastodon"])
        posts.submit(session, staff.manager, post)
        posts.approve(session, staff.clinician, post)
        session.commit()
        post_id, manager = post.id, staff.manager.email
    keyring = load_keyring({"CARECAST_SECRET_KEY": new_key()})
    settings = WorkerSettings(name="browser", poll_every=timedelta(0), idle_sleep=0.2)
    worker = Worker(sessions, keyring, settings)
    stop = threading.Event()
    screens = Screens(tmp_path / "screenshots")
    url = engine.url.render_as_string(hide_password=False)
    with (
        MockServer() as mastodon,
        chromium() as browser,
        live_server(create_app(url, keyring=keyring)) as base,
    ):
        from playwright.sync_api import expect

        threading.Thread(target=worker.run, args=(stop,), daemon=True).start()
        page = browser.new_page()
        sign_in(page, base, manager, PASSWORD)

        # Connect: a wrong token is refused at the form, the right one is kept.
        page.get_by_role("link", name="Accounts").click()
        page.get_by_label("Server address, e.g. https://mastodon.social").fill(mastodon.base_url)
        page.get_by_label("Account name, e.g. lakeside").fill("alice")
        token = page.locator("#mastodon-access_token")
        token.fill("not-the-token")
        page.get_by_role("button", name="Check and connect").first.click()
        expect(page.get_by_role("alert")).to_contain_text("access token was refused")
        screens.shoot(page, "accounts-refused")
        token.fill("alice_token")
        page.get_by_role("button", name="Check and connect").first.click()
        expect(page.get_by_role("status")).to_contain_text("Connected.")
        expect(page.locator("table.accounts")).to_contain_text("…oken")
        screens.shoot(page, "accounts-connected")

        # Schedule for a minute ago: the worker publishes it at once.
        page.goto(f"{base}/posts/{post_id}")
        a_minute_ago = datetime.now(UTC) - timedelta(minutes=1)
        page.get_by_label("Publish at").fill(a_minute_ago.strftime("%Y-%m-%dT%H:%M"))
        with page.expect_navigation():
            page.get_by_role("button", name="Schedule").click()
        for _ in range(100):
            page.goto(f"{base}/posts/{post_id}")
            if page.locator("h1 .state").inner_text() == "published":
                break
            page.wait_for_timeout(200)
        expect(page.locator("h1 .state")).to_have_text("published")
        link = page.locator(".deliveries a").first
        status_url = link.get_attribute("href")
        assert status_url and status_url.startswith("https://mock.local/@alice/")
        screens.shoot(page, "post-published")

        # A patient replies on Mastodon; the reply comes home.
        bob = mastodon.client("bob")
        status_id = status_url.rsplit("/", 1)[1]
        bob.status_post("@alice is the flu shot free for over-65s?", in_reply_to_id=status_id)
        for _ in range(100):
            page.goto(f"{base}/posts/{post_id}")
            if page.locator("#replies-h").count():
                break
            page.wait_for_timeout(200)
        expect(page.locator(".mention")).to_contain_text("free for over-65s")
        screens.shoot(page, "post-with-reply")
        page.get_by_role("link", name="Inbox", exact=True).click()
        expect(page.locator(".mention")).to_contain_text("@bob")
        expect(page.locator(".mention")).to_contain_text(f"post {post_id}")
        screens.shoot(page, "inbox")

        # A patient's own result arrives: triaged private, moved to a thread by keyboard.
        bob.status_post("@alice my potassium came back 5.9, should I stop my lisinopril?")
        for _ in range(100):
            page.goto(f"{base}/inbox?category=personal_care")
            if page.locator(".mention").count():
                break
            page.wait_for_timeout(200)
        expect(page.locator(".mention")).to_contain_text("keep it private")
        screens.shoot(page, "inbox-private")
        page.keyboard.press("j")
        with page.expect_navigation():
            page.keyboard.press("p")
        page.wait_for_url(re.compile(r"/threads/\d+$"))
        expect(page.locator(".thread-message")).to_contain_text("lisinopril")
        page.get_by_label("Add to the thread").fill("Called back, booked a blood test.")
        page.get_by_role("button", name="Add", exact=True).click()
        expect(page.locator(".thread-message.note")).to_contain_text("booked a blood test")
        screens.shoot(page, "thread")
        page.goto(f"{base}/inbox")
        expect(page.locator(".mentions")).not_to_contain_text("lisinopril")
        stop.set()
    engine.dispose()
    assert len(screens.taken) == 7
