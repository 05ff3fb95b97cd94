"""Meetings, decisions, instructions and their follow-up; login throttling."""

from municipality.intranet import login_throttle
from municipality.intranet.sections import ensure_sections
from plone import api


PROFILE = "profile-municipality.intranet:default"
STEPS = (
    "typeinfo",
    "workflow",
    "rolemap",
    "catalog",
    "plone.app.registry",
    "repositorytool",
    "actions",
)


def upgrade(setup_tool) -> None:
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    ensure_sections()
    login_throttle.install(api.portal.get())
    catalog = api.portal.get_tool("portal_catalog")
    for name in (
        "follow_up_status",
        "follow_up_deadline",
        "responsible_units",
        "meeting_body",
        "decision_number",
        "preparation_status",
        "preparation_deadline",
        "rapporteur_unit",
    ):
        catalog.manage_reindexIndex(ids=[name])
