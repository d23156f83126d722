"""The registry's rules, in plain Python: no web, broker or database imports."""
