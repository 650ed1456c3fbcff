"""carecast.worker: publishes scheduled posts exactly once and fetches mentions.

Run it with ``carecast worker``; any number may run against one PostgreSQL database.
"""

from carecast.worker.publisher import PassResult, Worker, WorkerSettings

__all__ = ["PassResult", "Worker", "WorkerSettings"]
