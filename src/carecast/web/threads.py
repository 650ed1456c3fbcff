"""Private threads: the list, one thread to read (audited) and write in, and closing it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.errors import InputError
from carecast.web.deps import Csrf, Db, Keys, PageUser
from carecast.web.errors import status_of
from carecast.web.templating import render
from carecast.workflow import threads

router = APIRouter(include_in_schema=False)


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
