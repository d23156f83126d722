"""The topics of DESIGN §3, and the idempotent command that creates them."""

from dataclasses import dataclass

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

FOREVER = -1
THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    retention_ms: int = FOREVER
    compact: bool = False

    @property
    def config(self) -> dict[str, str]:
        if self.compact:
            return {"cleanup.policy": "compact"}
        return {"cleanup.policy": "delete", "retention.ms": str(self.retention_ms)}

    @property
    def dead_letters(self) -> "TopicSpec":
        return TopicSpec(dlq(self.name), THIRTY_DAYS_MS)


def dlq(topic: str) -> str:
    return f"{topic}.dlq"


REGISTRY_ENTERPRISES = "registry.enterprises.v1"
REGISTRY_NEEDS = "registry.needs.v1"
RISK_RATINGS = "risk.ratings.v1"
CASES_CASES = "cases.cases.v1"
CASES_DISPATCH = "cases.dispatch.v1"
PLATFORM_REPLIES = "platform.replies.v1"
VOLUNTEERS_ASSIGNMENTS = "volunteers.assignments.v1"
VOLUNTEERS_ACTIVITY = "volunteers.activity.v1"

MAIN_TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(REGISTRY_ENTERPRISES),
    TopicSpec(REGISTRY_NEEDS),
    TopicSpec(RISK_RATINGS, compact=True),
    TopicSpec(CASES_CASES),
    TopicSpec(CASES_DISPATCH, THIRTY_DAYS_MS),
    TopicSpec(PLATFORM_REPLIES, THIRTY_DAYS_MS),
    TopicSpec(VOLUNTEERS_ASSIGNMENTS),
    TopicSpec(VOLUNTEERS_ACTIVITY),
)
ALL_TOPICS: tuple[TopicSpec, ...] = MAIN_TOPICS + tuple(t.dead_letters for t in MAIN_TOPICS)


@dataclass(frozen=True)
class EnsureReport:
    created: list[str]
    existing: list[str]


def admin_client(bootstrap: str, timeout_ms: int = 5000) -> AIOKafkaAdminClient:
    return AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=timeout_ms)


async def existing_topics(bootstrap: str, timeout_ms: int = 5000) -> set[str]:
    """Names of the topics the broker holds; raises when it cannot be reached."""
    admin = admin_client(bootstrap, timeout_ms)
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


async def ensure_topics(bootstrap: str, partitions: int, replication_factor: int = 1) -> EnsureReport:
    """Create every missing topic; existing ones are left as they are (partitions never change)."""
    admin = admin_client(bootstrap)
    await admin.start()
    try:
        present = set(await admin.list_topics())
        missing = [t for t in ALL_TOPICS if t.name not in present]
        if missing:
            await admin.create_topics(
                [NewTopic(t.name, partitions, replication_factor, topic_configs=t.config) for t in missing]
            )
        return EnsureReport(
            created=[t.name for t in missing], existing=[t.name for t in ALL_TOPICS if t.name in present]
        )
    finally:
        await admin.close()
