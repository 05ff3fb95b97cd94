"""Deadlines in working days: weekends and configured holidays skipped."""

from datetime import date
from municipality.intranet.working_days import add_working_days
from municipality.intranet.working_days import check_holiday_lines
from municipality.intranet.working_days import ClosedDays
from municipality.intranet.working_days import holidays
from municipality.intranet.working_days import InvalidHolidayLine
from municipality.intranet.working_days import national_holidays
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


# The country's public holidays come from the holidays library, any year.

GREECE = ClosedDays("GR")
TURKEY = ClosedDays("TR")


@pytest.mark.parametrize(
    "country,day",
    [
        ("GR", date(2030, 3, 11)),  # Clean Monday
        ("GR", date(2030, 4, 26)),  # Good Friday
        ("GR", date(2030, 4, 29)),  # Orthodox Easter Monday (Easter: 28 April)
        ("GR", date(2030, 6, 17)),  # Whit Monday
        ("GR", date(2035, 3, 25)),
        ("TR", date(2030, 2, 4)),  # Ramazan Bayramı
        ("TR", date(2030, 4, 13)),  # Kurban Bayramı, four days
        ("TR", date(2030, 4, 16)),
        ("TR", date(2030, 10, 29)),
    ],
)
def test_national_holidays_of_any_year(country, day):
    assert (day.year, day.month, day.day) in national_holidays(country, day.year)
    assert (day.year, day.month, day.day) in ClosedDays(country)


def test_deadline_across_easter_2030_in_greece():
    # Thu 25 April; Good Friday, Easter Monday and 1 May are closed.
    assert add_working_days(date(2030, 4, 25), 2, GREECE) == date(2030, 5, 2)
    assert add_working_days(date(2030, 4, 24), 5, GREECE) == date(2030, 5, 6)


def test_leave_across_kurban_bayrami_2030_in_turkey():
    # Monday to Friday, of which Monday 15 and Tuesday 16 are the Bayram.
    assert working_days_between(date(2030, 4, 15), date(2030, 4, 19), TURKEY) == 3
    assert working_days_between(date(2030, 4, 15), date(2030, 4, 19), GREECE) == 5


def test_local_holidays_and_days_not_observed():
    closed = ClosedDays(
        "GR",
        ["12-06 | Εορτή του πολιούχου", "2030-11-30 | Επέτειος απελευθέρωσης"],
        ["2030-04-26 | Ο Δήμος λειτουργεί τη Μεγάλη Παρασκευή"],
    )
    assert (2030, 12, 6) in closed
    assert (None, 12, 6) in closed
    assert (2031, 12, 6) in closed
    assert (2030, 11, 30) in closed
    assert (2031, 11, 30) not in closed
    assert (2030, 4, 26) not in closed  # worked this year only
    assert (2031, 4, 11) in closed  # Good Friday 2031
    assert add_working_days(date(2030, 4, 25), 2, closed) == date(2030, 4, 30)


def test_fixed_national_holidays_count_every_year():
    assert (None, 3, 25) in GREECE
    assert (None, 10, 29) in TURKEY
    assert (None, 4, 29) not in GREECE  # Easter Monday moves
    assert (None, 3, 25) not in ClosedDays("GR", (), ["03-25 | works"])


def test_unknown_country_has_only_local_holidays():
    closed = ClosedDays("XX", ["01-02 | Local"])
    assert (2030, 1, 1) not in closed
    assert (2030, 1, 2) in closed
