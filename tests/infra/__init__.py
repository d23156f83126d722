"""Real infrastructure for the suite: a Kafka broker and a PostgreSQL cluster the suite starts and drops."""
