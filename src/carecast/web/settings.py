"""The practice's settings (profile, policy pack, allowlist) and its users (add, change role).

Both are for admins. A form with a mistake comes back with the message and what was typed
(except a password), with the status of the error (422 for invalid input).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from carecast.errors import CarecastError, ConflictError, InputError
from carecast.guard.policy import PACKS
from carecast.store import Practice, User
from carecast.store.practice import ROLES
from carecast.web.deps import Csrf, Db, PageUser
from carecast.web.errors import status_of
from carecast.web.templating import render
from carecast.workflow import people
from carecast.workflow.people import MIN_PASSWORD
from carecast.workflow.roles import require

router = APIRouter(include_in_schema=False)

# Longest value each practice field holds (the columns of carecast.store.Practice).
PRACTICE_LIMITS = {"name": 200, "phone": 60, "email": 254, "address": 400, "site": 400}
USER_LIMITS = {
    "email": 254,
    "name": 200,
    "title": 40,
    "credentials": 120,
    "registration_number": 60,
    "employer": 200,
}
LABELS = {
    "name": "name",
    "phone": "phone number",
    "email": "email address",
    "address": "address",
    "site": "web site",
    "title": "title",
    "credentials": "credentials",
    "registration_number": "registration number",
    "employer": "employer",
}


class FieldError(InputError):
    """Invalid input in one named field of a form."""

    def __init__(self, field: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.field = field


def _check_lengths(values: dict[str, str], limits: dict[str, int]) -> None:
    for name, limit in limits.items():
        if len(values[name].strip()) > limit:
            raise FieldError(
                name,
                f"the {LABELS[name]} is {len(values[name].strip())} characters long",
                f"keep it to {limit}",
            )


def _check_email(field: str, value: str, *, required: bool) -> None:
    value = value.strip()
    if not value and not required:
        return
    local, at, domain = value.partition("@")
    if not (local and at and domain) or " " in value:
        raise FieldError(field, f"{value!r} is not an email address", "e.g. hello@example.org")


# Every IANA zone with a region in its name (America/Chicago, Europe/London…), then UTC.
ZONES = [
    *sorted(
        z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))
    ),
    "UTC",
]


@dataclass
class PracticeForm:
    """The practice form as typed: ``allow`` is one phrase per line."""

    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    site: str = ""
    policy_pack: str = "default"
    allow: str = ""
    timezone: str = "UTC"

    @classmethod
    def of(cls, practice: Practice) -> PracticeForm:
        return cls(
            name=practice.name,
            phone=practice.phone,
            email=practice.email,
            address=practice.address,
            site=practice.site,
            policy_pack=practice.policy_pack,
            allow="\n".join(practice.allow),
            timezone=practice.timezone,
        )

    def phrases(self) -> list[str]:
        return [line.strip() for line in self.allow.splitlines() if line.strip()]

    def validate(self) -> None:
        if not self.name.strip():
            raise FieldError("name", "the practice needs a name", "give the name patients know")
        _check_lengths(asdict(self), PRACTICE_LIMITS)
        _check_email("email", self.email, required=False)
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise FieldError(
                "timezone",
                f"no time zone named {self.timezone!r}",
                "choose one from the list",
            ) from None
        if self.policy_pack not in PACKS:
            raise FieldError(
                "policy_pack",
                f"no policy pack named {self.policy_pack!r}",
                "choose one from the list",
            )


def _settings_page(
    request: Request,
    form: PracticeForm,
    *,
    saved: bool = False,
    error: CarecastError | None = None,
) -> Response:
    context = {
        "form": form,
        "packs": list(PACKS),
        "zones": ZONES,
        "saved": saved,
        "error": error,
        "invalid": getattr(error, "field", ""),
    }
    return render(request, "settings.html", context, status_of(error) if error else 200)


@router.get("/settings")
def settings_page(request: Request, user: PageUser, saved: bool = False) -> Response:
    require(user, "practice.edit")
    return _settings_page(request, PracticeForm.of(user.practice), saved=saved)


@router.post("/settings", dependencies=[Csrf])
def save_settings(
    request: Request,
    db: Db,
    user: PageUser,
    name: Annotated[str, Form()] = "",
    phone: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    address: Annotated[str, Form()] = "",
    site: Annotated[str, Form()] = "",
    policy_pack: Annotated[str, Form()] = "",
    allow: Annotated[str, Form()] = "",
    timezone: Annotated[str, Form()] = "UTC",
) -> Response:
    require(user, "practice.edit")
    form = PracticeForm(name, phone, email, address, site, policy_pack, allow, timezone)
    try:
        form.validate()
        people.update_practice(
            db,
            user,
            user.practice,
            name=form.name,
            phone=form.phone,
            email=form.email,
            address=form.address,
            site=form.site,
            policy_pack=form.policy_pack,
            allow=form.phrases(),
            timezone=form.timezone,
        )
    except InputError as exc:
        db.rollback()
        return _settings_page(request, form, error=exc)
    return RedirectResponse("/settings?saved=true", status_code=303)


@dataclass
class NewUserForm:
    """The add-a-user form as typed. The password is never sent back to the browser."""

    email: str = ""
    name: str = ""
    role: str = "manager"
    title: str = ""
    credentials: str = ""
    registration_number: str = ""
    employer: str = ""
    independent: bool = False

    def validate(self, password: str) -> None:
        _check_email("email", self.email, required=True)
        if not self.name.strip():
            raise FieldError("name", "the user needs a name", "as it appears on their posts")
        if self.role not in ROLES:
            raise FieldError("role", f"no role named {self.role!r}", "choose one from the list")
        _check_lengths({k: v for k, v in asdict(self).items() if isinstance(v, str)}, USER_LIMITS)
        if len(password) < MIN_PASSWORD:
            raise FieldError(
                "password",
                f"the password is too short ({len(password)} characters)",
                f"use at least {MIN_PASSWORD} characters; a few unrelated words work well",
            )


def _users_page(
    request: Request,
    user: User,
    *,
    form: NewUserForm | None = None,
    added: int | None = None,
    changed: int | None = None,
    error: CarecastError | None = None,
    error_in: str = "add",
) -> Response:
    context = {
        "users": user.practice.users,
        "roles": ROLES,
        "form": form or NewUserForm(),
        "added": added,
        "changed": changed,
        "error": error,
        "error_in": error_in,
        "invalid": getattr(error, "field", ""),
        "min_password": MIN_PASSWORD,
    }
    return render(request, "users.html", context, status_of(error) if error else 200)


@router.get("/users")
def users_page(
    request: Request,
    user: PageUser,
    added: int | None = None,
    changed: int | None = None,
) -> Response:
    require(user, "users.manage")
    return _users_page(request, user, added=added, changed=changed)


@router.post("/users", dependencies=[Csrf])
def add_user(
    request: Request,
    db: Db,
    user: PageUser,
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    credentials: Annotated[str, Form()] = "",
    registration_number: Annotated[str, Form()] = "",
    employer: Annotated[str, Form()] = "",
    independent: Annotated[bool, Form()] = False,
) -> Response:
    require(user, "users.manage")
    form = NewUserForm(
        email, name, role, title, credentials, registration_number, employer, independent
    )
    try:
        form.validate(password)
        added = people.create_user(
            db,
            user.practice,
            email=form.email,
            name=form.name,
            role=form.role,
            password=password,
            actor=user.email,
            title=form.title,
            credentials=form.credentials,
            registration_number=form.registration_number,
            employer=form.employer,
            independent=form.independent,
        )
    except (InputError, ConflictError) as exc:
        db.rollback()
        if isinstance(exc, ConflictError):
            exc = FieldError("email", exc.message, exc.hint)
        return _users_page(request, user, form=form, error=exc)
    return RedirectResponse(f"/users?added={added.id}", status_code=303)


@router.post("/users/{user_id}/role", dependencies=[Csrf])
def change_role(
    request: Request,
    db: Db,
    user: PageUser,
    user_id: int,
    role: Annotated[str, Form()] = "",
) -> Response:
    require(user, "users.manage")
    target = people.get_user(db, user, user_id)
    try:
        people.set_role(db, user, target, role)
    except (InputError, ConflictError) as exc:
        db.rollback()
        return _users_page(request, user, error=exc, error_in=f"role-{user_id}")
    return RedirectResponse(f"/users?changed={target.id}", status_code=303)
