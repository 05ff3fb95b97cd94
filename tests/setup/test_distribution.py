"""The ``municipality`` distribution creates ready sites with demo content.

The sites are made once by the test layer (see ``testing.SITES``): ``plone``
in Greek, ``belediye`` in Turkish, ``bare`` in English without content.
"""

from plone import api
from plone.base.utils import get_installer
from plone.distribution.api import distribution as distribution_api
from zope.component.hooks import site as active_site

import pytest


SECTIONS = ("units", "services", "circulars", "meetings")


class TestDistributionRegistered:
    def test_registered(self, distribution_name):
        distribution = distribution_api.get(distribution_name)
        assert distribution.title == "Municipality intranet"
        assert distribution.headless is False

    def test_languages_offered(self, distribution_name):
        schema = distribution_api.get(distribution_name).schema
        languages = schema["definitions"]["languages"]
        assert languages["default"] == "el"
        assert {o["enum"][0] for o in languages["anyOf"]} == {"el", "tr", "en"}

    @pytest.mark.parametrize("language", ["el", "tr", "en"])
    def test_demo_content_in_each_language(self, language):
        from municipality.intranet.distribution import demo_content_dir

        assert demo_content_dir(language).name == language

    def test_unknown_language_refused(self):
        from municipality.intranet.distribution import pre_handler

        with pytest.raises(ValueError, match="default_language"):
            pre_handler({"site_id": "x", "default_language": "fr"})


class TestGreekSite:
    def test_product_installed(self, portal, package_name):
        assert get_installer(portal).is_product_installed(package_name)

    def test_greek_by_default(self, portal):
        assert api.portal.get_registry_record("plone.default_language") == "el"
        assert api.portal.get_registry_record("plone.available_languages") == [
            "el",
            "tr",
            "en",
        ]
        assert api.portal.get_registry_record("plone.portal_timezone") == (
            "Europe/Athens"
        )
        assert api.portal.get_registry_record("municipality.intranet.country") == "GR"

    def test_title_from_language_defaults(self, portal):
        assert portal.title == "Δήμος – Γενική Γραμματεία και Γραφείο Δημάρχου"

    def test_home_page_explains_portal(self, portal):
        assert "Γενικής Γραμματείας" in portal.text.raw

    @pytest.mark.parametrize("section", SECTIONS)
    def test_sections_published(self, portal, section):
        folder = portal[section]
        assert api.content.get_state(folder) == "published"
        assert folder.Title()
        assert folder.Language() == "el"

    def test_classic_ui(self, portal):
        setup = portal.portal_setup
        assert setup.getLastVersionForProfile("plonetheme.barceloneta:default") != (
            "unknown"
        )


class TestTurkishSite:
    @pytest.fixture
    def site(self, app):
        with active_site(app["belediye"]):
            yield app["belediye"]

    def test_turkish_defaults(self, site):
        assert api.portal.get_registry_record("plone.default_language") == "tr"
        assert api.portal.get_registry_record("plone.portal_timezone") == (
            "Europe/Istanbul"
        )
        assert api.portal.get_registry_record("municipality.intranet.country") == "TR"
        assert site.title.startswith("Belediye")

    def test_turkish_demo_content(self, site):
        assert "Genel Sekreterlik" in site.text.raw
        assert site["circulars"].Title() == "Genelgeler"
        assert site["units"].Language() == "tr"


class TestSiteWithoutContent:
    def test_no_demo_content(self, app):
        site = app["bare"]
        assert "units" not in site.objectIds()
        assert site.title.startswith("Municipality")


# Leave and travel: private in every site, open for every member of staff to add.
STAFF_SECTION_TITLES = {
    "plone": "Άδειες και μετακινήσεις",
    "belediye": "İzin ve görevlendirme",
    "bare": "Leave and travel",  # made by the profile, not by the demo content
}


@pytest.mark.parametrize("site_id", sorted(STAFF_SECTION_TITLES))
def test_staff_requests_section(app, portal, site_id):
    site = app[site_id]
    with active_site(site):
        section = site["staff-requests"]
        assert section.Title() == STAFF_SECTION_TITLES[site_id]
        assert section.Description()
        assert section.getLayout() == "staff-requests"
        assert api.content.get_state(section) == "private"
        viewers = [
            r["name"] for r in section.rolesOfPermission("View") if r["selected"]
        ]
        assert "Anonymous" not in viewers
        roles = dict(section.get_local_roles())
        assert "Contributor" in roles["AuthenticatedUsers"]
        assert {"Contributor", "Editor"} <= set(roles["general-secretariat"])
