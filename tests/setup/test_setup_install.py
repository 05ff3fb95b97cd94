"""The product installs into a plain Plone site."""

from municipality.intranet import __version__
from municipality.intranet.interfaces import IBrowserLayer


class TestSetupInstall:
    def test_addon_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer(self, browser_layers):
        assert IBrowserLayer in browser_layers

    def test_latest_version(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == "2026120702"

    def test_no_pending_upgrade_steps(self, setup_tool, package_name):
        assert setup_tool.listUpgrades(f"{package_name}:default") == []

    def test_package_version_is_pep440(self):
        from packaging.version import Version

        assert str(Version(__version__)) == __version__

    def test_dependencies_installed(self, installer):
        for dependency in ("plone.restapi", "plone.app.caching", "collective.easyform"):
            assert installer.is_product_installed(dependency), dependency

    def test_stylesheet_bundle_registered(self, portal):
        from plone import api

        record = "plone.bundles/municipality-intranet.csscompilation"
        value = api.portal.get_registry_record(record)
        assert value == "++plone++municipality.intranet/intranet.css"

    def test_stylesheet_served(self, portal):
        resource = portal.restrictedTraverse(
            "++plone++municipality.intranet/intranet.css"
        )
        with open(resource.path) as stylesheet:
            assert "#portal-footer-wrapper" in stylesheet.read()

    def test_contact_directory_site_action(self, portal):
        action = portal.portal_actions.site_actions["contact-directory"]
        assert action.url_expr == "string:${portal_url}/@@contact-directory"

    def test_general_secretariat_group(self, portal):
        from plone import api

        assert "Reviewer" in api.group.get_roles(groupname="general-secretariat")

    def test_anonymous_may_use_rest_api(self, portal):
        roles = [
            r["name"]
            for r in portal.rolesOfPermission("plone.restapi: Use REST API")
            if r["selected"]
        ]
        assert "Anonymous" in roles

    def test_uninstall_profile_hidden(self, portal):
        from plone.base.interfaces import INonInstallable
        from zope.component import getAllUtilitiesRegisteredFor

        hidden = {
            profile
            for utility in getAllUtilitiesRegisteredFor(INonInstallable)
            for profile in utility.getNonInstallableProfiles()
        }
        assert "municipality.intranet:uninstall" in hidden
