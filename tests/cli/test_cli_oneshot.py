"""Sending one message and exiting: what it imports, and that it ends only when all was sent.

Scripts call ``netassistant-cli tcp-client --send ...`` in loops, so its start-up is part
of the product: the modules an option needs load with that option, and the plain
one-shot run loads none of them (``tests/benchmarks/cli_oneshot.py`` measures the time).
Real processes, real loopback peers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time

import pytest

from netassistant.cli.parser import build_parser
from tests.cli.helpers import TIMEOUT, listener, run_cli, workdir
from tests.helpers import fresh_python

#: Runs the CLI in-process, then prints the modules it loaded, one per line (no json: the
#: check must not load what it looks for).
MODULES_AFTER_MAIN = (
    "import io, sys\n"
    "from netassistant.cli.main import main\n"
    "code = main(sys.argv[1:], out=io.StringIO())\n"
    "print('\\n'.join(sorted(sys.modules)))\n"
    "sys.exit(code)\n"
)

#: What the one-shot run must not load; each is some option's business.
NOT_FOR_A_PLAIN_SEND = [
    "crcmod",  # --checksum / --frame-send
    "netassistant.core.checksum",
    "netassistant.core.framing",  # --frame
    "netassistant.core.decoding",
    "re2",  # --echo (auto-reply rules)
    "netassistant.core.autoreply",
    "netassistant.core.capture",  # the window's captures; the CLI has none
    "netassistant.core.profiles",  # --profile and the profile command
    "netassistant.cli.profile_cmd",
    "netassistant.core.engine.udp",  # the other kinds' engines
    "netassistant.core.engine.recvmmsg",
    "netassistant.core.engine.tcp_server",
    "netassistant.core.engine.relay",  # the relay kind and its faults
    "netassistant.core.relay",
    "netassistant.core.engine.wire",  # --wire (and dpkt with it)
    "dpkt",
    "netassistant.core.sending.files",  # --send-file
    "netassistant.core.safefile",
    "netassistant.core.sending.formats",  # counted or formatted plans, --frame-send
    "netassistant.cli.generator",  # --rate / --bps
    "netassistant.core.sending.generator",
    "construct",  # packet templates
    "ctypes",  # the allocator is tuned once a session moved a MiB (engine/memory.py)
    "netassistant.core.engine.memory",
    "netassistant.core.sending.runners",  # the first send plan (--repeat with --interval...)
    "queue",  # the runner's handoff is a deque on a condition (cli/runner.py)
    "signal",  # its enums; the two handlers are installed through _signal
    "typing",  # annotations only: the session's modules use core/typehints.py
    "ipaddress",  # IPv4 hosts are read by addressing.ip_version; IPv6 ones load it
    "shutil",  # argparse's default help width (the parser sizes it itself)
    "subprocess",
    "tempfile",
    "datetime",
    "json",  # only --json writes it
    "netassistant.cli.relayopts",  # the relay command's options (parser and overrides)
    "netassistant.cli.packets_cmd",  # the packets command
    "netassistant.core.replies",  # --reply-rules
    "netassistant.core.packets",  # --packet
    "netassistant.core.templates",
    "netassistant.core.scenario",  # run / lab
    "yaml",
    "netassistant.core.tlsconfig",  # --tls
    "netassistant.core.engine.tls",
    "ssl",
    "cryptography",
    "netassistant.core.engine.relay_common",
    "netassistant.cli.timeline",  # --timeline
    # Made by the session's own classes no more (netassistant/core/records.py): they are
    # records, not dataclasses, and inspect (with ast, dis, tokenize) came with those.
    "dataclasses",
    "inspect",
    "ast",
    "dis",
    "tokenize",
    # The other sub-commands: the one-command parser builds only the one named.
    "netassistant.cli.scenario_cmd",
    "netassistant.cli.profile_cmd",
]


def modules_loaded(env: dict[str, str], *args: str) -> set[str]:
    """Run one send-only ``tcp-client`` with ``args`` and return the modules it loaded."""
    with listener() as srv:
        port = srv.getsockname()[1]
        argv = ["tcp-client", "--remote-port", str(port), *args]
        proc = subprocess.run(
            [sys.executable, "-c", MODULES_AFTER_MAIN, *argv],
            cwd=workdir(env),
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT * 2,
        )
        conn, _ = srv.accept()
        conn.close()
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.splitlines())


#: The kernel-state watch (on by default for TCP) and its /proc readers.
KERNEL_STATE = [
    "netassistant.core.engine.statewatch",
    "netassistant.core.engine.sockstate",
    "netassistant.core.engine.kernel",
]


def test_no_kernel_state_loads_none_of_its_readers(env):
    loaded = modules_loaded(env, "--send", "hello", "--no-kernel-state")
    assert sorted(loaded.intersection(KERNEL_STATE + NOT_FOR_A_PLAIN_SEND)) == []


def test_a_plain_send_loads_no_option_machinery(env):
    loaded = modules_loaded(env, "--send", "hello")
    assert "netassistant.core.engine.tcp_client" in loaded, "the run did happen"
    assert sorted(loaded.intersection(NOT_FOR_A_PLAIN_SEND)) == []


#: Every module of ours a plain send loads, and no other: a module that joins this path
#: is start-up time every script pays, so it has to be added here on purpose.
A_PLAIN_SEND = {
    "netassistant",
    *("netassistant.cli." + name for name in ("argv", "main", "options", "parser", "runner")),
    *("netassistant.cli." + name for name in ("sessionfiles", "tlsoptions")),  # their options
    "netassistant.cli",
    "netassistant.core",
    *(
        "netassistant.core." + name
        for name in ("addressing", "chunk", "codec", "collector", "config", "errors")
    ),
    *("netassistant.core." + name for name in ("exposure", "i18n", "lazynames", "logformat")),
    "netassistant.core.records",
    "netassistant.core.typehints",
    "netassistant.core.engine",
    *(
        "netassistant.core.engine." + name
        for name in ("base", "connection", "sockets", "tcp_client")
    ),
    *KERNEL_STATE,
    "netassistant.core.engine.sockfind",
    "netassistant.core.pipeline",
    *("netassistant.core.pipeline." + name for name in ("responder", "script", "session")),
    "netassistant.core.sending",
    "netassistant.core.sending.book",
    "netassistant.core.sending.plans",
}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kernel state is read on Linux")
def test_a_plain_send_loads_these_modules_of_ours_and_no_other(env):
    loaded = modules_loaded(env, "--send", "hello")
    assert {name for name in loaded if name.startswith("netassistant")} == A_PLAIN_SEND


@pytest.mark.parametrize(
    ("args", "now_loaded"),
    [
        (["--checksum", "crc16-modbus", "--frame-send"], {"crcmod", "netassistant.core.framing"}),
        (
            ["--frame", "delimiter:\\n"],
            {"netassistant.core.decoding", "netassistant.core.framing", "dataclasses"},
        ),
        (["--json"], {"json"}),
        (["--profile", "Echo server"], {"netassistant.core.profiles"}),
    ],
)
def test_each_option_loads_what_it_needs(env, args, now_loaded):
    """The other side of the guard above: the check sees these modules when they load."""
    loaded = modules_loaded(env, "--send", "hello", *args)
    assert now_loaded <= loaded


def test_a_send_only_run_waits_until_the_kernel_took_every_byte(env):
    """16 MB in one send call to a peer that reads only after a pause: all of it arrives.

    The kernel takes a few MB at once and the rest only as the peer reads; a run that
    stopped as soon as the script had handed the send to the engine would close with
    the rest unsent (and used to exit 0).
    """
    size = 16 * 1_000_000
    got: list[int] = []
    with listener() as srv:
        port = srv.getsockname()[1]

        def read_after_a_pause() -> None:
            conn, _ = srv.accept()
            with conn:
                time.sleep(0.5)
                conn.settimeout(TIMEOUT)
                total = 0
                while data := conn.recv(1 << 20):
                    total += len(data)
                got.append(total)

        reader = threading.Thread(target=read_after_a_pause)
        reader.start()
        args = ("--send", "xxxxxxxx", "--repeat", str(size // 8), "--burst", "--sndbuf", "65536")
        proc = run_cli(env, "tcp-client", "--remote-port", str(port), *args, "--json")
        reader.join(TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert got == [size]
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    tx = [r for r in records if r["event"] == "chunk"]
    assert [(r["dir"], r["len"]) for r in tx] == [("tx", size)]
    closes = [r["message"] for r in records if r["event"] == "close"]
    assert closes == [f"disconnected from 127.0.0.1:{port} (session stopped)"]


@pytest.mark.parametrize("columns", ["50", "123", "", "nonsense"])
def test_help_is_as_wide_as_argparse_would_make_it(monkeypatch, columns):
    """The parser sizes its help without shutil, by shutil's rule ($COLUMNS, else 80)."""
    monkeypatch.setenv("COLUMNS", columns)
    parser = build_parser()
    client = parser._subparsers._group_actions[0].choices["tcp-client"]
    ours = parser.format_help(), client.format_help()
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    client.formatter_class = argparse.HelpFormatter
    assert (parser.format_help(), client.format_help()) == ours


