"""Circulars over REST: create, transitions through @workflow, errors as 400."""

from circular_helpers import create_users
from circular_helpers import PASSWORD
from circular_helpers import TECHNICAL
from plone.restapi.testing import RelativeSession

import pytest
import transaction


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


CIRCULAR = {
    "@type": "Circular",
    "title": "Παράδοση εισηγήσεων",
    "body": {"data": "<p>Έως την Πέμπτη.</p>", "content-type": "text/html"},
    "issuing_authority": "general-secretary",
    "audience": "staff",
    "all_units": True,
}


def test_draft_submit_issue_withdraw(sessions):
    editor, reviewer = sessions("technical_editor"), sessions("reviewer")
    created = editor.post(f"/{TECHNICAL}", json=CIRCULAR)
    assert created.status_code == 201, created.text
    path = "/" + created.json()["@id"].split("/plone/", 1)[1]
    assert created.json()["protocol_number"] is None
    assert created.json()["review_state"] == "draft"

    assert editor.post(f"{path}/@workflow/submit").status_code == 200
    assert editor.post(f"{path}/@workflow/issue").status_code in (400, 401, 403)
    issued = reviewer.post(f"{path}/@workflow/issue")
    assert issued.status_code == 200, issued.text
    data = reviewer.get(path).json()
    assert data["review_state"] == "issued"
    assert data["protocol_number"]

    refused = reviewer.post(f"{path}/@workflow/withdraw", json={})
    assert refused.status_code == 400
    assert reviewer.get(path).json()["review_state"] == "issued"
    withdrawn = reviewer.post(
        f"{path}/@workflow/withdraw", json={"comment": "Λάθος έκδοση"}
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert reviewer.get(path).json()["withdrawal_reason"] == "Λάθος έκδοση"


def test_number_cannot_be_set_by_client(sessions):
    editor = sessions("technical_editor")
    created = editor.post(
        f"/{TECHNICAL}", json={**CIRCULAR, "protocol_number": "2026/9999"}
    )
    assert created.status_code == 201
    assert created.json()["protocol_number"] is None


def test_bad_values_answer_400(sessions):
    editor = sessions("technical_editor")
    response = editor.post(f"/{TECHNICAL}", json={**CIRCULAR, "audience": "everyone"})
    assert response.status_code == 400
    assert "audience" in response.json()["message"]
