"""Who issues circulars and whom they are for."""

from municipality.intranet import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


AUTHORITIES = (
    ("mayor", _("Mayor")),
    ("general-secretary", _("General Secretary")),
)

AUDIENCES = (
    ("staff", _("Staff only")),
    ("public", _("Staff and the public")),
)


@provider(IVocabularyFactory)
def issuing_authorities(context):
    """The Mayor, the General Secretary, and every unit (by UID)."""
    terms = [SimpleTerm(value, value, title) for value, title in AUTHORITIES]
    # All units, also those the current user cannot see: a stored value must
    # always have a term, or the circular could not be displayed or edited.
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Unit", sort_on="sortable_title"
    )
    terms += [SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in brains]
    return SimpleVocabulary(terms)


@provider(IVocabularyFactory)
def circular_audiences(context):
    return SimpleVocabulary(
        [SimpleTerm(value, value, title) for value, title in AUDIENCES]
    )
