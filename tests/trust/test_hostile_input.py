"""Hostile and random input: never a 500, never stored when invalid, never unescaped.

Property-based (hypothesis): the validators over arbitrary text, then the
REST create endpoints of the product's types with malicious strings in every
text field, invalid dates and huge numbers.
"""

from hypothesis import example
from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from municipality.intranet import validators
from municipality.intranet.meeting_bodies import InvalidBodyLine
from municipality.intranet.meeting_bodies import parse_line
from municipality.intranet.text_folding import fold
from plone import api
from zope.schema import ValidationError

import pytest
import requests
import transaction


PASSWORD = "a long enough secret"
NASTY = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE users; --",
    "1 OR 1=1",
    "\x00\x01\x02\x1b[31m",
    "\u202eevil\u202c",
    "Δήμος İstanbul ǅ ß ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "${title} %s %n {{7*7}} <%= 7*7 %>",
    "../../../../etc/passwd",
    "a" * 20000,
    "",
    " ",
]
hostile = st.one_of(st.sampled_from(NASTY), st.text(max_size=300))
FAST = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FAST
@given(hostile)
@example("info@dimos.gr")
@example("+30 210 1234567")
def test_validators_accept_or_explain(portal, value):
    """Every check either accepts or raises its translated ValidationError."""
    for check in (
        validators.check_email,
        validators.check_web_address,
        validators.check_phone,
        lambda v: validators.check_postal_code(v, "GR"),
        lambda v: validators.check_postal_code(v, "TR"),
    ):
        refusal = None
        try:
            assert check(value) is True
        except ValidationError as error:
            refusal = error
        # A refusal carries the message a form shows.
        assert refusal is None or type(refusal).__doc__


@FAST
@given(hostile)
def test_accepted_values_are_sane(portal, value):
    try:
        validators.check_email(value)
    except ValidationError:
        pass
    else:
        assert "@" in value
        assert not any(c in value for c in "<>\x00 ")
    try:
        validators.check_web_address(value)
    except ValidationError:
        pass
    else:
        assert value.startswith(("http://", "https://"))
        assert not any(c in value for c in "<>\"' \x00")


@FAST
@given(hostile)
def test_body_lines_parse_or_refuse(line):
    try:
        parsed = parse_line(line)
    except InvalidBodyLine:
        return
    if parsed is not None:
        body_id, public, title = parsed
        assert body_id.isascii()
        assert title.strip()
        assert isinstance(public, bool)


@FAST
@given(st.text(max_size=300))
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


# ---- REST create endpoints ------------------------------------------------


@pytest.fixture
def rest(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="gs_hostile", email="h@example.org", password=PASSWORD)
        api.group.add_user(groupname="general-secretariat", username="gs_hostile")
        api.user.grant_roles(username="gs_hostile", roles=["Site Administrator"])
    transaction.commit()
    session = requests.Session()
    session.auth = ("gs_hostile", PASSWORD)
    session.headers["Accept"] = "application/json"
    unit = functional_portal.unrestrictedTraverse(
        "units/mayors-office/general-secretariat/technical-services"
    )
    return session, functional_portal.absolute_url(), unit.UID()


def payloads(unit_uid):
    """A valid payload per type: hypothesis then spoils one field at a time."""
    text = {"data": "<p>Κείμενο</p>", "content-type": "text/html"}
    return {
        ("meetings", "Meeting"): {
            "title": "Συνεδρίαση",
            "body": "council",
            "start": "2026-12-10T16:00:00+00:00",
            "end": "2026-12-10T18:00:00+00:00",
            "session_number": 3,
            "location": "Αίθουσα",
            "convened_by": "Πρόεδρος",
        },
        ("instructions", "Instruction"): {
            "title": "Εντολή",
            "given_by": "mayor",
            "given_on": "2026-11-20",
            "text": text,
            "responsible_units": [unit_uid],
            "follow_up_deadline": "2026-12-20",
        },
        ("units/mayors-office/general-secretariat/technical-services", "Circular"): {
            "title": "Εγκύκλιος",
            "body": text,
            "issuing_authority": "mayor",
            "audience": "staff",
            "summary": "Περίληψη",
        },
    }


