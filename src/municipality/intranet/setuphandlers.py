"""GenericSetup helpers."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["municipality.intranet:uninstall"]


def post_install(context):
    """Create the site-wide groups the product relies on."""
    from municipality.intranet.unit_groups import create_general_secretariat_group

    create_general_secretariat_group()
