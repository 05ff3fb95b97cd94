"""The citizen's request journey in Chromium: form, office, unit, status page."""

from mail_inbox import start_inbox
from municipality.intranet import _
from plone import api
from zope.i18n import translate

import pytest
import re
import time
import transaction


PASSWORD = "a long enough secret"
USERS = {
    "office_member": "private-office-members",
    "technical_member": "technical-services-members",
}
TECHNICAL = "units/mayors-office/general-secretariat/technical-services"
AREAS = [
    "general | | Γενικά θέματα",
    f"roads | {TECHNICAL} | Δρόμοι",
]
CODE = re.compile(r"REQ-\d{4}-\d{6}")
CITIZEN = "Ζωή Πολίτου"
EMAIL = "zoi@example.org"
MESSAGE = "Ο φωτισμός στην πλατεία Ελευθερίας δεν ανάβει ΙΔΙΩΤΙΚΟ-ΜΗΝΥΜΑ."
ANSWER = "Ο φωτισμός επισκευάστηκε στις 20 Νοεμβρίου ΔΗΜΟΣΙΑ-ΑΠΑΝΤΗΣΗ."


def el(msgid: str) -> str:
    """A message as the Greek site shows it, whatever its translation is today."""
    return translate(_(msgid), target_language="el")


@pytest.fixture
def setup(functional_portal):
    from municipality.intranet import rate_limit

    rate_limit.reset()
    for username, group in USERS.items():
        api.user.create(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            properties={"fullname": username.replace("_", " ").title()},
        )
        api.group.add_user(groupname=group, username=username)
    api.portal.set_registry_record("municipality.intranet.subject_areas", AREAS)
    inbox, controller = start_inbox()
    technical = functional_portal.unrestrictedTraverse(TECHNICAL)
    transaction.commit()
    yield {"inbox": inbox, "uid": technical.UID(), "title": technical.Title()}
    controller.stop()
    rate_limit.reset()


def mails_to(inbox, address, text, timeout=10):
    """The mails to ``address`` that contain ``text`` (waiting for them)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [
            m
            for m in inbox.messages
            if m["To"] == address and text in m.get_payload(decode=True).decode()
        ]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def save(page):
    page.locator("[name='form.buttons.save']").click()
    page.wait_for_load_state()
    assert not page.url.endswith("/edit"), page.locator(
        ".invalid-feedback, .alert-danger"
    ).all_inner_texts()


def state(page) -> str:
    """The workflow state the toolbar's state menu shows."""
    label = page.locator("#plone-contentmenu-workflow [class^='label-state-']")
    return label.get_attribute("class").removeprefix("label-state-")


def do_transition(page, url, transition) -> str:
    """Follow the transition's link of the state menu; the state it leads to."""
    page.goto(url)
    link = page.locator(f"#workflow-transition-{transition}")
    assert link.count() == 1, f"no {transition!r} in the state menu of {url}"
    page.goto(link.get_attribute("href"))
    page.wait_for_load_state()
    assert page.url.rsplit("/view", 1)[0] == url
    return state(page)


def row_of(page, site_url, code):
    page.goto(f"{site_url}/requests")
    return page.locator(".requests-table tr.request-row", has_text=code)


def open_from_list(page, site_url, code) -> str:
    row = row_of(page, site_url, code)
    assert row.count() == 1, page.locator(".citizen-requests").inner_text()
    row.get_by_role("link", name=code).click()
    page.wait_for_load_state()
    return page.url.rsplit("/view", 1)[0]


def edit_handling(page, url):
    """Open the edit form on its Handling tab."""
    page.goto(f"{url}/edit")
    page.locator(".autotoc-nav a", has_text=el("Handling")).click()


def test_citizen_request_from_form_to_answer(page, login_as, site_url, setup):
    try:
        journey(page, login_as, site_url, setup)
    except Exception:
        for number, each in enumerate(
            p for c in page.context.browser.contexts for p in c.pages
        ):
            each.screenshot(path=f"/tmp/req{number}.png", full_page=True)
        raise


def journey(page, login_as, site_url, setup):
    # 1. The citizen sends a complaint on a general subject.
    page.goto(f"{site_url}/submit-request")
    page.select_option("[name='form.widgets.kind:list']", "complaint")
    page.select_option("[name='form.widgets.subject_area:list']", label="Γενικά θέματα")
    page.locator("[name='form.widgets.description']").fill(MESSAGE)
    page.locator("[name='form.widgets.name']").fill(CITIZEN)
    page.locator("[name='form.widgets.email']").fill(EMAIL)
    page.locator("[name='form.widgets.consent:list']").check()
    page.wait_for_timeout(4000)  # as a person would: robots are faster
    page.locator("[name='form.widgets.email']").press("Enter")
    page.wait_for_load_state()
    assert page.locator(".request-received").count() == 1, page.locator(
        "#content"
    ).inner_text()
    code = page.locator(".request-code").inner_text().strip()
    assert CODE.fullmatch(code), code
    assert mails_to(setup["inbox"], EMAIL, code), "no acknowledgement mailed"

    # 2. A general subject goes to no unit: the Private Office sees it waiting.
    unit = login_as("technical_member", PASSWORD)
    assert row_of(unit, site_url, code).count() == 0
    office = login_as("office_member", PASSWORD)
    url = open_from_list(office, site_url, code)
    assert state(office) == "received"
    edit_handling(office, url)
    unit_field = office.locator("[name='form.widgets.assigned_unit:list']")
    unit_field.select_option(setup["uid"])
    save(office)
    assert do_transition(office, url, "assign") == "assigned"
    row = row_of(office, site_url, code)
    assert setup["title"] in row.inner_text()

    # 3. The technical services see it now, start and answer.
    assert open_from_list(unit, site_url, code) == url
    assert do_transition(unit, url, "start") == "in_progress"
    edit_handling(unit, url)
    unit.locator("[name='form.widgets.answer']").fill(ANSWER)
    save(unit)
    assert do_transition(unit, url, "answer") == "answered"
    answers = mails_to(setup["inbox"], EMAIL, "ΔΗΜΟΣΙΑ-ΑΠΑΝΤΗΣΗ")
    assert len(answers) == 1, "the answer was not mailed once"

    # 4. The citizen looks it up on the status page, typing code and e-mail.
    page.goto(f"{site_url}/@@request-status")
    page.locator("#status-code").press_sequentially(code)
    page.locator("#status-email").press_sequentially(EMAIL)
    page.locator("#status-email").press("Enter")
    page.wait_for_load_state()
    result = page.locator(".request-status-result")
    assert result.count() == 1, page.locator("#content").inner_text()
    assert code in result.locator("h2").inner_text()
    status = result.locator(".request-public-status").inner_text()
    assert status == el("Answered")
    assert result.locator(".request-answer").inner_text().strip() == ANSWER
    shown = page.locator("#content").inner_text()
    for personal in (CITIZEN, MESSAGE, EMAIL):
        assert personal not in shown
