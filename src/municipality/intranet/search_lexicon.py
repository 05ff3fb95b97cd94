"""A catalog lexicon that folds Greek and Turkish accents and case.

Plone's own lexicon keeps the Greek tonos ("προσλήψεις" and "προσληψεις"
are different words to it). Text indexes on this lexicon store and look up
words folded by :func:`municipality.intranet.text_folding.fold`, so a search
finds its words whatever accents, case or final sigma were typed.
"""

from municipality.intranet.text_folding import fold
from Products.ZCTextIndex.PipelineFactory import element_factory

import re


LEXICON = "municipality_lexicon"
ELEMENT = "Greek and Turkish accent folding"


class FoldingNormalizer:
    """A ZCTextIndex pipeline element: each word folded."""

    def process(self, words: list) -> list[str]:
        # Plone's splitter hands over UTF-8 bytes.
        return [
            fold(word.decode("utf-8") if isinstance(word, bytes) else word)
            for word in words
        ]

    processGlob = process


if ELEMENT not in element_factory.getFactoryNames("Case Normalizer"):
    element_factory.registerFactory("Case Normalizer", ELEMENT, FoldingNormalizer)


def prefix_query(text: str) -> str:
    """A text index query: every word of ``text``, as the start of a word.

    Only word characters pass, so nothing a visitor types is read as the
    query language's AND, OR, NOT, quotes or brackets.
    """
    return " ".join(f"{word}*" for word in re.findall(r"\w+", fold(text)))
