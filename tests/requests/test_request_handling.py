"""A request through the Private Office and a unit: who sees, who acts, mails."""

from datetime import date
from datetime import timedelta
from municipality.intranet.working_days import add_working_days
from plone import api
from request_helpers import FINANCE
from request_helpers import TECHNICAL
from request_helpers import wait_for

import pytest
import transaction


pytestmark = pytest.mark.dated


def new_request(portal, **fields):
    values = {
        "request_kind": "complaint",
        "subject_area": "general",
        "text": "Ο φωτισμός στην πλατεία δεν λειτουργεί ΙΔΙΩΤΙΚΟ-Κ.",
        "citizen_name": "Νίκος Ιδιώτης",
        "citizen_email": "nikos@example.org",
    }
    values.update(fields)
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["requests"], type="CitizenRequest", id="r", **values
        )


def can(user, permission, obj) -> bool:
    with api.env.adopt_user(username=user):
        return bool(api.user.has_permission(permission, obj=obj))


def act(user, obj, transition, **kwargs):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=obj, transition=transition, **kwargs)


def test_general_requests_wait_for_the_private_office(office):
    request = new_request(office)
    assert api.content.get_state(request) == "received"
    assert request.assigned_unit is None
    assert request.tracking_code.startswith(f"REQ-{date.today().year}-")
    assert request.deadline == add_working_days(date.today(), 15)
    for user in ("office_member", "office_editor", "gs_officer"):
        assert can(user, "View", request), user
    for user in ("technical_member", "finance_member", "staff"):
        assert not can(user, "View", request), user


def test_deadline_follows_the_related_service(office):
    catalog = api.portal.get_tool("portal_catalog")
    service = next(
        brain.getObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="ServiceStandard", review_state="published"
        )
        if brain.getObject().completion_unit in ("days", "working-days")
    )
    request = new_request(office, related_service=service.UID())
    days = service.completion_time
    if service.completion_unit == "days":
        assert request.deadline == date.today() + timedelta(days=days)
    else:
        assert request.deadline == add_working_days(date.today(), days)


def test_assign_start_answer_close(office, inbox):
    request = new_request(office)
    with pytest.raises(api.exc.InvalidParameterError):
        act("office_member", request, "assign")  # no unit chosen yet
    request.assigned_unit = office.unrestrictedTraverse(TECHNICAL).UID()
    request.reindexObjectSecurity()
    with pytest.raises(api.exc.InvalidParameterError):
        act("technical_member", request, "assign")  # the office assigns
    act("office_member", request, "assign")
    assert can("technical_member", "View", request)
    assert not can("finance_member", "View", request)
    act("technical_member", request, "start")
    assert api.content.get_state(request) == "in_progress"
    assert can("technical_member", "Modify portal content", request)
    with pytest.raises(api.exc.InvalidParameterError):
        act("technical_member", request, "answer")  # no answer written
    request.answer = "Ο φωτισμός επισκευάστηκε στις 20 Νοεμβρίου."
    act("technical_member", request, "answer")
    assert request.answered_on == date.today()
    assert not can("technical_member", "Modify portal content", request)
    transaction.commit()
    wait_for(inbox, 2)
    answers = [
        m
        for m in inbox.messages
        if "επισκευάστηκε" in m.get_payload(decode=True).decode()
    ]
    assert len(answers) == 1
    assert answers[0]["To"] == "nikos@example.org"
    act("technical_member", request, "close")
    assert api.content.get_state(request) == "closed"
    # The citizen replied: the office opens it again.
    with pytest.raises(api.exc.InvalidParameterError):
        act("technical_member", request, "reopen")
    act("office_editor", request, "reopen")
    assert api.content.get_state(request) == "in_progress"


@pytest.mark.parametrize(
    "state", ["received", "assigned", "in_progress", "answered", "closed"]
)
def test_never_visible_to_outsiders_or_visitors(office, state):
    request = new_request(
        office,
        assigned_unit=office.unrestrictedTraverse(FINANCE).UID(),
        answer="Απάντηση",
    )
    path = {
        "received": [],
        "assigned": ["assign"],
        "in_progress": ["assign", "start"],
        "answered": ["answer"],
        "closed": ["answer", "close"],
    }
    for name in path[state]:
        act("gs_officer", request, name)
    assert api.content.get_state(request) == state
    for user in ("staff", "technical_member"):
        assert not can(user, "View", request), (user, state)
    assert can("finance_member", "View", request)
    assert can("gs_officer", "View", request)
    from AccessControl.SecurityManagement import getSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from AccessControl.SecurityManagement import setSecurityManager

    manager = getSecurityManager()
    noSecurityManager()
    try:
        assert not getSecurityManager().checkPermission("View", request)
    finally:
        setSecurityManager(manager)
