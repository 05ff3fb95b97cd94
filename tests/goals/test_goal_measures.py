"""Derived figures of a goal: share of target, schedule, status."""

from datetime import date
from municipality.intranet.goal_measures import expected_percent
from municipality.intranet.goal_measures import percent_of_target
from municipality.intranet.goal_measures import status_of

import pytest


START = date(2026, 1, 1)
DUE = date(2026, 12, 31)


@pytest.mark.parametrize(
    "baseline,target,value,expected",
    [
        (0, 100, 50, 50.0),
        (60, 90, 75, 50.0),  # measured from the baseline
        (20, 10, 15, 50.0),  # a goal to reduce: 20 → 10 days
        (20, 10, 8, 120.0),  # beyond the target
        (20, 10, 25, -50.0),  # worse than at the start
        (5, 5, 5, 100.0),
        (5, 5, 4, 0.0),
    ],
)
def test_percent_of_target(baseline, target, value, expected):
    assert percent_of_target(baseline, target, value) == expected


@pytest.mark.parametrize(
    "today,expected",
    [
        (date(2025, 12, 31), 0.0),
        (START, 0.0),
        (date(2026, 7, 2), 50.0),
        (DUE, 100.0),
        (date(2027, 3, 1), 100.0),
    ],
)
def test_expected_percent_follows_a_straight_line(today, expected):
    assert expected_percent(START, DUE, today) == expected


@pytest.mark.parametrize(
    "percent,today,margin,status",
    [
        (100.0, date(2026, 3, 1), 10, "achieved"),
        (130.0, date(2027, 1, 5), 10, "achieved"),
        (99.9, DUE, 10, "on_track"),  # the due day itself is still in time
        (99.9, date(2027, 1, 1), 10, "not_achieved"),
        (None, date(2027, 1, 1), 10, "not_achieved"),
        (None, START, 10, "on_track"),
        # 2 July: 50 % expected; 40 % is exactly on the 10 point margin
        (40.0, date(2026, 7, 2), 10, "on_track"),
        (39.9, date(2026, 7, 2), 10, "at_risk"),
        (45.0, date(2026, 7, 2), 0, "at_risk"),
        (45.0, date(2026, 7, 2), 5, "on_track"),
        (-10.0, date(2026, 2, 1), 10, "at_risk"),
    ],
)
def test_status_around_dates_and_margins(percent, today, margin, status):
    assert status_of(percent, START, DUE, today, margin) == status
