"""Long files in parts: a novel is checked chapter group by chapter group.

A file longer than PART_CHARS is cut into parts at blank lines, where it can at
a chapter heading or a scene break (so a scene's tense is read whole), and
never inside a speech left open across paragraphs. The run lints the parts as
the files of one manuscript (their facts combined as any chapters' are) and
joins their findings back into one result for the file, offsets shifted, inline
suppression applied to the whole file. Two things follow: memory stays bounded
by a part however long the file (a 50 MB file peaks like a one-part file), and
an edit re-checks only its part, the others' findings coming from the result
cache (what makes the language server quick on a novel).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ficlint.analysis import AnalyzedDocument
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import structure
from ficlint.engine import FileResult, suppress
from ficlint.source import InputError, Source

PART_CHARS = 120_000
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_QUOTES = re.compile(r"[\"“”]")


def parts_of(source: Source) -> list[tuple[int, Source]]:
    """(offset, part) of a source; one part, at offset 0, for all but long files."""
    text = source.text
    if len(text) <= PART_CHARS:
        return [(0, source)]
    parts: list[tuple[int, Source]] = []
    start = 0
    for cut in _cuts(text):
        parts.append((start, replace(source, text=text[start:cut])))
        start = cut
    parts.append((start, replace(source, text=text[start:])))
    return parts


def _cuts(text: str) -> Iterator[int]:
    start = 0
    while len(text) - start > PART_CHARS:
        cut = _scene_cut(text, start) or _paragraph_cut(text, start)
        if cut is None:
            return  # one paragraph longer than a part: no place to cut
        yield cut
        start = cut


# Cuts are chosen by what the text says, not by how far they are from the part's start, so that
# an edit moves no cut but its own part's: the first scene boundary past the middle third, or
# else the first paragraph whose opening words hash to a marker (content-defined chunking, as
# rsync and backup tools cut files). The parts after an edit are then the same texts as before,
# and their findings come from the result cache.
_FIRST_CUT = PART_CHARS // 2
_MARKER_EVERY = 8  # about one paragraph in this many may be a cut


def _scene_cut(text: str, start: int) -> int | None:
    """The first blank line before a heading or a scene break in the part's second half."""
    for m in _BLANK_LINE.finditer(text, start + _FIRST_CUT, start + PART_CHARS):
        line_end = text.find("\n", m.end())
        line = text[m.end():line_end if line_end != -1 else len(text)]
        if line.strip() and (structure.is_heading(line) or structure.is_scene_break(line)) \
                and not _in_brackets(text, m.end()):
            return m.end()
    return None


def _paragraph_cut(text: str, start: int) -> int | None:
    """The first blank line in the part's second half before a paragraph whose opening hashes to
    a marker, that no open speech spans; else the last such blank line before the part's end (or
    the first after it)."""
    limit = start + PART_CHARS
    candidates = [m.end() for m in _BLANK_LINE.finditer(text, start + _FIRST_CUT, limit)]
    closed = [cut for cut in candidates if _closed_before(text, cut) and not _in_brackets(text, cut)]
    for cut in closed:
        if zlib.crc32(text[cut:cut + 40].encode("utf-8", "surrogatepass")) % _MARKER_EVERY == 0:
            return cut
    if closed:
        return closed[-1]
    after = _BLANK_LINE.search(text, limit)
    return after.end() if after else None


def _closed_before(text: str, cut: int) -> bool:
    """Are the paragraph's double quotes paired (no speech runs on into the next paragraph)?"""
    paragraph_start = text.rfind("\n\n", 0, cut - 2)
    return len(_QUOTES.findall(text, max(0, paragraph_start), cut)) % 2 == 0


_BRACKET_REACH = 8000  # characters back a caption or an editor's insertion in brackets may open


def _in_brackets(text: str, cut: int) -> bool:
    """Is the cut inside a square bracket opened a few paragraphs before (`[Illustration:`, blank
    lines, its caption's lines, `]`)? A part must hold the bracket whole, as M009 pairs it."""
    lo = max(0, cut - _BRACKET_REACH)
    return text.rfind("[", lo, cut) > text.rfind("]", lo, cut)


def split(sources: Sequence[Source | InputError]) -> tuple[list[Source | InputError], list[list[int]]]:
    """The units to lint (whole files and parts of long ones), and for each source the offsets of
    its units (one offset, 0, for a whole file or an unreadable one)."""
    units: list[Source | InputError] = []
    offsets: list[list[int]] = []
    for source in sources:
        if isinstance(source, InputError):
            units.append(source)
            offsets.append([0])
            continue
        pieces = parts_of(source)
        units.extend(part for _, part in pieces)
        offsets.append([offset for offset, _ in pieces])
    return units, offsets


def join(sources: Sequence[Source | InputError], offsets: list[list[int]],
         results: list[FileResult]) -> list[FileResult]:
    """One result per source from the results of its units."""
    joined: list[FileResult] = []
    at = 0
    for source, starts in zip(sources, offsets, strict=True):
        mine = results[at:at + len(starts)]
        at += len(starts)
        if len(mine) == 1:
            joined.append(mine[0])
            continue
        assert isinstance(source, Source)
        doc = AnalyzedDocument(source)
        found = [_shifted(d, offset)
                 for offset, result in zip(starts, mine, strict=True) for d in result.diagnostics]
        joined.append(FileResult(
            source.path, doc, sorted(suppress(doc, found), key=lambda d: d.sort_key),
            failures=list(dict.fromkeys(f for r in mine for f in r.failures)),
            warnings=list(dict.fromkeys(w for r in mine for w in r.warnings)), facts=mine[0].facts))
    return joined


def _shifted(diag: Diagnostic, offset: int) -> Diagnostic:
    if not offset:
        return diag
    fixes = tuple(Fix(f.start + offset, f.end + offset, f.replacement, f.safe) for f in diag.fixes)
    return replace(diag, start=diag.start + offset, end=diag.end + offset, fixes=fixes)
