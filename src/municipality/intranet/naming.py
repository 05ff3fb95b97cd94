"""Ids for content created in bulk, chosen before the object exists.

plone.api (and the REST API) create an object under a temporary id and
rename it after its title: a savepoint, a move event and a catalog search
per object. Imports know the title beforehand and take the final id at once.
"""

from plone.base.utils import check_id
from plone.i18n.normalizer.interfaces import IURLNormalizer
from zope.component import getUtility


def unique_id(container, title: str) -> str:
    """A free id in ``container`` made from ``title`` ("title", "title-2"...)."""
    base = getUtility(IURLNormalizer).normalize(title or "")[:80].strip("-")
    base = base or "item"
    name, n = base, 1
    # Neither an item nor an attribute or view of the container ("view", "edit").
    while check_id(container, name, required=1, contained_by=container):
        n += 1
        name = f"{base}-{n}"
    return name
