"""Keyboard only: the contact directory filter is reachable, usable and followed."""


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {id: el.id, tag: el.tagName, text: el.textContent.trim(),
                    href: el.getAttribute('href') || '',
                    outline: style.outlineStyle, shadow: style.boxShadow};
        }"""
    )


def tab_to(page, predicate, limit=80) -> dict:
    for _press in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        if predicate(current):
            return current
    raise AssertionError("not reachable with the Tab key")


def test_directory_filter_by_keyboard(page, site_url):
    page.goto(f"{site_url}/@@contact-directory")
    tab_to(page, lambda el: el["id"] == "directory-filter")
    page.keyboard.type("τεχνικ")
    status = page.locator("#directory-status").inner_text()
    assert status.split()[0].isdigit() or any(c.isdigit() for c in status)
    visible = page.locator("[data-directory-text]:visible")
    assert 0 < visible.count() < page.locator("[data-directory-text]").count()
    # Onwards with Tab: the next unit link is a match, and it shows its focus.
    link = tab_to(
        page,
        lambda el: (
            el["tag"] == "A" and el["href"].rstrip("/").endswith("technical-services")
        ),
    )
    assert link["outline"] != "none" or link["shadow"] != "none"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/").endswith("technical-services")
    assert "Τεχνικών" in page.locator("h1").inner_text()


def test_request_form_by_keyboard(page, site_url):
    """A citizen fills in and sends the request form without a mouse."""
    import re
    import time

    page.goto(f"{site_url}/submit-request")
    served = time.monotonic()
    kind = tab_to(page, lambda el: el["id"] == "form-widgets-kind")
    assert kind["tag"] == "SELECT"
    page.keyboard.press("ArrowDown")  # the next kind: a complaint
    tab_to(page, lambda el: el["id"] == "form-widgets-subject_area")
    page.keyboard.press("ArrowDown")
    tab_to(page, lambda el: el["id"] == "form-widgets-description")
    page.keyboard.type("Σπασμένο παγκάκι στην πλατεία.")
    tab_to(page, lambda el: el["id"] == "form-widgets-name")
    page.keyboard.type("Γιώργος Δοκιμαστής")
    email = tab_to(page, lambda el: el["id"] == "form-widgets-email")
    assert email["outline"] != "none" or email["shadow"] != "none"
    page.keyboard.type("giorgos@example.org")
    tab_to(page, lambda el: el["id"] == "form-widgets-consent-0")
    page.keyboard.press("Space")
    button = tab_to(page, lambda el: el["id"] == "form-buttons-submit")
    assert button["tag"] in ("BUTTON", "INPUT")
    # A person takes a few seconds; the form refuses robots that do not.
    time.sleep(max(0.0, 4 - (time.monotonic() - served)))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"REQ-\d{4}-\d{6}", page.locator(".request-code").inner_text())
