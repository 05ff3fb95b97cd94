"""GenericSetup helpers."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["municipality.intranet:uninstall"]


def post_install(context):
    """Create the site-wide groups and sections the product relies on."""
    from municipality.intranet.sections import ensure_sections
    from municipality.intranet.unit_groups import create_general_secretariat_group

    create_general_secretariat_group()
    ensure_sections()
