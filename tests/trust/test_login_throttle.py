"""Repeated wrong passwords lock the login, and the address, for a while."""

from municipality.intranet import login_throttle
from plone import api

import pytest
import requests
import transaction


PASSWORD = "a long enough secret"


@pytest.fixture
def site(functional_portal):
    for name in ("clerk_one", "clerk_two"):
        api.user.create(username=name, email=f"{name}@example.org", password=PASSWORD)
    transaction.commit()
    return functional_portal.absolute_url()


def basic(url, login, password):
    return requests.get(
        f"{url}/@@personal-information", auth=(login, password), allow_redirects=False
    )


def form_login(url, login, password):
    session = requests.Session()
    response = session.post(
        f"{url}/login",
        data={
            "__ac_name": login,
            "__ac_password": password,
            "buttons.login": "1",
            "came_from": url,
        },
        allow_redirects=True,
    )
    return session, response


def signed_in(session, url) -> bool:
    page = session.get(f"{url}/@@personal-information", allow_redirects=False)
    return page.status_code == 200


def test_installed_in_front_of_the_user_source(functional_portal):
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

    active = functional_portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
    assert login_throttle.PLUGIN_ID in active
    assert "source_users" not in active


def test_right_password_works(site):
    session, _page = form_login(site, "clerk_one", PASSWORD)
    assert signed_in(session, site)
    assert basic(site, "clerk_one", PASSWORD).status_code == 200


def test_five_failures_lock_the_login(site):
    for _attempt in range(login_throttle.MAX_PER_LOGIN):
        assert basic(site, "clerk_one", "wrong guess").status_code != 200
    # Now even the right password is refused, with a clear message.
    locked = basic(site, "clerk_one", PASSWORD)
    assert locked.status_code != 200
    session, page = form_login(site, "clerk_one", PASSWORD)
    assert not signed_in(session, site)
    assert "Πάρα πολλές αποτυχημένες" in page.text
    rest = requests.post(
        f"{site}/++api++/@login",
        json={"login": "clerk_one", "password": PASSWORD},
        headers={"Accept": "application/json"},
    )
    assert rest.status_code == 401
    # Another login from elsewhere is not affected by this login's lock...
    assert basic(site, "clerk_two", PASSWORD).status_code == 200


def test_lock_expires(site, monkeypatch):
    for _attempt in range(login_throttle.MAX_PER_LOGIN):
        basic(site, "clerk_one", "wrong guess")
    assert basic(site, "clerk_one", PASSWORD).status_code != 200
    later = login_throttle.time.time() + login_throttle.WINDOW + 1
    monkeypatch.setattr(login_throttle.time, "time", lambda: later)
    assert basic(site, "clerk_one", PASSWORD).status_code == 200


def test_one_address_guessing_many_logins_is_locked(site):
    for number in range(login_throttle.MAX_PER_ADDRESS):
        basic(site, f"nobody{number}", "wrong guess")
    assert basic(site, "clerk_two", PASSWORD).status_code != 200


def test_success_clears_the_login_count():
    login_throttle.record_failure("clerk", "10.0.0.1", now=1000)
    login_throttle.forget("clerk")
    assert login_throttle.locked_for("clerk", "", now=1001) == 0
    for _attempt in range(login_throttle.MAX_PER_LOGIN):
        login_throttle.record_failure("Clerk", "10.0.0.1", now=1000)
    assert 0 < login_throttle.locked_for("clerk", "", now=1001) <= login_throttle.WINDOW


def test_login_cookie_is_http_only_and_same_site(site):
    _session, page = form_login(site, "clerk_one", PASSWORD)
    cookie = next(
        header
        for response in (*page.history, page)
        for name, header in response.raw.headers.items()
        if name.lower() == "set-cookie" and header.startswith("__ac=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP here; SECURE_COOKIES=true adds it
