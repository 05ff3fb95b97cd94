"""Bulk import of a unit's service standards from CSV: all rows or nothing.

Columns (header row, in any order): sequence, title, description,
required_documents (separated by "|"), no_documents (yes/no),
completion_time, completion_unit (minutes, hours, days, working-days),
fee_amount, fee_currency, legal_basis, channels (separated by "|":
in-person, online, email, phone), online_url, last_reviewed (YYYY-MM-DD).
UTF-8 with or without BOM; ";" or "," as separator.
"""

from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from municipality.intranet import _
from municipality.intranet.content.service_standard import IServiceStandard
from municipality.intranet.naming import unique_id
from plone import api
from zope.interface import Invalid
from zope.schema import getFields
from zope.schema import ValidationError

import csv
import datetime
import io


COLUMNS = (
    "sequence",
    "title",
    "description",
    "required_documents",
    "no_documents",
    "completion_time",
    "completion_unit",
    "fee_amount",
    "fee_currency",
    "legal_basis",
    "channels",
    "online_url",
    "last_reviewed",
)
REQUIRED_COLUMNS = ("sequence", "title", "completion_time", "completion_unit")
TRUE = ("1", "yes", "true", "ναι", "evet", "x")


@dataclass
class RowError:
    row: int
    column: str
    message: object


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def read_rows(data: bytes) -> list[dict]:
    text = data.decode("utf-8-sig")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,")
    except csv.Error:
        dialect = csv.excel
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def convert(column: str, raw: str):
    """The field value of a CSV cell; raises ValueError for what cannot be read."""
    raw = (raw or "").strip()
    if column in ("sequence", "completion_time"):
        return int(raw) if raw else None
    if column in ("required_documents", "channels"):
        return _split(raw)
    if column == "no_documents":
        return raw.lower() in TRUE
    if column == "fee_amount":
        if not raw:
            return None
        try:
            return Decimal(raw.replace(",", "."))
        except InvalidOperation as error:
            raise ValueError(raw) from error
    if column == "last_reviewed":
        return datetime.date.fromisoformat(raw) if raw else None
    return raw or None


class _Row:
    """Attribute access for invariants."""

    def __init__(self, values):
        self.__dict__.update(values)


def validate(rows: list[dict]) -> list[dict]:
    """Field values of every row, or ImportFailed with every error found."""
    errors, result, seen = [], [], {}
    fields = getFields(IServiceStandard)
    if rows:
        missing = [c for c in REQUIRED_COLUMNS if c not in rows[0]]
        for column in missing:
            errors.append(RowError(1, column, _("This column is missing.")))
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        values = {}
        for column in COLUMNS:
            if column not in row:
                continue
            try:
                value = convert(column, row[column])
            except ValueError:
                errors.append(RowError(number, column, _("This value cannot be read.")))
                continue
            field = fields.get(column)
            if field is not None and value not in (None, [], ""):
                try:
                    field.bind(None).validate(value)
                except ValidationError as error:
                    errors.append(RowError(number, column, error.doc()))
                    continue
            elif (
                field is not None
                and field.required
                and value in (None, "")
                or column == "title"
                and not value
            ):
                errors.append(RowError(number, column, _("Required input is missing.")))
                continue
            values[column] = value
        for check in IServiceStandard.queryTaggedValue("invariants", []):
            try:
                check(_Row({"no_documents": False, **values}))
            except Invalid as error:
                column = (
                    "required_documents"
                    if "documents" in check.__name__
                    else "channels"
                )
                errors.append(RowError(number, column, error.args[0]))
        sequence = values.get("sequence")
        if sequence in seen:
            errors.append(
                RowError(
                    number,
                    "sequence",
                    _(
                        "This number is already used in row ${row}.",
                        mapping={"row": seen[sequence]},
                    ),
                )
            )
        seen[sequence] = number
        result.append(values)
    if errors:
        raise ImportFailed(errors)
    return result


def import_services(unit, data: bytes) -> dict:
    """Create or update the unit's services; nothing at all if any row is bad."""
    rows = validate(read_rows(data))
    existing = {
        service.sequence: service
        for service in unit.objectValues()
        if IServiceStandard.providedBy(service)
    }
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for values in rows:
        service = existing.get(values["sequence"])
        if service is None:
            name = unique_id(unit, values["title"])
            api.content.create(
                container=unit, type="ServiceStandard", id=name, **values
            )
            counts["created"] += 1
            continue
        changed = {k: v for k, v in values.items() if _current(service, k) != v}
        if not changed:
            counts["unchanged"] += 1
            continue
        for key, value in changed.items():
            if key == "title":
                service.setTitle(value)
            elif key == "description":
                service.setDescription(value or "")
            else:
                setattr(service, key, value)
        service.reindexObject()
        counts["updated"] += 1
    return counts


def _current(service, key):
    if key == "title":
        return service.Title()
    if key == "description":
        return service.Description() or None
    value = getattr(service, key, None)
    return list(value) if isinstance(value, (list, tuple)) else value
