"""Marker interfaces of the product."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Request marker, present while the product is installed in the site."""


class IPrivateOfficeSection(Interface):
    """A section the Private Office works in (citizens' requests, protocol)."""
