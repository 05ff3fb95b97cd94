"""Leave requests in Chromium: request, endorsement, approval, printed authorisation.

The site is Greek and its translations grow while we write: the steps are
found by their names and values (``button[value=endorse]``), the texts the
user reads compared with what the site makes of the English message.
"""

from datetime import date
from datetime import timedelta
from municipality.intranet import _
from staff_users import create_users
from staff_users import PASSWORD
from zope.i18n import translate

import pytest
import re
import transaction


pytestmark = pytest.mark.slow

FINANCE = "units/mayors-office/general-secretariat/financial-services"
USERS = {
    "employee": ["financial-services-members"],
    "colleague": ["financial-services-members"],
    "head": ["financial-services-editors"],
    "gs_officer": ["general-secretariat"],
}
NUMBER = re.compile(r"\d{4}/\d{4}")
REASON = "Η υπηρεσία έχει φόρτο εργασίας λόγω του προϋπολογισμού ΛΟΓΟΣ-ΑΠΟΡΡΙΨΗΣ."
ACTION_FORM = "form[action$='@@staff-request-action']"


def el(msgid: str) -> str:
    """A message as the Greek site shows it, whatever its translation is today."""
    return translate(_(msgid), target_language="el")


def free_week(after: date) -> date:
    """The first Monday at least a week ahead whose five days are all working."""
    from municipality.intranet.working_days import working_days_between

    monday = after + timedelta(days=7)
    monday += timedelta(days=(7 - monday.weekday()) % 7)
    while working_days_between(monday, monday + timedelta(days=4)) != 5:
        monday += timedelta(days=7)
    return monday


@pytest.fixture
def setup(functional_portal):
    create_users(USERS)
    finance = functional_portal.unrestrictedTraverse(FINANCE)
    monday = free_week(date.today())
    transaction.commit()
    return {
        "finance_uid": finance.UID(),
        "finance_title": finance.Title(),
        "monday": monday,
        "friday": monday + timedelta(days=4),
    }


def screenshots_on_failure(journey):
    """Every open page as a picture in /tmp when a journey fails."""

    def run(login_as, site_url, setup, chromium):
        try:
            journey(login_as, site_url, setup)
        except Exception:
            pages = [p for c in chromium.contexts for p in c.pages]
            for number, each in enumerate(pages):
                each.screenshot(
                    path=f"/tmp/staff-{journey.__name__}-{number}.png",
                    full_page=True,
                )
            raise

    return run


def open_section(page, site_url):
    """The user menu's "Leave and travel" leads to the section."""
    page.goto(site_url)
    link = page.locator("a#personaltools-staff-requests")
    assert link.count() == 1, "no “Leave and travel” in the user menu"
    page.goto(link.get_attribute("href"))
    page.wait_for_load_state()
    assert page.url.rstrip("/").removesuffix("/view") == f"{site_url}/staff-requests"
    assert page.locator("div.staff-requests").count() == 1


