"""M004 lowercase-sentence-start: a sentence of narration that starts with a lowercase letter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import ends_sentence, part_of_ellipsis
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import Paragraph, Region, RegionKind
from ficlint.rule import Rule, examples
from ficlint.rules.common import PRONOUN_I, capitalized
from ficlint.rules.mechanics._style import chapter_in_lowercase, written_by_ear, written_in_lowercase

RULE = Rule(
    id="M004",
    name="lowercase-sentence-start",
    category="capitalization",
    summary="A sentence of narration that starts with a lowercase letter.",
    why="A capital letter tells the reader a new sentence has begun; without it sentences blur together.",
    examples=examples(
        ("what did you think? please comment.", "What did you think? Please comment."),
        ("She left. he stayed behind.", "She left. He stayed behind."),
    ),
    allows=("She waited... and then she left.", "It cost 5 p.m. prices.", "He bought an iPhone. eBay had it.",
            "What did you think? Please comment.", "Oh! no wonder she wept.",
            "What was its future? she wondered.", "She was reconciled . . . for an hour.",
            "It cost 6s. 1d. or more.", "He read Henry VIII. of course.",
            "Bang! went the drums.", "\"Here's Molly Loo!\"\n\nsang out another.",
            "Dear sor, as you haf bin treading mee for a fue weaks. the Doctor heir say wat shot bee rong.",
            "fuck, fuck i cant breathe. something is dripping down my face. it wont budge.",
            "THE LIFE\n\nof\n\nPULCI", "ANNE OF GEIERSTEIN\n\nby\n\nSIR WALTER SCOTT", "by Mark Twain",
            "See the _Decameron, Giorn_. vi. _Nov. 9_.", "It is in his Vita Nuova. p. 343 has it.",
            "Francis I. sent for her.", "Mme. du Tillet smiled.", "See lib. iii. cap. i. of the work."),
)

_SENTENCE_THEN_LOWER = re.compile(
    r"(?P<mark>[.?!])(?P<space>[ \t]+|[ \t]*\r?\n[ \t]*)(?P<word>[a-z][\w'’-]*)")
_PARA_START_LOWER = re.compile(r"[*_\s]*(?P<word>[a-z][\w'’-]*)")
# A reference that may follow a source's full stop in lowercase: a Roman numeral or a page ("vol. ii. p. 148",
# "_Decameron, Giorn_. vi. _Nov. 9_", "Vita Nuova_. p. 343").
_CITATION = re.compile(r"(?:[clxvi]{2,}[.,;]|pp?\.[ \t]*\d|ut\s+sup\b|vol\.?\s)")
# A title page's line: "by" over the author's name, or a lone small word ("THE LIFE // of // PULCI").
_TITLE_PAGE_LINE = re.compile(
    r"[ \t]*(?:by(?:[ \t]+[A-Z][\w.'’-]*){0,4}|of|and|or|the|in|with|from|for|to|an?)[ \t]*"
)
_FINISHED = re.compile(r"[.!?…][\"”’'\)\]*_]*$")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    """Lowercase after a full stop, anywhere in narration or a note; after
    "!" or "?" only in author's notes: in narration a lowercase word there is
    a device ("Oh! no wonder", "What was its future? she wondered")."""
    text = doc.text
    if chapter_in_lowercase(doc):
        return  # the chapter's style: `remus hummed a reply. sirius laughed.`
    for region in doc.regions_of(RegionKind.NARRATION, RegionKind.AUTHOR_NOTE):
        in_note = region.kind is RegionKind.AUTHOR_NOTE
        if _starts_paragraph(doc, region):
            m = _PARA_START_LOWER.match(text, region.start, region.end)
            if m and _is_plain_lowercase(m.group("word")) and not _TITLE_PAGE_LINE.fullmatch(
                    text, region.start, doc.paragraphs[region.paragraph].end) \
                    and (in_note or _follows_finished_paragraph(doc, region)) \
                    and not doc.in_emphasis(m.start("word")) and not _on_purpose(doc, region, in_note):
                yield _lowercase_start(m, "A paragraph")
        for m in _SENTENCE_THEN_LOWER.finditer(text, region.start, region.end):
            if m.group("mark") != "." and not in_note:
                continue
            if _is_plain_lowercase(m.group("word")) and _full_stop_ends_sentence(text, m.start("mark")) \
                    and not _CITATION.match(text, m.start("word")) \
                    and not _on_purpose(doc, region, in_note) and not written_by_ear(doc, region.paragraph):
                yield _lowercase_start(m, "A sentence")


def _on_purpose(doc: AnalyzedDocument, region: Region, in_note: bool) -> bool:
    """A voice set in lowercase on purpose (asked only before a finding: it reads the paragraph)."""
    return not in_note and written_in_lowercase(doc, region.paragraph)


def _full_stop_ends_sentence(text: str, at: int) -> bool:
    """A full stop that is not an abbreviation, an initial, a number or part of an ellipsis."""
    return not part_of_ellipsis(text, at) and ends_sentence(text, at)


def _starts_paragraph(doc: AnalyzedDocument, region: Region) -> bool:
    regions = doc.paragraph_regions(region.paragraph)
    return bool(regions) and regions[0] is region


def _is_plain_lowercase(word: str) -> bool:
    """A lowercase word that is not a brand like iPhone or eBay, the pronoun i (M003
    reports that one, once), nor a title (`mrs. Okafor`: the title rule reports it)."""
    return word[:1].islower() and not any(c.isupper() for c in word[1:]) and not PRONOUN_I.fullmatch(word) \
        and word not in _TITLES


_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "st"})


def _lowercase_start(m: re.Match[str], what: str) -> Diagnostic:
    word = m.group("word")
    fixed = capitalized(word)
    start = m.start("word")
    message = f"{what} starts with a lowercase \"{word}\": write \"{fixed}\"."
    return Diagnostic(RULE.id, start, m.end("word"), message, (Fix(start, start + 1, fixed[0]),))


def _follows_finished_paragraph(doc: AnalyzedDocument, region: Region) -> bool:
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


def _previous_block(doc: AnalyzedDocument, index: int) -> Paragraph | None:
    paragraphs = doc.paragraphs
    for i in range(index - 1, -1, -1):
        if paragraphs[i].kind is not RegionKind.MARKUP:
            return paragraphs[i]
    return None
