"""Public holidays from the holidays library; the settings keep local ones.

The country's holidays that a site typed into ``public_holidays`` (every
year, and the moving ones of 2026–27) are now known for every year: those
lines go, the others (the municipality's own) stay. The record of holidays
not observed is added.
"""

from datetime import date
from municipality.intranet.settings import site_country
from municipality.intranet.site_clock import site_today
from municipality.intranet.working_days import HOLIDAYS_RECORD
from municipality.intranet.working_days import national_holidays
from municipality.intranet.working_days import NOT_OBSERVED_RECORD
from municipality.intranet.working_days import parse_holiday
from plone import api
from plone.registry import field
from plone.registry import Record
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import logging


logger = logging.getLogger("municipality.intranet")


def is_national(line: str, country: str, year: int) -> bool:
    """Whether a holiday line names one of the country's public holidays."""
    try:
        line_year, month, day = parse_holiday(line)
    except (ValueError, TypeError):
        return False
    year = line_year or year
    try:
        date(year, month, day)
    except ValueError:  # 02-29 in a common year
        return False
    return (year, month, day) in national_holidays(country, year)


def local_lines(lines, country: str, year: int) -> list[str]:
    return [line for line in lines or () if not is_national(line, country, year)]


def upgrade(setup_tool) -> None:
    registry = getUtility(IRegistry)
    if NOT_OBSERVED_RECORD not in registry.records:
        registry.records[NOT_OBSERVED_RECORD] = Record(
            field.List(
                title="Public holidays on which the municipality works",
                value_type=field.TextLine(),
                required=False,
            ),
            [],
        )
    lines = api.portal.get_registry_record(HOLIDAYS_RECORD, default=None) or []
    kept = local_lines(lines, site_country(), site_today().year)
    api.portal.set_registry_record(HOLIDAYS_RECORD, kept)
    logger.info(
        "Public holidays: %d lines of the country's left to the holidays "
        "library, %d local kept.",
        len(lines) - len(kept),
        len(kept),
    )
