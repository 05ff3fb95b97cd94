"""The status page: the status and the answer for the right code and e-mail only."""

from plone import api

import pytest
import re
import requests
import transaction


pytestmark = pytest.mark.dated


@pytest.fixture
def answered(office):
    with api.env.adopt_roles(["Manager"]):
        request = api.content.create(
            container=office["requests"],
            type="CitizenRequest",
            id="answered",
            request_kind="request",
            subject_area="general",
            text="Ζητώ αντίγραφο της απόφασης ΙΔΙΩΤΙΚΟ-Π.",
            citizen_name="Ελένη Κρυφή",
            citizen_email="Eleni@Example.org",
            citizen_phone="2101234567",
            answer="Σας στείλαμε το αντίγραφο ΔΗΜΟΣΙΑ-ΑΠΑΝΤΗΣΗ.",
        )
        api.content.transition(obj=request, transition="answer")
        pending = api.content.create(
            container=office["requests"],
            type="CitizenRequest",
            id="pending",
            request_kind="complaint",
            subject_area="general",
            text="Θόρυβος",
            citizen_name="Άλλος",
            citizen_email="other@example.org",
            answer="Πρόχειρη απάντηση ΟΧΙ-ΑΚΟΜΑ.",
        )
    transaction.commit()
    return request, pending


def look_up(portal, code, email):
    return requests.post(
        f"{portal.absolute_url()}/@@request-status",
        data={"code": code, "email": email},
        timeout=30,
    )


def test_right_code_and_email_show_status_and_answer_only(office, answered):
    request, _pending = answered
    page = look_up(
        office, request.tracking_code.lower().replace("-", " "), "eleni@example.org "
    )
    assert page.status_code == 200
    assert "ΔΗΜΟΣΙΑ-ΑΠΑΝΤΗΣΗ" in page.text
    assert request.tracking_code in page.text
    for personal in ("Κρυφή", "ΙΔΙΩΤΙΚΟ-Π", "2101234567", "Eleni@Example.org"):
        assert personal not in page.text
    assert "no-store" in page.headers["Cache-Control"]


def test_an_unanswered_request_shows_no_draft_answer(office, answered):
    _request, pending = answered
    page = look_up(office, pending.tracking_code, "other@example.org")
    assert pending.tracking_code in page.text
    assert "ΟΧΙ-ΑΚΟΜΑ" not in page.text


def test_wrong_code_or_email_get_the_same_answer(office, answered):
    request, pending = answered
    wrong_email = look_up(office, request.tracking_code, "other@example.org")
    wrong_code = look_up(office, "REQ-2026-000001", "eleni@example.org")
    other_code = look_up(office, pending.tracking_code, "eleni@example.org")
    alerts = set()
    for page in (wrong_email, wrong_code, other_code):
        assert page.status_code == 200
        assert "request-status-result" not in page.text
        assert "ΔΗΜΟΣΙΑ-ΑΠΑΝΤΗΣΗ" not in page.text
        alert = re.search(
            r'class="alert alert-warning"[^>]*>(.*?)</div>', page.text, re.S
        )
        alerts.add(alert.group(1).strip())
    assert len(alerts) == 1  # nothing tells which of the two was wrong


def test_look_ups_are_limited(office, answered):
    api.portal.set_registry_record("municipality.intranet.request_rate_limit", 3)
    transaction.commit()
    request, _pending = answered
    statuses = [
        look_up(office, "REQ-2026-000002", "x@example.org").status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    # Even the right code is refused now: no trying codes one after another.
    refused = look_up(office, request.tracking_code, "eleni@example.org")
    assert refused.status_code == 429
    assert "ΔΗΜΟΣΙΑ-ΑΠΑΝΤΗΣΗ" not in refused.text


def test_the_page_is_public_and_labelled(office):
    page = requests.get(f"{office.absolute_url()}/@@request-status", timeout=30)
    assert page.status_code == 200
    assert 'for="status-code"' in page.text
    assert 'for="status-email"' in page.text
