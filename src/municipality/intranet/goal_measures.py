"""What a goal's progress updates say: latest value, share of target, status.

Nothing here is stored: the latest value and the percentage come from the
progress updates, the status from them, the due date and today's date.
Progress is measured from the baseline towards the target, so a goal to
reduce a figure (target below baseline) is measured the same way.
"""

from dataclasses import dataclass
from datetime import date
from municipality.intranet.content.goal_progress import IGoalProgress
from municipality.intranet.site_clock import site_today
from plone import api


MARGIN_RECORD = "municipality.intranet.goal_risk_margin"
MEASURED_STATES = ("approved", "closed")


@dataclass(frozen=True)
class Reading:
    on: date
    value: float


@dataclass(frozen=True)
class Measure:
    latest: Reading | None
    percent: float | None
    expected: float | None
    status: str


def readings(goal, until: date | None = None) -> list[Reading]:
    """Its progress updates up to ``until``, oldest first.

    Read from the objects, not the catalog: the figures are public with a
    published goal, the updates (and their notes) are not.
    """
    found = []
    for position, item in enumerate(goal.objectValues()):
        if not IGoalProgress.providedBy(item) or item.progress_date is None:
            continue
        if until is not None and item.progress_date > until:
            continue
        found.append((item.progress_date, position, item.value))
    return [Reading(on, value) for on, _position, value in sorted(found)]


def percent_of_target(baseline: float, target: float, value: float) -> float:
    """How far ``value`` has come from the baseline to the target, in %."""
    if target == baseline:
        return 100.0 if value == target else 0.0
    return round(100.0 * (value - baseline) / (target - baseline), 1)


def expected_percent(start: date, due: date, today: date) -> float:
    """Where a linear schedule from ``start`` to ``due`` stands today, in %."""
    if today <= start:
        return 0.0
    if today >= due or due <= start:
        return 100.0
    return round(100.0 * (today - start).days / (due - start).days, 1)


def status_of(
    percent: float | None,
    start: date,
    due: date,
    today: date,
    margin: float,
) -> str:
    """achieved, not_achieved, at_risk or on_track."""
    reached = percent or 0.0
    if reached >= 100.0:
        return "achieved"
    if today > due:
        return "not_achieved"
    if reached < expected_percent(start, due, today) - margin:
        return "at_risk"
    return "on_track"


def risk_margin() -> float:
    value = api.portal.get_registry_record(MARGIN_RECORD, default=10)
    return float(value if value is not None else 10)


def schedule_start(goal) -> date:
    """The programme year's first day (the goal's year if it has none)."""
    from municipality.intranet.vocabularies.goals import programme_of

    programme = programme_of(goal)
    year = getattr(programme, "programme_year", None)
    if not year:
        year = goal.due_date.year if goal.due_date else site_today().year
    return date(year, 1, 1)


def measure(goal, today: date, margin: float | None = None) -> Measure:
    """The goal as it stood on ``today`` (progress recorded later ignored)."""
    taken = readings(goal, until=today)
    latest = taken[-1] if taken else None
    percent = (
        percent_of_target(goal.baseline or 0.0, goal.target, latest.value)
        if latest is not None and goal.target is not None
        else None
    )
    state = api.content.get_state(goal, default=None)
    if state not in MEASURED_STATES or goal.due_date is None:
        return Measure(latest, percent, None, "not_approved")
    start = schedule_start(goal)
    margin = risk_margin() if margin is None else margin
    return Measure(
        latest,
        percent,
        expected_percent(start, goal.due_date, today),
        status_of(percent, start, goal.due_date, today, margin),
    )
