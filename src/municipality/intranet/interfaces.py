"""Marker interfaces of the product."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Request marker, present while the product is installed in the site."""
