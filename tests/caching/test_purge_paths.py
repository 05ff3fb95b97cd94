"""Which addresses a change purges from the caching proxy."""

from municipality.intranet.cache_purging import minimal_prefixes
from municipality.intranet.cache_purging import PublicPagesPurgePaths
from plone import api
from z3c.caching.interfaces import IPurgePaths
from zope.component import getAdapters

import pytest


UNIT = "units/mayors-office/general-secretariat/technical-services"


def test_a_public_change_purges_the_whole_site(portal):
    unit = portal.unrestrictedTraverse(UNIT)
    assert PublicPagesPurgePaths(unit).getRelativePaths() == ["/plone"]


def test_an_intranet_change_purges_only_its_own_addresses(portal):
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            container=portal.unrestrictedTraverse(UNIT), type="Document", id="draft"
        )
    assert PublicPagesPurgePaths(draft).getRelativePaths() == []
    paths = {
        path
        for _name, adapter in getAdapters((draft,), IPurgePaths)
        for path in adapter.getRelativePaths()
    }
    assert f"/plone/{UNIT}/draft" in paths
    assert "/plone" not in paths


def test_publishing_purges_the_site(portal):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=portal.unrestrictedTraverse(UNIT), type="Document", id="news"
        )
        api.content.transition(obj=page, transition="publish")
    assert PublicPagesPurgePaths(page).getRelativePaths() == ["/plone"]


@pytest.mark.parametrize(
    "paths,expected",
    [
        (["/plone/a", "/plone", "/plone/a/view"], ["/plone"]),
        (["/plone/a/view", "/plone/a", "/plone/ab"], ["/plone/a", "/plone/ab"]),
        ([], []),
    ],
)
def test_one_ban_per_prefix(paths, expected):
    assert minimal_prefixes(paths) == expected


def test_progress_on_a_public_goal_purges_its_public_pages(portal):
    """The update is never public; the figures it changes are."""
    from datetime import date
    from municipality.intranet.cache_purging import GoalFiguresPurgePaths

    with api.env.adopt_roles(["Manager"]):
        programme = api.content.create(
            container=portal["goals"],
            type="ActionProgramme",
            title="Πρόγραμμα",
            programme_year=2030,
        )
        goal = api.content.create(
            container=programme,
            type="Goal",
            title="Στόχος",
            goal_unit=portal.unrestrictedTraverse(UNIT).UID(),
            category="services",
            indicator="Δείκτης",
            measure_unit="%",
            baseline=0.0,
            target=10.0,
            due_date=date(2030, 12, 31),
        )
        api.content.transition(obj=goal, to_state="approved")
        update = api.content.create(
            container=goal,
            type="GoalProgress",
            id="update",
            progress_date=date(2030, 3, 1),
            value=4.0,
        )
        assert GoalFiguresPurgePaths(update).getRelativePaths() == []
        api.content.transition(obj=programme, to_state="published")
    assert PublicPagesPurgePaths(update).getRelativePaths() == []
    assert GoalFiguresPurgePaths(update).getRelativePaths() == ["/plone"]
