"""The Private Office works in its sections: citizens' requests and protocol.

Its unit is the one (or ones) of kind "private-office" in the structure;
its editors and members get the roles of the General Secretariat there, so
that whoever is moved into or out of the office gains or loses them with
their group membership, and a renamed or replaced office keeps working.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from municipality.intranet.interfaces import IPrivateOfficeSection
from municipality.intranet.unit_groups import unit_group_ids
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import implementer


OFFICE_KIND = "private-office"
ROLES = ("Reader", "Contributor", "Editor", "Reviewer")
CACHE_KEY = "municipality.intranet.office_groups"


def office_groups() -> list[str]:
    """The office's groups, looked up once per request: security checks on
    everything in the sections ask for them again and again."""
    request = getRequest()
    cache = IAnnotations(request, None) if request is not None else None
    if cache is not None and CACHE_KEY in cache:
        return cache[CACHE_KEY]
    groups = _office_groups()
    if cache is not None:
        cache[CACHE_KEY] = groups
    return groups


def _office_groups() -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    groups = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Unit", unit_kind=OFFICE_KIND
    ):
        groups.extend(unit_group_ids(brain._unrestrictedGetObject()).values())
    return groups


@implementer(ILocalRoleProvider)
@adapter(IPrivateOfficeSection)
class PrivateOfficeRoles:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        return ROLES if principal_id in office_groups() else ()

    def getAllRoles(self):
        for group in office_groups():
            yield group, ROLES
