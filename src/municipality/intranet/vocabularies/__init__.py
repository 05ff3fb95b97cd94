"""Vocabularies, one module per vocabulary."""
