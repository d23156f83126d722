"""Operator CLI and local runner. Talks to the services only through HTTP, Kafka and their commands."""
