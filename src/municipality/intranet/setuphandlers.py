"""GenericSetup helpers."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["municipality.intranet:uninstall"]


def post_install(context):
    """Create the site-wide groups and sections; throttle password guessing."""
    from municipality.intranet import login_throttle
    from municipality.intranet.sections import ensure_sections
    from municipality.intranet.unit_groups import create_general_secretariat_group
    from plone import api

    create_general_secretariat_group()
    ensure_sections()
    login_throttle.install(api.portal.get())


def uninstall(context):
    """Give password checks back to the user source."""
    from municipality.intranet import login_throttle
    from plone import api

    login_throttle.uninstall(api.portal.get())
