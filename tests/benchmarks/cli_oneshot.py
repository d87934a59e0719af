"""The command line for scripts: one short send and exit, a big file, a flood to /dev/null.

Run: ``python tests/benchmarks/cli_oneshot.py [--runs N] [--flood-seconds S] [--file-mb M]
[--root CHECKOUT] [--oneshot-only]``

Every load is on loopback (127.0.0.1), bounded in bytes and in time. Three figures:

- ``oneshot_ms``: median wall time of ``netassistant-cli tcp-client --remote-port P --send
  hello`` against a server of this script that accepts and reads, next to a plain
  ``python -c "import socket; ..."`` that does the same (``oneshot_raw_ms``, and the ratio)
  and to the interpreter's own start-up, ``python -c pass`` (``python_startup_ms``) and
  ``python -S -c pass`` (``python_bare_startup_ms``: without site-packages, so without the
  ``.pth`` files an editable install adds), all alternated. The command is run as its
  installed script runs it (:data:`CONSOLE_SCRIPT`, the text pip writes, given to
  ``python -c`` so that ``--root`` picks the checkout); ``python -m netassistant.cli``,
  which also loads ``runpy``, is measured alongside (``oneshot_module_ms``). The CPU time
  (user + system) of each figure's runs is given too (``oneshot_cpu_ms``,
  ``oneshot_raw_cpu_ms``): on a shared machine it varies less than the wall time, which
  also counts waiting for a core; the load average is printed with the figures.
  When a send-only run does not exit by itself yet, ``--duration 0.05`` is added and said.
- ``file_send_rss_mb``: peak RSS of the CLI sending a sparse file (default 100 MB) to a
  reader of this script that reads and discards, then closes when it has it all.
- ``flood_rss_mb``: peak RSS of ``tcp-server`` while a child process floods it for
  ``--flood-seconds`` (default 10, at most 8 GB) and its stdout goes to /dev/null.

Peak RSS is the kernel's high-water mark of the CLI process (``VmHWM``, read from
``/proc/PID/status`` while it runs and as ``ru_maxrss`` from ``wait4()`` when it ends).
The slowest imports of the one-shot run itself (``python -X importtime``, the median of
several runs) are listed. Python's bytecode cache is on (in a temporary
``PYTHONPYCACHEPREFIX``), as for an installed tool. ``--root`` measures another checkout
of the project with the same interpreter (for before/after comparisons). The last line
printed is one JSON object with ``oneshot_ms``, ``file_send_rss_mb`` and ``flood_rss_mb``
(plus the baselines and details).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # for loopback_senders

from loopback_senders import HOST, tcp_sender

ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT = 60.0  # seconds: no single CLI run may take longer
FLOOD_MAX_BYTES = 8 * 1024**3
#: What pip writes as the ``netassistant-cli`` script (pyproject's ``[project.scripts]``).
CONSOLE_SCRIPT = (
    "import sys\n"
    "from netassistant.cli import run_command\n"
    "if __name__ == '__main__':\n"
    "    sys.argv[0] = sys.argv[0].removesuffix('.exe')\n"
    "    sys.exit(run_command())\n"
)
CLI = [sys.executable, "-c", CONSOLE_SCRIPT]
CLI_MODULE = [sys.executable, "-m", "netassistant.cli"]
RAW_ONESHOT = (
    "import socket, sys; s = socket.create_connection(('127.0.0.1', int(sys.argv[1]))); "
    "s.sendall(b'hello'); s.close()"
)
IMPORT_TIME_RUNS = 5


# ----------------------------------------------------------------------------- helpers
class Reader:
    """A loopback TCP server that accepts one connection at a time and reads it to the end.

    Attributes:
        port: The listening port.
        received: Bytes read from each finished connection, in order.
    """

    def __init__(self, close_after: int | None = None) -> None:
        self._server = socket.create_server((HOST, 0))
        self._server.settimeout(TIME_LIMIT)
        self.port: int = self._server.getsockname()[1]
        self.received: list[int] = []
        self._close_after = close_after
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._done.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            got = 0
            with conn:
                conn.settimeout(TIME_LIMIT)
                try:
                    while data := conn.recv(1 << 20):
                        got += len(data)
                        if self._close_after is not None and got >= self._close_after:
                            break  # all there: closing ends the client's session
                except OSError:
                    pass
            self.received.append(got)

    def close(self) -> None:
        self._done.set()
        self._server.close()


def _peak_rss_run(args: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    """Run ``args`` with stdout to /dev/null; return (exit status, peak RSS MB, wall s, stderr)."""
    with tempfile.TemporaryFile() as errors:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        hwm_kb = 0
        deadline = time.monotonic() + TIME_LIMIT
        while True:
            try:
                with open(f"/proc/{proc.pid}/status") as fh:
                    m = re.search(r"^VmHWM:\s+(\d+) kB", fh.read(), re.MULTILINE)
                if m:
                    hwm_kb = max(hwm_kb, int(m.group(1)))
            except OSError:
                pass
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise SystemExit(f"timed out after {TIME_LIMIT:.0f} s: {' '.join(args)}")
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
        errors.seek(0)
        stderr = errors.read(4096).decode(errors="replace")
    return proc.returncode, max(hwm_kb, usage.ru_maxrss) / 1024, wall, stderr


def _timed(args: list[str], env: dict[str, str], timeout: float) -> tuple[float, int, float] | None:
    """Wall seconds, exit status and CPU seconds of ``args``; None if it outlived ``timeout``.

    The CPU time (user + system) is what the children this process waited for used
    meanwhile: the run's own (the reader is a thread, not a child).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            args,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, proc.returncode, cpu