def _send_hello_with(env, code: str, *args: str) -> subprocess.CompletedProcess:
    """Run ``python -c code *args tcp-client ... --send hello`` against a listener of ours."""
    with listener() as srv:
        port = srv.getsockname()[1]
        argv = ["tcp-client", "--remote-port", str(port), "--send", "hello"]
        proc = subprocess.run(
            [sys.executable, "-c", code, *args, *argv],
            cwd=workdir(env),
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT * 2,
        )
        srv.accept()[0].close()
    return proc


FREEZE_COUNT_AFTER_MAIN = (
    "import gc, io, sys\n"
    "from netassistant.cli.main import main\n"
    "argv = None if sys.argv[1] == 'program' else sys.argv[2:]\n"
    "sys.argv[1:2] = []\n"
    "code = main(argv, out=io.StringIO())\n"
    "print(gc.get_freeze_count())\n"
    "sys.exit(code)\n"
)


@pytest.mark.parametrize("how", ["program", "library"])
def test_only_a_command_line_run_freezes_its_imports(env, how):
    """As the program (argv None) the imports are frozen out of the collector's way.

    A caller that passes argv (a test, a script) keeps its garbage collection as it was.
    """
    proc = _send_hello_with(env, FREEZE_COUNT_AFTER_MAIN, how)
    assert proc.returncode == 0, proc.stderr
    frozen = int(proc.stdout.split()[-1])
    assert (frozen > 10_000) if how == "program" else (frozen == 0), frozen


