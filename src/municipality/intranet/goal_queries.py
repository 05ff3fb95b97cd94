"""Finding action programmes and goals, and summing up their achievement."""

from dataclasses import dataclass
from datetime import date
from municipality.intranet.goal_measures import Measure
from municipality.intranet.goal_measures import measure
from municipality.intranet.goal_measures import MEASURED_STATES
from plone import api


@dataclass
class GoalEntry:
    goal: object
    state: str
    measure: Measure

    @property
    def counted(self) -> bool:
        """Approved (or closed) goals count in the achievement."""
        return self.state in MEASURED_STATES


def programmes() -> list:
    """The action programmes the user may see, newest year first."""
    catalog = api.portal.get_tool("portal_catalog")
    return list(
        catalog(
            portal_type="ActionProgramme",
            sort_on="programme_year",
            sort_order="descending",
        )
    )


def current_programme(today: date):
    """This year's programme, else the latest one; None when there is none."""
    found = programmes()
    for brain in found:
        if brain.programme_year == today.year:
            return brain.getObject()
    return found[0].getObject() if found else None


def goal_brains(container=None, **query) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    if container is not None:
        query["path"] = {"query": "/".join(container.getPhysicalPath()), "depth": 1}
    return list(catalog(portal_type="Goal", sort_on="sortable_title", **query))


def entries(brains, today: date) -> list[GoalEntry]:
    result = []
    for brain in brains:
        goal = brain.getObject()
        result.append(GoalEntry(goal, brain.review_state, measure(goal, today)))
    return result


def achievement(entries_) -> float | None:
    """Weighted share of target reached by the counted goals, capped at 100."""
    total = weighted = 0.0
    for entry in entries_:
        if not entry.counted:
            continue
        weight = entry.goal.weight or 1
        reached = min(max(entry.measure.percent or 0.0, 0.0), 100.0)
        total += weight
        weighted += weight * reached
    return round(weighted / total, 1) if total else None
