"""Registry storage: tables and repositories."""
