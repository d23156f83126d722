"""The local runner: Kafka, topics, migrations and every service, in the foreground until Ctrl-C."""

import asyncio
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx
from rich.console import Console

from district_deploy.kafka import LocalKafka
from district_shared.topics import ensure_topics

console = Console()


@dataclass(frozen=True)
class ServiceProcess:
    name: str
    default_port: int

    @property
    def port(self) -> int:
        return int(os.environ.get(f"{self.name.upper()}_PORT", self.default_port))

    @property
    def command(self) -> str:
        return f"district-{self.name}"


SERVICES = (
    ServiceProcess("registry", 8001),
    ServiceProcess("risk", 8002),
    ServiceProcess("cases", 8003),
    ServiceProcess("volunteers", 8004),
)


@contextmanager
def kafka(home: Path) -> Iterator[str]:
    """The broker named by KAFKA_BOOTSTRAP_SERVERS, or a local one from the jars on port 9092."""
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if configured:
        yield configured
        return
    broker = LocalKafka(9092, home / "kafka")
    console.print(f"starting Kafka on {broker.bootstrap} (data in {broker.home})")
    broker.start()
    try:
        yield broker.bootstrap
    finally:
        console.print("stopping Kafka")
        broker.stop()


def wait_ready(service: ServiceProcess, process: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{service.name} exited with {process.returncode}")
        with suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{service.port}/ready", timeout=5).status_code == 200:
                return
        time.sleep(0.5)
    raise TimeoutError(f"{service.name} was not ready within {timeout_s} s")


def run_platform(home: Path) -> None:
    """Start everything, report where it answers, and stop it all on Ctrl-C or when a service dies."""
    home.mkdir(parents=True, exist_ok=True)
    with kafka(home) as bootstrap:
        env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap}
        report = asyncio.run(ensure_topics(bootstrap, int(env.get("TOPIC_PARTITIONS", "6"))))
        console.print(f"topics: {len(report.created)} created, {len(report.existing)} already there")
        processes: dict[str, subprocess.Popen[bytes]] = {}
        try:
            for service in SERVICES:
                subprocess.run([service.command, "migrate"], env=env, check=True)
                processes[service.name] = subprocess.Popen([service.command, "serve"], env=env)
            for service in SERVICES:
                wait_ready(service, processes[service.name])
                console.print(f"[green]{service.name}[/] ready on http://127.0.0.1:{service.port}/docs")
            console.print("the platform is running; Ctrl-C stops it")
            _wait_for_exit(processes)
        finally:
            _stop(processes)


def _wait_for_exit(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    try:
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}")
            time.sleep(1)
    except KeyboardInterrupt:
        console.print("stopping")


def _stop(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes.values():
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
