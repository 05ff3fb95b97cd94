"""The ``municipality`` distribution creates a ready site with demo content."""

from plone import api
from plone.distribution.api import distribution as distribution_api

import pytest


SECTIONS = ("units", "services", "circulars", "meetings")


@pytest.fixture
def site_answers() -> dict:
    return {
        "site_id": "municipality",
        "title": "Δήμος Δοκιμής",
        "default_language": "el",
        "setup_content": True,
    }


@pytest.fixture
def site(app, make_site, site_answers):
    return make_site(app, **site_answers)


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


class TestDistributionSite:
    def test_product_installed(self, site, package_name):
        from plone.base.utils import get_installer

        assert get_installer(site).is_product_installed(package_name)

    def test_greek_by_default(self, site):
        assert api.portal.get_registry_record("plone.default_language") == "el"
        assert api.portal.get_registry_record("plone.available_languages") == [
            "el",
            "tr",
            "en",
        ]
        assert api.portal.get_registry_record("plone.portal_timezone") == (
            "Europe/Athens"
        )

    def test_title_from_answers(self, site):
        assert site.title == "Δήμος Δοκιμής"

    def test_home_page_explains_portal(self, site):
        assert "Γενικής Γραμματείας" in site.text.raw

    @pytest.mark.parametrize("section", SECTIONS)
    def test_sections_published(self, site, section):
        folder = site[section]
        assert api.content.get_state(folder) == "published"
        assert folder.Title()
        assert folder.Language() == "el"

    def test_classic_ui(self, site):
        assert "plonetheme.barceloneta" in [
            p["id"].split(":")[0]
            for p in site.portal_setup.listProfileInfo()
            if site.portal_setup.getLastVersionForProfile(p["id"]) != "unknown"
        ]


class TestDistributionTurkish:
    @pytest.fixture
    def site_answers(self) -> dict:
        return {"site_id": "belediye", "default_language": "tr", "setup_content": True}

    def test_turkish_defaults(self, site):
        assert api.portal.get_registry_record("plone.default_language") == "tr"
        assert api.portal.get_registry_record("plone.portal_timezone") == (
            "Europe/Istanbul"
        )
        assert site.title.startswith("Belediye")

    def test_turkish_demo_content(self, site):
        assert "Genel Sekreterlik" in site.text.raw
        assert site["circulars"].Title() == "Genelgeler"
        assert site["units"].Language() == "tr"


class TestDistributionWithoutContent:
    @pytest.fixture
    def site_answers(self) -> dict:
        return {"site_id": "bare", "default_language": "en", "setup_content": False}

    def test_no_demo_content(self, site):
        assert "units" not in site.objectIds()
        assert site.title.startswith("Municipality")


def test_unknown_language_refused():
    from municipality.intranet.distribution import pre_handler

    with pytest.raises(ValueError, match="default_language"):
        pre_handler({"site_id": "x", "default_language": "fr"})
