"""Protocol events over the REST API: created by the Private Office, checked."""

from municipality.intranet.content.protocol_event import IProtocolEvent
from plone.restapi.testing import RelativeSession
from protocol_helpers import create_users
from protocol_helpers import PASSWORD
from protocol_helpers import SECRETARY
from protocol_helpers import uid
from zope.i18n import translate

import pytest
import transaction


pytestmark = pytest.mark.dated


@pytest.fixture
def sessions(functional_portal):
    create_users(functional_portal)
    transaction.commit()
    url = functional_portal.absolute_url()

    def session(user=None):
        s = RelativeSession(f"{url}/++api++")
        s.headers.update({"Accept": "application/json"})
        if user:
            s.auth = (user, PASSWORD)
        return s

    return session


EVENT = {
    "@type": "ProtocolEvent",
    "title": "Εγκαίνια βιβλιοθήκης",
    "protocol_kind": "opening",
    "start": "2026-12-12T09:00:00+00:00",
    "end": "2026-12-12T10:30:00+00:00",
    "location": "Δημοτική Βιβλιοθήκη",
    "organiser": "Διεύθυνση Πολιτισμού",
    "guests_of_honour": ["Ελένη Ρήγα – Βουλευτής"],
    "protocol_notes": "Ομιλία 5 λεπτών, κορδέλα και ψαλίδι στο τραπέζι.",
}


def path_of(response) -> str:
    return "/" + response.json()["@id"].split("/plone/", 1)[1]


def test_the_private_office_creates_and_publishes(sessions, functional_portal):
    office = sessions("office_editor")
    created = office.post(
        "/protocol",
        json={
            **EVENT,
            "mayor_attends": False,
            "represented_by": uid(functional_portal, SECRETARY),
        },
    )
    assert created.status_code == 201, created.text
    path = path_of(created)
    assert created.json()["review_state"] == "draft"
    assert sessions().get(path).status_code in (401, 404)
    assert sessions("staff").get(path).status_code in (401, 403)
    published = office.post(f"{path}/@workflow/publish")
    assert published.status_code == 200, published.text
    public = sessions().get(path).json()
    assert public["title"] == "Εγκαίνια βιβλιοθήκης"
    assert public["mayor_attends"] is False
    assert public["represented_by"]["token"] == uid(functional_portal, SECRETARY)
    assert "protocol_notes" not in public
    staff = sessions("staff").get(path).json()
    assert staff["protocol_notes"].startswith("Ομιλία")


def test_other_staff_cannot_create(sessions):
    response = sessions("technical_member").post("/protocol", json=EVENT)
    assert response.status_code in (401, 403)
    assert sessions().post("/protocol", json=EVENT).status_code == 401


@pytest.mark.parametrize(
    "change,field",
    [
        ({"protocol_kind": "party"}, "protocol_kind"),
        ({"protocol_kind": None}, "protocol_kind"),
        ({"represented_by": "no-such-person"}, "represented_by"),
        ({"guests_of_honour": {"name": "X"}}, "guests_of_honour"),
        ({"organiser": "x" * 301}, "organiser"),
        ({"start": "the day after tomorrow"}, "start"),
    ],
)
def test_bad_input_is_refused_naming_the_field(sessions, change, field):
    office = sessions("office_editor")
    response = office.post("/protocol", json={**EVENT, **change})
    assert response.status_code == 400, response.text
    assert field in response.text
    assert office.get("/protocol/egkainia-vivliothikis").status_code == 404


def test_absent_mayor_needs_a_representative(sessions):
    office = sessions("office_editor")
    response = office.post("/protocol", json={**EVENT, "mayor_attends": False})
    assert response.status_code == 400, response.text
    label = translate(IProtocolEvent["represented_by"].title, target_language="el")
    assert label in response.json()["message"]
    assert office.get("/protocol/egkainia-vivliothikis").status_code == 404


def test_end_before_start_is_refused(sessions):
    response = sessions("office_editor").post(
        "/protocol", json={**EVENT, "end": "2026-12-12T08:00:00+00:00"}
    )
    assert response.status_code == 400, response.text
