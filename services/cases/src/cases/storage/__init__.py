"""Cases storage: tables and repositories."""
