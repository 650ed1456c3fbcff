"""The inbox: replies and mentions the worker brought home, triaged, by category and
account; and what can be done with one (a private thread, a drafted reply, hide, block,
flag, dismiss)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from carecast.store import Mention, Thread
from carecast.triage import CATEGORIES
from carecast.web.deps import Csrf, Db, Keys, PageUser
from carecast.web.templating import render
from carecast.workflow import accounts, inbox, threads
from carecast.workflow.accounts import NAMES
from carecast.workflow.roles import allowed

router = APIRouter(include_in_schema=False)


@router.get("/inbox")
def inbox_page(
    request: Request,
    db: Db,
    user: PageUser,
    account: int | None = None,
    category: str = "",
    note: str = "",
) -> Response:
    chosen = [category] if category in CATEGORIES else []
    mentions = inbox.list_mentions(
        db, user, account_ids=[account] if account else [], categories=chosen
    )
    context = {
        "mentions": mentions,
        "accounts": accounts.list_accounts(db, user),
        "chosen": account,
        "category": category if chosen else "",
        "categories": CATEGORIES,
        "names": NAMES,
        "can_act": allowed(user, "inbox.act"),
        "can_threads": allowed(user, "threads.write"),
        "can_write": allowed(user, "posts.write"),
        "note": note,
        "thread_of": {
            t.mention_id: t.id
            for t in db.scalars(
                select(Thread).where(Thread.mention_id.in_([m.id for m in mentions]))
            )
        },
    }
    return render(request, "inbox.html", context)


def _mention(db: Db, user: PageUser, mention_id: int) -> Mention:
    return inbox.get_mention(db, user, mention_id)


@router.post("/inbox/{mention_id}/private", dependencies=[Csrf])
def move_to_thread(db: Db, user: PageUser, keys: Keys, mention_id: int) -> Response:
    thread = threads.open_thread(db, user, keys, _mention(db, user, mention_id))
    return RedirectResponse(f"/threads/{thread.id}", status_code=303)


@router.post("/inbox/{mention_id}/reply", dependencies=[Csrf])
def draft_a_reply(db: Db, user: PageUser, mention_id: int) -> Response:
    """A draft answering the message where it came in, for review like any post."""
    post = inbox.draft_reply(db, user, _mention(db, user, mention_id))
    return RedirectResponse(f"/posts/{post.id}/edit", status_code=303)


@router.post("/inbox/{mention_id}/hide", dependencies=[Csrf])
def hide_on_network(db: Db, user: PageUser, keys: Keys, mention_id: int) -> Response:
    done = inbox.hide(db, user, keys, _mention(db, user, mention_id))
    note = "hidden" if done else "cannot-hide"
    return RedirectResponse(f"/inbox?note={note}-{mention_id}#mention-{mention_id}", 303)


@router.post("/inbox/{mention_id}/block", dependencies=[Csrf])
def block_sender(db: Db, user: PageUser, keys: Keys, mention_id: int) -> Response:
    done = inbox.block(db, user, keys, _mention(db, user, mention_id))
    note = "blocked" if done else "cannot-block"
    return RedirectResponse(f"/inbox?note={note}-{mention_id}#mention-{mention_id}", 303)


@router.post("/inbox/{mention_id}/state", dependencies=[Csrf])
def set_state(
    db: Db, user: PageUser, mention_id: int, state: Annotated[str, Form()] = ""
) -> Response:
    inbox.set_state(db, user, _mention(db, user, mention_id), state)
    return RedirectResponse(f"/inbox#mention-{mention_id}", status_code=303)
