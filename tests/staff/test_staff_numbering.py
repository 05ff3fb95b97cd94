"""Two approvals at the same moment, in two Zope instances, never share a number.

Each "instance" is its own ZODB connection with its own transaction
manager, approving a different endorsed request of the same kind.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from staff_helpers import create_users
from staff_helpers import make_leave
from staff_helpers import transition
from ZODB.POSException import ConflictError
from zodb_sessions import open_site
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.dated


def approve_in(manager, site, path, attempts=3):
    """Approve as the General Secretariat, retrying on conflicts as Zope does."""
    for attempt in manager.attempts(attempts):
        with attempt:
            site._p_jar.sync()
            setSite(site)
            login(site)
            obj = site.unrestrictedTraverse(path)
            site.portal_workflow.doActionFor(obj, "approve")
            number = obj.authorisation_number
    return number


def login(site):
    user = site.acl_users.getUserById("gs_officer")
    newSecurityManager(None, user.__of__(site.acl_users))


@pytest.fixture
def endorsed(functional_portal):
    portal = functional_portal
    create_users()
    paths = []
    start = make_leave(portal).start
    for employee in ("employee", "colleague", "head"):
        leave = make_leave(portal, user=employee, start=start)
        leave_path = "/".join(leave.getPhysicalPath()[2:])
        transition(leave, employee, "submit")
        transition(leave, "gs_officer" if employee == "head" else "head", "endorse")
        paths.append(leave_path)
    transaction.commit()
    yield portal._p_jar.db(), paths
    noSecurityManager()
    setSite(portal)


def test_simultaneous_approvals_conflict_then_retry(endorsed):
    database, paths = endorsed
    manager_a, connection_a, site_a = open_site(database)
    manager_b, connection_b, site_b = open_site(database)
    try:
        manager_a.begin()
        manager_b.begin()
        for site, path in ((site_a, paths[0]), (site_b, paths[1])):
            setSite(site)
            login(site)
            site.portal_workflow.doActionFor(site.unrestrictedTraverse(path), "approve")
        first = site_a.unrestrictedTraverse(paths[0]).authorisation_number
        second = site_b.unrestrictedTraverse(paths[1]).authorisation_number
        # Both read the counter before either committed.
        assert first == second
        manager_a.commit()
        with pytest.raises(ConflictError):
            manager_b.commit()
        manager_b.abort()
        retried = approve_in(manager_b, site_b, paths[1])
        assert retried != first
        assert retried.endswith("/0002")
    finally:
        connection_a.close()
        connection_b.close()


def test_interleaved_approvals_get_distinct_numbers(endorsed):
    database, paths = endorsed
    sessions = [open_site(database) for _ in paths]
    try:
        numbers = [
            approve_in(manager, site, path)
            for (manager, _c, site), path in zip(sessions, paths, strict=True)
        ]
        assert len(set(numbers)) == 3
        assert sorted(n.rsplit("/", 1)[1] for n in numbers) == ["0001", "0002", "0003"]
    finally:
        for _manager, connection, _site in sessions:
            connection.close()
