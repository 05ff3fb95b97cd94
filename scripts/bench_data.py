"""Fill an existing site with a large, deterministic benchmark data set.

Run against a separate benchmark instance, never a production one::

    zconsole run instance/etc/zope.conf scripts/bench_data.py --site Plone \\
        --units 300 --people 2000 --circulars 100000 --decisions 20000 \\
        --services 5000 --seed 2026 --report bench.json

The same seed and sizes give the same data (titles, texts, numbers, states,
UIDs); dates count back from ``--end-date`` (default: today), so pass it too
for identical data on another day. ``--units`` is the total number of units,
the demo's included; the other sizes count generated objects only.

Bulk objects are added without the events a form would fire: their state is
set directly (no transition, so no numbering run and no mail), their owner,
intid and relations are registered, and each is catalogued once. What is
skipped is per-object work irrelevant to reading the data: an initial
version in the history, link integrity scans, the container's reindex.
Units, a few hundred, are added with every event: each gets its groups.
Rates are printed as objects per second of wall time; the report also has
the CPU seconds, which matter on a machine busy with other work.

After the bulk data it measures two write paths that do fire everything:
``--api-sample`` circulars created and issued through plone.api, and a CSV
of ``--csv-rows`` service standards imported into one unit. The JSON report
(``--report``) holds the timings, the counts and what the HTTP benchmark
requests: ``unit_path``, ``service_path``, ``circular_path`` (Zope paths),
``search_word``, ``circular_query`` (for ``@@circulars``) and
``follow_up_query`` (for ``@@follow-up``).

A marker on the site records the seed and sizes: a second run with the same
arguments only rewrites the report; other sizes are refused (delete the
instance to regenerate).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from BTrees.OOBTree import OOBTree
from collections import Counter
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from decimal import Decimal
from municipality.intranet import circular_mail
from municipality.intranet.circular_numbering import ANNOTATION_KEY
from municipality.intranet.circular_numbering import Counter as NumberCounter
from municipality.intranet.circular_numbering import format_number
from municipality.intranet.meeting_bodies import bodies
from municipality.intranet.meeting_workflow import DECISION_FORMAT
from municipality.intranet.service_import import COLUMNS as CSV_COLUMNS
from municipality.intranet.service_import import import_services
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.content import DexterityContent
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContent
from plone.i18n.normalizer.interfaces import IIDNormalizer
from plone.uuid.interfaces import IMutableUUID
from Testing.makerequest import makerequest
from urllib.parse import urlencode
from z3c.relationfield import RelationValue
from z3c.relationfield.event import addRelations
from zope.annotation.interfaces import IAnnotations
from zope.component import getAllUtilitiesRegisteredFor
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from zope.intid.interfaces import IIntIds
from zope.keyreference.interfaces import IKeyReference

import argparse
import csv
import datetime
import io
import json
import logging
import os
import pytz
import random
import resource
import sys
import time
import transaction
import unicodedata
import uuid


MARKER_KEY = "municipality.intranet.bench_data"
SIZES = ("units", "people", "circulars", "decisions", "services")
EXTRA_SIZES = ("api_sample", "csv_rows")
GENERATED_TYPES = (
    "Unit",
    "Person",
    "ServiceStandard",
    "Circular",
    "Meeting",
    "Decision",
)
YEARS = 10
ZONE = pytz.timezone("Europe/Athens")
CITY = "Λευκόπολη"
SEARCH_WORD = "προσλήψεις"  # in titles, descriptions and texts, with its accent

# Request caches of plone.dexterity, keyed by object: emptied at each commit
# so that a run over 100,000 objects does not keep them all alive.
REQUEST_CACHES = ("__plone_dexterity_assignable_cache__",)

# --- Word lists: every name, street and number below is fictional. ---------


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``: a long list written as a paragraph."""
    return tuple(text.split())


