"""`district-risk serve` stops at start, naming the setting and the key, when the rules file is invalid."""

import os
import subprocess
import sys
from pathlib import Path

from district_deploy.kafka import free_port


def test_the_service_refuses_to_start_with_an_invalid_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("[bands]\nred = 90\n")
    environment = {
        **os.environ,
        "RISK_PORT": str(free_port()),
        "RISK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'risk.db'}",
        "RISK_RULES_FILE": str(rules),
    }
    command = Path(sys.executable).with_name("district-risk")
    process = subprocess.run([str(command), "serve"], env=environment, capture_output=True, timeout=60)

    assert process.returncode != 0
    assert (
        f"RISK_RULES_FILE ({rules}): invalid risk rules: bands.red is not allowed" in process.stderr.decode()
    )
