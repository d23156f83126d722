"""Risk's HTTP API (DESIGN §4 conventions)."""
