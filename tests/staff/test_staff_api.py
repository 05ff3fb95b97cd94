"""Leave and travel requests over HTTP: the REST API, the steps, who sees what."""

from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.follow_up import site_today
from municipality.intranet.staff_request_checks import overlap_mapping
from municipality.intranet.working_days import working_days_between
from plone import api
from plone.restapi.testing import RelativeSession
from staff_helpers import approve
from staff_helpers import create_users
from staff_helpers import FINANCE
from staff_helpers import make_leave
from staff_helpers import next_monday
from staff_helpers import PASSWORD
from staff_helpers import TECHNICAL
from staff_helpers import transition
from staff_helpers import uid
from zope.i18n import translate

import pytest
import re
import requests
import transaction


ALLOWED = ("employee", "head", "gs_officer", "site_admin")
REFUSED = ("colleague", "other_unit", "other_head", None)


@pytest.fixture
def site(functional_portal):
    create_users()
    transaction.commit()
    portal = functional_portal
    url = portal.absolute_url()

    def session(user=None):
        s = RelativeSession(f"{url}/++api++")
        s.headers.update({"Accept": "application/json"})
        if user:
            s.auth = (user, PASSWORD)
        return s

    return {
        "portal": portal,
        "url": url,
        "session": session,
        "finance": uid(portal, FINANCE),
        "technical": uid(portal, TECHNICAL),
    }


