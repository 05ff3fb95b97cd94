"""Recipient units note a circular as read, once; reviewers see who has."""

from circular_helpers import issue
from municipality.intranet.acknowledgements import acknowledge
from municipality.intranet.acknowledgements import pending_units_for
from municipality.intranet.acknowledgements import status
from plone import api

import pytest


pytestmark = pytest.mark.dated


def user(name):
    return api.user.get(username=name)


def test_nothing_to_acknowledge_before_issue(draft):
    assert pending_units_for(draft, user("finance_member")) == []


def test_recipient_member_acknowledges_once(draft):
    issue(draft)
    units = acknowledge(draft, user("finance_member"))
    assert [u.getId() for u in units] == ["financial-services"]
    assert acknowledge(draft, user("finance_member")) == []
    assert acknowledge(draft, user("finance_editor")) == []  # the unit already did
    rows = status(draft)
    assert [(r["unit"].getId(), r["acknowledged"], r["user"]) for r in rows] == [
        ("financial-services", True, "finance_member")
    ]


def test_non_recipients_cannot_acknowledge(draft):
    issue(draft)
    for name in ("technical_editor", "staff", "reviewer"):
        assert acknowledge(draft, user(name)) == []
    assert status(draft)[0]["acknowledged"] is False


def test_all_units_circular(portal, users):
    from circular_helpers import make_circular

    circular = make_circular(
        portal, title="Προς όλους", all_units=True, recipient_units=[]
    )
    issue(circular)
    assert len(status(circular)) == len(
        api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Unit"
        )
    )
    assert [u.getId() for u in acknowledge(circular, user("technical_editor"))] == [
        "technical-services"
    ]
