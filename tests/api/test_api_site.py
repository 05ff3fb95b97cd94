"""The public site answers the REST API anonymously, and only with public content."""

from plone import api

import pytest
import transaction


@pytest.fixture
def contents(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        public = api.content.create(
            container=functional_portal,
            type="Document",
            id="public-page",
            title="Public page",
        )
        api.content.transition(public, "publish")
        api.content.create(
            container=functional_portal,
            type="Document",
            id="draft-page",
            title="Draft page",
        )
    transaction.commit()
    return functional_portal


class TestAnonymousRestApi:
    def test_site_root(self, contents, anon_request):
        response = anon_request.get("/")
        assert response.status_code == 200
        data = response.json()
        assert data["@type"] == "Plone Site"
        assert data["title"] == contents.title

    def test_public_page(self, contents, anon_request):
        response = anon_request.get("/public-page")
        assert response.status_code == 200
        assert response.json()["title"] == "Public page"

    def test_private_page_refused(self, contents, anon_request):
        response = anon_request.get("/draft-page")
        assert response.status_code == 401

    def test_search_lists_only_public(self, contents, anon_request):
        response = anon_request.get("/@search", params={"portal_type": "Document"})
        assert response.status_code == 200
        ids = {item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]}
        assert ids == {"public-page"}

    def test_manager_sees_drafts(self, contents, manager_request):
        response = manager_request.get("/@search", params={"portal_type": "Document"})
        ids = {item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]}
        assert ids == {"public-page", "draft-page"}
