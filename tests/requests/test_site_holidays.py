"""Each site counts its own country's public holidays, in 2030 as in 2026."""

from datetime import date
from municipality.intranet.working_days import add_working_days
from municipality.intranet.working_days import HOLIDAYS_RECORD
from municipality.intranet.working_days import NOT_OBSERVED_RECORD
from municipality.intranet.working_days import working_days_between
from plone import api
from zope.component.hooks import site as active_site

import pytest


PROFILE = "municipality.intranet:default"


@pytest.mark.parametrize(
    "site_id,first,last,days",
    [
        # Greek site: Good Friday 26 and Easter Monday 29 April 2030.
        ("plone", date(2030, 4, 25), date(2030, 4, 30), 2),
        # Turkish site: Kurban Bayramı, 13 to 16 April 2030.
        ("belediye", date(2030, 4, 15), date(2030, 4, 19), 3),
        ("belediye", date(2030, 4, 25), date(2030, 4, 30), 4),
    ],
)
def test_leave_days_follow_the_sites_country(app, site_id, first, last, days):
    with active_site(app[site_id]):
        assert working_days_between(first, last) == days


@pytest.mark.parametrize(
    "site_id,received,deadline",
    [
        ("plone", date(2030, 4, 24), date(2030, 5, 6)),
        ("belediye", date(2030, 4, 10), date(2030, 4, 19)),
    ],
)
def test_request_deadlines_skip_the_sites_holidays(app, site_id, received, deadline):
    with active_site(app[site_id]):
        assert add_working_days(received, 5) == deadline


def test_settings_add_and_take_away(portal):
    api.portal.set_registry_record(HOLIDAYS_RECORD, ["12-06 | Εορτή του πολιούχου"])
    api.portal.set_registry_record(
        NOT_OBSERVED_RECORD, ["2030-04-26 | Ο Δήμος λειτουργεί"]
    )
    # Friday 6 December 2030 is the patron saint's; Good Friday is worked.
    assert working_days_between(date(2030, 12, 2), date(2030, 12, 6)) == 4
    assert working_days_between(date(2030, 4, 25), date(2030, 4, 30)) == 3


def test_upgrade_keeps_only_local_holidays(portal):
    registry = api.portal.get_tool("portal_registry")
    old_lines = [
        "01-01 | Πρωτοχρονιά",
        "03-25 | Εθνική εορτή",
        "2026-04-13 | Δευτέρα του Πάσχα",
        "2027-05-03 | Δευτέρα του Πάσχα",
        "12-06 | Εορτή του πολιούχου",
        "2026-11-30 | Επέτειος απελευθέρωσης",
    ]
    setup_tool = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        del registry.records[NOT_OBSERVED_RECORD]
        api.portal.set_registry_record(HOLIDAYS_RECORD, old_lines)
        setup_tool.setLastVersionForProfile(PROFILE, "2026120701")
        setup_tool.upgradeProfile(PROFILE, "2026120702")
    assert api.portal.get_registry_record(HOLIDAYS_RECORD) == [
        "12-06 | Εορτή του πολιούχου",
        "2026-11-30 | Επέτειος απελευθέρωσης",
    ]
    assert api.portal.get_registry_record(NOT_OBSERVED_RECORD) == []
