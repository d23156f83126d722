"""Words several contracts share (DESIGN §3); strings whose known values the schemas list."""

from typing import Annotated

from district_shared.contracts.base import known_values

Colour = Annotated[str, known_values("green", "blue", "yellow", "orange", "red")]
Mechanism = Annotated[str, known_values("immediate", "platform", "special_case", "difficult")]
Team = Annotated[str, known_values("building_staff", "professional_volunteers", "government_services")]
