"""Working days: weekends and the configured public holidays are skipped.

Holidays are registry lines ``MM-DD | name`` (every year, e.g. 03-25) or
``YYYY-MM-DD | name`` (one year only: Easter, Kurban Bayramı and other
holidays of the lunar or Orthodox calendars move from year to year).
"""

from datetime import date
from datetime import timedelta
from municipality.intranet import _
from plone import api
from zope.schema import ValidationError


HOLIDAYS_RECORD = "municipality.intranet.public_holidays"


class InvalidHolidayLine(ValidationError):
    __doc__ = _(
        "Write each holiday as MM-DD | name (every year) or YYYY-MM-DD | name "
        "(that year only)."
    )


def parse_holiday(line: str) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a holiday line; ValueError if malformed."""
    day_part = line.split("|", 1)[0].strip()
    parts = [int(part) for part in day_part.split("-")]
    if len(parts) == 2:
        date(2024, *parts)  # a leap year: 02-29 is a date
        return None, parts[0], parts[1]
    if len(parts) == 3:
        date(*parts)
        return parts[0], parts[1], parts[2]
    raise ValueError(line)


def check_holiday_lines(value) -> bool:
    for line in value or ():
        try:
            parse_holiday(line)
        except (ValueError, TypeError) as error:
            raise InvalidHolidayLine(line) from error
    return True


def holidays(lines=None) -> set[tuple[int | None, int, int]]:
    if lines is None:
        lines = api.portal.get_registry_record(HOLIDAYS_RECORD, default=None) or ()
    found = set()
    for line in lines:
        try:
            found.add(parse_holiday(line))
        except (ValueError, TypeError):
            continue
    return found


def is_working_day(day: date, closed=frozenset()) -> bool:
    if day.weekday() >= 5:
        return False
    return (None, day.month, day.day) not in closed and (
        day.year,
        day.month,
        day.day,
    ) not in closed


def add_working_days(start: date, count: int, closed=None) -> date:
    """The day ``count`` working days after ``start`` (which is not counted)."""
    closed = holidays() if closed is None else closed
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, closed):
            remaining -= 1
    return day


def working_days_between(first: date, last: date, closed=None) -> int:
    """Working days from ``first`` to ``last``, both included."""
    closed = holidays() if closed is None else closed
    count, day = 0, first
    while day <= last:
        count += is_working_day(day, closed)
        day += timedelta(days=1)
    return count
