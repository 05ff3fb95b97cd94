"""A real headless Chromium (Debian's ``chromium`` package) for browser tests."""

from pathlib import Path

import os
import pytest


CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

# Chromium must not reach for the network: ours has none but the registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run `make system-deps` as root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="el-GR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site_url(functional_portal) -> str:
    """The Greek site the distribution made for the tests, as the server shows it."""
    return functional_portal.absolute_url()


@pytest.fixture
def login_as(chromium, site_url):
    """Open a browser context signed in as a user (closed after the test)."""
    contexts = []

    def login(username: str, password: str):
        context = chromium.new_context(locale="el-GR")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{site_url}/login")
        page.locator("#__ac_name").fill(username)
        page.locator("#__ac_password").fill(password)
        page.locator("#__ac_password").press("Enter")
        page.wait_for_selector("#personaltools-logout", state="attached")
        return page

    yield login
    for context in contexts:
        context.close()
