"""The services' common library."""
