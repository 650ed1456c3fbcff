"""Exactly once, the hard way: 1,000 due posts, two ``carecast worker`` processes on one
PostgreSQL database, killed with SIGKILL at random moments and started again, against a
real Mastodon API (mastodon-mock). Every post must be on the account exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from mastodon_mock.testing.server import MockServer
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from carecast.store import Delivery, Post, PostVersion, make_sessionmaker
from carecast.store.keys import load_keyring, new_key
from carecast.workflow import accounts
from workflow.conftest import add_staff

POSTS = 1_000
WORKERS = 2
DEADLINE = 300.0  # seconds: a bound for a stuck run, not a measure of speed
MOST_KILLS = 30  # after this many the workers are left to finish


def start_worker(url: str, key: str, number: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CARECAST_SECRET_KEY": key}
    with log.open("ab") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "carecast",
                "worker",
                "--database",
                url,
                "--name",
                f"crash-{number}-{time.monotonic_ns()}",
                "--lease",
                "2",
                "--poll-every",
                "3600",
                "--idle-sleep",
                "0.1",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def all_statuses(server: MockServer) -> list[str]:
    """The text of every status on alice's account, paging to the end."""
    client = server.client("alice")
    me = client.me()["id"]
    texts: list[str] = []
    page = client.account_statuses(me, limit=40)
    while page:
        texts.extend(str(s["content"]) for s in page)
        page = client.fetch_next(page)
    return texts


def add_due_posts(session: Session, practice_id: int, author_id: int) -> None:
    due = datetime.now(UTC) - timedelta(minutes=5)
    for number in range(POSTS):
        post = Post(
            practice_id=practice_id,
            author_id=author_id,
            state="scheduled",
            channels=["mastodon"],
            scheduled_at=due,
        )
        post.versions.append(
            PostVersion(
                number=1,
                text=f"Clinic notice {number:04d}: walk-in flu shots every weekday morning.",
                event="scheduled",
                verdict="ok",
                report={"findings": []},
            )
        )
        session.add(post)
    session.commit()


def test_two_workers_killed_at_random_publish_every_post_exactly_once(
    postgres_engine: Engine, tmp_path: Path
) -> None:
    from databases import empty_postgres

    empty_postgres(postgres_engine)
    url = postgres_engine.url.render_as_string(hide_password=False)
    key = new_key()
    sessions = make_sessionmaker(postgres_engine)
    with MockServer() as server, sessions() as session:
        staff = add_staff(session)
        accounts.connect(
            session,
            staff.manager,
            load_keyring({"CARECAST_SECRET_KEY": key}),
            kind="mastodon",
            base_url=server.base_url,
            handle="alice",
            secret={"access_token": "alice_token"},
        )
        session.commit()
        add_due_posts(session, staff.practice.id, staff.manager.id)

        rng = random.Random(20261121)
        log = tmp_path / "workers.log"
        workers = [start_worker(url, key, n, log) for n in range(WORKERS)]
        kills = 0
        started = time.monotonic()
        try:
            while time.monotonic() - started < DEADLINE:
                time.sleep(rng.uniform(1.0, 3.0))
                published = session.scalar(
                    select(func.count()).select_from(Post).where(Post.state == "published")
                )
                session.rollback()
                if published == POSTS:
                    break
                if kills >= MOST_KILLS:
                    continue
                victim = rng.randrange(WORKERS)
                workers[victim].send_signal(signal.SIGKILL)
                workers[victim].wait()
                kills += 1
                workers[victim] = start_worker(url, key, victim, log)
        finally:
            for process in workers:
                process.kill()
                process.wait()

        states = dict(session.execute(select(Post.state, func.count()).group_by(Post.state)).all())
        assert states == {"published": POSTS}, log.read_text()[-3000:]
        assert kills >= 5, "the workers were never interrupted"
        texts = all_statuses(server)
        numbers = sorted(t.split("Clinic notice ")[1][:4] for t in texts)
        assert len(texts) == POSTS and numbers == [f"{n:04d}" for n in range(POSTS)]
        sent = session.scalars(select(Delivery)).all()
        assert len(sent) == POSTS and all(d.state == "sent" and len(d.remote) == 1 for d in sent)
        retried = sum(1 for d in sent if d.attempts > 1)
        print(f"\n{kills} kills; {retried} deliveries taken over after a kill")
        httpx.post(f"{server.base_url}/api/v1/_mock/reset")
