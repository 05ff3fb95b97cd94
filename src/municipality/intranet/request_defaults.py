"""What a new site starts with: subject areas and public holidays.

The General Secretariat changes both in the settings; holidays of the
lunar and Orthodox calendars are given for the current and next year and
must be added each year.
"""

from municipality.intranet import _
from plone import api
from zope.i18n import translate


# id, title, the unit path in the Greek and in the Turkish demo (if any)
AREAS = (
    (
        "roads",
        _("Roads, pavements and street lighting"),
        "units/mayors-office/general-secretariat/technical-services",
        "units/baskanlik/genel-sekreterlik/imar-sehircilik",
    ),
    (
        "certificates",
        _("Certificates and the municipal registry"),
        "units/mayors-office/general-secretariat/administrative-services",
        "units/baskanlik/genel-sekreterlik/yazi-isleri",
    ),
    (
        "payments",
        _("Municipal fees, taxes and payments"),
        "units/mayors-office/general-secretariat/financial-services",
        "units/baskanlik/genel-sekreterlik/mali-hizmetler",
    ),
    (
        "mayor",
        _("Meeting the Mayor, invitations and events"),
        "units/mayors-office/private-office",
        "units/baskanlik/ozel-kalem",
    ),
    ("general", _("Other matters"), "", ""),
)

HOLIDAYS = {
    "GR": [
        "01-01 | Πρωτοχρονιά",
        "01-06 | Θεοφάνεια",
        "03-25 | Εθνική εορτή",
        "05-01 | Πρωτομαγιά",
        "08-15 | Κοίμηση της Θεοτόκου",
        "10-28 | Επέτειος του Όχι",
        "12-25 | Χριστούγεννα",
        "12-26 | Σύναξη της Θεοτόκου",
        "2026-02-23 | Καθαρά Δευτέρα",
        "2026-04-10 | Μεγάλη Παρασκευή",
        "2026-04-13 | Δευτέρα του Πάσχα",
        "2026-06-01 | Αγίου Πνεύματος",
        "2027-03-15 | Καθαρά Δευτέρα",
        "2027-04-30 | Μεγάλη Παρασκευή",
        "2027-05-03 | Δευτέρα του Πάσχα",
        "2027-06-21 | Αγίου Πνεύματος",
    ],
    "TR": [
        "01-01 | Yılbaşı",
        "04-23 | Ulusal Egemenlik ve Çocuk Bayramı",
        "05-01 | Emek ve Dayanışma Günü",
        "05-19 | Atatürk'ü Anma, Gençlik ve Spor Bayramı",
        "07-15 | Demokrasi ve Millî Birlik Günü",
        "08-30 | Zafer Bayramı",
        "10-29 | Cumhuriyet Bayramı",
        "2026-03-20 | Ramazan Bayramı",
        "2026-03-21 | Ramazan Bayramı",
        "2026-03-22 | Ramazan Bayramı",
        "2026-05-27 | Kurban Bayramı",
        "2026-05-28 | Kurban Bayramı",
        "2026-05-29 | Kurban Bayramı",
        "2026-05-30 | Kurban Bayramı",
    ],
}


def area_lines(language: str) -> list[str]:
    """The areas in the site's language, routed to the units the site has."""
    site = api.portal.get()
    lines = []
    for area_id, title, greek, turkish in AREAS:
        path = turkish if language == "tr" else greek
        unit = site.unrestrictedTraverse(path, None) if path else None
        if getattr(unit, "portal_type", None) != "Unit":
            path = ""
        lines.append(
            f"{area_id} | {path} | {translate(title, target_language=language)}"
        )
    return lines
