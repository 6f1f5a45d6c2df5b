"""M009 unpaired-bracket: a bracket opened and never closed in its paragraph, or closed without opening."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.document import Paragraph, RegionKind
from ficlint.rule import Rule, examples

RULE = Rule(
    id="M009",
    name="unpaired-bracket",
    category="punctuation",
    summary="A bracket opened and never closed in its paragraph, or a closing one with nothing to close "
            "(`She smiled (she always did.`).",
    why="Brackets come in pairs: a reader who meets `(` waits for `)` to know where the aside ends.",
    examples=examples("She smiled (she always did at him. Then she left.",
                      "She smiled she always did) at him."),
    allows=("She smiled (she always did) at him.", "Thanks for reading :) See you :(",
            "Things to pack: a) a torch, b) a rope.", "1) Go home.\n2) Sleep.", "Hugs (((you))) always.",
            "Her eyes went wide (°o°) and she ran.",
            "Swinburne (or was it Wilde? but anyway:) he said so.",
            "He was become (June 19) a writing automaton.", "It carried staves[8] away.\n\n[8] Lumber.",
            "You are a Sahib [English gentleman;] I have been a soldier.",
            "[Illustration:\n\nPublished by Longman, Paternoster Row.]"),
)

_BRACKET = re.compile(r"[()\[\]]")
# Smileys and list markers use a bracket alone: ":)", ";-(", "=)", "(:", "xD", "a)", "1)", "ii)".
_SMILEY_BEFORE = re.compile(r"(?:[:;=]['^-]?|(?<![^\W\d_])[8xX]['^-]?|\^_?\^?|T_T)$")
_SMILEY_AFTER = re.compile(r"^(?:['-]?[:;=])")
_LIST_MARKER = re.compile(r"(?:^|[\s,;:])(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\Z")  # against the bracket
_PAIRS = {")": "(", "]": "["}
# A face drawn in brackets: "(°o°)", "(^_^)", "(T_T)", "(>_<)".
_FACE = re.compile(r"[(\[](?=[^()\[\]\s]{0,7}[^\w\s()\[\]'’.,-])[^()\[\]\s]{1,7}[)\]]")
_PROSE = (RegionKind.NARRATION, RegionKind.AUTHOR_NOTE)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    # every block, a lone "]" or a caption's heading line too, may close what a paragraph opened
    unpaired = [
        (para, *_unpaired(doc, para)) for para in doc.paragraphs if para.kind is not RegionKind.MARKUP
    ]
    _pair_across_paragraphs(doc.text, unpaired)
    for para, open_at, stray in unpaired:
        if para.kind not in _PROSE or open_at and stray:
            continue  # a mix the eye can't pair either: leave it to the writer
        for at in open_at:
            yield Diagnostic(RULE.id, at, at + 1,
                             f"This \"{doc.text[at]}\" is never closed in its paragraph: add the "
                             "closing bracket where the aside ends.")
        for at in stray:
            yield Diagnostic(RULE.id, at, at + 1, f"This \"{doc.text[at]}\" closes nothing: add the opening "
                             "bracket where the aside begins, or remove it.")


_SPAN_REACH = 8  # paragraphs a bracketed block may run over: a caption, a note, an editor's insertion
_BLOCK_REACH = 60  # …or, opened at a paragraph's start ("[Footnote 1:", "[Transcriber's Note:"), a long note


def _pair_across_paragraphs(text: str, unpaired: list[tuple[Paragraph, list[int], list[int]]]) -> None:
    """`[Illustration:` ... (blank line) ... `Paternoster Row._]`: an editor's caption, a footnote or an
    inserted passage in square brackets may run over blank lines; a bracket left open at the end of
    one paragraph is closed by the first stray closing bracket of its kind a few paragraphs on. The
    last opened pairs first, as brackets nest: a footnote left open does not take the next one's."""
    for i in range(len(unpaired) - 1, -1, -1):
        open_at = unpaired[i][1]
        while open_at:
            closer = _closer_after(text, unpaired, i, open_at[-1])
            if closer is None:
                break
            open_at.pop()
            unpaired[closer[0]][2].remove(closer[1])


def _closer_after(text: str, unpaired: list[tuple[Paragraph, list[int], list[int]]], i: int,
                  opener: int) -> tuple[int, int] | None:
    """The first stray closing bracket of the opener's kind in the paragraphs after the i-th, within reach."""
    para = unpaired[i][0]
    want = ")" if text[opener] == "(" else "]"
    reach = _BLOCK_REACH if opener == para.start else _SPAN_REACH
    for j in range(i + 1, len(unpaired)):
        if unpaired[j][0].index - para.index > reach:
            return None
        stray = unpaired[j][2]
        if stray:
            return (j, stray[0]) if text[stray[0]] == want else None
    return None


def _unpaired(doc: AnalyzedDocument, para: Paragraph) -> tuple[list[int], list[int]]:
    """The brackets of the paragraph left open, and those that close nothing."""
    text = doc.text
    marks = [m.start() for m in _BRACKET.finditer(text, para.start, para.end)]
    if not marks or any(doc.kind_at(at) is RegionKind.MARKUP for at in marks):
        return [], []
    faces = {at for m in _FACE.finditer(text, para.start, para.end) for at in (m.start(), m.end() - 1)}
    open_at: list[int] = []
    stray: list[int] = []
    for at in marks:
        ch = text[at]
        if at in faces or _not_a_bracket(text, at, para.start) and not _closes_aside(text, at, open_at):
            continue
        if ch in "([":
            open_at.append(at)
        elif open_at and text[open_at[-1]] == _PAIRS[ch]:
            open_at.pop()
        else:
            stray.append(at)
    return open_at, stray


def _closes_aside(text: str, at: int, open_at: list[int]) -> bool:
    """`(or was it Wilde? but anyway:) he said`: a colon against a word, then the bracket, while an
    aside is open, ends the aside; a smiley stands apart from the word before it (`fun :)`). A letter
    or digit before it, like a list marker's or a `8)` smiley's, closes an open aside too: `(June 19)`,
    `(Plate, Figure 4)`, `(iii iii)`, the footnote mark `[8]`."""
    if not open_at or text[open_at[-1]] != _PAIRS.get(text[at]):
        return False
    before = text[at - 1:at]
    return before.isalnum() or before in (":", ";") and text[at - 2:at - 1].isalpha()


def _not_a_bracket(text: str, at: int, start: int) -> bool:
    """A smiley, a list marker or a drawn face, not a bracket of prose."""
    before = text[max(start, at - 3):at]
    after = text[at + 1:at + 3]
    if text[at] in ")]":
        return bool(_SMILEY_BEFORE.search(before) or _LIST_MARKER.search(text[max(start, at - 5):at]))
    return bool(_SMILEY_AFTER.match(after) or before.endswith(("<", ">")) or not after.strip()
                or after[:1] in "°^;:=")
