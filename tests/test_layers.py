"""Data flows one way: no module imports from a later stage into an earlier one.

raw bytes → lines → articles → records → validated tables → release → publish, then the
wiring (flows, command line). Each module belongs to one stage below; a module may import
from its own stage and the ones before it, never from a later one. A new module must be
placed here, or this test fails.
"""

from __future__ import annotations

import ast

import pytest

from tests.helpers import ROOT

STAGES: list[tuple[str, set[str]]] = [
    (
        "shared",
        {"evkonyv", "evkonyv.errors", "evkonyv.escaping", "evkonyv.processes", "evkonyv.quality_flags", "evkonyv.vocabulary"},
    ),
    ("reading", {"evkonyv.reading", "evkonyv.reading.decoding", "evkonyv.reading.normalise", "evkonyv.reading.sources"}),
    (
        "parsing",
        {
            "evkonyv.parsing",
            "evkonyv.parsing.values",
            "evkonyv.parsing.calendars",
            "evkonyv.parsing.hungarian",
            "evkonyv.parsing.verbs",
            "evkonyv.parsing.lines",
            "evkonyv.parsing.dates",
            "evkonyv.parsing.people",
            "evkonyv.parsing.sections",
            "evkonyv.parsing.sentences",
            "evkonyv.parsing.timeline",
            "evkonyv.parsing.articles",
            "evkonyv.parsing.records",
            "evkonyv.parsing.english",
            "evkonyv.parsing.language",
            "evkonyv.parsing.accounting",
            "evkonyv.parsing.parse",
        },
    ),  # fmt: skip
    (
        "tables",
        {
            "evkonyv.tables",
            "evkonyv.schemas",
            "evkonyv.schemas.fields",
            "evkonyv.schemas.tables",
            "evkonyv.schemas.arrow",
            "evkonyv.schemas.datapackage",
            "evkonyv.schemas.dictionary",
            "evkonyv.schemas.validation",
            "evkonyv.tables.build",
            "evkonyv.tables.serialise",
            "evkonyv.tables.columns",
            "evkonyv.tables.parts",
            "evkonyv.tables.pool",
            "evkonyv.tables.cache",
            "evkonyv.tables.memory",
            "evkonyv.tables.rows",
            "evkonyv.summary",
        },
    ),  # fmt: skip
    (
        "release",
        {
            "evkonyv.release",
            "evkonyv.release.archive",
            "evkonyv.release.build",
            "evkonyv.release.clock",
            "evkonyv.release.database",
            "evkonyv.release.files",
            "evkonyv.release.changelog",
            "evkonyv.release.page",
            "evkonyv.release.quality",
            "evkonyv.release.texts",
        },
    ),  # fmt: skip
    (
        "publishing",
        {"evkonyv.publishing", "evkonyv.publishing.outputs", "evkonyv.publishing.previous", "evkonyv.publishing.publish"},
    ),
    ("run", {"evkonyv.pipeline"}),
    (
        "wiring",
        {
            "evkonyv.flows",
            "evkonyv.flows.main",
            "evkonyv.flows.runners",
            "evkonyv.flows.serving",
            "evkonyv.flows.server",
            "evkonyv.browsing",
            "evkonyv.cli",
        },
    ),
]
STAGE_OF = {module: index for index, (_, modules) in enumerate(STAGES) for module in modules}
FOLDERS = ("evkonyv", "schemas", "flows")  # of the repository
# flows/ and schemas/ are installed inside the evkonyv namespace
INSTALLED_AS = {"schemas": "evkonyv.schemas", "flows": "evkonyv.flows"}


def _modules() -> dict[str, ast.Module]:
    found = {}
    for package in FOLDERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            parts[0] = INSTALLED_AS.get(parts[0], parts[0])
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def _imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):  # function-level imports count too
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] == "evkonyv" or name.split(".")[0] in INSTALLED_AS}


def _own_module(name: str, modules: dict[str, ast.Module]) -> str | None:
    """The project module an imported name refers to (``evkonyv.parsing.records.ROLES`` → ``evkonyv.parsing.records``)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


MODULES = _modules()


def test_every_module_has_a_stage():
    assert sorted(set(MODULES) - set(STAGE_OF)) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_one_way(module):
    stage = STAGE_OF[module]
    for imported in _imports(MODULES[module]):
        target = _own_module(imported, MODULES)
        assert target is not None, f"{module} imports {imported}, which is not a module of the project"
        assert STAGE_OF[target] <= stage, (
            f"{module} ({STAGES[stage][0]}) imports {target} from a later stage ({STAGES[STAGE_OF[target]][0]})"
        )


def test_flows_and_schemas_are_installed_inside_the_evkonyv_namespace(tmp_path):
    """Outside the repository, evkonyv.schemas and evkonyv.flows import; bare schemas and flows do not."""
    import subprocess
    import sys

    def imports(module: str) -> bool:
        return subprocess.run([sys.executable, "-c", f"import {module}"], cwd=tmp_path, capture_output=True).returncode == 0

    assert imports("evkonyv.schemas.tables") and imports("evkonyv.flows.runners")
    assert not imports("schemas") and not imports("flows")
