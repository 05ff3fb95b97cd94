"""The register over HTTP: listing, filters, search, feed, CSV, and no leaks."""

from circular_helpers import create_users
from circular_helpers import issue
from circular_helpers import make_circular
from circular_helpers import PASSWORD
from circular_helpers import transition
from lxml import html as lxml_html

import csv
import feedparser
import io
import pytest
import requests
import transaction


@pytest.fixture
def site(functional_portal):
    create_users(functional_portal)
    internal = make_circular(functional_portal, title="Εσωτερική οδηγία ΜΥΣΤΙΚΟ-1")
    issue(internal)
    draft = make_circular(functional_portal, title="Πρόχειρο ΜΥΣΤΙΚΟ-2")
    public = make_circular(
        functional_portal, title="Ωράριο κοινού δημοσίευση", audience="public"
    )
    issue(public)
    transition(public, "reviewer", "publish")
    transaction.commit()
    return {
        "url": functional_portal.absolute_url(),
        "internal": internal,
        "draft": draft,
        "public": public,
    }


def get(url, auth=None, **params):
    response = requests.get(url, params=params, auth=auth, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    return response


def titles(page: str) -> list[str]:
    return lxml_html.fromstring(page).xpath(
        "//table[contains(@class, 'circulars-register')]//td/a/text()"
    )


STAFF = ("staff", PASSWORD)


def test_anonymous_sees_only_published(site):
    names = titles(get(f"{site['url']}/circulars/@@circulars").text)
    assert "Ωράριο κοινού δημοσίευση" in names
    assert not any("ΜΥΣΤΙΚΟ" in name for name in names)


def test_staff_see_internal_but_not_drafts_of_others(site):
    names = titles(get(f"{site['url']}/circulars/@@circulars", auth=STAFF).text)
    assert "Εσωτερική οδηγία ΜΥΣΤΙΚΟ-1" in names
    assert "Πρόχειρο ΜΥΣΤΙΚΟ-2" not in names


def test_in_force_first(site):
    page = get(f"{site['url']}/circulars/@@circulars", auth=STAFF).text
    rows = lxml_html.fromstring(page).xpath(
        "//tr[contains(@class, 'circular-row')]/@class"
    )
    states = [row.split("state-")[1] for row in rows]
    in_force = [s in ("issued", "published") for s in states]
    assert in_force == sorted(in_force, reverse=True)
    assert "superseded" in states  # the demo's superseded one, after those in force


@pytest.mark.parametrize(
    "query,expected",
    [
        ("ωραριο κοινου", "Ωράριο κοινού δημοσίευση"),
        ("ΩΡΆΡΙΟ", "Ωράριο κοινού δημοσίευση"),
        ("ωρ κοιν", "Ωράριο κοινού δημοσίευση"),  # beginnings of words
        ("Ωράριο ΚΟΙΝΟΥΣ", None),  # every word must be found
    ],
)
def test_accent_insensitive_search(site, query, expected):
    everything = titles(get(f"{site['url']}/circulars/@@circulars").text)
    names = titles(get(f"{site['url']}/circulars/@@circulars", q=query).text)
    if expected is None:
        assert not names
        return
    assert expected in names
    assert len(names) < len(everything)


@pytest.mark.parametrize(
    "query", ['" AND (', "NOT OR *", "ωρ* AND NOT", "'; DROP TABLE--", "*", "ς"]
)
def test_search_words_are_never_query_syntax(site, query):
    response = get(f"{site['url']}/circulars/@@circulars", q=query)
    assert response.status_code == 200


def test_filters(site):
    url = f"{site['url']}/circulars/@@circulars"
    by_state = titles(get(url, auth=STAFF, state="published").text)
    assert "Εσωτερική οδηγία ΜΥΣΤΙΚΟ-1" not in by_state
    assert "Ωράριο κοινού δημοσίευση" in by_state
    finance = site["public"].recipient_units[0].to_object.UID()
    by_unit = titles(get(url, auth=STAFF, unit=finance).text)
    assert "Εσωτερική οδηγία ΜΥΣΤΙΚΟ-1" in by_unit
    by_authority = titles(get(url, auth=STAFF, authority="mayor").text)
    assert "Εσωτερική οδηγία ΜΥΣΤΙΚΟ-1" not in by_authority


def test_feed_has_only_published(site):
    for kind in ("rss", "atom"):
        feed = feedparser.parse(
            get(f"{site['url']}/circulars/@@circulars.{kind}", auth=STAFF).content
        )
        assert not feed.bozo, feed.bozo_exception
        entry_titles = [e.title for e in feed.entries]
        assert any("Ωράριο κοινού δημοσίευση" in t for t in entry_titles)
        assert not any("ΜΥΣΤΙΚΟ" in t for t in entry_titles)


def test_csv_for_staff(site):
    response = get(f"{site['url']}/circulars/@@circulars.csv", auth=STAFF)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    subjects = [row[2] for row in rows[1:]]
    assert "Εσωτερική οδηγία ΜΥΣΤΙΚΟ-1" in subjects
    assert "Πρόχειρο ΜΥΣΤΙΚΟ-2" not in subjects
    number = site["internal"].protocol_number
    assert any(row[0] == number for row in rows)


def test_csv_refused_to_anonymous(site):
    response = requests.get(
        f"{site['url']}/circulars/@@circulars.csv", timeout=30, allow_redirects=False
    )
    assert response.status_code in (302, 401, 403)
    assert "ΜΥΣΤΙΚΟ" not in response.text


def test_no_internal_circular_reachable_anonymously(site):
    for key in ("internal", "draft"):
        obj = site[key]
        url = obj.absolute_url()
        assert requests.get(url, timeout=30, allow_redirects=False).status_code in (
            302,
            401,
        )
        api = requests.get(
            f"{site['url']}/++api++/{obj.absolute_url_path().split('/', 2)[2]}",
            headers={"Accept": "application/json"},
            timeout=30,
        )
        assert api.status_code == 401
    search = requests.get(
        f"{site['url']}/++api++/@search",
        params={"portal_type": "Circular", "b_size": 500, "fullobjects": 1},
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()
    assert {item["review_state"] for item in search["items"]} == {"published"}
    assert (
        "ΜΥΣΤΙΚΟ"
        not in get(f"{site['url']}/@@search", SearchableText="ΜΥΣΤΙΚΟ").text.split(
            "</form>", 2
        )[-1]
    )


def test_circular_page_like_a_document(site):
    page = get(site["public"].absolute_url()).text
    tree = lxml_html.fromstring(page)
    assert (
        tree.xpath("string(//dd[@class='circular-number'])")
        == site["public"].protocol_number
    )
    assert "Οικονομικών" in tree.xpath("string(//dd[@class='circular-recipients'])")
    assert "Ανδρέας Βλαχογιάννης" in tree.xpath(
        "string(//p[contains(@class, 'circular-signatory')])"
    )


def test_rest_serialises_number_and_state(site):
    data = requests.get(
        f"{site['url']}/++api++/{site['public'].absolute_url_path().split('/', 2)[2]}",
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()
    assert data["protocol_number"] == site["public"].protocol_number
    assert data["review_state"] == "published"


def test_sitemap_lists_only_published(site):
    import gzip

    page = requests.get(f"{site['url']}/sitemap.xml.gz", params={"page": 1}, timeout=30)
    sitemap = gzip.decompress(page.content).decode()
    assert site["public"].absolute_url() in sitemap
    assert site["internal"].absolute_url() not in sitemap
    assert site["draft"].absolute_url() not in sitemap


def test_superseded_banner_links_to_replacement(site):
    gs = f"{site['url']}/units/mayors-office/general-secretariat"
    page = get(f"{gs}/annual-leave-procedure", auth=STAFF).text
    banner = lxml_html.fromstring(page).xpath(
        "//div[contains(@class, 'circular-superseded')]"
    )
    assert banner
    assert banner[0].xpath(".//a/@href") == [f"{gs}/new-leave-procedure"]


def test_attachments_listed(site, functional_portal):
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=site["public"],
            type="File",
            id="schedule.pdf",
            title="Πρόγραμμα (PDF)",
            file=NamedBlobFile(b"%PDF-1.4 fictional", filename="schedule.pdf"),
        )
    transaction.commit()
    tree = lxml_html.fromstring(get(site["public"].absolute_url()).text)
    links = tree.xpath("//section[@class='circular-attachments']//a/@href")
    assert links == [f"{site['public'].absolute_url()}/schedule.pdf/@@download/file"]


def test_state_titles_translated(site):
    page = get(f"{site['url']}/circulars/@@circulars", auth=STAFF).text
    states = lxml_html.fromstring(page).xpath(
        "//tr[contains(@class,'circular-row')]/td[4]/text()"
    )
    assert "Εκδόθηκε" in states
    assert "Issued" not in states


def test_superseded_public_circular_stays_public_with_banner(site, functional_portal):
    from circular_helpers import relation

    newer = make_circular(
        functional_portal,
        title="Νέο ωράριο κοινού",
        audience="public",
        supersedes=[relation(site["public"])],
    )
    issue(newer)
    transaction.commit()
    page = get(site["public"].absolute_url()).text  # anonymous
    banner = lxml_html.fromstring(page).xpath(
        "//div[contains(@class, 'circular-superseded')]"
    )
    assert banner
    # the replacement is not public yet: the banner does not link to it
    assert banner[0].xpath(".//a") == []
    transition(newer, "reviewer", "publish")
    transaction.commit()
    page = get(site["public"].absolute_url()).text
    links = lxml_html.fromstring(page).xpath(
        "//div[contains(@class, 'circular-superseded')]//a/@href"
    )
    assert links == [newer.absolute_url()]
