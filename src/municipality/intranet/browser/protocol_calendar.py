"""The protocol calendar: month grid, list, event page and iCalendar feeds.

Every listing is a catalog search as the requesting user, so visitors see
published events only and staff what their roles let them see; recurring
events (yearly holidays) are expanded into their occurrences. The public
feed holds published events only, whoever asks, and never the protocol
notes; the internal feed is for staff and carries them.
"""

from Acquisition import aq_parent
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.browser.meeting_calendar import respond
from municipality.intranet.event_series import occurrence_dates
from municipality.intranet.event_series import series_dates_in_calendar
from municipality.intranet.site_clock import site_today
from municipality.intranet.site_clock import site_zone
from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import RET_MODE_OBJECTS
from plone.app.event.ical.exporter import construct_icalendar
from plone.app.uuid.utils import uuidToObject
from plone.base.i18nl10n import monthname_msgid
from plone.base.i18nl10n import weekdayname_msgid
from plone.base.i18nl10n import weekdayname_msgid_abbr
from plone.event.interfaces import IEventAccessor
from plone.event.interfaces import IOccurrence
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import calendar
import pytz
import re


PORTAL_TYPE = "ProtocolEvent"
KINDS = "municipality.intranet.ProtocolKinds"
VIEW_INTERNAL = "municipality.intranet: View internal details"
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# The list shows a year ahead (or back): recurring events have no end.
LIST_SPAN = timedelta(days=366)


def parse_month(value, today: date) -> date:
    """The first day of ``YYYY-MM``; of today's month when it is not one."""
    match = MONTH.match(value) if isinstance(value, str) else None
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1900 <= year <= 2999 and 1 <= month <= 12:
            return date(year, month, 1)
    return today.replace(day=1)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def kind_titles(context, request=None) -> dict:
    """Kind → its title, translated for the request."""
    vocabulary = getUtility(IVocabularyFactory, KINDS)(context)
    request = request if request is not None else getattr(context, "REQUEST", None)
    return {term.value: translate(term.title, context=request) for term in vocabulary}


def is_staff() -> bool:
    return not api.user.is_anonymous()


def may_read_notes(obj) -> bool:
    return bool(api.user.has_permission(VIEW_INTERNAL, obj=obj))


def representative(event):
    """The person representing the Mayor, if the user may see them."""
    uid = getattr(event, "represented_by", None)
    if not uid:
        return None
    person = uuidToObject(uid, unrestricted=True)
    if person is None or not api.user.has_permission("View", obj=person):
        return None
    return person


def mayor_text(event, request) -> str:
    """ "The Mayor attends", "Represented by …", or nothing when not known."""
    if getattr(event, "mayor_attends", True):
        return translate(_("The Mayor attends"), context=request)
    person = representative(event)
    if person is not None:
        return translate(
            _(
                "The Mayor is represented by ${name}",
                mapping={"name": person.Title()},
            ),
            context=request,
        )
    return translate(_("The Mayor is represented"), context=request)


def event_of(item):
    """The event of an occurrence of a recurring event (or the event)."""
    return aq_parent(item) if IOccurrence.providedBy(item) else item


def find(context, start=None, end=None, expand=True, **query) -> list:
    """Events (and occurrences) under ``context`` that the user may see."""
    return get_events(
        context,
        start=start,
        end=end,
        ret_mode=RET_MODE_OBJECTS,
        expand=expand,
        portal_type=PORTAL_TYPE,
        path="/".join(context.getPhysicalPath()),
        **query,
    )


