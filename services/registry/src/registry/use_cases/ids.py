"""Where the ids of new things come from: random by default, a seeded sequence for a seeded district."""

import uuid
from collections.abc import Callable
from uuid import UUID

NewId = Callable[[], UUID]
RANDOM: NewId = uuid.uuid4
