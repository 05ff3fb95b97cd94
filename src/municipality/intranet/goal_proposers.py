"""Who may propose goals for which unit.

A unit proposes its own goals: its editors, for their unit only. The
General Secretariat (Reviewer everywhere) and site administrators may
propose and correct goals for any unit.
"""

from municipality.intranet import _
from municipality.intranet.unit_groups import unit_group_ids
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.schema import ValidationError


COORDINATORS = {"Manager", "Site Administrator", "Reviewer"}


class NotYourUnit(ValidationError):
    __doc__ = _("You can propose goals only for a unit whose editor you are.")


def groups_of(user) -> set[str]:
    # Zope's own administrator (a user of the root folder) has no groups.
    return set(getattr(user, "getGroups", lambda: ())() or ())


def editor_units(user) -> set[str]:
    """UIDs of the units whose editors group the user belongs to."""
    catalog = api.portal.get_tool("portal_catalog")
    groups = groups_of(user)
    uids = set()
    for brain in catalog.unrestrictedSearchResults(portal_type="Unit"):
        unit = brain._unrestrictedGetObject()
        if unit_group_ids(unit).get("editors") in groups:
            uids.add(brain.UID)
    return uids


def may_propose_for(user, unit_uid: str) -> bool:
    if user is None:
        return False
    if COORDINATORS & set(user.getRoles() or ()):
        return True
    unit = uuidToObject(unit_uid, unrestricted=True)
    if unit is None:
        return False
    return unit_group_ids(unit).get("editors") in groups_of(user)


def check_own_unit(value: str) -> bool:
    """Constraint of a goal's unit: the current user's own unit."""
    try:
        user = api.user.get_current()
    except api.exc.CannotGetPortalError:
        return True
    if not may_propose_for(user, value):
        raise NotYourUnit(value)
    return True


def default_unit():
    """The unit of an editor of exactly one unit; nothing otherwise."""
    try:
        user = api.user.get_current()
    except api.exc.CannotGetPortalError:
        return None
    if user is None or api.user.is_anonymous():
        return None
    uids = editor_units(user)
    return uids.pop() if len(uids) == 1 else None
