"""Shared fixtures: pytest-plone fixtures bound to the product's layers."""

from datetime import date
from datetime import datetime
from datetime import time
from municipality.intranet.testing import FUNCTIONAL_TESTING
from municipality.intranet.testing import INTEGRATION_TESTING
from pathlib import Path
from pytest_plone import fixtures_factory

import os
import pytest
import pytz
import time as time_mod
import time_machine


# Compile our .po files when the ZCML loads, as the instance does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


ATHENS = pytz.timezone("Europe/Athens")
CLOCK_SITE = Path(__file__).parent / "clock"


# The days on which every ``dated`` test runs again, besides today: the
# last and first day of a year, a leap day, a day years ahead in summer time.
DATED_DAYS = (
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2028, 2, 29),
    date(2030, 6, 15),
)


def real_time() -> float:
    """Seconds since the epoch on the wall clock, whatever the test's clock."""
    if time_machine.escape_hatch.is_travelling():
        return time_machine.escape_hatch.time.time()
    return time_mod.time()


@pytest.fixture(scope="session")
def wall_clock():
    """``real_time``: for a test that sets the clock of a process it starts."""
    return real_time


def same_kind_of_day(day: date) -> date:
    """``day``, or once it is past, the next day like it (a year-end, a leap day).

    The test layers are made at the wall clock's time and a test must not
    move it back before them (see ``clock``): years from now, the dated runs
    move to the next 31 December, 1 January, 29 February and so on.
    """
    today = datetime.fromtimestamp(real_time(), ATHENS).date()
    years = 0
    while True:
        try:
            candidate = day.replace(year=day.year + years)
        except ValueError:  # 29 February of a common year
            years += 1
            continue
        if candidate > today:
            return candidate
        years += 1


def pytest_generate_tests(metafunc):
    """A ``dated`` test runs today and on each of DATED_DAYS (unless --today)."""
    if metafunc.definition.get_closest_marker("dated") is None:
        return
    if metafunc.config.getoption("--today"):
        return
    days = [None, *(same_kind_of_day(day) for day in DATED_DAYS)]
    metafunc.fixturenames.insert(0, "dated_day")
    metafunc.parametrize(
        "dated_day",
        days,
        indirect=True,
        ids=["today", *(f"on-{day.isoformat()}" for day in days[1:])],
    )


@pytest.fixture
def dated_day(request):
    """The clock at 10:00 of the day this copy of a dated test runs on; ticking."""
    day = getattr(request, "param", None)
    if day is None:
        yield None
        return
    moment = ATHENS.localize(datetime.combine(day, time(10)))
    with time_machine.travel(moment, tick=True):
        yield day


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        metavar="YYYY-MM-DD",
        help="run as if today were this day: the clock starts at 10:00 in "
        "Athens and ticks on, in the tests and in the processes they start",
    )


def pytest_configure(config):
    """``--today``: move the clock of the whole run, subprocesses included.

    A dated run proves that no test passes only on the day it was written:
    tests build their dates from today or fix the clock themselves.
    """
    day = config.getoption("--today")
    if not day:
        return
    moment = ATHENS.localize(datetime.combine(date.fromisoformat(day), time(10)))
    offset = moment.timestamp() - datetime.now(pytz.utc).timestamp()
    traveller = time_machine.travel(moment, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)
    os.environ["MUNICIPALITY_TEST_CLOCK_OFFSET"] = str(offset)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(CLOCK_SITE), os.environ.get("PYTHONPATH")])
    )


def pytest_report_header(config):
    day = config.getoption("--today")
    return f"clock moved: today is {day}" if day else None


@pytest.fixture
def clock(request):
    """Stop the clock at a moment of the site's zone for the rest of the test.

    ``clock(date(2026, 12, 5))`` is 10:00 that day in Athens;
    ``clock(date(...), hour=23, minute=30)`` another time. The clock stands
    still unless ``tick=True``; the WSGI server of the functional layer, in
    this process, sees the same time.

    A test that commits (the functional layer) may only move the clock
    forward: its DemoStorage would number a commit in the past before the
    layer's own, and lose sight of the site.
    """
    travellers = []
    commits = "functional_portal" in request.fixturenames

    def travel(day: date, hour: int = 10, minute: int = 0, tick: bool = False):
        moment = ATHENS.localize(datetime.combine(day, time(hour, minute)))
        if commits and moment.timestamp() < real_time():
            pytest.fail(f"a functional test cannot move the clock back to {moment}")
        traveller = time_machine.travel(moment, tick=tick)
        traveller.start()
        travellers.append(traveller)
        return moment

    yield travel
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture
def demo_clock(clock):
    """The clock at 10:00 of the day the demo content describes as today.

    For tests that read the demo as written (its coming sessions, its
    overdue follow-ups) rather than dates made from today.
    """
    from municipality.intranet.demo_dates import DEMO_TODAY

    return clock(DEMO_TODAY)


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`make pytest`), the files with slow tests first.

    Each worker takes whole files, in this order (``--dist loadfile
    --no-loadscope-reorder``): a file of minutes started last would keep one
    worker busy long after the others are done.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


@pytest.fixture(scope="session")
def package_name() -> str:
    return "municipality.intranet"


@pytest.fixture(scope="session")
def distribution_name() -> str:
    return "municipality"


@pytest.fixture(autouse=True)
def _forget_failed_logins():
    """Failed logins are counted per process: each test starts afresh."""
    from municipality.intranet import login_throttle

    login_throttle.reset()
    yield
    login_throttle.reset()
