"""The document model's value types: spans, paragraphs, regions, words, sentences.

Every position is an offset in Unicode code points into the file's decoded
text, `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class RegionKind(str, Enum):
    """What a stretch of the manuscript is, as far as checks are concerned."""

    NARRATION = "narration"
    DIALOGUE = "dialogue"
    AUTHOR_NOTE = "author_note"
    HEADING = "heading"
    SCENE_BREAK = "scene_break"  # a scene break, plain (`***`) or an ornament (`x.x.x`, `oOo`)
    CHAT = "chat"  # a chat log or text messages (`**Dani:** on my way`, `[10:42 PM]`)
    MARKUP = "markup"

    def __str__(self) -> str:
        return self.value


PROSE = frozenset({RegionKind.NARRATION, RegionKind.DIALOGUE})


class Span(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text separated from the next by a blank line (or one long line).

    `kind` is the region kind of the whole block when it is not prose (heading,
    scene break, author's note, markup); prose paragraphs have kind NARRATION and
    are split into narration and dialogue regions.
    """

    index: int
    start: int
    end: int
    kind: RegionKind
    scene: int
    indented: bool = False  # every line indented: verse, a letter, a sign


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of one kind. Dialogue regions run from the opening quote
    character to the closing one, both included."""

    kind: RegionKind
    start: int
    end: int
    paragraph: int
    open_quote: str = ""
    close_quote: str = ""  # "" when the quote is still open at the paragraph's end
    continues: bool = False  # left open and the next paragraph reopens it: multi-paragraph speech

    @property
    def inner_start(self) -> int:
        return self.start + len(self.open_quote)

    @property
    def inner_end(self) -> int:
        return self.end - len(self.close_quote)

    @property
    def unclosed(self) -> bool:
        """A quotation left open that is not a multi-paragraph speech."""
        return self.kind is RegionKind.DIALOGUE and not self.close_quote and not self.continues


class Word(NamedTuple):
    text: str
    start: int
    end: int


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int