# ----------------------------------------------------------------------------- figures
def oneshot(env: dict[str, str], runs: int) -> dict[str, float | bool]:
    """Median wall times of a one-message CLI run, the raw baseline and bare start-ups."""
    reader = Reader()
    try:
        base = [*CLI, "tcp-client", "--remote-port", str(reader.port), "--send", "hello"]
        # Does a send-only run exit by itself? (Also the warm-up that fills the bytecode cache.)
        exits = _timed(base, env, timeout=5.0) is not None
        cli_args = base if exits else [*base, "--duration", "0.05"]
        if not exits:
            print("a send-only CLI run does not exit by itself yet: measured with --duration 0.05")
        raw_args = [sys.executable, "-c", RAW_ONESHOT, str(reader.port)]
        module_args = CLI_MODULE + cli_args[len(CLI) :]
        for warm_up in (raw_args, module_args):
            _timed(warm_up, env, TIME_LIMIT)
        kinds = {
            "cli": cli_args,
            "raw": raw_args,
            "pass": [sys.executable, "-c", "pass"],
            "bare": [sys.executable, "-S", "-c", "pass"],
            "module": module_args,
        }
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(runs):
            for kind, args in kinds.items():
                result = _timed(args, env, TIME_LIMIT)
                if result is None or result[1] != 0:
                    raise SystemExit(f"run failed: {' '.join(args)}")
                times[kind].append(result[0] * 1000)
                cpu[kind].append(result[2] * 1000)
        time.sleep(0.2)  # let the reader finish the last connection
        expected = (3 + 3 * runs) * 5
        if sum(reader.received) != expected:
            raise SystemExit(f"reader got {sum(reader.received)} bytes, expected {expected}")
    finally:
        reader.close()
    cli_ms, raw_ms, pass_ms, bare_ms, module_ms = (statistics.median(times[k]) for k in kinds)
    cli_cpu, raw_cpu = statistics.median(cpu["cli"]), statistics.median(cpu["raw"])
    print(
        f"one TCP message and exit: CLI median {cli_ms:.0f} ms, raw python -c median "
        f"{raw_ms:.0f} ms, ratio {cli_ms / raw_ms:.2f} ({runs} runs each; load average "
        f"{os.getloadavg()[0]:.2f})"
    )
    print(
        f"  CPU time medians: CLI {cli_cpu:.0f} ms, raw {raw_cpu:.0f} ms; "
        f"python -m netassistant.cli: {module_ms:.0f} ms"
    )
    print(
        f"python start-up: -c pass {pass_ms:.0f} ms, -S -c pass {bare_ms:.0f} ms; the CLI "
        f"spends {cli_ms - pass_ms:.0f} ms beyond the interpreter's own start-up"
    )
    return {
        "oneshot_ms": cli_ms,
        "oneshot_raw_ms": raw_ms,
        "oneshot_exits_by_itself": exits,
        "python_startup_ms": pass_ms,
        "python_bare_startup_ms": bare_ms,
        "oneshot_module_ms": module_ms,
        "oneshot_cpu_ms": cli_cpu,
        "oneshot_raw_cpu_ms": raw_cpu,
    }


def file_send(env: dict[str, str], megabytes: int) -> float:
    """Peak RSS (MB) of the CLI sending a sparse ``megabytes`` MB file to a loopback reader."""
    size = megabytes * 1024 * 1024
    reader = Reader(close_after=size)
    with tempfile.TemporaryDirectory(prefix="na-cli-file-") as folder:
        path = Path(folder) / "payload.bin"
        with open(path, "wb") as fh:
            fh.truncate(size)  # sparse: no disk space, reads as zeros
        args = [*CLI, "tcp-client", "--remote-port", str(reader.port), "--send-file", str(path)]
        try:
            status, peak_mb, wall, stderr = _peak_rss_run(args, env)
            time.sleep(0.2)
        finally:
            reader.close()
    got = reader.received[0] if reader.received else 0
    print(
        f"file send {megabytes} MB: peak RSS {peak_mb:.1f} MB, {wall:.2f} s, exit {status}, "
        f"reader got {got:,} of {size:,} bytes"
    )
    if got < size:
        raise SystemExit(f"the file was not sent whole: {stderr}")
    if status != 0:
        print(f"  note: the CLI exited with status {status} after sending it all: {stderr.strip()}")
    return peak_mb


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _flood(port: int, seconds: float, flooded: Any) -> None:
    deadline = time.monotonic() + 10
    while True:  # the CLI may still be starting: retry for up to 10 s
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
    t0 = time.monotonic()
    tcp_sender(port, seconds, FLOOD_MAX_BYTES)
    flooded.value = time.monotonic() - t0


