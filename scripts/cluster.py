"""The scale-out set-up on one machine: a shared storage, several Zope
instances and Varnish in front of them (``make start-cluster``).

- storage ``relstorage`` (default): a PostgreSQL server of its own, data in
  ``<dir>/postgres``; or ``zeo``: a ZEO server with a FileStorage in ``<dir>/zeo``;
- ``--instances`` Zope instances (``<dir>/instance-N``, ports from ``--zope-port``),
  all serving the same database;
- Varnish on ``--port``, balancing them and caching public pages; only the
  instances may purge it (the site's caching proxy is set to it).

Everything runs in the foreground and stops on Ctrl+C; the data stays. The
servers are Debian's ``postgresql`` and ``varnish`` packages
(``make system-deps``). ``migrate`` copies a FileStorage instance (the
``make start`` default) into the PostgreSQL database with zodbconvert.

PostgreSQL refuses to run as root: as root, its commands run as the
``postgres`` user, and when that user cannot reach ``<dir>`` (a private
temporary folder), its data goes to a folder of its own under
``/var/lib/postgresql/municipality/``.
"""

from pathlib import Path

import argparse
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TEMPLATES = ROOT / "etc" / "cluster"
IS_ROOT = os.geteuid() == 0


def wait_for_port(host: str, port: int, process=None, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped (exit {process.returncode})")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing answers on {host}:{port}")


def postgres_bin() -> Path:
    """The newest PostgreSQL server programs Debian installed."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name),
    )
    if not versions:
        sys.exit("PostgreSQL is missing: make system-deps (Debian's postgresql)")
    return versions[-1].parent


class Postgres:
    """A PostgreSQL server of the project's own, on loopback only."""

    user = "zodb"
    database = "zodb"

    def __init__(self, folder: Path, port: int):
        self.folder = self._reachable(folder)
        self.data = self.folder / "data"
        self.port = port
        self.bin = postgres_bin()

    @staticmethod
    def _reachable(folder: Path) -> Path:
        if not IS_ROOT:
            return folder
        folder.mkdir(parents=True, exist_ok=True)
        check = subprocess.run(
            ["runuser", "-u", "postgres", "--", "test", "-x", str(folder.parent)],
            check=False,
        )
        if check.returncode == 0:
            return folder
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
        return Path("/var/lib/postgresql/municipality") / key

    def _run(self, *command: str, **kwargs) -> subprocess.CompletedProcess:
        if IS_ROOT:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=True, **kwargs)

    @property
    def password(self) -> str:
        return (self.folder / "password").read_text().strip()

    @property
    def dsn(self) -> str:
        return (
            f"host=127.0.0.1 port={self.port} dbname={self.database} "
            f"user={self.user} password={self.password}"
        )

    def init(self) -> None:
        """Create the cluster once: a password-protected owner, no other access."""
        if (self.data / "PG_VERSION").exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        password_file = self.folder / "password"
        password_file.write_text(secrets.token_urlsafe(24) + "\n")
        password_file.chmod(0o600)
        if IS_ROOT:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(password_file, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "--pgdata", str(self.data),
            "--username", self.user,
            "--pwfile", str(password_file),
            "--auth-host", "scram-sha-256",
            "--auth-local", "scram-sha-256",
            "--encoding", "UTF8",
            "--locale", "C.UTF-8",
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c max_connections=100 -c shared_buffers=256MB"
        )
        self._run(
            str(self.bin / "pg_ctl"), "--pgdata", str(self.data),
            "--log", str(self.folder / "postgres.log"),
            "--options", options, "--wait", "start",
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        self._create_database()

    def _create_database(self) -> None:
        import psycopg2

        connection = psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            dbname="postgres",
            user=self.user,
            password=self.password,
        )
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (self.database,)
            )
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE {self.database}")
        connection.close()

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(
                str(self.bin / "pg_ctl"), "--pgdata", str(self.data),
                "--mode", "fast", "--wait", "stop",
                stdout=subprocess.DEVNULL,
            )  # fmt: skip


