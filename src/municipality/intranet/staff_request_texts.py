"""How a leave or travel request is named: in titles, mails and lists."""

from municipality.intranet import _
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.circular_mail import site_text
from municipality.intranet.leave_kinds import kind_by_id
from plone.app.content.interfaces import INameFromTitle
from zope.interface import implementer


def kind_label(obj) -> str:
    """ "Annual leave", "Travel abroad"…, in the site's language."""
    if obj.portal_type == "TravelRequest":
        if getattr(obj, "travel_scope", None) == "abroad":
            return site_text(_("Travel abroad"))
        return site_text(_("Domestic travel"))
    kind = kind_by_id(getattr(obj, "leave_kind", None) or "")
    if kind is None:
        return site_text(_("Leave"))
    return site_text(_(kind.title))


def period(obj) -> str:
    if obj.start and obj.end and obj.start != obj.end:
        return f"{short_date(obj.start)}–{short_date(obj.end)}"
    return short_date(obj.start)


def request_title(obj) -> str:
    """e.g. "Annual leave: Eleni Markou, 01.12.2026–05.12.2026"."""
    name = getattr(obj, "employee_name", None) or getattr(obj, "employee", None)
    details = ", ".join(part for part in (name, period(obj)) if part)
    return f"{kind_label(obj)}: {details}" if details else kind_label(obj)


@implementer(INameFromTitle)
class StaffRequestName:
    """Ids like leave-2026-12-07 or travel-2026-12-07: no names in addresses.

    plone.app.content's INameFromTitle (a subclass of plone.base's): the REST
    API looks that one up, and uses the title (the kind of leave) without it.
    """

    def __init__(self, context):
        kind = "travel" if context.portal_type == "TravelRequest" else "leave"
        start = getattr(context, "start", None)
        self.title = f"{kind}-{start.isoformat()}" if start else kind
