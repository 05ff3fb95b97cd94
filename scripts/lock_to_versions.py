"""Print buildout's ``[versions]`` pins for every package in ``uv.lock``.

buildout.cfg extends the generated versions.cfg, so both install paths use
the very same releases; our own package is pinned to the version in its
``__init__.py``, the wheel that ``make buildout`` builds.
``make versions.cfg`` regenerates the file; tests/setup/test_pins.py fails
when the two drift.
"""

from pathlib import Path

import re
import sys
import tomllib


HEADER = """\
# Generated from uv.lock by scripts/lock_to_versions.py: do not edit.
# Regenerate with `make versions.cfg` (or `make lock`).
[buildout]
show-picked-versions = true
update-versions-file =
allow-picked-versions = false

[versions]
"""


# zc.buildout looks these two up by their dotted spelling before it
# normalises the [versions] keys: written any other way, their pins are lost.
BUILDOUT_SPELLING = {"zc-buildout": "zc.buildout", "zc-recipe-egg": "zc.recipe.egg"}


def pins(lock: dict) -> dict[str, str]:
    return {
        BUILDOUT_SPELLING.get(package["name"], package["name"]): package["version"]
        for package in lock["package"]
        if "version" in package and package["source"].get("registry")
    }


PACKAGE_INIT = Path(__file__).parents[1] / "src" / "municipality" / "intranet"
PACKAGE_INIT /= "__init__.py"


def own_version() -> str:
    match = re.search(r'^__version__ = "([^"]+)"', PACKAGE_INIT.read_text(), re.M)
    return match.group(1)


def render(lock: dict) -> str:
    versions = {**pins(lock), "municipality.intranet": own_version()}
    lines = [f"{name} = {version}" for name, version in sorted(versions.items())]
    return HEADER + "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    lock_path = Path(argv[1] if len(argv) > 1 else "uv.lock")
    sys.stdout.write(render(tomllib.loads(lock_path.read_text())))


if __name__ == "__main__":
    main(sys.argv)
