"""A visitor finds a unit's phone and e-mail from the home page in two clicks."""


def test_two_clicks_to_a_units_phone_and_email(page, site_url):
    page.goto(site_url)
    page.locator("#portal-globalnav").get_by_role(
        "link", name="Υπηρεσίες και επικοινωνία"
    ).click()
    page.locator(".organisation-chart").get_by_role(
        "link", name="Γενική Γραμματεία", exact=True
    ).click()
    # is_visible() does not wait: the page first (a busy machine is slow).
    page.wait_for_load_state()
    assert page.url == f"{site_url}/units/mayors-office/general-secretariat"
    phone = page.locator("a.unit-phone").first
    assert phone.is_visible()
    assert phone.get_attribute("href").startswith("tel:+30")
    email = page.locator("a.unit-email")
    assert email.get_attribute("href").startswith("mailto:")
    assert page.get_by_role("heading", name="Επικοινωνία").is_visible()


def test_directory_filters_as_you_type(page, site_url):
    page.goto(f"{site_url}/@@contact-directory")
    entries = page.locator("[data-directory-text]")
    total = entries.count()
    assert total > 5
    page.get_by_label("Αναζήτηση μονάδας").fill("οικονομικων υπηρεσιων")
    visible = page.locator("[data-directory-text]:visible")
    assert 0 < visible.count() < total
    assert "Οικονομικών" in visible.first.inner_text()
    assert page.locator("#directory-status").inner_text().startswith("Εμφανίζονται")


def test_vcard_download(page, site_url):
    page.goto(f"{site_url}/units/mayors-office/general-secretariat")
    with page.expect_download() as download:
        page.locator("a.unit-vcard").click()
    assert download.value.suggested_filename == "general-secretariat.vcf"
