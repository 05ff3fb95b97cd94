"""The scale-out set-up for real: a FileStorage site migrated into PostgreSQL
with zodbconvert, served by two Zope instances over RelStorage behind Varnish.

Debian's postgresql and varnish packages, started by scripts/cluster.py as
`make start-cluster` does; nothing is mocked.
"""

from mail_inbox import free_port
from pathlib import Path

import base64
import os
import pytest
import requests
import shutil
import socket
import subprocess
import sys
import uuid


ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))

from cluster import Cluster  # noqa: E402
from cluster import migrate  # noqa: E402


ADMIN = ("admin", "a-fictional-cluster-password")
UNIT = "units/mayors-office/general-secretariat/technical-services"
PDF = b"%PDF-1.4\n% a fictional attachment carried over by zodbconvert\n"
ADD_FILE = f"""
from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.component.hooks import setSite
import transaction
site = app.Plone
setSite(site)
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
api.content.create(
    container=site.unrestrictedTraverse("{UNIT}"), type="File", id="rules.pdf",
    title="Κανονισμός", file=NamedBlobFile({PDF!r}, filename="rules.pdf"),
)
transaction.commit()
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which("varnishd"), reason="make system-deps"),
]


def zconsole(conf: Path, script: Path, **env) -> None:
    result = subprocess.run(
        [BIN / "zconsole", "run", conf, script],
        env={**os.environ, "ADMIN_PASSWORD": ADMIN[1], **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    base = tmp_path_factory.mktemp("cluster")
    filestorage = base / "single"
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "instance.py", "--dir", filestorage],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    conf = filestorage / "etc" / "zope.conf"
    zconsole(conf, ROOT / "scripts" / "create_site.py")
    (base / "add_file.py").write_text(ADD_FILE)
    zconsole(conf, base / "add_file.py")

    cluster = Cluster(
        base / "cluster",
        storage="relstorage",
        instances=2,
        port=free_port(),
        zope_port=free_port(),
        storage_port=free_port(),
    )
    # Consecutive ports from a free one: make sure the second is free too.
    cluster.zope_ports[1] = free_port()
    migrate(filestorage, cluster)
    cluster.start(ADMIN_PASSWORD=ADMIN[1])
    yield cluster
    cluster.stop()
    if cluster.server.folder != base / "cluster" / "postgres":
        shutil.rmtree(cluster.server.folder, ignore_errors=True)


def site(url: str) -> str:
    return f"{url}/Plone"


def proxy(cluster) -> str:
    return site(cluster.varnish.url)


def rest(method: str, url: str, body: dict | None = None):
    """A REST API call as the Zope manager."""
    return requests.request(
        method,
        url,
        json=body,
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=60,
    )


def test_migrated_site_and_blob_served_by_both_instances(cluster):
    for url in cluster.instance_urls:
        page = requests.get(f"{site(url)}/{UNIT}", timeout=60)
        assert page.status_code == 200
        assert 'lang="el"' in page.text
        download = requests.get(
            f"{site(url)}/{UNIT}/rules.pdf/@@download/file", timeout=60
        )
        assert download.content == PDF


def test_write_through_one_instance_is_read_through_the_other(cluster):
    first, second = (site(url) for url in cluster.instance_urls)
    title = f"Ανακοίνωση {uuid.uuid4().hex[:8]}"
    created = rest(
        "POST",
        f"{first}/{UNIT}",
        {"@type": "Document", "id": "cluster-note", "title": title},
    )
    assert created.status_code == 201, created.text
    read = rest("GET", f"{second}/{UNIT}/cluster-note")
    assert read.status_code == 200
    assert read.json()["title"] == title

    attachment = b"%PDF-1.4\n% written through the second instance\n"
    created = rest(
        "POST",
        f"{second}/{UNIT}",
        {
            "@type": "File",
            "id": "second.pdf",
            "file": {
                "data": base64.b64encode(attachment).decode(),
                "encoding": "base64",
                "filename": "second.pdf",
                "content-type": "application/pdf",
            },
        },
    )
    assert created.status_code == 201, created.text
    download = requests.get(
        f"{first}/{UNIT}/second.pdf/@@download/file", auth=ADMIN, timeout=60
    )
    assert download.content == attachment


def test_public_pages_come_from_varnish(cluster):
    url = f"{proxy(cluster)}/@@contact-directory"
    statuses = [requests.get(url, timeout=60).headers["X-Cache"] for _ in range(3)]
    assert statuses[1:] == ["HIT", "HIT"]


def test_an_edit_is_never_served_stale(cluster):
    """Edits through the second instance; the next reader through Varnish
    always gets the new page: the unit's own, the directory, the services table."""
    edit = f"{site(cluster.instance_urls[1])}/{UNIT}"
    pages = [
        f"{proxy(cluster)}/{UNIT}",
        f"{proxy(cluster)}/@@contact-directory",
        f"{proxy(cluster)}/services",
    ]
    stale = 0
    for n in range(5):
        for url in pages:
            requests.get(url, timeout=60)
            assert requests.get(url, timeout=60).headers["X-Cache"] == "HIT"
        title = f"Τεχνικές Υπηρεσίες {n} {uuid.uuid4().hex[:6]}"
        patched = rest("PATCH", edit, {"title": title})
        assert patched.status_code == 204
        for url in pages:
            stale += title not in requests.get(url, timeout=60).text
    assert stale == 0


