"""Staff list (overdue first), CSV without personal data, statistics, retention."""

from datetime import date
from datetime import timedelta
from municipality.intranet.request_retention import anonymise_expired
from plone import api
from request_helpers import FINANCE
from request_helpers import PASSWORD
from request_helpers import TECHNICAL

import csv
import io
import pytest
import requests
import transaction


pytestmark = pytest.mark.dated


def make(portal, rid, unit=None, deadline=None, steps=(), **fields):
    values = {
        "request_kind": "complaint",
        "subject_area": "general",
        "text": f"Περιγραφή {rid} ΠΡΟΣΩΠΙΚΟ-{rid}",
        "citizen_name": f"Πολίτης {rid}",
        "citizen_email": f"{rid}@example.org",
        "answer": "Απαντήθηκε.",
    }
    values.update(fields)
    with api.env.adopt_roles(["Manager"]):
        request = api.content.create(
            container=portal["requests"], type="CitizenRequest", id=rid, **values
        )
    if unit:
        request.assigned_unit = portal.unrestrictedTraverse(unit).UID()
    if deadline:
        request.deadline = deadline
    request.reindexObject()
    request.reindexObjectSecurity()
    with api.env.adopt_user(username="gs_officer"):
        for name in steps:
            api.content.transition(obj=request, transition=name)
    return request


@pytest.fixture
def batch(office):
    today = date.today()
    late = make(office, "late", TECHNICAL, today - timedelta(days=3), ["assign"])
    soon = make(office, "soon", TECHNICAL, today + timedelta(days=9), ["assign"])
    finance = make(office, "fin", FINANCE, today + timedelta(days=2), ["assign"])
    done = make(office, "done", TECHNICAL, today + timedelta(days=5), ["answer"])
    late_answer = make(
        office,
        "slow",
        TECHNICAL,
        today - timedelta(days=1),
        ["answer"],
        request_kind="request",
    )
    late_answer.answered_on = today
    late_answer.reindexObject()
    transaction.commit()
    return {
        "late": late,
        "soon": soon,
        "fin": finance,
        "done": done,
        "slow": late_answer,
    }


def get(url, user, **kwargs):
    return requests.get(url, auth=(user, PASSWORD), timeout=30, **kwargs)


def test_list_overdue_first_and_per_unit(office, batch):
    url = f"{office.absolute_url()}/requests"
    text = get(url, "office_member").text
    codes = [batch[k].tracking_code for k in ("late", "fin", "soon")]
    positions = [text.index(code) for code in codes]
    assert positions == sorted(positions)  # overdue, then by deadline
    assert "table-danger" in text.split(codes[0])[0].rsplit("<tr", 1)[-1]
    assert batch["done"].tracking_code not in text  # open ones by default
    # A unit sees its own requests only.
    technical = get(url, "technical_member", params={"status": "all"}).text
    assert batch["late"].tracking_code in technical
    assert batch["fin"].tracking_code not in technical
    for personal in ("Πολίτης", "ΠΡΟΣΩΠΙΚΟ", "@example.org"):
        assert personal not in text


def test_csv_has_no_personal_data(office, batch):
    response = get(
        f"{office.absolute_url()}/requests/@@requests.csv",
        "gs_officer",
        params={"status": "all"},
    )
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    codes = {row[0] for row in rows[1:]}
    assert {r.tracking_code for r in batch.values()} <= codes
    for personal in ("Πολίτης", "ΠΡΟΣΩΠΙΚΟ", "@example.org"):
        assert personal not in body
    slow = next(row for row in rows if row[0] == batch["slow"].tracking_code)
    done = next(row for row in rows if row[0] == batch["done"].tracking_code)
    assert slow[-1] != done[-1]  # one answered late, one in time


def test_statistics(office, batch):
    page = get(f"{office.absolute_url()}/requests/@@request-statistics", "gs_officer")
    assert page.status_code == 200
    kinds = page.text.split("statistics-kind", 1)[1].split("</table>", 1)[0]
    # Complaints: 4, one answered, in time → 100 %; requests: 1 answered late → 0 %.
    assert ">4<" in kinds
    assert "100%" in kinds
    assert ">0%<" in kinds or "0%" in kinds


def test_visitors_and_other_staff_are_refused(office, batch):
    url = f"{office.absolute_url()}/requests"
    anonymous = requests.get(url, timeout=30, allow_redirects=False)
    assert anonymous.status_code in (302, 401, 403)
    for path in ("", "/@@requests.csv", f"/{batch['late'].getId()}"):
        response = requests.get(url + path, timeout=30, allow_redirects=False)
        assert response.status_code in (302, 401, 403, 404), path
        assert "ΠΡΟΣΩΠΙΚΟ" not in response.text
    rest = requests.get(
        f"{office.absolute_url()}/++api++/@search",
        params={"portal_type": "CitizenRequest"},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert rest.json()["items_total"] == 0
    search = requests.get(
        f"{office.absolute_url()}/@@search",
        params={"SearchableText": "ΠΡΟΣΩΠΙΚΟ*"},
        timeout=30,
    )
    assert "ΠΡΟΣΩΠΙΚΟ-late" not in search.text


def test_personal_data_is_removed_after_retention(office, batch):
    api.portal.set_registry_record("municipality.intranet.request_retention_days", 30)
    done = batch["done"]
    with api.env.adopt_user(username="gs_officer"):
        api.content.transition(obj=done, transition="close")
    # Closed today: kept.
    assert anonymise_expired(date.today()) == 0
    assert done.citizen_name
    # Forty days on: gone, except what the statistics need.
    assert anonymise_expired(date.today() + timedelta(days=40)) == 1
    assert done.citizen_name is None
    assert done.citizen_email is None
    assert "ΠΡΟΣΩΠΙΚΟ" not in done.text
    assert done.request_kind == "complaint"
    assert done.deadline
    assert done.answered_on
    assert done.anonymised_on == date.today() + timedelta(days=40)
    # Open requests are never touched; a second run changes nothing.
    assert batch["late"].citizen_name == "Πολίτης late"
    assert anonymise_expired(date.today() + timedelta(days=41)) == 0


def test_the_cron_endpoint(office, batch):
    url = f"{office.absolute_url()}/@@anonymise-requests"
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="admin3", email="a3@example.org", password=PASSWORD)
        api.user.grant_roles(username="admin3", roles=["Manager"])
    transaction.commit()
    assert requests.post(url, auth=("admin3", PASSWORD), timeout=30).status_code == 400
    done = requests.post(
        url, auth=("admin3", PASSWORD), headers={"X-Requested-By": "cron"}, timeout=30
    )
    assert done.status_code == 200
    assert "0" in done.text
    refused = requests.post(
        url,
        auth=("office_member", PASSWORD),
        headers={"X-Requested-By": "cron"},
        timeout=30,
        allow_redirects=False,
    )
    assert refused.status_code in (302, 401, 403)
