"""Units of time and application channels of service standards."""

from municipality.intranet import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


TIME_UNITS = (
    ("minutes", _("minutes")),
    ("hours", _("hours")),
    ("days", _("days")),
    ("working-days", _("working days")),
)

CHANNELS = (
    ("in-person", _("In person")),
    ("online", _("Online")),
    ("email", _("By e-mail")),
    ("phone", _("By phone")),
)


def _vocabulary(pairs):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def time_units(context):
    return _vocabulary(TIME_UNITS)


@provider(IVocabularyFactory)
def service_channels(context):
    return _vocabulary(CHANNELS)
