"""Positions as the editor counts them, in the encoding agreed at start-up.

LSP positions are a 0-based line and a column whose unit the client and the
server agree on in `initialize` (`general.positionEncodings` ->
`positionEncoding`): UTF-8 bytes, UTF-16 code units (the default) or code
points (UTF-32). ficlint's offsets are code points into the text. Every
position that goes out (diagnostics, fixes) or comes in (code-action ranges,
incremental changes) goes through `Lines`, so one encoding is used throughout.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from ficlint.document.lines import UTF8, UTF16, UTF32, LineIndex

# The server's preference among the encodings a client offers: UTF-8 is what
# Neovim and Helix use inside, code points are what Python counts; UTF-16 is the
# protocol's default, used when the client offers neither.
PREFERRED_ENCODINGS = (UTF8, UTF32, UTF16)


def preferred_first(offered: Sequence[str]) -> list[str]:
    """The client's encodings, those the server prefers first (pygls takes the first it supports)."""
    ours = [e for e in PREFERRED_ENCODINGS if e in offered]
    return ours + [e for e in offered if e not in ours]


class Lines:
    """One version of a document's text, with code-point offsets <-> LSP positions."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.encoding = encoding
        self.index = LineIndex(text, lsp=True)

    @property
    def text(self) -> str:
        return self.index.text

    def position(self, offset: int) -> types.Position:
        line, character = self.index_position(offset)
        return types.Position(line=line, character=character)

    def index_position(self, offset: int) -> tuple[int, int]:
        """(line, character) of an offset, as plain numbers."""
        return self.index.encoded_position(offset, self.encoding)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        return self.index.offset_at(position.line, position.character, self.encoding)

    def span(self, rng: types.Range) -> tuple[int, int]:
        """The code-point offsets of a range (start never after end)."""
        start, end = self.offset(rng.start), self.offset(rng.end)
        return min(start, end), max(start, end)

    def changed(self, change: types.TextDocumentContentChangeEvent) -> Lines:
        """The text after one `didChange` content change: a range replaced, or the whole text."""
        if isinstance(change, types.TextDocumentContentChangePartial):
            start, end = self.span(change.range)
            edited = Lines.__new__(Lines)
            edited.encoding, edited.index = self.encoding, self.index.replaced(start, end, change.text)
            return edited
        return Lines(change.text, self.encoding)
