"""Service standards pages, exports and the CSV import."""

from municipality.intranet import _
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.content.unit import IUnit
from municipality.intranet.service_import import import_services
from municipality.intranet.service_import import ImportFailed
from municipality.intranet.service_tables import completion
from municipality.intranet.service_tables import fee
from municipality.intranet.service_tables import point_of_application
from municipality.intranet.service_tables import public_units_with_services
from municipality.intranet.service_tables import record
from municipality.intranet.service_tables import service_jsonld
from municipality.intranet.service_tables import services_of
from municipality.intranet.service_tables import term
from municipality.intranet.structured_data import as_script
from municipality.intranet.text_folding import fold
from municipality.intranet.text_folding import matches
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

import csv
import io
import json
import transaction


def points_of(service) -> list:
    """(label, contact) of the service's first and second points of application."""
    if service is None:
        return []
    pairs = (
        (_("First point of application"), point_of_application(service.first_point)),
        (_("Second point of application"), point_of_application(service.second_point)),
    )
    return [(label, contact) for label, contact in pairs if contact is not None]


class ServiceRows:
    """Helpers the table templates share."""

    def completion(self, service) -> str:
        return completion(service, self.request)

    def fee(self, service) -> str:
        return fee(service)

    def documents(self, service) -> list:
        return [] if service.no_documents else list(service.required_documents or ())

    def search_text(self, unit, service) -> str:
        return fold(
            " ".join(
                (
                    unit.Title(),
                    service.Title(),
                    service.Description() or "",
                    *self.documents(service),
                )
            )
        )


class UnitServicesView(ServiceRows, BrowserView):
    """``@@service-standards`` on a unit: its table and the complaint footer."""

    def __call__(self):
        self.services = services_of(self.context)
        # The complaint footer: the unit's table names one pair for all rows.
        self.points = points_of(self.services[0] if self.services else None)
        return super().__call__()


class SiteServicesView(ServiceRows, BrowserView):
    """``@@service-standards`` on the site: every unit's services, filtered."""

    def __call__(self):
        self.query = (self.request.form.get("q") or "").strip()
        self.unit_filter = (self.request.form.get("unit") or "").strip()
        groups = public_units_with_services()
        self.units = [unit for unit, _services in groups]
        if self.unit_filter:
            groups = [(u, s) for u, s in groups if u.UID() == self.unit_filter]
        if self.query:
            groups = [
                (
                    unit,
                    [
                        s
                        for s in services
                        if matches(self.query, self.search_text(unit, s))
                    ],
                )
                for unit, services in groups
            ]
            groups = [(unit, services) for unit, services in groups if services]
        self.groups = groups
        self.count = sum(len(services) for _unit, services in groups)
        return super().__call__()

    def status(self, count) -> str:
        return translate(
            _("${count} services shown", mapping={"count": count}),
            target_language=api.portal.get_current_language(),
        )


class ServiceView(ServiceRows, BrowserView):
    """A service's own page."""

    def points(self) -> list:
        return [
            (label, contact)
            for label, contact in (
                (
                    _("First point of application"),
                    point_of_application(self.context.first_point),
                ),
                (
                    _("Second point of application"),
                    point_of_application(self.context.second_point),
                ),
            )
            if contact is not None
        ]

    def channels(self) -> list[str]:
        return [
            term("municipality.intranet.ServiceChannels", c, self.request)
            for c in self.context.channels or ()
        ]

    def json_ld(self) -> str:
        return as_script(service_jsonld(self.context, self.request))


def export_records(context, request) -> list[dict]:
    if IUnit.providedBy(context):
        return [record(s, request) for s in services_of(context)]
    return [
        record(s, request)
        for _u, services in public_units_with_services()
        for s in services
    ]


class ServicesJSON(BrowserView):
    def __call__(self):
        self.request.response.setHeader(
            "Content-Type", "application/json; charset=utf-8"
        )
        return json.dumps(
            export_records(self.context, self.request), ensure_ascii=False, indent=1
        )


class ServicesCSV(BrowserView):
    def __call__(self):
        rows = export_records(self.context, self.request)
        buffer = io.StringIO()
        columns = list(rows[0]) if rows else ["id"]
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    k: " | ".join(v)
                    if isinstance(v, list)
                    else ("" if v is None else v)
                    for k, v in row.items()
                }
            )
        return csv_download(
            self.request.response,
            "service-standards.csv",
            buffer.getvalue(),
            private=False,
        )


class ImportServicesView(BrowserView):
    """Upload a CSV to create or update the unit's services, all rows or none."""

    errors = ()
    counts = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            upload = self.request.form.get("csvfile")
            data = upload.read() if upload else b""
            if not data:
                self.errors = [
                    (
                        0,
                        "",
                        translate(
                            _("Choose a CSV file."),
                            target_language=api.portal.get_current_language(),
                        ),
                    )
                ]
            else:
                savepoint = transaction.savepoint()
                try:
                    self.counts = import_services(self.context, data)
                except ImportFailed as failure:
                    savepoint.rollback()
                    self.errors = [
                        (
                            e.row,
                            e.column,
                            translate(
                                e.message,
                                target_language=api.portal.get_current_language(),
                            ),
                        )
                        for e in failure.errors
                    ]
                except UnicodeDecodeError:
                    savepoint.rollback()
                    self.errors = [
                        (
                            0,
                            "",
                            translate(
                                _("The file is not UTF-8 text."),
                                target_language=api.portal.get_current_language(),
                            ),
                        )
                    ]
        return super().__call__()
