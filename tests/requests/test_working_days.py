"""Deadlines in working days: weekends and configured holidays skipped."""

from datetime import date
from municipality.intranet.working_days import add_working_days
from municipality.intranet.working_days import check_holiday_lines
from municipality.intranet.working_days import holidays
from municipality.intranet.working_days import InvalidHolidayLine
from municipality.intranet.working_days import working_days_between

import pytest


LINES = [
    "03-25 | Εθνική εορτή",
    "10-28 | Επέτειος του Όχι",
    "2026-04-13 | Δευτέρα του Πάσχα",
    "12-25 | Χριστούγεννα",
    "12-26 | Σύναξη της Θεοτόκου",
]
CLOSED = holidays(LINES)


@pytest.mark.parametrize(
    "start,count,expected",
    [
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday → Monday
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # a whole week
        (date(2026, 11, 23), 15, date(2026, 12, 14)),
        # Thursday 24; Friday 25 a holiday, then the weekend; 28, 29.
        (date(2026, 12, 23), 3, date(2026, 12, 29)),
        (date(2026, 4, 10), 1, date(2026, 4, 14)),  # Easter Monday of 2026 only
        (date(2027, 4, 9), 1, date(2027, 4, 12)),  # ... not of 2027
        (date(2026, 3, 24), 1, date(2026, 3, 26)),  # 25 March, every year
        (date(2031, 3, 24), 1, date(2031, 3, 26)),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_add_working_days(start, count, expected):
    assert add_working_days(start, count, CLOSED) == expected


def test_working_days_between():
    # 21-24 and 28-31: Christmas Day is a Friday, Boxing Day a Saturday.
    assert working_days_between(date(2026, 12, 21), date(2026, 12, 31), CLOSED) == 8
    assert working_days_between(date(2026, 11, 28), date(2026, 11, 29), CLOSED) == 0


@pytest.mark.parametrize("bad", ["25-03 | x", "2026-02-30 | x", "Πάσχα", "13-01"])
def test_bad_holiday_lines(bad):
    with pytest.raises(InvalidHolidayLine):
        check_holiday_lines([bad])


def test_good_holiday_lines():
    assert check_holiday_lines(LINES)
    assert check_holiday_lines(["02-29 | leap day"])