MALE_NAMES = words(
    """
    Γιώργος Νίκος Κώστας Δημήτρης Γιάννης Παναγιώτης Βασίλης Χρήστος Μιχάλης
    Αντώνης Σπύρος Θανάσης Στέλιος Ευάγγελος Άγγελος Θοδωρής Μανώλης Ηλίας
    Λευτέρης Σωτήρης Παύλος Στράτος Αλέξανδρος Φώτης Άρης Οδυσσέας Πέτρος
    """
)
FEMALE_NAMES = words(
    """
    Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Δήμητρα Ευαγγελία Ιωάννα
    Χριστίνα Γεωργία Αναστασία Δέσποινα Ειρήνη Παρασκευή Κωνσταντίνα Ευτυχία
    Θεοδώρα Αθηνά Ζωή Μαρίνα Φωτεινή Νίκη Χαρίκλεια Στυλιανή Ουρανία Άννα
    """
)
# Male and female form of each surname.
SURNAMES = tuple(
    tuple(pair.split("/"))
    for pair in words(
        """
        Παπαδόπουλος/Παπαδοπούλου Γεωργίου/Γεωργίου Οικονόμου/Οικονόμου
        Μαυρίδης/Μαυρίδου Κωνσταντινίδης/Κωνσταντινίδου Αλεξίου/Αλεξίου
        Λαμπρόπουλος/Λαμπροπούλου Νικολάου/Νικολάου Σταματόπουλος/Σταματοπούλου
        Καραμανλής/Καραμανλή Ζαχαρίου/Ζαχαρίου Δημητρόπουλος/Δημητροπούλου
        Τσακίρης/Τσακίρη Βλαχάκης/Βλαχάκη Σιδηρόπουλος/Σιδηροπούλου Μπακάλης/Μπακάλη
        Χατζηγεωργίου/Χατζηγεωργίου Αναστασιάδης/Αναστασιάδου Κυριακίδης/Κυριακίδου
        Πολυχρόνης/Πολυχρόνη Ραφαηλίδης/Ραφαηλίδου Φραγκιαδάκης/Φραγκιαδάκη
        Θεοχάρης/Θεοχάρη Ξενάκης/Ξενάκη Λιβανός/Λιβανού Ρούσσος/Ρούσσου
        Ηλιόπουλος/Ηλιοπούλου Σαββίδης/Σαββίδου Πετράκης/Πετράκη Μελετίου/Μελετίου
        Καλογεράκης/Καλογεράκη Τζαννετάκης/Τζαννετάκη Δρόσος/Δρόσου
        Ευθυμίου/Ευθυμίου Μαργαρίτης/Μαργαρίτη Αθανασόπουλος/Αθανασοπούλου
        """
    )
)
POSITIONS = (
    ("Διοικητικός υπάλληλος", "Διοικητική υπάλληλος"),
    ("Προϊστάμενος Τμήματος", "Προϊσταμένη Τμήματος"),
    ("Μηχανικός", "Μηχανικός"),
    ("Λογιστής", "Λογίστρια"),
    ("Κοινωνικός λειτουργός", "Κοινωνική λειτουργός"),
    ("Υπεύθυνος πρωτοκόλλου", "Υπεύθυνη πρωτοκόλλου"),
    ("Νομικός σύμβουλος", "Νομική σύμβουλος"),
    ("Τεχνικός πληροφορικής", "Τεχνικός πληροφορικής"),
    ("Γραμματέας", "Γραμματέας"),
    ("Επόπτης", "Επόπτρια"),
)
DIRECTORATE_TOPICS = (
    "Πολεοδομίας",
    "Καθαριότητας και Ανακύκλωσης",
    "Κοινωνικής Πολιτικής",
    "Παιδείας και Δια Βίου Μάθησης",
    "Πολιτισμού και Αθλητισμού",
    "Πρασίνου και Περιβάλλοντος",
    "Δημοτικής Αστυνομίας",
    "Προμηθειών",
    "Εσόδων και Περιουσίας",
    "Πολιτικής Προστασίας",
    "Τουρισμού",
    "Δημόσιας Υγείας",
    "Ψηφιακής Διακυβέρνησης",
    "Μεταφορών και Κινητικότητας",
    "Ύδρευσης και Αποχέτευσης",
    "Ηλεκτροφωτισμού",
    "Συντήρησης Κτιρίων",
    "Οδοποιίας",
    "Δημοτολογίου και Ληξιαρχείου",
    "Απασχόλησης",
    "Στρατηγικού Σχεδιασμού",
    "Εσωτερικού Ελέγχου",
    "Νομικών Υπηρεσιών",
    "Δημοσίων Σχέσεων",
    "Αδειοδοτήσεων",
    "Αστικής Ανάπτυξης",
)
DEPARTMENT_TOPICS = (
    "Αδειών Δόμησης",
    "Ελέγχου Κατασκευών",
    "Αποκομιδής Απορριμμάτων",
    "Οδοκαθαρισμού",
    "Κοινωνικής Υπηρεσίας",
    "Βρεφονηπιακών Σταθμών",
    "Αθλητικών Εγκαταστάσεων",
    "Βιβλιοθηκών",
    "Παιδικών Χαρών",
    "Ταμείου",
    "Λογιστηρίου",
    "Προϋπολογισμού",
    "Τελών και Φόρων",
    "Ακίνητης Περιουσίας",
    "Μητρώων",
    "Ληξιαρχικών Πράξεων",
    "Στάθμευσης",
    "Εποπτείας Καταστημάτων",
    "Υγειονομικού Ελέγχου",
    "Υποστήριξης Χρηστών",
    "Δικτύων και Υποδομών",
    "Εφαρμογών",
    "Γεωγραφικών Πληροφοριών",
    "Οργάνωσης",
    "Διαφάνειας",
    "Εξυπηρέτησης Πολιτών",
    "Μελετών",
    "Επιβλέψεων",
    "Συντήρησης Οχημάτων",
    "Διαγωνισμών",
    "Αποθήκης",
    "Πολιτιστικών Εκδηλώσεων",
)
OFFICE_TOPICS = (
    "Πρωτοκόλλου",
    "Αρχείου",
    "Διοικητικής Υποστήριξης",
    "Εξυπηρέτησης Δημοτών",
    "Κοινωνικής Στέγασης",
    "Εθελοντών",
    "Επικοινωνίας",
    "Ισότητας",
    "Νεολαίας",
    "Μεταναστών και Προσφύγων",
    "Προσβασιμότητας",
    "Ενέργειας",
)
LEGAL_ENTITIES = (
    "Κοινωφελής Επιχείρηση Δήμου Λευκόπολης",
    "Νομικό Πρόσωπο Κοινωνικής Προστασίας και Αλληλεγγύης",
    "Οργανισμός Αθλητισμού και Πολιτισμού",
    "Δημοτικό Λιμενικό Ταμείο",
    "Σχολική Επιτροπή Πρωτοβάθμιας Εκπαίδευσης",
    "Σχολική Επιτροπή Δευτεροβάθμιας Εκπαίδευσης",
    "Δημοτικό Ωδείο",
    "Δημοτική Επιχείρηση Ύδρευσης και Αποχέτευσης",
)
COMMITTEE_TOPICS = (
    "Διαβούλευσης",
    "Ισότητας",
    "Παραλαβής Προμηθειών",
    "Εκτίμησης Ακινήτων",
    "Ονοματοδοσίας Οδών",
    "Φιλοδήμων",
)
QUALIFIERS = (
    "Α΄ Δημοτικής Κοινότητας",
    "Β΄ Δημοτικής Κοινότητας",
    "Γ΄ Δημοτικής Κοινότητας",
    "Δ΄ Δημοτικής Κοινότητας",
    "Βόρειου Τομέα",
    "Νότιου Τομέα",
    "Ανατολικού Τομέα",
    "Δυτικού Τομέα",
    "Παραλιακής Ζώνης",
    "Ορεινών Οικισμών",
)
STREETS = (
    "Πλατεία Δημαρχείου",
    "Οδός Ελευθερίας",
    "Λεωφόρος Ειρήνης",
    "Οδός Ανεμώνης",
    "Οδός Πλατάνων",
    "Οδός Λεμονιάς",
    "Οδός Αιγαίου",
    "Οδός Φιλαρμονικής",
    "Οδός Παλαιού Σταθμού",
    "Λεωφόρος Νέας Ακτής",
)
KIND_HEADS = {
    "directorate": ("Διευθυντής", "Διευθύντρια"),
    "department": ("Προϊστάμενος", "Προϊσταμένη"),
    "office": ("Υπεύθυνος", "Υπεύθυνη"),
    "legal-entity": ("Πρόεδρος", "Πρόεδρος"),
    "committee": ("Πρόεδρος", "Πρόεδρος"),
}

