"""The public event contract (DESIGN §3): versioned event models, the envelope, the schema registry."""

from district_shared.contracts.base import EVENT_TYPES, Event, event_type
from district_shared.contracts.envelope import Envelope, EnvelopeError

__all__ = ["EVENT_TYPES", "Envelope", "EnvelopeError", "Event", "event_type"]
