"""The house rules, checked on the source: imports run one way down the floors, every command
lives in cli/, no module in extractors/, normalizers/ or pipeline/ grows past what a reader can
hold, every module says what it holds, and none binds a constant twice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FLOORS = ["roadmaps_settings", "extractors", "normalizers", "pipeline", "flows", "cli"]
# what each floor may import from the project (itself included)
ALLOWED = {
    "roadmaps_settings": {"roadmaps_settings"},    # below everything: imports nothing of the project
    "extractors": {"roadmaps_settings", "extractors", "normalizers"},   # both know nothing above
    "normalizers": {"roadmaps_settings", "normalizers"},
    "pipeline": {"roadmaps_settings", "pipeline", "extractors", "normalizers"},
    "flows": {"roadmaps_settings", "flows", "pipeline", "extractors", "normalizers"},
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


@pytest.mark.parametrize("floor", ["roadmaps_settings", "extractors", "normalizers", "pipeline"])
def test_modules_stay_small(floor):
    big = {str(p.relative_to(ROOT)): n for p in _modules(floor)
           if "migrations" not in p.parts and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}


def test_every_module_says_what_it_holds():
    missing = [str(p.relative_to(ROOT)) for floor in FLOORS for p in _modules(floor)
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert missing == []


def _rebound_constants(source: str) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for t in targets:
            if isinstance(t, ast.Name) and t.id.isupper():
                (twice if t.id in seen else seen).add(t.id)
    return twice


def test_a_module_binds_each_constant_once():
    # a second "CAPS_WORD_RE = ..." further down a module silently changes the rules above it
    assert _rebound_constants("A_RE = 1\nB = 2\nA_RE = 3\n") == {"A_RE"}
    twice = {str(p.relative_to(ROOT)): names for floor in FLOORS for p in _modules(floor)
             if (names := _rebound_constants(p.read_text(encoding="utf-8")))}
    assert twice == {}


def test_settings_are_read_through_the_settings_object():
    """No module reads a ROADMAPS_* variable from os.environ itself (child-process env may be set)."""
    direct = []
    for floor in FLOORS[1:]:
        for p in _modules(floor):
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                if ("os.environ.get(" in line or "getenv(" in line or "os.environ[" in line) \
                        and "ROADMAPS" in line.upper() or "envvar=" in line and "ROADMAPS_" in line:
                    direct.append(f"{p.relative_to(ROOT)}:{n}")
    assert direct == []


LOGGING_SETUP = {"basicConfig", "dictConfig", "fileConfig", "addHandler", "removeHandler", "setLevel",
                 "addFilter", "captureWarnings"}


def _calls(path: Path) -> list[tuple[str, ast.Call]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            out.append((name, node))
    return out


def test_library_code_only_logs_and_never_configures_logging():
    """Handlers, levels and filters are the command line's business (cli/logs.py)."""
    found = [f"{p.relative_to(ROOT)}:{call.lineno} {name}" for floor in FLOORS if floor != "cli"
             for p in _modules(floor) for name, call in _calls(p) if name in LOGGING_SETUP]
    assert found == []


def test_library_loggers_are_named_after_their_module():
    """``logging.getLogger(__name__)``: one logger tree per package, the convention cli/logs.py
    relies on."""
    wrong = [f"{p.relative_to(ROOT)}:{call.lineno}" for floor in FLOORS for p in _modules(floor)
             for name, call in _calls(p) if name == "getLogger" and floor != "cli"
             and not (len(call.args) == 1 and isinstance(call.args[0], ast.Name) and call.args[0].id == "__name__")]
    assert wrong == []


def test_the_cli_shows_the_logs_of_every_package():
    from cli.logs import PACKAGES

    assert set(PACKAGES) == set(FLOORS)


def test_the_logging_check_finds_a_handler(tmp_path):
    """The check above can fail: it sees an ``addHandler`` call."""
    bad = tmp_path / "bad.py"
    bad.write_text('import logging\nlogging.getLogger("x").addHandler(logging.StreamHandler())\n')
    assert [name for name, _ in _calls(bad) if name in LOGGING_SETUP] == ["addHandler"]
