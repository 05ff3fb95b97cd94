"""The demo protocol calendar imports as written, in Greek and Turkish."""

from municipality.intranet.interfaces import IPrivateOfficeSection
from plone import api

import pytest


pytestmark = pytest.mark.dated


SITES = {
    # site id: section title, path of the Mayor's representative
    "plone": (
        "Πρωτόκολλο και εκδηλώσεις",
        "units/mayors-office/private-office/panagiotis-lamprakis",
    ),
    "belediye": ("Protokol takvimi", "units/baskanlik/ozel-kalem/onur-basaran"),
}
KINDS = {
    "visit",
    "invitation",
    "reception",
    "opening",
    "national-holiday",
    "religious-holiday",
    "commemoration",
}


@pytest.mark.parametrize("site_id", sorted(SITES))
def test_demo_protocol_calendar(app, portal, site_id):
    from zope.component.hooks import site

    title, person_path = SITES[site_id]
    with site(app[site_id]):
        section = app[site_id]["protocol"]
        assert section.Title() == title
        assert section.getLayout() == "protocol-calendar"
        assert api.content.get_state(section) == "published"
        assert IPrivateOfficeSection.providedBy(section)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type="ProtocolEvent")
        events = [brain._unrestrictedGetObject() for brain in brains]
        assert {event.protocol_kind for event in events} == KINDS
        assert {brain.review_state for brain in brains} == {
            "draft",
            "internal",
            "published",
        }
        represented = [event for event in events if not event.mayor_attends]
        assert len(represented) == 1
        person = app[site_id].unrestrictedTraverse(person_path)
        assert represented[0].represented_by == person.UID()
        assert all(event.protocol_notes for event in events)
        assert any(event.recurrence for event in events)
        months = {(event.start.year, event.start.month) for event in events}
        assert {(2026, 11), (2026, 12)} <= months
        for brain in brains:
            public = (
                "Anonymous"
                in catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"]
            )
            assert public == (brain.review_state == "published"), brain.getPath()


def test_demo_month_page_lists_december(portal):
    view = portal["protocol"].restrictedTraverse("@@protocol-calendar")
    view.request.form["month"] = "2026-12"
    html = view()
    assert "Εορτή του πολιούχου Αγίου Νικολάου" in html
    assert "Σαν Τζοβάνι" in html
