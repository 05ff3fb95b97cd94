"""Intranet and public website of a municipality's General Secretariat."""

from zope.i18nmessageid import MessageFactory

import logging


__version__ = "1.0.0a1"

PACKAGE_NAME = "municipality.intranet"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)

# Before any template is compiled: see the module.
from municipality.intranet import template_compile_lock  # noqa: E402, F401
