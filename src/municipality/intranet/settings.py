"""Site-wide settings of the product, read from the registry."""

from plone import api


COUNTRY_RECORD = "municipality.intranet.country"

# The country a site's municipality is in, by the site's main language.
COUNTRY_BY_LANGUAGE = {"el": "GR", "tr": "TR", "en": "GR"}


def site_country() -> str:
    """ISO 3166-1 code of the municipality's country.

    Phone numbers in local form and postal codes are checked by its rules.
    """
    try:
        return api.portal.get_registry_record(COUNTRY_RECORD, default="GR") or "GR"
    except api.exc.CannotGetPortalError:
        return "GR"
