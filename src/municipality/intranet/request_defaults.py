"""What a new site starts with: the subject areas of citizens' requests.

The General Secretariat changes them in the settings. (Public holidays need
no defaults: the country's come from the holidays library, working_days.py.)
"""

from municipality.intranet import _
from plone import api
from zope.i18n import translate


# id, title, the unit path in the Greek and in the Turkish demo (if any)
AREAS = (
    (
        "roads",
        _("Roads, pavements and street lighting"),
        "units/mayors-office/general-secretariat/technical-services",
        "units/baskanlik/genel-sekreterlik/imar-sehircilik",
    ),
    (
        "certificates",
        _("Certificates and the municipal registry"),
        "units/mayors-office/general-secretariat/administrative-services",
        "units/baskanlik/genel-sekreterlik/yazi-isleri",
    ),
    (
        "payments",
        _("Municipal fees, taxes and payments"),
        "units/mayors-office/general-secretariat/financial-services",
        "units/baskanlik/genel-sekreterlik/mali-hizmetler",
    ),
    (
        "mayor",
        _("Meeting the Mayor, invitations and events"),
        "units/mayors-office/private-office",
        "units/baskanlik/ozel-kalem",
    ),
    ("general", _("Other matters"), "", ""),
)


def area_lines(language: str) -> list[str]:
    """The areas in the site's language, routed to the units the site has."""
    site = api.portal.get()
    lines = []
    for area_id, title, greek, turkish in AREAS:
        path = turkish if language == "tr" else greek
        unit = site.unrestrictedTraverse(path, None) if path else None
        if getattr(unit, "portal_type", None) != "Unit":
            path = ""
        lines.append(
            f"{area_id} | {path} | {translate(title, target_language=language)}"
        )
    return lines
