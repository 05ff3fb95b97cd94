"""Write the Zope instance configuration from the templates in ``etc/``.

Only configuration is (re)written; ``var/`` with the database, blobs and
logs is created once and never touched again. The storage is chosen here:
``filestorage`` (the default, embedded), ``relstorage`` (PostgreSQL, for
several instances) or ``zeo`` (a ZEO server); see ``etc/storage/``.
"""

from pathlib import Path

import argparse
import re


TEMPLATES = Path(__file__).resolve().parent.parent / "etc"
STORAGES = ("filestorage", "relstorage", "zeo")
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def render(template: str, values: dict[str, str]) -> str:
    def substitute(match: re.Match) -> str:
        return values[match.group(1)]

    return PLACEHOLDER.sub(substitute, template)


def storage_section(storage: str, values: dict[str, str]) -> str:
    """The ``<zodb_db main>`` section of zope.conf for the chosen storage."""
    return render((TEMPLATES / "storage" / f"{storage}.conf").read_text(), values)


def write_instance(instance: Path, values: dict[str, str]) -> None:
    for folder in ("etc", "var/filestorage", "var/blobstorage", "var/cache", "var/log"):
        (instance / folder).mkdir(parents=True, exist_ok=True)
    values = {**values, "storage": storage_section(values["storage"], values)}
    for template in sorted(TEMPLATES.glob("*.in")):
        target = instance / "etc" / template.stem
        target.write_text(render(template.read_text(), values))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="instance", help="instance folder")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", default="8080")
    parser.add_argument("--threads", default="4")
    parser.add_argument("--debug-mode", default="off", choices=("on", "off"))
    parser.add_argument("--storage", default="filestorage", choices=STORAGES)
    parser.add_argument(
        "--dsn",
        default="host=127.0.0.1 port=5432 dbname=zodb user=zodb",
        help="PostgreSQL connection (relstorage)",
    )
    parser.add_argument(
        "--zeo-address", default="127.0.0.1:8100", help="ZEO server (zeo)"
    )
    args = parser.parse_args(argv)
    if args.storage == "relstorage" and "'" in args.dsn:
        parser.error("--dsn: write it without quotes (key=value pairs)")
    instance = Path(args.dir).resolve()
    write_instance(
        instance,
        {
            "instance": str(instance),
            "host": args.host,
            "port": str(args.port),
            "threads": str(args.threads),
            "debug_mode": args.debug_mode,
            "storage": args.storage,
            "dsn": args.dsn,
            "zeo_address": args.zeo_address,
        },
    )
    print(f"Instance configuration written to {instance / 'etc'}")


if __name__ == "__main__":
    main()
