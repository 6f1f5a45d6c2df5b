"""Finding quotations in a paragraph, for the three quote styles fiction uses.

Double style: straight "…" or curly “…” (single quotes inside are nested
quotations and stay part of the dialogue). Single style (British): ‘…’ or
'…', where the same characters also serve as apostrophes ('em, rock 'n' roll,
the '90s, the boys' hats, goin'), so an apostrophe must be told from a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\"“"
SINGLE_OPEN = "'‘"

# Words that begin with an apostrophe standing for dropped letters.
ELISIONS = frozenset(
    """em tis twas twere twill til till cause cos coz bout round fore neath n un
    im er ere ome alf appen ow ad ave is e ee ye s t d ll re ve
    bus buses phone plane cello possum gator coon frisco cuz ware cept nother gainst twixt tween taint
    spose sposed scuse course kay morning evening night ello allo ey""".split()  # noqa: SIM905 - a word list
)
# Elisions that are also ordinary words or letters: capitalized, they start speech (‘Is it so nice?’).
_ORDINARY_WORDS = frozenset({"is", "im", "er", "ere", "ad", "ave", "ow", "e", "ee", "ye", "s", "t", "d", "ll",
                             "re", "ve", "n", "un", "alf", "ome", "appen", "morning", "evening", "night",
                             "course", "cause", "ello", "till", "round"})  # 'Till we meet again,' said he
_DECADE = re.compile(r"\d0s\b|\d\d\b")
_WORDCHAR = re.compile(r"\w")
_SINGLE_CANDIDATE = re.compile(r"['‘](?=[\w…—\-\"“])")
_OPENER_BEFORE = frozenset(" \t\r\n([—–-\"“")
_LEADING_MARKUP = re.compile(r"[\s*_>]*")
_DOUBLE_CHARS = re.compile(r"[\"“”]")
_SINGLE_CHARS = re.compile(r"['‘’]")
# A line that opens with a quotation mark, found after each line break (the search skips from one
# to the next as fast as str.find; `(?m)^` would try every position) and at the start of the text.
_LINE_OPENS_DOUBLE = re.compile(r"\n[ \t>*_]*[\"“]")
_LINE_OPENS_SINGLE = re.compile(r"\n[ \t>*_]*['‘](?=\w)")


@dataclass(frozen=True, slots=True)
class Quotation:
    open_at: int
    close_at: int | None  # None: still open at the paragraph's end
    open_char: str
    close_char: str = ""


def detect_style(text: str) -> str:
    """'single' when the manuscript quotes speech with single quotes, else 'double'."""
    doubles = text.count('"') + text.count("“") + text.count("”")
    singles = 0
    for m in _SINGLE_CANDIDATE.finditer(text):
        at = m.start()
        if (at == 0 or text[at - 1] in _OPENER_BEFORE) and not _is_elision(text, at):
            singles += 1
    if doubles == 0:
        return "single" if singles else "double"
    if singles > 2 * doubles + 10:
        return "single"
    # nested quotes put doubles inside singles: see which opens the lines
    line_doubles = len(_line_openings(_LINE_OPENS_DOUBLE, text))
    singles_at = _line_openings(_LINE_OPENS_SINGLE, text)
    line_singles = sum(1 for end in singles_at if not _is_elision(text, end - 1))
    return "single" if line_singles > 2 * line_doubles else "double"


def _line_openings(after_break: re.Pattern[str], text: str) -> list[int]:
    """Where each match of a line's opening ends: the first line's, then those after a line break."""
    line_break = text.find("\n")
    first = after_break.match("\n" + text[:line_break if line_break >= 0 else len(text)])
    ends = [first.end() - 1] if first else []
    return ends + [m.end() for m in after_break.finditer(text)]


def _is_elision(text: str, at: int) -> bool:
    """Is the apostrophe at `at` the start of an elided word ('em, '90s)?"""
    m = re.match(r"[A-Za-z]+", text[at + 1:at + 12])
    if m:
        word = m.group(0).lower()
        if m.group(0)[0].isupper() and word in _ORDINARY_WORDS:
            return False  # ‘Is it nice?’ - a capital starts speech, not a dropped h
        nxt = text[at + 1 + m.end():at + 2 + m.end()]
        return word in ELISIONS and nxt not in ("'", "’") or word == "n" and nxt in ("'", "’")
    return bool(_DECADE.match(text, at + 1))


def find_quotations(text: str, start: int, end: int, style: str) -> list[Quotation]:
    """Quotations in text[start:end], one paragraph, in order."""
    if style == "single":
        return _single_quotations(text, start, end)
    return _double_quotations(text, start, end)


def _double_quotations(text: str, start: int, end: int) -> list[Quotation]:
    if text.find("„", start, end) >= 0:
        return _low_quotations(text, start, end)
    found = _double_marks_quotations(text, start, end)
    if "‘" not in text[start:end]:
        return found
    curly: list[Quotation] = []
    pos = start
    for q in [*found, None]:
        gap_end = q.open_at if q else end
        if pos < gap_end:
            curly.extend(_curly_single_speech(text, pos, gap_end))
        pos = end if q is None or q.close_at is None else q.close_at + 1
    return sorted(found + curly, key=lambda q: q.open_at) if curly else found


def _curly_single_speech(text: str, start: int, end: int) -> list[Quotation]:
    """Speech in curly single quotes in a manuscript that quotes with double ones
    (‘Come to think of it, it reminds me.’): a curly opener before a capital that is
    no dropped letter, closed within the stretch by a curly quote after a sentence's
    mark. A ‘word’ in scare quotes has no such close and stays narration."""
    found: list[Quotation] = []
    pos = start
    while (at := text.find("‘", pos, end)) >= 0:
        pos = at + 1
        before = text[at - 1] if at > start else " "
        if not (before.isspace() or before in "([—–-*_") or not text[at + 1:at + 2].isupper():
            continue
        if _is_elision(text, at):
            continue
        close = _curly_close(text, at + 1, end)
        if close is not None:
            found.append(Quotation(at, close, "‘", "’"))
            pos = close + 1
    return found


def _curly_close(text: str, start: int, end: int) -> int | None:
    """The first curly closing quote after a sentence's mark, before any other opener."""
    for m in re.finditer("[‘’]", text[start:end]):
        at = start + m.start()
        if text[at] == "‘":
            return None
        after = text[at + 1:at + 2]
        if text[at - 1] in ".,!?…—–" and (not after or after.isspace() or after in "*_)"):
            return at
    return None


