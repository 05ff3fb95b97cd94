"""Write the Zope instance configuration from the templates in ``etc/``.

Only configuration is (re)written; ``var/`` with the database, blobs and
logs is created once and never touched again.
"""

from pathlib import Path

import argparse
import re


TEMPLATES = Path(__file__).resolve().parent.parent / "etc"
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def render(template: str, values: dict[str, str]) -> str:
    def substitute(match: re.Match) -> str:
        return values[match.group(1)]

    return PLACEHOLDER.sub(substitute, template)


def write_instance(instance: Path, values: dict[str, str]) -> None:
    for folder in ("etc", "var/filestorage", "var/blobstorage", "var/cache", "var/log"):
        (instance / folder).mkdir(parents=True, exist_ok=True)
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
    args = parser.parse_args(argv)
    instance = Path(args.dir).resolve()
    write_instance(
        instance,
        {
            "instance": str(instance),
            "host": args.host,
            "port": str(args.port),
            "threads": str(args.threads),
            "debug_mode": args.debug_mode,
        },
    )
    print(f"Instance configuration written to {instance / 'etc'}")


if __name__ == "__main__":
    main()
