"""Upgrade steps.

The profile version is date-based (``YYYYMMDDNN``). Each step lives in a
folder named after the version it upgrades to, holding a ``configure.zcml``
that registers the step and, where needed, a GenericSetup profile with the
import steps to re-run.
"""
