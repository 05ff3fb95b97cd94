"""Site administrators set the country and the circular number format."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

import pytest
import transaction


def test_listed_in_site_setup(portal, controlpanel_actions):
    assert "municipality-settings" in controlpanel_actions


@pytest.fixture
def browser(functional_app, functional_portal):
    transaction.commit()
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(f"{functional_portal.absolute_url()}/@@municipality-settings")
    return browser


def test_change_number_format(browser):
    control = browser.getControl(name="form.widgets.circular_number_format")
    assert control.value == "{year}/{number:04d}"
    control.value = "Εγκ. {number}/{year}"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    record = "municipality.intranet.circular_number_format"
    assert api.portal.get_registry_record(record) == "Εγκ. {number}/{year}"


@pytest.mark.parametrize("bad", ["{year}", "{number", "{nummer}/{year}"])
def test_bad_number_format_refused(browser, bad):
    browser.getControl(name="form.widgets.circular_number_format").value = bad
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    transaction.begin()
    record = "municipality.intranet.circular_number_format"
    assert api.portal.get_registry_record(record) == "{year}/{number:04d}"


def test_staff_cannot_open_settings(functional_app, functional_portal):
    from plone.app.testing import TEST_USER_NAME
    from plone.app.testing import TEST_USER_PASSWORD

    browser = Browser(functional_app)
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {TEST_USER_NAME}:{TEST_USER_PASSWORD}")
    browser.open(f"{functional_portal.absolute_url()}/@@municipality-settings")
    assert "form.widgets.circular_number_format" not in browser.contents


def test_bodies_that_meet_are_edited_as_lines(browser):
    control = browser.getControl(name="form.widgets.meeting_bodies")
    assert "council | public | Δημοτικό Συμβούλιο" in control.value
    control.value = control.value + "\ntown-planning | public | Επιτροπή Πολεοδομίας"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    from municipality.intranet.meeting_bodies import is_public_body

    assert is_public_body("town-planning")


@pytest.mark.parametrize(
    "bad", ["council | public", "council | open | Συμβούλιο", "Δ Σ | public | Σ"]
)
def test_bad_body_lines_refused(browser, bad):
    control = browser.getControl(name="form.widgets.meeting_bodies")
    before = control.value
    control.value = before + "\n" + bad
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    transaction.begin()
    lines = api.portal.get_registry_record("municipality.intranet.meeting_bodies")
    assert bad not in lines


def test_goal_settings(browser):
    browser.getControl(name="form.widgets.goal_risk_margin").value = "15"
    browser.getControl(name="form.widgets.goal_reporting_dates").value = "06-30\n12-31"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    prefix = "municipality.intranet."
    assert api.portal.get_registry_record(prefix + "goal_risk_margin") == 15
    assert api.portal.get_registry_record(prefix + "goal_reporting_dates") == [
        "06-30",
        "12-31",
    ]


@pytest.mark.parametrize("bad", ["31-12", "12/31", "02-30", "τέλος"])
def test_bad_reporting_dates_refused(browser, bad):
    control = browser.getControl(name="form.widgets.goal_reporting_dates")
    control.value = control.value + "\n" + bad
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    transaction.begin()
    record = "municipality.intranet.goal_reporting_dates"
    assert bad not in api.portal.get_registry_record(record)


@pytest.mark.parametrize("name", ["public_holidays", "holidays_not_observed"])
def test_holiday_settings(browser, name):
    control = browser.getControl(name=f"form.widgets.{name}")
    control.value = "12-06 | Εορτή του πολιούχου\n2030-04-26 | Μεγάλη Παρασκευή"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert api.portal.get_registry_record(f"municipality.intranet.{name}") == [
        "12-06 | Εορτή του πολιούχου",
        "2030-04-26 | Μεγάλη Παρασκευή",
    ]


@pytest.mark.parametrize("name", ["public_holidays", "holidays_not_observed"])
@pytest.mark.parametrize("bad", ["31-02 | λάθος", "2030-13-01 | x", "Πάσχα"])
def test_bad_holiday_lines_refused(browser, name, bad):
    control = browser.getControl(name=f"form.widgets.{name}")
    control.value = bad
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    transaction.begin()
    lines = api.portal.get_registry_record(f"municipality.intranet.{name}") or []
    assert bad not in lines
