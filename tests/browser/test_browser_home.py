"""A visitor opens a site made by the distribution in a real browser."""

from plone import api

import pytest
import transaction


STAFF = ("epapadopoulou", "a fictional clerk's password")


@pytest.fixture
def staff_member(functional_portal):
    api.user.create(
        username=STAFF[0],
        password=STAFF[1],
        email="e.papadopoulou@example.org",
        properties={"fullname": "Ελένη Παπαδοπούλου"},
    )
    transaction.commit()
    return STAFF


def test_home_page(page, site_url):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "el"
    assert page.title().startswith("Δήμος – Γενική Γραμματεία")
    assert page.locator("#portal-logo").is_visible()
    login = page.get_by_role("link", name="Είσοδος")
    assert login.is_visible()
    assert login.get_attribute("href") == f"{site_url}/login"
    navigation = page.locator("#portal-globalnav")
    for title in ("Υπηρεσίες και επικοινωνία", "Εγκύκλιοι"):
        assert navigation.get_by_text(title).is_visible()
    directory = page.locator("#portal-footer-wrapper").get_by_role(
        "link", name="Κατάλογος επικοινωνίας"
    )
    assert directory.get_attribute("href") == f"{site_url}/@@contact-directory"


def test_login_journey(page, site_url, staff_member):
    page.goto(site_url)
    page.get_by_role("link", name="Είσοδος").click()
    page.get_by_label("Παρωνύμιο").fill(STAFF[0])
    page.get_by_label("Κωδικός", exact=True).fill(STAFF[1])
    page.get_by_label("Κωδικός", exact=True).press("Enter")
    page.wait_for_selector("#personaltools-logout", state="attached")
    assert page.locator("#personaltools-login").count() == 0
    assert (
        "Ελένη Παπαδοπούλου" in page.locator("#plone-toolbar, body").first.inner_text()
    )
