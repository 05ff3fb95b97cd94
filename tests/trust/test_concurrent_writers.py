"""Two writers on the same object, as two Zope instances would be.

Two units acknowledging a circular at once, two progress notes on the same
decision at once: the second writer may conflict (the acknowledgements'
bucket merges keys inside it, not at its ends; a folder always conflicts)
and is run again, as Zope runs a conflicting request again; both writes are
there, neither is lost or doubled. (Numbering counters must not
resolve conflicts: see tests/circulars/test_concurrent_numbering.py.)
"""

from municipality.intranet.acknowledgements import acknowledgements
from plone import api
from zodb_sessions import open_site
from zope.component.hooks import setSite

import pytest
import transaction


CIRCULAR = "units/mayors-office/general-secretariat/council-agenda-submissions"
DECISION = "meetings/council-2026-11-12/budget-amendment-2026-5/decision-186-2026"


@pytest.fixture
def database(functional_portal):
    circular = functional_portal.unrestrictedTraverse(CIRCULAR)
    acknowledgements(circular, for_writing=True)["first-unit"] = {"user": "a"}
    transaction.commit()
    yield functional_portal._p_jar.db()
    setSite(functional_portal)


def test_two_units_acknowledging_at_once_both_count(database):
    (manager_a, connection_a, site_a), (manager_b, connection_b, site_b) = (
        open_site(database),
        open_site(database),
    )
    try:
        manager_a.begin()
        manager_b.begin()
        setSite(site_a)
        acknowledgements(site_a.unrestrictedTraverse(CIRCULAR), True)["unit-a"] = {}
        setSite(site_b)
        acknowledgements(site_b.unrestrictedTraverse(CIRCULAR), True)["unit-b"] = {}
        manager_a.commit()
        try:
            manager_b.commit()
        except transaction.interfaces.TransientError:
            manager_b.abort()
            for attempt in manager_b.attempts(5):
                with attempt:
                    site_b._p_jar.sync()
                    setSite(site_b)
                    circular = site_b.unrestrictedTraverse(CIRCULAR)
                    acknowledgements(circular, True)["unit-b"] = {}
        manager_a.begin()
        setSite(site_a)
        store = acknowledgements(site_a.unrestrictedTraverse(CIRCULAR))
        assert {"first-unit", "unit-a", "unit-b"} <= set(store.keys())
        assert len(store) == 3
    finally:
        connection_a.close()
        connection_b.close()


def add_note(manager, site, text, attempts=5):
    """Add a note the way Zope handles a request: retry on conflicts."""
    for attempt in manager.attempts(attempts):
        with attempt:
            site._p_jar.sync()
            setSite(site)
            with api.env.adopt_roles(["Manager"]):
                api.content.create(
                    container=site.unrestrictedTraverse(DECISION),
                    type="ProgressNote",
                    id=text,
                    text=text,
                )


def test_two_notes_on_one_decision_at_once(database):
    sessions = [open_site(database) for _ in range(2)]
    (manager_a, connection_a, site_a), (manager_b, connection_b, site_b) = sessions
    try:
        manager_a.begin()
        manager_b.begin()
        for site, text in ((site_a, "note-a"), (site_b, "note-b")):
            setSite(site)
            with api.env.adopt_roles(["Manager"]):
                api.content.create(
                    container=site.unrestrictedTraverse(DECISION),
                    type="ProgressNote",
                    id=text,
                    text=text,
                )
        manager_a.commit()
        with pytest.raises(transaction.interfaces.TransientError):
            manager_b.commit()
        manager_b.abort()
        add_note(manager_b, site_b, "note-b")
        manager_a.begin()
        site_a._p_jar.sync()
        assert {"note-a", "note-b"} <= set(site_a.unrestrictedTraverse(DECISION))
    finally:
        connection_a.close()
        connection_b.close()
