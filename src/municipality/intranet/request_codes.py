"""Tracking codes of citizens' requests: ``REQ-2026-483920``.

The number is random, so a code tells nothing of the requests before or
after it and cannot be guessed from one's own. Every code handed out is
kept in a BTree on the site: two submissions that draw the same code at
the same moment both insert that key, the BTree refuses to merge them
(ConflictError) and Zope retries the later one, which then draws another.
Submissions with different codes merge without conflict.
"""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations

import re
import secrets


ANNOTATION_KEY = "municipality.intranet.request_codes"
CODE = re.compile(r"^REQ-\d{4}-\d{6}$")


def _codes(site) -> OOBTree:
    annotations = IAnnotations(site)
    if ANNOTATION_KEY not in annotations:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations[ANNOTATION_KEY]


def draw(year: int) -> str:
    return f"REQ-{year}-{100000 + secrets.randbelow(900000)}"


def new_code(year: int, drawer=draw) -> str:
    """A code no request has had, recorded as taken."""
    codes = _codes(api.portal.get())
    while True:
        code = drawer(year)
        if code not in codes:
            codes[code] = 1
            return code


def normalise(text: str) -> str:
    """What people type (``req 2026 483920``) in the stored form."""
    digits = re.sub(r"[^0-9]", "", text or "")
    if len(digits) != 10:
        return ""
    return f"REQ-{digits[:4]}-{digits[4:]}"
