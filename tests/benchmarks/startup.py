"""Cold start of the real app: launch -> first window painted, against a bare PySide6 window.

Run: ``python tests/benchmarks/startup.py [--runs N] [--reference COMMAND | --no-reference]``

Each run launches ``python -m netassistant`` as a new process with
``NETASSISTANT_STARTUP_PROBE=1`` (the app prints ``first-window <seconds>`` once its main
window has painted for the first time, then exits without saving anything) and a fresh,
empty configuration folder, so it opens its default TCP server pane as on a first launch.
The start is a ``time.monotonic()`` reading taken just before the process is started
(``NETASSISTANT_STARTUP_T0``). In the same run, a bare baseline does the same with
``import PySide6.QtWidgets`` and an empty ``QMainWindow``.

Qt draws offscreen (``QT_QPA_PLATFORM=offscreen``, on a configured 1920x1080 screen: the app
fits a first window to its screen, and the plugin's own is 800x800); when ``Xvfb`` is
installed the runs are repeated on a real X server (1920x1080 too). There, when a reference
program is installed too (``--reference COMMAND``; by default ``packetsender``, the program
the "Performance at scale" issue compared with), the reference, the app and the bare window
are also launched alternately, each with a fresh ``HOME``, and timed from launch to their
first top-level window mapped on the X server, as an X client watching the root window sees
it (``MapNotify``; libX11 through ctypes): the same moment for a C++ program as for ours, on
the same machine at the same time (``reference_map_s``, ``app_map_s``, ``baseline_map_s``,
``map_ratio_vs_reference``). Python's bytecode cache is on (in a temporary
``PYTHONPYCACHEPREFIX``, filled by one uncounted warm-up launch), as for an installed app.
``import_s`` is the median wall time of ``import netassistant.app, netassistant.ui.mainwindow``
after ``import PySide6.QtWidgets`` (what the app imports before its window on top of Qt);
the slowest modules of one ``python -X importtime`` run are listed. Each app launch also
reports how long each phase of it took (its ``startup-phases`` line: the interpreter,
PySide's QtCore, the app module, the QApplication, the window's modules, building the
window, ``show()``, the first frame; see ``netassistant.app.STARTUP_PHASES``): their
medians are printed and given as ``phases_s`` (offscreen). The last line printed is one
JSON object with ``first_window_s``, ``import_s`` (medians), ``baseline_s`` and
``ratio_vs_baseline``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import resource
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT = 60.0  # seconds: a launch that takes longer is a failure, not a figure
#: The screen both platforms show the windows on (Qt's offscreen plugin and Xvfb).
SCREEN_SIZE = (1920, 1080)
OFFSCREEN_SCREEN = {
    "name": "benchmark",
    "x": 0,
    "y": 0,
    "width": SCREEN_SIZE[0],
    "height": SCREEN_SIZE[1],
    "logicalDpi": 96,
    "dpr": 1,
}

# The baseline: the least a PySide6 app pays before its first window has painted.
BASELINE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        t0 = float(os.environ["NETASSISTANT_STARTUP_T0"])
        print(f"first-window {time.monotonic() - t0:.4f}", flush=True)
        QApplication.exit(0)

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
probe = Probe()
window.installEventFilter(probe)
window.show()
sys.exit(app.exec())
"""

IMPORTS = (
    "import time; import PySide6.QtWidgets; t = time.perf_counter(); "
    "import netassistant.app, netassistant.ui.mainwindow; print(time.perf_counter() - t)"
)


class LaunchError(RuntimeError):
    """A launch did not report its first window."""


