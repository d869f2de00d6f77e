"""The render layer sits between the library and the front ends: the library never imports
it, and it never imports a front end."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "src" / "policeplan"
LIBRARY = ("indicators", "stats", "delivery", "plan", "store", "ingest", "records")


def imported_modules(folder: Path) -> set[tuple[str, str]]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add((path.relative_to(PACKAGE).as_posix(), node.module))
            elif isinstance(node, ast.Import):
                found.update((path.relative_to(PACKAGE).as_posix(), a.name) for a in node.names)
    return found


@pytest.mark.parametrize("layer", LIBRARY)
def test_library_layer_never_imports_render_or_cli(layer: str) -> None:
    upward = sorted(
        (path, module)
        for path, module in imported_modules(PACKAGE / layer)
        if module.startswith(("policeplan.render", "policeplan.cli"))
    )
    assert upward == []


def test_render_never_imports_a_front_end() -> None:
    upward = sorted(
        (path, module)
        for path, module in imported_modules(PACKAGE / "render")
        if module.startswith(("policeplan.cli", "policeplan.reports", "policeplan.web"))
    )
    assert upward == []
