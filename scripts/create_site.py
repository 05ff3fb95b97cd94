"""Create the Plone site from the ``municipality`` distribution if it is missing.

Run with ``zconsole run instance/etc/zope.conf scripts/create_site.py``
(``make site`` does). Environment:

- ``SITE_ID`` (default ``Plone``), ``SITE_LANGUAGE`` (``el``, ``tr`` or ``en``;
  default ``el``), ``SITE_TITLE`` (default: per language),
  ``SETUP_CONTENT`` (import the demo content, default ``true``),
  ``DEMO_TODAY`` (the day the demo content's dates move to, ``YYYY-MM-DD``;
  default: today; ``2026-11-22`` imports the demo as written);
- ``ADMIN_USER`` (default ``admin``) and ``ADMIN_PASSWORD`` (default
  ``admin``): the Zope manager, created or given this password on every run;
- ``SECURE_COOKIES`` (default off): set on every run; on, the login cookie is
  sent over HTTPS only (turn it on behind an HTTPS proxy, never on plain HTTP,
  where nobody could stay logged in);
- ``CACHE_PROXIES`` (default none): set on every run; the addresses of the
  caching proxies (Varnish) the site purges on every change, separated by
  spaces, e.g. ``http://127.0.0.1:8000``; none, nothing is purged.

An existing site is left as it is: running this again keeps all data.
"""

from AccessControl.SecurityManagement import newSecurityManager
from municipality.intranet.distribution import pre_handler
from plone.cachepurging.interfaces import ICachePurgingSettings
from plone.distribution.api import site as site_api
from plone.registry.interfaces import IRegistry
from Testing.makerequest import makerequest
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import os
import transaction


TRUE = ("1", "true", "yes", "on")


def ensure_admin(app, username: str, password: str):
    """Create the Zope manager, or give it the configured password."""
    users = app.acl_users  # a PluggableAuthService, set up by PlonePAS
    if users.getUserById(username) is None:
        users._doAddUser(username, password, ["Manager"], [])
    else:
        users.users.updateUserPassword(username, password)
        users.roles.assignRoleToPrincipal("Manager", username)
    return users.getUserById(username).__of__(users)


def secure_cookies(site) -> None:
    """The login cookie is always HttpOnly and SameSite=Lax; Secure on request."""
    secure = os.environ.get("SECURE_COOKIES", "").lower() in TRUE
    site.acl_users.session.manage_changeProperties(secure=secure)


def cache_proxies(site) -> None:
    """Tell the site which caching proxies to purge when content changes."""
    proxies = tuple(os.environ.get("CACHE_PROXIES", "").split())
    registry = getUtility(IRegistry, context=site)
    settings = registry.forInterface(ICachePurgingSettings, check=False)
    settings.cachingProxies = proxies


def configure(site) -> None:
    """Settings that follow the environment on every run."""
    setSite(site)
    secure_cookies(site)
    cache_proxies(site)


def main(app) -> None:
    site_id = os.environ.get("SITE_ID") or "Plone"
    admin = ensure_admin(
        app,
        os.environ.get("ADMIN_USER") or "admin",
        os.environ.get("ADMIN_PASSWORD") or "admin",
    )
    transaction.commit()
    if site_id in app.objectIds():
        configure(app[site_id])
        transaction.commit()
        print(f"Site {site_id!r} exists: kept with all its content.")
        return
    app = makerequest(app)
    setRequest(app.REQUEST)
    newSecurityManager(None, admin)
    answers = pre_handler(
        {
            "site_id": site_id,
            "title": os.environ.get("SITE_TITLE", ""),
            "default_language": os.environ.get("SITE_LANGUAGE") or "el",
            "setup_content": os.environ.get("SETUP_CONTENT", "true").lower() in TRUE,
            "demo_today": os.environ.get("DEMO_TODAY", ""),
        }
    )
    site = site_api.create(app, "municipality", answers)
    configure(site)
    transaction.commit()
    print(f"Site {site_id!r} created in {answers['default_language']!r}.")


main(app)  # noqa: F821 (zconsole binds ``app``)