def test_logged_in_users_pass_the_cache(cluster):
    url = f"{proxy(cluster)}/{UNIT}"
    for _ in range(2):
        response = requests.get(url, auth=ADMIN, timeout=60)
        assert response.headers["X-Cache"] == "PASS"
        assert "no-store" in response.headers["Cache-Control"]


def test_intranet_pages_are_never_kept(cluster):
    first = site(cluster.instance_urls[0])
    created = rest(
        "POST",
        f"{first}/{UNIT}",
        {"@type": "Document", "id": "roster", "title": "Πρόγραμμα βαρδιών"},
    )
    assert created.status_code == 201
    url = f"{proxy(cluster)}/{UNIT}/roster"
    staff = requests.get(url, auth=ADMIN, timeout=60)
    assert "Πρόγραμμα βαρδιών" in staff.text
    for _ in range(3):
        anonymous = requests.get(url, timeout=60, allow_redirects=False)
        assert anonymous.status_code in (302, 401)
        assert anonymous.headers["X-Cache"] != "HIT"
        assert "Πρόγραμμα βαρδιών" not in anonymous.text


def raw_request(cluster, method: str, path: str, source: str) -> int:
    """An HTTP request to Varnish from a chosen loopback address."""
    with socket.create_connection(
        (cluster.varnish.host, cluster.varnish.port), source_address=(source, 0)
    ) as connection:
        connection.sendall(
            f"{method} {path} HTTP/1.1\r\nHost: {cluster.varnish.host}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        status_line = connection.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_only_the_instances_may_purge(cluster):
    url = f"{proxy(cluster)}/@@contact-directory"
    requests.get(url, timeout=60)
    assert raw_request(cluster, "PURGE", "/Plone", "127.0.0.2") == 405
    assert requests.get(url, timeout=60).headers["X-Cache"] == "HIT"
    assert raw_request(cluster, "PURGE", "/Plone", "127.0.0.1") == 200
    assert requests.get(url, timeout=60).headers["X-Cache"] == "MISS"


def test_varnish_balances_the_instances(cluster):
    logs = [cluster.instance_folder(n) / "var" / "log" / "runwsgi.log" for n in (1, 2)]
    before = [log.stat().st_size for log in logs]
    for _ in range(10):
        requests.get(f"{proxy(cluster)}/{UNIT}", auth=ADMIN, timeout=60)
    after = [log.stat().st_size for log in logs]
    assert all(b > a for a, b in zip(before, after, strict=True))


def test_zeo_cluster_shares_one_database(tmp_path):
    """STORAGE=zeo: a ZEO server and two instances, a new site without demo content."""
    zeo = Cluster(
        tmp_path / "zeo-cluster",
        storage="zeo",
        port=free_port(),
        zope_port=free_port(),
        storage_port=free_port(),
    )
    zeo.zope_ports[1] = free_port()
    with zeo.start(ADMIN_PASSWORD=ADMIN[1], SETUP_CONTENT="false"):
        first, second = (site(url) for url in zeo.instance_urls)
        created = rest(
            "POST",
            first,
            {"@type": "Document", "id": "over-zeo", "title": "Μέσω ZEO"},
        )
        assert created.status_code == 201, created.text
        read = rest("GET", f"{second}/over-zeo")
        assert read.json()["title"] == "Μέσω ZEO"
        assert (tmp_path / "zeo-cluster" / "zeo" / "Data.fs").stat().st_size > 0
