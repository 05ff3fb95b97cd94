"""Which units a circular is addressed to, and which of them a user belongs to."""

from municipality.intranet.unit_groups import unit_group_ids
from plone import api


def all_units() -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Unit", sort_on="path"
        )
    ]


def recipient_units(circular) -> list:
    """The recipient units (all units when the circular says so)."""
    if circular.all_units:
        return all_units()
    units = []
    for relation in circular.recipient_units or ():
        if not relation.isBroken() and relation.to_object is not None:
            units.append(relation.to_object)
    return units


def units_of_user(units, user) -> list:
    """Those of ``units`` whose editors or members group holds ``user``."""
    groups = {group.getId() for group in api.group.get_groups(user=user)}
    return [unit for unit in units if groups & set(unit_group_ids(unit).values())]


def member_emails(unit) -> list[str]:
    """The unit's own e-mail and its members' and editors' e-mails."""
    emails = [unit.email] if unit.email else []
    for groupid in unit_group_ids(unit).values():
        for user in api.user.get_users(groupname=groupid):
            email = user.getProperty("email")
            if email and email not in emails:
                emails.append(email)
    return emails
