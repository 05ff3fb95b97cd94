"""The product's settings: country, numbers, meeting bodies, goals, reminders."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.leave_kinds import check_kind_lines
from municipality.intranet.meeting_bodies import check_lines
from municipality.intranet.subject_areas import check_area_lines
from municipality.intranet.working_days import check_holiday_lines
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface
from zope.schema import ValidationError


class InvalidNumberFormat(ValidationError):
    __doc__ = _(
        "Use {number} (and optionally {year} and {authority}), "
        "e.g. {year}/{number:04d}."
    )


def check_number_format(value: str) -> bool:
    if "{number" not in value:
        raise InvalidNumberFormat(value)
    try:
        value.format(year=2026, number=17, authority="mayor")
    except (KeyError, IndexError, ValueError) as error:
        raise InvalidNumberFormat(value) from error
    return True


class InvalidReportingDate(ValidationError):
    __doc__ = _("Write each reporting date as month-day, e.g. 03-31.")


def check_reporting_dates(value) -> bool:
    for line in value or ():
        try:
            month, day = (int(part) for part in line.strip().split("-"))
            date(2024, month, day)  # a leap year: 02-29 is a date
        except ValueError as error:
            raise InvalidReportingDate(line) from error
    return True


class ISettings(Interface):
    """Stored as ``municipality.intranet.<field>`` records in the registry."""

    country = schema.Choice(
        title=_("Country of the municipality"),
        description=_(
            "Phone numbers in local form and postal codes are checked by its rules."
        ),
        values=["GR", "TR"],
        required=True,
    )
    circular_number_format = schema.TextLine(
        title=_("Format of circular numbers"),
        description=_(
            "Python format with {year}, {number} and {authority}, "
            "e.g. {year}/{number:04d}."
        ),
        required=True,
        constraint=check_number_format,
    )

    meeting_bodies = schema.List(
        title=_("Bodies that meet"),
        description=_(
            "One per line: id | public or internal | title. Public bodies "
            "publish their agendas, minutes and decisions on the website."
        ),
        value_type=schema.TextLine(),
        required=True,
        constraint=check_lines,
    )
    agenda_reminder_days = schema.Int(
        title=_("Agenda reminders (days before the deadline)"),
        description=_(
            "A unit is reminded of an agenda item it has not prepared this many "
            "days before its preparation deadline."
        ),
        min=0,
        required=True,
    )

    goal_risk_margin = schema.Int(
        title=_("Goals at risk (margin in percentage points)"),
        description=_(
            "A goal is at risk when its progress is behind a straight line from "
            "the start of the year to its due date by more than this."
        ),
        min=0,
        max=100,
        required=True,
    )
    goal_reporting_dates = schema.List(
        title=_("Reporting dates of goals"),
        description=_(
            "One per line, as month-day (e.g. 03-31). Units that have recorded "
            "no progress on a goal since the previous reporting date are "
            "reminded before each."
        ),
        value_type=schema.TextLine(),
        required=False,
        constraint=check_reporting_dates,
    )
    goal_reminder_days = schema.Int(
        title=_("Goal reminders (days before a reporting date)"),
        description=_(
            "How many days before a reporting date units are reminded of goals "
            "without progress."
        ),
        min=0,
        required=True,
    )

    subject_areas = schema.List(
        title=_("Subject areas of citizens' requests"),
        description=_(
            "One per line: id | path of the unit that handles them (or nothing, "
            "for the Private Office to assign) | title."
        ),
        value_type=schema.TextLine(),
        required=True,
        constraint=check_area_lines,
    )
    request_deadline_days = schema.Int(
        title=_("Deadline of citizens' requests (working days)"),
        description=_(
            "When the request names no service with a maximum completion time."
        ),
        min=1,
        required=True,
    )
    public_holidays = schema.List(
        title=_("Local public holidays"),
        description=_(
            "The country's public holidays, Easter and the Bayrams included, are "
            "known for every year. Add the municipality's own here, one per line: "
            "MM-DD | name (every year) or YYYY-MM-DD | name (that year only). "
            "Skipped, with weekends, when deadlines and leave are counted in "
            "working days."
        ),
        value_type=schema.TextLine(),
        required=False,
        constraint=check_holiday_lines,
    )
    holidays_not_observed = schema.List(
        title=_("Public holidays on which the municipality works"),
        description=_(
            "Days of the country's public holidays that count as working days "
            "here, one per line: MM-DD | reason (every year) or YYYY-MM-DD | "
            "reason (that year only)."
        ),
        value_type=schema.TextLine(),
        required=False,
        constraint=check_holiday_lines,
    )
    request_retention_days = schema.Int(
        title=_("Keep citizens' personal data (days after closing)"),
        description=_(
            "After this, the name, e-mail, phone, description, answer and "
            "attachment of a closed request are removed; kind, subject, unit and "
            "dates stay for the statistics."
        ),
        min=1,
        required=True,
    )
    request_rate_limit = schema.Int(
        title=_("Requests per address and hour"),
        description=_(
            "Submissions of the public form, and look-ups on the status page, "
            "allowed from one address in an hour."
        ),
        min=1,
        required=True,
    )
    leave_kinds = schema.List(
        title=_("Kinds of leave"),
        description=_(
            "One per line: id | title, or id | title | reason when the kind "
            "needs a written reason. Removing a kind keeps the requests made "
            "with it."
        ),
        value_type=schema.TextLine(),
        required=True,
        min_length=1,
        constraint=check_kind_lines,
    )
    absence_share_warning = schema.Int(
        title=_("Warn when more of a unit is away (per cent)"),
        description=_(
            "Heads and the General Secretary are warned when, with a request, "
            "more than this share of a unit's staff would be away on the same "
            "day."
        ),
        min=1,
        max=100,
        required=True,
    )

    attachment_max_mb = schema.Int(
        title=_("Largest attachment (MB)"),
        description=_(
            "Uploaded files (attachments, documents of meetings and circulars) "
            "larger than this are refused."
        ),
        min=1,
        max=1024,
        required=True,
    )


class SettingsForm(RegistryEditForm):
    schema = ISettings
    schema_prefix = "municipality.intranet"
    label = _("Municipality intranet settings")


class SettingsView(ControlPanelFormWrapper):
    form = SettingsForm
