"""D011 unclosed-quote: a quotation never closed, or a closing quote that closes nothing."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation, looks_like_closer
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.document import RegionKind
from ficlint.rule import Rule, examples

RULE = Rule(
    id="D011",
    name="unclosed-quote",
    category="dialogue",
    summary="A quotation that is never closed (and is not a speech that continues into the next paragraph).",
    why="A reader needs to know where speech stops. A speech running over several paragraphs leaves each "
        "paragraph open and reopens the next one; any other open quotation is missing its closing mark.",
    examples=examples("\"Come with me, she said.\n\nHe followed her out.",
                      "She said hi.\" He left."),
    allows=("\"Come with me,\" she said.", "\"It was a long night.\n\n\"In the morning we left.\""),
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in doc.speech:
        if q.region.unclosed:
            yield _never_closed(q)
    yield from _closes_nothing(doc)


def _never_closed(q: Quotation) -> Diagnostic:
    if q.region.open_quote == "\"" and looks_like_closer(q.doc.text, q.region.start):
        first = q
        while first.previous is not None:
            first = first.previous
        start = first.region.start
        message = ("The quotation marks of this paragraph don't pair up: a quote is missing between "
                   "here and the paragraph's end.")
    else:
        start = q.region.start
        message = ("This quotation is never closed: add the closing quote where the speech ends. (A speech "
                   "running on into the next paragraph is fine: the next paragraph then opens with a quote.)")
    return Diagnostic(RULE.id, start, start + 1, message)


def _closes_nothing(doc: AnalyzedDocument) -> Iterator[Diagnostic]:
    """A paragraph whose first quote mark closes a speech, when no speech was
    left open before it (`She said hi." He left.`)."""
    left_open = False
    for region in doc.regions:
        if region.kind is not RegionKind.DIALOGUE:
            continue
        opens_paragraph = region.start == doc.paragraphs[region.paragraph].start
        if not region.open_quote and region.close_quote and opens_paragraph and not left_open:
            close = region.end - 1
            yield Diagnostic(RULE.id, close, region.end,
                             "This closing quote has no opening quote: add the opening quote where the "
                             "speech begins.")
        left_open = not region.close_quote
