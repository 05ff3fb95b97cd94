"""Every user-facing string is translatable and translated into Greek and Turkish."""

from municipality.intranet import _
from pathlib import Path
from zope.i18n import translate

import pytest
import subprocess
import sys


LOCALES = Path(__file__).parents[2] / "src" / "municipality" / "intranet" / "locales"
DOMAIN = "municipality.intranet"


def catalogue(path: Path) -> dict[str, str]:
    """msgid → msgstr of a .po or .pot file."""
    from i18ndude.catalog import MessageCatalog

    return {
        msgid: entry.msgstr
        for msgid, entry in MessageCatalog(filename=str(path)).items()
        if msgid
    }


@pytest.fixture(scope="module")
def pot() -> dict[str, str]:
    return catalogue(LOCALES / f"{DOMAIN}.pot")


def test_pot_is_current(tmp_path, pot):
    fresh = tmp_path / f"{DOMAIN}.pot"
    i18ndude = Path(sys.executable).parent / "i18ndude"
    subprocess.run(
        [
            str(i18ndude),
            "rebuild-pot",
            "--pot",
            str(fresh),
            "--create",
            DOMAIN,
            str(LOCALES.parent),
        ],
        check=True,
        capture_output=True,
    )
    assert set(catalogue(fresh)) == set(pot), "run `make i18n`"


@pytest.mark.parametrize("language", ["el", "tr"])
def test_all_translated(pot, language):
    po = catalogue(LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert set(po) == set(pot), "run `make i18n`"
    untranslated = sorted(msgid for msgid, msgstr in po.items() if not msgstr.strip())
    assert untranslated == []


@pytest.mark.parametrize(
    "language,expected",
    [
        ("el", "Ενδοδίκτυο Δήμου"),
        ("tr", "Belediye iç ağı"),
        ("en", "Municipality intranet"),
    ],
)
def test_translation_loaded(portal, language, expected):
    assert translate(_("Municipality intranet"), target_language=language) == expected


@pytest.mark.parametrize(
    "msgid,language,expected",
    [
        ("Issued", "el", "Εκδόθηκε"),
        ("Withdrawn", "tr", "Geri çekildi"),
        ("Draft", "el", "Σχέδιο"),
    ],
)
def test_workflow_titles_in_plone_domain(portal, msgid, language, expected):
    """Plone's toolbar shows state titles in its own domain: ours are added to it."""
    assert translate(msgid, domain="plone", target_language=language) == expected


def test_plone_translations_still_there(portal):
    assert translate("Log in", domain="plone", target_language="el") != "Log in"
