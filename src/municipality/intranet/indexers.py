"""Catalog indexers: registers and dashboards filter without waking objects."""

from municipality.intranet.behaviors.follow_up import IFollowUp
from municipality.intranet.content.action_programme import IActionProgramme
from municipality.intranet.content.agenda_item import IAgendaItem
from municipality.intranet.content.circular import ICircular
from municipality.intranet.content.citizen_request import ICitizenRequest
from municipality.intranet.content.decision import IDecision
from municipality.intranet.content.goal import IGoal
from municipality.intranet.content.meeting import IMeeting
from municipality.intranet.content.minutes import IMinutes
from municipality.intranet.content.staff_request import IStaffRequest
from municipality.intranet.content.unit import IUnit
from municipality.intranet.meeting_workflow import meeting_of
from municipality.intranet.vocabularies.goals import programme_of
from plone.indexer import indexer


# Registers the lexicon's folding element before profiles create the lexicon.
import municipality.intranet.search_lexicon  # noqa: F401


@indexer(ICircular)
def circular_authority(obj):
    return obj.issuing_authority


@indexer(ICircular)
def circular_year(obj):
    return obj.issue_date.year if obj.issue_date else None


@indexer(ICircular)
def circular_recipients(obj):
    """UIDs of the recipient units, or "all"."""
    if obj.all_units:
        return ["all"]
    return [
        relation.to_object.UID()
        for relation in obj.recipient_units or ()
        if not relation.isBroken() and relation.to_object is not None
    ]


@indexer(ICircular)
def protocol_number(obj):
    return obj.protocol_number or ""


@indexer(ICircular)
def circular_issue_date(obj):
    return obj.issue_date.isoformat() if obj.issue_date else ""


@indexer(ICircular)
def circular_text(obj):
    """What the register's search box looks in (on the folding lexicon)."""
    return " ".join(filter(None, (obj.title, obj.description, obj.protocol_number)))


# Meetings, decisions and their follow-up: the dashboard reads these only.


@indexer(IFollowUp)
def follow_up_status(obj):
    """The implementation status, for items that are followed up only."""
    if not obj.responsible_units:
        raise AttributeError("follow_up_status")
    return obj.implementation_status or "pending"


@indexer(IFollowUp)
def follow_up_deadline(obj):
    if not obj.follow_up_deadline:
        raise AttributeError("follow_up_deadline")
    return obj.follow_up_deadline


@indexer(IFollowUp)
def responsible_units(obj):
    return list(obj.responsible_units or ())


def _body(obj):
    meeting = meeting_of(obj)
    if meeting is None or not meeting.body:
        raise AttributeError("meeting_body")
    return meeting.body


meeting_body = indexer(IMeeting)(_body)
agenda_item_body = indexer(IAgendaItem)(_body)
decision_body = indexer(IDecision)(_body)
minutes_body = indexer(IMinutes)(_body)


@indexer(IDecision)
def decision_number(obj):
    return obj.decision_number or ""


@indexer(IAgendaItem)
def preparation_status(obj):
    return obj.preparation_status or "requested"


@indexer(IAgendaItem)
def preparation_deadline(obj):
    if not obj.preparation_deadline:
        raise AttributeError("preparation_deadline")
    return obj.preparation_deadline


@indexer(IAgendaItem)
def rapporteur_unit(obj):
    return obj.rapporteur_unit or ""


@indexer(IGoal)
def goal_unit(obj):
    return obj.goal_unit


@indexer(IGoal)
def goal_category(obj):
    return obj.category


@indexer(IActionProgramme)
def programme_year(obj):
    return obj.programme_year


@indexer(IGoal)
def goal_programme_year(obj):
    programme = programme_of(obj)
    return getattr(programme, "programme_year", None)


@indexer(IUnit)
def unit_kind(obj):
    return obj.kind


@indexer(ICitizenRequest)
def tracking_code(obj):
    return obj.tracking_code


@indexer(ICitizenRequest)
def request_kind(obj):
    return obj.request_kind


@indexer(ICitizenRequest)
def request_unit(obj):
    return obj.assigned_unit or ""


@indexer(ICitizenRequest)
def request_deadline(obj):
    return obj.deadline


@indexer(ICitizenRequest)
def request_answered_on(obj):
    return obj.answered_on


@indexer(IStaffRequest)
def staff_employee(obj):
    return obj.employee


@indexer(IStaffRequest)
def staff_unit(obj):
    return obj.employee_unit


@indexer(IStaffRequest)
def staff_series(obj):
    return obj.series()


@indexer(IStaffRequest)
def absence_start(obj):
    if not obj.start:
        raise AttributeError("start")
    return obj.start


@indexer(IStaffRequest)
def absence_end(obj):
    if not obj.end:
        raise AttributeError("end")
    return obj.end


@indexer(IStaffRequest)
def authorisation_number(obj):
    if not obj.authorisation_number:
        raise AttributeError("authorisation_number")
    return obj.authorisation_number
