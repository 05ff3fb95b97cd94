"""HTTP caching; the register's search on a lexicon that folds accents."""

from plone import api


PROFILE = "profile-municipality.intranet:default"


def upgrade(setup_tool) -> None:
    setup_tool.runImportStepFromProfile(PROFILE, "plone.app.registry")
    setup_tool.runImportStepFromProfile(PROFILE, "catalog")
    api.portal.get_tool("portal_catalog").manage_reindexIndex(ids=["circular_text"])
