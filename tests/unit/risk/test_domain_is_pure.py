"""The risk domain imports no web, broker, database or file library (STYLE: the domain is plain Python)."""

import ast
from importlib.resources import files

ALLOWED = {
    "collections",
    "dataclasses",
    "datetime",
    "enum",
    "typing",
    "zoneinfo",
    "uuid",
    "tomllib",
    "pydantic",
    "pydantic_core",
}


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_the_domain_imports_only_the_standard_library_pydantic_and_itself():
    modules = [entry for entry in (files("risk") / "domain").iterdir() if entry.name.endswith(".py")]
    assert len(modules) > 5
    for module in modules:
        foreign = imported_roots(module.read_text(encoding="utf-8")) - ALLOWED - {"risk"}
        assert not foreign, f"{module.name} imports {sorted(foreign)}"


def test_the_domain_imports_nothing_else_from_the_service():
    for module in (files("risk") / "domain").iterdir():
        if module.name.endswith(".py"):
            tree = ast.parse(module.read_text(encoding="utf-8"))
            own = {
                node.module
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("risk")
            }
            assert all(name.startswith("risk.domain") for name in own), (module.name, own)
