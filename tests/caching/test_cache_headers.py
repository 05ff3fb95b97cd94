"""Cache headers: public pages shared and revalidated, logged-in answers private."""

import pytest
import requests


UNIT = "units/mayors-office/general-secretariat/technical-services"
PUBLIC_PAGES = [
    "",
    "/@@contact-directory",
    "/units",
    f"/{UNIT}",
    f"/{UNIT}/road-damage-report",
    f"/{UNIT}/@@service-standards",
    "/services",
    "/circulars",
    "/circulars/@@circulars.rss",
    "/services/@@service-standards.csv",
    "/meetings/council-2026-11-12",
    "/meetings/council-2026-11-12/session-minutes",
    "/@@meetings.ics",
    f"/{UNIT}/@@vcard",
]


def get(portal, path, **kwargs):
    kwargs.setdefault("timeout", 30)
    return requests.get(portal.absolute_url() + path, **kwargs)


def directives(response) -> dict:
    value = response.headers.get("Cache-Control", "")
    parts = (part.strip().partition("=") for part in value.split(","))
    return {name: argument for name, _eq, argument in parts if name}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_is_shared_and_revalidated(functional_portal, path):
    response = get(functional_portal, path)
    assert response.status_code == 200
    cache = directives(response)
    assert cache["max-age"] == "0"  # browsers ask every time
    assert int(cache["s-maxage"]) > 0  # the proxy keeps it until purged
    assert "private" not in cache
    assert response.headers["ETag"]


@pytest.mark.parametrize("path", [f"/{UNIT}", "/@@contact-directory", "/services"])
def test_unchanged_page_answers_304(functional_portal, path):
    first = get(functional_portal, path)
    again = get(
        functional_portal, path, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert not again.content


def test_page_after_a_change_is_sent_again(functional_portal, staff):
    import transaction

    first = get(functional_portal, "/@@contact-directory")
    unit = functional_portal.unrestrictedTraverse(UNIT)
    unit.title = "Διεύθυνση Τεχνικών Έργων και Υποδομών"
    unit.reindexObject()
    transaction.commit()
    again = get(
        functional_portal,
        "/@@contact-directory",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 200
    assert "Διεύθυνση Τεχνικών Έργων και Υποδομών" in again.text


@pytest.mark.parametrize("path", [f"/{UNIT}", "/circulars", "/@@contact-directory"])
def test_logged_in_answers_are_private(functional_portal, staff, path):
    response = get(functional_portal, path, auth=staff)
    assert response.status_code == 200
    cache = directives(response)
    assert "private" in cache
    assert "no-store" in cache
    assert "s-maxage" not in cache
    assert "ETag" not in response.headers


def test_intranet_page_is_private_for_staff(functional_portal, staff, intranet_page):
    path = f"/{UNIT}/internal-roster"
    response = get(functional_portal, path, auth=staff)
    assert response.status_code == 200
    assert "Εσωτερικό πρόγραμμα" in response.text
    assert {"private", "no-store"} <= directives(response).keys()


def test_intranet_page_refused_to_visitors_is_not_shareable(
    functional_portal, intranet_page
):
    response = get(functional_portal, f"/{UNIT}/internal-roster", allow_redirects=False)
    assert response.status_code in (302, 401)
    assert "s-maxage" not in directives(response)
    assert "public" not in directives(response)


def test_staff_dashboard_is_private(functional_portal, staff):
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="general-secretariat", username=staff[0])
    transaction.commit()
    response = get(functional_portal, "/@@follow-up", auth=staff)
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response).keys()


def test_theme_resources_stay_cacheable_for_everybody(functional_portal, staff):
    import re

    home = get(functional_portal, "")
    (script,) = re.findall(r'src="([^"]+\+\+plone\+\+[^"]+\.js[^"]*)"', home.text)[:1]
    for auth in (None, staff):
        response = requests.get(script, auth=auth, timeout=30)
        assert response.status_code == 200
        cache = directives(response)
        assert int(cache["max-age"]) >= 86400
        assert "private" not in cache


def test_rest_answers_vary_by_accept(functional_portal):
    response = get(
        functional_portal, f"/{UNIT}", headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert "Accept" in response.headers.get("Vary", "")
