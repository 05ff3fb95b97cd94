"""HTTP caching: rule sets, their options and the purged content types."""

PROFILE = "profile-municipality.intranet:default"


def upgrade(setup_tool) -> None:
    setup_tool.runImportStepFromProfile(PROFILE, "plone.app.registry")
