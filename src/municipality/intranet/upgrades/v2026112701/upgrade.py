"""Leave and travel requests: types, workflow, indexes, settings, section."""

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
)


def upgrade(setup_tool) -> None:
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    ensure_sections()
    api.portal.get_tool("portal_workflow").updateRoleMappings()
