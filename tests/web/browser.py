"""For the browser test: carecast served by uvicorn on loopback in a thread, and Debian's
chromium driven by Playwright (``apt-get install chromium``; Playwright's own browser
downloads are not used).

Under CI (``CI=true``) a missing chromium or Playwright fails the test; elsewhere it skips
and says what to install.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import ci

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE: ViewportSize = {"width": 390, "height": 844}  # a phone-sized viewport, in CSS pixels


def unavailable(reason: str) -> NoReturn:
    """Fail under CI, where the browser test must run; skip elsewhere."""
    ci.unavailable(reason, "CI must run the browser test: see .ci/chromium.sh")


def chromium_path() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return found
    unavailable(f"no chromium at {CHROMIUM}: install it with `apt-get install chromium`")


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium, headless, through Playwright's sync API."""
    executable = chromium_path()
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: pip install -e '.[dev]'")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as exc:
            unavailable(f"chromium at {executable} did not start: {exc.message.splitlines()[0]}")
        try:
            yield browser
        finally:
            browser.close()


class Screens:
    """Full-page screenshots, numbered in the order taken, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.taken: list[Path] = []
        folder.mkdir(parents=True, exist_ok=True)

    def shoot(self, page: Page, name: str) -> Path:
        path = self.folder / f"{len(self.taken) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


def fits_the_width(page: Page) -> bool:
    """Nothing on the page is wider than the window (no sideways scrolling on a phone)."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    """Sign in through the form, by keyboard: type, then Enter."""
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    with page.expect_navigation():
        page.press("#password", "Enter")


def sign_out(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