def _double_marks_quotations(text: str, start: int, end: int) -> list[Quotation]:
    found: list[Quotation] = []
    marks = [m.start() for m in _DOUBLE_CHARS.finditer(text, start, end)]
    open_at: int | None = start if _closes_earlier_speech(text, marks, start) else None
    open_char = ""
    for at in marks:
        ch = text[at]
        if open_at is None:
            if ch == "”" and not _opens_here(text, at, start):
                continue  # a stray closing curly quote: nothing to open
            open_at, open_char = at, ch
        elif ch == "“":
            continue  # a curly opener inside an open quotation: treat as nested
        else:
            found.append(Quotation(open_at, at, open_char, ch))
            open_at = None
    if open_at is not None:
        found.append(Quotation(open_at, None, open_char))
    return found


_LOW_CHARS = re.compile(r"[„“”]")


def _low_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """Quotations of a paragraph that opens them with a low quote, as German and much of Europe
    do (`„What contract?“ she blinked`): the low quote opens and the high one, “ or ”, closes it."""
    found: list[Quotation] = []
    open_at: int | None = None
    for m in _LOW_CHARS.finditer(text, start, end):
        at = m.start()
        if open_at is None:
            if text[at] == "„":
                open_at = at
        elif text[at] != "„":  # a second low quote inside an open one: nested
            found.append(Quotation(open_at, at, "„", text[at]))
            open_at = None
    if open_at is not None:
        found.append(Quotation(open_at, None, "„"))
    return found


def _closes_earlier_speech(text: str, marks: list[int], start: int) -> bool:
    """Is the paragraph's first quote mark the end of a speech that began in an
    earlier paragraph (a speech that runs on through verse or a letter)? A
    curly closing quote says so; a straight one does when it hangs on a word
    (`We need it!"`) and the paragraph's straight quotes don't pair up."""
    if not marks:
        return False
    at = marks[0]
    if text[at] == "”":
        return not _opens_here(text, at, start)
    if text[at] != '"' or len(marks) % 2 == 0 or at == start or text[at - 1].isspace():
        return False
    after = text[at + 1:at + 2]
    return not after or after.isspace() or after in ",.;:!?—–-)"


