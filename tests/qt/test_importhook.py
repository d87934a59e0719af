"""The faster PySide6 import hook answers exactly as PySide's own does."""

from __future__ import annotations

import sys
import threading
import types

import PySide6.QtCore  # loads PySide's feature hook
import pytest

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


# ------------------------------------------------------- modules run on first use
def _package(tmp_path, monkeypatch, name: str) -> None:
    """A package ``name`` on the path whose modules note each run of their code in ``runs``."""
    root = tmp_path / name
    root.mkdir()
    (root / "__init__.py").write_text("runs = []\n", encoding="utf-8")
    for module, body in (
        ("heavy", "VALUE = 42\n"),
        ("slow", "import time\ntime.sleep(0.05)\nVALUE = 7\n"),
        ("plain", "VALUE = 1\n"),
        # Asks for one of its own names before defining it (as the import system allows).
        ("selfref", "EARLY = hasattr(sys.modules[__name__], 'LATER')\nLATER = 1\n"),
    ):
        (root / f"{module}.py").write_text(
            f"import sys\nsys.modules[{name!r}].runs.append({module!r})\n{body}", encoding="utf-8"
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    for key in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
        monkeypatch.delitem(sys.modules, key)


def test_a_deferred_module_runs_its_code_once_on_first_use(tmp_path, monkeypatch):
    _package(tmp_path, monkeypatch, "deferpkg_a")
    finders = list(sys.meta_path)
    with importhook.run_on_first_use("deferpkg_a.heavy", "deferpkg_a.slow"):
        import deferpkg_a
        import deferpkg_a.heavy as heavy
        import deferpkg_a.plain as plain
        import deferpkg_a.slow as slow

        assert len(sys.meta_path) == len(finders) + 1
    assert sys.meta_path == finders, "the finder is gone after the block"
    assert deferpkg_a.runs == ["plain"], "imported, but its code has not run"
    assert plain.VALUE == 1
    assert heavy.__name__ == "deferpkg_a.heavy"
    assert heavy.__file__ == str(tmp_path / "deferpkg_a" / "heavy.py")
    assert heavy.__spec__.name == "deferpkg_a.heavy"
    assert "VALUE" not in vars(heavy)

    assert heavy.VALUE == 42
    assert deferpkg_a.runs == ["plain", "heavy"]
    from deferpkg_a.heavy import VALUE

    assert VALUE == 42
    assert "__getattr__" not in vars(heavy)
    with pytest.raises(AttributeError, match=r"'deferpkg_a\.heavy' has no attribute 'missing'"):
        heavy.missing  # noqa: B018
    assert deferpkg_a.runs == ["plain", "heavy"], "once, whatever is asked after"

    # Threads asking together while the code runs (it sleeps): it still runs once.
    assert "VALUE" not in vars(slow)
    barrier = threading.Barrier(6)
    seen: list[int] = []

    def ask() -> None:
        barrier.wait()
        seen.append(slow.VALUE)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [7] * 6
    assert deferpkg_a.runs == ["plain", "heavy", "slow"]


def test_a_deferred_module_asking_for_its_own_names_while_it_runs_gets_no_answer(
    tmp_path, monkeypatch
):
    # Its own code runs in the thread that holds the lock: no wait for itself, no deadlock.
    _package(tmp_path, monkeypatch, "deferpkg_c")
    with importhook.run_on_first_use("deferpkg_c.selfref"):
        import deferpkg_c.selfref as selfref
    assert selfref.LATER == 1
    assert selfref.EARLY is False
    assert sys.modules["deferpkg_c"].runs == ["selfref"]


def test_a_deferred_name_that_is_nowhere_is_not_found(tmp_path, monkeypatch):
    _package(tmp_path, monkeypatch, "deferpkg_b")
    with importhook.run_on_first_use("deferpkg_b.nowhere"):
        with pytest.raises(ModuleNotFoundError, match=r"No module named 'deferpkg_b\.nowhere'"):
            import deferpkg_b.nowhere  # noqa: F401


def test_the_app_entry_imports_pysides_stub_generator_without_running_it():
    # Its class body compiles two large regular expressions at every start (~9 ms of
    # PySide's import); nothing in the app uses it, and PySide works as before.
    from tests.helpers import fresh_python

    out = fresh_python(
        "import sys\n"
        "import netassistant.__main__\n"
        "from PySide6.QtCore import QTimer\n"
        "generator = sys.modules['PySide6.support.signature.lib.pyi_generator']\n"
        "from netassistant.qt.importhook import stub_generator_ran\n"
        "print('TYPE_MAP' in vars(generator), stub_generator_ran())\n"
        "print(sorted(type(f).__name__ for f in sys.meta_path if 'Defer' in type(f).__name__))\n"
        "try:\n"
        "    QTimer.singleShot('x', 3)\n"
        "except TypeError as exc:\n"
        "    print(str(exc).splitlines()[0])\n"
        "    print(str(exc).splitlines()[2])\n"
        "print(callable(generator.generate_pyi), 'TYPE_MAP' in vars(generator))\n"
        "print(stub_generator_ran())\n"
    )
    assert out.splitlines() == [
        "False False",
        "[]",
        "'PySide6.QtCore.QTimer.singleShot' called with wrong argument types:",
        "Supported signatures:",
        "True True",
        "True",
    ]


def test_stub_generator_ran_in_this_process_and_not_without_it(monkeypatch):
    # The tests import PySide without the deferral: its code ran here.
    assert importhook.stub_generator_ran() is True
    monkeypatch.delitem(sys.modules, importhook.STUB_GENERATOR)
    assert importhook.stub_generator_ran() is False