def flood(env: dict[str, str], seconds: float) -> float:
    """Peak RSS (MB) of ``tcp-server`` printing a ``seconds`` loopback flood to /dev/null."""
    port = _free_port()
    args = [*CLI, "tcp-server", "--local-port", str(port), "--duration", str(seconds + 3)]
    flooded = mp.Value("d", 0.0)
    sender = mp.Process(target=_flood, args=(port, seconds, flooded))
    sender.start()
    status, peak_mb, _wall, stderr = _peak_rss_run(args, env)
    sender.join(TIME_LIMIT)
    if sender.is_alive():
        os.kill(sender.pid, signal.SIGKILL)
    print(
        f"flood to /dev/null: peak RSS {peak_mb:.1f} MB, exit {status} "
        f"(the sender flooded for {flooded.value:.1f} s)"
    )
    # The sender records its time only when it ends by itself: after ``seconds``, or
    # sooner once it sent FLOOD_MAX_BYTES (a fast CLI reaches the cap); an error leaves 0.
    if flooded.value < seconds * 0.9:
        print(f"  (the sender stopped at its cap of {FLOOD_MAX_BYTES / 1024**3:.0f} GB)")
    if status != 0 or flooded.value <= 0:
        raise SystemExit(f"the flood did not run its course: {stderr}")
    return peak_mb


def top_imports(env: dict[str, str], count: int = 10) -> float:
    """Print the slowest imports of the one-shot run; return its total import time (ms).

    Each module's self and cumulative times are the medians of :data:`IMPORT_TIME_RUNS`
    runs of ``python -X importtime -m netassistant.cli tcp-client ... --send hello``.
    """
    reader = Reader()
    selfs: dict[str, list[float]] = {}
    cums: dict[str, list[float]] = {}
    totals = []
    try:
        args = [sys.executable, "-X", "importtime", *CLI[1:]]
        args += ["tcp-client", "--remote-port", str(reader.port), "--send", "hello"]
        for _ in range(IMPORT_TIME_RUNS):
            proc = subprocess.run(
                args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIME_LIMIT
            )
            if proc.returncode != 0:
                raise SystemExit(f"run failed: {proc.stderr[-2000:]}")
            total = 0.0
            for line in proc.stderr.splitlines():
                m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
                if m:
                    self_ms, cum_ms = int(m.group(1)) / 1e3, int(m.group(2)) / 1e3
                    selfs.setdefault(m.group(4), []).append(self_ms)
                    cums.setdefault(m.group(4), []).append(cum_ms)
                    if not m.group(3):  # a top-level import: its cumulative time is its share
                        total += cum_ms
            totals.append(total)
    finally:
        reader.close()
    rows = [(statistics.median(v), statistics.median(cums[k]), k) for k, v in selfs.items()]
    total = statistics.median(totals)
    print(
        f"one-shot run: {len(rows)} modules imported in {total:.1f} ms (median of "
        f"{IMPORT_TIME_RUNS}); slowest (self ms, cumulative ms):"
    )
    for self_ms, cum_ms, name in sorted(rows, reverse=True)[:count]:
        print(f"  {self_ms:7.1f} {cum_ms:8.1f}  {name}")
    print("netassistant modules by cumulative time (self ms, cumulative ms):")
    ours = [r for r in rows if r[2].startswith("netassistant")]
    for self_ms, cum_ms, name in sorted(ours, key=lambda r: -r[1])[:count]:
        print(f"  {self_ms:7.1f} {cum_ms:8.1f}  {name}")
    return total


def main() -> None:
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="one-shot runs of each (default 15)")
    parser.add_argument("--file-mb", type=int, default=100, help="file size in MB (default 100)")
    parser.add_argument(
        "--flood-seconds", type=float, default=10.0, help="flood duration (default 10)"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)"
    )
    parser.add_argument(
        "--oneshot-only", action="store_true", help="skip the file and flood figures"
    )
    args = parser.parse_args()
    ROOT = args.root.resolve()  # every run's working folder: -m finds the package there
    runs = max(1, min(args.runs, 50))
    with tempfile.TemporaryDirectory(prefix="na-cli-pyc-") as pyc:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pyc
        env.pop("PYTHONSAFEPATH", None)  # -m must find the package in ROOT (the cwd) first
        result: dict[str, float | bool] = oneshot(env, runs)
        if not args.oneshot_only:
            result["file_send_rss_mb"] = file_send(env, max(1, min(args.file_mb, 4096)))
            result["flood_rss_mb"] = flood(env, max(0.5, min(args.flood_seconds, 60.0)))
        result["oneshot_import_ms"] = top_imports(env)
    result = {k: round(v, 1) if isinstance(v, float) else v for k, v in result.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
