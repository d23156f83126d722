"""the risk service."""
