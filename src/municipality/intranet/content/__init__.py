"""Content types, one module per type."""
