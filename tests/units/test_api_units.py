"""Units and people over REST: validation, and nothing internal for anonymous."""

from plone import api

import pytest
import transaction


VALID = {
    "@type": "Unit",
    "id": "test-unit",
    "title": "Διεύθυνση Δοκιμών",
    "kind": "directorate",
    "email": "tests@example.org",
    "phones": ["213-2008048"],
    "postal_code": "174 55",
}


@pytest.fixture
def units_url(functional_portal):
    return "/units/mayors-office"


def test_create_valid_unit(manager_request, units_url, functional_portal):
    response = manager_request.post(units_url, json=VALID)
    assert response.status_code == 201, response.text
    assert response.json()["phones"] == ["213-2008048"]
    transaction.begin()
    assert "test-unit" in functional_portal["units"]["mayors-office"]


@pytest.mark.parametrize(
    "field,value",
    [
        ("email", "not-an-email"),
        ("phones", ["12"]),
        ("fax", "fax me"),
        ("postal_code", "1745"),
        ("website", "www.example.org"),
        ("kind", "ministry"),
    ],
)
def test_bad_value_answers_400_naming_field(
    manager_request, units_url, functional_portal, field, value
):
    response = manager_request.post(units_url, json={**VALID, field: value})
    assert response.status_code == 400, response.text
    errors = response.json()["message"]
    assert field in errors
    transaction.begin()
    assert "test-unit" not in functional_portal["units"]["mayors-office"]


def test_error_message_translated(manager_request, units_url):
    response = manager_request.post(
        units_url,
        json={**VALID, "postal_code": "1745"},
        headers={"Accept-Language": "el"},
    )
    assert response.status_code == 400
    assert "ταχυδρομικός" in response.json()["message"].lower()


def test_update_with_bad_value_keeps_old_one(manager_request):
    path = "/units/mayors-office/general-secretariat"
    before = manager_request.get(path).json()["email"]
    response = manager_request.patch(path, json={"email": "broken@"})
    assert response.status_code == 400
    assert "email" in response.json()["message"]
    assert manager_request.get(path).json()["email"] == before


def test_update_valid(manager_request):
    path = "/units/mayors-office/general-secretariat"
    response = manager_request.patch(path, json={"phones": ["+30 213 2008048"]})
    assert response.status_code == 204
    assert manager_request.get(path).json()["phones"] == ["+30 213 2008048"]


class TestAnonymous:
    def test_search_lists_only_published(self, anon_request, functional_portal):
        for portal_type in ("Unit", "Person"):
            response = anon_request.get(
                "/@search", params={"portal_type": portal_type, "b_size": 1000}
            )
            assert response.status_code == 200
            paths = [item["@id"] for item in response.json()["items"]]
            assert paths
            for brain in api.content.find(
                context=functional_portal, portal_type=portal_type
            ):
                visible = brain.review_state == "published"
                assert (brain.getURL() in paths) is visible, brain.getPath()

    def test_internal_unit_refused(self, anon_request):
        path = "/units/mayors-office/general-secretariat/financial-services/payroll"
        assert anon_request.get(path).status_code == 401

    def test_internal_person_refused(self, anon_request):
        path = "/units/mayors-office/private-office/sofia-chatzigeorgiou"
        assert anon_request.get(path).status_code == 401

    def test_internal_fields_not_serialised(self, anon_request):
        data = anon_request.get("/units/mayors-office/general-secretariat").json()
        assert data["email"]
        assert "internal_extension" not in data
        assert "internal_notes" not in data

    def test_staff_sees_internal_fields(self, request_factory):
        from plone.app.testing import TEST_USER_NAME
        from plone.app.testing import TEST_USER_PASSWORD

        session = request_factory(basic_auth=(TEST_USER_NAME, TEST_USER_PASSWORD))
        data = session.get("/units/mayors-office/general-secretariat").json()
        assert data["internal_extension"]