# (topic in the accusative, subjects): two of them carry the search word.
CIRCULAR_TOPICS = (
    ("τις προσλήψεις εποχικού προσωπικού", ("Προσωπικό", "Προσλήψεις")),
    ("τις προσλήψεις ωρομίσθιου προσωπικού", ("Προσωπικό", "Προσλήψεις")),
    ("τη χορήγηση κανονικής άδειας", ("Προσωπικό", "Άδειες")),
    (
        "την ηλεκτρονική διακίνηση εγγράφων",
        ("Διακίνηση εγγράφων", "Ψηφιακές υπηρεσίες"),
    ),
    ("την εξοικονόμηση ενέργειας στα δημοτικά κτίρια", ("Ενέργεια", "Δημοτικά κτίρια")),
    ("το ωράριο εξυπηρέτησης του κοινού", ("Ωράριο", "Εξυπηρέτηση δημοτών")),
    ("την προστασία των προσωπικών δεδομένων", ("Προσωπικά δεδομένα",)),
    ("τις προμήθειες αναλωσίμων", ("Προμήθειες",)),
    ("την αντιπυρική προστασία", ("Πολιτική προστασία",)),
    ("τη διαχείριση του καύσωνα", ("Πολιτική προστασία", "Υγεία και ασφάλεια")),
    ("την υγεία και ασφάλεια στην εργασία", ("Υγεία και ασφάλεια",)),
    ("τη χρήση των δημοτικών οχημάτων", ("Οχήματα",)),
    ("τις εισηγήσεις προς το Δημοτικό Συμβούλιο", ("Δημοτικό Συμβούλιο", "Εισηγήσεις")),
    ("την επιμόρφωση του προσωπικού", ("Προσωπικό", "Επιμόρφωση")),
    ("την αξιολόγηση των υπαλλήλων", ("Προσωπικό", "Αξιολόγηση")),
    ("τη διαχείριση των αιτημάτων των δημοτών", ("Εξυπηρέτηση δημοτών",)),
    ("την ανακύκλωση στα γραφεία", ("Περιβάλλον", "Ανακύκλωση")),
    ("την ασφάλεια των πληροφοριακών συστημάτων", ("Ψηφιακές υπηρεσίες",)),
    ("τις δημόσιες συμβάσεις", ("Προμήθειες", "Συμβάσεις")),
    ("την τήρηση του πρωτοκόλλου", ("Διακίνηση εγγράφων",)),
    ("τις υπερωρίες του προσωπικού", ("Προσωπικό", "Μισθοδοσία")),
    ("την τηλεργασία", ("Προσωπικό",)),
    ("την ανάρτηση πράξεων στη Διαύγεια", ("Διαφάνεια",)),
    ("την προσβασιμότητα των ψηφιακών υπηρεσιών", ("Ψηφιακές υπηρεσίες",)),
)
CIRCULAR_ACTIONS = (
    "Οδηγίες για",
    "Ενημέρωση σχετικά με",
    "Νέα διαδικασία για",
    "Ρυθμίσεις για",
    "Υπενθύμιση για",
    "Τροποποίηση των οδηγιών για",
    "Προθεσμίες για",
    "Κανόνες για",
)
CIRCULAR_SENTENCES = (
    "Σας γνωρίζουμε ότι από {date} εφαρμόζονται νέες ρυθμίσεις για {topic}.",
    "Οι Προϊστάμενοι των Διευθύνσεων και των Τμημάτων ενημερώνουν άμεσα το "
    "προσωπικό τους.",
    "Τα αιτήματα υποβάλλονται ηλεκτρονικά μέσω του ενδοδικτύου έως {deadline}.",
    "Για πληροφορίες: {unit}, τηλ. {phone}.",
    "Η παρούσα εγκύκλιος αντικαθιστά κάθε προηγούμενη οδηγία για το ίδιο θέμα.",
    "Ιδιαίτερη προσοχή απαιτείται στην τήρηση των προθεσμιών και στην πληρότητα "
    "των δικαιολογητικών.",
    "Οι προσλήψεις προσωπικού ορισμένου χρόνου γίνονται σύμφωνα με τον εγκεκριμένο "
    "προγραμματισμό.",
    "Η εφαρμογή των οδηγιών παρακολουθείται από τη Γενική Γραμματεία.",
    "Τα σχετικά έντυπα είναι διαθέσιμα στο ενδοδίκτυο και στην ιστοσελίδα του Δήμου.",
    "Κάθε υπηρεσία ορίζει υπεύθυνο επικοινωνίας έως {deadline}.",
    "Η μη συμμόρφωση καθυστερεί την εξυπηρέτηση των δημοτών.",
    "Ευχαριστούμε για τη συνεργασία σας.",
)
DECISION_SUBJECTS = (
    "Έγκριση τροποποίησης του προϋπολογισμού",
    "Έγκριση μελέτης ανάπλασης κοινόχρηστων χώρων",
    "Ψήφιση κανονισμού λειτουργίας λαϊκών αγορών",
    "Ορισμός επιτροπής παραλαβής προμηθειών",
    "Αποδοχή χρηματοδότησης για την ενεργειακή αναβάθμιση σχολείων",
    "Έγκριση πρακτικού δημοπρασίας για τη μίσθωση ακινήτου",
    "Παραχώρηση χρήσης αθλητικών εγκαταστάσεων",
    "Έγκριση των προσλήψεων εποχικού προσωπικού",
    "Καθορισμός τελών καθαριότητας και ηλεκτροφωτισμού",
    "Έγκριση προγράμματος κοινωνικής στήριξης",
    "Συγκρότηση ομάδας εργασίας για την πολιτική προστασία",
    "Έγκριση απολογισμού του προηγούμενου έτους",
    "Ονοματοδοσία οδού",
    "Έγκριση του τεχνικού προγράμματος",
    "Διαγραφή χρεών από βεβαιωτικούς καταλόγους",
)
SERVICE_TITLES = (
    "Βεβαίωση μόνιμης κατοικίας",
    "Πιστοποιητικό οικογενειακής κατάστασης",
    "Άδεια κατάληψης κοινόχρηστου χώρου",
    "Άδεια λειτουργίας καταστήματος υγειονομικού ενδιαφέροντος",
    "Εγγραφή σε βρεφονηπιακό σταθμό",
    "Αίτηση για αποκομιδή ογκωδών αντικειμένων",
    "Βεβαίωση μη οφειλής",
    "Άδεια χρήσης μουσικών οργάνων",
    "Αίτηση κοπής δέντρου",
    "Εγγραφή σε αθλητικό πρόγραμμα",
    "Κάρτα στάθμευσης μόνιμου κατοίκου",
    "Αίτηση επιστροφής αχρεωστήτως καταβληθέντων",
    "Δήλωση γέννησης",
    "Αίτηση για κοινωνικό φροντιστήριο",
    "Χορήγηση αντιγράφου οικοδομικής άδειας",
    "Αναφορά βλάβης ηλεκτροφωτισμού",
)
SERVICE_DOCUMENTS = (
    "Αίτηση του ενδιαφερομένου",
    "Αστυνομική ταυτότητα ή διαβατήριο",
    "Εκκαθαριστικό σημείωμα φορολογίας εισοδήματος",
    "Λογαριασμός κοινής ωφέλειας",
    "Υπεύθυνη δήλωση",
    "Εξουσιοδότηση όταν η αίτηση υποβάλλεται από τρίτο",
    "Τοπογραφικό διάγραμμα",
)
MEETING_PLACES = {
    "council": "Αίθουσα συνεδριάσεων του Δημοτικού Συμβουλίου, Δημαρχείο, 1ος όροφος",
    "coordination-council": "Αίθουσα συσκέψεων Γενικής Γραμματείας, 5ος όροφος",
}
# Body, first meeting's offset in days, days between meetings, hour, weight
# (how many of the decisions it takes).
MEETING_SCHEDULE = (
    ("council", 0, 14, 18, 4),
    ("finance-committee", 7, 14, 10, 3),
    ("quality-of-life-committee", 3, 28, 11, 2),
    ("executive-committee", 10, 28, 9, 2),
    ("coordination-council", 17, 28, 10, 1),
)


# --- Arguments, marker, report ----------------------------------------------


def script_args(argv: list[str]) -> list[str]:
    """The arguments after this script's path.

    ``zconsole run zope.conf script.py --x`` leaves its own arguments in
    ``sys.argv``; ``python script.py --x`` does not.
    """
    for index, arg in enumerate(argv[1:], start=1):
        if arg.endswith(".py"):
            return argv[index + 1 :]
    return argv[1:]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench_data.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--site", default="Plone")
    parser.add_argument("--units", type=int, default=300, help="total, demo included")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--circulars", type=int, default=100_000)
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--api-sample", type=int, default=500)
    parser.add_argument("--csv-rows", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=500, help="objects per commit")
    parser.add_argument(
        "--end-date",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="last day of the ten years of data (YYYY-MM-DD; default today)",
    )
    parser.add_argument("--admin", default=os.environ.get("ADMIN_USER") or "admin")
    parser.add_argument("--report", help="write the JSON report here")
    args = parser.parse_args(argv)
    if min(getattr(args, name) for name in SIZES + EXTRA_SIZES) < 0:
        parser.error("sizes cannot be negative")
    return args


def wanted(args) -> dict:
    """What the marker compares: the seed and every size."""
    return {"seed": args.seed} | {
        name: getattr(args, name) for name in SIZES + EXTRA_SIZES
    }


def check_marker(site, args) -> bool:
    """True if this data set is already there; exits if another one is."""
    marker = IAnnotations(site).get(MARKER_KEY)
    if marker is None:
        return False
    stored = dict(marker.get("arguments", {}))
    if marker.get("status") != "done":
        sys.exit(
            "A previous run of bench_data.py did not finish; the site holds "
            "part of a data set. Delete the instance and generate again."
        )
    if stored != wanted(args):
        sys.exit(
            f"The site already holds benchmark data generated with {stored}, "
            f"not {wanted(args)}. Delete the instance to regenerate."
        )
    print(f"Benchmark data already generated (seed {args.seed}): nothing to do.")
    if args.report:
        report = json.loads(marker.get("report") or "{}")
        write_report(args.report, {**report, "already_generated": True})
    return True


def set_marker(site, args, status: str, report: dict | None = None) -> None:
    IAnnotations(site)[MARKER_KEY] = PersistentMapping(
        {
            "status": status,
            "arguments": wanted(args),
            "end_date": args.end_date.isoformat(),
            "report": json.dumps(report or {}, ensure_ascii=False),
        }
    )
    transaction.commit()


