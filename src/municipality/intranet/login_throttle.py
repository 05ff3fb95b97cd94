"""Login throttling: too many failed passwords lock a login and an address.

A PAS authentication plugin wraps the site's user source (``source_users``),
which stops authenticating on its own: every password check (the login form,
HTTP basic auth, the REST ``@login``) goes through the throttle. After
MAX_PER_LOGIN failures for one login name, or MAX_PER_ADDRESS failures from
one client address, within WINDOW, further attempts are refused without
checking the password, with a message saying when to try again.

Failures are counted in the memory of each Zope process: a password
guesser cannot fill the database, and a restart clears the counts. With
several instances each counts on its own (the limits then apply per
instance), which the closing note of the trust issue states.
"""

from AccessControl.class_init import InitializeClass
from collections import deque
from municipality.intranet import _
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from Products.statusmessages.interfaces import IStatusMessage
from zope.globalrequest import getRequest
from zope.interface import implementer

import contextlib
import math
import threading
import time


PLUGIN_ID = "login_throttle"
SOURCE = "source_users"
MAX_PER_LOGIN = 5
MAX_PER_ADDRESS = 20
WINDOW = 15 * 60  # seconds

_lock = threading.Lock()
_failures: dict[str, deque] = {}


def _recent(key: str, now: float) -> deque:
    attempts = _failures.setdefault(key, deque())
    while attempts and attempts[0] <= now - WINDOW:
        attempts.popleft()
    return attempts


def _keys(login: str, address: str) -> list[tuple[str, int]]:
    keys = [(f"login:{login.lower()}", MAX_PER_LOGIN)]
    if address:
        keys.append((f"address:{address}", MAX_PER_ADDRESS))
    return keys


def locked_for(login: str, address: str, now: float | None = None) -> int:
    """Seconds until ``login`` from ``address`` may try again (0: now)."""
    now = time.time() if now is None else now
    wait = 0
    with _lock:
        for key, limit in _keys(login, address):
            attempts = _recent(key, now)
            if len(attempts) >= limit:
                wait = max(wait, math.ceil(attempts[0] + WINDOW - now))
    return wait


def record_failure(login: str, address: str, now: float | None = None) -> None:
    now = time.time() if now is None else now
    with _lock:
        for key, _limit in _keys(login, address):
            _recent(key, now).append(now)


def forget(login: str) -> None:
    """A successful login clears its own count (not its address's)."""
    with _lock:
        _failures.pop(f"login:{login.lower()}", None)


def reset() -> None:
    with _lock:
        _failures.clear()


def client_address(request) -> str:
    if request is None:
        return ""
    try:
        return request.getClientAddr() or ""
    except AttributeError:
        return ""


@implementer(IAuthenticationPlugin)
class LoginThrottle(BasePlugin):
    """Checks passwords through ``source_users``, unless the login is locked."""

    meta_type = "Municipality login throttle"

    def __init__(self, id=PLUGIN_ID, title="Login throttle"):
        self._setId(id)
        self.title = title

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        password = credentials.get("password")
        if not login or password is None:
            return None
        source = getattr(self._getPAS(), SOURCE, None)
        if source is None:
            return None
        request = getRequest()
        address = client_address(request)
        wait = locked_for(login, address)
        if wait:
            tell_to_wait(request, wait)
            return None
        result = source.authenticateCredentials(credentials)
        if result is None:
            record_failure(login, address)
            wait = locked_for(login, address)
            if wait:
                tell_to_wait(request, wait)
        else:
            forget(login)
        return result


InitializeClass(LoginThrottle)


def tell_to_wait(request, seconds: int) -> None:
    if request is None:
        return
    minutes = max(1, math.ceil(seconds / 60))
    request.response.setHeader("Retry-After", str(seconds))
    # A request that is not a browser's cannot carry status messages.
    with contextlib.suppress(TypeError):
        IStatusMessage(request).add(
            _(
                "Too many failed sign-in attempts. For your security, try again "
                "in ${minutes} minutes.",
                mapping={"minutes": minutes},
            ),
            "error",
        )


def install(site) -> None:
    """Put the throttle in front of the user source (idempotent)."""
    pas = site.acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, LoginThrottle())
    plugins = pas.plugins
    active = plugins.listPluginIds(IAuthenticationPlugin)
    if PLUGIN_ID not in active:
        plugins.activatePlugin(IAuthenticationPlugin, PLUGIN_ID)
    if SOURCE in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.deactivatePlugin(IAuthenticationPlugin, SOURCE)


def uninstall(site) -> None:
    pas = site.acl_users
    plugins = pas.plugins
    if SOURCE not in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.activatePlugin(IAuthenticationPlugin, SOURCE)
    if PLUGIN_ID in pas.objectIds():
        if PLUGIN_ID in plugins.listPluginIds(IAuthenticationPlugin):
            plugins.deactivatePlugin(IAuthenticationPlugin, PLUGIN_ID)
        pas._delObject(PLUGIN_ID)
