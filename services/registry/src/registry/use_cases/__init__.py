"""The registry's use cases: each runs inside the one transaction its caller opened, and writes the
state it changes together with the events that announce it."""
