"""``make bench``: the product against plain Plone and the machine's limit,
measured side by side in one run.

1. A benchmark instance of its own (``--dir``, default ``var/bench``): the
   site with its demo content, then the generated data set
   (``scripts/bench_data.py``; sizes from ``--size full|smoke``).
2. Zope (FileStorage, like ``make start``), Varnish in front of it (the
   production path, purged by the site), and nginx serving the very same
   bytes as static files (the physical limit of this machine).
3. wrk (Debian's package) on loopback for every page: through Varnish,
   straight to Zope uncached, and from nginx; a plain Plone ``Document`` in
   the same site is the baseline. Then staff pages (logged in), writes
   through the REST API, no-stale and no-intranet checks through Varnish,
   memory and database size.
4. ``bench/results/<time>.json`` and ``.md`` (and ``latest.*``): requests/s,
   p50/p95/p99, ratios to the baseline and to the limit, each target met or
   not, and the machine it ran on.

This is a measurement, not a test: it fails only when something could not
be measured (a page that does not answer 200, a server that does not start).
"""

from cluster import stop
from cluster import Varnish
from cluster import wait_for_port
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from datetime import UTC
from pathlib import Path
from urllib.parse import quote

import argparse
import base64
import json
import os
import platform
import requests
import shutil
import subprocess
import sys
import tempfile
import time
import uuid


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCRIPTS = ROOT / "scripts"
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "report.lua"
ADMIN = ("admin", "bench-admin-password")
STAFF = ("bench-officer", "a fictional officer's password")
SITE = "Plone"

SIZES = {
    "full": {
        "units": 300,
        "people": 2000,
        "circulars": 100000,
        "decisions": 20000,
        "services": 5000,
        "csv-rows": 5000,
        "api-sample": 500,
    },
    "smoke": {
        "units": 30,
        "people": 60,
        "circulars": 400,
        "decisions": 120,
        "services": 60,
        "csv-rows": 100,
        "api-sample": 20,
    },
}

# Targets of the issue, checked against this run's own figures.
TARGETS = {
    "proxy_vs_static": 0.5,  # through Varnish ≥ 50% of nginx's requests/s
    "proxy_p95_ms": 20,
    "unit_vs_document": 1.5,  # uncached unit page ≤ 1.5 × the Document's time
    "staff_circulars_p95_ms": 300,
    "follow_up_p95_ms": 500,
    "directory_filter_p95_ms": 100,
    "api_circulars_per_s": 200,
    "rss_mib": 1024,
}


def run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, cwd=ROOT, **kwargs)


def zconsole(instance: Path, script: Path, *args: str, **env: str) -> None:
    run(
        [BIN / "zconsole", "run", instance / "etc" / "zope.conf", script, *args],
        env={**os.environ, **env},
    )


class Nginx:
    """nginx serving a folder of static files: the physical limit."""

    def __init__(self, folder: Path, port: int):
        self.folder = folder
        self.port = port
        self.process = None

    def start(self) -> None:
        conf = self.folder / "nginx.conf"
        user = "user root;" if os.geteuid() == 0 else ""
        conf.write_text(
            f"{user}\nworker_processes auto;\npid {self.folder / 'nginx.pid'};\n"
            f"error_log {self.folder / 'error.log'};\n"
            "events { worker_connections 1024; }\n"
            "http {\n  access_log off;\n  default_type text/html;\n"
            # As fast as nginx serves a file: no copies, no reconnections.
            "  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 1000000;\n"
            "  open_file_cache max=100;\n"
            f"  client_body_temp_path {self.folder / 'tmp'};\n"
            f"  server {{\n    listen 127.0.0.1:{self.port};\n"
            f"    root {self.folder / 'www'};\n  }}\n}}\n"
        )
        self.process = subprocess.Popen(
            ["nginx", "-c", conf, "-p", self.folder, "-g", "daemon off;"],
            stderr=subprocess.DEVNULL,
        )
        wait_for_port("127.0.0.1", self.port, self.process)

    def publish(self, name: str, body: bytes) -> str:
        target = self.folder / "www" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        return f"http://127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        stop(self.process)


