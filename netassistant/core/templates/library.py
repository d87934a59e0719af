"""TemplateLibrary: the built-in templates and a pane's own, by name.

The built-ins are read-only; the user's templates are stored with the profile (its
``templates`` list, as :meth:`~netassistant.core.templates.model.Template.to_dict` data).
"""

from __future__ import annotations

from typing import Any

from netassistant.core.i18n import text
from netassistant.core.templates.model import Template, TemplateError

#: A pane keeps at most this many templates of its own.
MAX_TEMPLATES = 200


class TemplateLibrary:
    """Built-in and user templates; names are unique across both.

    Attributes:
        custom: The user's templates, in the order they were added.
    """

    def __init__(self) -> None:
        self.custom: list[Template] = []

    @staticmethod
    def builtins() -> tuple[Template, ...]:
        """The shipped examples (loaded at first use)."""
        from netassistant.core.templates.builtin import BUILTIN_TEMPLATES

        return BUILTIN_TEMPLATES

    def all(self) -> list[Template]:
        """Built-ins first, then the user's."""
        return [*self.builtins(), *self.custom]

    def names(self) -> list[str]:
        """Every template's name, in :meth:`all`'s order."""
        return [t.name for t in self.all()]

    def get(self, name: str) -> Template | None:
        """The template called ``name``, or None."""
        return next((t for t in self.all() if t.name == name), None)

    def is_builtin(self, name: str) -> bool:
        """True for a shipped (read-only) template."""
        return any(t.name == name for t in self.builtins())

    def save(self, template: Template, replacing: str = "") -> None:
        """Add ``template``, or replace the user template called ``replacing``.

        Raises:
            TemplateError: No name, a name taken by another template, a built-in to
                replace, or too many templates.
        """
        name = template.name.strip()
        if not name:
            raise TemplateError(text("give the template a name"))
        if self.is_builtin(name) or (name != replacing and self.get(name) is not None):
            raise TemplateError(
                text("a template called {name!r} exists; choose another name", name=name)
            )
        if replacing:
            if self.is_builtin(replacing):
                raise TemplateError(text("the built-in templates cannot be changed"))
            index = next(i for i, t in enumerate(self.custom) if t.name == replacing)
            self.custom[index] = template
            return
        if len(self.custom) >= MAX_TEMPLATES:
            raise TemplateError(text("a pane holds at most {limit} templates", limit=MAX_TEMPLATES))
        self.custom.append(template)

    def remove(self, name: str) -> None:
        """Forget the user template called ``name`` (built-ins stay)."""
        self.custom = [t for t in self.custom if t.name != name]

    def to_list(self) -> list[dict[str, Any]]:
        """The user's templates as JSON data (a profile's ``templates``)."""
        return [t.to_dict() for t in self.custom]

    def load(self, data: list[dict[str, Any]]) -> None:
        """Replace the user's templates with checked profile data (bad entries are skipped)."""
        self.custom = []
        for item in data:
            try:
                template = Template.from_dict(item)
                self.save(template)
            except TemplateError:
                continue  # the profile loader already refused bad ones; never crash here
