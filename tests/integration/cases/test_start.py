"""A wrong rule file stops `district-cases serve` at start, naming the setting and the key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from district_deploy.kafka import free_port


@pytest.mark.parametrize(
    ("setting", "content", "message"),
    [
        (
            "CASES_ROUTING_FILE",
            '[[rules]]\nname = "x"\nwhen = { colour = ["purple"] }\nmechanism = "platform"\n',
            b"rules.0.when.colour.0",
        ),
        ("CASES_CALENDAR_FILE", '[years.2026]\nstatus = "maybe"\n', b"years.2026.status"),
    ],
)
def test_the_service_refuses_to_start_with_an_invalid_rule_file(tmp_path, setting, content, message):
    (tmp_path / "rules.toml").write_text(content)
    environment = {
        **os.environ,
        "CASES_PORT": str(free_port()),
        "CASES_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cases.db'}",
        setting: str(tmp_path / "rules.toml"),
    }
    command = Path(sys.executable).with_name("district-cases")
    process = subprocess.run([str(command), "serve"], env=environment, capture_output=True, timeout=60)
    assert process.returncode == 2
    assert b"Traceback" not in process.stderr
    assert f"{setting} ({tmp_path / 'rules.toml'})".encode() in process.stderr
    assert message in process.stderr
