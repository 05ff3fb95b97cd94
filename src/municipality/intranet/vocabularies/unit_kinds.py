"""The kinds of organisational unit a municipality has."""

from municipality.intranet import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


UNIT_KINDS = (
    ("mayors-office", _("Mayor's Office")),
    ("general-secretariat", _("General Secretariat")),
    ("private-office", _("Private Office")),
    ("directorate", _("Directorate")),
    ("department", _("Department")),
    ("office", _("Office")),
    ("legal-entity", _("Municipal legal entity or company")),
    ("committee", _("Committee")),
)


@provider(IVocabularyFactory)
def unit_kinds(context):
    return SimpleVocabulary(
        [SimpleTerm(value, value, title) for value, title in UNIT_KINDS]
    )
