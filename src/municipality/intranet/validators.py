"""Validation of contact data: e-mail, web address, phone number, postal code.

Each ``check_*`` function is a zope.schema constraint: it returns True or
raises a ``ValidationError`` whose docstring, a translatable message, says
what a good value looks like (z3c.form and plone.restapi show ``doc()``).
"""

from email_validator import EmailNotValidError
from email_validator import validate_email
from municipality.intranet import _
from municipality.intranet.settings import site_country
from urllib.parse import urlsplit
from zope.schema import ValidationError

import phonenumbers
import re


class InvalidEmail(ValidationError):
    __doc__ = _("Enter a valid e-mail address, e.g. info@example.org.")


class InvalidWebAddress(ValidationError):
    __doc__ = _("Enter a web address starting with http:// or https://.")


class InvalidPhone(ValidationError):
    __doc__ = _(
        "Enter a valid phone number, e.g. 213-2008048, (0212) 314 46 00 or "
        "+30 213 2008048."
    )


class InvalidPostalCode(ValidationError):
    __doc__ = _("Enter a valid postal code.")


class InvalidGreekPostalCode(InvalidPostalCode):
    __doc__ = _("A Greek postal code has five digits, e.g. 17455 or 174 55.")


class InvalidTurkishPostalCode(InvalidPostalCode):
    __doc__ = _(
        "A Turkish postal code has five digits starting with a province code "
        "01–81, e.g. 34360."
    )


POSTAL_CODE_RULES = {
    # Five digits, often written "174 55".
    "GR": (re.compile(r"^\d{3} ?\d{2}$"), InvalidGreekPostalCode),
    # Five digits, the first two a province code 01–81.
    "TR": (re.compile(r"^(0[1-9]|[1-7]\d|8[01])\d{3}$"), InvalidTurkishPostalCode),
}
ANY_POSTAL_CODE = (re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$"), InvalidPostalCode)


def check_email(value: str) -> bool:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidEmail(value) from error
    return True


def check_web_address(value: str) -> bool:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or "." not in (parts.hostname or ""):
        raise InvalidWebAddress(value)
    return True


def parse_phone(value: str, country: str | None = None) -> phonenumbers.PhoneNumber:
    """Parse a phone number written in international or the country's local form."""
    try:
        number = phonenumbers.parse(value, country or site_country())
    except phonenumbers.NumberParseException as error:
        raise InvalidPhone(value) from error
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(value)
    return number


def check_phone(value: str) -> bool:
    parse_phone(value)
    return True


def check_phones(values: list[str]) -> bool:
    for value in values or ():
        parse_phone(value)
    return True


def tel_uri(value: str, country: str | None = None) -> str | None:
    """The ``tel:`` URI (E.164) of a phone number, or None if it does not parse."""
    try:
        number = parse_phone(value, country)
    except InvalidPhone:
        return None
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )


def check_postal_code(value: str, country: str | None = None) -> bool:
    pattern, error = POSTAL_CODE_RULES.get(country or site_country(), ANY_POSTAL_CODE)
    if not pattern.match(value.strip()):
        raise error(value)
    return True