class Zeo:
    """A ZEO server holding one FileStorage with its blobs."""

    def __init__(self, folder: Path, port: int):
        self.folder = folder
        self.port = port
        self.process = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def init(self) -> None:
        (self.folder / "blobs").mkdir(parents=True, exist_ok=True)
        (self.folder / "zeo.conf").write_text(
            f"<zeo>\n  address {self.address}\n</zeo>\n"
            f"<filestorage 1>\n  path {self.folder / 'Data.fs'}\n"
            f"  blob-dir {self.folder / 'blobs'}\n</filestorage>\n"
        )

    def start(self) -> None:
        log = open(self.folder / "zeo.log", "ab")  # noqa: SIM115 (lives with the server)
        self.process = subprocess.Popen(
            [BIN / "runzeo", "-C", self.folder / "zeo.conf"], stdout=log, stderr=log
        )
        wait_for_port("127.0.0.1", self.port, self.process)

    def stop(self) -> None:
        stop(self.process)


# Plone's @@ok touches no database. A busy instance answers it late (it waits
# for a free thread), so an instance is sick only after four misses in five.
BACKEND = """backend zope{n} {{
    .host = "{host}";
    .port = "{port}";
    .connect_timeout = 5s;
    .first_byte_timeout = 300s;
    .probe = {{
        .url = "/@@ok";
        .interval = 5s;
        .timeout = 15s;
        .window = 5;
        .threshold = 2;
    }}
}}"""


def render_vcl(backends: list[tuple[str, int]], purgers: list[str]) -> str:
    """Varnish's configuration for these Zope instances."""
    definitions = "\n".join(
        BACKEND.format(n=n, host=host, port=port)
        for n, (host, port) in enumerate(backends, start=1)
    )
    director = "\n".join(
        f"    zope.add_backend(zope{n});" for n in range(1, len(backends) + 1)
    )
    acl = "\n".join(f'    "{address}";' for address in sorted(set(purgers)))
    template = (TEMPLATES / "varnish.vcl.in").read_text()
    return (
        template.replace("{{backends}}", definitions)
        .replace("{{director}}", director)
        .replace("{{purgers}}", acl)
    )


class Varnish:
    def __init__(self, folder: Path, host: str, port: int, memory: str = "256m"):
        self.folder = folder
        self.host = host
        self.port = port
        self.memory = memory
        self.process = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, backends: list[tuple[str, int]]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        vcl = self.folder / "varnish.vcl"
        vcl.write_text(render_vcl(backends, [host for host, _port in backends]))
        log = open(self.folder / "varnish.log", "ab")  # noqa: SIM115
        command = [
            "varnishd", "-F",
            "-n", str(self.folder / "work"),
            "-a", f"{self.host}:{self.port}",
            "-f", str(vcl),
            "-s", f"malloc,{self.memory}",
            # Bans are checked against stored pages in the background too.
            "-p", "ban_lurker_sleep=0.1",
        ]  # fmt: skip
        if IS_ROOT:
            command += ["-j", "none"]  # no varnish user can read a private folder
        self.process = subprocess.Popen(command, stdout=log, stderr=log)
        wait_for_port(self.host, self.port, self.process)

    def stop(self) -> None:
        stop(self.process)


