"""The registry's HTTP routes: thin, each one calls a use case inside one transaction."""
