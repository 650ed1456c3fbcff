"""Settings → Accounts: connect the practice's network accounts, see how each is doing,
disconnect one.

Connecting checks the account on its network before keeping it. A secret is typed
once and never sent back: the page shows only its last four characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.channels import KINDS
from carecast.errors import CarecastError, ChannelError, InputError
from carecast.web.deps import Csrf, Db, Keys, PageUser
from carecast.web.errors import status_of
from carecast.web.templating import render
from carecast.workflow import accounts
from carecast.workflow.accounts import NAMES
from carecast.workflow.roles import require

router = APIRouter(include_in_schema=False)

# What each kind asks for, in the order the form shows it: (field, label, is it secret).
FIELDS: dict[str, list[tuple[str, str, bool]]] = {
    "mastodon": [
        ("base_url", "Server address, e.g. https://mastodon.social", False),
        ("handle", "Account name, e.g. lakeside", False),
        ("access_token", "Access token (Preferences → Development → your application)", True),
    ],
    "bluesky": [
        ("base_url", "Server address, e.g. https://bsky.social", False),
        ("handle", "Handle, e.g. lakeside.bsky.social", False),
        ("password", "App password (Settings → Privacy and security → App passwords)", True),
    ],
    "x": [
        ("base_url", "API address: https://api.x.com", False),
        ("handle", "Account name, without the @", False),
        ("consumer_key", "API key", True),
        ("consumer_secret", "API key secret", True),
        ("access_token", "Access token", True),
        ("access_token_secret", "Access token secret", True),
    ],
    "blog": [
        (
            "base_url",
            "The address the folder is served at, e.g. https://lakeside.example/news",
            False,
        ),
        ("handle", "The site's title", False),
        ("folder", "Folder on this server to write the pages and feed to", False),
    ],
}


@dataclass
class ConnectForm:
    """The connect form as typed, secrets left out (they are never sent back)."""

    kind: str = "mastodon"
    base_url: str = ""
    handle: str = ""
    folder: str = ""


def _page(
    request: Request,
    db: Db,
    user: PageUser,
    *,
    form: ConnectForm | None = None,
    error: CarecastError | None = None,
    done: str = "",
) -> Response:
    context = {
        "accounts": accounts.list_accounts(db, user),
        "kinds": KINDS,
        "names": NAMES,
        "fields": FIELDS,
        "form": form or ConnectForm(),
        "error": error,
        "done": done,
    }
    return render(request, "accounts.html", context, status_of(error) if error else 200)


@router.get("/accounts")
def accounts_page(request: Request, db: Db, user: PageUser, done: str = "") -> Response:
    require(user, "accounts.manage")
    return _page(request, db, user, done=done)


@router.post("/accounts", dependencies=[Csrf])
async def connect_account(
    request: Request, db: Db, user: PageUser, keys: Keys, kind: Annotated[str, Form()] = ""
) -> Response:
    require(user, "accounts.manage")
    fields = await request.form()
    typed = {name: str(fields.get(f"{kind}-{name}", "")) for name, _, _ in FIELDS.get(kind, [])}
    form = ConnectForm(
        kind=kind,
        base_url=typed.get("base_url", ""),
        handle=typed.get("handle", ""),
        folder=typed.get("folder", ""),
    )
    try:
        secret = {name: typed[name] for name, _, hidden in FIELDS.get(kind, []) if hidden}
        account = accounts.connect(
            db,
            user,
            keys,
            kind=kind,
            base_url=form.base_url,
            handle=form.handle.lstrip("@"),
            secret=secret,
            options={"folder": form.folder} if kind == "blog" else {},
        )
    except (InputError, ChannelError) as exc:
        db.rollback()
        return _page(request, db, user, form=form, error=exc)
    return RedirectResponse(f"/accounts?done=connected-{account.id}", status_code=303)


@router.post("/accounts/{account_id}/disconnect", dependencies=[Csrf])
def disconnect_account(db: Db, user: PageUser, account_id: int) -> Response:
    require(user, "accounts.manage")
    account = accounts.get_account(db, user, account_id)
    accounts.disconnect(db, user, account)
    return RedirectResponse(f"/accounts?done=disconnected-{account.id}", status_code=303)
