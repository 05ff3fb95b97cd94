"""Contact data validators and accent-insensitive matching."""

from municipality.intranet import validators
from municipality.intranet.text_folding import fold
from municipality.intranet.text_folding import matches

import pytest


@pytest.mark.parametrize(
    "number,country,uri",
    [
        ("(0212) 314 46 00", "TR", "tel:+902123144600"),
        ("213-2008048", "GR", "tel:+302132008048"),
        ("+30 213 2008048", "GR", "tel:+302132008048"),
        ("+30 213 2008048", "TR", "tel:+302132008048"),
        ("210 123 4567", "GR", "tel:+302101234567"),
    ],
)
def test_good_phones_normalised(number, country, uri):
    assert validators.tel_uri(number, country) == uri


@pytest.mark.parametrize("number", ["12", "abc", "210 123", "+30 2", "0000000000", ""])
def test_bad_phones(number):
    with pytest.raises(validators.InvalidPhone):
        validators.parse_phone(number, "GR")


@pytest.mark.parametrize("email", ["info@example.org", "g.grammateas@dimos.example.gr"])
def test_good_emails(email):
    assert validators.check_email(email)


@pytest.mark.parametrize("email", ["info", "info@", "@example.org", "a b@example.org"])
def test_bad_emails(email):
    with pytest.raises(validators.InvalidEmail):
        validators.check_email(email)


@pytest.mark.parametrize("url", ["https://www.example.org", "http://example.gr/a?b=1"])
def test_good_web_addresses(url):
    assert validators.check_web_address(url)


@pytest.mark.parametrize(
    "url", ["www.example.org", "javascript:alert(1)", "https://", "ftp://x.org"]
)
def test_bad_web_addresses(url):
    with pytest.raises(validators.InvalidWebAddress):
        validators.check_web_address(url)


@pytest.mark.parametrize(
    "code,country",
    [("17455", "GR"), ("174 55", "GR"), ("34360", "TR"), ("01120", "TR")],
)
def test_good_postal_codes(code, country):
    assert validators.check_postal_code(code, country)


@pytest.mark.parametrize(
    "code,country,error",
    [
        ("1745", "GR", validators.InvalidGreekPostalCode),
        ("174555", "GR", validators.InvalidGreekPostalCode),
        ("ΑΒΓΔΕ", "GR", validators.InvalidGreekPostalCode),
        ("99999", "TR", validators.InvalidTurkishPostalCode),
        ("00100", "TR", validators.InvalidTurkishPostalCode),
        ("3436", "TR", validators.InvalidTurkishPostalCode),
    ],
)
def test_bad_postal_codes(code, country, error):
    with pytest.raises(error):
        validators.check_postal_code(code, country)


def test_errors_are_translated(portal):
    from zope.i18n import translate

    message = validators.InvalidTurkishPostalCode("1").doc()
    assert translate(message, target_language="tr") != str(message)
    assert translate(message, target_language="el") != str(message)


@pytest.mark.parametrize(
    "query,text",
    [
        ("γενικος γραμματεας", "Γενικός Γραμματέας"),
        ("ΓΕΝΙΚΟΣ", "γενικός"),
        ("ozel kalem", "Özel Kalem Müdürlüğü"),
        ("mudurlugu", "Özel Kalem Müdürlüğü"),
        ("istanbul", "İstanbul"),
        ("isleri", "Yazı İşleri"),
        ("ÇAĞRI", "çağrı merkezi"),
    ],
)
def test_folding_matches(query, text):
    assert matches(query, text)


def test_folding_does_not_overmatch():
    assert not matches("οικονομικων", "Τεχνικών Υπηρεσιών")
    assert fold("Σ ς σ") == "σ σ σ"
