"""`make start`'s steps on a real instance: create, serve, stop, start again, data kept.

Runs the same scripts as the Makefile, in a temporary instance folder, as
separate processes (the FileStorage is locked while a server runs).
"""

from municipality.intranet.demo_dates import DEMO_TODAY
from pathlib import Path

import os
import pytest
import requests
import socket
import subprocess
import sys
import time


pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "a-fictional-admin-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    folder = tmp_path_factory.mktemp("instance")
    port = free_port()
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "instance.py", "--dir", folder,
         "--host", "127.0.0.1", "--port", str(port), "--threads", "2"],
        check=True,
    )
    return folder, port


def create_site(folder: Path, **env) -> str:
    result = subprocess.run(
        [BIN / "zconsole", "run", folder / "etc" / "zope.conf",
         ROOT / "scripts" / "create_site.py"],
        # The demo as written: the tests below open its pages by path.
        env={
            **os.environ,
            "ADMIN_PASSWORD": PASSWORD,
            "DEMO_TODAY": DEMO_TODAY.isoformat(),
            **env,
        },
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


class Server:
    def __init__(self, folder: Path, port: int):
        self.url = f"http://127.0.0.1:{port}/Plone"
        self.process = subprocess.Popen(
            [BIN / "runwsgi", folder / "etc" / "zope.ini"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                # The first page compiles its templates: slow on a busy machine.
                requests.get(self.url, timeout=60)
                return
            except requests.ConnectionError:
                if self.process.poll() is not None:
                    raise AssertionError("the server stopped") from None
                time.sleep(0.5)
            except requests.RequestException:
                break
        # Never leave a server holding the database for the next test.
        self.stop()
        raise TimeoutError(self.url)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def test_create_serve_restart_keeps_data(instance):
    folder, port = instance
    assert "created" in create_site(folder)
    assert (folder / "var" / "filestorage" / "Data.fs").exists()

    server = Server(folder, port)
    try:
        home = requests.get(server.url, timeout=30)
        assert home.status_code == 200
        assert 'lang="el"' in home.text
        assert "Γενικής Γραμματείας" in home.text
        created = requests.post(
            server.url,
            json={"@type": "Document", "id": "kept", "title": "Κρατείται"},
            headers={"Accept": "application/json"},
            auth=("admin", PASSWORD),
            timeout=30,
        )
        assert created.status_code == 201, created.text
    finally:
        server.stop()

    assert "exists" in create_site(folder)

    server = Server(folder, port)
    try:
        kept = requests.get(
            f"{server.url}/kept",
            headers={"Accept": "application/json"},
            auth=("admin", PASSWORD),
            timeout=30,
        )
        assert kept.status_code == 200
        assert kept.json()["title"] == "Κρατείται"
        anonymous = requests.get(
            f"{server.url}/++api++/kept", headers={"Accept": "application/json"},
            timeout=30,
        )
        assert anonymous.status_code == 401
    finally:
        server.stop()


def test_wrong_admin_password_refused(instance):
    folder, port = instance
    create_site(folder)
    server = Server(folder, port)
    try:
        response = requests.get(
            f"{server.url}/@@overview-controlpanel",
            auth=("admin", "admin"),
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code in (302, 401)
    finally:
        server.stop()


def api_get(server, path, **kwargs):
    return requests.get(
        f"{server.url}{path}",
        headers={"Accept": "application/json"},
        auth=("admin", PASSWORD),
        timeout=30,
        **kwargs,
    )


def backup(folder: Path, to: Path):
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "backup.py", "backup",
         "--instance", folder, "--to", to],
        check=True, capture_output=True, timeout=300,
    )


def test_backup_and_restore_round_trip(instance, tmp_path):
    """`make backup` twice (full, then incremental) while serving; restore elsewhere."""
    folder, port = instance
    create_site(folder)
    backups = tmp_path / "backups"
    attachment = "Απόφαση 12/2026 – συνημμένο\n".encode() * 500
    server = Server(folder, port)
    try:
        backup(folder, backups)
        created = requests.post(
            server.url,
            json={
                "@type": "File",
                "id": "after-first-backup",
                "title": "Μετά το πρώτο αντίγραφο",
                "file": {
                    "data": attachment.decode(),
                    "encoding": "utf8",
                    "filename": "apofasi.txt",
                    "content-type": "text/plain",
                },
            },
            headers={"Accept": "application/json"},
            auth=("admin", PASSWORD),
            timeout=30,
        )
        assert created.status_code == 201, created.text
        backup(folder, backups)
        expected = api_get(server, "/@search", params={"b_size": 1000}).json()
    finally:
        server.stop()
    full = list((backups / "filestorage").glob("*.fsz"))
    increments = list((backups / "filestorage").glob("*.deltafsz"))
    assert full and increments  # the second run wrote only what was new
    snapshots = sorted((backups / "blobstorage").iterdir())
    assert len(snapshots) == 2

    restored = tmp_path / "restored"
    restored_port = free_port()
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "instance.py", "--dir", restored,
         "--host", "127.0.0.1", "--port", str(restored_port), "--threads", "2"],
        check=True,
    )
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "backup.py", "restore",
         "--instance", restored, "--from", backups],
        check=True, capture_output=True, timeout=300,
    )
    create_site(restored)  # the admin's password; the site exists
    server = Server(restored, restored_port)
    try:
        found = api_get(server, "/@search", params={"b_size": 1000}).json()
        assert {i["@id"].split("/Plone", 1)[1] for i in found["items"]} == {
            i["@id"].split("/Plone", 1)[1] for i in expected["items"]
        }
        assert found["items_total"] == expected["items_total"]
        download = requests.get(
            f"{server.url}/after-first-backup/@@download/file",
            auth=("admin", PASSWORD),
            timeout=30,
        )
        assert download.content == attachment
    finally:
        server.stop()


