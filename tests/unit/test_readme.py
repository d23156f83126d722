from pathlib import Path

from district_shared.settings import env_names
from tests.infra.services import SERVICES

README = (Path(__file__).parents[2] / "README.md").read_text()


def test_readme_lists_every_setting_of_every_service():
    for service in SERVICES:
        for name, field in service.spec.settings_type.model_fields.items():
            documented = env_names(name, field, "<SERVICE>_")[0]
            assert f"`{documented}`" in README, f"{service.name}: {documented} is missing from README"
