"""PostgreSQL from Debian's packages: installed when missing, clusters made and started with pg_ctlcluster."""

import os
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

SERVICES = ("registry", "risk", "cases", "volunteers")


def _as_root(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo") is None:
        raise RuntimeError(f"{command[0]} needs root and sudo is missing")
    return ["sudo", *command]


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_as_root(command), check=True, text=True, capture_output=True, **kwargs)  # type: ignore[call-overload,no-any-return]


def ensure_installed() -> str:
    """Install the server from Debian's packages if needed; return its major version."""
    if shutil.which("pg_ctlcluster") is None or not Path("/usr/lib/postgresql").exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(_as_root(["apt-get", "update", "-q"]), check=True, env=env)
        subprocess.run(_as_root(["apt-get", "install", "-y", "-q", "postgresql"]), check=True, env=env)
    versions = sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: int(p.name))
    return versions[-1].name


def _psql(port: int, sql: str, database: str = "postgres") -> str:
    # The cluster's own superuser over its Unix socket (peer auth), as TOOLING.md describes.
    command = ["psql", "-h", "/var/run/postgresql", "-p", str(port), "-d", database, "-tAc", sql]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, text=True, capture_output=True).stdout.strip()


@dataclass
class Cluster:
    """One Debian-managed cluster: `version`/`name`, listening on 127.0.0.1:`port`."""

    version: str
    name: str
    port: int

    def url(self, database: str, user: str = "postgres", password: str = "") -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+asyncpg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, owner: str = "postgres") -> None:
        _psql(self.port, f'CREATE DATABASE "{name}" OWNER "{owner}"')

    def drop_database(self, name: str) -> None:
        _psql(self.port, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def databases(self) -> set[str]:
        return set(_psql(self.port, "SELECT datname FROM pg_database").splitlines())

    def start(self) -> None:
        status = subprocess.run(
            _as_root(["pg_ctlcluster", self.version, self.name, "status"]), capture_output=True
        )
        if status.returncode != 0:
            _run(["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, "start"])

    def drop(self) -> None:
        _run(["pg_dropcluster", "--stop", self.version, self.name])


def temporary_cluster(port: int) -> Cluster:
    """A fresh cluster for a test run, trusting loopback only; drop it when done."""
    version = ensure_installed()
    cluster = Cluster(version, f"district_{uuid.uuid4().hex[:8]}", port)
    _run(["pg_createcluster", version, cluster.name, "-p", str(port), "--start", "--",
          "--auth-host=trust", "--auth-local=peer"])  # fmt: skip
    return cluster


def local_cluster(password: str) -> Cluster:
    """The machine's `main` cluster, started, with a `district` role and one database per service."""
    version = ensure_installed()
    if not Path(f"/etc/postgresql/{version}/main").exists():
        _run(["pg_createcluster", version, "main"])
    port = int(
        Path(f"/etc/postgresql/{version}/main/postgresql.conf").read_text().split("\nport = ")[1].split()[0]
    )
    cluster = Cluster(version, "main", port)
    cluster.start()
    if _psql(port, "SELECT 1 FROM pg_roles WHERE rolname = 'district'") != "1":
        _psql(port, "CREATE ROLE district LOGIN")
    _psql(port, f"ALTER ROLE district PASSWORD '{password}'")
    present = cluster.databases()
    for service in SERVICES:
        if f"district_{service}" not in present:
            cluster.create_database(f"district_{service}", owner="district")
    return cluster
