"""A site made on 1 March 2028 shows a living demo: its dates moved there.

The site is made by ``make site``'s script in a real instance whose clock is
set to that day (tests/clock/sitecustomize.py), and read by another process
with the same clock, as an anonymous visitor.
"""

from datetime import date
from datetime import datetime
from datetime import time
from pathlib import Path

import json
import os
import pytest
import pytz
import subprocess
import sys


pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
HERE = Path(__file__).parent
ATHENS = pytz.timezone("Europe/Athens")


def clock_at(day: date, wall_clock) -> dict:
    """Environment that starts a Python process's clock at 10:00 of ``day``."""
    moment = ATHENS.localize(datetime.combine(day, time(10)))
    # From the wall clock, which the subprocess starts from, even when this
    # run's own clock is moved (pytest --today).
    offset = moment.timestamp() - wall_clock()
    return {
        "MUNICIPALITY_TEST_CLOCK_OFFSET": str(offset),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "tests" / "clock"), os.environ.get("PYTHONPATH")])
        ),
    }


def zconsole(folder: Path, script: Path, env: dict) -> str:
    environment = {**os.environ, **env}
    environment.pop("DEMO_TODAY", None)
    result = subprocess.run(
        [BIN / "zconsole", "run", folder / "etc" / "zope.conf", script],
        env=environment,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def seen_on_1_march_2028(tmp_path_factory, wall_clock):
    folder = tmp_path_factory.mktemp("demo-2028")
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "instance.py", "--dir", folder],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    env = clock_at(date(2028, 3, 1), wall_clock)
    zconsole(folder, ROOT / "scripts" / "create_site.py", env)
    output = zconsole(folder, HERE / "demo_today_check.py", env)
    return json.loads(output.strip().splitlines()[-1])


def test_the_site_lives_on_its_own_today(seen_on_1_march_2028):
    assert seen_on_1_march_2028["today"] == "2028-03-01"


def test_coming_meetings(seen_on_1_march_2028):
    coming = seen_on_1_march_2028["coming_meetings"]
    assert coming
    assert all(item["start"] >= "2028-03-01" for item in coming)


def test_this_years_action_programme(seen_on_1_march_2028):
    (programme,) = seen_on_1_march_2028["programmes"]
    assert programme["year"] == 2028
    assert "2028" in programme["title"]


def test_protocol_events_this_month(seen_on_1_march_2028):
    days = [event["day"] for event in seen_on_1_march_2028["this_month"]]
    assert days
    assert all(day.startswith("2028-03") for day in days)
    # The national holiday of 25 March keeps its day.
    assert "2028-03-25" in days
