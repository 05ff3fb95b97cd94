"""The demo register imports as written: numbers, dates, states, supersession."""

from plone import api

import datetime
import pytest


pytestmark = pytest.mark.dated


GS = "units/mayors-office/general-secretariat"


def test_numbers_and_dates_kept(portal):
    circular = portal.unrestrictedTraverse(f"{GS}/new-leave-procedure")
    assert circular.protocol_number == "2026/0002"
    assert circular.issue_date == datetime.date(2026, 3, 2)
    assert api.content.get_state(circular) == "issued"


def test_superseded_pair(portal):
    old = portal.unrestrictedTraverse(f"{GS}/annual-leave-procedure")
    new = portal.unrestrictedTraverse(f"{GS}/new-leave-procedure")
    assert api.content.get_state(old) == "superseded"
    assert [r.to_object for r in new.supersedes] == [old]


def test_public_ones_published(portal):
    published = api.content.find(portal_type="Circular", review_state="published")
    assert {b.getObject().audience for b in published} == {"public"}
    assert len(published) == 2


def test_turkish_register(app):
    from zope.component.hooks import site

    with site(app["belediye"]):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type="Circular")
        assert len(brains) == 5
        assert "superseded" in {b.review_state for b in brains}
