"""Offsets in a text to lines and columns, and back: 1-based code-point
columns for people (text and JSON output), 0-based columns in UTF-8 bytes,
UTF-16 code units or code points (UTF-32) for the Language Server Protocol
(whichever the editor and server agreed on) and SARIF (UTF-16)."""

from __future__ import annotations

import bisect
import re

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"  # one unit per code point, as Python counts
ENCODINGS = (UTF8, UTF16, UTF32)

_NEWLINE = re.compile(r"\n")
_LSP_LINE_BREAK = re.compile(r"\r\n?|\n")  # the Language Server Protocol's line ends


class LineIndex:
    """The line starts of one text, found once.

    Lines end at "\\n" (a "\\r" before it stays part of the line's text), as
    ficlint reports lines; `lsp=True` also ends them at a lone "\\r", as the
    Language Server Protocol counts lines.
    """

    def __init__(self, text: str, lsp: bool = False) -> None:
        self.text = text
        self.lsp = lsp
        self.starts = [0] + [m.end() for m in self._breaks().finditer(text)]

    def _breaks(self) -> re.Pattern[str]:
        # the simpler pattern is four times faster, and finds the same breaks without a lone "\r"
        lone_cr = self.lsp and "\r" in self.text and self.text.count("\r") != self.text.count("\r\n")
        return _LSP_LINE_BREAK if lone_cr else _NEWLINE

    def replaced(self, start: int, end: int, replacement: str) -> LineIndex:
        """The index of this text with text[start:end] replaced, its line starts
        found again only around the change (an editor's many small edits to a
        novel cost little): from the line before the change's first line (where a
        lone "\\r" may now meet a "\\n") to the end of its last line."""
        text = self.text[:start] + replacement + self.text[end:]
        edited = LineIndex.__new__(LineIndex)
        edited.text, edited.lsp = text, self.lsp
        first = max(bisect.bisect_right(self.starts, start) - 2, 0)
        after = bisect.bisect_right(self.starts, end)  # the first line wholly after the change
        shift = len(replacement) - (end - start)
        tail = [s + shift for s in self.starts[after:]]
        window_end = tail[0] if tail else len(text)
        breaks = _LSP_LINE_BREAK if self.lsp else _NEWLINE
        found = [m.end() for m in breaks.finditer(text, self.starts[first], window_end)]
        if tail:  # the window's last break starts the tail's first line
            found = [s for s in found if s < window_end]
        edited.starts = self.starts[:first + 1] + found + tail
        return edited

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def utf16_character(self, offset: int) -> int:
        """0-based column of an offset in UTF-16 code units."""
        return self.utf16_position(offset)[1]

    def utf16_position(self, offset: int) -> tuple[int, int]:
        """0-based (line, UTF-16 character) of an offset, as an editor counts them."""
        return self.encoded_position(offset, UTF16)

    def encoded_position(self, offset: int, encoding: str) -> tuple[int, int]:
        """0-based (line, character) of an offset, the character counted in
        `encoding`'s units: UTF-8 bytes, UTF-16 code units or code points."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, encoded_length(self.text[self.starts[line]:offset], encoding)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        return self.text[self.starts[line - 1]:self.line_end(line)].rstrip("\r\n")

    def line_end(self, line: int) -> int:
        """The offset just past a 1-based line, its line break included."""
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def offset_at(self, line: int, character: int, encoding: str = UTF16) -> int:
        """The offset of a 0-based line and character in `encoding`'s units (as an
        editor sends them). A character past the line's end means its end (before
        the line break), a line past the last the end of the text; a character
        inside a code point's units means the end of that code point."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        content = self.text[start:self.line_end(line + 1)].rstrip("\r\n")
        if encoding == UTF32 or content.isascii():
            return start + min(max(character, 0), len(content))
        units = 0
        for i, char in enumerate(content):
            if units >= character:
                return start + i
            units += encoded_length(char, encoding)
        return start + len(content)


def encoded_length(text: str, encoding: str) -> int:
    """The length of a text in `encoding`'s units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return utf16_length(text)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
