"""Implementation status of decisions and instructions, and its history.

Responsible units move an item from pending to in progress (adding a
progress note does it for them); only the General Secretariat closes an
item (implemented or cancelled) or reopens it. Each change is appended to
the item's follow-up history with who, when and why.
"""

from datetime import date
from datetime import datetime
from municipality.intranet import _
from municipality.intranet.behaviors.follow_up import IFollowUp
from municipality.intranet.site_clock import (
    site_today,  # noqa: F401 (imported from here)
)
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations

import pytz


HISTORY_KEY = "municipality.intranet.follow_up_history"
OPEN = ("pending", "in_progress")

ADD_PROGRESS_NOTE = "municipality.intranet: Add ProgressNote"
CLOSE = "municipality.intranet: Close follow-up"


class StatusChangeRefused(ValueError):
    """The user may not move the item to that status."""


def is_followed_up(obj) -> bool:
    return IFollowUp.providedBy(obj) and bool(obj.responsible_units)


def is_overdue(status: str | None, deadline: date | None, today: date) -> bool:
    """Open past its deadline; the deadline day itself is still in time."""
    return bool(deadline) and status in OPEN and deadline < today


def history(obj) -> list[dict]:
    return list(IAnnotations(obj).get(HISTORY_KEY, ()))


def record(obj, old: str | None, new: str, comment: str = "") -> None:
    annotations = IAnnotations(obj)
    if HISTORY_KEY not in annotations:
        annotations[HISTORY_KEY] = PersistentList()
    user = api.user.get_current()
    annotations[HISTORY_KEY].append(
        {
            "date": datetime.now(pytz.utc),
            "actor": user.getId() if user is not None else "",
            "from": old,
            "to": new,
            "comment": comment,
        }
    )


def allowed_statuses(obj) -> list[str]:
    """The statuses the current user may move the item to."""
    current = obj.implementation_status
    can_close = api.user.has_permission(CLOSE, obj=obj)
    can_report = api.user.has_permission(ADD_PROGRESS_NOTE, obj=obj)
    allowed = []
    if current == "pending" and (can_report or can_close):
        allowed.append("in_progress")
    if can_close:
        if current in OPEN:
            allowed += ["implemented", "cancelled"]
        else:
            allowed.append("in_progress")
    return allowed


def change_status(obj, new: str, comment: str = "") -> None:
    """Move the item to ``new`` if the current user may, and record it."""
    if new not in allowed_statuses(obj):
        raise StatusChangeRefused(
            _("You may not change the implementation status to this value.")
        )
    if new == "cancelled" and not comment.strip():
        raise StatusChangeRefused(_("Give the reason for cancelling."))
    old = obj.implementation_status
    obj.implementation_status = new
    record(obj, old, new, comment.strip())
    obj.reindexObject(idxs=["follow_up_status"])


def record_direct_change(obj, event=None) -> None:
    """Keep in the history a status changed by a REST PATCH or a script."""
    if not IFollowUp.providedBy(obj):
        return
    entries = history(obj)
    last = entries[-1]["to"] if entries else "pending"
    if obj.implementation_status and obj.implementation_status != last:
        record(obj, last, obj.implementation_status)


def start_progress(obj) -> None:
    """A first progress note on a pending item puts it in progress."""
    if obj.implementation_status == "pending":
        old = obj.implementation_status
        obj.implementation_status = "in_progress"
        record(obj, old, "in_progress")
        obj.reindexObject(idxs=["follow_up_status"])


def reindex_security(obj, event=None) -> None:
    """Responsible or rapporteur units changed: so did who may see the item.

    Skipped while the item is being created (it is not in the catalog yet;
    it is indexed whole once it lands).
    """
    catalog = api.portal.get_tool("portal_catalog")
    if catalog.getrid("/".join(obj.getPhysicalPath())) is None:
        return
    obj.reindexObjectSecurity()
