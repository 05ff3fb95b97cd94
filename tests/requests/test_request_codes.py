"""Tracking codes: unique even when two submissions draw the same one."""

from municipality.intranet.request_codes import CODE
from municipality.intranet.request_codes import new_code
from municipality.intranet.request_codes import normalise
from ZODB.POSException import ConflictError
from zodb_sessions import open_site
from zope.component.hooks import setSite

import itertools
import pytest
import transaction


@pytest.mark.parametrize(
    "typed,stored",
    [
        ("REQ-2026-483920", "REQ-2026-483920"),
        (" req 2026 483920 ", "REQ-2026-483920"),
        ("2026483920", "REQ-2026-483920"),
        ("REQ-2026-48392", ""),
        ("", ""),
        ("<script>", ""),
    ],
)
def test_normalise(typed, stored):
    assert normalise(typed) == stored


def test_codes_look_right_and_are_not_sequential(portal):
    codes = [new_code(2026) for _ in range(50)]
    assert all(CODE.match(code) for code in codes)
    assert len(set(codes)) == 50
    numbers = sorted(int(code[-6:]) for code in codes)
    assert numbers != list(range(numbers[0], numbers[0] + 50))


def test_a_drawn_code_that_is_taken_is_drawn_again(portal):
    first = new_code(2026, drawer=lambda year: "REQ-2026-111111")
    draws = itertools.chain(["REQ-2026-111111"], itertools.repeat("REQ-2026-222222"))
    second = new_code(2026, drawer=lambda year: next(draws))
    assert (first, second) == ("REQ-2026-111111", "REQ-2026-222222")


@pytest.fixture
def database(functional_portal):
    transaction.commit()
    yield functional_portal._p_jar.db()
    setSite(functional_portal)


def test_simultaneous_submissions_with_the_same_code_conflict(database):
    """Two instances draw the same code at once: the second must retry."""
    manager_a, connection_a, site_a = open_site(database)
    manager_b, connection_b, site_b = open_site(database)
    same = lambda year: "REQ-2026-333333"  # noqa: E731
    try:
        manager_a.begin()
        manager_b.begin()
        setSite(site_a)
        assert new_code(2026, drawer=same) == "REQ-2026-333333"
        setSite(site_b)
        assert new_code(2026, drawer=same) == "REQ-2026-333333"
        manager_a.commit()
        with pytest.raises(ConflictError):
            manager_b.commit()
        manager_b.abort()
        # The retried request sees the code taken and draws another.
        draws = iter(["REQ-2026-333333", "REQ-2026-444444"])
        for attempt in manager_b.attempts(3):
            with attempt:
                site_b._p_jar.sync()
                setSite(site_b)
                code = new_code(2026, drawer=lambda year: next(draws))
        assert code == "REQ-2026-444444"
        # Different codes drawn at the same time merge without conflict.
        manager_a.begin()
        manager_b.begin()
        setSite(site_a)
        new_code(2026, drawer=lambda year: "REQ-2026-555555")
        setSite(site_b)
        new_code(2026, drawer=lambda year: "REQ-2026-666666")
        manager_a.commit()
        manager_b.commit()
    finally:
        connection_a.close()
        connection_b.close()
