"""Purging the caching proxy: what a change drops, and that it is dropped in time.

A change to content that anonymous visitors can see may show on any public
page: the navigation, breadcrumbs, listings, the contact directory, the
services tables, the home page. Rather than guess which pages show what, a
public change drops every cached page of the site (the Varnish configuration
treats a PURGE as a ban of every address under its path). Public changes are
a few dozen a day; readers come in bursts between them. Changes to intranet
content that anonymous visitors never see drop only that content's own
addresses.

plone.cachepurging sends its PURGE requests from a background thread after
the response; an editor who reloads the page at once could still get the old
one. Here the requests are sent when the transaction has committed, before
the response leaves, so the next request never meets a stale page.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from municipality.intranet.content.goal_progress import IGoalProgress
from plone.app.caching.utils import isPurged
from plone.cachepurging.hooks import KEY
from plone.cachepurging.interfaces import ICachePurgingSettings
from plone.cachepurging.interfaces import IPurger
from plone.cachepurging.utils import getURLsToPurge
from plone.cachepurging.utils import isCachePurgingEnabled
from plone.dexterity.interfaces import IDexterityContent
from plone.registry.interfaces import IRegistry
from Products.CMFCore.interfaces import IContentish
from Products.CMFPlone.CatalogTool import allowedRolesAndUsers
from z3c.caching.interfaces import IPurgeEvent
from z3c.caching.interfaces import IPurgePaths
from z3c.caching.purge import Purge
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.component import getUtility
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.event import notify
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.lifecycleevent.interfaces import IObjectAddedEvent

import logging
import transaction


logger = logging.getLogger(__name__)
HOOKED = "municipality.intranet.purge-hooked"


def is_public(context) -> bool:
    """Anonymous visitors may view ``context`` (as the catalog records it)."""
    try:
        return "Anonymous" in allowedRolesAndUsers(context)()
    except AttributeError:  # no longer in a site (removed with its parent)
        return False


@implementer(IPurgePaths)
@adapter(IDexterityContent)
class PublicPagesPurgePaths:
    """The site's path, when the changed content is public."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        site = getSite()
        if site is None or not is_public(self.context):
            return []
        return [site.absolute_url_path()]

    def getAbsolutePaths(self):
        return []


@implementer(IPurgePaths)
@adapter(IGoalProgress)
class GoalFiguresPurgePaths(PublicPagesPurgePaths):
    """A progress update is never public, but its figures are: they show on
    its goal's page and in the programme's table and charts."""

    def getRelativePaths(self):
        site = getSite()
        goal = aq_parent(aq_inner(self.context))
        if site is None or goal is None or not is_public(goal):
            return []
        return [site.absolute_url_path()]


@adapter(IContentish, IObjectAddedEvent)
def purge_on_added(obj, event) -> None:
    """Content created straight into a public state shows at once.

    plone.app.caching purges on edits, moves, removals and transitions, not
    on additions: a file added to a public folder, or an item of a type
    without a workflow of its own, would otherwise wait for the proxy's
    expiry to appear in listings.
    """
    if isPurged(obj):
        notify(Purge(obj))


def minimal_prefixes(paths) -> list[str]:
    """Drop every path that lies under another one: one ban covers it."""
    kept = []
    for path in sorted(set(paths)):
        if not any(path == p or path.startswith(p.rstrip("/") + "/") for p in kept):
            kept.append(path)
    return kept


@adapter(IPurgeEvent)
def purge_before_answering(event) -> None:
    """Send this request's purges right after its transaction commits."""
    request = getRequest()
    annotations = IAnnotations(request, None) if request is not None else None
    if annotations is None or annotations.get(HOOKED):
        return
    if not isCachePurgingEnabled():
        return
    annotations[HOOKED] = True
    transaction.get().addAfterCommitHook(_send_purges, args=(request,))


def _send_purges(committed: bool, request) -> None:
    annotations = IAnnotations(request)
    annotations.pop(HOOKED, None)
    # Taken away, so plone.cachepurging's background sender finds nothing.
    paths = annotations.pop(KEY, None)
    if not committed or not paths:
        return
    registry = getUtility(IRegistry)
    settings = registry.forInterface(ICachePurgingSettings, check=False)
    proxies = settings.cachingProxies or ()
    purger = queryUtility(IPurger)
    if purger is None or not settings.enabled:
        return
    for path in minimal_prefixes(paths):
        for url in getURLsToPurge(path, proxies):
            status, _xcache, error = purger.purgeSync(url)
            if status != 200:
                reason = error.strip().splitlines()[-1] if error else ""
                logger.warning("Purging %s failed: %s %s", url, status, reason)
