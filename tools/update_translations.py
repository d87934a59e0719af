"""Refresh the zh_CN translation: lupdate the .ts from the sources, lrelease the .qm.

Usage:
    .venv/bin/python tools/update_translations.py          # update .ts, rebuild .qm
    .venv/bin/python tools/update_translations.py --check  # change nothing; exit 1 if a
        string is untranslated (including new tr() calls not yet in the .ts) or the
        committed .qm is not a fresh lrelease of the .ts

core/ is Qt-free, so it is not scanned.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "netassistant"
TS = PACKAGE / "resources" / "translations" / "netassistant_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> Path:
    """A Qt tool installed next to this Python (the venv's bin/ or Scripts/)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    sys.exit(f"{name} not found next to {sys.executable}; install PySide6 in this environment")


def sources() -> list[Path]:
    """Every Python file under netassistant/ except the Qt-free core/."""
    core = PACKAGE / "core"
    return sorted(
        p for p in PACKAGE.rglob("*.py") if core not in p.parents and "__pycache__" not in p.parts
    )


def run(*args: object) -> None:
    """Run a Qt tool; a failure raises with its output."""
    subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True)


def lupdate(ts: Path) -> None:
    """Refresh ``ts`` with every tr() string in the package, dropping obsolete ones."""
    run(tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", ts)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into the binary catalogue ``qm`` that the app loads."""
    run(tool("pyside6-lrelease"), "-silent", ts, "-qm", qm)


def unfinished(ts: Path) -> list[str]:
    """The "context: source" of every message whose translation is unfinished or empty."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not (translation.text or any(f.text for f in translation.iter("numerusform")))
            ):
                found.append(f"{name}: {message.findtext('source')!r}")
    return found


def check() -> int:
    """Report untranslated strings and a stale .qm without touching the tree; 1 on problems."""
    if not TS.exists():
        print(f"{TS.relative_to(ROOT)} is missing: run tools/update_translations.py")
        return 1
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / TS.name
        shutil.copy(TS, fresh_ts)
        lupdate(fresh_ts)
        problems += [f"untranslated: {s}" for s in unfinished(fresh_ts)]
        fresh_qm = Path(tmp) / QM.name
        lrelease(TS, fresh_qm)
        if not QM.exists() or QM.read_bytes() != fresh_qm.read_bytes():
            problems.append(f"{QM.relative_to(ROOT)} is stale: run tools/update_translations.py")
    print("\n".join(problems) or "translations are complete and up to date")
    return 1 if problems else 0


def main() -> int:
    """Refresh the .ts and .qm (or only check them with ``--check``); returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; exit 1 on problems")
    if parser.parse_args().check:
        return check()
    lupdate(TS)
    lrelease(TS, QM)
    left = unfinished(TS)
    print(f"{TS.relative_to(ROOT)}: {len(left)} untranslated")
    if left:
        print("\n".join(left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
