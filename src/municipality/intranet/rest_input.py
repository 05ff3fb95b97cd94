"""REST input of the wrong shape gets a 400 naming the field, not a 500.

plone.restapi turns a ValueError or a ValidationError from a field into a
400 naming the field, but lets other errors through as a 500: a dict or a
list where a choice is expected raises TypeError ("unhashable type"). Each
of its deserializers is wrapped, for requests to our site, so that such a
value gets the same clear 400.
"""

from municipality.intranet import _
from plone.restapi.deserializer import dxfields
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.add import FolderPost
from zope.i18n import translate

import re


WRONG_SHAPE = _("This value does not have the form this field expects.")

# C0 control characters other than tab, line feed and carriage return: no
# text needs them, and XML (rich text, feeds, sitemaps) cannot hold them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(value):
    return CONTROL.sub("", value) if isinstance(value, str) else value


def guarded(base):
    class Guarded(base):
        def __call__(self, value):
            try:
                return super().__call__(value)
            except (TypeError, AttributeError, KeyError, OverflowError) as error:
                raise ValueError(
                    translate(WRONG_SHAPE, context=self.request)
                ) from error

    Guarded.__name__ = Guarded.__qualname__ = f"Guarded{base.__name__}"
    return Guarded


DefaultFieldDeserializer = guarded(dxfields.DefaultFieldDeserializer)


class TextLineFieldDeserializer(guarded(dxfields.TextLineFieldDeserializer)):
    def __call__(self, value):
        return super().__call__(without_controls(value))


class TextFieldDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        return super().__call__(without_controls(value))


class FloatFieldDeserializer(DefaultFieldDeserializer):
    """A whole number (JSON ``10``) or a numeric text is a float too."""

    def __call__(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        elif isinstance(value, str):
            try:
                value = self.field.fromUnicode(value.strip().replace(",", "."))
            except ValueError as error:
                raise ValueError(
                    translate(WRONG_SHAPE, context=self.request)
                ) from error
        return super().__call__(value)


DatetimeFieldDeserializer = guarded(dxfields.DatetimeFieldDeserializer)
ChoiceFieldDeserializer = guarded(dxfields.ChoiceFieldDeserializer)
CollectionFieldDeserializer = guarded(dxfields.CollectionFieldDeserializer)
DictFieldDeserializer = guarded(dxfields.DictFieldDeserializer)
TimeFieldDeserializer = guarded(dxfields.TimeFieldDeserializer)
NamedFieldDeserializer = guarded(dxfields.NamedFieldDeserializer)


class RichTextFieldDeserializer(guarded(dxfields.RichTextFieldDeserializer)):
    """Text, or ``{"data": text, ...}``: anything else fails later, at indexing."""

    def __call__(self, value):
        data = value.get("data") if isinstance(value, dict) else value
        if value is not None and not isinstance(data, str):
            raise ValueError(translate(WRONG_SHAPE, context=self.request))
        if isinstance(value, dict):
            value = {**value, "data": without_controls(data)}
        return super().__call__(without_controls(value))


class CheckedFolderPost(FolderPost):
    """POST to a folder: ``@type``, ``id`` and ``title`` must be text.

    plone.restapi reads them before any field is deserialized, to create the
    object and choose its id; a number or a list there would be a 500.
    """

    def reply(self):
        data = json_body(self.request)
        if not isinstance(data, dict):
            return self.refuse("@type", _("The request body must be a JSON object."))
        for name in ("@type", "id", "title"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                return self.refuse(name, WRONG_SHAPE)
        return super().reply()

    def refuse(self, field: str, message) -> dict:
        self.request.response.setStatus(400)
        text = translate(message, context=self.request)
        return {
            "error": {
                "type": "BadRequest",
                "message": f"{field}: {text}",
                "errors": [{"field": field, "message": text}],
            }
        }
