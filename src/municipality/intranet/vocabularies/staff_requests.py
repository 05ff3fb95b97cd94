"""Vocabularies of leave and travel requests."""

from municipality.intranet import _
from municipality.intranet.leave_kinds import leave_kinds
from municipality.intranet.staff_request_checks import current_user
from municipality.intranet.staff_request_checks import is_staff_request
from municipality.intranet.staff_units import unit_staff
from municipality.intranet.staff_units import units_of
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


TRAVEL_SCOPES = (
    ("domestic", _("Domestic")),
    ("abroad", _("Abroad")),
)

TRANSPORT_MODES = (
    ("municipal-vehicle", _("Municipal vehicle")),
    ("own-car", _("Own car")),
    ("coach", _("Bus or coach")),
    ("train", _("Train")),
    ("ship", _("Ship")),
    ("plane", _("Plane")),
    ("other", _("Other")),
)

FUNDING_SOURCES = (
    ("municipal-budget", _("Municipal budget")),
    ("programme", _("National or EU programme")),
    ("host", _("Paid by the host or organiser")),
    ("none", _("No cost to the municipality")),
)


def _simple(pairs) -> SimpleVocabulary:
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def travel_scopes(context):
    return _simple(TRAVEL_SCOPES)


@provider(IVocabularyFactory)
def transport_modes(context):
    return _simple(TRANSPORT_MODES)


@provider(IVocabularyFactory)
def funding_sources(context):
    return _simple(FUNDING_SOURCES)


@provider(IVocabularyFactory)
def leave_kind_terms(context):
    """The configured kinds; titles of ours translated."""
    return SimpleVocabulary(
        [SimpleTerm(kind.id, kind.id, _(kind.title)) for kind in leave_kinds()]
    )


def employee_of(context):
    """The request's employee, or the current user for a new request."""
    if is_staff_request(context) and getattr(context, "employee", None):
        return api.user.get(userid=context.employee)
    user = current_user()
    if user is None or api.user.is_anonymous():
        return None
    return user


@provider(IVocabularyFactory)
def employee_units(context):
    """The units whose staff the employee is."""
    units = units_of(employee_of(context))
    return SimpleVocabulary(
        [SimpleTerm(unit.UID(), unit.UID(), unit.Title()) for unit in units]
    )


@provider(IVocabularyFactory)
def colleagues(context):
    """Everyone in the employee's units but the employee, by name."""
    employee = employee_of(context)
    if employee is None:
        return SimpleVocabulary([])
    found = {}
    for unit in units_of(employee):
        found.update(unit_staff(unit))
    found.pop(employee.getId(), None)
    return SimpleVocabulary(
        [
            SimpleTerm(userid, userid, name)
            for userid, name in sorted(found.items(), key=lambda item: item[1])
        ]
    )
