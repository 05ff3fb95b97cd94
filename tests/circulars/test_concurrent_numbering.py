"""Two editors issuing at the same moment, in two processes, never share a number.

Each "process" is its own ZODB connection with its own transaction manager,
as two Zope instances on one database (FileStorage/ZEO/RelStorage) have.
"""

from municipality.intranet.circular_numbering import next_number
from ZODB.POSException import ConflictError
from zodb_sessions import open_site
from zope.component.hooks import setSite

import pytest
import transaction


def take_number(manager, site, year, attempts=3):
    """Take a number the way Zope handles a request: retry on conflicts."""
    for attempt in manager.attempts(attempts):
        with attempt:
            site._p_jar.sync()
            setSite(site)
            number = next_number(site, year, "mayor")
    return number


@pytest.fixture
def database(functional_portal):
    transaction.commit()
    yield functional_portal._p_jar.db()
    # The other connections are closed: point the component lookup home again.
    setSite(functional_portal)


def test_simultaneous_issue_conflicts_then_retries(database):
    manager_a, connection_a, site_a = open_site(database)
    manager_b, connection_b, site_b = open_site(database)
    try:
        # Both read the counter before either commits: the same number.
        manager_a.begin()
        manager_b.begin()
        setSite(site_a)
        number_a = next_number(site_a, 2031, "mayor")
        setSite(site_b)
        number_b = next_number(site_b, 2031, "mayor")
        assert number_a == number_b == 1
        manager_a.commit()
        # The second commit must not silently keep the duplicate.
        with pytest.raises(ConflictError):
            manager_b.commit()
        manager_b.abort()
        # Zope retries the request: now it gets the next number.
        assert take_number(manager_b, site_b, 2031) == 2
    finally:
        connection_a.close()
        connection_b.close()


def test_many_interleaved_issues_are_unique(database):
    sessions = [open_site(database) for _ in range(4)]
    try:
        numbers = [
            take_number(manager, site, 2032) for manager, _c, site in sessions * 5
        ]
        assert sorted(numbers) == list(range(1, 21))
    finally:
        for _manager, connection, _site in sessions:
            connection.close()
