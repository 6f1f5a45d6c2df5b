"""Offsets in a text to lines and columns, and back: 1-based code-point
columns for people (text and JSON output), 0-based UTF-16 characters for the
Language Server Protocol and SARIF."""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile(r"\n")


class LineIndex:
    """The line starts of one text, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def utf16_character(self, offset: int) -> int:
        """0-based column of an offset in UTF-16 code units."""
        return self.utf16_position(offset)[1]

    def utf16_position(self, offset: int) -> tuple[int, int]:
        """0-based (line, UTF-16 character) of an offset, as an editor counts them."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, utf16_length(self.text[self.starts[line]:offset])

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        return self.text[self.starts[line - 1]:self.line_end(line)].rstrip("\r\n")

    def line_end(self, line: int) -> int:
        """The offset just past a 1-based line, its line break included."""
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def offset_at(self, line: int, character: int) -> int:
        """The offset of a 0-based line and UTF-16 character (as an editor sends
        them), clamped to the line, and to the text past its last line."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line + 1)
        units = 0
        for i in range(start, end):
            if units >= character:
                return i
            units += utf16_length(self.text[i])
        return end


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
