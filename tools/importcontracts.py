"""Import-linter contract types of our own (loaded by ``lint-imports`` from pyproject.toml).

import-linter's ``forbidden`` contract can only forbid whole external packages (``PySide6``),
not one of their modules (``PySide6.QtWidgets``): grimp records every import of an external
package under its top-level name. It does keep each import's source line, though, so this
contract reads those lines to forbid one module of an external package.
"""

from __future__ import annotations

import re

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class ForbiddenExternalSubmodules(Contract):
    """Source modules (and their descendants) must not import the given external submodules.

    Configuration options:
        source_modules: the modules that must not import the forbidden ones.
        forbidden_modules: dotted names inside an external package, e.g. ``PySide6.QtWidgets``.
    """

    type_name = "forbidden_external_submodules"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_modules = fields.ListField(subfield=fields.ModuleField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        """Look at every import line from the source modules into the forbidden packages."""
        violations: list[tuple[str, int, str]] = []
        for forbidden in self.forbidden_modules:
            top = forbidden.name.split(".")[0]
            # "import P.QtWidgets", "from P.QtWidgets import x", "from P import QtWidgets"
            rest = re.escape(forbidden.name[len(top) + 1 :])
            pattern = re.compile(
                rf"\b{re.escape(top)}\.{rest}\b|from\s+{re.escape(top)}\s+import\s+.*\b{rest}\b"
            )
            if top not in graph.modules:
                continue
            for source in self.source_modules:
                importers = {source.name} | graph.find_descendants(source.name)
                for importer in sorted(importers):
                    for detail in graph.get_import_details(importer=importer, imported=top):
                        if pattern.search(detail["line_contents"]):
                            violations.append(
                                (importer, detail["line_number"], detail["line_contents"])
                            )
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        """Print each offending import with its module and line number."""
        for importer, line_number, line in check.metadata["violations"]:
            output.print_error(f"{importer}:{line_number}: {line}", bold=False)
            output.new_line()