def _launch(args: list[str], env: dict[str, str]) -> tuple[float, float, dict[str, float]]:
    """Start ``python args``; return its first window's seconds, CPU time and phases.

    The seconds are its ``first-window`` line's; the phases (name: seconds) are those of
    its ``startup-phases`` line, empty without one. The CPU seconds (user + system, of the
    whole short life of the process) vary much less with the load of a shared machine than
    the wall time does.
    """
    with tempfile.TemporaryDirectory(prefix="na-startup-config-") as config:
        env = {**env, "NETASSISTANT_CONFIG_DIR": config}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        env["NETASSISTANT_STARTUP_T0"] = repr(time.monotonic())
        proc = subprocess.run(
            [sys.executable, *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    match = re.search(r"^first-window (\d+\.\d+)$", proc.stdout, re.MULTILINE)
    if proc.returncode != 0 or match is None:
        raise LaunchError(
            f"launch failed (exit {proc.returncode}): {' '.join(args)}\n{proc.stderr[-2000:]}"
        )
    phases = re.search(r"^startup-phases (.*)$", proc.stdout, re.MULTILINE)
    durations = {}
    for pair in phases.group(1).split() if phases else ():
        name, _, seconds = pair.partition("=")
        durations[name] = float(seconds)
    return float(match.group(1)), cpu, durations


def _import_time(env: dict[str, str]) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", IMPORTS],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        check=True,
    )
    return float(proc.stdout.strip())


def top_imports(env: dict[str, str], count: int = 10) -> list[tuple[float, float, str]]:
    """The ``count`` modules with the most self time that the app imports on top of PySide6.

    Returns:
        (self ms, cumulative ms, module) tuples, slowest first.
    """
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", IMPORTS],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        check=True,
    )
    rows = []
    lines = proc.stderr.splitlines()
    # Everything up to the line of PySide6.QtWidgets is Python's and Qt's own start-up.
    first = next(i for i, line in enumerate(lines) if line.endswith("| PySide6.QtWidgets"))
    for line in lines[first + 1 :]:
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if m:
            rows.append((int(m.group(1)) / 1e3, int(m.group(2)) / 1e3, m.group(4)))
    return sorted(rows, reverse=True)[:count]


def measure(env: dict[str, str], runs: int, label: str) -> dict[str, float]:
    """Medians of launch -> first window (and CPU) of the app and of the bare baseline.

    The two are alternated, so both see the same load of the machine.
    """
    _launch(["-m", "netassistant"], env)  # warm-up: fills the bytecode cache, not counted
    _launch(["-c", BASELINE], env)
    runs_of: dict[str, list[tuple[float, float, dict[str, float]]]] = {"app": [], "bare": []}
    for _ in range(runs):
        runs_of["app"].append(_launch(["-m", "netassistant"], env))
        runs_of["bare"].append(_launch(["-c", BASELINE], env))
    out: dict[str, Any] = {}
    for key, title in (("app", "netassistant   "), ("bare", "bare QMainWindow")):
        walls = [wall for wall, _cpu, _phases in runs_of[key]]
        cpus = [cpu for _wall, cpu, _phases in runs_of[key]]
        out[f"{key}_s"] = statistics.median(walls)
        out[f"{key}_cpu_s"] = statistics.median(cpus)
        print(
            f"{label}: {title} first window median {out[f'{key}_s']:.3f} s "
            f"(runs {', '.join(f'{t:.3f}' for t in walls)}); CPU median {out[f'{key}_cpu_s']:.3f} s"
        )
    out["phases_s"] = phases = median_phases([p for _wall, _cpu, p in runs_of["app"]])
    if phases:
        print(
            f"{label}: netassistant phases, medians (s): "
            + ", ".join(f"{name} {seconds:.3f}" for name, seconds in phases.items())
        )
    return out


