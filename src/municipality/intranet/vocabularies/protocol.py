"""Vocabularies of the protocol calendar: kinds of event, people of the directory."""

from municipality.intranet import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PROTOCOL_KINDS = (
    ("visit", _("Visit")),
    ("invitation", _("Invitation")),
    ("reception", _("Reception of guests")),
    ("opening", _("Opening")),
    ("ceremony", _("Ceremony")),
    ("national-holiday", _("National holiday")),
    ("religious-holiday", _("Religious holiday")),
    ("commemoration", _("Local commemoration")),
)

# The title of a person the user may not see: the stored value keeps a term
# (so the item stays valid), the name stays with those who may read it.
HIDDEN_PERSON = _("A person of the directory")


@provider(IVocabularyFactory)
def protocol_kinds(context):
    return SimpleVocabulary(
        [SimpleTerm(value, value, title) for value, title in PROTOCOL_KINDS]
    )


def person_label(person) -> str:
    """ "Name – position", or the name alone."""
    position = (getattr(person, "position", None) or "").strip()
    title = person.Title()
    return f"{title} – {position}" if position else title


@provider(IVocabularyFactory)
def people(context):
    """Every person of the directory, by UID, alphabetically.

    Unrestricted, like the units: a stored value keeps its term for every
    user. Names are given only for the people the user may see.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Person", sort_on="sortable_title"
    )
    visible = {brain.UID for brain in catalog(portal_type="Person")}
    terms = []
    for brain in brains:
        if brain.UID in visible:
            title = person_label(brain._unrestrictedGetObject())
        else:
            title = HIDDEN_PERSON
        terms.append(SimpleTerm(brain.UID, brain.UID, title))
    return SimpleVocabulary(terms)