#: The program with a thread of the caller's that is not a daemon and prints after a pause.
PROGRAM_WITH_A_LATE_THREAD = (
    "import threading\n"
    "from netassistant.cli.main import run_command\n"
    "def late():\n"
    "    threading.main_thread().join()  # returns when the interpreter starts to end\n"
    "    print('late', flush=True)\n"
    "threading.Thread(target=late).start()\n"
    "run_command()\n"
)


def test_the_program_ends_at_once_only_when_nothing_else_runs(env):
    """run_command skips the interpreter's teardown, but never cuts another thread short."""
    proc = _send_hello_with(env, PROGRAM_WITH_A_LATE_THREAD)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "-- STOPPED #0 stopped" in lines[-2]
    assert lines[-1] == "late"


def test_the_program_exits_with_the_runs_code_and_all_its_output(env):
    with listener() as srv:
        port = srv.getsockname()[1]
        ok = run_cli(env, "tcp-client", "--remote-port", str(port), "--send", "hello")
        srv.accept()[0].close()
    usage = run_cli(env, "tcp-client", "--remote-port", "0")
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout.splitlines()[-1].endswith("-- STOPPED #0 stopped")
    assert ok.stdout.endswith("\n")
    assert usage.returncode == 2
    assert usage.stderr.splitlines()[-1].startswith("netassistant-cli: error: ")


def test_a_one_shot_send_starts_no_collection(env, tmp_path):
    """What the program imports and builds lives until it exits: no collection walks it.

    Run twice, the second time with the bytecode cache the first wrote, as an installed
    command runs (compiling a module's source makes garbage of its own).
    """
    code = (
        "import gc, sys\n"
        "gc.callbacks.append(\n"
        "    lambda phase, info: phase == 'start' and sys.stderr.write('collection\\n')\n"
        ")\n"
        "from netassistant.cli import run_command\n"
        "run_command()\n"
    )
    env = {**env, "PYTHONPYCACHEPREFIX": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [_send_hello_with(env, code) for _ in range(2)]
    assert runs[1].returncode == 0, runs[1].stderr
    assert "TX #1" in runs[1].stdout
    assert runs[1].stderr.count("collection") == 0, runs[1].stderr


def test_a_caller_of_main_keeps_its_collections():
    """Importing the package loads nothing and changes nothing; importing main pauses nothing."""
    out = fresh_python(
        "import gc, sys\n"
        "import netassistant.cli\n"
        "print('argparse' in sys.modules, gc.get_freeze_count(), gc.isenabled())\n"
        "import netassistant.cli.main\n"
        "print(gc.get_freeze_count(), gc.isenabled())\n"
    )
    assert out == "False 0 True\n0 True\n"