SPOILERS = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=200),
    st.sampled_from(
        ["2026-13-45", "yesterday", "31/02/2026", 10**30, -1, None, [], {}]
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_rest_create_never_fails_badly(rest, data):
    session, url, unit_uid = rest
    (folder, portal_type), valid = data.draw(
        st.sampled_from(sorted(payloads(unit_uid).items()))
    )
    field = data.draw(st.sampled_from(sorted(valid)))
    value = data.draw(SPOILERS)
    if field in ("body", "text") and isinstance(value, str):
        value = {"data": value, "content-type": "text/html"}
    payload = {"@type": portal_type, **valid, field: value}
    before = session.get(f"{url}/{folder}").json().get("items_total")
    response = session.post(f"{url}/{folder}", json=payload, timeout=60)
    assert response.status_code < 500, response.text[:500]
    after = session.get(f"{url}/{folder}").json().get("items_total")
    if response.status_code == 201:
        assert after == before + 1
        page = session.get(response.json()["@id"], headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert "<script>alert('xss')</script>" not in page.text
        assert "<img src=x onerror=alert(1)>" not in page.text
    else:
        assert response.status_code in (400, 403, 404)
        assert after == before


@pytest.mark.parametrize(
    "field,value",
    [
        ("body", {"token": ["council"]}),
        ("title", ["Συνεδρίαση"]),
        ("session_number", 10**30),
        ("start", "31/02/2026"),
        ("convened_by", {"a": 1}),
    ],
)
def test_wrong_shapes_are_a_400_naming_the_field(rest, field, value):
    session, url, unit_uid = rest
    payload = {"@type": "Meeting", **payloads(unit_uid)[("meetings", "Meeting")]}
    payload[field] = value
    response = session.post(f"{url}/meetings", json=payload)
    assert response.status_code == 400, response.text[:300]
    assert field in response.text


def test_control_characters_are_dropped_not_fatal(rest):
    session, url, unit_uid = rest
    payload = payloads(unit_uid)[("instructions", "Instruction")]
    payload = {
        "@type": "Instruction",
        **payload,
        "title": "Εντολή\x1b[31m με\x00 χαρακτήρες",
        "text": {"data": "<p>Κείμενο\x08 εδώ</p>", "content-type": "text/html"},
    }
    created = session.post(f"{url}/instructions", json=payload)
    assert created.status_code == 201, created.text[:300]
    item = session.get(created.json()["@id"]).json()
    assert item["title"] == "Εντολή[31m με χαρακτήρες"
    assert "\x08" not in item["text"]["data"]


@pytest.fixture
def reporter(rest, functional_portal):
    session, url, unit_uid = rest
    decision = functional_portal.unrestrictedTraverse(
        "meetings/council-2026-11-12/budget-amendment-2026-5/decision-186-2026"
    )
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="reporter", email="r@example.org", password=PASSWORD)
        api.group.add_user(groupname="financial-services-members", username="reporter")
        decision.responsible_units = [
            functional_portal.unrestrictedTraverse(
                "units/mayors-office/general-secretariat/financial-services"
            ).UID()
        ]
        decision.reindexObjectSecurity()
    transaction.commit()
    session = requests.Session()
    session.auth = ("reporter", PASSWORD)
    session.headers["Accept"] = "application/json"
    return session, decision.absolute_url()


def note_with(filename: str, size: int) -> dict:
    import base64

    return {
        "@type": "ProgressNote",
        "text": "Με συνημμένο",
        "attachment": {
            "data": base64.b64encode(b"x" * size).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": "application/octet-stream",
        },
    }


@pytest.mark.parametrize(
    "filename,size,accepted",
    [
        ("prooptiki.pdf", 2000, True),
        ("pinakas.XLSX", 2000, True),
        ("setup.exe", 2000, False),
        ("script.js", 10, False),
        ("xoris-katalixi", 10, False),
        ("megalo.pdf", 2 * 1024 * 1024 + 1, False),
    ],
)
def test_attachment_limits(reporter, filename, size, accepted):
    session, decision_url = reporter
    api.portal.set_registry_record("municipality.intranet.attachment_max_mb", 2)
    transaction.commit()
    before = len(session.get(decision_url).json()["items"])
    response = session.post(decision_url, json=note_with(filename, size))
    after = len(session.get(decision_url).json()["items"])
    if accepted:
        assert response.status_code == 201, response.text[:300]
        assert after == before + 1
    else:
        assert response.status_code == 400, response.text[:300]
        assert "attachment" in response.text
        assert after == before


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_rest_update_never_fails_badly(rest, data):
    session, url, unit_uid = rest
    valid = payloads(unit_uid)[("instructions", "Instruction")]
    existing = session.get(f"{url}/instructions/hostile-target")
    if existing.status_code != 200:
        created = session.post(
            f"{url}/instructions",
            json={"@type": "Instruction", "id": "hostile-target", **valid},
        )
        assert created.status_code == 201, created.text[:300]
    before = session.get(f"{url}/instructions/hostile-target").json()
    field = data.draw(st.sampled_from(sorted(valid)))
    value = data.draw(SPOILERS)
    if field == "text" and isinstance(value, str):
        value = {"data": value, "content-type": "text/html"}
    response = session.patch(
        f"{url}/instructions/hostile-target", json={field: value}, timeout=60
    )
    assert response.status_code < 500, response.text[:500]
    after = session.get(f"{url}/instructions/hostile-target").json()
    if response.status_code != 204:
        assert response.status_code == 400
        assert after[field] == before[field]
    page = session.get(
        f"{url}/instructions/hostile-target", headers={"Accept": "text/html"}
    )
    assert page.status_code == 200
    assert "<script>alert('xss')</script>" not in page.text


@pytest.mark.parametrize(
    "filename,accepted",
    [("eisigisi.pdf", True), ("virus.exe", False), ("macro.vbs", False)],
)
def test_file_uploads_in_circulars_are_limited_too(rest, filename, accepted):
    import base64

    session, url, _unit = rest
    folder = f"{url}/units/mayors-office/general-secretariat/council-agenda-submissions"
    response = session.post(
        folder,
        json={
            "@type": "File",
            "title": filename,
            "file": {
                "data": base64.b64encode(b"%PDF-1.4 test").decode(),
                "encoding": "base64",
                "filename": filename,
                "content-type": "application/octet-stream",
            },
        },
    )
    if accepted:
        assert response.status_code == 201, response.text[:300]
    else:
        assert response.status_code == 400, response.text[:300]
        assert "file" in response.text


def test_attachment_refused_in_the_form_with_a_translated_error(
    functional_app, functional_portal
):
    """The add form shows the reason in Greek and keeps nothing."""
    from plone.testing.zope import Browser

    import io

    decision = functional_portal.unrestrictedTraverse(
        "meetings/council-2026-11-12/budget-amendment-2026-5/decision-186-2026"
    )
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="form_reporter", email="f@example.org", password=PASSWORD
        )
        api.group.add_user(
            groupname="financial-services-members", username="form_reporter"
        )
        decision.responsible_units = [
            functional_portal.unrestrictedTraverse(
                "units/mayors-office/general-secretariat/financial-services"
            ).UID()
        ]
        decision.reindexObjectSecurity()
    transaction.commit()
    before = len(decision.objectIds())
    browser = Browser(functional_app)
    browser.addHeader("Authorization", f"Basic form_reporter:{PASSWORD}")
    browser.open(f"{decision.absolute_url()}/++add++ProgressNote")
    browser.getControl(name="form.widgets.text").value = "Με εκτελέσιμο"
    browser.getControl(name="form.widgets.attachment").add_file(
        io.BytesIO(b"MZ\x90\x00"), "application/octet-stream", "setup.exe"
    )
    browser.getControl(name="form.buttons.save").click()
    assert "προγράμματα και σενάρια δεν γίνονται δεκτά" in browser.contents
    transaction.begin()
    assert len(decision.objectIds()) == before
