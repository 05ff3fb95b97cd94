"""The pages over HTTP: the section's lists, a request and its steps, the
authorisation, the unit's absence calendar, the CSV and the add form."""

from datetime import timedelta
from lxml import html as lxml_html
from mail_inbox import start_inbox
from municipality.intranet import _
from plone import api
from staff_helpers import approve
from staff_helpers import create_users
from staff_helpers import FINANCE
from staff_helpers import make_leave
from staff_helpers import make_travel
from staff_helpers import next_monday
from staff_helpers import PASSWORD
from staff_helpers import transition
from staff_helpers import uid
from zope.i18n import translate

import csv
import io
import pytest
import requests
import transaction


@pytest.fixture
def site(functional_portal):
    create_users()
    # Mails are read in test_staff_mail.py; here they only need somewhere to go.
    _inbox, controller = start_inbox()
    transaction.commit()
    yield functional_portal
    controller.stop()


def session(user) -> requests.Session:
    browser = requests.Session()
    browser.auth = (user, PASSWORD)
    return browser


def page(response):
    return lxml_html.fromstring(response.text)


def text_of(response) -> str:
    tree = page(response)
    core = tree.xpath("//*[@id='content']")
    return " ".join((core[0] if core else tree).text_content().split())


def section_titles(response) -> list[str]:
    return [
        " ".join(h.text_content().split())
        for h in page(response).xpath("//div[@class='staff-requests']//h2")
    ]


def test_each_sees_what_awaits_them(site):
    submitted = make_travel(site, user="colleague")
    transition(submitted, "colleague", "submit")
    endorsed = make_leave(site)
    transition(endorsed, "employee", "submit")
    transition(endorsed, "head", "endorse")
    transaction.commit()
    url = f"{site.absolute_url()}/staff-requests"

    employee = session("employee").get(url)
    assert employee.status_code == 200
    assert endorsed.absolute_url() in employee.text
    assert submitted.absolute_url() not in employee.text
    assert not page(employee).xpath("//section[@class='staff-requests-approve']")

    head = session("head").get(url)
    endorse = page(head).xpath("//section[@class='staff-requests-endorse']")[0]
    assert endorse.xpath(f".//a[@href='{submitted.absolute_url()}']")
    assert not endorse.xpath(f".//a[@href='{endorsed.absolute_url()}']")

    gs = session("gs_officer").get(url)
    approve_section = page(gs).xpath("//section[@class='staff-requests-approve']")[0]
    assert approve_section.xpath(f".//a[@href='{endorsed.absolute_url()}']")
    assert "@@staff-requests.csv" in gs.text

    other = session("other_unit").get(url)
    assert other.status_code == 200
    assert endorsed.absolute_url() not in other.text
    assert submitted.absolute_url() not in other.text


def test_anonymous_is_sent_to_log_in(site):
    leave = make_leave(site)
    transaction.commit()
    for url in (
        f"{site.absolute_url()}/staff-requests",
        leave.absolute_url(),
        f"{site.unrestrictedTraverse(FINANCE).absolute_url()}/@@absences",
    ):
        response = requests.get(url, allow_redirects=False)
        assert response.status_code in (302, 401), url
        assert "Annual" not in response.text


def post_step(user, obj, name, comment=""):
    browser = session(user)
    form = page(browser.get(obj.absolute_url()))
    token = form.xpath("//input[@name='_authenticator']/@value")
    data = {"transition": name, "comment": comment}
    if token:
        data["_authenticator"] = token[0]
    response = browser.post(f"{obj.absolute_url()}/@@staff-request-action", data=data)
    transaction.begin()  # see what the server committed
    return response


def test_steps_from_the_request_page(site):
    leave = make_leave(site)
    transaction.commit()
    buttons = page(session("employee").get(leave.absolute_url())).xpath(
        "//form[contains(@action, '@@staff-request-action')]//button/@value"
    )
    assert set(buttons) == {"submit", "cancel"}
    post_step("employee", leave, "submit")
    assert api.content.get_state(leave) == "submitted"
    # Without a reason a rejection is refused, with a message.
    response = post_step("head", leave, "reject")
    assert api.content.get_state(leave) == "submitted"
    message = translate(
        _("Give the reason why the request is not approved."), target_language="el"
    )
    assert message in " ".join(page(response).text_content().split())
    # A step the user may not take is refused too.
    post_step("employee", leave, "endorse")
    assert api.content.get_state(leave) == "submitted"
    post_step("head", leave, "endorse")
    # The head sees the steps so far, with who took them.
    history = page(session("head").get(leave.absolute_url())).xpath(
        "//section[contains(@class, 'staff-request-history')]//tbody/tr"
    )
    assert len(history) == 2
    assert "Head" in history[1].text_content()
    post_step("gs_officer", leave, "approve")
    assert api.content.get_state(leave) == "approved"
    assert leave.authorisation_number


def test_steps_need_the_form_token(site):
    leave = make_leave(site)
    transaction.commit()
    response = session("employee").post(
        f"{leave.absolute_url()}/@@staff-request-action", data={"transition": "submit"}
    )
    assert response.status_code == 403
    transaction.begin()
    assert api.content.get_state(leave) == "draft"