def wrk(url: str, connections: int, seconds: float, auth=None) -> dict:
    """One wrk run; requests/s and latency percentiles in milliseconds."""
    command = [
        "wrk", "-t", str(min(2, connections)), "-c", str(connections),
        "-d", f"{seconds:g}s", "--timeout", "30s", "-s", LUA,
    ]  # fmt: skip
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        command += ["-H", f"Authorization: Basic {token}"]
    # wrk takes ASCII addresses only: Greek search words are percent-encoded.
    url = quote(url, safe=":/?&=%+@")
    output = run([*command, url], capture_output=True, text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    errors = sum(figures["errors"].values())
    return {
        "url": url,
        "connections": connections,
        "requests": figures["requests"],
        "rps": round(figures["requests"] / (figures["duration_us"] / 1e6), 1),
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p95_ms": round(figures["p95_us"] / 1000, 2),
        "p99_ms": round(figures["p99_us"] / 1000, 2),
        "errors": errors,
    }


def check(url: str, auth=None, expect: str | None = None) -> bytes:
    response = requests.get(url, auth=auth, timeout=120)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}: cannot measure it")
    if expect and expect not in response.text:
        sys.exit(f"{url} does not show {expect!r}")
    return response.content


def rest(method: str, url: str, body: dict | None = None, timeout: float = 60):
    """A REST API call as the Zope manager."""
    return requests.request(
        method,
        url,
        json=body,
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=timeout,
    )


