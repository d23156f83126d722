"""Volunteers storage: tables and repositories."""
