"""Protocol numbers of circulars: per year and issuing authority, in order of issue.

Each (year, authority) has its own persistent counter. Two transactions
that take a number from the same counter at the same time both write it,
so the later one fails with a ConflictError and is retried (as Zope retries
every request), reading the new value: numbers are never handed out twice.
The counter deliberately has no conflict resolution, which would merge the
two writes and hand out the same number twice.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "municipality.intranet.circular_counters"
FORMAT_RECORD = "municipality.intranet.circular_number_format"
DEFAULT_FORMAT = "{year}/{number:04d}"


class Counter(Persistent):
    def __init__(self):
        self.value = 0


def _counters(site) -> OOBTree:
    annotations = IAnnotations(site)
    if ANNOTATION_KEY not in annotations:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations[ANNOTATION_KEY]


def next_number(site, year: int, authority: str) -> int:
    """Take the next number of the year for the authority."""
    counters = _counters(site)
    key = f"{year}:{authority}"
    counter = counters.get(key)
    if counter is None:
        counter = counters[key] = Counter()
    counter.value += 1
    return counter.value


def last_number(site, year: int, authority: str) -> int:
    counters = IAnnotations(site).get(ANNOTATION_KEY, {})
    counter = counters.get(f"{year}:{authority}")
    return counter.value if counter is not None else 0


def format_number(year: int, number: int, authority: str = "") -> str:
    template = api.portal.get_registry_record(FORMAT_RECORD, default=DEFAULT_FORMAT)
    try:
        return template.format(year=year, number=number, authority=authority)
    except (KeyError, IndexError, ValueError):
        return DEFAULT_FORMAT.format(year=year, number=number)


def first_free(year: int, series: str, render, is_taken) -> str:
    """The next number of a series that no record carries yet.

    Imported records (the demo's, or a register moved from another system)
    carry numbers the counter never handed out: those are skipped.
    ``render(number)`` formats a number; ``is_taken(text)`` looks it up.
    """
    site = api.portal.get()
    while True:
        text = render(next_number(site, year, series))
        if not is_taken(text):
            return text
