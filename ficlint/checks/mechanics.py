"""Mechanics: the small slips of typing fast. Two-dot ellipses, a missing space
after a full stop, a lowercase "i", a sentence that starts lowercase, a doubled
word, a paragraph of narration with no full stop at its end."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.document import ABBREVIATIONS, Document, Paragraph, Region, RegionKind
from ficlint.resources import load_data
from ficlint.rule import Rule

_WRITING = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)

TWO_DOT_ELLIPSIS = Rule(
    id="M001",
    name="two-dot-ellipsis",
    category="punctuation",
    summary="Two dots where an ellipsis (three dots) is meant.",
    why="An ellipsis has three dots. Two dots read as a typo and make the pause look accidental.",
    flags=("\"stop it..stop crying,\" she said.", "You're not alone.. that is what you need."),
    allows=("\"stop it... stop crying,\" she said.", "She waited… and waited.",
            "Go up one folder with cd ../notes."),
    fix_safety="Safe: the replacement keeps the manuscript's own ellipsis style (… or ...).",
)
MISSING_SPACE = Rule(
    id="M002",
    name="missing-space-after-punctuation",
    category="punctuation",
    summary="A sentence ends and the next begins with no space between them (`No!I`).",
    why="Without the space the two sentences run together and the reader stumbles.",
    flags=("\"No!I can't leave you.\"", "She left.Then he cried."),
    allows=("\"No! I can't leave you.\"", "They flew to the U.S. on Monday.", "Visit example.com for more.",
            "It was 3.5 miles away."),
)
LOWERCASE_I = Rule(
    id="M003",
    name="lowercase-i",
    category="capitalization",
    summary="The pronoun I written as a lowercase `i`.",
    why="The pronoun I is always a capital. A lowercase i looks like a text message, not a story.",
    flags=("This is my second fic, so i hope you enjoy.", "\"i know it hurts,\" he said.",
           "Then i'm leaving."),
    allows=("I hope you enjoy.", "Items (i) and (ii) were missing.", "Bring snacks, i.e. crisps.",
            "Dear sor, dat i wont to tank you. i haf bin sick, so i like to heir wat you tink."),
    severity=Severity.ERROR,
)
LOWERCASE_SENTENCE_START = Rule(
    id="M004",
    name="lowercase-sentence-start",
    category="capitalization",
    summary="A sentence of narration that starts with a lowercase letter.",
    why="A capital letter tells the reader a new sentence has begun; without it sentences blur together.",
    flags=("what did you think? please comment.", "She left. he stayed behind."),
    allows=("She waited... and then she left.", "It cost 5 p.m. prices.", "He bought an iPhone. eBay had it.",
            "What did you think? Please comment.", "Oh! no wonder she wept.",
            "What was its future? she wondered.", "She was reconciled . . . for an hour.",
            "It cost 6s. 1d. or more.", "He read Henry VIII. of course.",
            "Bang! went the drums.", "\"Here's Molly Loo!\"\n\nsang out another."),
)
DOUBLED_WORD = Rule(
    id="M005",
    name="doubled-word",
    category="grammar",
    summary="The same small word twice in a row (`the the`).",
    why="A doubled word is a classic slip the eye skips over when rereading your own text.",
    flags=("She walked to the the door.", "He gave it to to her."),
    allows=("\"No, no, no,\" she said.", "What he had had was enough.", "She knew that that was wrong."),
)
MISSING_END_PUNCTUATION = Rule(
    id="M006",
    name="missing-end-punctuation",
    category="punctuation",
    summary="A paragraph of narration that ends without a full stop, question or exclamation mark.",
    why="A paragraph that just stops looks unfinished; readers wonder whether text is missing.",
    flags=("He placed a soft kiss on her forehead and then headed out the door",
           "\"Wait,\" she said, and began to cry again"),
    allows=("He headed out the door.", "Chapter Three", "* * *", "*Meet me at eight*",
            "Thanks for reading ;p",
            "They made a banner bearing the legend\n\n     SHE IS NEARLY WELL THANK YOU\n\nand hung it out.",
            "Her phone buzzed.\n\nSTEVE: u up\n\nDANI: on my way\n\nShe grabbed her keys."),
    fix_safety="Unsafe: the paragraph may want a question mark or an exclamation mark, not a full stop.",
)

# Patterns start with what they look for; context before a match is checked in
# Python on the few candidates (a leading lookbehind makes the scan ~10x slower).
_TWO_DOTS = re.compile(r"\.\.(?![.…/\\])")
_RUN_ON = re.compile(r"(?P<mark>[!?]{2,3}|[.!?])(?P<next>[A-Z][a-z]+|I\b|I['’])")
_LOWER_I = re.compile(r"\bi(?:['’](?:m|ll|ve|d))?(?![\w.)-]|['’](?!m\b|ll\b|ve\b|d\b))")
_PRONOUN_I = re.compile(r"i(?:['’](?:m|ll|ve|d))?")
_ASCII_LETTERS = re.compile(r"[A-Za-z]{2}")
_NOT_BEFORE_I = re.compile(r"['’(-]|\w\.")
_DOUBLED = re.compile(r"\b(?P<first>\w+)(?P<gap>\s+)(?i:(?P=first))\b")
_SENTENCE_THEN_LOWER = re.compile(
    r"(?P<mark>[.?!])(?P<space>[ \t]+|[ \t]*\r?\n[ \t]*)(?P<word>[a-z][\w'’-]*)")
_PARA_START_LOWER = re.compile(r"[*_\s]*(?P<word>[a-z][\w'’-]*)")
_EMOTICON_END = re.compile(r"(?:[:;=xX8][-']?[)(\]\[dDpPoO3/\\|*]|<3|\^_*\^|[xX][dD]|T_T|[)(]+)\s*$")
_TRAILING_MARKS = " \t*_~"
_VOICE_MIN_LOWER_I = 3
_CAPITAL_I = re.compile(r"\bI\b")
_SPACED_ELLIPSIS_BEFORE = re.compile(r"\.[ \t]$")
_ROMAN = re.compile(r"(?=[MDCLXVI]{2})M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
                    r"|i{2,3}|iv|vi{0,3}|ix|xi{0,3}")
_FINISHED = re.compile(r"[.!?…][\"”’'\)\]*_]*$")


class Mechanics(Check):
    family = "mechanics"
    rules = (TWO_DOT_ELLIPSIS, MISSING_SPACE, LOWERCASE_I, LOWERCASE_SENTENCE_START, DOUBLED_WORD,
             MISSING_END_PUNCTUATION)

    @cached_property
    def doubled_words(self) -> frozenset[str]:
        return frozenset(str(w).lower() for w in load_data("doubled-words")["words"])

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        regions = doc.regions_of(*_WRITING)
        if ctx.is_enabled(TWO_DOT_ELLIPSIS.id):
            yield from self._two_dots(doc, regions)
        if ctx.is_enabled(MISSING_SPACE.id):
            yield from self._run_on(doc, regions)
        if ctx.is_enabled(LOWERCASE_I.id):
            yield from self._lowercase_i(doc, regions)
        if ctx.is_enabled(LOWERCASE_SENTENCE_START.id):
            yield from self._lowercase_starts(doc)
        if ctx.is_enabled(DOUBLED_WORD.id):
            yield from self._doubled(doc, regions)
        if ctx.is_enabled(MISSING_END_PUNCTUATION.id):
            yield from self._unfinished_paragraphs(doc)

    def _two_dots(self, doc: Document, regions: list[Region]) -> Iterator[Diagnostic]:
        ellipsis = "…" if doc.text.count("…") > doc.text.count("...") else "..."
        for region in regions:
            for m in _TWO_DOTS.finditer(doc.text, region.start, region.end):
                if m.start() > 0 and doc.text[m.start() - 1] in ".…" or _is_number_range(doc.text, m.start()):
                    continue
                yield Diagnostic(TWO_DOT_ELLIPSIS.id, m.start(), m.end(),
                                 f"Two dots: an ellipsis has three (\"{ellipsis}\").",
                                 (Fix(m.start(), m.end(), ellipsis),))

    def _run_on(self, doc: Document, regions: list[Region]) -> Iterator[Diagnostic]:
        text = doc.text
        for region in regions:
            for m in _RUN_ON.finditer(text, region.start, region.end):
                if not _ASCII_LETTERS.fullmatch(text, max(0, m.start() - 2), m.start()):
                    continue
                before = re.search(r"[\w.]+$", text[max(0, m.start() - 15):m.start()])
                if m.group("mark") == "." and before and before.group(0).lower().rstrip(".") in ABBREVIATIONS:
                    continue
                if m.group("mark") == "." and _looks_like_domain(text, m.start(), m.end("next")):
                    continue
                at = m.end("mark")
                yield Diagnostic(MISSING_SPACE.id, m.start(), m.start("next") + 1,
                                 f"No space after \"{m.group('mark')}\": "
                                 "the next sentence runs into this one.",
                                 (Fix(at, at, " "),))

    def _lowercase_i(self, doc: Document, regions: list[Region]) -> Iterator[Diagnostic]:
        """Every lowercase pronoun i, except in a paragraph of story text that
        writes i throughout and never I: a character's voice (an unlettered
        letter, a text message), not a slip."""
        text = doc.text
        by_paragraph: dict[int, list[tuple[Region, re.Match[str]]]] = {}
        for region in regions:
            for m in _LOWER_I.finditer(text, region.start, region.end):
                if _NOT_BEFORE_I.match(text, max(0, m.start() - 2), m.start()) or \
                        _NOT_BEFORE_I.match(text, max(0, m.start() - 1), m.start()):
                    continue
                by_paragraph.setdefault(region.paragraph, []).append((region, m))
        for index, found in by_paragraph.items():
            if len(found) >= _VOICE_MIN_LOWER_I and not self._has_capital_i(doc, index):
                found = [(r, m) for r, m in found if r.kind is RegionKind.AUTHOR_NOTE]
            for _, m in found:
                word = m.group(0)
                yield Diagnostic(LOWERCASE_I.id, m.start(), m.start() + 1,
                                 f"\"{word}\": the pronoun I is always a capital.",
                                 (Fix(m.start(), m.start() + 1, "I"),))

    @staticmethod
    def _has_capital_i(doc: Document, index: int) -> bool:
        para = doc.paragraphs[index]
        return _CAPITAL_I.search(doc.text, para.start, para.end) is not None

    def _lowercase_starts(self, doc: Document) -> Iterator[Diagnostic]:
        """Lowercase after a full stop, anywhere in narration or a note; after
        "!" or "?" only in author's notes: in narration a lowercase word there is
        a device ("Oh! no wonder", "What was its future? she wondered")."""
        text = doc.text
        for region in doc.regions_of(RegionKind.NARRATION, RegionKind.AUTHOR_NOTE):
            in_note = region.kind is RegionKind.AUTHOR_NOTE
            if self._starts_paragraph(doc, region) and (in_note or _follows_finished_paragraph(doc, region)):
                m = _PARA_START_LOWER.match(text, region.start, region.end)
                if m and _is_plain_lowercase(m.group("word")) and not doc.in_emphasis(m.start("word")):
                    yield self._lowercase_start(m, "A paragraph")
            for m in _SENTENCE_THEN_LOWER.finditer(text, region.start, region.end):
                if m.group("mark") != "." and not in_note:
                    continue
                if not _is_plain_lowercase(m.group("word")) or not _ends_sentence(text, m.start("mark")):
                    continue
                yield self._lowercase_start(m, "A sentence")

    def _starts_paragraph(self, doc: Document, region: Region) -> bool:
        regions = doc.paragraph_regions(region.paragraph)
        return bool(regions) and regions[0] is region

    def _lowercase_start(self, m: re.Match[str], what: str) -> Diagnostic:
        word = m.group("word")
        fixed = word[0].upper() + word[1:]
        start = m.start("word")
        return Diagnostic(LOWERCASE_SENTENCE_START.id, start, m.end("word"),
                          f"{what} starts with a lowercase \"{word}\": write \"{fixed}\".",
                          (Fix(start, start + 1, fixed[0]),))

    def _doubled(self, doc: Document, regions: list[Region]) -> Iterator[Diagnostic]:
        words = self.doubled_words
        for region in regions:
            for m in _DOUBLED.finditer(doc.text, region.start, region.end):
                if m.group("first").lower() not in words:
                    continue
                second = m.end("gap")
                yield Diagnostic(DOUBLED_WORD.id, m.start(), m.end(),
                                 f"\"{m.group('first')}\" twice in a row.",
                                 (Fix(m.end("first"), second + len(m.group("first")), ""),))

    def _unfinished_paragraphs(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for para in doc.paragraphs:
            if para.kind is not RegionKind.NARRATION or para.indented:
                continue
            if _leads_into_indented_block(doc, para) or para.index in doc.exchange_paragraphs:
                continue  # a text message ("DANI: on my way") needs no full stop
            regions = [r for r in doc.paragraph_regions(para.index) if r.kind is not RegionKind.MARKUP]
            if not regions or regions[-1].kind is not RegionKind.NARRATION:
                continue
            last = regions[-1]
            body = text[last.start:last.end].rstrip(_TRAILING_MARKS)
            if not body or not body[-1].isalnum() or _EMOTICON_END.search(body):
                continue
            one_line = "\n" not in text[para.start:para.end]
            if _whole_paragraph_emphasised(doc, para.start, para.end) or (
                    one_line and _is_short_label(text[para.start:para.end])):
                continue
            end = last.start + len(body)
            word = re.search(r"[\w'’-]+$", body)
            start = end - len(word.group(0)) if word else end - 1
            yield Diagnostic(MISSING_END_PUNCTUATION.id, start, end,
                             "The paragraph ends without punctuation: finish the sentence with a full stop "
                             "(or ? or !).",
                             (Fix(end, end, ".", safe=False),))


def _is_number_range(text: str, at: int) -> bool:
    """`1..10`: a range, not an ellipsis."""
    return text[at - 1:at].isdigit() and text[at + 2:at + 3].isdigit()


def _is_plain_lowercase(word: str) -> bool:
    """A lowercase word that is not a brand like iPhone or eBay, nor the
    pronoun i (M003 reports that one, once)."""
    return word[:1].islower() and not any(c.isupper() for c in word[1:]) and not _PRONOUN_I.fullmatch(word)


def _ends_sentence(text: str, at: int) -> bool:
    """Does the mark at `at` end a sentence (not an abbreviation, initial or ellipsis)?"""
    mark = text[at]
    if mark != ".":
        return True
    if at > 0 and text[at - 1] in ".…" or text[at + 1:at + 2] == ".":
        return False
    if _SPACED_ELLIPSIS_BEFORE.search(text, max(0, at - 4), at):
        return False  # the last dot of ". . ."
    token = re.search(r"[\w.]+$", text[max(0, at - 12):at])
    word = token.group(0) if token else ""
    lower = word.lower()
    if lower in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:\w\.)+\w", lower):
        return False
    # "6s. 1d.", "No. 4", "Henry VIII.", "Frobisher ii.": numbers and numerals, not sentence ends
    return not (any(c.isdigit() for c in word) or _ROMAN.fullmatch(word))


def _follows_finished_paragraph(doc: Document, region: Region) -> bool:
    """Is the paragraph before this one a finished paragraph of narration (or
    is there none)? After verse, a letter, a sign, a colon or a paragraph of
    speech, a lowercase start continues the sentence ("sang the boys")."""
    if doc.paragraphs[region.paragraph].indented:
        return False  # verse, a letter, a sign: its own capitalisation
    previous = _previous_block(doc, region.paragraph)
    if previous is None or previous.kind is RegionKind.SCENE_BREAK:
        return True
    if previous.kind is RegionKind.HEADING:
        return not previous.indented  # an indented line in capitals is a sign, not a chapter title
    if previous.kind is not RegionKind.NARRATION or previous.indented:
        return False
    regions = [r for r in doc.paragraph_regions(previous.index) if r.kind is not RegionKind.MARKUP]
    if not regions or regions[-1].kind is not RegionKind.NARRATION:
        return False
    ending = doc.text[regions[-1].start:regions[-1].end].rstrip()
    return bool(_FINISHED.search(ending))


def _leads_into_indented_block(doc: Document, para: Paragraph) -> bool:
    """Does the paragraph run on into an indented block: verse, a sign, a
    letter ("a banner bearing the legend / SHE IS NEARLY WELL")?"""
    paragraphs = doc.paragraphs
    for i in range(para.index + 1, len(paragraphs)):
        if paragraphs[i].kind is not RegionKind.MARKUP:
            return paragraphs[i].indented and paragraphs[i].kind is not RegionKind.SCENE_BREAK
    return False


def _previous_block(doc: Document, index: int) -> Paragraph | None:
    paragraphs = doc.paragraphs
    for i in range(index - 1, -1, -1):
        if paragraphs[i].kind is not RegionKind.MARKUP:
            return paragraphs[i]
    return None


def _looks_like_domain(text: str, start: int, end: int) -> bool:
    return bool(re.match(r"[A-Z][a-z]+\.(?:com|org|net|io|uk)\b", text[start - 20:end + 5]))


def _whole_paragraph_emphasised(doc: Document, start: int, end: int) -> bool:
    return any(s.start <= start + 1 and s.end >= end - 1 for s in doc.emphasis)


def _is_short_label(line: str) -> bool:
    """A one- or two-word line such as a sign-off or a text message name ("Love, Mum")."""
    return len(line.split()) <= 2


CHECKS = [Mechanics]
