"""A real single-node Apache Kafka (KRaft), run from the official jars resolved through Maven."""

import asyncio
import base64
import hashlib
import os
import shutil
import socket
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from district_shared.topics import existing_topics

KAFKA_VERSION = "4.1.1"
POM = Path(__file__).with_name("kafka-pom.xml")


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "district" / f"kafka-{KAFKA_VERSION}"


def ensure_jars() -> Path:
    """Resolve the pinned broker's jars (once; cached outside git) and return their folder."""
    libs = cache_dir() / "libs"
    # The marker names the POM's content, so a changed dependency list resolves again.
    marker = libs / f".complete-{hashlib.sha256(POM.read_bytes()).hexdigest()[:12]}"
    if marker.exists():
        return libs
    if shutil.which("mvn") is None or shutil.which("java") is None:
        raise RuntimeError("Kafka needs Java 17 and Maven on PATH (or set KAFKA_BOOTSTRAP_SERVERS)")
    libs.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "mvn", "-q", "-B", "-f", str(POM), f"-Dkafka.version={KAFKA_VERSION}",
            "dependency:copy-dependencies", f"-DoutputDirectory={libs}",
        ],
        check=True,
    )  # fmt: skip
    marker.touch()
    return libs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_port_pair() -> int:
    """A free port whose successor is free too: the broker listens on both (controller on port + 1)."""
    while True:
        port = free_port()
        if port < 65535 and not port_open(port + 1):
            return port


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def _server_properties(port: int, controller_port: int, log_dir: Path) -> str:
    # Settings from TOOLING.md: one node, replication factor 1, no auto-created topics, no group delay.
    return "\n".join(
        [
            "process.roles=broker,controller",
            "node.id=1",
            f"controller.quorum.voters=1@127.0.0.1:{controller_port}",
            "controller.listener.names=CONTROLLER",
            f"listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}",
            f"advertised.listeners=PLAINTEXT://127.0.0.1:{port}",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=PLAINTEXT",
            f"log.dirs={log_dir / 'data'}",
            "num.partitions=1",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=6",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            "",
        ]
    )


@dataclass
class LocalKafka:
    """One broker process on `port` (controller on `port + 1`), its data under `home`."""

    port: int
    home: Path
    heap: str = "-Xmx512m"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 90.0) -> None:
        """Format the storage (once), start the broker, return when it accepts clients."""
        if port_open(self.port) or port_open(self.port + 1):
            raise RuntimeError(f"port {self.port} or {self.port + 1} is already in use")
        libs = ensure_jars()
        self.home.mkdir(parents=True, exist_ok=True)
        config = self.home / "server.properties"
        config.write_text(_server_properties(self.port, self.port + 1, self.home))
        cluster_id_file = self.home / "cluster.id"
        if not cluster_id_file.exists():
            cluster_id_file.write_text(_cluster_id())
        classpath = f"{libs}/*"
        java = ["java", self.heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath]
        subprocess.run(
            [*java, "kafka.tools.StorageTool", "format", "-t", cluster_id_file.read_text(),
             "-c", str(config), "--ignore-formatted"],
            check=True, capture_output=True,
        )  # fmt: skip
        log = (self.home / "kafka.log").open("ab")
        self.process = subprocess.Popen([*java, "kafka.Kafka", str(config)], stdout=log, stderr=log)
        self._wait_until_serving(timeout_s)

    def _wait_until_serving(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(
                    f"Kafka exited with {self.process.returncode}; see {self.home / 'kafka.log'}"
                )
            if port_open(self.port) and _answers_metadata(self.bootstrap):
                return
            time.sleep(0.3)
        self.stop()
        raise TimeoutError(f"Kafka did not accept clients within {timeout_s} s")

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop the broker cleanly (SIGTERM, then SIGKILL after `timeout_s`)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _cluster_id() -> str:
    # As Kafka's own Uuid.randomUuid does: an id starting with "-" would be read as a command-line flag.
    while True:
        candidate = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not candidate.startswith("-"):
            return candidate


def _answers_metadata(bootstrap: str) -> bool:
    # A thread of its own, so this blocking check also works when called under a running event loop.
    with ThreadPoolExecutor(1) as pool:
        try:
            pool.submit(asyncio.run, existing_topics(bootstrap, timeout_ms=2000)).result()
            return True
        except Exception:
            return False
