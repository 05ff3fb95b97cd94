"""The site's sections for meetings, goals and instructions.

The General Secretariat group works in them (Contributor and Editor);
the meetings section is public and shows the calendar of meetings, the
goals section is public but shows visitors only published programmes, the
instructions section is for the General Secretariat and the units an
instruction is given to.
"""

from municipality.intranet import _
from municipality.intranet.interfaces import IPrivateOfficeSection
from municipality.intranet.request_form import ensure_request_form
from municipality.intranet.unit_groups import GENERAL_SECRETARIAT
from plone import api
from Products.CMFPlone.interfaces.constrains import ENABLED
from Products.CMFPlone.interfaces.constrains import ISelectableConstrainTypes
from zope.i18n import translate
from zope.interface import alsoProvides


SECTIONS = {
    "meetings": {
        "title": _("Meetings and decisions"),
        "description": _(
            "Sessions of the Council, its committees and the coordination "
            "councils, with their agendas, minutes and decisions."
        ),
        "types": ["Meeting"],
        "layout": "event_listing",
        "public": True,
    },
    "goals": {
        "title": _("Goals and action programmes"),
        "description": _(
            "The annual action programmes with the goals of each unit and "
            "their progress; a programme is public once it is published."
        ),
        "types": ["ActionProgramme", "Document"],
        "layout": "listing_view",
        "public": True,
    },
    "requests": {
        "title": _("Citizens' requests"),
        "description": _(
            "Requests, complaints, suggestions and thanks of citizens, handled "
            "by the Private Office and the units; never public."
        ),
        "types": ["CitizenRequest"],
        "layout": "requests",
        "public": False,
        "office": True,
    },
    "protocol": {
        "title": _("Protocol calendar"),
        "description": _(
            "Visits, invitations, receptions, openings, ceremonies, holidays "
            "and commemorations of the Mayor and the municipality."
        ),
        "types": ["ProtocolEvent"],
        "layout": "protocol-calendar",
        "public": True,
        "office": True,
    },
    "staff-requests": {
        "title": _("Leave and travel"),
        "description": _(
            "Leave and travel requests of staff, endorsed by the head of the "
            "unit and approved by the General Secretary; each visible only to "
            "the employee, the unit's head and the General Secretariat."
        ),
        "types": ["LeaveRequest", "TravelRequest"],
        "layout": "staff-requests",
        "public": False,
        # Every member of staff asks for leave here (and sees only their own).
        "staff_add": True,
    },
    "instructions": {
        "title": _("Instructions"),
        "description": _(
            "Instructions of the Mayor and the General Secretary to the units, "
            "followed up to completion."
        ),
        "types": ["Instruction"],
        "layout": "listing_view",
        "public": False,
    },
}

ROLES = ["Contributor", "Editor"]


def section(name: str):
    """The section's folder, or None on a site without it."""
    site = api.portal.get()
    return site.get(name)


def ensure_sections() -> None:
    """Create what is missing; give the General Secretariat its roles."""
    site = api.portal.get()
    language = api.portal.get_default_language()
    with api.env.adopt_roles(["Manager"]):
        for name, spec in SECTIONS.items():
            folder = site.get(name)
            if folder is None:
                folder = api.content.create(
                    container=site,
                    type="Folder",
                    id=name,
                    title=translate(spec["title"], target_language=language),
                    description=translate(
                        spec["description"], target_language=language
                    ),
                )
                if spec["public"]:
                    api.content.transition(obj=folder, to_state="published")
                folder.setLayout(spec["layout"])
            constraints = ISelectableConstrainTypes(folder)
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes(spec["types"])
            constraints.setImmediatelyAddableTypes(spec["types"])
            if spec.get("staff_add"):
                folder.manage_setLocalRoles("AuthenticatedUsers", ["Contributor"])
            if spec.get("office"):
                alsoProvides(folder, IPrivateOfficeSection)
            if api.group.get(groupname=GENERAL_SECRETARIAT) is not None:
                api.group.grant_roles(
                    groupname=GENERAL_SECRETARIAT, roles=ROLES, obj=folder
                )
            folder.reindexObjectSecurity()
    ensure_request_form()
