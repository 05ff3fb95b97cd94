"""Numbers of leave and travel authorisations: per year and kind.

Each kind of leave and travel have their own series, numbered from 1 each
year in order of approval, with the circulars' atomic counters (two
approvals at the same moment conflict and one is retried; no number is
handed out twice).
"""

from municipality.intranet.circular_numbering import first_free
from municipality.intranet.staff_request_checks import STAFF_TYPES
from plone import api


def render(year: int, number: int) -> str:
    return f"{year}/{number:04d}"


def assign_number(obj, year: int) -> str:
    series = obj.series()
    catalog = api.portal.get_tool("portal_catalog")

    def is_taken(text: str) -> bool:
        return bool(
            catalog.unrestrictedSearchResults(
                portal_type=list(STAFF_TYPES),
                staff_series=series,
                authorisation_number=text,
            )
        )

    obj.authorisation_number = first_free(
        year, f"staff:{series}", lambda number: render(year, number), is_taken
    )
    return obj.authorisation_number
