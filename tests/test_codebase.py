"""The code base keeps its habits: lint, format, types, import contracts, private names.

ruff, mypy and ``lint-imports`` (the contracts in pyproject.toml ``[tool.importlinter]``) run
as tests, so ``./dev test`` fails on any finding. Two rules need code of their own: no module
uses another module's ``_private`` names (import-linter sees modules, not names), and the CLI
stays light (``import netassistant.cli`` loads no Qt).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env},
    )


@pytest.mark.parametrize(
    "args",
    [
        (sys.executable, "-m", "ruff", "check", "."),
        (sys.executable, "-m", "ruff", "format", "--check", "."),
        (sys.executable, "-m", "mypy"),
        (str(BIN / "lint-imports"), "--no-cache"),
    ],
    ids=["ruff-check", "ruff-format", "mypy", "import-contracts"],
)
def test_tool_is_clean(args):
    proc = _run(*args)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_qtwidgets_contract_catches_a_widget_import(tmp_path):
    # The home-made contract type must be able to fail: a fake package whose "qt" layer
    # imports QtWidgets in each of the three spellings breaks it on each line.
    package = tmp_path / "fakepkg"
    (package / "qt").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "qt" / "__init__.py").write_text("")
    (package / "qt" / "ok.py").write_text("from PySide6.QtCore import QObject\n")
    (package / "qt" / "bad.py").write_text(
        "import PySide6.QtWidgets\n"
        "from PySide6.QtWidgets import QWidget\n"
        "from PySide6 import QtCore, QtWidgets\n"
    )
    (tmp_path / ".importlinter").write_text(
        textwrap.dedent("""\
            [importlinter]
            root_package = fakepkg
            include_external_packages = True
            contract_types =
                forbidden_external_submodules: tools.importcontracts.ForbiddenExternalSubmodules

            [importlinter:contract:widgets]
            name = no widgets
            type = forbidden_external_submodules
            source_modules = fakepkg.qt
            forbidden_modules = PySide6.QtWidgets
            """)
    )
    proc = _run(
        str(BIN / "lint-imports"),
        "--no-cache",
        cwd=tmp_path,
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "no widgets BROKEN" in proc.stdout
    for line in (
        "1: import PySide6.QtWidgets",
        "2: from PySide6.QtWidgets",
        "3: from PySide6 import",
    ):
        assert f"fakepkg.qt.bad:{line}" in proc.stdout
    assert "fakepkg.qt.ok" not in proc.stdout


def test_importing_the_cli_loads_no_qt():
    # The CLI must start fast on a headless box. pytest-qt has already imported PySide6 into
    # this process, so ask a fresh interpreter.
    code = (
        "import sys, netassistant.cli, netassistant.cli.main\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    proc = _run(sys.executable, "-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --- private names ----------------------------------------------------------------------------

# Uses of another module's private name that stay until the files are rewritten (do not add
# to this list: make the name public instead). Keyed by (file, "module.name").
KNOWN_PRIVATE_USES: dict[tuple[str, str], str] = {}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_name(path: Path) -> str:
    parts = list(path.with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private_uses(source: str, module: str, modules: set[str]) -> Iterator[tuple[int, str]]:
    """Yield (line, "module.name") for each private name of another package module used.

    Catches ``from netassistant.x import _name`` and ``x._name`` / ``netassistant.x._name``
    where ``x`` is bound to a module of the package by an import. Private attributes of
    objects (``self._name``, ``obj._name``) are a class's business, not this rule's.
    """
    tree = ast.parse(source)
    bound: dict[str, str] = {}  # local name -> the package module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("netassistant"):
            assert node.module is not None
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in modules:
                    bound[alias.asname or alias.name] = full
                if _is_private(alias.name) and node.module != module:
                    yield node.lineno, full
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "netassistant":
                    bound[alias.asname or "netassistant"] = (
                        alias.name if alias.asname else "netassistant"
                    )
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_private(node.attr)):
            continue
        chain: list[str] = []
        value = node.value
        while isinstance(value, ast.Attribute):
            chain.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name) and value.id in bound:
            owner = ".".join([bound[value.id], *reversed(chain)])
            if owner in modules and owner != module:
                yield node.lineno, f"{owner}.{node.attr}"


def _package_modules() -> set[str]:
    return {_module_name(p.relative_to(ROOT)) for p in (ROOT / "netassistant").rglob("*.py")}


MODULES = {"netassistant.core.codec", "netassistant.core", "netassistant.ui.pane.pane"}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        (
            "from netassistant.core.codec import _hex, parse_hex",
            [(1, "netassistant.core.codec._hex")],
        ),
        ("import netassistant.core.codec as c\nc._hex(b'')", [(2, "netassistant.core.codec._hex")]),
        (
            "import netassistant.core.codec\nnetassistant.core.codec._x",
            [(2, "netassistant.core.codec._x")],
        ),
        ("from netassistant.core import codec\ncodec._hex", [(2, "netassistant.core.codec._hex")]),
        (
            "from netassistant.core.codec import _hex as h",
            [(1, "netassistant.core.codec._hex")],
        ),
        # not violations: own module, dunders, private attributes of objects, other packages
        ("from netassistant.ui.pane.pane import _Row", []),
        ("from netassistant.core.codec import __all__", []),
        ("import netassistant.core.codec as c\nself._x = c.parse_hex\nobj._y", []),
        ("from os import _exit\nimport json\njson._default_decoder", []),
    ],
)
def test_private_use_finder(source, found):
    assert list(private_uses(source, "netassistant.ui.pane.pane", MODULES)) == found


def test_no_module_uses_another_modules_private_names():
    modules = _package_modules()
    seen: dict[tuple[str, str], int] = {}
    for folder in ("netassistant", "tests", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT)
            for line, name in private_uses(path.read_text(), _module_name(relative), modules):
                seen.setdefault((relative.as_posix(), name), line)
    new = [f"{file}:{line}: {name}" for (file, name), line in seen.items()]
    new = [entry for (key, entry) in zip(seen, new, strict=True) if key not in KNOWN_PRIVATE_USES]
    assert new == [], "make these names public (drop the underscore) instead of reaching in"
    stale = sorted(set(KNOWN_PRIVATE_USES) - set(seen))
    assert stale == [], "fixed: remove these entries from KNOWN_PRIVATE_USES"