def write_report(path: str, report: dict) -> None:
    with open(path, "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print(f"Report written to {path}")


# --- Small helpers ----------------------------------------------------------


def stream(seed: int, kind: str) -> random.Random:
    """An independent random stream per kind: one size does not shift another."""
    return random.Random(f"{seed}:{kind}")


def new_uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def zope_time(day: datetime.date, hour: int = 9, minute: int = 0) -> DateTime:
    return DateTime(
        ZONE.localize(datetime.datetime(day.year, day.month, day.day, hour, minute))
    )


def person_name(rng: random.Random) -> tuple[str, int]:
    """A fictional full name and its gender (0 male, 1 female)."""
    gender = rng.randrange(2)
    first = rng.choice(FEMALE_NAMES if gender else MALE_NAMES)
    return f"{first} {rng.choice(SURNAMES)[gender]}", gender


def phone(rng: random.Random) -> str:
    return f"210 3{rng.randrange(10, 99)} {rng.randrange(1000, 9999)}"


def html(*paragraphs: str) -> RichTextValue:
    return RichTextValue(
        "".join(f"<p>{text}</p>" for text in paragraphs),
        "text/html",
        "text/x-html-safe",
    )


def free_id(container, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… if the container has it."""
    candidate, number = base, 1
    while candidate in container:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def unaccented(text: str) -> str:
    """Lower case without accents, as a visitor types it: "προσληψεις"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@contextmanager
def uncatalog_errors_counted():
    """Count, instead of printing, one known error of plone.api's create.

    ``api.content.create`` adds an object under a temporary id and renames
    it; the catalog then logs an ERROR for the temporary path it never
    held, once per object: thousands of lines that hide real errors.
    """
    logger = logging.getLogger("Zope.ZCatalog")
    counted = []

    def keep(record) -> bool:
        if record.getMessage().startswith("uncatalogObject unsuccessfully"):
            counted.append(record)
            return False
        return True

    logger.addFilter(keep)
    try:
        yield counted
    finally:
        logger.removeFilter(keep)


@contextmanager
def mail_held():
    """Count the mails queued for after commit; send none of them."""
    held = []
    original = circular_mail._deliver

    def hold(committed, site, messages):
        held.extend(messages)

    circular_mail._deliver = hold
    try:
        yield held
    finally:
        circular_mail._deliver = original


@contextmanager
def remembered_schema_misses():
    """Remember, per type, the names that are no field: for the bulk run only.

    Dexterity answers an attribute an object lacks by searching every schema
    of its type for a field default; the catalog asks each new object (and
    by acquisition its parents) for dozens of attributes it does not have.
    While no schema changes, and nothing here changes one, a name that is
    no field stays no field. In this process only; undone before the normal
    write paths are measured.
    """
    original = DexterityContent.__getattr__
    misses = set()

    def __getattr__(self, name):
        key = (self.__dict__.get("portal_type"), name)
        if key in misses:
            raise AttributeError(name)
        try:
            return original(self, name)
        except AttributeError:
            if key[0] is not None:
                misses.add(key)
            raise

    DexterityContent.__getattr__ = __getattr__
    try:
        yield
    finally:
        DexterityContent.__getattr__ = original


class Batches:
    """Commits every ``size`` objects and prints the rate now and then."""

    def __init__(self, kind: str, total: int, size: int):
        self.kind, self.total, self.size = kind, total, size
        self.done = 0
        self.started = self.printed = time.perf_counter()
        self.cpu_started = time.process_time()

    def tick(self) -> None:
        self.done += 1
        if self.done % self.size == 0:
            self.commit()
            now = time.perf_counter()
            if now - self.printed >= 10:
                self.printed = now
                self.report(now)

    def commit(self) -> None:
        transaction.commit()
        request = api.portal.get().REQUEST
        for key in REQUEST_CACHES:
            request.__dict__.pop(key, None)
        api.portal.get()._p_jar.cacheGC()

    def report(self, now: float) -> None:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        print(
            f"  {self.kind}: {self.done:,}/{self.total:,} "
            f"({100 * self.done / max(self.total, 1):.0f}%), {rate:.1f}/s, "
            f"{left / 60:.1f} min left, {rss_mb()} MB",
            flush=True,
        )

    def finish(self) -> dict:
        self.commit()
        seconds = time.perf_counter() - self.started
        cpu = time.process_time() - self.cpu_started
        rate = self.done / seconds if seconds else 0.0
        print(
            f"{self.kind}: {self.done:,} in {seconds:.1f} s ({rate:.1f}/s), "
            f"{cpu:.1f} s CPU"
        )
        return {
            "count": self.done,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "per_s": round(rate, 1),
        }


# --- Adding objects ---------------------------------------------------------


class Builder:
    """Adds content to the site, states and dates set, catalogued once."""

    def __init__(self, actor: str):
        self.actor = actor
        self.workflow = api.portal.get_tool("portal_workflow")
        self.intids = getUtility(IIntIds)
        self.intid_utilities = tuple(getAllUtilitiesRegisteredFor(IIntIds))
        self.normalizer = getUtility(IIDNormalizer)

    def slug(self, text: str, length: int = 40) -> str:
        return self.normalizer.normalize(text, max_length=length)

    def add(
        self,
        container,
        portal_type: str,
        obj_id: str,
        uid: str,
        state: str,
        when: DateTime,
        modified: DateTime | None = None,
        events: bool = False,
        related: bool = False,
        subjects: tuple = (),
        **fields,
    ):
        """Add one object in ``state``, created ``when``.

        Without ``events`` it is placed directly: owner, intid (and its
        relations if ``related``) and catalog entry are what adding needs.
        """
        obj = createContent(portal_type, **fields)
        IMutableUUID(obj).set(uid)
        obj.id = obj_id
        if events:
            obj = addContentToContainer(container, obj, checkConstraints=False)
        else:
            container._setObject(obj_id, obj, suppress_events=True)
            obj = container._getOb(obj_id)
            key = IKeyReference(obj)  # also gives the new object its oid
            for utility in self.intid_utilities:
                utility.register(key)
            if related:
                addRelations(obj, None)
        if subjects:
            # Not through createContent: it would store them as a plain
            # "subjects" attribute, where no index looks.
            obj.setSubject(subjects)
        self.set_state(obj, state, when)
        # One catalog operation per object: the queue merges this with the
        # add event's and runs it at commit, after the dates below are set
        # (reindexObject stamps "now" as the modification date).
        obj.reindexObject()
        obj.creation_date = when
        obj.modification_date = modified or when
        if state in ("published", "issued", "recorded"):
            obj.effective_date = fields.get("effective_date") or when
        return obj

    def set_state(self, obj, state: str, when: DateTime) -> None:
        """Put ``obj`` in ``state`` directly: no transition, no subscriber."""
        (workflow_id,) = self.workflow.getChainFor(obj)
        self.workflow.setStatusOf(
            workflow_id,
            obj,
            {
                "review_state": state,
                "action": None,
                "actor": self.actor,
                "time": when,
                "comments": "",
            },
        )
        self.workflow[workflow_id].updateRoleMappingsFor(obj)


# --- Units ------------------------------------------------------------------


@dataclass(slots=True)
class Unit:
    """What the generators need to know of a unit, without waking it."""

    path: str
    uid: str
    intid: int
    title: str
    kind: str
    state: str
    generated: bool
    public_chain: bool = True  # the unit and all its parent units published
    services: int = 0  # highest service sequence in use
    published_services: list = field(default_factory=list)


def existing_units(site, intids) -> list[Unit]:
    catalog = api.portal.get_tool("portal_catalog")
    units, by_path = [], {}
    for brain in catalog.unrestrictedSearchResults(portal_type="Unit", sort_on="path"):
        unit = brain._unrestrictedGetObject()
        path = brain.getPath()
        parent = by_path.get(path.rsplit("/", 1)[0])
        public = brain.review_state == "published" and (
            parent is None or parent.public_chain
        )
        sequences = [
            child.sequence or 0
            for child in unit.objectValues()
            if child.portal_type == "ServiceStandard"
        ]
        units.append(
            Unit(
                path=path,
                uid=brain.UID,
                intid=intids.getId(unit),
                title=brain.Title,
                kind=unit.kind,
                state=brain.review_state,
                generated=False,
                public_chain=public,
                services=max(sequences, default=0),
            )
        )
        by_path[path] = units[-1]
    return units


def unit_plan(count: int) -> list[str]:
    """The kinds of ``count`` new units, parents before children."""
    shares = (
        ("directorate", 0.10),
        ("department", 0.45),
        ("legal-entity", 0.04),
        ("committee", 0.06),
    )
    kinds = []
    for kind, share in shares:
        kinds += [kind] * min(count - len(kinds), max(1, round(count * share)))
    kinds += ["office"] * (count - len(kinds))
    order = ("directorate", "department", "office", "legal-entity", "committee")
    return sorted(kinds, key=order.index)


def unit_title(rng: random.Random, kind: str, taken: set) -> str:
    """A unit name not used yet, from the word lists."""
    base = {
        "directorate": lambda: "Διεύθυνση " + rng.choice(DIRECTORATE_TOPICS),
        "department": lambda: "Τμήμα " + rng.choice(DEPARTMENT_TOPICS),
        "office": lambda: "Γραφείο " + rng.choice(OFFICE_TOPICS),
        "legal-entity": lambda: rng.choice(LEGAL_ENTITIES),
        "committee": lambda: "Επιτροπή " + rng.choice(COMMITTEE_TOPICS),
    }[kind]()
    candidates = [base] + [f"{base} {q}" for q in rng.sample(QUALIFIERS, 4)]
    for title in candidates:
        if title not in taken:
            break
    else:
        title = f"{base} {len(taken) + 1}"
    taken.add(title)
    return title


def unit_fields(rng: random.Random, kind: str, title: str, slug: str, end) -> dict:
    """Every field of a unit filled, its contact card included."""
    head, gender = person_name(rng)
    deputy, deputy_gender = person_name(rng)
    topic = title.split(" ", 1)[-1]
    decided = end - datetime.timedelta(days=rng.randrange(365 * 3, 365 * 15))
    fields = {
        "title": title,
        "description": f"Αρμοδιότητες και στοιχεία επικοινωνίας: {title}.",
        "kind": kind,
        "competences": [
            f"Σχεδιάζει και υλοποιεί τις δράσεις του Δήμου για θέματα {topic}.",
            "Εξυπηρετεί τους δημότες και απαντά στα αιτήματά τους.",
            "Συντάσσει εισηγήσεις προς τα συλλογικά όργανα του Δήμου.",
        ][: rng.randint(2, 3)],
        "legal_basis": (
            "Οργανισμός Εσωτερικής Υπηρεσίας του Δήμου, "
            f"ΦΕΚ Β΄ {rng.randrange(100, 5000)}/{decided.year}."
        ),
        "decision_number": f"Απόφαση Δημοτικού Συμβουλίου {rng.randrange(1, 300)}",
        "decision_date": decided,
        "head_name": head,
        "head_title": KIND_HEADS[kind][gender],
        "deputy_name": deputy,
        "deputy_title": "Αναπληρωτής" if deputy_gender == 0 else "Αναπληρώτρια",
        "email": f"{slug[:30].rstrip('-')}@example.org",
        "phones": [phone(rng) for _ in range(rng.randint(1, 2))],
        "street_address": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        "postal_code": f"1{rng.randrange(10, 99)} {rng.randrange(10, 99)}",
        "city": CITY,
        "floor_room": (
            f"{rng.randint(1, 5)}ος όροφος, γραφείο {rng.randrange(100, 600)}"
        ),
        "opening_hours": "Δευτέρα έως Παρασκευή, 08:00–15:00",
        "website": f"https://www.example.org/lefkopoli/{slug}",
        "internal_extension": str(rng.randrange(2000, 2999)),
    }
    if rng.random() < 0.5:
        fields["fax"] = phone(rng)
    if rng.random() < 0.3:
        fields["internal_notes"] = f"Αναπληρώνει: {deputy}."
    return fields


def generate_units(site, builder, args, units: list[Unit]) -> dict:
    """Units up to ``--units`` in all, as directorates, departments and offices.

    Added with every event: each unit gets its editors' and members' groups.
    """
    rng = stream(args.seed, "units")
    count = max(0, args.units - len(units))
    batches = Batches("units", count, args.batch)
    by_kind = defaultdict(list)
    for unit in units:
        by_kind[unit.kind].append(unit)
    parents_of = {
        "directorate": by_kind["general-secretariat"] or by_kind["mayors-office"],
        "department": by_kind["directorate"],
        "office": by_kind["department"] or by_kind["private-office"],
        "committee": by_kind["mayors-office"],
    }
    taken = {unit.title for unit in units}
    for kind in unit_plan(count):
        title = unit_title(rng, kind, taken)
        candidates = parents_of.get(kind)
        parent = rng.choice(candidates) if candidates else None
        container = (
            site["units"] if parent is None else site.unrestrictedTraverse(parent.path)
        )
        slug = builder.slug(title)
        fields = unit_fields(rng, kind, title, slug, args.end_date)
        state = "internal" if rng.random() < 0.05 else "published"
        when = zope_time(args.end_date - datetime.timedelta(days=rng.randrange(3650)))
        uid = new_uid(rng)
        obj = builder.add(
            container, "Unit", free_id(container, slug), uid, state, when,
            events=True, **fields,
        )  # fmt: skip
        unit = Unit(
            path="/".join(obj.getPhysicalPath()),
            uid=uid,
            intid=builder.intids.getId(obj),
            title=title,
            kind=kind,
            state=state,
            generated=True,
            public_chain=state == "published"
            and (parent is None or parent.public_chain),
        )
        units.append(unit)
        by_kind[kind].append(unit)
        batches.tick()
    return batches.finish()


# --- People and services ----------------------------------------------------


def child_state(rng: random.Random, unit: Unit) -> str:
    """Mostly published; internal in an internal unit."""
    if unit.state != "published":
        return "internal"
    draw = rng.random()
    return "published" if draw < 0.92 else "internal" if draw < 0.98 else "private"


def generate_people(site, builder, args, units: list[Unit]) -> dict:
    rng = stream(args.seed, "people")
    batches = Batches("people", args.people, args.batch)
    placed = sorted(
        (rng.randrange(len(units)), serial) for serial in range(args.people)
    )
    for index, _serial in placed:
        unit = units[index]
        container = site.unrestrictedTraverse(unit.path)
        name, gender = person_name(rng)
        first, last = name.split(" ", 1)
        slug = builder.slug(name)
        initial = builder.slug(first)[:1]
        builder.add(
            container,
            "Person",
            free_id(container, slug),
            new_uid(rng),
            child_state(rng, unit),
            zope_time(args.end_date - datetime.timedelta(days=rng.randrange(3650))),
            title=name,
            position=rng.choice(POSITIONS)[gender],
            email=f"{initial}.{builder.slug(last)}@example.org",
            phone=phone(rng),
        )
        batches.tick()
    return batches.finish()


def service_row(rng: random.Random, end: datetime.date) -> dict:
    """Field values of one service standard, valid for its invariants."""
    no_documents = rng.random() < 0.15
    channels = sorted(
        rng.sample(("in-person", "online", "email", "phone"), rng.randint(1, 3))
    )
    fee = rng.random() < 0.4
    return {
        "required_documents": []
        if no_documents
        else rng.sample(SERVICE_DOCUMENTS, rng.randint(1, 4)),
        "no_documents": no_documents,
        "completion_time": rng.choice((15, 30, 1, 2, 5, 10, 20, 30)),
        "completion_unit": rng.choice(("minutes", "hours", "days", "working-days")),
        "fee_amount": Decimal(rng.randrange(200, 20000)) / 100 if fee else None,
        "fee_currency": "EUR" if fee else None,
        "legal_basis": (
            f"Άρθρο {rng.randint(1, 90)} του ν. {rng.randrange(1000, 5000)}/"
            f"{rng.randrange(1990, end.year)}."
        ),
        "channels": channels,
        "online_url": "https://www.example.org/lefkopoli/e-aitiseis"
        if "online" in channels
        else None,
        "last_reviewed": end - datetime.timedelta(days=rng.randrange(900)),
    }


def generate_services(site, builder, args, units: list[Unit]) -> dict:
    rng = stream(args.seed, "services")
    batches = Batches("services", args.services, args.batch)
    placed = sorted(rng.randrange(len(units)) for _ in range(args.services))
    for index in placed:
        unit = units[index]
        container = site.unrestrictedTraverse(unit.path)
        unit.services += 1
        title = f"{rng.choice(SERVICE_TITLES)} ({unit.services})"
        state = child_state(rng, unit)
        fields = service_row(rng, args.end_date)
        point = rng.random() < 0.5
        obj = builder.add(
            container,
            "ServiceStandard",
            free_id(container, builder.slug(title)),
            new_uid(rng),
            state,
            zope_time(fields["last_reviewed"]),
            related=point,
            title=title,
            description=f"Πώς και πού υποβάλλετε: {title.split(' (')[0].lower()}.",
            sequence=unit.services,
            first_point=RelationValue(unit.intid) if point else None,
            **fields,
        )
        if state == "published":
            unit.published_services.append("/".join(obj.getPhysicalPath()))
        batches.tick()
    return batches.finish()


# --- Circulars --------------------------------------------------------------


@dataclass(slots=True)
class CircularPlan:
    serial: int
    unit: int  # index in the units list
    day: datetime.date
    authority: str
    audience: str
    fate: str  # draft, pending, in_force, superseded, withdrawn
    topic: int
    action: int
    recipients: tuple  # unit indexes; empty: all units
    text_seed: int
    uid: str
    number: str = ""
    superseded_by: str = ""

    @property
    def state(self) -> str:
        public = self.audience == "public"
        return {
            "draft": "draft",
            "pending": "pending",
            "in_force": "published" if public else "issued",
            "superseded": "superseded_public" if public else "superseded",
            "withdrawn": "withdrawn_public" if public else "withdrawn",
        }[self.fate]


FATES = (("in_force", 0.81), ("superseded", 0.10), ("withdrawn", 0.03))


def plan_circulars(args, units: list[Unit]) -> tuple[list[CircularPlan], Counter]:
    rng = stream(args.seed, "circulars")
    plans = []
    for serial in range(args.circulars):
        unit = rng.randrange(len(units))
        draw, fate = rng.random(), None
        for name, share in FATES:
            draw -= share
            if draw < 0:
                fate = name
                break
        fate = fate or ("draft" if rng.random() < 0.7 else "pending")
        # Drafts are recent; issued circulars spread over the ten years.
        days = (
            rng.randrange(90)
            if fate in ("draft", "pending")
            else rng.randrange(YEARS * 365)
        )
        who = rng.random()
        authority = (
            "mayor"
            if who < 0.25
            else "general-secretary"
            if who < 0.70
            else units[unit].uid
        )
        recipients = (
            ()
            if rng.random() < 0.6
            else tuple(rng.sample(range(len(units)), rng.randint(1, 3)))
        )
        plans.append(
            CircularPlan(
                serial=serial,
                unit=unit,
                day=args.end_date - datetime.timedelta(days=days),
                authority=authority,
                audience="public" if rng.random() < 0.4 else "staff",
                fate=fate,
                topic=rng.randrange(len(CIRCULAR_TOPICS)),
                action=rng.randrange(len(CIRCULAR_ACTIONS)),
                recipients=recipients,
                text_seed=rng.getrandbits(32),
                uid=new_uid(rng),
            )
        )
    counters = number_circulars(plans)
    link_superseded(plans)
    return plans, counters


def taken_numbers(portal_type: str, number_index: str, series_index: str) -> set:
    """(series, number) pairs already on the site (the demo's): never reused."""
    catalog = api.portal.get_tool("portal_catalog")
    return {
        (getattr(brain, series_index, None), getattr(brain, number_index, None))
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type)
    }


def number_circulars(plans: list[CircularPlan]) -> Counter:
    """Protocol numbers per year and authority, in order of issue.

    Returns the last number of each (year, authority) series.
    """
    taken = taken_numbers("Circular", "protocol_number", "circular_authority")
    counters = Counter()
    for plan in sorted(plans, key=lambda p: (p.day, p.serial)):
        if plan.fate in ("draft", "pending"):
            continue
        key = (plan.day.year, plan.authority)
        while True:
            counters[key] += 1
            text = format_number(plan.day.year, counters[key], plan.authority)
            if (plan.authority, text) not in taken:
                break
        plan.number = text
    return counters


def link_superseded(plans: list[CircularPlan]) -> None:
    """Each superseded circular points to a later one of its authority."""
    by_authority = defaultdict(list)
    for plan in sorted(plans, key=lambda p: (p.day, p.serial)):
        if plan.number:
            by_authority[plan.authority].append(plan)
    for series in by_authority.values():
        for position, plan in enumerate(series):
            if plan.fate != "superseded":
                continue
            newer = next(
                (p for p in series[position + 1 :] if p.fate == "in_force"), None
            )
            if newer is None:
                plan.fate = "in_force"  # nothing replaced the latest one
            else:
                plan.superseded_by = newer.uid


def circular_fields(plan: CircularPlan, units: list[Unit]) -> dict:
    rng = random.Random(plan.text_seed)
    topic, subjects = CIRCULAR_TOPICS[plan.topic]
    unit = units[plan.unit]
    deadline = plan.day + datetime.timedelta(days=rng.randrange(10, 60))
    values = {
        "topic": topic,
        "date": plan.day.strftime("%d.%m.%Y"),
        "deadline": deadline.strftime("%d.%m.%Y"),
        "unit": unit.title,
        "phone": phone(rng),
    }
    first, *others = CIRCULAR_SENTENCES
    sentences = [first] + rng.sample(others, rng.randint(3, 6))
    signatory, gender = person_name(rng)
    role = {
        "mayor": "Δήμαρχος",
        "general-secretary": "Γενικός Γραμματέας"
        if gender == 0
        else "Γενική Γραμματέας",
    }.get(plan.authority, f"Προϊστάμενος/η, {unit.title}")
    fields = {
        "title": f"{CIRCULAR_ACTIONS[plan.action]} {topic}",
        "description": f"Τι αλλάζει για {topic} και ποιους αφορά.",
        "summary": f"Οι υπηρεσίες εφαρμόζουν τις οδηγίες για {topic} "
        f"από {values['date']}.",
        "body": html(*(s.format(**values) for s in sentences)),
        "issuing_authority": plan.authority,
        "signatory_name": signatory,
        "signatory_role": role,
        "audience": plan.audience,
        "all_units": not plan.recipients,
        "recipient_units": [RelationValue(units[i].intid) for i in plan.recipients],
        "subjects": subjects,
    }
    if plan.number:
        fields["protocol_number"] = plan.number
        fields["issue_date"] = plan.day
        fields["effective_date"] = plan.day + datetime.timedelta(days=rng.randrange(15))
    if plan.superseded_by:
        fields["superseded_by"] = plan.superseded_by
    if plan.fate == "withdrawn":
        fields["withdrawal_reason"] = "Ανακαλείται λόγω αλλαγής του θεσμικού πλαισίου."
    return fields


def generate_circulars(site, builder, args, units: list[Unit]) -> tuple:
    plans, numbers = plan_circulars(args, units)
    batches = Batches("circulars", len(plans), args.batch)
    # Unit by unit, oldest first: a commit touches few folders, and each
    # folder's order is the order of issue.
    for plan in sorted(plans, key=lambda p: (p.unit, p.day, p.serial)):
        container = site.unrestrictedTraverse(units[plan.unit].path)
        fields = circular_fields(plan, units)
        slug = builder.slug(fields["title"], 48)
        # Superseded and withdrawn circulars changed state a month later.
        later = plan.fate in ("superseded", "withdrawn")
        builder.add(
            container,
            "Circular",
            f"{slug}-{plan.serial + 1}",
            plan.uid,
            plan.state,
            zope_time(plan.day, 10),
            modified=zope_time(plan.day + datetime.timedelta(days=30), 12)
            if later
            else None,
            related=bool(plan.recipients),
            **fields,
        )
        batches.tick()
    return batches.finish(), plans, numbers


# --- Meetings and decisions -------------------------------------------------


@dataclass(slots=True)
class MeetingPlan:
    body: str
    day: datetime.date
    hour: int
    weight: int
    decisions: list = field(default_factory=list)  # a text seed each
    path: str = ""


def plan_meetings(args) -> list[MeetingPlan]:
    """Meetings of every body over ten years, and a month ahead."""
    first = args.end_date - datetime.timedelta(days=YEARS * 365)
    last = args.end_date + datetime.timedelta(days=30)
    known = {body_id for body_id, _public, _title in bodies()}
    meetings = []
    for body, offset, every, hour, weight in MEETING_SCHEDULE:
        if body not in known:
            continue
        day = first + datetime.timedelta(days=offset)
        while day <= last:
            meetings.append(MeetingPlan(body, day, hour, weight))
            day += datetime.timedelta(days=every)
    meetings.sort(key=lambda m: (m.day, m.body))
    # Few decisions need few meetings: keep an even spread of the held ones.
    held = [m for m in meetings if m.day <= args.end_date]
    wanted_count = max(1, -(-args.decisions // 8))
    if len(held) > wanted_count:
        step = len(held) / wanted_count
        keep = {id(held[int(i * step)]) for i in range(wanted_count)}
        meetings = [m for m in meetings if id(m) in keep or m.day > args.end_date]
    return meetings


def plan_decisions(args, meetings: list[MeetingPlan]) -> None:
    """Spread the decisions over the held meetings, by the weight of the body."""
    rng = stream(args.seed, "decisions")
    held = [m for m in meetings if m.day <= args.end_date]
    if not held:
        return
    for meeting in rng.choices(held, [m.weight for m in held], k=args.decisions):
        meeting.decisions.append(rng.getrandbits(32))


def follow_up(rng: random.Random, day, end, units: list[Unit]) -> dict:
    """Responsible units, a deadline, and a status that fits the deadline."""
    if rng.random() < 0.15:
        return {"responsible_units": [], "implementation_status": "pending"}
    deadline = day + datetime.timedelta(days=rng.randrange(30, 240))
    late = (end - deadline).days
    if late > 90:
        options = (("implemented", 75), ("cancelled", 10), ("in_progress", 10))
    elif late > 0:
        options = (("implemented", 45), ("in_progress", 35), ("cancelled", 5))
    else:
        options = (("in_progress", 45), ("implemented", 5))
    options += (("pending", 100 - sum(weight for _, weight in options)),)
    statuses, weights = zip(*options, strict=True)
    return {
        "responsible_units": [u.uid for u in rng.sample(units, rng.randint(1, 2))],
        "follow_up_deadline": deadline,
        "implementation_status": rng.choices(statuses, weights)[0],
    }


def generate_meetings(site, builder, args, units: list[Unit]) -> tuple[dict, list]:
    """Meetings of the bodies over ten years, decisions planned inside them."""
    meetings = plan_meetings(args)
    plan_decisions(args, meetings)
    rng = stream(args.seed, "meetings")
    public = {body_id: is_public for body_id, is_public, _t in bodies()}
    titles = {body_id: title for body_id, _p, title in bodies()}
    folder = site["meetings"]
    sessions = Counter()
    batches = Batches("meetings", len(meetings), args.batch)
    for meeting in meetings:
        sessions[(meeting.body, meeting.day.year)] += 1
        session = sessions[(meeting.body, meeting.day.year)]
        start = ZONE.localize(
            datetime.datetime.combine(meeting.day, datetime.time(meeting.hour))
        )
        chair, _gender = person_name(rng)
        obj = builder.add(
            folder,
            "Meeting",
            free_id(folder, f"{meeting.body}-{meeting.day.isoformat()}"),
            new_uid(rng),
            "published" if public.get(meeting.body) else "internal",
            zope_time(meeting.day - datetime.timedelta(days=7), 9),
            title=f"{session}η συνεδρίαση – {titles[meeting.body]}",
            body=meeting.body,
            session_number=session,
            meeting_status="held" if meeting.day <= args.end_date else "scheduled",
            convened_by=f"{chair}, Πρόεδρος",
            invited_units=[u.uid for u in rng.sample(units, min(3, len(units)))],
            present=[person_name(rng)[0] for _ in range(rng.randint(5, 12))],
            start=start,
            end=start + datetime.timedelta(hours=2, minutes=30),
            whole_day=False,
            open_end=False,
            location=MEETING_PLACES.get(meeting.body, "Δημαρχείο, αίθουσα Β"),
        )
        meeting.path = "/".join(obj.getPhysicalPath())
        batches.tick()
    return batches.finish(), meetings


def generate_decisions(site, builder, args, units, meetings) -> tuple[dict, Counter]:
    """The decisions of each meeting, numbered ``N/YYYY`` per body and year.

    Returns the last number of each (body, year) series.
    """
    public = {body_id: is_public for body_id, is_public, _t in bodies()}
    taken = taken_numbers("Decision", "decision_number", "meeting_body")
    numbers = Counter()
    batches = Batches("decisions", args.decisions, args.batch)
    for meeting in meetings:
        container = site.unrestrictedTraverse(meeting.path)
        key = (meeting.body, meeting.day.year)
        for text_seed in meeting.decisions:
            while True:
                numbers[key] += 1
                number = DECISION_FORMAT.format(
                    number=numbers[key], year=meeting.day.year
                )
                if (meeting.body, number) not in taken:
                    break
            add_decision(
                builder, container, meeting, number, text_seed, args, units, public
            )
            batches.tick()
    return batches.finish(), numbers


def add_decision(builder, meeting_obj, meeting, number, text_seed, args, units, public):
    rng = random.Random(text_seed)
    subject = rng.choice(DECISION_SUBJECTS)
    published = public.get(meeting.body) and rng.random() < 0.85
    year = meeting.day.year
    builder.add(
        meeting_obj,
        "Decision",
        f"decision-{number.replace('/', '-')}",
        new_uid(rng),
        "published" if published else "recorded",
        zope_time(meeting.day, meeting.hour + 3),
        title=subject,
        description=f"Απόφαση {number}: {subject.lower()}.",
        text=RichTextValue(
            f"<p>Το σώμα <strong>αποφασίζει "
            f"{rng.choice(('ομόφωνα', 'κατά πλειοψηφία'))}</strong>:</p>"
            f"<ol><li>{subject}.</li><li>Αναθέτει την υλοποίηση στις αρμόδιες "
            "υπηρεσίες.</li></ol>",
            "text/html",
            "text/x-html-safe",
        ),
        decision_number=number,
        decision_year=year,
        decision_body=meeting.body,
        **follow_up(rng, meeting.day, args.end_date, units),
    )


# --- Numbering counters -----------------------------------------------------


def continue_numbering(site, circulars: Counter, decisions: Counter) -> None:
    """Move the persistent counters past every generated number.

    The workflow would skip taken numbers anyway, one catalog query each;
    with the counters in place the next circular issued takes the next
    number at once. Keys as in circular_numbering.next_number.
    """
    annotations = IAnnotations(site)
    if ANNOTATION_KEY not in annotations:
        annotations[ANNOTATION_KEY] = OOBTree()
    counters = annotations[ANNOTATION_KEY]
    highest = {f"{year}:{authority}": n for (year, authority), n in circulars.items()}
    for (body, year), value in decisions.items():
        highest[f"{year}:decision:{body}"] = value
    for key, value in highest.items():
        counter = counters.get(key)
        if counter is None:
            counter = counters[key] = NumberCounter()
        counter.value = max(counter.value, value)
    transaction.commit()


# --- Measurements of the normal write paths ---------------------------------


def measure_api_circulars(site, args, units: list[Unit]) -> dict:
    """Create and issue circulars through plone.api, every event firing."""
    rng = stream(args.seed, "api-circulars")
    targets = [u for u in units if u.generated and u.state == "published"] or units
    started, cpu_started = time.perf_counter(), time.process_time()
    with mail_held() as held, uncatalog_errors_counted() as errors:
        for serial in range(args.api_sample):
            unit = rng.choice(targets)
            topic, subjects = rng.choice(CIRCULAR_TOPICS)
            circular = api.content.create(
                container=site.unrestrictedTraverse(unit.path),
                type="Circular",
                title=f"{rng.choice(CIRCULAR_ACTIONS)} {topic}",
                description=f"Τι αλλάζει για {topic} και ποιους αφορά.",
                body=html(f"Νέες οδηγίες για {topic}.", CIRCULAR_SENTENCES[1]),
                issuing_authority=rng.choice(("mayor", "general-secretary")),
                audience="staff",
                recipient_units=[
                    RelationValue(u.intid)
                    for u in rng.sample(targets, rng.randint(1, 2))
                ],
            )
            circular.setSubject(subjects)
            api.content.transition(obj=circular, transition="submit")
            api.content.transition(obj=circular, transition="issue")
            if (serial + 1) % 50 == 0:
                transaction.commit()
        transaction.commit()
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rate = args.api_sample / seconds if seconds else 0.0
    print(
        f"api circulars: {args.api_sample} created and issued in {seconds:.1f} s "
        f"({rate:.1f}/s), {cpu:.1f} s CPU; {len(held)} mails held, none sent"
    )
    return {
        "count": args.api_sample,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "per_s": round(rate, 1),
        "mails_held": len(held),
        "uncatalog_errors": len(errors),
    }


def services_csv(rng: random.Random, rows: int, first: int, end) -> bytes:
    """A CSV in the format service_import.py reads (no commas in the values)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for offset in range(rows):
        values = service_row(rng, end)
        title = f"{rng.choice(SERVICE_TITLES)} – κωδ. {first + offset}"
        writer.writerow(
            {
                "sequence": first + offset,
                "title": title,
                "description": f"Πώς υποβάλλετε: {title}.",
                "required_documents": "|".join(values["required_documents"]),
                "no_documents": "yes" if values["no_documents"] else "no",
                "completion_time": values["completion_time"],
                "completion_unit": values["completion_unit"],
                "fee_amount": values["fee_amount"] or "",
                "fee_currency": values["fee_currency"] or "",
                "legal_basis": values["legal_basis"],
                "channels": "|".join(values["channels"]),
                "online_url": values["online_url"] or "",
                "last_reviewed": values["last_reviewed"].isoformat(),
            }
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def measure_csv_import(site, args, unit: Unit) -> dict:
    """Import a CSV of service standards into ``unit``, as the import form does."""
    rng = stream(args.seed, "csv")
    data = services_csv(rng, args.csv_rows, unit.services + 1, args.end_date)
    container = site.unrestrictedTraverse(unit.path)
    started, cpu_started = time.perf_counter(), time.process_time()
    with uncatalog_errors_counted() as errors:
        counts = import_services(container, data)
        transaction.commit()
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    rate = args.csv_rows / seconds if seconds else 0.0
    print(
        f"service CSV import: {args.csv_rows} rows in {seconds:.1f} s "
        f"({rate:.1f}/s), {cpu:.1f} s CPU"
    )
    return {
        "rows": args.csv_rows,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "rows_per_s": round(rate, 1),
        "unit_path": unit.path,
        "uncatalog_errors": len(errors),
        **counts,
    }


# --- What the HTTP benchmark requests ---------------------------------------


def samples(site, units: list[Unit], plans: list[CircularPlan], skip: Unit) -> dict:
    """Paths and queries that return content for an anonymous visitor too."""
    typical = [
        u for u in units if u.public_chain and u.published_services and u is not skip
    ]
    unit = max(typical, key=lambda u: (len(u.published_services), u.path), default=None)
    public_units = {i for i, u in enumerate(units) if u.public_chain}
    circular = max(
        (p for p in plans if p.state == "published" and p.unit in public_units),
        key=lambda p: (p.day, p.serial),
        default=None,
    )
    circular_path = ""
    if circular is not None:
        catalog = api.portal.get_tool("portal_catalog")
        circular_path = catalog.unrestrictedSearchResults(UID=circular.uid)[0].getPath()
    years = Counter(p.day.year for p in plans if p.number and p.topic < 2)
    year = max(years, key=lambda y: (years[y], y)) if years else None
    # The listing folds accents and case of both sides: this finds the word.
    word = unaccented(SEARCH_WORD)
    query = {"year": year, "q": word} if year else {"q": word}
    root = "/".join(site.getPhysicalPath())
    return {
        "unit_path": unit.path if unit else "",
        "service_path": unit.published_services[0] if unit else "",
        "circular_path": circular_path,
        "search_word": word,
        "circulars_path": f"{root}/@@circulars",
        "circular_query": urlencode(query),
        "follow_up_path": f"{root}/@@follow-up",
        "follow_up_query": urlencode({"status": "open", "body": "council"}),
    }


def catalog_totals() -> dict:
    """Objects per type and state, as the catalog has them."""
    catalog = api.portal.get_tool("portal_catalog")
    totals = {}
    for portal_type in GENERATED_TYPES:
        brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
        totals[portal_type] = dict(Counter(b.review_state for b in brains))
    return totals


# --- Main -------------------------------------------------------------------


def login(app, username: str):
    users = app.acl_users
    user = users.getUserById(username)
    if user is None:
        print(f"No Zope user {username!r}: working as the system user.")
        newSecurityManager(None, system)
        return "system"
    newSecurityManager(None, user.__of__(users))
    return username


def generate(site, args, actor: str) -> dict:
    builder = Builder(actor)
    units = existing_units(site, builder.intids)
    timings = {}
    started = time.perf_counter()
    with remembered_schema_misses():
        timings["units"] = generate_units(site, builder, args, units)
        timings["people"] = generate_people(site, builder, args, units)
        timings["services"] = generate_services(site, builder, args, units)
        timings["circulars"], plans, circular_numbers = generate_circulars(
            site, builder, args, units
        )
        timings["meetings"], meetings = generate_meetings(site, builder, args, units)
        timings["decisions"], decision_numbers = generate_decisions(
            site, builder, args, units, meetings
        )
    continue_numbering(site, circular_numbers, decision_numbers)
    total = time.perf_counter() - started
    print(f"Bulk data generated in {total / 60:.1f} min")

    # The CSV goes into a generated unit the HTTP benchmark does not request.
    csv_unit = next(
        (u for u in reversed(units) if u.generated and u.kind == "office"), units[-1]
    )
    report = {
        "already_generated": False,
        "site": "/".join(site.getPhysicalPath()),
        "seed": args.seed,
        "end_date": args.end_date.isoformat(),
        "sizes": wanted(args),
        "counts": {kind: timing["count"] for kind, timing in timings.items()},
        "generate_seconds": {kind: t["seconds"] for kind, t in timings.items()}
        | {"total": round(total, 2)},
        "generate_cpu_seconds": {kind: t["cpu_seconds"] for kind, t in timings.items()},
        "generate_per_s": {kind: t["per_s"] for kind, t in timings.items()},
        **samples(site, units, plans, csv_unit),
    }
    report["api_circulars"] = measure_api_circulars(site, args, units)
    report["api_circulars_per_s"] = report["api_circulars"]["per_s"]
    report["service_csv_import"] = measure_csv_import(site, args, csv_unit)
    report["catalog"] = catalog_totals()
    report["max_rss_mb"] = rss_mb()
    return report


def main(app, argv: list[str]) -> None:
    args = parse_args(script_args(argv))
    app = makerequest(app)
    setRequest(app.REQUEST)
    if args.site not in app.objectIds():
        sys.exit(f"No site {args.site!r} in this instance: create it first.")
    site = app[args.site]
    setSite(site)
    actor = login(app, args.admin)
    if check_marker(site, args):
        return
    set_marker(site, args, "running")
    report = generate(site, args, actor)
    set_marker(site, args, "done", report)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.report:
        write_report(args.report, report)


if __name__ == "__main__":
    main(app, sys.argv)  # noqa: F821 (zconsole binds ``app``)
