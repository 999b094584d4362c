"""Load generators: wrk when installed, else a small threaded Python client.

Both run a closed loop (each connection sends its next request when the previous
answer has arrived) for a bounded time, and report every request's latency as
percentiles: wrk from its full latency histogram (1 microsecond resolution),
the Python client from the sorted list of all latencies. A request whose status
is 400 or more, or that fails at the socket, counts as an error.
"""

from __future__ import annotations

import http.client
import math
import shutil
import subprocess  # noqa: S404 - runs wrk, a fixed local program
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Hard caps so that no loop can run away, whatever the options say.
MAX_SECONDS = 120.0
MAX_REQUESTS_PER_CONNECTION = 2_000_000
REQUEST_TIMEOUT = 10.0

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH-RESULT %d %d %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max))
end
"""
WRK_INSTALL_HINT = (
    "wrk is not installed (apt-get install -y wrk): using the Python client"
)


@dataclass(frozen=True)
class Result:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(sorted_values: list[float], q: float) -> float:
    """The nearest-rank percentile of already sorted values (0 for none)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def result_from_latencies(
    latencies: list[float], *, errors: int, seconds: float
) -> Result:
    """A Result from every request's latency in seconds."""
    ordered = sorted(latencies)
    return Result(
        requests=len(ordered),
        errors=errors,
        seconds=seconds,
        p50_ms=percentile(ordered, 50) * 1000,
        p95_ms=percentile(ordered, 95) * 1000,
        p99_ms=percentile(ordered, 99) * 1000,
        max_ms=(ordered[-1] * 1000) if ordered else 0.0,
    )


class PythonClient:
    """Threads, one HTTP/1.1 keep-alive connection each (reopened if the server closes)."""

    name = "python"

    def run(self, url: str, *, connections: int, seconds: float) -> Result:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        seconds = min(seconds, MAX_SECONDS)
        latencies: list[list[float]] = [[] for _ in range(connections)]
        errors = [0] * connections
        start = time.perf_counter()
        deadline = start + seconds

        def loop(slot: int) -> None:
            conn = http.client.HTTPConnection(
                parts.hostname, parts.port, timeout=REQUEST_TIMEOUT
            )
            own = latencies[slot]
            for _ in range(MAX_REQUESTS_PER_CONNECTION):
                began = time.perf_counter()
                if began >= deadline:
                    break
                try:
                    conn.request("GET", target)
                    response = conn.getresponse()
                    response.read()
                    if response.will_close:
                        conn.close()
                except (OSError, http.client.HTTPException):
                    errors[slot] += 1
                    conn.close()
                    continue
                own.append(time.perf_counter() - began)
                if response.status >= 400:
                    errors[slot] += 1
            conn.close()

        threads = [
            threading.Thread(target=loop, args=(slot,), daemon=True)
            for slot in range(connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(seconds + REQUEST_TIMEOUT + 5)
        elapsed = time.perf_counter() - start
        return result_from_latencies(
            [value for own in latencies for value in own],
            errors=sum(errors),
            seconds=elapsed,
        )


class Wrk:
    """wrk (C, event loop): the client costs far less than the server it measures."""

    name = "wrk"

    def __init__(self, executable: str):
        self.executable = executable
        self._script_dir = tempfile.TemporaryDirectory(prefix="bench-wrk-")
        self.script = Path(self._script_dir.name) / "report.lua"
        self.script.write_text(WRK_SCRIPT, encoding="utf-8")

    def run(self, url: str, *, connections: int, seconds: float) -> Result:
        seconds = min(seconds, MAX_SECONDS)
        command = [
            self.executable,
            f"--threads={min(connections, 2)}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            f"--timeout={round(REQUEST_TIMEOUT)}s",
            f"--script={self.script}",
            url,
        ]
        completed = subprocess.run(  # noqa: S603 - fixed program, our own arguments
            command,
            capture_output=True,
            text=True,
            timeout=seconds + REQUEST_TIMEOUT + 30,
            check=False,
        )
        for line in completed.stdout.splitlines():
            if line.startswith("BENCH-RESULT "):
                return _parse_wrk(line)
        raise RuntimeError(
            f"wrk failed: {completed.stderr.strip() or completed.stdout}"
        )


def _parse_wrk(line: str) -> Result:
    values = [int(value) for value in line.split()[1:]]
    requests, duration_us, connect, read, write, status, timeout = values[:7]
    p50, p95, p99, top = values[7:]
    return Result(
        requests=requests,
        errors=connect + read + write + status + timeout,
        seconds=duration_us / 1e6,
        p50_ms=p50 / 1000,
        p95_ms=p95 / 1000,
        p99_ms=p99 / 1000,
        max_ms=top / 1000,
    )


def make_client(choice: str = "auto", say=print) -> Wrk | PythonClient:
    """``auto`` takes wrk when it is on PATH and says how to get it when not."""
    executable = shutil.which("wrk")
    if choice == "python":
        return PythonClient()
    if executable:
        return Wrk(executable)
    if choice == "wrk":
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    say(WRK_INSTALL_HINT)
    return PythonClient()
