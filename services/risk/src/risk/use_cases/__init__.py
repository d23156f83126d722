"""Risk use cases: one transaction each, over the caller's session; the caller commits."""
