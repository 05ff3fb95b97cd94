"""Citizens' requests and the protocol calendar: types, sections, the form."""

from municipality.intranet.sections import ensure_sections
from plone import api


PROFILE = "profile-municipality.intranet:default"
STEPS = (
    "typeinfo",
    "workflow",
    "rolemap",
    "catalog",
    "plone.app.registry",
    "actions",
    "repositorytool",
)
NEW_INDEXES = ["unit_kind"]


def upgrade(setup_tool) -> None:
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    # Existing units get their kind indexed: it finds the Private Office.
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=NEW_INDEXES)
    ensure_sections()
    api.portal.get_tool("portal_workflow").updateRoleMappings()
