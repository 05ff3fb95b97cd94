"""A site from before leave and travel requests gets them by its upgrade step."""

from plone import api


PROFILE = "municipality.intranet:default"
TYPES = ("LeaveRequest", "TravelRequest")
INDEXES = ("staff_employee", "staff_unit", "absence_start", "authorisation_number")


def test_upgrade_to_staff_requests(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    types = api.portal.get_tool("portal_types")
    catalog = api.portal.get_tool("portal_catalog")
    workflow = api.portal.get_tool("portal_workflow")
    registry = api.portal.get_tool("portal_registry")
    with api.env.adopt_roles(["Manager"]):
        # As the site was: no types, workflow, indexes, settings or section.
        api.content.delete(obj=portal["staff-requests"], check_linkintegrity=False)
        types.manage_delObjects(list(TYPES))
        workflow.manage_delObjects(["municipality_staff_request_workflow"])
        for name in INDEXES:
            catalog.delIndex(name)
        del registry.records["municipality.intranet.leave_kinds"]
        setup_tool.setLastVersionForProfile(PROFILE, "2026112601")
        setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == ("2026120702",)
    assert set(TYPES) <= set(types.objectIds())
    assert workflow.getChainForPortalType("LeaveRequest") == (
        "municipality_staff_request_workflow",
    )
    assert set(INDEXES) <= set(catalog.indexes())
    assert "staff-requests" in portal.objectIds()
    assert api.content.get_state(portal["staff-requests"]) == "private"
    assert "Contributor" in dict(portal["staff-requests"].get_local_roles()).get(
        "AuthenticatedUsers", ()
    )
    kinds = api.portal.get_registry_record("municipality.intranet.leave_kinds")
    assert kinds[0].startswith("annual")
    assert "staff-requests" in portal.portal_actions.user
    assert "Endorser" in portal.valid_roles()
