"""Uninstalling removes the product cleanly."""

from municipality.intranet.interfaces import IBrowserLayer

import pytest


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        """Uninstall the product before each test."""

    def test_addon_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IBrowserLayer not in browser_layers

    def test_stylesheet_bundle_removed(self, portal):
        from plone import api

        record = "plone.bundles/municipality-intranet.csscompilation"
        assert api.portal.get_registry_record(record, default=None) is None

    def test_site_action_removed(self, portal):
        assert "contact-directory" not in portal.portal_actions.site_actions

    def test_user_actions_removed(self, portal):
        user_actions = portal.portal_actions.user
        for name in (
            "follow-up",
            "agenda-preparation",
            "goals",
            "activity-report",
            "staff-requests",
        ):
            assert name not in user_actions

    def test_controlpanel_removed(self, portal):
        actions = [a.getId() for a in portal.portal_controlpanel.listActions()]
        assert "municipality-settings" not in actions
