"""The contact directory and the organisation chart of the municipality."""

from dataclasses import dataclass
from dataclasses import field
from municipality.intranet import _
from municipality.intranet.contact_details import Contact
from municipality.intranet.contact_details import unit_contact
from municipality.intranet.text_folding import fold
from municipality.intranet.text_folding import matches
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


@dataclass
class Entry:
    contact: Contact
    head: str
    path: tuple
    children: list = field(default_factory=list)

    @property
    def search_text(self) -> str:
        contact = self.contact
        return fold(
            " ".join(
                (
                    contact.name,
                    self.head,
                    contact.email,
                    contact.address_line,
                    *(phone.number for phone in contact.phones),
                )
            )
        )


def directory_entries(context) -> list[Entry]:
    """Every unit below ``context`` the current user may see, in structure order."""
    entries = []
    for brain in api.content.find(context=context, portal_type="Unit", sort_on="path"):
        unit = brain.getObject()
        head = ", ".join(part for part in (unit.head_name, unit.head_title) if part)
        entries.append(Entry(unit_contact(unit), head, unit.getPhysicalPath()))
    return entries


def as_tree(entries: list[Entry]) -> list[Entry]:
    """Nest entries under the nearest visible unit above them."""
    by_path = {entry.path: entry for entry in entries}
    roots = []
    for entry in entries:
        parent_path = entry.path[:-1]
        while parent_path and parent_path not in by_path:
            parent_path = parent_path[:-1]
        (by_path[parent_path].children if parent_path else roots).append(entry)
    return roots


class ContactDirectoryView(BrowserView):
    """All units with head, phone, e-mail and address; by structure or A–Z."""

    def __call__(self):
        self.query = (self.request.form.get("q") or "").strip()
        self.order = "az" if self.request.form.get("order") == "az" else "tree"
        entries = directory_entries(self.context)
        if self.query:
            entries = [e for e in entries if matches(self.query, e.search_text)]
        self.count = len(entries)
        if self.order == "az":
            self.entries = sorted(entries, key=lambda e: fold(e.contact.name))
        else:
            self.entries = as_tree(entries)
        return super().__call__()

    def status(self, count) -> str:
        """ "12 units shown"; the script fills in ``{count}`` as it filters."""
        message = _("${count} units shown", mapping={"count": count})
        return translate(message, target_language=api.portal.get_current_language())


class OrganisationChartView(BrowserView):
    """The tree of units below the context."""

    def __call__(self):
        self.tree = as_tree(directory_entries(self.context))
        return super().__call__()
