"""Both install paths use the same pins: versions.cfg is generated from uv.lock."""

from pathlib import Path

import importlib.util
import tomllib


ROOT = Path(__file__).parents[2]


def load_script():
    path = ROOT / "scripts" / "lock_to_versions.py"
    spec = importlib.util.spec_from_file_location("lock_to_versions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_versions_cfg_matches_lock():
    script = load_script()
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    expected = script.render(lock)
    assert (ROOT / "versions.cfg").read_text() == expected, "run `make versions.cfg`"


def test_plone_pinned_to_622():
    versions = (ROOT / "versions.cfg").read_text().splitlines()
    assert "products-cmfplone = 6.2.2" in versions


def test_buildout_spellings():
    """zc.buildout reads these two pins only under their dotted names."""
    names = {
        line.split(" = ")[0]
        for line in (ROOT / "versions.cfg").read_text().splitlines()
        if " = " in line
    }
    assert {"zc.buildout", "zc.recipe.egg", "municipality.intranet"} <= names
    assert not {"zc-buildout", "zc-recipe-egg"} & names


def test_lock_has_upload_cutoff():
    """Re-locking must not drift to releases newer than the ones we tested."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    assert lock["options"]["exclude-newer"].startswith("2026-10-01")
