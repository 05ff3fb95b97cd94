"""Behaviors, one module per behavior."""
