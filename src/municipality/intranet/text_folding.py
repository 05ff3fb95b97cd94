"""Accent- and case-insensitive matching for Greek and Turkish text.

"γενικος γραμματεας" matches "Γενικός Γραμματέας" (tonos, final sigma) and
"ozel kalem" matches "Özel Kalem" (ö, ş, ğ, ç, ü, dotted and dotless i).
"""

import unicodedata


# Dotted capital İ and dotless ı do not decompose to a plain i.
_TURKISH_I = str.maketrans({"ı": "i", "İ": "i"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents, for comparison only."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_TURKISH_I))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


def matches(query: str, *texts: str) -> bool:
    """True if every word of ``query`` occurs in one of ``texts``."""
    haystack = " ".join(fold(text) for text in texts if text)
    return all(word in haystack for word in fold(query).split())
