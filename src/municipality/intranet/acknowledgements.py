"""Recipient units acknowledge a circular ("read and noted"), once each."""

from BTrees.OOBTree import OOBucket
from datetime import datetime
from datetime import UTC
from municipality.intranet.circular_recipients import recipient_units
from municipality.intranet.circular_recipients import units_of_user
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "municipality.intranet.acknowledgements"
ACKNOWLEDGEABLE_STATES = ("issued", "published")


def acknowledgements(circular, for_writing: bool = False):
    """unit UID → {"user": user id, "date": ISO date and time}.

    Reading never writes: a page view must not change the database.
    A bucket: a municipality's few hundred units fit in one, and it merges
    two units acknowledging at the same moment when their keys fall inside
    it; at its ends the second writer conflicts and Zope runs it again.
    """
    annotations = IAnnotations(circular)
    if ANNOTATION_KEY not in annotations:
        if not for_writing:
            return {}
        annotations[ANNOTATION_KEY] = OOBucket()
    return annotations[ANNOTATION_KEY]


def pending_units_for(circular, user) -> list:
    """Recipient units of ``user`` that have not acknowledged the circular yet."""
    if api.content.get_state(circular) not in ACKNOWLEDGEABLE_STATES:
        return []
    done = acknowledgements(circular)
    return [
        unit
        for unit in units_of_user(recipient_units(circular), user)
        if api.content.get_uuid(unit) not in done
    ]


def acknowledge(circular, user) -> list:
    """Acknowledge for every recipient unit of ``user``; return those units."""
    units = pending_units_for(circular, user)
    if not units:
        return []
    now = datetime.now(UTC).isoformat(timespec="seconds")
    store = acknowledgements(circular, for_writing=True)
    for unit in units:
        store[api.content.get_uuid(unit)] = {"user": user.getId(), "date": now}
    return units


def status(circular) -> list[dict]:
    """Per recipient unit: acknowledged or not, by whom and when."""
    store = acknowledgements(circular)
    rows = []
    for unit in recipient_units(circular):
        entry = store.get(api.content.get_uuid(unit))
        rows.append(
            {
                "unit": unit,
                "acknowledged": entry is not None,
                "user": entry["user"] if entry else "",
                "date": entry["date"] if entry else "",
            }
        )
    return rows