def test_the_head_is_warned_of_a_crowded_unit(site):
    away = make_leave(site, user="colleague")
    approve(away, employee="colleague")
    leave = make_leave(site, start=away.start, end=away.start)
    transition(leave, "employee", "submit")
    transaction.commit()
    response = session("head").get(leave.absolute_url())
    warning = page(response).xpath("//div[contains(@class, 'alert-warning')]")
    assert warning
    # Two of the unit's three staff would be away that day.
    item = " ".join(warning[0].xpath(".//li")[0].text_content().split())
    assert item.startswith(leave.start.strftime("%d.%m.%Y"))
    assert [int(n) for n in item.split() if n.isdigit()] == [2, 3]


def test_the_authorisation_prints_once_approved(site):
    leave = make_leave(site, substitute="colleague")
    transaction.commit()
    url = f"{leave.absolute_url()}/@@authorisation"
    assert session("employee").get(url).status_code == 404
    approve(leave)
    transaction.commit()
    response = session("employee").get(url)
    assert response.status_code == 200
    text = text_of(response)
    assert leave.authorisation_number in text
    assert leave.start.strftime("%d.%m.%Y") in text
    assert "Colleague" in text  # the substitute
    assert "Gs Officer" in text  # who signed
    assert session("colleague").get(url).status_code in (401, 403, 404) or (
        leave.authorisation_number not in session("colleague").get(url).text
    )
    transition(leave, "employee", "cancel")
    transaction.commit()
    cancelled = page(session("employee").get(url))
    assert cancelled.xpath("//div[contains(@class, 'alert-danger')]")


def test_absence_calendar_shows_who_not_why(site):
    start = next_monday()
    leave = make_leave(
        site, leave_kind="sick", reason="Νοσηλεία", start=start, end=start
    )
    approve(leave)
    pending = make_leave(site, user="colleague", start=start + timedelta(days=1))
    transition(pending, "colleague", "submit")
    transaction.commit()
    unit = site.unrestrictedTraverse(FINANCE)
    url = f"{unit.absolute_url()}/@@absences?month={start:%Y-%m}"
    response = session("colleague").get(url)
    assert response.status_code == 200
    tree = page(response)
    rows = {
        " ".join(row.xpath("./th")[0].text_content().split()): row
        for row in tree.xpath(
            "//table[contains(@class,'unit-absences-table')]/tbody/tr"
        )
    }
    assert {"Employee", "Colleague", "Head"} <= set(rows)
    away_cells = rows["Employee"].xpath("./td[contains(@class, 'away')]")
    assert len(away_cells) == 1
    # The colleague's request is not approved: not away yet.
    assert not rows["Colleague"].xpath("./td[contains(@class, 'away')]")
    text = text_of(response)
    assert "Νοσηλεία" not in text
    assert "Sick" not in text
    assert "ασθένεια" not in text.lower()
    assert session("gs_officer").get(url).status_code == 200
    forbidden = session("other_unit").get(url)
    assert "Employee" not in text_of(forbidden)
    # A malformed month falls back to this month.
    assert session("head").get(f"{url[:-7]}2026-13").status_code == 200


def test_csv_for_hr(site):
    leave = make_leave(site)
    approve(leave)
    travel = make_travel(site, user="colleague", start=leave.start + timedelta(days=7))
    transition(travel, "colleague", "submit")
    transaction.commit()
    url = (
        f"{site.absolute_url()}/staff-requests/@@staff-requests.csv"
        f"?year={leave.start.year}"
    )
    response = session("gs_officer").get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    numbers = {row[0] for row in rows[1:]}
    assert leave.authorisation_number in numbers
    assert any("Βρυξέλλες" in cell for row in rows for cell in row)
    for user in ("employee", "head"):
        refused = session(user).get(url, allow_redirects=False)
        assert refused.status_code in (302, 401, 403), user
        assert leave.authorisation_number not in refused.text


def post_leave_form(site, user, start, end, **fields):
    """The add form as a browser fills it: its hidden fields, then ours."""
    browser = session(user)
    url = f"{site.absolute_url()}/staff-requests/++add++LeaveRequest"
    form = page(browser.get(url)).xpath("//form[@id='form']")[0]
    data = {
        field.name: field.value or ""
        for field in form.xpath(".//input[@type='hidden']")
        if field.name
    }
    data.update(
        {
            "form.widgets.leave_kind:list": "annual",
            "form.widgets.employee_unit:list": uid(site, FINANCE),
            "form.widgets.start": start.isoformat(),
            "form.widgets.end": end.isoformat(),
            "form.buttons.save": "Save",
            **{f"form.widgets.{name}": value for name, value in fields.items()},
        }
    )
    return browser.post(url, data=data)


def test_add_form_refuses_bad_dates_and_stores_nothing(site):
    start = next_monday()
    response = post_leave_form(site, "employee", start, start - timedelta(days=2))
    assert response.status_code == 200
    message = translate(
        _("The last day cannot be before the first day."), target_language="el"
    )
    assert message in " ".join(page(response).text_content().split())
    transaction.begin()
    assert not site["staff-requests"].objectIds()


def test_add_form_saves_a_good_request(site):
    start = next_monday()
    response = post_leave_form(
        site,
        "employee",
        start,
        start + timedelta(days=4),
        **{"substitute:list": "colleague"},
    )
    assert response.status_code == 200
    transaction.begin()
    ids = site["staff-requests"].objectIds()
    assert ids == [f"leave-{start.isoformat()}"]
    leave = site["staff-requests"][ids[0]]
    assert leave.employee == "employee"
    assert leave.working_days == 5
    assert leave.substitute == "colleague"
    assert response.url.startswith(leave.absolute_url())
