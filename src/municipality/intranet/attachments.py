"""Limits on uploaded files: size and kind, with a clear error.

Plugged into plone.namedfile's validation of every file field (a File's
``file``, a progress note's ``attachment``), so the add and edit forms and
the REST API refuse the same uploads, naming the field.
"""

from municipality.intranet import _
from plone import api
from plone.namedfile.interfaces import INamedFileField
from plone.namedfile.interfaces import IPluggableFileFieldValidation
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.schema import ValidationError

import os


MAX_MB_RECORD = "municipality.intranet.attachment_max_mb"
DEFAULT_MAX_MB = 20
# Documents a municipality exchanges; nothing executable, no scripts.
ALLOWED_EXTENSIONS = frozenset(
    (
        ".pdf", ".odt", ".ods", ".odp", ".doc", ".docx", ".xls", ".xlsx",
        ".ppt", ".pptx", ".rtf", ".txt", ".csv", ".jpg", ".jpeg", ".png",
        ".gif", ".webp", ".tif", ".tiff", ".zip", ".xml", ".eml", ".msg",
    )
)  # fmt: skip


class AttachmentTooLarge(ValidationError):
    __doc__ = _("The file is larger than the limit for attachments.")


class AttachmentKindRefused(ValidationError):
    __doc__ = _(
        "Attach documents, spreadsheets, images, PDF or ZIP files only; "
        "programs and scripts are refused."
    )


def max_bytes() -> int:
    try:
        megabytes = api.portal.get_registry_record(MAX_MB_RECORD, default=None)
    except api.exc.CannotGetPortalError:
        megabytes = None
    return int(megabytes or DEFAULT_MAX_MB) * 1024 * 1024


def check_attachment(value) -> bool:
    """Refuse a file of the wrong kind or too large; True otherwise."""
    if value is None:
        return True
    extension = os.path.splitext(value.filename or "")[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise AttachmentKindRefused(value.filename)
    if value.getSize() > max_bytes():
        raise AttachmentTooLarge(value.filename)
    return True


@implementer(IPluggableFileFieldValidation)
@adapter(INamedFileField, Interface)
class AttachmentLimits:
    def __init__(self, field, value):
        self.value = value

    def __call__(self):
        check_attachment(self.value)
