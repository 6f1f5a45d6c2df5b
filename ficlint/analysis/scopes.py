"""Scopes: named kinds of place in a manuscript that a rule may be limited to.

Region kinds (`narration`, `dialogue`, `author_note`, `heading`) come from the
document model; `tag` (a speech tag after a quotation: `she said softly`),
`beat` (an action beat after one: `she grabbed his arm`) and `emphasis`
(`*italic*` or `**bold**` stretches: thoughts, signs, text messages) from the
analysis. YAML packs name them in `scope:`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ficlint.document import RegionKind, Span

if TYPE_CHECKING:
    from ficlint.analysis import AnalyzedDocument

REGION_SCOPES = ("narration", "dialogue", "author_note", "heading")
ANALYSIS_SCOPES = ("tag", "beat", "emphasis")
SCOPES = REGION_SCOPES + ANALYSIS_SCOPES


class UnknownScope(ValueError):
    pass


@dataclass(frozen=True)
class Scope:
    """Where a rule applies: any of the named places."""

    names: frozenset[str]

    @classmethod
    def of(cls, names: Iterable[str]) -> Scope:
        chosen = frozenset(names)
        unknown = chosen - set(SCOPES)
        if unknown or not chosen:
            extra = f", not {', '.join(sorted(unknown))}" if unknown else ""
            raise UnknownScope(f"scope must be among {', '.join(SCOPES)}{extra}")
        return cls(chosen)

    @property
    def region_kinds(self) -> frozenset[RegionKind]:
        return frozenset(RegionKind(n) for n in self.names if n in REGION_SCOPES)

    def contains(self, doc: AnalyzedDocument, start: int, end: int) -> bool:
        """Does text[start:end] lie inside one of the scope's places?"""
        region = doc.region_at(start)
        if region is not None and region.kind in self.region_kinds and end <= region.end:
            return True
        if "emphasis" in self.names and doc.in_emphasis(start) and doc.in_emphasis(end - 1):
            return True
        return ("tag" in self.names and _inside(doc.memo(speech_tags), start, end)
                or "beat" in self.names and _inside(doc.memo(action_beats), start, end))


@dataclass(frozen=True)
class _Spans:
    starts: list[int]
    spans: list[Span]


def speech_tags(doc: AnalyzedDocument) -> _Spans:
    """The speech tags after the document's quotations (`she said softly`), in order."""
    return _spans(Span(q.follows.start, q.follows.end) for q in doc.speech if q.follows.kind in ("tag", "inverted"))


def action_beats(doc: AnalyzedDocument) -> _Spans:
    """The action beats after the document's quotations (`she grabbed his arm`), in order."""
    return _spans(Span(q.follows.start, q.follows.end) for q in doc.speech if q.follows.kind == "beat")


def _spans(spans: Iterable[Span]) -> _Spans:
    ordered = sorted(spans)
    return _Spans([s.start for s in ordered], ordered)


def _inside(found: _Spans, start: int, end: int) -> bool:
    i = bisect.bisect_right(found.starts, start) - 1
    return i >= 0 and end <= found.spans[i].end
