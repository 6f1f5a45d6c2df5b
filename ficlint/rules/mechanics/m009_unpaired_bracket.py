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
            "Swinburne (or was it Wilde? but anyway:) he said so."),
)

_BRACKET = re.compile(r"[()\[\]]")
# Smileys and list markers use a bracket alone: ":)", ";-(", "=)", "(:", "xD", "a)", "1)", "ii)".
_SMILEY_BEFORE = re.compile(r"(?:[:;=]['^-]?|(?<![^\W\d_])[8xX]['^-]?|\^_?\^?|T_T)$")
_SMILEY_AFTER = re.compile(r"^(?:['-]?[:;=])")
_LIST_MARKER = re.compile(r"(?:^|[\s,;:])(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$")
_PAIRS = {")": "(", "]": "["}
# A face drawn in brackets: "(°o°)", "(^_^)", "(T_T)", "(>_<)".
_FACE = re.compile(r"[(\[](?=[^()\[\]\s]{0,7}[^\w\s()\[\]'’.,-])[^()\[\]\s]{1,7}[)\]]")
_PROSE = (RegionKind.NARRATION, RegionKind.AUTHOR_NOTE)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for para in doc.paragraphs:
        if para.kind in _PROSE:
            yield from _unpaired(doc, para)


def _unpaired(doc: AnalyzedDocument, para: Paragraph) -> Iterator[Diagnostic]:
    text = doc.text
    marks = [m.start() for m in _BRACKET.finditer(text, para.start, para.end)]
    if not marks or any(doc.kind_at(at) is RegionKind.MARKUP for at in marks):
        return
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
    if open_at and stray:
        return  # a mix the eye can't pair either: leave it to the writer
    for at in open_at:
        yield Diagnostic(RULE.id, at, at + 1,
                         f"This \"{text[at]}\" is never closed in its paragraph: add the "
                         "closing bracket where the aside ends.")
    for at in stray:
        yield Diagnostic(RULE.id, at, at + 1, f"This \"{text[at]}\" closes nothing: add the opening bracket "
                         "where the aside begins, or remove it.")


def _closes_aside(text: str, at: int, open_at: list[int]) -> bool:
    """`(or was it Wilde? but anyway:) he said`: a colon against a word, then the bracket, while an
    aside is open, ends the aside; a smiley stands apart from the word before it (`fun :)`)."""
    return bool(open_at) and text[at] == ")" and text[at - 1:at] in (":", ";") \
        and text[at - 2:at - 1].isalpha()


def _not_a_bracket(text: str, at: int, start: int) -> bool:
    """A smiley, a list marker or a drawn face, not a bracket of prose."""
    before = text[max(start, at - 3):at]
    after = text[at + 1:at + 3]
    if text[at] in ")]":
        return bool(_SMILEY_BEFORE.search(before) or _LIST_MARKER.search(text[max(start, at - 5):at]))
    return bool(_SMILEY_AFTER.match(after) or before.endswith(("<", ">")) or not after.strip()
                or after[:1] in "°^;:=")
