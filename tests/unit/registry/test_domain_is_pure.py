"""The registry's domain is plain Python: it imports no web, broker or database library."""

import ast
from pathlib import Path

import registry.domain

IO_LIBRARIES = {
    "fastapi",
    "starlette",
    "sqlalchemy",
    "aiokafka",
    "faststream",
    "httpx",
    "pydantic",
    "district_shared",
}


def test_domain_imports_no_io_library():
    for path in Path(registry.domain.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not {name.split(".")[0] for name in names} & IO_LIBRARIES, path.name
