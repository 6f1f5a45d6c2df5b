"""Where sentences end: the one sentence splitter every family and reporter uses.

A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes,
brackets and emphasis marks after it) followed by white space, except:

- after an abbreviation or a title ("Mr.", "Dr.", "St.", "etc.", "a.m."), a
  middle initial ("Julius P. Hersheimmer"), a number or a Roman numeral
  ("No. 4", "Henry VIII. was");
- the dots inside an ellipsis, spaced or not (". . .");
- any of them when the next word carries the sentence on in lowercase
  ("She waited... and waited.", `"Why?" he asked.`, "Oh! no wonder she wept").

An em dash or a double hyphen followed by a closing quote ends a sentence of
speech that is cut off (`"I was going to—" She stopped.`) when a capital
follows; a bare dash inside narration never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.document.model import Span

_ABBREVIATION_WORDS = """mr mrs ms mx dr st jr sr prof capt col gen lt sgt rev hon mt ave co inc ltd vs etc
    e.g i.e cf fig no vol ch pp approx dept est jan feb mar apr jun jul aug sep sept oct nov dec ps pps
    viz esq mme mlle mmes messrs ibid cit seq sqq"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

# A sentence-ending mark with what may close around it, then white space: a run of [.!?], "…",
# or "—" / "--" before a closing quote or emphasis mark. Written to start with one character class
# (the branch is chosen by a look back at it) so that the search skips to those characters at C
# speed; `(?:[.!?]+|…|(?:—|--)(?=["”’'*_]))` first would try every position of the text.
_END = re.compile(r"[.!?…—-](?:(?<=[.!?])[.!?]*|(?<=…)|(?<=—)(?=[\"”’'*_])|(?<=-)-(?=[\"”’'*_]))"
                  r"[\"”’'\)\]*_]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"[\w.'’]+$")  # the word (or initials) a full stop ends: "can't", "a.m"
_INITIALS = re.compile(r"(?:\w\.)+\w")  # e.g, i.e, u.s, p.m
_ROMAN = re.compile(r"(?=[MDCLXVI]{2})M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
                    r"|i{2,3}|iv|vi{0,3}|ix|xi{0,3}")
# The other small numerals (xxiv, lxi) only after a numbering word or a capitalised one ("vol. xxiv.",
# "ch. lxi.", "Canto xxvii.", "Rey xxx."): after a lowercase word, xx is a kiss, cv a résumé, xl a size.
_CITED_ROMAN = re.compile(r"(?=[clxvi]{2})c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_CITED_BEFORE = re.compile(
    r"\b(?:[A-Z]\w*|(?i:pp?|vol|ch|chap|lib|cap|sect|tom|art|book|part|note))\.?[ \t]+$")
# Abbreviations that are also words: an abbreviation only before a number ("No. 4", "Fig. 2"). The
# ones after pp are not in ABBREVIATIONS, which other rules read as always abbreviations: Tom.He, art.It
_NUMBERING = frozenset({"no", "fig", "vol", "ch", "pp", "lib", "cap", "chap", "sect", "tom", "art"})
_DIGIT_NEXT = re.compile(r"[ \t]*\d")
# Vol., Fig. and Ch. also number with a Roman numeral ("Vol. II.", "ch. iv."); "No. I" is an answer.
_NUMERAL_NEXT = re.compile(r"[ \t]*(?:\d|[IVXLC]{2,}\b|[IVXLCivxlc]+\.)")
# A Roman "I." after a numbering word is a numeral ("Vol. I. p. 451", "Note I.", "Fig. I. which"); so is
# a king's after his name ("Francis I. sent for her"), which a lowercase word then carries on.
_REGNAL_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_NUMBERED_BEFORE = re.compile(r"\b(?:vol|fig|ch|chap|note|plate|part|book|no)\.?[ \t]+$", re.I)
# The points of the compass, abbreviated in logs and surveys: "bore WNW. distant six leagues".
_COMPASS = frozenset(["NE", "NW", "SE", "SW", "NNE", "ENE", "ESE", "SSE", "SSW", "WSW", "WNW", "NNW"])
_SPACED_ELLIPSIS_BEFORE = re.compile(r"\.[ \t]$")
_NEXT_WORD = re.compile(r"\s*[\"“‘'(\[*_]*(\S)")
OPENERS = " \t\r\n\"'“‘([*_"  # what may stand between a sentence end and the next sentence's first letter


def part_of_ellipsis(text: str, dot_at: int) -> bool:
    """Is the full stop at `dot_at` one of the dots of an ellipsis ("...", ". . .")?"""
    if text[dot_at - 1:dot_at] in (".", "…") or text[dot_at + 1:dot_at + 2] == ".":
        return True
    return text[dot_at + 1:dot_at + 3] in (" .", "\t.") or bool(
        _SPACED_ELLIPSIS_BEFORE.search(text, max(0, dot_at - 4), dot_at))


def ends_sentence(text: str, mark_at: int) -> bool:
    """Can the mark at `mark_at` end a sentence, judged by what comes before it?

    Only full stops can be something else (an abbreviation, an initial, a
    number, a dot inside an ellipsis); `!`, `?`, `…` and dashes always can, and
    so can an ellipsis's last dot: whether it does depends on what follows.
    """
    if text[mark_at] != ".":
        return True
    if part_of_ellipsis(text, mark_at):
        return not (text[mark_at + 1:mark_at + 2] == "." or text[mark_at + 1:mark_at + 3] in (" .", "\t."))
    token = _TOKEN_BEFORE.search(text, max(0, mark_at - 12), mark_at)
    word = token.group(0).strip("_") if token else ""  # "_i. e._", "_Giorn_.": the underscores of italics
    lower = word.lower()
    if lower in _NUMBERING:  # "No." said in answer, not "No. 4"
        return not (_DIGIT_NEXT if lower == "no" else _NUMERAL_NEXT).match(text, mark_at + 1)
    if word == "I" and (_NUMBERED_BEFORE.search(text, max(0, mark_at - 12), mark_at - 1)
                        or _REGNAL_BEFORE.search(text, max(0, mark_at - 16), mark_at - 1)
                        and _carried_on(text, mark_at + 1, mark_at + 41)):
        return False
    if word in _COMPASS:
        return False
    if lower in ABBREVIATIONS or _INITIALS.fullmatch(lower):
        return False
    possessive = token is not None and token.start() > 0 and text[token.start() - 1] in "'’"
    if len(word) == 1 and word.isalpha() and word != "I" and not possessive:
        return False  # a middle initial: "Julius P. Hersheimmer", not the s of "the merchant’s."
    has_digit = not word.isalpha() and any(map(str.isdigit, word))  # a letter is never a digit
    cited = token is not None and _cited_numeral(text, word, token.start())
    return not (has_digit or _ROMAN.fullmatch(word) or cited)


def _cited_numeral(text: str, word: str, start: int) -> bool:
    """Is `word` (at `start`) a small Roman numeral after a numbering word (vol. xxiv., ch. lxi.)?"""
    return bool(_CITED_ROMAN.fullmatch(word)) and bool(_CITED_BEFORE.search(text, max(0, start - 8), start))


def _carried_on(text: str, end: int, limit: int) -> bool:
    """Does the next word carry the sentence on (starts lowercase, or is a digit)?"""
    m = _NEXT_WORD.match(text, end, min(limit, end + 40))
    return bool(m) and (m.group(1).islower() or m.group(1).isdigit())


def split(text: str, start: int, end: int) -> Iterator[Span]:
    """The sentences of text[start:end] (one paragraph), white space between them left out."""
    begin = start
    for m in _END.finditer(text, start, end):
        mark_at = m.start() + len(m.group(0).rstrip("\"”’')]*_")) - 1
        if not ends_sentence(text, mark_at):
            continue
        if _carried_on(text, m.end(), end):
            continue  # "She waited... and waited.", "Why?" he asked., Oh! no wonder
        yield Span(begin, m.end())
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        yield Span(begin, end)


def sentence_start(text: str, at: int, paragraph_start: int) -> str:
    """Does the word at `at` open a sentence? "yes": the paragraph's first word or
    the first after a sentence end (quotes, brackets and emphasis marks between);
    "maybe": after an ellipsis, a colon or a cut-off speech, where either case is
    right; "no": anywhere else."""
    i = at - 1
    while i >= paragraph_start and text[i] in OPENERS:
        i -= 1
    if i < paragraph_start:
        return "yes"
    while i > paragraph_start and text[i] in "\"”’')]*_":
        i -= 1
    mark = text[i]
    if mark in "!?":
        return "yes"
    if mark == "…" or mark == "." and part_of_ellipsis(text, i):
        return "maybe"
    if mark == ".":
        return "yes" if ends_sentence(text, i) else "no"
    return "maybe" if mark in ":—-" else "no"
