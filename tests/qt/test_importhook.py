"""The faster PySide6 import hook answers exactly as PySide's own does."""

from __future__ import annotations

import sys
import types

import PySide6.QtCore  # loads PySide's feature hook

from netassistant.qt import importhook


def _feature() -> types.ModuleType:
    return sys.modules["shibokensupport.feature"]


def test_the_hook_is_replaced_once_and_answers_like_pysides_own(tmp_path, monkeypatch):
    feature = _feature()
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # restored after the test
    if getattr(original, importhook.FAST_MARK, False):  # installed earlier in this process
        original = original.__closure__[0].cell_contents
        monkeypatch.setattr(feature, "_mod_uses_pyside", original)

    assert importhook.speed_up_pyside_import_hook() is True
    fast = feature._mod_uses_pyside
    assert fast is not original
    assert getattr(fast, importhook.FAST_MARK) is True
    assert importhook.speed_up_pyside_import_hook() is True
    assert feature._mod_uses_pyside is fast, "installing twice wraps nothing twice"

    uses = tmp_path / "uses_qt.py"
    uses.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("# 网络 (no Qt here)\nVALUE = 1\n", encoding="utf-8")
    checked = []
    for path in (uses, plain):
        module = types.ModuleType(path.stem)
        module.__file__ = str(path)
        checked.append(module)
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # the file is not there: PySide's answer
    checked.append(gone)
    # Every module loaded now (built-ins, extensions, ours, the standard library) too.
    checked += [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    answers = [(fast(m), original(m)) for m in checked]
    assert [mine for mine, _theirs in answers] == [theirs for _mine, theirs in answers]
    assert answers[:3] == [(True, True), (False, False), (False, False)]
    assert fast(sys) is False, "a built-in module"
    assert fast(importhook) is True, "its text names PySide6"
    assert fast(PySide6.QtCore) is False, "an extension module has no .py source"


def test_without_pysides_hook_nothing_changes(monkeypatch):
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert importhook.speed_up_pyside_import_hook() is False


def test_the_app_entry_installs_it_before_importing_the_app():
    # PySide's slow check (inspect.getsource) must see none of our modules: the entry
    # (python -m netassistant, the netassistant script) replaces it before the app's
    # imports, not in app.py after its config, records and i18n were already imported.
    from tests.helpers import fresh_python

    out = fresh_python(
        "import inspect\n"
        "slow = []\n"
        "getsource = inspect.getsource\n"
        "def watched(obj):\n"
        "    slow.append(getattr(obj, '__name__', '?'))\n"
        "    return getsource(obj)\n"
        "inspect.getsource = watched\n"
        "import netassistant.__main__\n"
        "import sys\n"
        "assert 'netassistant.app' in sys.modules\n"
        "print(' '.join(name for name in slow if name.startswith('netassistant')))\n"
    )
    assert out.split() == []
