"""The application factory: one engine per app, built at start-up, never at import."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from carecast import __version__, check
from carecast.store import make_engine, make_sessionmaker, upgrade
from carecast.store.keys import Keyring
from carecast.web import api, auth, errors, pages, security


@cache
def settle_process() -> None:
    """Once per process: load guard's lexicons and patterns now rather than on the first
    request, then move everything alive into the collector's permanent generation, so full
    collections stop walking those long-lived objects. Those walks were the slowest 1% of
    check requests (p99 at one connection 40 ms before, 8.6 ms after; bench/bench_web.py)."""
    check("Warm-up: guard loads its lexicons.")
    gc.collect()
    gc.freeze()


def create_app(
    database_url: str | None = None, *, migrate: bool = True, keyring: Keyring | None = None
) -> FastAPI:
    """The carecast web app for ``database_url`` (default: ``CARECAST_DATABASE_URL``, else
    ./carecast.db). ``migrate`` brings the schema up to date when the app starts.
    ``keyring`` seals account secrets (default: loaded from the environment on first use)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(database_url)
        if migrate:
            upgrade(engine)
        app.state.engine = engine
        app.state.sessions = make_sessionmaker(engine)
        settle_process()
        yield
        engine.dispose()

    app = FastAPI(
        title="carecast",
        version=__version__,
        description="Draft, check, review, approve and audit a practice's social-media posts.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN, which the Content-Security-Policy forbids
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    static = resources.files("carecast.web").joinpath("static")
    app.state.keyring = keyring
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    security.install(app)
    errors.install(app)
    app.include_router(auth.router)
    app.include_router(pages.router)
    app.include_router(api.router)
    return app