def test_killed_in_the_middle_of_writes_loses_nothing_committed(instance):
    """SIGKILL while clients write; the database opens, checks clean, keeps every 201."""
    import signal
    import threading

    folder, port = instance
    create_site(folder)
    server = Server(folder, port)
    acknowledged, stop = [], threading.Event()

    def writer(number):
        session = requests.Session()
        session.auth = ("admin", PASSWORD)
        session.headers["Accept"] = "application/json"
        count = 0
        while not stop.is_set():
            count += 1
            name = f"crash-{number}-{count}"
            try:
                response = session.post(
                    server.url,
                    json={"@type": "Document", "id": name, "title": name},
                    timeout=10,
                )
            except requests.RequestException:
                return
            if response.status_code == 201:
                acknowledged.append(name)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 15 and time.monotonic() < deadline:
        time.sleep(0.1)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=30)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert len(acknowledged) >= 15

    server = Server(folder, port)  # the database opens after the crash
    try:
        missing = [
            name for name in acknowledged
            if api_get(server, f"/{name}").status_code != 200
        ]
    finally:
        server.stop()
    assert missing == []
    check = subprocess.run(
        [sys.executable, "-m", "ZODB.scripts.fstest", "-v",
         folder / "var" / "filestorage" / "Data.fs"],
        capture_output=True, text=True, timeout=300,
    )
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]


DECISION = "/meetings/council-2026-11-12/budget-amendment-2026-5/decision-186-2026"
UNIT = "/units/mayors-office/general-secretariat/technical-services"
READ_PATHS = [
    "",
    "/units",
    "/@@contact-directory",
    "/@@service-standards",
    "/circulars/@@circulars",
    "/meetings",
    "/meetings/council-2026-11-12",
    "/@@meetings.ics",
    "/circulars/circulars.rss",
]


