"""Meetings, decisions and follow-up over the REST API."""

from meeting_helpers import create_users
from meeting_helpers import FINANCE
from meeting_helpers import PASSWORD
from meeting_helpers import uid
from municipality.intranet.follow_up import history
from plone import api
from plone.restapi.testing import RelativeSession

import pytest
import transaction


pytestmark = pytest.mark.dated


@pytest.fixture
def sessions(functional_portal):
    create_users(functional_portal)
    transaction.commit()
    url = functional_portal.absolute_url()

    def session(user):
        s = RelativeSession(f"{url}/++api++")
        s.headers.update({"Accept": "application/json"})
        s.auth = (user, PASSWORD)
        return s

    return session


MEETING = {
    "@type": "Meeting",
    "title": "Τακτική συνεδρίαση 22",
    "body": "council",
    "start": "2026-12-10T16:00:00+00:00",
    "end": "2026-12-10T19:00:00+00:00",
    "session_number": 22,
}


def path_of(response) -> str:
    return "/" + response.json()["@id"].split("/plone/", 1)[1]


@pytest.mark.parametrize(
    "change,field",
    [
        ({"body": "no-such-body"}, "body"),
        ({"session_number": 0}, "session_number"),
        ({"body": None}, "body"),
    ],
)
def test_bad_meeting_is_refused_naming_the_field(sessions, change, field):
    gs = sessions("gs_officer")
    response = gs.post("/meetings", json={**MEETING, **change})
    assert response.status_code == 400, response.text
    assert field in response.text
    assert gs.get("/meetings/taktiki-synedriasi-22").status_code == 404


def test_end_before_start_is_refused(sessions):
    gs = sessions("gs_officer")
    response = gs.post(
        "/meetings", json={**MEETING, "end": "2026-12-10T15:00:00+00:00"}
    )
    assert response.status_code == 400, response.text


def test_staff_cannot_create_meetings(sessions):
    response = sessions("finance_member").post("/meetings", json=MEETING)
    assert response.status_code in (401, 403)


def test_full_cycle(sessions, functional_portal):
    gs, finance = sessions("gs_officer"), sessions("finance_member")
    other = sessions("technical_member")
    finance_uid = uid(functional_portal, FINANCE)
    meeting = gs.post("/meetings", json=MEETING)
    assert meeting.status_code == 201, meeting.text
    meeting_path = path_of(meeting)
    missing = gs.post(
        meeting_path,
        json={"@type": "AgendaItem", "title": "Χωρίς μονάδα", "item_number": 1},
    )
    assert missing.status_code == 400
    assert "rapporteur_unit" in missing.text
    item = gs.post(
        meeting_path,
        json={
            "@type": "AgendaItem",
            "title": "Προϋπολογισμός",
            "item_number": 1,
            "rapporteur_unit": finance_uid,
            "preparation_deadline": "2026-12-03",
        },
    )
    assert item.status_code == 201, item.text
    decision = gs.post(
        path_of(item),
        json={
            "@type": "Decision",
            "title": "Έγκριση",
            "text": {"data": "<p>Εγκρίνεται.</p>", "content-type": "text/html"},
            "responsible_units": [finance_uid],
            "follow_up_deadline": "2027-01-31",
        },
    )
    assert decision.status_code == 201, decision.text
    decision_path = path_of(decision)
    assert gs.post(f"{decision_path}/@workflow/record").status_code == 200
    data = gs.get(decision_path).json()
    assert data["decision_number"] == "1/2026"
    assert data["implementation_status"]["token"] == "pending"

    note = finance.post(
        decision_path, json={"@type": "ProgressNote", "text": "Ξεκίνησε η υλοποίηση."}
    )
    assert note.status_code == 201, note.text
    refused = other.post(
        decision_path, json={"@type": "ProgressNote", "text": "Δεν είμαι υπεύθυνος."}
    )
    assert refused.status_code in (401, 403)
    # A unit cannot close its own item, not even by PATCH.
    finance.patch(decision_path, json={"implementation_status": "implemented"})
    assert (
        gs.get(decision_path).json()["implementation_status"]["token"] == "in_progress"
    )
    closed = gs.patch(decision_path, json={"implementation_status": "implemented"})
    assert closed.status_code == 204, closed.text
    transaction.begin()
    obj = api.content.get(path=decision_path)
    assert [entry["to"] for entry in history(obj)] == ["in_progress", "implemented"]
    # Anonymous visitors see nothing of it while the meeting is internal.
    anonymous = RelativeSession(f"{functional_portal.absolute_url()}/++api++")
    anonymous.headers.update({"Accept": "application/json"})
    assert anonymous.get(decision_path).status_code in (401, 403)
    found = anonymous.get("/@search", params={"portal_type": "Decision"}).json()
    assert decision_path not in str(found)
