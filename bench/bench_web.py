"""The web check endpoint (POST /api/v1/check) under load from wrk, a second process on
127.0.0.1: requests per second and p50/p99 latency at a few numbers of open connections
(``make bench``).

The server is the real app under uvicorn, in its own process, on a fresh SQLite database
with one practice, one manager and an API token; the server is pinned to the first CPU and
wrk to the second, so the two do not take turns on one core. Each request checks one of
the generated clinician posts from ``corpus.py`` (some clean, some naming patients), so the
figures include guard's work, the token lookup and the JSON in both directions. Each run is
bounded in time (``--seconds``). Prints a table and writes bench/results/web.csv.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from carecast.store import make_engine, make_sessionmaker, transaction, upgrade  # noqa: E402
from carecast.workflow import people  # noqa: E402
from corpus import build_corpus  # noqa: E402
from figures import write_results  # noqa: E402

# Reads the request bodies (one JSON document per line) once per wrk thread, sends them in
# turn, and prints the totals and latency percentiles as one JSON line when the run ends.
WRK_SCRIPT = """
local bodies = {}
local next_body = 1
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
end
function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, body)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "mean_us": %f, '
    .. '"errors": %d, "non_2xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.mean, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass
class Load:
    connections: int
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def seed(url: str) -> str:
    """A practice with one manager; returns that manager's API token."""
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(make_sessionmaker(engine)) as session:
            practice = people.create_practice(
                session, name="Lakeside Family Practice", actor="bench"
            )
            manager = people.create_user(
                session,
                practice,
                email="manager@lakeside.example",
                name="Marcus Reyes",
                role="manager",
                password="bench-password-not-for-use",
                actor="bench",
            )
            return people.create_token(session, manager, "bench").secret
    finally:
        engine.dispose()


def pinned(cpu: int) -> Callable[[], None] | None:
    """Something for ``preexec_fn`` that keeps a process on one CPU, where the machine has
    more than one."""
    if not hasattr(os, "sched_setaffinity") or (os.cpu_count() or 1) < 2:
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "carecast.web.app:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    environment = {**os.environ, "CARECAST_DATABASE_URL": url}
    server = subprocess.Popen(command, env=environment, preexec_fn=pinned(0))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped at start-up (exit {server.returncode})")
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not answer within 30 s")


def first_answer(port: int, token: str, body: str) -> None:
    """One request by hand, so a wrong token or a broken endpoint shows before the load."""
    answer = httpx.post(
        f"http://127.0.0.1:{port}/api/v1/check",
        content=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    if answer.status_code != 200 or "verdict" not in answer.json():
        raise SystemExit(f"the check endpoint answered {answer.status_code}: {answer.text}")


def load(wrk: str, port: int, token: str, bodies: Path, connections: int, seconds: int) -> Load:
    script = bodies.with_name("check.lua")
    script.write_text(WRK_SCRIPT)
    command = [
        wrk,
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--script",
        str(script),
        f"http://127.0.0.1:{port}/api/v1/check",
        "--",
        str(bodies),
        token,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, preexec_fn=pinned(1)
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return Load(
        connections=connections,
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=figures["errors"],
        non_2xx=figures["non_2xx"],
    )


def connection_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        counts = []
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("give whole numbers of connections, e.g. 1,8,32")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each run")
    parser.add_argument("--connections", type=connection_counts, default=[1, 8, 32])
    parser.add_argument("--posts", type=int, default=500, help="distinct posts sent in turn")
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None:
        print("wrk is not installed, so the web load benchmark is left out.")
        print("Install it (Debian: sudo apt-get install wrk) and run make bench again.")
        return 0
    loads = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        token = seed(url)
        bodies = Path(folder) / "bodies.jsonl"
        lines = [json.dumps({"text": text}) for text in build_corpus(args.posts)]
        bodies.write_text("\n".join(lines) + "\n")
        port = free_port()
        server = start_server(url, port)
        try:
            first_answer(port, token, lines[0])
            for connections in args.connections:
                loads.append(load(wrk, port, token, bodies, connections, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    table = Table(title=f"POST /api/v1/check under wrk, {args.seconds} s per row", box=None)
    for column in ("connections", "requests", "requests/s", "p50 ms", "p99 ms", "errors"):
        table.add_column(column, justify="right")
    for row in loads:
        table.add_row(
            str(row.connections),
            f"{row.requests:,}",
            f"{row.per_second:,.0f}",
            f"{row.p50_ms:.1f}",
            f"{row.p99_ms:.1f}",
            str(row.errors + row.non_2xx),
        )
    Console(highlight=False).print(table)
    header = ["connections", "requests", "seconds", "requests_per_second", "p50_ms", "p99_ms"]
    rows = [
        [
            row.connections,
            row.requests,
            round(row.seconds, 2),
            round(row.per_second, 1),
            round(row.p50_ms, 2),
            round(row.p99_ms, 2),
            row.errors,
            row.non_2xx,
        ]
        for row in loads
    ]
    write_results("web.csv", [*header, "errors", "non_2xx"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
