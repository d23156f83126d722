"""The cases service's use cases: each runs inside the one transaction its caller opened, and writes the
case, its timeline and the events that announce it together."""
