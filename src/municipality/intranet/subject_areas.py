"""Subject areas of citizens' requests, kept by the General Secretariat.

Each is a registry line ``id | unit path | title``: the unit (its path in
the site, e.g. units/mayors-office/general-secretariat/technical-services)
receives the requests of that area as soon as they arrive. A line without
a unit path (``id | | title``) leaves them to the Private Office to assign.
"""

from municipality.intranet import _
from plone import api
from zope.schema import ValidationError

import re


AREAS_RECORD = "municipality.intranet.subject_areas"
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class InvalidSubjectArea(ValidationError):
    __doc__ = _(
        "Write each subject area as: id | unit path (or nothing) | title, "
        "e.g. roads | units/technical-services | Roads and pavements."
    )


def parse(line: str) -> tuple[str, str, str]:
    parts = [part.strip() for part in line.split("|")]
    if len(parts) != 3 or not ID.match(parts[0]) or not parts[2]:
        raise ValueError(line)
    return parts[0], parts[1].strip("/"), parts[2]


def check_area_lines(value) -> bool:
    for line in value or ():
        try:
            parse(line)
        except ValueError as error:
            raise InvalidSubjectArea(line) from error
    return True


def areas() -> list[tuple[str, str, str]]:
    """(id, unit path, title) of each configured area."""
    lines = api.portal.get_registry_record(AREAS_RECORD, default=None) or ()
    found = []
    for line in lines:
        try:
            found.append(parse(line))
        except ValueError:
            continue
    return found


def routed_unit(area_id: str):
    """The unit the area's requests go to, or None."""
    for identifier, path, _title in areas():
        if identifier == area_id and path:
            site = api.portal.get()
            unit = site.unrestrictedTraverse(path, None)
            if getattr(unit, "portal_type", None) == "Unit":
                return unit
    return None
