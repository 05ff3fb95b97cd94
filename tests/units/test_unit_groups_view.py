"""Site administrators manage a unit's groups from the unit page."""

from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.testing.zope import Browser

import pytest
import transaction


UNIT = "units/mayors-office/private-office"


@pytest.fixture
def admin_browser(functional_app, functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="siteadmin",
            email="siteadmin@example.org",
            password="admin-secret-1",
        )
        api.user.grant_roles(username="siteadmin", roles=["Site Administrator"])
        api.user.create(
            username="clerk",
            email="clerk@example.org",
            password="clerk-secret-1",
            properties={"fullname": "Δοκιμαστικός Υπάλληλος"},
        )
    transaction.commit()
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic siteadmin:admin-secret-1")
    return browser


def test_link_on_unit_page_for_site_admins(admin_browser, functional_portal):
    admin_browser.open(f"{functional_portal.absolute_url()}/{UNIT}")
    assert "@@unit-groups" in admin_browser.contents


def test_add_and_remove_member(admin_browser, functional_portal):
    url = f"{functional_portal.absolute_url()}/{UNIT}/@@unit-groups"
    admin_browser.open(url)
    form = admin_browser.getForm(action="unit-groups", index=1)  # members
    form.getControl(name="add").value = "clerk"
    form.submit()
    transaction.begin()
    assert "clerk" in [
        u.getId() for u in api.user.get_users(groupname="private-office-members")
    ]
    assert "Δοκιμαστικός Υπάλληλος" in admin_browser.contents

    form = admin_browser.getForm(action="unit-groups", index=1)
    form.getControl(name="remove:list").value = ["clerk"]
    form.submit()
    transaction.begin()
    assert "clerk" not in [
        u.getId() for u in api.user.get_users(groupname="private-office-members")
    ]


def test_unknown_user_reported(admin_browser, functional_portal):
    admin_browser.open(f"{functional_portal.absolute_url()}/{UNIT}/@@unit-groups")
    form = admin_browser.getForm(action="unit-groups", index=0)
    form.getControl(name="add").value = "nobody-here"
    form.submit()
    assert "nobody-here" in admin_browser.contents


def test_staff_may_not_manage_groups(functional_app, functional_portal):
    browser = Browser(functional_app)
    browser.addHeader("Authorization", f"Basic {TEST_USER_NAME}:{TEST_USER_PASSWORD}")
    browser.raiseHttpErrors = False
    browser.open(f"{functional_portal.absolute_url()}/{UNIT}/@@unit-groups")
    assert "remove:list" not in browser.contents
    assert (
        "@@unit-groups" not in browser.contents or browser.headers["status"] != "200 OK"
    )


def test_forged_post_refused(admin_browser, functional_portal):
    from zExceptions import Forbidden

    with pytest.raises(Forbidden):
        admin_browser.post(
            f"{functional_portal.absolute_url()}/{UNIT}/@@unit-groups",
            "group=members&add=clerk",
        )