def request_leave(page, site_url, setup) -> str:
    """The employee fills the add form and saves a draft; its address."""
    open_section(page, site_url)
    page.locator("div.staff-requests a[href$='/++add++LeaveRequest']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/staff-requests/++add++LeaveRequest")
    page.select_option("#form-widgets-leave_kind", "annual")
    # The only unit of the employee comes preselected.
    unit = page.locator("#form-widgets-employee_unit")
    assert unit.input_value() == setup["finance_uid"]
    for field, day in (("start", setup["monday"]), ("end", setup["friday"])):
        widget = page.locator(f"#form-widgets-{field}")
        assert widget.get_attribute("type") == "date"
        widget.fill(day.isoformat())
    # Colleagues of the unit stand in; the employee is not one of them.
    substitute = page.locator("#form-widgets-substitute")
    offered = substitute.locator("option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert "colleague" in offered
    assert "head" in offered
    assert "employee" not in offered
    substitute.select_option("colleague")
    page.locator("[name='form.buttons.save']").click()
    page.wait_for_load_state()
    assert "++add++" not in page.url, page.locator(
        ".invalid-feedback, .alert-danger, .portalMessage"
    ).all_inner_texts()
    url = page.url.rsplit("/view", 1)[0]
    assert url == f"{site_url}/staff-requests/leave-{setup['monday'].isoformat()}"
    assert status(page) == el("Draft")
    details = page.locator(".staff-request-details").inner_text()
    assert setup["monday"].strftime("%d.%m.%Y") in details
    assert setup["friday"].strftime("%d.%m.%Y") in details
    assert "Colleague" in details
    assert setup["finance_title"] in details
    return url


def status(page) -> str:
    return page.locator(".staff-request-status strong").inner_text().strip()


def take_step(page, step: str):
    """Press the step's button on the request page and wait for the result."""
    button = page.locator(f"{ACTION_FORM} button[value={step}]")
    assert button.count() == 1, (
        f"no {step!r} step: {page.locator(ACTION_FORM).all_inner_texts()}"
    )
    with page.expect_navigation():
        button.click()
    page.wait_for_load_state()


def open_from_list(page, site_url, section: str, url: str):
    """Open the request from one list of the section's page."""
    page.goto(f"{site_url}/staff-requests")
    listed = page.locator(f".{section} .staff-requests-table a[href='{url}']")
    assert listed.count() == 1, page.locator("div.staff-requests").inner_text()
    listed.click()
    page.wait_for_load_state()
    assert page.url.rsplit("/view", 1)[0] == url


def submit(page, url):
    page.goto(url)
    take_step(page, "submit")
    assert page.url.rsplit("/view", 1)[0] == url
    assert status(page) == el("Submitted")
    # Nobody endorses their own request.
    assert page.locator(f"{ACTION_FORM} button[value=endorse]").count() == 0


@screenshots_on_failure
def approval_journey(login_as, site_url, setup):
    monday, friday = setup["monday"], setup["friday"]

    # 1. The employee asks for a week of annual leave and submits it.
    employee = login_as("employee", PASSWORD)
    url = request_leave(employee, site_url, setup)
    submit(employee, url)
    employee.goto(f"{site_url}/staff-requests")
    mine = employee.locator(".staff-requests-mine .staff-requests-table tbody tr")
    assert mine.count() == 1
    assert el("Submitted") in mine.inner_text()
    assert employee.locator(".staff-requests-endorse").count() == 0
    assert employee.locator(".staff-requests-approve").count() == 0

    # 2. The head of the unit finds it awaiting endorsement and endorses it.
    head = login_as("head", PASSWORD)
    open_from_list(head, site_url, "staff-requests-endorse", url)
    details = head.locator(".staff-request-details").inner_text()
    assert "Employee" in details
    take_step(head, "endorse")
    assert status(head) == el("Endorsed")
    assert "Head" in head.locator(".staff-request-details").inner_text()
    head.goto(f"{site_url}/staff-requests")
    assert head.locator(".staff-requests-endorse").count() == 0

    # 3. The General Secretariat approves it: it gets its number.
    gs = login_as("gs_officer", PASSWORD)
    open_from_list(gs, site_url, "staff-requests-approve", url)
    take_step(gs, "approve")
    assert status(gs) == el("Approved")
    gs.goto(f"{site_url}/staff-requests")
    assert gs.locator(".staff-requests-approve .staff-requests-table").count() == 0

    # 4. The employee sees the number and prints the authorisation.
    employee.goto(url)
    assert status(employee) == el("Approved")
    details = employee.locator(".staff-request-details").inner_text()
    number = NUMBER.search(details)
    assert number, details
    number = number.group()
    assert number.startswith(f"{date.today().year}/")
    employee.locator(f"a[href='{url}/@@authorisation']").click()
    employee.wait_for_load_state()
    assert employee.url == f"{url}/@@authorisation"
    heading = employee.get_by_role("heading", level=1).inner_text()
    assert number in heading
    text = employee.locator(".staff-authorisation").inner_text()
    assert number in text
    assert monday.strftime("%d.%m.%Y") in text
    assert friday.strftime("%d.%m.%Y") in text
    days = employee.locator(".staff-authorisation strong", has_text=re.compile("^5$"))
    assert days.count() == 1, text
    assert "Colleague" in text  # the substitute
    assert "Head" in text  # who endorsed
    assert "Gs Officer" in text  # who signs
    print_button = employee.locator(".staff-authorisation button[onclick*='print']")
    assert print_button.is_visible()
    # On paper: the text without the buttons, the site's menus or byline.
    employee.emulate_media(media="print")
    assert not print_button.is_visible()
    for part in ("#portal-globalnav", "#section-byline", "#edit-zone"):
        assert not employee.locator(part).is_visible(), part
    assert employee.locator(".staff-authorisation-signature").is_visible()
    assert employee.get_by_role("heading", level=1).is_visible()
    assert employee.locator(".staff-authorisation", has_text=number).is_visible()
    employee.emulate_media(media="screen")
    assert print_button.is_visible()


@screenshots_on_failure
def rejection_journey(login_as, site_url, setup):
    employee = login_as("employee", PASSWORD)
    url = request_leave(employee, site_url, setup)
    submit(employee, url)

    # The head will not approve it: the reason is required, first by the browser.
    head = login_as("head", PASSWORD)
    open_from_list(head, site_url, "staff-requests-endorse", url)
    form = head.locator(ACTION_FORM, has=head.locator("button[value=reject]"))
    reason = form.locator("textarea[name=comment]")
    assert reason.get_attribute("required") is not None
    label = head.locator(f"label[for='{reason.get_attribute('id')}']")
    assert label.count() == 1
    form.locator("button[value=reject]").click()
    head.wait_for_timeout(500)
    assert reason.evaluate("el => el.validity.valueMissing")
    assert head.url.rsplit("/view", 1)[0] == url
    head.reload()
    assert status(head) == el("Submitted")
    form.locator("textarea[name=comment]").fill(REASON)
    take_step(head, "reject")
    assert status(head) == el("Not approved")

    # The employee reads why; nothing is left to print.
    employee.goto(f"{site_url}/staff-requests")
    mine = employee.locator(".staff-requests-mine .staff-requests-table tbody tr")
    assert el("Not approved") in mine.inner_text()
    employee.goto(url)
    assert status(employee) == el("Not approved")
    assert REASON in employee.locator(".staff-request-details").inner_text()
    assert employee.locator("a[href$='/@@authorisation']").count() == 0
    response = employee.goto(f"{url}/@@authorisation")
    assert response.status == 404
    # Nothing more to do but to ask again.
    employee.goto(url)
    assert employee.locator(f"{ACTION_FORM} button").count() == 0


def test_leave_from_request_to_printed_authorisation(
    login_as, site_url, setup, chromium
):
    approval_journey(login_as, site_url, setup, chromium)


def test_leave_not_approved_with_a_reason(login_as, site_url, setup, chromium):
    rejection_journey(login_as, site_url, setup, chromium)
