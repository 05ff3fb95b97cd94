"""`make bench` at smoke size, so that the benchmark does not rot.

Not a timed test: it checks that every figure of the benchmark was measured
(every page answered, wrk counted requests without errors) and that the
checks of the run hold: no stale page after an edit, no intranet page from
the shared cache, and the same figures in the JSON and the markdown table.
"""

from pathlib import Path

import json
import pytest
import shutil
import socket
import subprocess
import sys


ROOT = Path(__file__).parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(shutil.which(c) for c in ("wrk", "varnishd", "nginx")),
        reason="make system-deps",
    ),
]


def free_ports(count: int) -> int:
    """The first of ``count`` consecutive free ports on loopback."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + count > 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    completed = subprocess.run(
        [sys.executable, ROOT / "scripts" / "bench.py", "--size", "smoke",
         "--seconds", "1", "--dir", folder / "instance",
         "--results", folder / "results", "--port", str(free_ports(3))],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-4000:]
    out = folder / "results"
    return (
        json.loads((out / "latest-smoke.json").read_text()),
        (out / "latest-smoke.md").read_text(),
    )


def test_every_public_page_measured_three_ways(results):
    data, _table = results
    assert set(data["pages"]) == {
        "unit page",
        "contact directory",
        "service table (site)",
        "service page",
        "circular list",
        "plain Document (baseline)",
    }
    for page in data["pages"].values():
        for way in ("varnish", "zope", "nginx"):
            run = page[way]
            assert run["requests"] > 0
            assert run["errors"] == 0, (page["path"], way)
            assert 0 < run["p50_ms"] <= run["p95_ms"] <= run["p99_ms"]
        assert page["bytes"] > 1000


def test_staff_pages_and_writes_measured(results):
    data, _table = results
    assert len(data["staff"]) == 4
    assert all(run["errors"] == 0 and run["requests"] for run in data["staff"].values())
    writes = data["writes"]
    assert writes["rest_created"] == writes["rest_circulars"] > 0
    assert writes["api_circulars_per_s"] > 0
    assert data["resources"]["rss_mib"] > 0


def test_no_stale_page_and_no_intranet_page_from_the_cache(results):
    data, _table = results
    assert data["freshness"]["stale"] == 0
    assert data["freshness"]["intranet_served_from_cache"] == 0


def test_table_states_every_target(results):
    data, table = results
    assert len(data["targets"]) == 10
    for row in data["targets"]:
        assert row["target"] in table
    assert data["machine"]["cores"] >= 1
