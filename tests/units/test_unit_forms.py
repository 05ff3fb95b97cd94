"""Adding a unit through the edit form: translated errors, nothing stored."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

import pytest
import transaction


@pytest.fixture
def browser(functional_app, functional_portal):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", "el")
    browser.open(f"{functional_portal.absolute_url()}/units/mayors-office/++add++Unit")
    return browser


def fill(browser, **values):
    browser.getControl(name="form.widgets.IBasic.title").value = "Διεύθυνση Πολιτισμού"
    browser.getControl(name="form.widgets.kind:list").value = ["directorate"]
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.IContactInfo.{name}").value = value
    browser.getControl(name="form.buttons.save").click()


def test_bad_values_show_greek_errors(browser, functional_portal):
    fill(browser, postal_code="1745", email="culture@", phones="12")
    page = browser.contents
    assert "πέντε ψηφία" in page  # the Greek postal code message
    assert (
        page.count('class="invalid-feedback') >= 3 or page.count("fieldErrorBox") >= 3
    )
    transaction.begin()
    assert "diefthynsi-politismoy" not in functional_portal["units"]["mayors-office"]
    titles = [
        o.Title() for o in functional_portal["units"]["mayors-office"].objectValues()
    ]
    assert "Διεύθυνση Πολιτισμού" not in titles


def test_good_values_create_unit_with_groups(browser, functional_portal):
    fill(
        browser, postal_code="178 21", email="culture@example.org", phones="210 3418000"
    )
    transaction.begin()
    created = [
        o
        for o in functional_portal["units"]["mayors-office"].objectValues()
        if o.Title() == "Διεύθυνση Πολιτισμού"
    ]
    assert len(created) == 1
    unit = created[0]
    assert unit.phones == ["210 3418000"]
    assert api.group.get(groupname=f"{unit.getId()}-editors") is not None
