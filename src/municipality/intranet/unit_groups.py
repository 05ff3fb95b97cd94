"""Every unit has two groups: its editors and its members.

Editors get Editor and Contributor on the unit, members get Reader, so that
each unit's staff work on their own unit only. The General Secretariat's
group reviews the content of all units.
"""

from municipality.intranet import _
from plone import api
from zope.i18n import translate


GENERAL_SECRETARIAT = "general-secretariat"

UNIT_GROUPS = (
    # suffix, local roles on the unit, title
    ("editors", ("Editor", "Contributor"), _("${unit}: editors")),
    ("members", ("Reader",), _("${unit}: members")),
)


def free_group_base(unit_id: str) -> str:
    """``unit_id``, or ``unit_id-2``, ``-3``… if another unit's groups took it."""
    base, number = unit_id, 1
    while any(
        api.group.get(groupname=f"{base}-{suffix}") for suffix, *_ in UNIT_GROUPS
    ):
        number += 1
        base = f"{unit_id}-{number}"
    return base


def unit_group_ids(unit) -> dict[str, str]:
    """The ids of a unit's groups, by suffix (kept when the unit is renamed)."""
    return dict(getattr(unit, "_unit_groups", ()))


def create_unit_groups(unit, event=None) -> None:
    """Create the unit's groups and give them their local roles on the unit."""
    if unit_group_ids(unit):
        return
    language = api.portal.get_default_language()
    ids = {}
    with api.env.adopt_roles(["Manager"]):
        base = free_group_base(unit.getId())
        for suffix, roles, title in UNIT_GROUPS:
            groupid = f"{base}-{suffix}"
            api.group.create(
                groupname=groupid,
                title=translate(
                    _(title, mapping={"unit": unit.Title()}),
                    target_language=language,
                ),
            )
            api.group.grant_roles(groupname=groupid, roles=list(roles), obj=unit)
            ids[suffix] = groupid
    unit._unit_groups = tuple(sorted(ids.items()))


def forget_copied_groups(unit, event=None) -> None:
    """A copy of a unit gets groups of its own, not the original's."""
    ids = unit_group_ids(unit)
    if ids:
        unit.manage_delLocalRoles(list(ids.values()))
        del unit._unit_groups


def remove_unit_groups(unit, event=None) -> None:
    """Delete the groups of a unit that is deleted (not of one that is moved)."""
    if getattr(event, "newParent", None) is not None:
        return
    with api.env.adopt_roles(["Manager"]):
        for groupid in unit_group_ids(unit).values():
            if api.group.get(groupname=groupid) is not None:
                api.group.delete(groupname=groupid)


def create_general_secretariat_group() -> None:
    """The site-wide group of the General Secretariat: Reviewer everywhere."""
    if api.group.get(groupname=GENERAL_SECRETARIAT) is None:
        api.group.create(
            groupname=GENERAL_SECRETARIAT,
            title=translate(
                _("General Secretariat"),
                target_language=api.portal.get_default_language(),
            ),
            roles=["Reviewer"],
        )
