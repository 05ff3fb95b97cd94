"""Handlers of the ``municipality`` site distribution.

The demo content lives in the repository's top-level ``content/`` folder,
one plone.exportimport tree per language (``content/el``, ``content/tr``,
``content/en``); a built wheel carries a copy inside the distribution folder,
which wins when present.
"""

from municipality.intranet.demo_dates import demo_for
from municipality.intranet.demo_dates import make_plan
from municipality.intranet.demo_dates import parse_day
from municipality.intranet.meeting_bodies import default_lines
from municipality.intranet.meeting_bodies import RECORD as BODIES_RECORD
from municipality.intranet.request_defaults import area_lines
from municipality.intranet.sections import ensure_sections
from municipality.intranet.settings import COUNTRY_BY_LANGUAGE
from municipality.intranet.settings import COUNTRY_RECORD
from municipality.intranet.subject_areas import AREAS_RECORD
from pathlib import Path
from plone import api
from plone.dexterity.schema import SCHEMA_CACHE
from plone.distribution.core import Distribution
from plone.distribution.handler import post_handler as base_post_handler
from plone.exportimport.importers import get_importer
from Products.CMFPlone.Portal import PloneSite

import transaction


DISTRIBUTION_DIR = Path(__file__).parent / "distributions" / "municipality"
REPOSITORY_CONTENT_DIR = Path(__file__).parents[3] / "content"

SITE_LANGUAGES = ("el", "tr", "en")

# What a new site is called and which clock it keeps, by its main language.
LANGUAGE_DEFAULTS = {
    "el": {
        "title": "Δήμος – Γενική Γραμματεία και Γραφείο Δημάρχου",
        "description": "Δημόσιος ιστότοπος και ενδοδίκτυο της Γενικής Γραμματείας.",
        "portal_timezone": "Europe/Athens",
    },
    "tr": {
        "title": "Belediye – Genel Sekreterlik ve Özel Kalem Müdürlüğü",
        "description": "Genel Sekreterliğin kamuya açık sitesi ve iç ağı.",
        "portal_timezone": "Europe/Istanbul",
    },
    "en": {
        "title": "Municipality – General Secretariat and Mayor's Office",
        "description": "Public website and intranet of the General Secretariat.",
        "portal_timezone": "Europe/Athens",
    },
}


def demo_content_dir(language: str = "el") -> Path | None:
    """Return the plone.exportimport tree of the demo content in ``language``.

    Greek is the reference tree and stands in for a language without one.
    """
    for base in (DISTRIBUTION_DIR / "content", REPOSITORY_CONTENT_DIR):
        for code in (language, "el"):
            if (base / code / "content" / "__metadata__.json").is_file():
                return base / code
    return None


def pre_handler(answers: dict) -> dict:
    """Fill what the caller left out from the defaults of the chosen language."""
    language = answers.get("default_language") or "el"
    if language not in SITE_LANGUAGES:
        raise ValueError(
            f"default_language must be one of {', '.join(SITE_LANGUAGES)}, "
            f"not {language!r}"
        )
    # A wrong day for the demo fails here, before anything is made.
    parse_day(answers.get("demo_today"))
    defaults = LANGUAGE_DEFAULTS[language]
    completed = {"default_language": language, **answers}
    for key, value in defaults.items():
        if not completed.get(key):
            completed[key] = value
    return completed


def handler(distribution: Distribution, site: PloneSite, answers: dict) -> PloneSite:
    """Apply the base profiles, then import the demo content if asked to."""
    setup_tool = site["portal_setup"]
    for profile_id in distribution.profiles:
        setup_tool.runAllImportStepsFromProfile(f"profile-{profile_id}")
    # Phone numbers and postal codes, demo ones included, follow its rules.
    api.portal.set_registry_record(
        COUNTRY_RECORD, COUNTRY_BY_LANGUAGE[answers["default_language"]]
    )
    # The bodies that meet, named in the site's language.
    api.portal.set_registry_record(
        BODIES_RECORD, default_lines(answers["default_language"])
    )
    content_dir = demo_content_dir(answers["default_language"])
    if answers.get("setup_content") and content_dir is not None:
        # Without a savepoint the import fails with a POSKeyError on blobs.
        transaction.savepoint(optimistic=True)
        # Behaviors registered by the profiles above must be seen by the import.
        SCHEMA_CACHE.clear()
        importer = get_importer(site)
        # Site creation is one transaction: all of it lands, or none of it.
        for step in importer.importers.values():
            step.intermediate_commits = False
        # The demo's dates move to the day the site is made (demo_dates.py).
        plan = make_plan(
            parse_day(answers.get("demo_today")), answers.get("portal_timezone")
        )
        tree, temporary = demo_for(content_dir, plan)
        try:
            importer.import_site(tree)
        finally:
            if temporary is not None:
                temporary.cleanup()
        transaction.savepoint(optimistic=True)
    # The import may have replaced the sections' settings with the demo's.
    ensure_sections()
    # Requests routed to the units the site has. The country's public
    # holidays come from the holidays library (working_days.py).
    api.portal.set_registry_record(
        AREAS_RECORD, area_lines(answers["default_language"])
    )
    return site


def post_handler(
    distribution: Distribution, site: PloneSite, answers: dict
) -> PloneSite:
    """Offer all three languages, the chosen one first, then set the logo."""
    language = answers["default_language"]
    api.portal.set_registry_record(
        "plone.available_languages",
        [language, *(code for code in SITE_LANGUAGES if code != language)],
    )

    return base_post_handler(distribution, site, answers)
