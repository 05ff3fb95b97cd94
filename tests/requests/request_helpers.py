"""Helpers for request tests: users, subject areas, the form, an inbox."""

from mail_inbox import start_inbox  # noqa: F401 - the tests import it from here
from mail_inbox import wait_for  # noqa: F401 - the tests import it from here
from plone import api
from staff_users import create_users as create_staff
from staff_users import PASSWORD  # noqa: F401 - the tests import it from here

import re
import requests


GS = "units/mayors-office/general-secretariat"
FINANCE = f"{GS}/financial-services"
TECHNICAL = f"{GS}/technical-services"

USERS = {
    "office_member": ["private-office-members"],
    "office_editor": ["private-office-editors"],
    "technical_member": ["technical-services-members"],
    "finance_member": ["financial-services-members"],
    "gs_officer": ["general-secretariat"],
    "staff": [],
}

AREAS = [
    f"roads | {TECHNICAL} | Δρόμοι και πεζοδρόμια",
    "general | | Γενικά θέματα",
]


def create_users():
    create_staff(USERS)


def configure_areas():
    api.portal.set_registry_record("municipality.intranet.subject_areas", AREAS)


def form_fields(html: str) -> dict:
    """The hidden fields of the served form (CSRF token, time stamp)."""
    fields = {}
    for match in re.finditer(r"<input[^>]+>", html):
        tag = match.group(0)
        if 'type="hidden"' not in tag:
            continue
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def submission(**changes) -> dict:
    data = {
        "form.widgets.kind": "complaint",
        "form.widgets.kind-empty-marker": "1",
        "form.widgets.subject_area:list": "roads",
        "form.widgets.subject_area-empty-marker": "1",
        "form.widgets.related_service-empty-marker": "1",
        "form.widgets.description": "Λακκούβα στην οδό Αθηνάς 12 εδώ και 2 εβδομάδες.",
        "form.widgets.name": "Μαρία Παπαδοπούλου",
        "form.widgets.email": "maria@example.org",
        "form.widgets.phone": "",
        "form.widgets.consent:list": "selected",
        "form.widgets.consent-empty-marker": "1",
        "form.widgets.website": "",
        "form.buttons.submit": "Αποστολή",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def submit(form_url: str, data: dict, aged: str | None = None):
    """Serve the form, then send it as a browser would (seconds later)."""
    session = requests.Session()
    page = session.get(form_url, timeout=30)
    hidden = form_fields(page.text)
    if aged is not None:
        hidden["form.widgets.started"] = aged
    return session.post(form_url, data={**hidden, **data}, timeout=30)
