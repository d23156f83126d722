"""A district to work with: generated from a seed, written through the registry's own use cases."""
