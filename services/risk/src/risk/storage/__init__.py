"""Risk storage: tables and repositories."""