class Bench:
    def __init__(self, folder: Path, size: str, seconds: float, port: int):
        self.folder = folder.resolve()
        self.instance = self.folder / "instance"
        self.size = size
        self.seconds = seconds
        self.zope_port = port
        self.zope_url = f"http://127.0.0.1:{port}/{SITE}"
        self.varnish = Varnish(self.folder / "varnish", "127.0.0.1", port + 1)
        self.proxy_url = f"{self.varnish.url}/{SITE}"
        static = Path(tempfile.mkdtemp(prefix="bench-static-"))
        static.chmod(0o755)  # nginx's workers read it
        self.nginx = Nginx(static, port + 2)
        self.zope = None
        self.results = {"size": size, "sizes": SIZES[size], "pages": {}}

    # -- set-up -------------------------------------------------------------

    def prepare(self) -> dict:
        run(
            [sys.executable, SCRIPTS / "instance.py", "--dir", self.instance,
             "--host", "127.0.0.1", "--port", str(self.zope_port), "--threads", "4"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        # No caching proxy while the data are generated: nothing to purge yet.
        self.create_site(proxies="")
        report = self.folder / "data.json"
        sizes = [f"--{key}={value}" for key, value in SIZES[self.size].items()]
        started = time.perf_counter()
        zconsole(
            self.instance,
            SCRIPTS / "bench_data.py",
            "--site", SITE, "--seed", "2026", "--report", str(report), *sizes,
        )  # fmt: skip
        data = json.loads(report.read_text())
        for key in ("unit_path", "service_path", "circular_path"):
            # Paths relative to the site: the same under Zope and Varnish.
            data[key] = data[key].removeprefix(f"/{SITE}").lstrip("/")
        data["wall_seconds"] = round(time.perf_counter() - started, 1)
        self.results["data"] = data
        self.create_site(proxies=self.varnish.url)
        return data

    def create_site(self, proxies: str) -> None:
        """Create the site, or keep it; the caching proxy it purges."""
        zconsole(
            self.instance,
            SCRIPTS / "create_site.py",
            SITE_ID=SITE,
            ADMIN_PASSWORD=ADMIN[1],
            CACHE_PROXIES=proxies,
        )

    def start(self) -> None:
        log = open(self.folder / "runwsgi.log", "ab")  # noqa: SIM115
        self.zope = subprocess.Popen(
            [BIN / "runwsgi", self.instance / "etc" / "zope.ini"],
            stdout=log,
            stderr=log,
        )
        wait_for_port("127.0.0.1", self.zope_port, self.zope, timeout=300)
        self.varnish.start([("127.0.0.1", self.zope_port)])
        self.nginx.start()

    def stop(self) -> None:
        self.nginx.stop()
        shutil.rmtree(self.nginx.folder, ignore_errors=True)
        self.varnish.stop()
        stop(self.zope)

    def ensure_accounts_and_baseline(self, document_text: str) -> None:
        """A General Secretariat officer, and the plain Document baseline."""
        rest(
            "POST",
            f"{self.zope_url}/@users",
            {
                "username": STAFF[0],
                "email": "officer@example.org",
                "password": STAFF[1],
                "fullname": "Bench Officer",
            },
        )
        rest(
            "PATCH",
            f"{self.zope_url}/@groups/general-secretariat",
            {"users": {STAFF[0]: True}},
        )
        unit = f"{self.zope_url}/{self.results['data']['unit_path']}"
        if not rest("GET", f"{unit}/bench-intranet").ok:
            rest(  # a private page: only staff may see it
                "POST",
                unit,
                {"@type": "Document", "id": "bench-intranet", "title": "Βάρδιες"},
            ).raise_for_status()
        if requests.get(f"{self.zope_url}/bench-baseline", timeout=60).ok:
            return
        rest(
            "POST",
            self.zope_url,
            {
                "@type": "Document",
                "id": "bench-baseline",
                "title": "Plain Plone page",
                "text": {"data": document_text, "content-type": "text/html"},
            },
        ).raise_for_status()
        rest(
            "POST", f"{self.zope_url}/bench-baseline/@workflow/publish"
        ).raise_for_status()

    # -- measurements ---------------------------------------------------------

    def public_pages(self, data: dict) -> dict[str, str]:
        return {
            "unit page": data["unit_path"],
            "contact directory": "@@contact-directory",
            "service table (site)": "services",
            "service page": data["service_path"],
            "circular list": "circulars",
            "plain Document (baseline)": "bench-baseline",
        }

    def settle(self, timeout: float = 600) -> None:
        """Wait until Zope has finished what the last run left in flight.

        wrk stops at its deadline, but Zope goes on rendering the requests
        it had accepted: the next figure must not pay for them.
        """
        ok = f"http://127.0.0.1:{self.zope_port}/@@ok"
        deadline = time.monotonic() + timeout
        quick = 0
        while quick < 3 and time.monotonic() < deadline:
            started = time.perf_counter()
            requests.get(ok, timeout=timeout)
            quick = quick + 1 if time.perf_counter() - started < 0.05 else 0
            time.sleep(0.2)

    def measure_public(self, data: dict) -> None:
        for name, path in self.public_pages(data).items():
            body = check(f"{self.zope_url}/{path}")
            static = self.nginx.publish(f"{len(self.results['pages'])}.html", body)
            proxied = f"{self.proxy_url}/{path}"
            check(proxied)
            self.settle()
            uncached = wrk(f"{self.zope_url}/{path}", 8, self.seconds)
            self.settle()
            self.results["pages"][name] = {
                "path": path,
                "bytes": len(body),
                "varnish": wrk(proxied, 32, self.seconds),
                "zope": uncached,
                "nginx": wrk(static, 32, self.seconds),
            }

    def measure_staff(self, data: dict) -> None:
        word = data["search_word"]
        pages = {
            "circular list, filtered and searched": "circulars?"
            + data.get("circular_query", f"year=2024&q={word}"),
            "follow-up dashboard": "@@follow-up?" + data.get("follow_up_query", ""),
            "directory filter": "@@contact-directory?"
            + data.get("directory_query", "q=τεχνικ"),
            "REST @search": f"++api++/@search?SearchableText={data['search_word']}"
            "&portal_type=Circular&b_size=25",
        }
        staff = {}
        for name, path in pages.items():
            url = f"{self.zope_url}/{path}"
            check(url, auth=STAFF)
            # One user's wait (the targets), and four users at once.
            self.settle()
            one = wrk(url, 1, self.seconds, auth=STAFF)
            self.settle()
            staff[name] = {
                "path": path,
                **one,
                "four_users": wrk(url, 4, self.seconds, auth=STAFF),
            }
        self.settle()
        self.results["staff"] = staff

    def measure_writes(self, count: int) -> None:
        """Circulars created through the REST API by four clients at once."""
        container = f"{self.zope_url}/{self.results['data']['unit_path']}"

        def create(n: int) -> int:
            return rest(
                "POST",
                container,
                {
                    "@type": "Circular",
                    "title": f"Εγκύκλιος μέτρησης {n}",
                    "description": "Δημιουργήθηκε από τη μέτρηση απόδοσης.",
                    "body": {
                        "data": "<p>Κείμενο εγκυκλίου της μέτρησης.</p>",
                        "content-type": "text/html",
                    },
                    "issuing_authority": "general-secretary",
                    "audience": "staff",
                },
                timeout=120,
            ).status_code

        started = time.perf_counter()
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(create, range(count)))
        seconds = time.perf_counter() - started
        self.results["writes"] = {
            "rest_circulars": count,
            "rest_created": statuses.count(201),
            "rest_circulars_per_s": round(count / seconds, 1),
            "api_circulars_per_s": self.results["data"].get("api_circulars_per_s"),
            "service_csv_import": self.results["data"].get("service_csv_import"),
        }

    def check_freshness(self, data: dict, edits: int = 10) -> None:
        """After each edit the next reader through Varnish sees it; an intranet
        page is never kept."""
        unit = data["unit_path"]
        stale = 0
        for n in range(edits):
            for path in (unit, "@@contact-directory"):
                requests.get(f"{self.proxy_url}/{path}", timeout=60)
            title = f"Μονάδα μέτρησης {n} {uuid.uuid4().hex[:6]}"
            rest(
                "PATCH", f"{self.zope_url}/{unit}", {"title": title}
            ).raise_for_status()
            for path in (unit, "@@contact-directory"):
                page = requests.get(f"{self.proxy_url}/{path}", timeout=60)
                stale += title not in page.text
        intranet = f"{self.proxy_url}/{data['unit_path']}/bench-intranet"
        shared = 0
        for _ in range(20):
            response = requests.get(intranet, timeout=60, allow_redirects=False)
            shared += response.headers.get("X-Cache") == "HIT" or (
                response.status_code == 200 and "Βάρδιες" in response.text
            )
        self.results["freshness"] = {
            "edits": edits,
            "reads_after_edit": edits * 2,
            "stale": stale,
            "intranet_requests": 20,
            "intranet_served_from_cache": shared,
        }

    def measure_resources(self) -> None:
        status = Path(f"/proc/{self.zope.pid}/status").read_text()
        rss_kib = int(next(x for x in status.splitlines() if x.startswith("VmRSS"))
                      .split()[1])  # fmt: skip
        var = self.instance / "var"
        data_fs = (var / "filestorage" / "Data.fs").stat().st_size
        blobs = sum(p.stat().st_size for p in (var / "blobstorage").rglob("*")
                    if p.is_file())  # fmt: skip
        self.results["resources"] = {
            "rss_mib": round(rss_kib / 1024, 1),
            "data_fs_mib": round(data_fs / 2**20, 1),
            "blobs_mib": round(blobs / 2**20, 1),
        }

    # -- the whole run --------------------------------------------------------

    def run(self) -> dict:
        data = self.prepare()
        self.start()
        try:
            unit_html = check(f"{self.zope_url}/{data['unit_path']}").decode()
            body = unit_html.split('id="content-core"', 1)[-1][:6000]
            self.ensure_accounts_and_baseline(f"<div>{body}</div>")
            self.measure_public(data)
            self.measure_staff(data)
            self.measure_writes(SIZES[self.size]["api-sample"])
            self.check_freshness(data)
            self.measure_resources()
        finally:
            self.stop()
        self.results["machine"] = machine()
        self.results["targets"] = evaluate(self.results)
        return self.results


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 2**20, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def evaluate(results: dict) -> list[dict]:
    """Each target of the issue: the figure, the goal, met or not."""
    pages = results["pages"]
    baseline = pages["plain Document (baseline)"]
    public = [name for name in pages if name != "plain Document (baseline)"]
    rows = []

    def target(name, figure, goal, met):
        rows.append({"target": name, "figure": figure, "goal": goal, "met": met})

    worst_ratio = min(
        pages[p]["varnish"]["rps"] / pages[p]["nginx"]["rps"] for p in public
    )
    target(
        "public pages through Varnish vs nginx static (worst page)",
        round(worst_ratio, 2), f"≥ {TARGETS['proxy_vs_static']}",
        worst_ratio >= TARGETS["proxy_vs_static"],
    )  # fmt: skip
    worst_p95 = max(pages[p]["varnish"]["p95_ms"] for p in public)
    target(
        "public pages through Varnish, p95 at 32 connections (worst page)",
        f"{worst_p95} ms", f"< {TARGETS['proxy_p95_ms']} ms",
        worst_p95 < TARGETS["proxy_p95_ms"],
    )  # fmt: skip
    unit = pages["unit page"]["zope"]
    ratio = baseline["zope"]["rps"] / unit["rps"]
    target(
        "uncached unit page time vs plain Document",
        f"{ratio:.2f}×", f"≤ {TARGETS['unit_vs_document']}×",
        ratio <= TARGETS["unit_vs_document"],
    )  # fmt: skip
    staff = results["staff"]
    for name, key in (
        ("circular list, filtered and searched", "staff_circulars_p95_ms"),
        ("follow-up dashboard", "follow_up_p95_ms"),
        ("directory filter", "directory_filter_p95_ms"),
    ):
        p95 = staff[name]["p95_ms"]
        target(f"{name}, p95", f"{p95} ms", f"< {TARGETS[key]} ms", p95 < TARGETS[key])
    rate = results["writes"]["api_circulars_per_s"] or 0
    target(
        "bulk creation of circulars through the API",
        f"{rate}/s", f"≥ {TARGETS['api_circulars_per_s']}/s",
        rate >= TARGETS["api_circulars_per_s"],
    )  # fmt: skip
    rss = results["resources"]["rss_mib"]
    target("instance RSS after the run", f"{rss} MiB", "< 1024 MiB", rss < 1024)
    fresh = results["freshness"]
    target("stale pages after an edit", fresh["stale"], "0", fresh["stale"] == 0)
    target(
        "intranet answers served from the shared cache",
        fresh["intranet_served_from_cache"], "0",
        fresh["intranet_served_from_cache"] == 0,
    )  # fmt: skip
    return rows


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"# Benchmark ({results['size']} data set), {m['date']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, "
        f"Linux {m['kernel']}, Python {m['python']}. wrk on loopback, "
        "2 threads; 32 connections for Varnish and nginx, 8 for Zope uncached; "
        "staff pages logged in as a General Secretariat officer, one user "
        "(the targets) and four at once.",
        "",
        "Data: " + ", ".join(f"{v:,} {k}" for k, v in results["sizes"].items()),
        "",
        "## Public pages (anonymous)",
        "",
        "| page | bytes | Varnish req/s | p50/p95/p99 ms | Zope uncached req/s "
        "| p50/p95/p99 ms | nginx static req/s | Varnish / nginx "
        "| Zope / Document |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    baseline = results["pages"]["plain Document (baseline)"]["zope"]["rps"]
    for name, page in results["pages"].items():
        v, z, n = page["varnish"], page["zope"], page["nginx"]
        lines.append(
            f"| {name} | {page['bytes']:,} | {v['rps']:,} "
            f"| {v['p50_ms']}/{v['p95_ms']}/{v['p99_ms']} | {z['rps']:,} "
            f"| {z['p50_ms']}/{z['p95_ms']}/{z['p99_ms']} | {n['rps']:,} "
            f"| {v['rps'] / n['rps']:.2f} | {z['rps'] / baseline:.2f} |"
        )
    lines += [
        "",
        "## Staff pages (logged in, uncached)",
        "",
        "| page | one user: req/s | p50 ms | p95 ms | p99 ms "
        "| four users: req/s | p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in results["staff"].items():
        four = page["four_users"]
        lines.append(
            f"| {name} | {page['rps']} | {page['p50_ms']} | {page['p95_ms']} "
            f"| {page['p99_ms']} | {four['rps']} | {four['p95_ms']} |"
        )
    w, r, d = results["writes"], results["resources"], results["data"]
    csv = w.get("service_csv_import") or {}
    lines += [
        "",
        "## Writes, memory, database",
        "",
        f"- Circulars through the API (plone.api, events, indexing, numbering): "
        f"{w['api_circulars_per_s']}/s",
        f"- Circulars through REST (4 clients): {w['rest_circulars_per_s']}/s "
        f"({w['rest_created']} of {w['rest_circulars']} created)",
        f"- Service CSV import: {csv.get('rows')} rows in {csv.get('seconds')} s",
        f"- Data generation: {d['wall_seconds']} s",
        f"- Instance RSS after the run: {r['rss_mib']} MiB; Data.fs "
        f"{r['data_fs_mib']} MiB, blobs {r['blobs_mib']} MiB",
        "",
        "## Targets",
        "",
        "| target | figure | goal | met |",
        "|---|---:|---:|:---:|",
    ]
    for row in results["targets"]:
        met = "yes" if row["met"] else "**no**"
        lines.append(f"| {row['target']} | {row['figure']} | {row['goal']} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="var/bench", help="benchmark instance")
    parser.add_argument("--size", default="full", choices=sorted(SIZES))
    parser.add_argument("--seconds", type=float, default=10, help="per wrk run")
    parser.add_argument("--port", type=int, default=8090, help="Zope; +1, +2 too")
    parser.add_argument("--results", default=str(RESULTS))
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    results = Bench(folder, args.size, args.seconds, args.port).run()
    out = Path(args.results)
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    table = markdown(results)
    for name in (f"{stamp}-{args.size}", f"latest-{args.size}"):
        (out / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n")
        (out / f"{name}.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