def leave_json(site, **changes) -> dict:
    start = next_monday()
    data = {
        "@type": "LeaveRequest",
        "leave_kind": "annual",
        "employee_unit": site["finance"],
        "start": start.isoformat(),
        "end": (start + timedelta(days=4)).isoformat(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def travel_json(site, **changes) -> dict:
    start = next_monday()
    data = {
        "@type": "TravelRequest",
        "travel_scope": "abroad",
        "destination": "Βρυξέλλες, Βέλγιο",
        "purpose": "Συνέδριο για την ψηφιακή διακυβέρνηση",
        "transport": "plane",
        "funding_source": "programme",
        "estimated_cost": 850.0,
        "employee_unit": site["finance"],
        "start": start.isoformat(),
        "end": (start + timedelta(days=2)).isoformat(),
    }
    data.update(changes)
    return data


def path_of(response) -> str:
    return "/" + response.json()["@id"].split("/plone/", 1)[1]


def stored(site) -> list[str]:
    """The requests in the section, as the database has them now."""
    transaction.begin()
    return list(site["portal"]["staff-requests"].objectIds())


def text(message) -> str:
    """A message as the site (in its language) says it."""
    return translate(message, target_language=api.portal.get_default_language())


def error_of(response) -> str:
    return response.json().get("message", "") or response.text


# (a) The system writes who the employee is and counts the days.


def test_employee_files_a_leave_request(site):
    employee = site["session"]("employee")
    start = next_monday()
    response = employee.post(
        "/staff-requests",
        json=leave_json(
            site,
            employee="colleague",
            employee_name="Someone Else",
            authorisation_number="2026/9999",
            working_days=99,
            approved_by="Nobody",
        ),
    )
    assert response.status_code == 201, response.text
    path = path_of(response)
    assert path == f"/staff-requests/leave-{start.isoformat()}"
    data = employee.get(path).json()
    assert data["employee"] == "employee"
    assert data["employee_name"] == "Employee"
    days = working_days_between(start, start + timedelta(days=4))
    assert data["working_days"] == days
    assert not data.get("authorisation_number")
    assert not data.get("approved_by")
    assert data["review_state"] == "draft"
    transaction.begin()
    obj = site["portal"].unrestrictedTraverse(path.lstrip("/"))
    assert obj.employee == "employee"
    assert obj.employee_name == "Employee"
    assert obj.working_days == days
    assert obj.authorisation_number is None
    assert obj.approved_by is None
    assert "employee" in obj.users_with_local_role("Owner")


def test_employee_files_a_travel_request(site):
    response = site["session"]("employee").post(
        "/staff-requests", json=travel_json(site)
    )
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["employee"] == "employee"
    start = next_monday()
    assert data["working_days"] == working_days_between(
        start, start + timedelta(days=2)
    )
    assert data["estimated_cost"] == 850.0


# (b) Bad requests are refused, naming the field, and nothing is stored.


@pytest.mark.parametrize(
    "build,field",
    [
        (
            lambda site: leave_json(site, employee_unit=site["technical"]),
            "employee_unit",
        ),
        (lambda site: leave_json(site, leave_kind=None), "leave_kind"),
        (lambda site: leave_json(site, leave_kind="no-such-kind"), "leave_kind"),
        (lambda site: travel_json(site, estimated_cost=-10.0), "estimated_cost"),
        (lambda site: travel_json(site, destination=None), "destination"),
    ],
    ids=[
        "unit-of-another",
        "no-kind",
        "unknown-kind",
        "negative-cost",
        "no-destination",
    ],
)
def test_bad_request_is_refused_naming_the_field(site, build, field):
    before = stored(site)
    response = site["session"]("employee").post("/staff-requests", json=build(site))
    assert response.status_code == 400, response.text
    assert f"'field': '{field}'" in error_of(response), response.text
    assert stored(site) == before


def test_end_before_start_is_refused(site):
    before = stored(site)
    start = next_monday()
    response = site["session"]("employee").post(
        "/staff-requests",
        json=leave_json(site, end=(start - timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 400, response.text
    assert text(_("The last day cannot be before the first day.")) in error_of(response)
    assert stored(site) == before


def test_sick_leave_needs_a_reason(site):
    employee = site["session"]("employee")
    before = stored(site)
    for reason in (None, "   "):
        response = employee.post(
            "/staff-requests", json=leave_json(site, leave_kind="sick", reason=reason)
        )
        assert response.status_code == 400, response.text
        assert text(_("This kind of leave needs a reason.")) in error_of(response)
    assert stored(site) == before
    given = employee.post(
        "/staff-requests",
        json=leave_json(site, leave_kind="sick", reason="Χειρουργική επέμβαση"),
    )
    assert given.status_code == 201, given.text
    # The address names neither the kind of leave nor the employee.
    assert path_of(given).startswith("/staff-requests/leave-")
    assert "sick" not in given.json()["@id"]


def test_a_head_cannot_file_for_another_unit_either(site):
    before = stored(site)
    response = site["session"]("head").post(
        "/staff-requests", json=leave_json(site, employee_unit=site["technical"])
    )
    assert response.status_code == 400, response.text
    assert "'field': 'employee_unit'" in error_of(response)
    assert stored(site) == before


def test_strangers_cannot_file_requests(site):
    before = stored(site)
    anonymous = site["session"]().post("/staff-requests", json=leave_json(site))
    assert anonymous.status_code in (401, 403)
    assert stored(site) == before


# (c) Nobody is away twice.


def test_overlap_with_an_approved_leave_is_refused(site):
    portal = site["portal"]
    start = next_monday()
    approved = make_leave(portal, start=start)
    approve(approved)
    transaction.commit()
    before = stored(site)
    response = site["session"]("employee").post(
        "/staff-requests",
        json=travel_json(
            site,
            start=(start + timedelta(days=2)).isoformat(),
            end=(start + timedelta(days=8)).isoformat(),
        ),
    )
    assert response.status_code == 400, response.text
    expected = text(
        _(
            "These dates overlap your approved request (${kind}, ${start} to ${end}).",
            mapping=overlap_mapping(approved),
        )
    )
    assert expected in error_of(response), response.text
    assert stored(site) == before
    # Another employee may be away on the same days.
    colleague = site["session"]("colleague").post(
        "/staff-requests", json=leave_json(site)
    )
    assert colleague.status_code == 201, colleague.text
    # And the employee on the days after.
    later = site["session"]("employee").post(
        "/staff-requests",
        json=leave_json(
            site,
            start=(start + timedelta(days=7)).isoformat(),
            end=(start + timedelta(days=8)).isoformat(),
        ),
    )
    assert later.status_code == 201, later.text


# (d) The steps over REST.


def state_of(session, path) -> str:
    return session.get(path).json()["review_state"]


def test_steps_over_rest(site):
    employee, head = site["session"]("employee"), site["session"]("head")
    gs = site["session"]("gs_officer")
    path = path_of(employee.post("/staff-requests", json=leave_json(site)))
    assert employee.post(f"{path}/@workflow/endorse").status_code in (400, 401, 403)
    submitted = employee.post(f"{path}/@workflow/submit")
    assert submitted.status_code == 200, submitted.text
    # Nobody endorses their own request; the GS does not approve before the head.
    own = employee.post(f"{path}/@workflow/endorse")
    assert 400 <= own.status_code < 500, own.text
    assert state_of(gs, path) == "submitted"
    assert gs.post(f"{path}/@workflow/approve").status_code in (400, 401, 403)
    endorsed = head.post(f"{path}/@workflow/endorse")
    assert endorsed.status_code == 200, endorsed.text
    assert head.post(f"{path}/@workflow/approve").status_code in (400, 401, 403)
    approved = gs.post(f"{path}/@workflow/approve", json={"comment": "Εγκρίνεται"})
    assert approved.status_code == 200, approved.text
    data = employee.get(path).json()
    assert data["review_state"] == "approved"
    assert data["endorsed_by"] == "Head"
    assert data["approved_by"] == "Gs Officer"
    number = data["authorisation_number"]
    assert re.fullmatch(rf"{site_today().year}/\d{{4}}", number), number
    transaction.begin()
    obj = site["portal"].unrestrictedTraverse(path.lstrip("/"))
    assert obj.authorisation_number == number


def test_reject_needs_a_reason_over_rest(site):
    employee, head = site["session"]("employee"), site["session"]("head")
    path = path_of(employee.post("/staff-requests", json=leave_json(site)))
    assert employee.post(f"{path}/@workflow/submit").status_code == 200
    for body in ({}, {"comment": "  "}):
        refused = head.post(f"{path}/@workflow/reject", json=body)
        assert refused.status_code == 400, refused.text
        assert state_of(head, path) == "submitted"
    # The employee cannot reject (nor endorse) their own request.
    own = employee.post(f"{path}/@workflow/reject", json={"comment": "Όχι"})
    assert 400 <= own.status_code < 500
    assert state_of(head, path) == "submitted"
    rejected = head.post(
        f"{path}/@workflow/reject", json={"comment": "Έλλειψη προσωπικού"}
    )
    assert rejected.status_code == 200, rejected.text
    data = employee.get(path).json()
    assert data["review_state"] == "rejected"
    assert data["decision_reason"] == "Έλλειψη προσωπικού"


def test_another_head_cannot_endorse(site):
    employee = site["session"]("employee")
    path = path_of(employee.post("/staff-requests", json=leave_json(site)))
    assert employee.post(f"{path}/@workflow/submit").status_code == 200
    other = site["session"]("other_head").post(f"{path}/@workflow/endorse")
    assert 400 <= other.status_code < 500
    assert state_of(employee, path) == "submitted"


def test_the_employee_cancels_before_the_first_day(site):
    employee = site["session"]("employee")
    path = path_of(employee.post("/staff-requests", json=leave_json(site)))
    assert employee.post(f"{path}/@workflow/submit").status_code == 200
    cancelled = employee.post(f"{path}/@workflow/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert state_of(employee, path) == "cancelled"


# (e) Who sees a request.


def request_of_employee(site, state="submitted"):
    obj = make_leave(site["portal"], reason="Οικογενειακοί λόγοι ΙΔΙΩΤΙΚΟ")
    if state in ("submitted", "endorsed", "approved"):
        transition(obj, "employee", "submit")
    if state in ("endorsed", "approved"):
        transition(obj, "head", "endorse")
    if state == "approved":
        transition(obj, "gs_officer", "approve")
    transaction.commit()
    return "/" + "/".join(obj.getPhysicalPath()[2:])


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_who_sees_a_request(site, state):
    path = request_of_employee(site, state)
    for user in ALLOWED:
        response = site["session"](user).get(path)
        assert response.status_code == 200, (user, response.status_code)
        assert response.json()["reason"] == "Οικογενειακοί λόγοι ΙΔΙΩΤΙΚΟ"
    for user in REFUSED:
        response = site["session"](user).get(path)
        assert response.status_code in (401, 403, 404), (user, response.status_code)
        assert "ΙΔΙΩΤΙΚΟ" not in response.text, user
        page = requests.get(
            site["url"] + path,
            auth=(user, PASSWORD) if user else None,
            timeout=30,
            allow_redirects=False,
        )
        assert page.status_code in (302, 401, 403, 404), (user, page.status_code)
        assert "ΙΔΙΩΤΙΚΟ" not in page.text, user


def test_a_draft_is_the_employees_only(site):
    path = request_of_employee(site, "draft")
    for user in ("employee", "site_admin"):
        assert site["session"](user).get(path).status_code == 200, user
    for user in ("head", "gs_officer", "colleague", "other_head", None):
        response = site["session"](user).get(path)
        assert response.status_code in (401, 403, 404), (user, response.status_code)


def test_search_finds_a_request_only_for_those_who_may_see_it(site):
    path = request_of_employee(site, "submitted")
    for user in (*ALLOWED, *REFUSED):
        response = site["session"](user).get(
            "/@search", params={"portal_type": "LeaveRequest", "fullobjects": 1}
        )
        assert response.status_code == 200, (user, response.text)
        found = response.json()
        urls = [item["@id"] for item in found["items"]]
        if user in ALLOWED:
            assert any(url.endswith(path) for url in urls), user
        else:
            assert found["items_total"] == 0, (user, urls)
            assert "ΙΔΙΩΤΙΚΟ" not in response.text, user
        text_search = site["session"](user).get(
            "/@search", params={"SearchableText": "ΙΔΙΩΤΙΚΟ"}
        )
        if user not in ALLOWED:
            assert "staff-requests/" not in text_search.text, user


# (f) The section and its CSV.


def test_anonymous_cannot_open_the_section(site):
    page = requests.get(
        f"{site['url']}/staff-requests", timeout=30, allow_redirects=False
    )
    assert page.status_code in (302, 401, 403), page.status_code
    rest = site["session"]().get("/staff-requests")
    assert rest.status_code in (401, 403), rest.status_code


def test_the_csv_is_for_the_general_secretariat(site):
    path = request_of_employee(site, "approved")
    transaction.begin()
    obj = site["portal"].unrestrictedTraverse(path.lstrip("/"))
    number, year = obj.authorisation_number, obj.start.year
    assert number
    csv_url = f"{site['url']}/staff-requests/@@staff-requests.csv"
    for user in ("employee", "head", "colleague", None):
        refused = requests.get(
            csv_url,
            params={"year": year},
            auth=(user, PASSWORD) if user else None,
            timeout=30,
            allow_redirects=False,
        )
        assert refused.status_code in (302, 401, 403), (user, refused.status_code)
        assert number not in refused.text
    for user in ("gs_officer", "site_admin"):
        served = requests.get(
            csv_url, params={"year": year}, auth=(user, PASSWORD), timeout=30
        )
        assert served.status_code == 200, (user, served.status_code)
        assert served.headers["Content-Type"].startswith("text/csv")
        assert number in served.text
        assert "Employee" in served.text
        # Reasons for leave stay out of the export.
        assert "ΙΔΙΩΤΙΚΟ" not in served.text
