"""Decision numbers: per body and year, in order, never twice."""

from meeting_helpers import make_decision
from meeting_helpers import make_meeting
from meeting_helpers import transition
from municipality.intranet.meeting_workflow import free_decision_number
from plone import api
from ZODB.POSException import ConflictError
from zodb_sessions import open_site
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.dated


def test_numbers_per_body_and_year(portal, meeting):
    committee = make_meeting(portal, body="finance-committee", title="Οικονομική")
    first = make_decision(meeting, [], title="Πρώτη")
    second = make_decision(meeting, [], title="Δεύτερη")
    other = make_decision(committee, [], title="Άλλη")
    transition(first, "gs_officer", "record")
    transition(second, "gs_officer", "publish")
    transition(other, "gs_officer", "record")
    year = meeting.start.year
    assert first.decision_number == f"1/{year}"
    assert second.decision_number == f"2/{year}"
    assert other.decision_number == f"1/{year}"
    assert (first.decision_body, other.decision_body) == (
        "council",
        "finance-committee",
    )
    # Back and forth keeps the number.
    transition(second, "gs_officer", "make_internal")
    transition(second, "gs_officer", "publish")
    assert second.decision_number == f"2/{year}"


def test_draft_has_no_number_and_staff_cannot_set_one(portal, meeting):
    decision = make_decision(meeting, [])
    assert decision.decision_number is None
    with api.env.adopt_user(username="gs_officer"):
        assert not api.user.has_permission(
            "municipality.intranet: Set circular number", obj=decision
        )


def test_imported_numbers_are_skipped(portal, meeting):
    year = meeting.start.year
    imported = make_decision(meeting, [], title="Από το παλιό σύστημα")
    imported.decision_number = f"1/{year}"
    imported.reindexObject()
    decision = make_decision(meeting, [])
    transition(decision, "gs_officer", "record")
    assert decision.decision_number == f"2/{year}"


@pytest.fixture
def database(functional_portal):
    transaction.commit()
    yield functional_portal._p_jar.db()
    setSite(functional_portal)


def test_two_instances_recording_at_once_get_different_numbers(database):
    manager_a, connection_a, site_a = open_site(database)
    manager_b, connection_b, site_b = open_site(database)
    try:
        manager_a.begin()
        manager_b.begin()
        setSite(site_a)
        number_a = free_decision_number("executive-committee", 2033)
        setSite(site_b)
        number_b = free_decision_number("executive-committee", 2033)
        assert number_a == number_b == "1/2033"
        manager_a.commit()
        with pytest.raises(ConflictError):
            manager_b.commit()
        manager_b.abort()
        for attempt in manager_b.attempts(3):
            with attempt:
                site_b._p_jar.sync()
                setSite(site_b)
                retried = free_decision_number("executive-committee", 2033)
        assert retried == "2/2033"
    finally:
        connection_a.close()
        connection_b.close()
