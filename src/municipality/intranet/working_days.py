"""Working days: weekends and public holidays are skipped.

The country's public holidays, the moving ones included (Orthodox Easter and
Whit Monday, Ramazan and Kurban Bayramı), come from the maintained
``holidays`` library for any year, so that deadlines and leave counted in
2030 are as right as in 2026 without anyone typing dates every year. The
settings keep only what is the municipality's own, as lines ``MM-DD | name``
(every year, e.g. a patron saint) or ``YYYY-MM-DD | name`` (that year only):
local holidays added, and the country's holidays on which it works.
"""

from datetime import date
from datetime import timedelta
from functools import lru_cache
from municipality.intranet import _
from municipality.intranet.settings import site_country
from plone import api
from zope.schema import ValidationError

import holidays as holiday_calendars


# Local public holidays, added to the country's.
HOLIDAYS_RECORD = "municipality.intranet.public_holidays"
# The country's public holidays on which the municipality works.
NOT_OBSERVED_RECORD = "municipality.intranet.holidays_not_observed"


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


@lru_cache(maxsize=64)
def holiday_names(country: str, year: int) -> dict[date, str]:
    """The country's public holidays of ``year``: day → name (the library's)."""
    try:
        return dict(holiday_calendars.country_holidays(country, years=year))
    except NotImplementedError:  # a country the library does not know
        return {}


@lru_cache(maxsize=64)
def national_holidays(country: str, year: int) -> frozenset[tuple[int, int, int]]:
    """(year, month, day) of the country's public holidays in ``year``."""
    return frozenset(
        (day.year, day.month, day.day) for day in holiday_names(country, year)
    )


class ClosedDays:
    """The days besides weekends when the municipality is closed.

    The country's public holidays of any year, the local ones added, those
    not observed taken away. Asked as ``(year, month, day) in closed`` (and
    ``(None, month, day)`` for every year), like a set of holiday lines.
    """

    def __init__(self, country: str | None, local=(), not_observed=()):
        self.country = country
        self.local = holidays(local)
        self.not_observed = holidays(not_observed)

    def __contains__(self, key) -> bool:
        year, month, day = key
        if key in self.local or (None, month, day) in self.local:
            return True
        if not self.country or (None, month, day) in self.not_observed:
            return False
        if year is None:
            # Every year: a fixed holiday of the country (25 March, 29 October).
            this_year = date.today().year
            return all(
                (each, month, day) in national_holidays(self.country, each)
                for each in (this_year, this_year + 1)
            )
        if key in self.not_observed:
            return False
        return key in national_holidays(self.country, year)


def site_closed_days() -> ClosedDays:
    """The site's closed days: its country's holidays and its own settings."""
    return ClosedDays(
        site_country(),
        api.portal.get_registry_record(HOLIDAYS_RECORD, default=None) or (),
        api.portal.get_registry_record(NOT_OBSERVED_RECORD, default=None) or (),
    )


def holidays(lines=None):
    """The holiday lines as a set; without lines, the site's closed days."""
    if lines is None:
        return site_closed_days()
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
