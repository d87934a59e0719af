"""Built-in profiles are shown translated; their stored names stay English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from netassistant.core.profiles.store import ProfileStore
from netassistant.qt.models.builtinnames import (
    BUILTIN_TEXTS,
    shown_description,
    shown_name,
    shown_text,
)
from netassistant.qt.models.profilemodel import Column, ProfileListModel


class _Shouting(QTranslator):
    """Translates the BuiltinProfile context to upper case, nothing else."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == "BuiltinProfile" else ""

    def isEmpty(self) -> bool:
        return False


def test_every_builtin_profile_text_is_listed_for_translation(tmp_path):
    builtins = [p for p in ProfileStore(tmp_path).all_with_builtins()[0] if p.builtin]
    assert builtins
    for profile in builtins:
        assert profile.name in BUILTIN_TEXTS
        assert profile.description in BUILTIN_TEXTS


def test_builtins_are_translated_when_shown_only(qapp, tmp_path):
    store = ProfileStore(tmp_path)
    echo = next(p for p in store.all_with_builtins()[0] if p.name == "Echo server")
    translator = _Shouting()
    qapp.installTranslator(translator)
    try:
        assert shown_name(echo) == "ECHO SERVER"
        assert shown_description(echo) == echo.description.upper()
        assert shown_text("my own profile") == "my own profile"
        model = ProfileListModel()
        model.reload(store)
        row = model.row_of("Echo server", builtin=True)
        assert model.index(row, Column.NAME).data() == "ECHO SERVER"
        assert model.profile_at(row).name == "Echo server"  # what --profile matches
    finally:
        QCoreApplication.removeTranslator(translator)
    assert shown_name(echo) == "Echo server"


def test_every_builtin_template_text_is_listed_for_translation():
    from netassistant.core.templates.builtin import BUILTIN_TEMPLATES
    from netassistant.qt.models.builtinnames import BUILTIN_TEMPLATE_TEXTS, shown_template_text

    assert BUILTIN_TEMPLATES
    for template in BUILTIN_TEMPLATES:
        assert template.name in BUILTIN_TEMPLATE_TEXTS
        assert template.description in BUILTIN_TEMPLATE_TEXTS
    assert shown_template_text("my own template") == "my own template"
