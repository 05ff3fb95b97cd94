"""The public form: a valid message becomes a request; bad input, nothing."""

from municipality.intranet.request_form import form_token
from plone import api
from request_helpers import submission
from request_helpers import submit
from request_helpers import TECHNICAL
from request_helpers import wait_for

import re
import time
import transaction


CODE = re.compile(r"REQ-\d{4}-\d{6}")


def aged():
    return form_token(time.time() - 30)


def stored(portal):
    transaction.begin()
    return {
        obj.tracking_code: obj
        for obj in portal["requests"].objectValues()
        if obj.portal_type == "CitizenRequest"
    }


def test_a_complaint_becomes_a_routed_request(office, inbox):
    url = f"{office.absolute_url()}/submit-request"
    page = submit(url, submission(), aged=aged())
    assert page.status_code == 200
    code = CODE.search(page.text).group(0)
    found = stored(office)
    assert set(found) == {code}
    request = found[code]
    assert request.citizen_name == "Μαρία Παπαδοπούλου"
    assert request.request_kind == "complaint"
    # The roads go straight to the technical services.
    assert request.assigned_unit == office.unrestrictedTraverse(TECHNICAL).UID()
    assert api.content.get_state(request) == "assigned"
    assert request.deadline > request.received_on.date()
    wait_for(inbox, 1)
    assert len(inbox.messages) == 1
    mail = inbox.messages[0]
    assert mail["To"] == "maria@example.org"
    assert code in mail.get_payload(decode=True).decode()


def test_the_form_is_public_and_labelled(office):
    import requests

    page = requests.get(f"{office.absolute_url()}/submit-request", timeout=30)
    assert page.status_code == 200
    for name in ("kind", "subject_area", "description", "name", "email", "consent"):
        assert f'name="form.widgets.{name}' in page.text, name
    assert "Δρόμοι και πεζοδρόμια" in page.text


def test_bad_input_is_refused_and_nothing_is_stored(office):
    url = f"{office.absolute_url()}/submit-request"
    cases = {
        "no consent": submission(**{"form.widgets.consent:list": None}),
        "bad e-mail": submission(**{"form.widgets.email": "maria@"}),
        "no way to answer": submission(**{"form.widgets.email": ""}),
        "no message": submission(**{"form.widgets.description": ""}),
        "robot filled the trap": submission(**{"form.widgets.website": "http://x"}),
        "unknown subject": submission(**{"form.widgets.subject_area:list": "mars"}),
    }
    for case, data in cases.items():
        page = submit(url, data, aged=aged())
        assert page.status_code == 200, case
        assert not CODE.search(page.text), case
        assert "invalid-feedback" in page.text or "alert" in page.text, case
    # Sent too fast after the form was served, or with a forged stamp.
    for stamp in (form_token(), "1700000000.0000", "junk"):
        page = submit(url, submission(), aged=stamp)
        assert not CODE.search(page.text), stamp
    assert stored(office) == {}


def test_submissions_are_limited_per_address(office):
    api.portal.set_registry_record("municipality.intranet.request_rate_limit", 2)
    transaction.commit()
    url = f"{office.absolute_url()}/submit-request"
    codes = [CODE.search(submit(url, submission(), aged=aged()).text) for _ in range(3)]
    assert codes[0]
    assert codes[1]
    assert codes[2] is None
    assert len(stored(office)) == 2


def test_simultaneous_submissions_get_distinct_codes(office):
    from concurrent.futures import ThreadPoolExecutor

    url = f"{office.absolute_url()}/submit-request"
    stamp = aged()  # signed here: the threads have no site to sign with

    def send(number: int) -> str | None:
        text = submit(
            url,
            submission(**{"form.widgets.name": f"Πολίτης {number}"}),
            aged=stamp,
        )
        found = CODE.search(text.text)
        return found.group(0) if found else None

    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = list(pool.map(send, range(6)))
    assert None not in codes
    assert len(set(codes)) == 6
    requests_ = stored(office)
    assert set(requests_) == set(codes)
    assert sorted(r.citizen_name for r in requests_.values()) == sorted(
        f"Πολίτης {number}" for number in range(6)
    )
