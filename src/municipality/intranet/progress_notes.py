"""Progress notes: the first one starts the work; listed newest first."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from municipality.intranet.behaviors.follow_up import IFollowUp
from municipality.intranet.follow_up import start_progress
from plone import api


def note_added(note, event) -> None:
    """A first note puts a pending item in progress."""
    parent = aq_parent(aq_inner(note))
    if IFollowUp.providedBy(parent):
        start_progress(parent)


def notes(obj) -> list:
    """The progress notes of an item, newest first, as the user may see them."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(
        portal_type="ProgressNote",
        path={"query": "/".join(obj.getPhysicalPath()), "depth": 1},
        sort_on="created",
        sort_order="descending",
    )
