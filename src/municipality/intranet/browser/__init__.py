"""Views, viewlets and static resources of the Classic UI."""
