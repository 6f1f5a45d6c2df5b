"""Where the hand-written patterns match, worked out once per document: H002
reports the matches, and H001 leaves the words they flag to H002."""

from __future__ import annotations

from dataclasses import dataclass

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.tokens import normalize
from ficlint.rules.common import WRITING
from ficlint.rules.homophones._confusables import Pattern, patterns


@dataclass(frozen=True)
class PatternMatch:
    start: int  # the word the pattern flags
    end: int
    pattern: Pattern


def pattern_matches(doc: AnalyzedDocument) -> list[PatternMatch]:
    """Every pattern's matches in the document's prose, dialogue and notes."""
    return doc.memo(_find)


def _find(doc: AnalyzedDocument) -> list[PatternMatch]:
    lowered = normalize(doc.text)
    if len(lowered) != len(doc.text):
        return []
    found = []
    for pattern in patterns():
        for m in pattern.finditer(lowered):
            start, end = m.span("bad")
            if doc.kind_at(start) in WRITING:
                found.append(PatternMatch(start, end, pattern))
    return found
