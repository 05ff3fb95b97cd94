"""Vocabularies of action programmes and goals."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from municipality.intranet import _
from plone import api
from plone.uuid.interfaces import IUUID
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# The three groups of the Greek public-sector evaluation system.
GOAL_CATEGORIES = (
    ("services", _("Services provided")),
    ("organisation", _("Internal organisation and operation")),
    ("skills", _("Knowledge, skills and competences of the staff")),
)

# Derived from progress and dates, never typed.
GOAL_STATUSES = (
    ("on_track", _("On track")),
    ("at_risk", _("At risk")),
    ("achieved", _("Achieved")),
    ("not_achieved", _("Not achieved")),
    ("not_approved", _("Not approved yet")),
)


def _simple(pairs) -> SimpleVocabulary:
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def goal_categories(context):
    return _simple(GOAL_CATEGORIES)


@provider(IVocabularyFactory)
def goal_statuses(context):
    return _simple(GOAL_STATUSES)


def programme_of(context):
    """The action programme a goal (or the add form of one) belongs to."""
    from municipality.intranet.content.action_programme import IActionProgramme

    current = aq_inner(context)
    while current is not None:
        if IActionProgramme.providedBy(current):
            return current
        current = aq_parent(current)
    return None


@provider(IVocabularyFactory)
def programme_goals(context):
    """The other goals of the same programme the user may see.

    Only those: a goal's page and its REST answer show its parent's title.
    """
    from municipality.intranet.content.goal import IGoal

    programme = programme_of(context)
    if programme is None:
        return SimpleVocabulary([])
    # A goal being created through REST has no UID yet.
    own = IUUID(context, None) if IGoal.providedBy(context) else None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Goal",
        path={"query": "/".join(programme.getPhysicalPath()), "depth": 1},
        sort_on="sortable_title",
    )
    return SimpleVocabulary(
        [
            SimpleTerm(brain.UID, brain.UID, brain.Title)
            for brain in brains
            if own != brain.UID
        ]
    )
