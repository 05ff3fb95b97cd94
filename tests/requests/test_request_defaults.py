"""New sites: subject areas routed to their own units, the country's holidays."""

from municipality.intranet.subject_areas import areas
from municipality.intranet.subject_areas import check_area_lines
from municipality.intranet.subject_areas import InvalidSubjectArea
from municipality.intranet.subject_areas import routed_unit
from municipality.intranet.working_days import holidays
from plone import api
from zope.component.hooks import site as active_site

import pytest


pytestmark = pytest.mark.dated


@pytest.mark.parametrize(
    "site_id,office,holiday",
    [
        ("plone", "private-office", (None, 3, 25)),
        ("belediye", "ozel-kalem", (None, 10, 29)),
    ],
)
def test_sites_route_requests_to_their_units(app, site_id, office, holiday):
    site = app[site_id]
    with active_site(site):
        configured = {area_id: path for area_id, path, _title in areas()}
        assert set(configured) == {
            "roads",
            "certificates",
            "payments",
            "mayor",
            "general",
        }
        assert configured["general"] == ""  # the Private Office assigns those
        for area_id, path in configured.items():
            if path:
                assert routed_unit(area_id).portal_type == "Unit"
        assert routed_unit("mayor").getId() == office
        assert holiday in holidays()
        # Its form offers the areas in the site's language.
        form = site["submit-request"]
        assert api.content.get_state(form) == "published"


@pytest.mark.parametrize(
    "bad", ["roads | x", "Δρόμοι | | Δρόμοι", "roads | units/x |", "| | Τίτλος"]
)
def test_bad_area_lines(bad):
    with pytest.raises(InvalidSubjectArea):
        check_area_lines([bad])
