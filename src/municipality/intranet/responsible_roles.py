"""Local roles of the units that must act on an item.

The staff of a responsible unit get Reader and Responsible on a decision or
an instruction: they see it and add progress notes, nothing more. The staff
of the rapporteur unit get Reader and Contributor on an agenda item: they
add its supporting documents and mark it prepared. The staff of a goal's
unit see it and report its progress; its editors draft it. The roles follow
the fields, so changing a unit moves the access with it.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from municipality.intranet.unit_groups import unit_group_ids
from plone.app.uuid.utils import uuidToObject
from zope.interface import implementer


def unit_groups(uids) -> list[str]:
    groups = []
    for uid in uids or ():
        unit = uuidToObject(uid, unrestricted=True)
        if unit is not None:
            groups.extend(unit_group_ids(unit).values())
    return groups


@implementer(ILocalRoleProvider)
class UnitRoles:
    roles: tuple[str, ...] = ()

    def __init__(self, context):
        self.context = context

    def unit_uids(self) -> list[str]:
        raise NotImplementedError

    def getRoles(self, principal_id):
        if principal_id in unit_groups(self.unit_uids()):
            return self.roles
        return ()

    def getAllRoles(self):
        for group in unit_groups(self.unit_uids()):
            yield group, self.roles


class ResponsibleUnitRoles(UnitRoles):
    """For decisions and instructions under follow-up."""

    roles = ("Reader", "Responsible")

    def unit_uids(self):
        return getattr(self.context, "responsible_units", None) or ()


class RapporteurUnitRoles(UnitRoles):
    """For agenda items: the unit that prepares the item."""

    roles = ("Reader", "Contributor")

    def unit_uids(self):
        uid = getattr(self.context, "rapporteur_unit", None)
        return [uid] if uid else []


class RequestUnitRoles(UnitRoles):
    """For citizens' requests: the staff of the unit they are assigned to."""

    roles = ("Responsible",)

    def unit_uids(self):
        uid = getattr(self.context, "assigned_unit", None)
        return [uid] if uid else []


@implementer(ILocalRoleProvider)
class GoalUnitRoles:
    """For goals: the unit's editors draft it, all its staff report progress."""

    ROLES = {
        "editors": ("Reader", "Editor", "Responsible"),
        "members": ("Reader", "Responsible"),
    }

    def __init__(self, context):
        self.context = context

    def _groups(self) -> dict[str, tuple[str, ...]]:
        uid = getattr(self.context, "goal_unit", None)
        unit = uuidToObject(uid, unrestricted=True) if uid else None
        if unit is None:
            return {}
        return {
            group: self.ROLES[suffix]
            for suffix, group in unit_group_ids(unit).items()
            if suffix in self.ROLES
        }

    def getRoles(self, principal_id):
        return self._groups().get(principal_id, ())

    def getAllRoles(self):
        yield from self._groups().items()


@implementer(ILocalRoleProvider)
class StaffRequestRoles:
    """For leave and travel requests: the editors (the head) of the unit.

    Only the editors: the other staff of the unit never see the request.
    """

    ROLES = ("Endorser",)

    def __init__(self, context):
        self.context = context

    def _editors(self) -> list[str]:
        uid = getattr(self.context, "employee_unit", None)
        unit = uuidToObject(uid, unrestricted=True) if uid else None
        editors = unit_group_ids(unit).get("editors") if unit is not None else None
        return [editors] if editors else []

    def getRoles(self, principal_id):
        return self.ROLES if principal_id in self._editors() else ()

    def getAllRoles(self):
        for group in self._editors():
            yield group, self.ROLES
