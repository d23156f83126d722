"""The AsyncAPI 3.0 document of the event contract, generated from the models (DESIGN §3).

FastStream documents its subscribers, but our events leave through the outbox relay, which it cannot
see; this document is built from the contract registry instead, so every event type is in it.
"""

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from district_shared.contracts.schemas import load_contracts, schema_of
from district_shared.topics import MAIN_TOPICS

DOCUMENT = Path(__file__).with_name("asyncapi.json")
HEADERS = {
    "type": "object",
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type"],
    "properties": {
        name: {"type": "string"}
        for name in (
            "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type",
            "ce_correlationid", "ce_causationid", "traceparent",
        )
    },
}  # fmt: skip


def document() -> dict[str, Any]:
    """Channels are topics, messages are event types; each producer service `send`s its own."""
    messages: dict[str, dict[str, Any]] = defaultdict(dict)
    components: dict[str, Any] = {}
    for ce_type, model in sorted(load_contracts().items()):
        name = ce_type.replace(".", "_")
        # Nested models go to the document's components, where the payloads' $refs point.
        payload = schema_of(model, ref_template="#/components/schemas/{model}")
        components.update(payload.pop("$defs", {}))
        messages[model.topic][name] = {
            "name": ce_type,
            "contentType": "application/json",
            "headers": HEADERS,
            "payload": payload,
            "bindings": {
                "kafka": {"key": {"type": "string", "description": f"the event's {model.key_field}"}}
            },
        }
    channels = {
        topic.name: {"address": topic.name, "messages": messages[topic.name]}
        for topic in MAIN_TOPICS
        if messages[topic.name]
    }
    operations = {
        f"send_{name.replace('.', '_')}": {
            "action": "send",
            "channel": {"$ref": f"#/channels/{name}"},
            "messages": [{"$ref": f"#/channels/{name}/messages/{m}"} for m in channel["messages"]],
        }
        for name, channel in channels.items()
    }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "District Services Platform events", "version": "1.0.0"},
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {"schemas": components},
    }


def export() -> Path:
    DOCUMENT.write_text(json.dumps(document(), indent=2, sort_keys=True) + "\n")
    return DOCUMENT
