"""The topics command creates DESIGN §3's topics with their partitions and cleanup, and is idempotent."""

import os
import subprocess
import sys
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from district_shared.topics import ALL_TOPICS, FOREVER, THIRTY_DAYS_MS
from tests.infra.real import kafka_broker

EXPECTED = {
    "registry.enterprises.v1": ("delete", FOREVER),
    "registry.needs.v1": ("delete", FOREVER),
    "risk.ratings.v1": ("compact", None),
    "cases.cases.v1": ("delete", FOREVER),
    "cases.dispatch.v1": ("delete", THIRTY_DAYS_MS),
    "platform.replies.v1": ("delete", THIRTY_DAYS_MS),
    "volunteers.assignments.v1": ("delete", FOREVER),
    "volunteers.activity.v1": ("delete", FOREVER),
}


def _district_topics(bootstrap: str, partitions: int) -> str:
    command = Path(sys.executable).with_name("district")
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "TOPIC_PARTITIONS": str(partitions)}
    return subprocess.run(
        [str(command), "topics"], env=env, check=True, capture_output=True, text=True
    ).stdout


async def _describe(bootstrap: str) -> dict[str, tuple[int, dict[str, str]]]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [t.name for t in ALL_TOPICS]
        partitions = {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics(names)}
        resources = [ConfigResource(ConfigResourceType.TOPIC, name) for name in names]
        configs: dict[str, dict[str, str]] = {}
        for response in await admin.describe_configs(resources):
            for _code, _message, _type, name, entries in response.resources:
                configs[name] = {entry[0]: entry[1] for entry in entries}
        return {name: (partitions[name], configs[name]) for name in names}
    finally:
        await admin.close()


async def test_topics_command_creates_every_topic_with_its_policy_and_is_idempotent(tmp_path):
    with kafka_broker(tmp_path / "kafka") as bootstrap:
        first = _district_topics(bootstrap, partitions=3)
        assert "16 created, 0 already there" in first
        described = await _describe(bootstrap)

        for name, (cleanup, retention) in EXPECTED.items():
            count, config = described[name]
            assert count == 3
            assert config["cleanup.policy"] == cleanup, name
            if retention is not None:
                assert int(config["retention.ms"]) == retention, name
            dlq_count, dlq_config = described[f"{name}.dlq"]
            assert (dlq_count, dlq_config["cleanup.policy"]) == (3, "delete")
            assert int(dlq_config["retention.ms"]) == THIRTY_DAYS_MS

        # A second run, even asking for other partitions, creates nothing and changes nothing.
        second = _district_topics(bootstrap, partitions=6)
        assert "0 created, 16 already there" in second
        assert await _describe(bootstrap) == described
