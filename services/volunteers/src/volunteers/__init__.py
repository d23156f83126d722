"""the volunteers service."""
