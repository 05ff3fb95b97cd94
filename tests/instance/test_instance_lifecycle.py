"""`make start`'s steps on a real instance: create, serve, stop, start again, data kept.

Runs the same scripts as the Makefile, in a temporary instance folder, as
separate processes (the FileStorage is locked while a server runs).
"""

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
        env={**os.environ, "ADMIN_PASSWORD": PASSWORD, **env},
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
                requests.get(self.url, timeout=5)
                return
            except requests.ConnectionError:
                assert self.process.poll() is None, "the server stopped"
                time.sleep(0.5)
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
