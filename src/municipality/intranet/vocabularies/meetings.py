"""Vocabularies of meetings, agenda items and follow-up."""

from municipality.intranet import _
from municipality.intranet.meeting_bodies import bodies
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MEETING_STATUSES = (
    ("scheduled", _("Scheduled")),
    ("held", _("Held")),
    ("postponed", _("Postponed")),
    ("cancelled", _("Cancelled")),
)

PREPARATION_STATUSES = (
    ("requested", _("Requested")),
    ("prepared", _("Prepared")),
)

OUTCOMES = (
    ("discussed", _("Discussed")),
    ("postponed", _("Postponed")),
    ("withdrawn", _("Withdrawn from the agenda")),
)

IMPLEMENTATION_STATUSES = (
    ("pending", _("Pending")),
    ("in_progress", _("In progress")),
    ("implemented", _("Implemented")),
    ("cancelled", _("Cancelled")),
)

INSTRUCTION_AUTHORITIES = (
    ("mayor", _("Mayor")),
    ("general-secretary", _("General Secretary")),
)


def _simple(pairs) -> SimpleVocabulary:
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def meeting_bodies(context):
    """The bodies configured in the control panel."""
    return SimpleVocabulary(
        [SimpleTerm(body_id, body_id, title) for body_id, _public, title in bodies()]
    )


@provider(IVocabularyFactory)
def units(context):
    """Every unit, by UID, in the order of the organisation chart.

    Unrestricted, like the issuing authorities of circulars: a stored value
    must keep its term even for a user who cannot see that unit.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Unit", sort_on="path")
    return SimpleVocabulary(
        [SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in brains]
    )


@provider(IVocabularyFactory)
def meeting_statuses(context):
    return _simple(MEETING_STATUSES)


@provider(IVocabularyFactory)
def preparation_statuses(context):
    return _simple(PREPARATION_STATUSES)


@provider(IVocabularyFactory)
def agenda_outcomes(context):
    return _simple(OUTCOMES)


@provider(IVocabularyFactory)
def implementation_statuses(context):
    return _simple(IMPLEMENTATION_STATUSES)


@provider(IVocabularyFactory)
def instruction_authorities(context):
    return _simple(INSTRUCTION_AUTHORITIES)
