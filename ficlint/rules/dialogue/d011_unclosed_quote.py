"""D011 unclosed-quote: a quotation never closed, or a closing quote that closes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation, looks_like_closer, read_clause
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
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
                      "She said hi.\" He left.",
                      ("“Why dream of it?’ He frowned.", "“Why dream of it?” He frowned."),
                      ("“Neville-” He stopped at her glare,” is waiting outside.” He grinned.",
                       "“Neville-” He stopped at her glare, “is waiting outside.” He grinned.")),
    allows=("\"Come with me,\" she said.", "\"It was a long night.\n\n\"In the morning we left.\"",
            "'You're — Remus, you're — '"),
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in doc.speech:
        if q.region.unclosed and not _closed_after_a_space(q):
            yield _closed_with_a_single_quote(q) or _closed_paragraphs_later(doc, q) or _never_closed(q)
    yield from _closes_nothing(doc)
    yield from _turned_openers(doc)


# A single closing quote right after the end of a spoken sentence, before a space or the
# paragraph's end: `Why would you dream of it?’ He frowned.`
_SINGLE_CLOSER = re.compile(r"[.!?,…*_](['’])(?=\s|$)")
_NESTED_OPENER = re.compile(r"‘|(?<![^\W\d_])'(?=[^\W\d_])")
_DOUBLE_CLOSER = {"“": "”", "\"": "\""}


def _closed_with_a_single_quote(q: Quotation) -> Diagnostic | None:
    """A speech opened with a double quote and closed with a single one (`“Why would you dream
    of it?’ He frowned.`): the mark to turn, not a missing quote."""
    closer = _DOUBLE_CLOSER.get(q.region.open_quote)
    if closer is None or q.previous is not None:
        return None
    text = q.doc.text
    m = _SINGLE_CLOSER.search(text, q.region.inner_start, q.region.end)
    if m is None or _NESTED_OPENER.search(text, q.region.inner_start, m.start()):
        return None  # `“She told me ‘run.’ And I`: a quotation inside the speech
    at = m.start(1)
    return Diagnostic(RULE.id, at, at + 1,
                      f"The speech opens with a double quote but closes with a single one: close it with "
                      f"`{closer}`.", (Fix(at, at + 1, closer, safe=False),))


def _closed_after_a_space(q: Quotation) -> bool:
    """Does a single-quoted speech end the paragraph with its closing quote after a spaced dash
    or ellipsis (`'You're — Remus, you're — '`)? That quote closes it; only the space is amiss."""
    if q.region.open_quote not in ("'", "‘"):
        return False
    text = q.doc.text
    end = q.region.end
    while end > q.region.inner_start and text[end - 1] in " \t\r\n*_":
        end -= 1
    return text[end - 1:end] in ("'", "’") and text[end - 3:end - 1] in ("— ", "– ", "- ", "… ", ". ")


_LATER_PARAGRAPHS = 12  # paragraphs a letter or a song quoted whole may run to


def _closed_paragraphs_later(doc: AnalyzedDocument, q: Quotation) -> Diagnostic | None:
    """A quotation opened at the start of a paragraph and closed at the end of a later one, the
    paragraphs between without quote marks (a letter, a song, a long speech: `“Miss Peppermint,⏎⏎
    Bribed dad into brewing this…⏎⏎Your Hero”`): it is closed, but each paragraph after the first
    opens with a quote, so the reader knows the quotation goes on."""
    text = doc.text
    para = doc.paragraphs[q.region.paragraph]
    if q.region.start > para.start and text[para.start:q.region.start].strip(" \t*_"):
        return None  # narration before it: speech, which closes in its own paragraph or reopens
    for region in doc.regions:
        if region.start <= q.region.start or region.kind is not RegionKind.DIALOGUE:
            continue
        if region.paragraph - q.region.paragraph > _LATER_PARAGRAPHS or region.open_quote:
            return None
        end = doc.paragraphs[region.paragraph].end
        if not region.close_quote or text[region.end:end].strip(" \t\r\n*_"):
            return None
        start = q.region.start
        return Diagnostic(RULE.id, start, start + 1,
                          "This quotation runs over several paragraphs and closes at the end of the last: "
                          f"open each paragraph after the first with `{q.region.open_quote}` as well, so the "
                          "reader knows it goes on.")
    return None


def _tag_inside(q: Quotation) -> str:
    """A speech tag inside what reads as one quotation (`"Wait, she said. "Where?"`): the
    words of the tag, or ""."""
    inner = q.inner
    for m in _TAG_INSIDE.finditer(inner):
        words = m.group(2).split()
        reading = read_clause(words)
        if reading.kind == "tag" and reading.subject in ("pronoun", "I", "name"):
            return m.group(2)
    return ""


_TAG_INSIDE = re.compile(r"([,!?])\s+((?:[A-Za-z]+\s+){1,2}[a-z]+)(?=[.,]\s)")


def _never_closed(q: Quotation) -> Diagnostic:
    first = q
    while first.previous is not None:
        first = first.previous
    tag = _tag_inside(first) or _tag_inside(q)
    if tag:
        start = first.region.start
        message = (f"A speech tag (\"{tag}\") stands inside the quotation: the closing quote before it is "
                   "missing (`\"Wait,\" she said. \"Where?\"`).")
    elif q.region.open_quote == "\"" and looks_like_closer(q.doc.text, q.region.start):
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
            yield Diagnostic(RULE.id, close, region.end, _closing_message(doc.text, close))
        left_open = not region.close_quote


# A closing quote after a comma, then (a space and) a word: where speech starts again after narration
_TURNED_OPENER = re.compile(r"(?<=,)”(?= ?[^\W\d_])")


def _turned_openers(doc: AnalyzedDocument) -> Iterator[Diagnostic]:
    """A closing quote that opens speech in narration after a closed quotation, with the speech's own
    closing quote later in the same narration (`“Neville-” He stopped himself at the glare she gave
    him,” is waiting outside.” He said`): the quotes pair up once the first is turned. (At a
    paragraph's start `_closes_nothing` reads it.)"""
    text = doc.text
    previous = None
    for region in doc.regions:
        if region.kind is RegionKind.NARRATION and previous is not None and previous.close_quote \
                and previous.paragraph == region.paragraph and "“" not in text[region.start:region.end]:
            m = _TURNED_OPENER.search(text, region.start, region.end)
            if m and "”" in text[m.end():region.end]:
                at = m.start()
                space = text[at + 1:at + 2] == " "
                fix = Fix(at, at + 1 + space, " “", safe=False)
                yield Diagnostic(RULE.id, at, at + 1 + space,
                                 "This quote is turned the wrong way: it opens the speech after it, so use "
                                 "the opening quote (with the space before it).", (fix,))
        previous = region


def _closing_message(text: str, close: int) -> str:
    """A closing quote glued to the word after it, with a space or a comma before it
    (`he said,”just a whim`), is an opening quote turned the wrong way."""
    before, after = text[close - 1:close], text[close + 1:close + 2]
    if after.isalpha() and (before.isspace() or before in ",:;"):
        space = "" if before.isspace() else " (and a space before it)"
        return ("This quote is turned the wrong way: it opens the speech after it, so use the opening "
                f"quote{space}.")
    return "This closing quote has no opening quote: add the opening quote where the speech begins."
