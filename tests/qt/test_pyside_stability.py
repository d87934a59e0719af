"""Guard against the PySide6 6.12.0 / CPython 3.11 abort ("Fatal Python error: none_dealloc").

That build crashes after a few thousand calls of void Qt methods or signal emits, so the
stress runs in a child process: a crash fails this test instead of killing the suite.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

STRESS = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

class Emitter(QObject):
    fired = Signal(int)
    plain = Signal()

app = QCoreApplication([])
emitter = Emitter()
seen = []
emitter.fired.connect(seen.append)
count = [0]
emitter.plain.connect(lambda: count.__setitem__(0, count[0] + 1))
timer = QTimer()
N = 40_000
for i in range(N):
    emitter.fired.emit(i)      # signal emit with an argument
    emitter.plain.emit()       # signal emit without one
    timer.setInterval(i % 1000)  # void C++ method
    emitter.setObjectName("e")   # void C++ method
    timer.stop()                 # void C++ method on a stopped timer
assert len(seen) == N and seen[-1] == N - 1, len(seen)
assert count[0] == N
print("ok", N)
"""


def test_tens_of_thousands_of_emits_and_void_calls_do_not_abort():
    proc = subprocess.run(
        [sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, f"child died ({proc.returncode}): {proc.stderr[-2000:]}"
    assert proc.stdout.split() == ["ok", "40000"]


def test_dependency_spec_keeps_python_311_off_pyside_6_12_0():
    data = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    reqs = [Requirement(r) for r in data["project"]["dependencies"]]
    pyside = [r for r in reqs if r.name.lower() in ("pyside6", "pyside6-essentials")]
    assert pyside, "PySide6 must be a dependency"

    def allowed(python: str, version: str) -> bool:
        env = {"python_version": python, "python_full_version": python + ".0"}
        return any(
            r.marker is None or r.marker.evaluate(env)
            for r in pyside
            if Version(version) in r.specifier
        )

    assert not allowed("3.11", "6.12.0")
    assert allowed("3.11", "6.11.3")
    assert allowed("3.12", "6.12.0")
    assert allowed("3.13", "6.12.0")