def _opens_here(text: str, at: int, start: int) -> bool:
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return before.isspace() and not after.isspace()


def _single_quotations(text: str, start: int, end: int) -> list[Quotation]:
    found: list[Quotation] = []
    open_at: int | None = None
    open_char = ""
    positions = [m.start() for m in _SINGLE_CHARS.finditer(text, start, end)]
    if _single_closes_earlier_speech(text, positions, start, end):
        open_at = start
    for i, at in enumerate(positions):
        ch = text[at]
        if open_at is None:
            if _single_opens(text, at, start):
                open_at, open_char = at, ch
            continue
        if not _single_closes(text, at, end):
            continue
        later = positions[i + 1:]
        if _definitely_closes(text, at, end) or not _later_definite_close(text, later, start, end):
            found.append(Quotation(open_at, at, open_char, ch))
            open_at = None
    if open_at is not None:
        found.append(Quotation(open_at, None, open_char))
    return found


def _single_closes_earlier_speech(text: str, positions: list[int], start: int, end: int) -> bool:
    """Does the paragraph's first quote mark (not an apostrophe) close a speech
    begun in an earlier paragraph (`Do you get the idea?’` after verse)?"""
    for at in positions:
        if _single_opens(text, at, start):
            return False
        if _definitely_closes(text, at, end):
            return True
    return False


def _single_opens(text: str, at: int, start: int) -> bool:
    if text[at] == "’":
        return False
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if after.isspace():
        # `' Thank you,' he said`: a stray space after the paragraph's opening quote
        return at == start and text[at + 1:at + 3].strip()[:1].isupper()
    # a curly opening quote opens even when glued to the narration (`said.‘Now.’`)
    if not (before.isspace() or before in "([—–-\"“" or text[at] == "‘"):
        return False
    return not _is_elision(text, at)


def _single_closes(text: str, at: int, end: int) -> bool:
    if text[at] == "‘":
        return False
    before = text[at - 1]
    after = text[at + 1] if at + 1 < end else " "
    if _WORDCHAR.match(after):
        # don't, it's; but after a mark it closes, glued to the next word (`'Mr Hale,'she said`),
        # unless it is a possessive after an abbreviation or a numeral (`Charles II.'s expedition`)
        return before in ".,!?;:—–…" and not (before == "." and _POSSESSIVE_S.match(text, at + 1, end))
    return not before.isspace()


_POSSESSIVE_S = re.compile(r"s(?![\w'’])")


def _definitely_closes(text: str, at: int, end: int) -> bool:
    return _single_closes(text, at, end) and text[at - 1] in ".,!?;:—–-…"


def _later_definite_close(text: str, later: list[int], start: int, end: int) -> bool:
    """A closing quote after punctuation follows before the next opener: the
    candidate at hand (a quote mark after a letter) is then an apostrophe (the
    boys' hats, goin')."""
    for at in later:
        if _single_opens(text, at, start):
            return False
        if _definitely_closes(text, at, end):
            return True
    return False


def opens_with_quote(text: str, start: int, end: int, style: str) -> bool:
    """Does the paragraph at text[start:end] begin (after markup) with an opening quote?"""
    m = _LEADING_MARKUP.match(text, start, end)
    at = m.end() if m else start
    if at >= end:
        return False
    ch = text[at]
    if style == "single":
        return ch in SINGLE_OPEN and _single_opens(text, at, start)
    return ch in DOUBLE_OPEN


def continues_speech(text: str, start: int, end: int, style: str) -> bool:
    """Does the paragraph at text[start:end] carry on a speech left open in the
    paragraph before: it opens with a quote (the usual multi-paragraph speech)
    or its first quote mark closes the speech (after verse or a letter)?"""
    if opens_with_quote(text, start, end, style):
        return True
    if style == "single":
        singles = [m.start() for m in _SINGLE_CHARS.finditer(text, start, end)]
        return _single_closes_earlier_speech(text, singles, start, end)
    return _closes_earlier_speech(text, [m.start() for m in _DOUBLE_CHARS.finditer(text, start, end)], start)