def test_soak_mixed_reads_and_writes(instance):
    """Readers and writers at once for a fixed time: no 5xx, every write once."""
    import collections
    import json
    import threading

    folder, port = instance
    create_site(folder)
    server = Server(folder, port)
    duration = float(os.environ.get("SOAK_SECONDS", "20"))
    stop = threading.Event()
    lock = threading.Lock()
    statuses = collections.Counter()
    latencies = []
    circulars, notes = [], []

    failures = []

    def count(response, started):
        with lock:
            statuses[response.status_code // 100 * 100] += 1
            latencies.append(time.monotonic() - started)
            if response.status_code >= 500:
                failures.append(f"{response.request.method} {response.url}: "
                                f"{response.text[:300]}")

    def reader(number):
        session = requests.Session()
        index = number
        while not stop.is_set():
            started = time.monotonic()
            response = session.get(server.url + READ_PATHS[index % len(READ_PATHS)],
                                   timeout=60)
            count(response, started)
            index += 1

    def staff():
        session = requests.Session()
        session.auth = ("admin", PASSWORD)
        session.headers["Accept"] = "application/json"
        return session

    def circular_writer(number):
        session, serial = staff(), 0
        while not stop.is_set():
            serial += 1
            title = f"Soak circular {number}-{serial}"
            started = time.monotonic()
            created = session.post(server.url + UNIT, json={
                "@type": "Circular", "title": title,
                "body": {"data": "<p>Soak</p>", "content-type": "text/html"},
                "issuing_authority": "general-secretary", "audience": "staff",
                "all_units": False,
            }, timeout=60)
            count(created, started)
            if created.status_code != 201:
                continue
            url = created.json()["@id"]
            for step in ("submit", "issue"):
                started = time.monotonic()
                count(session.post(f"{url}/@workflow/{step}", timeout=60), started)
            with lock:
                circulars.append(title)

    def note_writer(number):
        session, serial = staff(), 0
        while not stop.is_set():
            serial += 1
            text = f"Soak note {number}-{serial}"
            started = time.monotonic()
            created = session.post(server.url + DECISION, json={
                "@type": "ProgressNote", "text": text}, timeout=60)
            count(created, started)
            if created.status_code == 201:
                with lock:
                    notes.append(text)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=circular_writer, args=(n,)) for n in range(2)]
    threads += [threading.Thread(target=note_writer, args=(n,)) for n in range(2)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(duration)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        session = staff()
        found = session.get(f"{server.url}/@search", params={
            "portal_type": "Circular", "SearchableText": "Soak",
            "b_size": 10000, "metadata_fields": ["protocol_number"]}, timeout=60).json()
        found_notes = session.get(f"{server.url}/@search", params={
            "portal_type": "ProgressNote", "path": "/Plone" + DECISION,
            "b_size": 10000, "fullobjects": 1}, timeout=120).json()
    finally:
        server.stop()
    titles = collections.Counter(item["title"] for item in found["items"])
    numbers = [item["protocol_number"] for item in found["items"]]
    note_texts = collections.Counter(item["text"] for item in found_notes["items"])
    figures = {
        "seconds": duration,
        "requests": sum(statuses.values()),
        "by_status": dict(statuses),
        "circulars_written": len(circulars),
        "notes_written": len(notes),
        "p50_ms": round(1000 * sorted(latencies)[len(latencies) // 2]),
        "p95_ms": round(1000 * sorted(latencies)[int(len(latencies) * 0.95)]),
    }
    results = ROOT / "test-results"
    results.mkdir(exist_ok=True)
    (results / "soak.json").write_text(json.dumps(figures, indent=2))
    print(figures)
    assert statuses[500] == 0, failures
    assert circulars and notes
    assert all(titles[title] == 1 for title in circulars), "lost or doubled circulars"
    assert all(note_texts[text] == 1 for text in notes), "lost or doubled notes"
    assert len(numbers) == len(set(numbers)), "a protocol number was given twice"


def test_secure_cookies_behind_https(instance):
    """SECURE_COOKIES=true (set on every start) marks the login cookie Secure."""
    folder, port = instance
    create_site(folder, SECURE_COOKIES="true")
    server = Server(folder, port)
    try:
        # A user of the site: its session cookie is plone.session's.
        requests.post(
            f"{server.url}/@users",
            json={"username": "clerk_https", "email": "c@example.org",
                  "password": PASSWORD},
            headers={"Accept": "application/json"},
            auth=("admin", PASSWORD),
            timeout=30,
        )
        response = requests.post(
            f"{server.url}/login",
            data={"__ac_name": "clerk_https", "__ac_password": PASSWORD,
                  "buttons.login": "1"},
            allow_redirects=False,
            timeout=30,
        )
    finally:
        server.stop()
        create_site(folder)  # back to plain HTTP for the other tests
    cookies = [
        value
        for name, value in response.raw.headers.items()
        if name.lower() == "set-cookie" and value.startswith("__ac=")
    ]
    assert cookies, response.status_code
    assert "Secure" in cookies[0]
    assert "HttpOnly" in cookies[0]
