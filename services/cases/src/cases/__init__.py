"""the cases service."""
