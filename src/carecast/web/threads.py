"""Private threads and the inbox's actions: move a message into a private thread, flag
or dismiss it; read a thread (audited) and write in it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.errors import InputError, NotFound
from carecast.store import Mention
from carecast.web.deps import Csrf, Db, Keys, PageUser
from carecast.web.errors import status_of
from carecast.web.templating import render
from carecast.workflow import audit, inbox, threads
from carecast.workflow.roles import require

router = APIRouter(include_in_schema=False)
STATES = {"flagged": "flag", "dismissed": "dismiss", "new": "put back"}


def _mention(db: Db, user: PageUser, mention_id: int) -> Mention:
    mention = db.get(Mention, mention_id)
    if mention is None or mention.practice_id != user.practice_id:
        raise NotFound(f"no message {mention_id} in the inbox", "pick one from the inbox")
    return mention


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
    require(user, "inbox.act")
    mention = _mention(db, user, mention_id)
    if state not in STATES:
        raise InputError(f"no inbox state {state!r}", "flag, dismiss or put back a message")
    if mention.state == "private":
        raise InputError("the message is in a private thread", "open the thread instead")
    mention.state = state
    audit.record(
        db,
        actor=user.email,
        action=f"mention.{state}",
        object_type="mention",
        object_id=mention.id,
        details={"category": mention.category},
        practice_id=mention.practice_id,
    )
    return RedirectResponse(f"/inbox#mention-{mention.id}", status_code=303)


@router.get("/threads")
def threads_page(request: Request, db: Db, user: PageUser) -> Response:
    return render(request, "threads.html", {"threads": threads.list_threads(db, user)})


def _thread_page(
    request: Request, db: Db, user: PageUser, keys: Keys, thread_id: int, error: InputError | None
) -> Response:
    thread = threads.get_thread(db, user, thread_id)
    messages = threads.read_thread(db, user, keys, thread)
    context = {"thread": thread, "messages": messages, "error": error}
    return render(request, "thread.html", context, status_of(error) if error else 200)


@router.get("/threads/{thread_id}")
def thread_page(request: Request, db: Db, user: PageUser, keys: Keys, thread_id: int) -> Response:
    return _thread_page(request, db, user, keys, thread_id, None)


@router.post("/threads/{thread_id}/messages", dependencies=[Csrf])
def write_in_thread(
    request: Request,
    db: Db,
    user: PageUser,
    keys: Keys,
    thread_id: int,
    body: Annotated[str, Form()] = "",
    direction: Annotated[str, Form()] = "note",
) -> Response:
    thread = threads.get_thread(db, user, thread_id)
    try:
        threads.add_message(db, user, keys, thread, body, direction)
    except InputError as exc:
        db.rollback()
        return _thread_page(request, db, user, keys, thread_id, exc)
    return RedirectResponse(f"/threads/{thread_id}", status_code=303)


@router.post("/threads/{thread_id}/close", dependencies=[Csrf])
def close(db: Db, user: PageUser, thread_id: int) -> Response:
    threads.close_thread(db, user, threads.get_thread(db, user, thread_id))
    return RedirectResponse(f"/threads/{thread_id}", status_code=303)
