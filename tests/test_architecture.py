"""The house rules, checked on the source: imports run one way down the floors, every command
lives in cli/, no module in extractors/ or pipeline/ grows past what a reader can hold, and every
module says what it holds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FLOORS = ["extractors", "normalizers", "pipeline", "flows", "cli"]
# what each floor may import from the project (itself included)
ALLOWED = {
    "extractors": {"extractors", "normalizers"},   # the ground floor: both know nothing above
    "normalizers": {"normalizers"},
    "pipeline": {"pipeline", "extractors", "normalizers"},
    "flows": {"flows", "pipeline", "extractors", "normalizers"},
    "cli": set(FLOORS),
}


def _modules(floor: str) -> list[Path]:
    return sorted((ROOT / floor).rglob("*.py"))


def _project_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(FLOORS)


@pytest.mark.parametrize("floor", FLOORS)
def test_imports_run_down_the_floors(floor):
    wrong = {str(p.relative_to(ROOT)): sorted(_project_imports(p) - ALLOWED[floor]) for p in _modules(floor)}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_every_command_is_defined_in_the_cli_package():
    outside = [str(p.relative_to(ROOT)) for floor in FLOORS if floor != "cli" for p in _modules(floor)
               if "typer" in _project_imports_raw(p)]
    assert outside == []


def _project_imports_raw(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


MAX_LINES = 500


@pytest.mark.parametrize("floor", ["extractors", "pipeline"])
def test_modules_stay_small(floor):
    big = {str(p.relative_to(ROOT)): n for p in _modules(floor)
           if "migrations" not in p.parts and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}


def test_every_module_says_what_it_holds():
    missing = [str(p.relative_to(ROOT)) for floor in FLOORS for p in _modules(floor)
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert missing == []
