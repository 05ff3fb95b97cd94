"""Unit and person pages, the directory, the chart and vCards over HTTP."""

from lxml import html as lxml_html
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD

import json
import pytest
import requests
import vobject


@pytest.fixture
def site(committed_structure, functional_portal):
    return functional_portal.absolute_url()


def get(url, **kwargs):
    response = requests.get(url, timeout=30, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return response


def json_ld(page_html: str) -> dict:
    tree = lxml_html.fromstring(page_html)
    scripts = tree.xpath("//script[@type='application/ld+json']/text()")
    assert len(scripts) == 1
    return json.loads(scripts[0])


class TestUnitPage:
    def test_contact_card(self, site):
        tree = lxml_html.fromstring(get(f"{site}/org/unit-a").text)
        assert tree.xpath("//a[@class='unit-phone']/@href") == [
            "tel:+302132008048",
            "tel:+302132008049",
        ]
        assert tree.xpath("//a[@class='unit-email']/@href") == [
            "mailto:register@example.org"
        ]
        assert "174 55 Kallithea" in tree.xpath("string(//address)")
        assert tree.xpath("//section[@class='unit-competences']//li/text()") == [
            "Keeps the register",
            "Issues certificates",
        ]

    def test_internal_extension_hidden_from_anonymous(self, site):
        page = get(f"{site}/org/unit-a").text
        assert "4711" not in page
        assert "unit-internal" not in page

    def test_internal_extension_shown_to_staff(self, site):
        page = get(f"{site}/org/unit-a", auth=(TEST_USER_NAME, TEST_USER_PASSWORD)).text
        assert "4711" in page

    def test_people_listed_without_internal_ones(self, site):
        page = get(f"{site}/org/unit-a").text
        assert "Νίκη Δοκιμή" in page
        assert "Εσωτερικό Πρόσωπο" not in page

    def test_json_ld(self, site):
        data = json_ld(get(f"{site}/org/unit-a").text)
        assert data["@type"] == "GovernmentOrganization"
        assert data["name"] == "Γενικός Γραμματέας"
        assert data["address"]["postalCode"] == "174 55"
        assert data["contactPoint"][0]["@type"] == "ContactPoint"
        assert [p["name"] for p in data["employee"]] == ["Νίκη Δοκιμή"]
        assert "4711" not in json.dumps(data)

    def test_person_page_json_ld(self, site):
        data = json_ld(get(f"{site}/org/unit-a/public-person").text)
        assert data["@type"] == "Person"
        assert data["worksFor"]["name"] == "Γενικός Γραμματέας"


class TestVCard:
    def test_unit_vcard_parses(self, site):
        response = get(f"{site}/org/unit-a/@@vcard")
        assert response.headers["content-type"].startswith("text/vcard")
        assert "attachment" in response.headers["content-disposition"]
        card = vobject.readOne(response.content.decode())
        assert card.fn.value == "Γενικός Γραμματέας"
        assert card.email.value == "register@example.org"
        assert [tel.value for tel in card.tel_list] == [
            "+302132008048",
            "+302132008049",
        ]
        assert card.adr.value.code == "174 55"
        assert card.adr.value.city == "Kallithea"
        assert "4711" not in response.text

    def test_person_vcard_parses(self, site):
        card = vobject.readOne(get(f"{site}/org/unit-a/public-person/@@vcard").text)
        assert card.fn.value == "Νίκη Δοκιμή"
        assert card.org.value == ["Γενικός Γραμματέας"]
        assert card.title.value == "Clerk"
        assert card.tel.value == "+302103456789"

    @pytest.mark.parametrize(
        "path", ["org/hidden/@@vcard", "org/unit-a/internal-person/@@vcard"]
    )
    def test_internal_vcard_refused_to_anonymous(self, site, path):
        response = requests.get(f"{site}/{path}", timeout=30, allow_redirects=False)
        assert response.status_code in (302, 401, 403)
        assert "BEGIN:VCARD" not in response.text


class TestDirectory:
    def names(self, site, **params):
        tree = lxml_html.fromstring(
            get(f"{site}/@@contact-directory", params=params).text
        )
        return tree.xpath("//a[contains(@class, 'directory-name')]/text()")

    def test_lists_public_units_with_contacts(self, site):
        page = get(f"{site}/@@contact-directory").text
        assert "Γενικός Γραμματέας" in page
        assert "tel:+302132008048" in page
        assert "mailto:register@example.org" in page

    def test_internal_unit_hidden(self, site):
        assert "Κρυφή Μονάδα" not in self.names(site)
        assert "Κρυφή Μονάδα" not in get(f"{site}/@@contact-directory?order=az").text

    @pytest.mark.parametrize(
        "query,expected",
        [
            ("γενικος γραμματεας", "Γενικός Γραμματέας"),
            ("ΓΕΝΙΚΟΣ ΓΡΑΜΜΑΤΕΑΣ", "Γενικός Γραμματέας"),
            ("ozel kalem", "Özel Kalem Müdürlüğü"),
            ("OZEL MUDURLUGU", "Özel Kalem Müdürlüğü"),
        ],
    )
    def test_accent_insensitive_filter(self, site, query, expected):
        everything = self.names(site)
        names = self.names(site, q=query)
        assert expected in names
        assert len(names) < len(everything)

    def test_a_to_z(self, site):
        names = self.names(site, order="az")
        assert names == sorted(names, key=lambda n: n.casefold())

    def test_organisation_chart_nests_units(self, site):
        tree = lxml_html.fromstring(get(f"{site}/units/@@organisation-chart").text)
        nested = tree.xpath(
            "//ul[@class='directory-tree']//ul[@class='directory-tree']"
        )
        assert nested, "sub-units are nested under their unit"


class TestNoLeaksInDemoSite:
    """The demo's internal department and person stay out of public listings."""

    INTERNAL = ("Τμήμα Μισθοδοσίας", "Σοφία Χατζηγεωργίου")

    def test_internal_demo_items_exist(self, functional_portal):
        from plone import api

        titles = {
            brain.Title
            for brain in api.content.find(
                context=functional_portal, review_state="internal"
            )
        }
        assert set(self.INTERNAL) <= titles

    def test_site_search(self, site):
        # The query is echoed in the search box: look for the items' addresses.
        paths = ("/payroll", "/sofia-chatzigeorgiou")
        for title, path in zip(self.INTERNAL, paths, strict=True):
            page = get(f"{site}/@@search", params={"SearchableText": title}).text
            assert path not in page
        public = get(f"{site}/@@search", params={"SearchableText": "Γενική"}).text
        assert "/general-secretariat" in public

    def test_sitemap(self, site):
        import gzip

        index = gzip.decompress(get(f"{site}/sitemap.xml.gz").content).decode()
        assert "sitemap.xml.gz?page=1" in index
        page = get(f"{site}/sitemap.xml.gz", params={"page": 1}).content
        sitemap = gzip.decompress(page).decode()
        assert "general-secretariat" in sitemap
        assert "payroll" not in sitemap
        assert "sofia-chatzigeorgiou" not in sitemap

    def test_directory_and_chart(self, site):
        for path in ("@@contact-directory", "@@contact-directory?order=az", "units"):
            page = get(f"{site}/{path}").text
            for title in self.INTERNAL:
                assert title not in page, path


def test_head_links_to_person_entry(functional_portal):
    from plone import api
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    import transaction

    gs = functional_portal["units"]["mayors-office"]["general-secretariat"]
    person = gs["eleni-stamatopoulou"]
    gs.head_person = RelationValue(getUtility(IIntIds).getId(person))
    transaction.commit()
    tree = lxml_html.fromstring(get(gs.absolute_url()).text)
    links = tree.xpath("//section[@class='unit-head']//a/@href")
    assert links == [person.absolute_url()]
    assert api.content.get_state(person) == "published"


def test_supervising_unit_linked(functional_portal):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    import transaction

    units = functional_portal["units"]["mayors-office"]
    supervised = units["private-office"]
    supervisor = units["general-secretariat"]
    supervised.supervising_unit = RelationValue(getUtility(IIntIds).getId(supervisor))
    transaction.commit()
    tree = lxml_html.fromstring(get(supervised.absolute_url()).text)
    assert supervisor.absolute_url() in tree.xpath(
        "//section[@class='unit-legal']//a/@href"
    )


def test_internal_head_person_not_linked_for_anonymous(functional_portal):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    import transaction

    office = functional_portal["units"]["mayors-office"]["private-office"]
    hidden = office["sofia-chatzigeorgiou"]  # an internal person of the demo
    office.head_person = RelationValue(getUtility(IIntIds).getId(hidden))
    transaction.commit()
    tree = lxml_html.fromstring(get(office.absolute_url()).text)
    assert tree.xpath("//section[@class='unit-head']//a") == []
    assert hidden.absolute_url() not in get(office.absolute_url()).text