def stop(process) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Cluster:
    """The whole set-up; a context manager, or ``run()`` in the foreground."""

    def __init__(
        self,
        folder: Path,
        storage: str = "relstorage",
        instances: int = 2,
        host: str = "127.0.0.1",
        port: int = 8000,
        zope_port: int = 8081,
        storage_port: int | None = None,
        threads: int = 2,
    ):
        self.folder = Path(folder).resolve()
        self.storage = storage
        self.host = host
        self.zope_ports = [zope_port + n for n in range(instances)]
        self.threads = threads
        if storage == "relstorage":
            self.server = Postgres(self.folder / "postgres", storage_port or 5433)
        elif storage == "zeo":
            self.server = Zeo(self.folder / "zeo", storage_port or 8100)
        else:
            raise ValueError(f"a cluster needs relstorage or zeo, not {storage!r}")
        self.varnish = Varnish(self.folder / "varnish", host, port)
        self.zopes = []

    @property
    def instance_urls(self) -> list[str]:
        return [f"http://{self.host}:{port}" for port in self.zope_ports]

    def instance_folder(self, n: int) -> Path:
        return self.folder / f"instance-{n}"

    def storage_options(self) -> list[str]:
        if self.storage == "relstorage":
            return ["--storage", "relstorage", "--dsn", self.server.dsn]
        return ["--storage", "zeo", "--zeo-address", self.server.address]

    def start_storage(self) -> None:
        self.server.init()
        self.server.start()

    def write_instances(self) -> None:
        for n, port in enumerate(self.zope_ports, start=1):
            subprocess.run(
                [sys.executable, ROOT / "scripts" / "instance.py",
                 "--dir", self.instance_folder(n), "--host", self.host,
                 "--port", str(port), "--threads", str(self.threads),
                 *self.storage_options()],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip

    def create_site(self, **env: str) -> None:
        """Create the site (or keep it), with Varnish as its caching proxy."""
        subprocess.run(
            [BIN / "zconsole", "run", self.instance_folder(1) / "etc" / "zope.conf",
             ROOT / "scripts" / "create_site.py"],
            check=True, cwd=ROOT,
            env={**os.environ, **env, "CACHE_PROXIES": self.varnish.url},
        )  # fmt: skip

    def start_instances(self) -> None:
        for n in range(1, len(self.zope_ports) + 1):
            folder = self.instance_folder(n)
            log = open(folder / "var" / "log" / "runwsgi.log", "ab")  # noqa: SIM115
            process = subprocess.Popen(
                [BIN / "runwsgi", folder / "etc" / "zope.ini"], stdout=log, stderr=log
            )
            self.zopes.append(process)
        for process, port in zip(self.zopes, self.zope_ports, strict=True):
            wait_for_port(self.host, port, process)

    def start(self, **site_env: str) -> "Cluster":
        self.start_storage()
        try:
            self.write_instances()
            self.create_site(**site_env)
            self.start_instances()
            self.varnish.start([(self.host, port) for port in self.zope_ports])
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        self.varnish.stop()
        for process in self.zopes:
            stop(process)
        self.zopes = []
        self.server.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def migrate(filestorage_instance: Path, cluster: Cluster) -> None:
    """Copy a FileStorage instance's database and blobs into PostgreSQL."""
    source = Path(filestorage_instance).resolve() / "var"
    if not (source / "filestorage" / "Data.fs").exists():
        sys.exit(f"no FileStorage in {source}: nothing to migrate")
    cluster.start_storage()
    try:
        config = cluster.folder / "zodbconvert.conf"
        cache = cluster.folder / "zodbconvert-blobcache"
        config.write_text(
            "%import relstorage\n"
            "<filestorage source>\n"
            f"  path {source / 'filestorage' / 'Data.fs'}\n"
            f"  blob-dir {source / 'blobstorage'}\n"
            "  read-only true\n"
            "</filestorage>\n"
            "<relstorage destination>\n"
            "  keep-history false\n"
            f"  blob-dir {cache}\n"
            "  shared-blob-dir false\n"
            f"  <postgresql>\n    dsn {cluster.server.dsn}\n  </postgresql>\n"
            "</relstorage>\n"
        )
        config.chmod(0o600)  # it holds the database password
        subprocess.run([BIN / "zodbconvert", "--clear", config], check=True)
        shutil.rmtree(cache, ignore_errors=True)
    finally:
        cluster.server.stop()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", choices=("start", "migrate"), nargs="?", default="start"
    )
    parser.add_argument("--dir", default="var/cluster", help="the cluster's folder")
    parser.add_argument(
        "--storage", default="relstorage", choices=("relstorage", "zeo")
    )
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="Varnish")
    parser.add_argument("--zope-port", type=int, default=8081, help="first instance")
    parser.add_argument("--storage-port", type=int, help="PostgreSQL or ZEO")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--from", dest="source", help="migrate: FileStorage instance")
    args = parser.parse_args(argv)
    cluster = Cluster(
        args.dir,
        storage=args.storage,
        instances=args.instances,
        host=args.host,
        port=args.port,
        zope_port=args.zope_port,
        storage_port=args.storage_port,
        threads=args.threads,
    )
    if args.command == "migrate":
        if args.storage != "relstorage" or not args.source:
            parser.error("migrate copies --from INSTANCE into RelStorage")
        migrate(Path(args.source), cluster)
        print(f"Copied {args.source} into PostgreSQL in {cluster.folder}")
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with cluster.start():
        print(f"\n  Varnish: {cluster.varnish.url}/  (public entry)")
        for url in cluster.instance_urls:
            print(f"  Zope:    {url}/")
        print(f"  Storage: {args.storage}, data in {cluster.folder}")
        print("  Ctrl+C stops them all.\n")
        try:
            while all(process.poll() is None for process in cluster.zopes):
                time.sleep(1)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