def median_phases(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median seconds of each phase over ``runs``, in the order of the first run.

    A phase some run did not report is left out (its median would mix two launches).
    """
    if not runs:
        return {}
    return {
        name: round(statistics.median(run[name] for run in runs), 4)
        for name in runs[0]
        if all(name in run for run in runs)
    }


class _XMapEvent(ctypes.Structure):
    """The start of Xlib's ``XMapEvent`` (the fields read here)."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class MapWatch:
    """Times launch -> first top-level window mapped on an X server, from outside.

    An X client of its own selects ``SubstructureNotifyMask`` on the root window, so the
    server tells it of every window mapped as a child of the root (no window manager runs
    on Xvfb). Override-redirect windows (menus, tool tips) and windows smaller than
    200×150 are not counted.
    """

    MAP_NOTIFY = 19
    SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
    MIN_SIZE = (200, 150)

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise OSError("libX11 is not installed")
        x = self._x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        x.XSelectInput.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long)
        x.XFlush.argtypes = x.XPending.argtypes = x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
        x.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.c_void_p)
        uint = ctypes.POINTER(ctypes.c_uint)
        x.XGetGeometry.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            uint,
            uint,
            uint,
            uint,
        )
        self._display = x.XOpenDisplay(display.encode())
        if not self._display:
            raise OSError(f"cannot open X display {display}")
        x.XSelectInput(
            self._display, x.XDefaultRootWindow(self._display), self.SUBSTRUCTURE_NOTIFY_MASK
        )
        x.XFlush(self._display)
        self._fd = x.XConnectionNumber(self._display)
        self._event = ctypes.create_string_buffer(192)  # sizeof(XEvent): 24 longs

    def close(self) -> None:
        """Close the connection to the X server."""
        self._x.XCloseDisplay(self._display)

    def _size(self, window: int) -> tuple[int, int]:
        root, x, y = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_int()
        w, h, border, depth = (ctypes.c_uint() for _ in range(4))
        refs = (ctypes.byref(v) for v in (root, x, y, w, h, border, depth))
        if not self._x.XGetGeometry(self._display, window, *refs):
            return 0, 0  # already gone
        return w.value, h.value

    def _mapped(self) -> bool:
        """Read every queued event; True if one was a counted window being mapped."""
        found = False
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, self._event)
            event = _XMapEvent.from_buffer(self._event)
            if found or event.type != self.MAP_NOTIFY or event.override_redirect:
                continue
            width, height = self._size(event.window)
            found = width >= self.MIN_SIZE[0] and height >= self.MIN_SIZE[1]
        return found

    def launch(self, command: list[str], env: dict[str, str]) -> float:
        """Seconds from starting ``command`` to its first counted window; then it is killed."""
        self._mapped()  # events of earlier launches
        with tempfile.TemporaryDirectory(prefix="na-startup-home-") as home:
            env = {**env, "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config")}
            env["NETASSISTANT_CONFIG_DIR"] = os.path.join(home, "netassistant")
            started = time.monotonic()
            proc = subprocess.Popen(
                command,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # the program and its children are killed together
            )
            seconds = None
            try:
                while time.monotonic() - started < TIME_LIMIT:
                    # Whether it had exited before the events it sent were read: a window it
                    # mapped just before exiting is still counted, and no event is read twice.
                    exited = proc.poll() is not None
                    select.select([self._fd], [], [], 0.05)
                    if self._mapped():
                        seconds = time.monotonic() - started
                        break
                    if exited:
                        raise LaunchError(
                            f"exited ({proc.returncode}) without a window: {shlex.join(command)}"
                        )
            finally:
                with contextlib.suppress(ProcessLookupError):  # gone already
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if seconds is None:
            raise LaunchError(f"no window mapped within {TIME_LIMIT:.0f} s: {shlex.join(command)}")
        return seconds


def measure_mapped(xenv: dict[str, str], runs: int, reference: list[str]) -> dict[str, float | str]:
    """Medians of launch -> first window mapped: the reference, the app, the bare window.

    The three are alternated (one uncounted round first), on the X server of ``xenv``.
    """
    watch = MapWatch(xenv["DISPLAY"])
    commands = {
        "reference": reference,
        "app": [sys.executable, "-m", "netassistant"],
        "baseline": [sys.executable, "-c", BASELINE],
    }
    env = {**xenv, "NETASSISTANT_STARTUP_T0": "0"}  # the probe's line is not read here
    seconds: dict[str, list[float]] = {key: [] for key in commands}
    try:
        for round_ in range(runs + 1):
            for key, command in commands.items():
                took = watch.launch(command, env)
                if round_:
                    seconds[key].append(took)
    finally:
        watch.close()
    out: dict[str, float | str] = {"reference": shlex.join(reference)}
    for key, title in (
        ("reference", shlex.join(reference)),
        ("app", "netassistant"),
        ("baseline", "bare QMainWindow"),
    ):
        out[f"{key}_map_s"] = round(statistics.median(seconds[key]), 3)
        print(
            f"Xvfb, window mapped: {title} median {out[f'{key}_map_s']:.3f} s "
            f"(runs {', '.join(f'{t:.3f}' for t in seconds[key])})"
        )
    ratio = statistics.median(seconds["app"]) / statistics.median(seconds["reference"])
    out["map_ratio_vs_reference"] = round(ratio, 2)
    name = os.path.basename(reference[0])
    print(f"Xvfb, window mapped: ratio netassistant / {name}: {ratio:.2f}")
    return out


