"""Who works where: a user's units and a unit's staff, from the unit groups.

A member of staff belongs to a unit through its members or editors group.
A unit's editors (its head and whom the head names) endorse their staff's
leave and travel requests.
"""

from municipality.intranet.goal_proposers import groups_of
from municipality.intranet.unit_groups import GENERAL_SECRETARIAT
from municipality.intranet.unit_groups import unit_group_ids
from plone import api
from plone.app.uuid.utils import uuidToObject


def all_units() -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Unit", sort_on="sortable_title"
        )
    ]


def units_of(user, suffixes=("members", "editors")) -> list:
    """The units whose groups (of the given kinds) the user belongs to."""
    if user is None:
        return []
    groups = groups_of(user)
    return [
        unit
        for unit in all_units()
        if any(unit_group_ids(unit).get(suffix) in groups for suffix in suffixes)
    ]


def unit_staff(unit) -> dict[str, str]:
    """User id → full name of everyone in the unit's groups."""
    staff = {}
    for groupid in unit_group_ids(unit).values():
        group = api.group.get(groupname=groupid)
        if group is None:
            continue
        for member in api.user.get_users(group=group):
            staff[member.getId()] = member.getProperty("fullname") or member.getId()
    return staff


def unit_editors(unit_uid: str) -> list:
    """The members of the unit's editors group (who endorse)."""
    unit = uuidToObject(unit_uid, unrestricted=True) if unit_uid else None
    groupid = unit_group_ids(unit).get("editors") if unit is not None else None
    if not groupid or api.group.get(groupname=groupid) is None:
        return []
    return list(api.user.get_users(groupname=groupid))


def general_secretariat() -> list:
    if api.group.get(groupname=GENERAL_SECRETARIAT) is None:
        return []
    return list(api.user.get_users(groupname=GENERAL_SECRETARIAT))


def is_coordinator(user) -> bool:
    """The General Secretariat (Reviewer everywhere) and administrators."""
    roles = set(user.getRoles() or ()) if user is not None else set()
    return bool(roles & {"Manager", "Site Administrator", "Reviewer"})


def emails(users) -> list[str]:
    found = []
    for user in users:
        address = user.getProperty("email") if user is not None else ""
        if address and address not in found:
            found.append(address)
    return found