class ProtocolListing(BrowserView):
    """What the month grid and the list share: rows of events, the kinds."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.zone = site_zone()
        self.today = site_today()
        self.kinds = kind_titles(context, request)

    def kind(self) -> str:
        value = self.request.form.get("kind")
        return value if isinstance(value, str) and value in self.kinds else ""

    def kind_options(self) -> list[dict]:
        chosen = self.kind()
        return [
            {"value": value, "title": title, "selected": value == chosen}
            for value, title in self.kinds.items()
        ]

    def local(self, value: datetime) -> datetime:
        if value.tzinfo is None:
            value = pytz.utc.localize(value)
        return value.astimezone(self.zone)

    def bounds(self, first: date, last: date) -> tuple[datetime, datetime]:
        """The site's local days ``first`` to ``last``, as aware datetimes."""
        start = self.zone.localize(datetime.combine(first, time.min))
        end = self.zone.localize(datetime.combine(last, time.max))
        return start, end

    def rows(self, first: date, last: date) -> list[dict]:
        start, end = self.bounds(first, last)
        kind = self.kind()
        rows = []
        for item in find(self.context, start, end):
            event = event_of(item)
            if kind and event.protocol_kind != kind:
                continue
            rows.append(self.row(item, event))
        rows.sort(key=lambda row: (row["start"], row["title"]))
        return rows

    def row(self, item, event) -> dict:
        accessor = IEventAccessor(item)
        first, last = occurrence_dates(item)
        start = self.local(first)
        end = self.local(last)
        whole_day = bool(accessor.whole_day)
        if whole_day:
            when = translate(_("All day"), context=self.request)
        elif accessor.open_end or end == start:
            when = start.strftime("%H:%M")
        else:
            when = f"{start:%H:%M}–{end:%H:%M}"
        return {
            "title": event.Title(),
            "url": event.absolute_url(),
            "kind": event.protocol_kind,
            "kind_title": self.kinds.get(event.protocol_kind, ""),
            "start": start,
            "end": max(end, start),
            "whole_day": whole_day,
            "time": "" if whole_day else start.strftime("%H:%M"),
            "when": when,
            "date": start.strftime("%d.%m.%Y"),
            "location": accessor.location or "",
            "mayor": mayor_text(event, self.request),
        }

    def month_title(self, first: date) -> str:
        name = translate(
            monthname_msgid(first.month), domain="plonelocales", context=self.request
        )
        return f"{name} {first.year}"

    def url(self, view: str, **params) -> str:
        kind = self.kind()
        if kind:
            params["kind"] = kind
        query = urlencode({k: v for k, v in params.items() if v})
        base = f"{self.context.absolute_url()}/@@{view}"
        return f"{base}?{query}" if query else base

    def feeds(self) -> list[dict]:
        base = self.context.absolute_url()
        feeds = [
            {
                "url": f"{base}/@@protocol.ics",
                "title": translate(
                    _("Public calendar (iCalendar)"), context=self.request
                ),
            }
        ]
        if may_read_notes(self.context):
            feeds.append(
                {
                    "url": f"{base}/@@protocol-internal.ics",
                    "title": translate(
                        _("Staff calendar with notes (iCalendar)"), context=self.request
                    ),
                }
            )
        return feeds

    def can_add(self) -> bool:
        return bool(
            api.user.has_permission(
                "municipality.intranet: Add ProtocolEvent", obj=self.context
            )
        ) and bool(api.user.has_permission("Add portal content", obj=self.context))

    def tabs(self) -> list[dict]:
        """Month and list, the current one marked; adding for who may add."""
        tabs = [
            {
                "url": self.url(name),
                "title": translate(title, context=self.request),
                "current": self.__name__ == name,
            }
            for name, title in (
                ("protocol-calendar", _("Month")),
                ("protocol-list", _("List")),
            )
        ]
        if self.can_add():
            tabs.append(
                {
                    "url": f"{self.context.absolute_url()}/++add++{PORTAL_TYPE}",
                    "title": translate(_("Add a protocol event"), context=self.request),
                    "current": False,
                }
            )
        return tabs


class ProtocolCalendarView(ProtocolListing):
    """``@@protocol-calendar``: the month grid, Monday first."""

    def __call__(self):
        self.first = parse_month(self.request.form.get("month"), self.today)
        return super().__call__()

    def caption(self) -> str:
        return translate(
            _(
                "Protocol calendar: ${month}",
                mapping={"month": self.month_title(self.first)},
            ),
            context=self.request,
        )

    def weekdays(self) -> list[dict]:
        # Plone numbers days from Sunday (0), Python from Monday (0).
        days = []
        for weekday in range(7):
            number = (weekday + 1) % 7
            days.append(
                {
                    "abbr": translate(
                        weekdayname_msgid_abbr(number),
                        domain="plonelocales",
                        context=self.request,
                    ),
                    "name": translate(
                        weekdayname_msgid(number),
                        domain="plonelocales",
                        context=self.request,
                    ),
                }
            )
        return days

    def weeks(self) -> list[list[dict]]:
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(
            self.first.year, self.first.month
        )
        by_day = {}
        for row in self.rows(weeks[0][0], weeks[-1][-1]):
            day = row["start"].date()
            # An event of several days is shown on each of them.
            while day <= row["end"].date() and day <= weeks[-1][-1]:
                by_day.setdefault(day, []).append(row)
                day += timedelta(days=1)
        return [
            [
                {
                    "day": day.day,
                    "iso": day.isoformat(),
                    "label": day.strftime("%d.%m.%Y"),
                    "in_month": day.month == self.first.month,
                    "today": day == self.today,
                    "events": by_day.get(day, [])
                    if day.month == self.first.month
                    else [],
                }
                for day in week
            ]
            for week in weeks
        ]

    def previous_url(self) -> str:
        return self.url(
            "protocol-calendar", month=month_key(add_months(self.first, -1))
        )

    def next_url(self) -> str:
        return self.url("protocol-calendar", month=month_key(add_months(self.first, 1)))

    def previous_title(self) -> str:
        return self.month_title(add_months(self.first, -1))

    def next_title(self) -> str:
        return self.month_title(add_months(self.first, 1))

    def month_value(self) -> str:
        return month_key(self.first)

    def list_url(self) -> str:
        return self.url("protocol-list")