def _with_xvfb(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], dict[str, str]] | None:
    """Start Xvfb on a free display number; None when it is not installed or fails."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return None
    for display in range(99, 120):
        if os.path.exists(f"/tmp/.X11-unix/X{display}"):
            continue
        proc = subprocess.Popen(
            [
                xvfb,
                f":{display}",
                "-screen",
                "0",
                f"{SCREEN_SIZE[0]}x{SCREEN_SIZE[1]}x24",
                "-nolisten",
                "tcp",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            if os.path.exists(f"/tmp/.X11-unix/X{display}"):
                return proc, {**env, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
            time.sleep(0.05)
        proc.kill()
        proc.wait()
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each (default 5)")
    parser.add_argument(
        "--reference",
        metavar="COMMAND",
        default="packetsender",
        help="a program to time the first mapped window of, under Xvfb (default packetsender)",
    )
    parser.add_argument(
        "--no-reference", action="store_true", help="no reference program, even if installed"
    )
    args = parser.parse_args()
    try:
        reference = [] if args.no_reference else shlex.split(args.reference)
    except ValueError as exc:  # an unclosed quote
        parser.error(f"--reference: {exc}; give a command as you would type it in a shell")
    runs = max(1, min(args.runs, 50))
    with tempfile.TemporaryDirectory(prefix="na-startup-pyc-") as pyc:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # The offscreen screen is 800x800 unless configured: the app would fit its first
        # window to it (smaller than the bare window's). The same screen as under Xvfb.
        screen = Path(pyc) / "offscreen-screen.json"
        screen.write_text(json.dumps({"screens": [OFFSCREEN_SCREEN]}), encoding="utf-8")
        env.update(
            QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
            PYTHONPYCACHEPREFIX=pyc,
            NETASSISTANT_STARTUP_PROBE="1",
        )
        try:
            figures = measure(env, runs, "offscreen")
        except LaunchError as exc:
            raise SystemExit(str(exc)) from None
        first, bare = figures["app_s"], figures["bare_s"]
        result: dict[str, object] = {"platform": "offscreen"}
        xvfb = _with_xvfb(env)
        if xvfb is None:
            print("Xvfb is not installed: measured offscreen only")
        else:
            server, xenv = xvfb
            try:
                x_figures = measure(xenv, runs, "Xvfb")
                result.update(
                    xvfb_first_window_s=round(x_figures["app_s"], 3),
                    xvfb_baseline_s=round(x_figures["bare_s"], 3),
                )
                if reference and shutil.which(reference[0]):
                    try:
                        result.update(measure_mapped(xenv, runs, reference))
                    except (LaunchError, OSError) as exc:  # e.g. no libX11, a program that quit
                        print(f"no reference timing: {exc}")
                elif reference:
                    print(f"{reference[0]} is not installed: no reference program timed")
            except LaunchError as exc:  # e.g. Qt's xcb plugin lacks libxcb-cursor0
                print(f"Xvfb is installed but a launch on it failed, offscreen only: {exc}")
            finally:
                server.terminate()
                server.wait(10)
        imports = [_import_time(env) for _ in range(runs)]
        import_s = statistics.median(imports)
        print(
            f"imports (netassistant.app + ui.mainwindow, after PySide6.QtWidgets): median "
            f"{import_s:.3f} s (runs {', '.join(f'{t:.3f}' for t in imports)})"
        )
        print("slowest imports, one -X importtime run (self ms, cumulative ms):")
        for self_ms, cum_ms, name in top_imports(env):
            print(f"  {self_ms:7.1f} {cum_ms:8.1f}  {name}")
    print(f"ratio netassistant / bare window: {first / bare:.2f}")
    result.update(
        first_window_s=round(first, 3),
        import_s=round(import_s, 3),
        baseline_s=round(bare, 3),
        ratio_vs_baseline=round(first / bare, 2),
        phases_s=figures["phases_s"],
        first_window_cpu_s=round(figures["app_cpu_s"], 3),
        baseline_cpu_s=round(figures["bare_cpu_s"], 3),
        runs=runs,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
