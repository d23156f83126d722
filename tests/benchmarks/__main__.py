"""`deploy/bench`: start a fresh broker, run every benchmark, print figures beside their baselines."""

import asyncio

from district_deploy.kafka import LocalKafka, free_port_pair
from district_shared.topics import ensure_topics
from tests.benchmarks import bench_outbox
from tests.benchmarks.harness import report, scratch
from tests.integration.events.apps import create_topics


async def main() -> None:
    folder = scratch("run")
    broker = LocalKafka(free_port_pair(), folder / "kafka")
    await asyncio.to_thread(broker.start)
    try:
        await ensure_topics(broker.bootstrap, partitions=1)
        await create_topics(broker.bootstrap)
        figures = await bench_outbox.relay_throughput(broker.bootstrap, folder)
        figures += await bench_outbox.commit_to_consumer_latency(broker.bootstrap, folder)
        report("District Services Platform — benchmarks", figures)
    finally:
        await asyncio.to_thread(broker.stop)


if __name__ == "__main__":
    asyncio.run(main())
