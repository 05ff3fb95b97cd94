"""A site from before the goals gets them by its upgrade step."""

from plone import api


PROFILE = "municipality.intranet:default"


def test_upgrade_to_goals(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    types = api.portal.get_tool("portal_types")
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        # As the site was: no goal types, indexes, section or settings.
        api.content.delete(obj=portal["goals"], check_linkintegrity=False)
        for name in ("ActionProgramme", "Goal", "GoalProgress"):
            types.manage_delObjects([name])
        for name in ("goal_unit", "goal_category", "programme_year"):
            catalog.delIndex(name)
        registry = api.portal.get_tool("portal_registry")
        del registry.records["municipality.intranet.goal_risk_margin"]
        setup_tool.setLastVersionForProfile(PROFILE, "2026112401")
        assert setup_tool.listUpgrades(PROFILE)
        setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == ("2026120702",)
    assert {"ActionProgramme", "Goal", "GoalProgress"} <= set(types.objectIds())
    assert {"goal_unit", "goal_category", "programme_year"} <= set(catalog.indexes())
    assert "goals" in portal.objectIds()
    assert (
        api.portal.get_registry_record("municipality.intranet.goal_risk_margin") == 10
    )
    assert "goals" in portal.portal_actions.user
