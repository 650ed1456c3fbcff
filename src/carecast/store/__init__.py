"""carecast.store: the database. SQLAlchemy 2 models, Alembic migrations, engine factories.

SQLite by default (``./carecast.db``), PostgreSQL when ``CARECAST_DATABASE_URL`` says so.
"""

from carecast.store.engine import (
    DEFAULT_URL,
    URL_VARIABLE,
    current_revision,
    database_url,
    make_engine,
    make_sessionmaker,
    transaction,
    upgrade,
)
from carecast.store.models import (
    Account,
    ApiToken,
    AuditEvent,
    AuditHead,
    Consent,
    Delivery,
    LoginAttempt,
    Mention,
    Post,
    PostNote,
    PostVersion,
    Practice,
    Thread,
    ThreadMessage,
    User,
    WebSession,
)

__all__ = [
    "DEFAULT_URL",
    "URL_VARIABLE",
    "Account",
    "ApiToken",
    "AuditEvent",
    "AuditHead",
    "Consent",
    "Delivery",
    "LoginAttempt",
    "Mention",
    "Post",
    "PostNote",
    "PostVersion",
    "Practice",
    "Thread",
    "ThreadMessage",
    "User",
    "WebSession",
    "current_revision",
    "database_url",
    "make_engine",
    "make_sessionmaker",
    "transaction",
    "upgrade",
]
