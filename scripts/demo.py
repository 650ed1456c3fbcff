"""A demo practice, served on http://127.0.0.1:8000 (what ``make run`` runs).

Brings the database (``CARECAST_DATABASE_URL``, else ./carecast.db) up to date, adds the
demo practice, its people and a few example posts unless they are there already (running
it again adds nothing), prints how to sign in, then serves carecast with uvicorn.

Beside it run a local Mastodon server (mastodon-mock, on port 3000, emptied at every
start) with the practice's account and a patient's, and the worker, which publishes
what is due and fetches replies. Connect the practice's account in Accounts with the
token printed at start; reply as the patient in the Mastodon server's own pages.

    python scripts/demo.py                  # seed and serve
    python scripts/demo.py --seed-only      # seed, print the sign-in details, stop
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecast.errors import CarecastError
from carecast.store import (
    Post,
    Practice,
    User,
    database_url,
    make_engine,
    make_sessionmaker,
    transaction,
    upgrade,
)
from carecast.workflow import people, posts

PASSWORD = "carecast-demo"
PRACTICE = {
    "name": "Lakeside Family Health",
    "phone": "(614) 555-0142",
    "email": "hello@lakesidefamilyhealth.org",
    "address": "2200 Mill Creek Road",
    "site": "lakesidefamilyhealth.org",
    "timezone": "America/New_York",
}


@dataclass(frozen=True)
class Person:
    role: str
    email: str
    name: str
    title: str = ""
    credentials: str = ""


PEOPLE = (
    Person("manager", "manager@lakeside.example", "Marcus Reyes"),
    Person("clinician", "priya@lakeside.example", "Priya Natarajan", "Dr.", "MD"),
    Person("admin", "admin@lakeside.example", "Alex Admin"),
    Person("compliance", "compliance@lakeside.example", "Casey Compliance"),
)
CLEAN = (
    "Flu shots are in! Walk in any weekday from 9 to 5, no appointment needed. "
    "Why it matters: cdc.gov/flu"
)
NAMES_A_PATIENT = (
    "Mrs. Alvarez in bed 4 went home today after her hip surgery. What a fighter! "
    "Thank you to our amazing nurses."
)
SCHEDULED = (
    "Our office is closed Monday for the holiday. "
    "For anything urgent, call us and follow the recorded message."
)


def seed_practice(session: Session) -> Practice:
    found = session.scalar(select(Practice).where(Practice.name == PRACTICE["name"]))
    return found or people.create_practice(session, **PRACTICE, actor="demo")


def seed_people(session: Session, practice: Practice) -> dict[str, User]:
    staff = {}
    for person in PEOPLE:
        user = session.scalar(select(User).where(User.email == person.email))
        if user is None:
            user = people.create_user(
                session,
                practice,
                email=person.email,
                name=person.name,
                role=person.role,
                password=PASSWORD,
                actor="demo",
                title=person.title,
                credentials=person.credentials,
            )
        staff[person.role] = user
    return staff


def seed_posts(session: Session, practice: Practice, staff: dict[str, User]) -> int:
    """The example posts, only into a practice that has none yet; how many were added."""
    if session.scalar(select(Post.id).where(Post.practice_id == practice.id).limit(1)):
        return 0
    manager, clinician = staff["manager"], staff["clinician"]
    clean = posts.create_draft(session, manager, CLEAN, channels=["facebook"])
    posts.submit(session, manager, clean)
    posts.create_draft(session, manager, NAMES_A_PATIENT, channels=["facebook", "x"])
    tomorrow = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    scheduled = posts.create_draft(
        session,
        manager,
        SCHEDULED,
        channels=["mastodon"],
        scheduled_at=tomorrow + timedelta(days=1),
    )
    posts.submit(session, manager, scheduled)
    posts.approve(session, clinician, scheduled)
    return 3


def seed(url: str) -> None:
    """Bring the schema up to date and add whatever of the demo is missing."""
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(make_sessionmaker(engine)) as session:
            practice = seed_practice(session)
            seed_posts(session, practice, seed_people(session, practice))
    finally:
        engine.dispose()


def sign_in_help(address: str) -> str:
    width = max(len(p.role) for p in PEOPLE)
    lines = [f"carecast is at {address}", f"Sign in with the password {PASSWORD!r} as:"]
    lines += [f"  {p.role:<{width}}  {p.email}" for p in PEOPLE]
    return "\n".join(lines)


MASTODON_ACCOUNTS = {
    "lakeside": ("Lakeside Family Health", "lakeside-demo-token"),
    "sam": ("Sam, a patient", "sam-demo-token"),
}


def start_mastodon(host: str, port: int) -> str:
    """mastodon-mock in a thread, with the practice's account and a patient's."""
    import uvicorn
    from mastodon_mock.app import create_app as mastodon_app
    from mastodon_mock.config import MastodonMockConfig, SeedAccount, SeedConfig, SeedFollow

    seed = SeedConfig(
        accounts=[
            SeedAccount(username=name, display_name=shown, access_token=token)
            for name, (shown, token) in MASTODON_ACCOUNTS.items()
        ],
        follows=[SeedFollow(follower="sam", following="lakeside")],
    )
    config = MastodonMockConfig(domain=f"{host}:{port}", url_scheme="http", seed=seed)
    server = uvicorn.Server(
        uvicorn.Config(mastodon_app(config), host=host, port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return f"http://{host}:{port}"


def start_worker(url: str) -> None:
    """The worker in a thread: publishes what is due, fetches replies every 10 seconds."""
    from datetime import timedelta

    from carecast.store.keys import load_keyring
    from carecast.worker import Worker, WorkerSettings

    settings = WorkerSettings(name="demo", poll_every=timedelta(seconds=10), idle_sleep=2)
    worker = Worker(make_sessionmaker(make_engine(url)), load_keyring(), settings)
    threading.Thread(target=worker.run, daemon=True).start()


def mastodon_help(address: str) -> str:
    lake, sam = MASTODON_ACCOUNTS["lakeside"], MASTODON_ACCOUNTS["sam"]
    return "\n".join(
        [
            f"A local Mastodon server is at {address} (its own pages: {address}/_ui/).",
            "Connect the practice's account in Accounts with:",
            f"  server address  {address}",
            "  account name    lakeside",
            f"  access token    {lake[1]}",
            f"A patient, sam, can reply to the practice's posts with the token {sam[1]!r}.",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=None, help="database URL (default: ./carecast.db)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--seed-only", action="store_true", help="seed, then stop")
    parser.add_argument("--mastodon-port", type=int, default=3000)
    parser.add_argument(
        "--no-mastodon", action="store_true", help="no local Mastodon server, no worker"
    )
    args = parser.parse_args()
    url = args.database or database_url()
    try:
        seed(url)
    except CarecastError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"hint: {exc.hint}", file=sys.stderr)
        return 2
    print(sign_in_help(f"http://{args.host}:{args.port}"), flush=True)
    if args.seed_only:
        return 0
    import uvicorn

    from carecast.web import create_app

    if not args.no_mastodon:
        print(mastodon_help(start_mastodon(args.host, args.mastodon_port)), flush=True)
        start_worker(url)
    uvicorn.run(create_app(url), host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
