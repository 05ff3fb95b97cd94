"""Service standards tables, service pages and exports over HTTP."""

from lxml import html as lxml_html
from plone import api
from service_helpers import GS
from service_helpers import make_service
from service_helpers import relation

import csv
import io
import json
import pytest
import requests
import transaction


@pytest.fixture
def site(functional_portal):
    gs = functional_portal.unrestrictedTraverse(GS)
    with api.env.adopt_roles(["Manager"]):
        # A unit of its own, so that the demo's services do not get in the way.
        technical = api.content.create(
            container=gs,
            type="Unit",
            id="roads",
            title="Τμήμα Οδοποιίας",
            kind="department",
        )
        api.content.transition(technical, "publish")
    person = gs["eleni-stamatopoulou"]
    second = make_service(
        technical,
        "Άδεια τομής οδοστρώματος",
        sequence=92,
        first_point=relation(person),
        second_point=relation(gs),
    )
    first = make_service(
        technical,
        "Βεβαίωση χρήσης γης",
        sequence=91,
        first_point=relation(person),
        second_point=relation(gs),
        fee_amount=__import__("decimal").Decimal("15.50"),
        fee_currency="EUR",
    )
    hidden = make_service(
        technical, "Εσωτερική διαδικασία ΚΡΥΦΟ", sequence=93, state="internal"
    )
    transaction.commit()
    return {
        "url": functional_portal.absolute_url(),
        "technical": technical,
        "first": first,
        "second": second,
        "hidden": hidden,
        "person": person,
        "gs": gs,
    }


def get(url, **params):
    response = requests.get(url, params=params, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    return response


def table_rows(page):
    tree = lxml_html.fromstring(page)
    return [
        [cell.text_content().strip() for cell in row.xpath("./td")]
        for row in tree.xpath(
            "//table[contains(@class,'service-standards-table')]//tbody/tr"
        )
    ]


def test_unit_table_in_order(site):
    rows = table_rows(
        get(f"{site['technical'].absolute_url()}/@@service-standards").text
    )
    titles = [row[1] for row in rows]
    assert titles[0].startswith("Βεβαίωση χρήσης γης")
    assert titles[1].startswith("Άδεια τομής οδοστρώματος")
    assert rows[0][0] == "91"
    assert "Αίτηση" in rows[0][2]
    assert "Αντίγραφο ταυτότητας" in rows[0][2]
    assert rows[0][3].startswith("5 ")
    assert not any("ΚΡΥΦΟ" in row[1] for row in rows)


def test_complaint_footer_follows_directory(site, functional_portal):
    url = f"{site['technical'].absolute_url()}/@@service-standards"
    footer = lxml_html.fromstring(get(url).text).xpath(
        "string(//footer[@class='service-complaints'])"
    )
    assert "Ελένη Σταματοπούλου" in footer
    assert "Γενική Γραμματεία" in footer
    site["person"].phone = "210 3418999"
    transaction.commit()
    page = get(url).text
    assert "tel:+302103418999" in page


def test_site_table_filters_without_accents(site):
    page = get(f"{site['url']}/@@service-standards", q="βεβαιωση χρησης").text
    titles = [row[1] for row in table_rows(page)]
    assert any(t.startswith("Βεβαίωση χρήσης γης") for t in titles)
    assert not any(t.startswith("Άδεια τομής") for t in titles)


def test_site_table_unit_filter(site):
    page = get(f"{site['url']}/@@service-standards", unit=site["technical"].UID()).text
    headings = lxml_html.fromstring(page).xpath(
        "//section[@class='service-standards-unit']/h2//text()"
    )
    assert [h.strip() for h in headings if h.strip()] == [site["technical"].Title()]


def test_service_page_json_ld(site):
    tree = lxml_html.fromstring(get(site["first"].absolute_url()).text)
    data = json.loads(tree.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["name"] == site["technical"].Title()
    assert {c["@type"] for c in data["availableChannel"]} == {"ServiceChannel"}
    assert data["requiredDocuments"] == ["Αίτηση", "Αντίγραφο ταυτότητας"]


def test_json_export(site):
    records = get(f"{site['technical'].absolute_url()}/@@service-standards.json").json()
    by_id = {r["id"]: r for r in records}
    first = by_id[site["first"].UID()]
    assert first["sequence"] == 91
    assert first["fee_amount"] == "15.50"
    assert first["first_point"] == "Ελένη Σταματοπούλου"
    assert site["hidden"].UID() not in by_id


def test_csv_export(site):
    response = get(f"{site['url']}/@@service-standards.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    mine = [r for r in rows if r["unit_id"] == site["technical"].UID()]
    assert [r["service"] for r in mine][:2] == [
        "Βεβαίωση χρήσης γης",
        "Άδεια τομής οδοστρώματος",
    ]
    assert mine[0]["required_documents"] == "Αίτηση | Αντίγραφο ταυτότητας"
    assert not any("ΚΡΥΦΟ" in r["service"] for r in rows)


def test_internal_service_hidden_from_anonymous(site):
    response = requests.get(
        site["hidden"].absolute_url(), timeout=30, allow_redirects=False
    )
    assert response.status_code in (302, 401)
    search = requests.get(
        f"{site['url']}/++api++/@search",
        params={"portal_type": "ServiceStandard", "b_size": 500},
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()
    assert site["hidden"].absolute_url() not in [i["@id"] for i in search["items"]]


def test_services_section_shows_the_site_table(site):
    page = get(f"{site['url']}/services").text
    assert "service-standards-table" in page
    assert "Βεβαίωση χρήσης γης" in page


def test_unit_page_links_to_its_table(site):
    tree = lxml_html.fromstring(get(site["technical"].absolute_url()).text)
    links = tree.xpath("//p[contains(@class, 'unit-services')]//a/@href")
    assert links == [f"{site['technical'].absolute_url()}/@@service-standards"]


def test_unit_table_heading_translated(site):
    tree = lxml_html.fromstring(
        get(f"{site['technical'].absolute_url()}/@@service-standards").text
    )
    assert tree.xpath("string(//h1)").strip() == "Πρότυπα εξυπηρέτησης: Τμήμα Οδοποιίας"
