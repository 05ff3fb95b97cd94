"""Vocabularies of citizens' requests."""

from municipality.intranet import _
from municipality.intranet.subject_areas import areas
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


REQUEST_KINDS = (
    ("request", _("Request")),
    ("complaint", _("Complaint")),
    ("suggestion", _("Suggestion")),
    ("thanks", _("Thanks")),
)


@provider(IVocabularyFactory)
def request_kinds(context):
    return SimpleVocabulary(
        [SimpleTerm(value, value, title) for value, title in REQUEST_KINDS]
    )


@provider(IVocabularyFactory)
def subject_areas(context):
    """The subject areas configured by the General Secretariat."""
    return SimpleVocabulary(
        [SimpleTerm(area_id, area_id, title) for area_id, _path, title in areas()]
    )


@provider(IVocabularyFactory)
def public_services(context):
    """The services of the public service standards, by UID."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="ServiceStandard",
        review_state="published",
        sort_on="sortable_title",
    )
    return SimpleVocabulary(
        [SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in brains]
    )
