"""The cases service's HTTP routes: thin, each one calls a use case inside one transaction."""
