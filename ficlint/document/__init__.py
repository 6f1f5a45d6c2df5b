"""The document: a manuscript's text and its structure (paragraphs, regions, emphasis).

    source file -> Document -> AnalyzedDocument (ficlint/analysis/) -> rules -> diagnostics

A Document is built once per file and is read-only afterwards. Its parts are
computed lazily. What the text *says* (sentences, tokens, word classes, speech)
is the analysis layer's, built on top of this.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import accumulate, repeat

from ficlint.document import quotes, structure
from ficlint.document.lines import LineIndex
from ficlint.document.model import PROSE, Paragraph, Region, RegionKind, Sentence, Span, Word
from ficlint.source import Source

__all__ = ["Document", "Paragraph", "Region", "RegionKind", "Sentence", "Span", "Word", "PROSE"]

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.U)
_WORD_SPLIT = re.compile(f"({WORD.pattern})").split  # gaps and words, alternating
_EMPHASIS = re.compile(
    r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])"
    r"|(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])__?(?=[^\s_])(.+?)(?<=[^\s_])__?(?![\w_])",
    re.S,
)
_EMPHASIS_MARK = re.compile(r"[*_]")

class Document:
    """A manuscript file, read and understood."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.path = source.path
        self.text = source.text

    def release(self) -> None:
        """Forget everything worked out about the text (structure, analysis), keeping the text.
        A long run calls it on a document it is done with: the analysis holds reference cycles
        (a quotation knows its document), and the command line runs without the cyclic garbage
        collector, so without this a novel checked in parts would keep every part's analysis."""
        kept = {"source": self.source, "path": self.path, "text": self.text}
        self.__dict__.clear()
        self.__dict__.update(kept)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        return cls(Source(path, text))

    @cached_property
    def lower_text(self) -> str | None:
        """The text in lowercase, for fast case-insensitive scans, when lowering
        keeps every offset (only a few characters such as "İ" grow); else None."""
        lowered = lowercase(self.text)
        return lowered if len(lowered) == len(self.text) else None

    # -- lines and positions -------------------------------------------------

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def line_starts(self) -> list[int]:
        return self.lines.starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        return self.lines.position(offset)

    def utf16_character(self, offset: int) -> int:
        """0-based column of an offset in UTF-16 code units, as the Language Server
        Protocol and SARIF count them."""
        return self.lines.utf16_character(offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        return self.lines.line_text(line)

    # -- blocks --------------------------------------------------------------

    @cached_property
    def quote_style(self) -> str:
        """'double' or 'single': how this manuscript quotes speech."""
        return quotes.detect_style(self.text)

    @cached_property
    def markup(self) -> list[Span]:
        return structure.markup_spans(self.text)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        block_markup = [s for s in self.markup if self._is_block_markup(s)]
        spans = list(structure.blocks(self.text, block_markup))
        kinds = structure.classify_blocks(self.text, spans, block_markup)
        paragraphs: list[Paragraph] = []
        scene = 0
        for index, (span, kind) in enumerate(zip(spans, kinds, strict=True)):
            if kind in (RegionKind.HEADING, RegionKind.SCENE_BREAK) and paragraphs:
                scene += 1
            block = self.text[span.start:span.end]
            start = span.start + len(block) - len(block.lstrip(" \t"))
            paragraphs.append(Paragraph(index, start, span.end, kind, scene, structure.is_indented(block)))
        return paragraphs

    def _is_block_markup(self, span: Span) -> bool:
        """Front matter and fenced code fill whole blocks; inline markup doesn't."""
        text = self.text
        at_line_start = span.start == 0 or text[span.start - 1] == "\n"
        at_line_end = span.end >= len(text) or text[span.end - 1] == "\n" or text[span.end] in "\r\n"
        return at_line_start and at_line_end and "\n" in text[span.start:span.end].rstrip("\r\n")

    # -- regions -------------------------------------------------------------

    @cached_property
    def regions(self) -> list[Region]:
        """Every paragraph split into regions, in order: non-prose paragraphs are
        one region each; prose paragraphs alternate narration and dialogue, with
        inline markup (comments, code, URLs, link targets) cut out."""
        regions: list[Region] = []
        style = self.quote_style
        next_opens = self._next_prose_opens_quote(style)
        for para, opens in zip(self.paragraphs, next_opens, strict=True):
            if para.kind is not RegionKind.NARRATION:
                regions.append(Region(para.kind, para.start, para.end, para.index))
                continue
            regions.extend(self._prose_regions(para, style, opens))
        return regions

    def _next_prose_opens_quote(self, style: str) -> list[bool]:
        """For each paragraph: does the prose paragraph after it carry on a speech
        it leaves open? Markup between them is passed over, and so is indented
        prose (verse or a letter may stand within a speech); anything else ends
        the speech. One pass from the end, so a long manuscript costs no more per
        paragraph than a short one."""
        opens = [False] * len(self.paragraphs)
        carried = False  # what the paragraph before position i would be told
        for i in range(len(self.paragraphs) - 1, -1, -1):
            opens[i] = carried
            para = self.paragraphs[i]
            if para.kind is RegionKind.NARRATION:
                if quotes.continues_speech(self.text, para.start, para.end, style):
                    carried = True
                elif not para.indented:
                    carried = False
            elif para.kind is not RegionKind.MARKUP:
                carried = False
        return opens

    def _prose_regions(self, para: Paragraph, style: str, next_opens: bool) -> Iterator[Region]:
        text = self.text
        pieces: list[Region] = []
        pos = para.start
        for q in quotes.find_quotations(text, para.start, para.end, style):
            if q.open_at > pos:
                pieces.append(Region(RegionKind.NARRATION, pos, q.open_at, para.index))
            if q.close_at is None:
                pieces.append(Region(RegionKind.DIALOGUE, q.open_at, para.end, para.index, q.open_char, "",
                                     continues=next_opens))
                pos = para.end
            else:
                pieces.append(Region(RegionKind.DIALOGUE, q.open_at, q.close_at + 1, para.index, q.open_char,
                                     q.close_char))
                pos = q.close_at + 1
        if pos < para.end:
            pieces.append(Region(RegionKind.NARRATION, pos, para.end, para.index))
        yield from self._cut_markup(pieces)

    @cached_property
    def _markup_ends(self) -> list[int]:
        return [m.end for m in self.markup]

    def _cut_markup(self, pieces: list[Region]) -> Iterator[Region]:
        markup = self.markup
        if not markup:
            yield from pieces
            return
        ends = self._markup_ends
        for region in pieces:
            first = bisect.bisect_left(ends, region.start + 1)
            pos = region.start
            for m in markup[first:]:
                if m.start >= region.end:
                    break
                if m.start > pos:
                    yield _piece(region, pos, m.start)
                yield Region(RegionKind.MARKUP, max(m.start, region.start), min(m.end, region.end),
                             region.paragraph)
                pos = m.end
            if pos == region.start:
                yield region
            elif pos < region.end:
                yield _piece(region, pos, region.end)

    @cached_property
    def _region_starts(self) -> list[int]:
        return [r.start for r in self.regions]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_index(self, offset: int) -> int:
        """The index of the last paragraph starting at or before `offset` (-1 before the first)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing `offset`, or None between paragraphs."""
        i = self.paragraph_index(offset)
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def region_at(self, offset: int) -> Region | None:
        """The region containing `offset`, or None between paragraphs."""
        i = bisect.bisect_right(self._region_starts, offset) - 1
        if i >= 0 and offset < self.regions[i].end:
            return self.regions[i]
        return None

    def kind_at(self, offset: int) -> RegionKind | None:
        region = self.region_at(offset)
        return region.kind if region else None

    def regions_of(self, *kinds: RegionKind) -> list[Region]:
        wanted = set(kinds)
        return [r for r in self.regions if r.kind in wanted]

    def paragraph_regions(self, paragraph: int) -> list[Region]:
        starts = self._paragraph_region_index
        lo, hi = starts.get(paragraph, (0, 0))
        return self.regions[lo:hi]

    @cached_property
    def _paragraph_region_index(self) -> dict[int, tuple[int, int]]:
        index: dict[int, tuple[int, int]] = {}
        for i, region in enumerate(self.regions):
            lo, _ = index.get(region.paragraph, (i, i))
            index[region.paragraph] = (lo, i + 1)
        return index

    # -- emphasis, scenes ------------------------------------------------------

    @cached_property
    def emphasis(self) -> list[Span]:
        """Italic or bold stretches (`*…*`, `_…_`, `**…**`) within prose
        paragraphs: often a character's thoughts, a sign, a text message."""
        markers = [m.start() for m in _EMPHASIS_MARK.finditer(self.text)]
        spans: list[Span] = []
        for para in self.paragraphs:
            # Only paragraphs with two marks or more can hold emphasis: skip the rest cheaply.
            first = bisect.bisect_left(markers, para.start)
            two_marks = first + 1 < len(markers) and markers[first + 1] < para.end
            if para.kind is RegionKind.NARRATION and two_marks:
                found = _EMPHASIS.finditer(self.text, para.start, para.end)
                spans.extend(Span(m.start(), m.end()) for m in found)
        return spans

    def emphasis_in(self, start: int, end: int) -> Iterator[tuple[Span, Span, bool]]:
        """Emphasis in text[start:end] of any paragraph: the span with its marks,
        the text inside them, and whether it is bold (`**…**`, `__…__`) rather
        than italic (`*…*`, `_…_`)."""
        for m in _EMPHASIS.finditer(self.text, start, end):
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            bold = group == 1 or (group == 3 and self.text.startswith("__", m.start()))
            yield Span(m.start(), m.end()), Span(m.start(group), m.end(group)), bold

    @cached_property
    def _emphasis_starts(self) -> list[int]:
        return [s.start for s in self.emphasis]

    def in_emphasis(self, offset: int) -> bool:
        i = bisect.bisect_right(self._emphasis_starts, offset) - 1
        return i >= 0 and offset < self.emphasis[i].end

    @cached_property
    def scenes(self) -> list[Span]:
        """Stretches between chapter headings and scene breaks."""
        spans: list[Span] = []
        current: list[Paragraph] = []
        for para in self.paragraphs:
            if para.kind in (RegionKind.HEADING, RegionKind.SCENE_BREAK):
                if current:
                    spans.append(Span(current[0].start, current[-1].end))
                current = []
            else:
                current.append(para)
        if current:
            spans.append(Span(current[0].start, current[-1].end))
        return spans

    # -- words and sentences ---------------------------------------------------

    @cached_property
    def words(self) -> list[Word]:
        """Every word of every prose, note and heading region."""
        return list(self.words_in(self.regions))

    def words_in(self, regions: Iterable[Region | Span]) -> Iterator[Word]:
        # Splitting at words (gap, word, gap, …) and summing lengths gives the
        # offsets without a match object per word: words are many.
        text = self.text
        new = tuple.__new__  # a Word without NamedTuple's slower constructor
        for region in regions:
            if isinstance(region, Region) and region.kind in (RegionKind.MARKUP, RegionKind.SCENE_BREAK):
                continue
            pieces = _WORD_SPLIT(text[region.start:region.end])
            starts = list(accumulate(map(len, pieces), initial=region.start))
            yield from map(new, repeat(Word), zip(pieces[1::2], starts[1::2], starts[2::2], strict=False))

    @cached_property
    def word_count(self) -> int:
        return sum(len(piece.split()) for piece in slices(self.text))


_SLICE = 1 << 16
_WHITE_SPACE = re.compile(r"\s")


def slices(text: str, size: int = _SLICE) -> Iterator[str]:
    """The text in consecutive slices of about `size` characters, each ending
    after white space (or at the end), so no word is cut in two."""
    start = 0
    while start < len(text):
        end = start + size
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut + 1
            else:  # no space in the whole slice: run on to the next one
                space = _WHITE_SPACE.search(text, end)
                end = space.end() if space else len(text)
        yield text[start:end]
        start = end


def lowercase(text: str) -> str:
    """text.lower(), a slice at a time: lowering a whole manuscript at once takes
    12 bytes of scratch memory per character (600 MB for a 50 MB file). Slices
    end after white space, where lowering never depends on the neighbouring
    letters (a final sigma does)."""
    if len(text) <= _SLICE:
        return text.lower()
    return "".join(piece.lower() for piece in slices(text))


def distinct_tokens(text: str) -> set[str]:
    """The distinct white-space-separated tokens of the text, without a list of
    every token (63 bytes each: 11 MB per MB of text)."""
    tokens: set[str] = set()
    for piece in slices(text):
        tokens.update(piece.split())
    return tokens


def _piece(region: Region, start: int, end: int) -> Region:
    """Part of a region, keeping only the quote characters that fall inside it."""
    open_quote = region.open_quote if start == region.start else ""
    close_quote = region.close_quote if end == region.end else ""
    kind = region.kind
    return Region(kind, start, end, region.paragraph, open_quote, close_quote, region.continues)
