"""JSON Schemas of the contract events: export, and the compatibility rules of DESIGN §3.

Within a major version a schema may only grow: new optional fields, new enum values. Removing,
renaming or retyping a field, making an optional field required, adding a required field or removing
an enum value is breaking and needs a new major version (a new model `…V2`, a new topic major).
"""

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import district_shared.contracts as contracts_package
from district_shared.contracts.base import EVENT_TYPES, Event

SCHEMAS = Path(__file__).with_name("schemas")
Schema = dict[str, Any]


def load_contracts() -> dict[str, type[Event]]:
    """Import every contract module of the package and return the event types by ce_type."""
    for module in pkgutil.iter_modules(contracts_package.__path__):
        importlib.import_module(f"{contracts_package.__name__}.{module.name}")
    return {t: m for t, m in EVENT_TYPES.items() if m.__module__.startswith(contracts_package.__name__)}


def schema_of(model: type[Event], ref_template: str = "#/$defs/{model}") -> Schema:
    schema = model.model_json_schema(ref_template=ref_template)
    schema["x-ce-type"] = model.ce_type
    schema["x-topic"] = model.topic
    schema["x-key"] = model.key_field
    return schema


def export(folder: Path = SCHEMAS) -> list[Path]:
    """Write one `<ce_type>.json` per event type; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for ce_type, model in sorted(load_contracts().items()):
        path = folder / f"{ce_type}.json"
        path.write_text(json.dumps(schema_of(model), indent=2, sort_keys=True) + "\n")
        written.append(path)
    return written


def committed(folder: Path = SCHEMAS) -> dict[str, Schema]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """Every way `new` breaks a subscriber or a replay written against `old` (empty when compatible)."""
    problems = [f"{key} changed" for key in ("x-topic", "x-key") if old.get(key) != new.get(key)]
    return problems + _compare_object(old, new, old, new, "")


def _resolve(schema: Schema, root: Schema) -> Schema:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = root.get("$defs", {})[name]
    return schema


def _compare_object(old: Schema, new: Schema, old_root: Schema, new_root: Schema, path: str) -> list[str]:
    old, new = _resolve(old, old_root), _resolve(new, new_root)
    problems = []
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    for name in sorted(old_props.keys() - new_props.keys()):
        problems.append(f"{path}{name}: removed")
    for name in sorted(new_required - old_required):
        problems.append(f"{path}{name}: " + ("became required" if name in old_props else "added as required"))
    for name in sorted(old_props.keys() & new_props.keys()):
        problems += _compare_value(old_props[name], new_props[name], old_root, new_root, f"{path}{name}")
    return problems


def _compare_value(old: Schema, new: Schema, old_root: Schema, new_root: Schema, path: str) -> list[str]:
    old, new = _resolve(old, old_root), _resolve(new, new_root)
    if _kind(old, old_root) != _kind(new, new_root):
        return [f"{path}: type {_kind(old, old_root)} became {_kind(new, new_root)}"]
    problems = [
        f"{path}: enum value {v!r} removed" for v in sorted(set(_enum(old)) - set(_enum(new)), key=str)
    ]
    if "properties" in old:
        problems += _compare_object(old, new, old_root, new_root, f"{path}.")
    if "items" in old and "items" in new:
        problems += _compare_value(old["items"], new["items"], old_root, new_root, f"{path}[]")
    for index, (old_option, new_option) in enumerate(
        zip(old.get("anyOf", []), new.get("anyOf", []), strict=False)
    ):
        problems += _compare_value(old_option, new_option, old_root, new_root, f"{path}|{index}")
    return problems


def _kind(schema: Schema, root: Schema) -> str:
    """A field's type as a subscriber sees it: JSON type and format, nullable or not."""
    if "anyOf" in schema:
        return " | ".join(sorted(_kind(_resolve(option, root), root) for option in schema["anyOf"]))
    kind = schema.get("type", "enum" if "enum" in schema else "object" if "properties" in schema else "any")
    return f"{kind}:{schema['format']}" if "format" in schema else str(kind)


def _enum(schema: Schema) -> list[Any]:
    return list(schema.get("enum", [])) + ([schema["const"]] if "const" in schema else [])