class ProtocolListView(ProtocolListing):
    """``@@protocol-list``: the coming year's events (or the past year's) by month."""

    def past(self) -> bool:
        return self.request.form.get("past") == "1"

    def months(self) -> list[dict]:
        if self.past():
            first, last = self.today - LIST_SPAN, self.today - timedelta(days=1)
        else:
            first, last = self.today, self.today + LIST_SPAN
        rows = self.rows(first, last)
        if self.past():
            rows.reverse()
        months = []
        for row in rows:
            key = month_key(row["start"].date())
            if not months or months[-1]["key"] != key:
                months.append(
                    {
                        "key": key,
                        "title": self.month_title(row["start"].date().replace(day=1)),
                        "rows": [],
                    }
                )
            months[-1]["rows"].append(row)
        return months

    def toggle_url(self) -> str:
        return self.url("protocol-list", past="" if self.past() else "1")

    def calendar_url(self) -> str:
        return self.url("protocol-calendar")


class ProtocolEventView(BrowserView):
    """The page of one event; the protocol notes for staff only."""

    def kind(self) -> str:
        return kind_titles(self.context, self.request).get(
            self.context.protocol_kind, ""
        )

    def when(self) -> str:
        accessor = IEventAccessor(self.context)
        zone = site_zone()
        start = accessor.start.astimezone(zone) if accessor.start else None
        if start is None:
            return ""
        end = accessor.end.astimezone(zone) if accessor.end else None
        if accessor.whole_day:
            text = start.strftime("%d.%m.%Y")
            if end is not None and end.date() != start.date():
                text += " – " + end.strftime("%d.%m.%Y")
            return text
        text = start.strftime("%d.%m.%Y %H:%M")
        if end is not None and not accessor.open_end and end != start:
            same_day = end.date() == start.date()
            text += " – " + end.strftime("%H:%M" if same_day else "%d.%m.%Y %H:%M")
        return text

    def whole_day(self) -> bool:
        return bool(IEventAccessor(self.context).whole_day)

    def mayor_attends(self) -> bool:
        return bool(getattr(self.context, "mayor_attends", True))

    def representative(self):
        return representative(self.context)

    def next_dates(self, count: int = 3) -> list[str]:
        """The coming dates of a recurring event (a yearly holiday)."""
        if not getattr(self.context, "recurrence", None):
            return []
        today = site_today()
        zone = site_zone()
        start = zone.localize(datetime.combine(today, time.min))
        dates = []
        for item in find(
            aq_parent(self.context),
            start,
            start + timedelta(days=366 * 3),
            UID=self.context.UID(),
        ):
            dates.append(
                occurrence_dates(item)[0].astimezone(zone).strftime("%d.%m.%Y")
            )
            if len(dates) == count:
                break
        return dates

    def show_notes(self) -> bool:
        return may_read_notes(self.context) and bool(self.context.protocol_notes)

    def notes(self) -> list[str]:
        return (self.context.protocol_notes or "").splitlines()

    def calendar_url(self) -> str:
        return f"{aq_parent(self.context).absolute_url()}/@@protocol-calendar"


# iCalendar feeds.


def protocol_calendar(context, request, events, with_notes: bool, name: str):
    """An icalendar.Calendar of ``events``; the notes only if asked for."""
    calendar_ = construct_icalendar(context, events)
    series_dates_in_calendar(calendar_, events)
    calendar_.add("x-wr-calname", name)
    kinds = kind_titles(context, request)
    by_uid = {event.UID(): event for event in events}
    for component in calendar_.walk("VEVENT"):
        event = by_uid.get(str(component.get("UID", "")).split("@", 1)[0])
        if event is None:
            continue
        kind = kinds.get(event.protocol_kind)
        if kind:
            component.pop("CATEGORIES", None)
            component.add("categories", [kind])
        lines = [event.Description()] if event.Description() else []
        if event.organiser:
            lines.append(
                translate(
                    _("Organiser: ${name}", mapping={"name": event.organiser}),
                    context=request,
                )
            )
        lines.append(mayor_text(event, request))
        if with_notes and event.protocol_notes and may_read_notes(event):
            lines.append(
                translate(_("Protocol notes"), context=request)
                + ": "
                + event.protocol_notes
            )
        component.pop("DESCRIPTION", None)
        component.add("description", "\n".join(lines))
    return calendar_


class PublicProtocolFeed(BrowserView):
    """``@@protocol.ics``: the published events, for anyone to subscribe to."""

    def __call__(self):
        events = find(self.context, expand=False, review_state="published")
        name = translate(_("Protocol calendar"), context=self.request)
        calendar_ = protocol_calendar(
            self.context, self.request, list(events), False, name
        )
        return respond(self.request, calendar_, "protocol.ics")


class InternalProtocolFeed(BrowserView):
    """``@@protocol-internal.ics``: every event the member of staff may see."""

    def __call__(self):
        events = find(self.context, expand=False)
        name = translate(_("Protocol calendar (staff)"), context=self.request)
        calendar_ = protocol_calendar(
            self.context, self.request, list(events), True, name
        )
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return respond(self.request, calendar_, "protocol-internal.ics")


class ProtocolEventCalendar(BrowserView):
    """``ics_view`` of one event: as in the public feed, without notes."""

    def __call__(self):
        calendar_ = protocol_calendar(
            self.context, self.request, [self.context], False, self.context.Title()
        )
        return respond(self.request, calendar_, f"{self.context.getId()}.ics")
