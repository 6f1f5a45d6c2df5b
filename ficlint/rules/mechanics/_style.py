"""What the mechanics rules share: paragraphs a writer sets in lowercase, or spells by ear, on purpose."""

from __future__ import annotations

import re

from ficlint.analysis import AnalyzedDocument
from ficlint.document import RegionKind
from ficlint.rules.common import PRONOUN_I

# The first letter of the paragraph, and the first letter after each full stop, ! or ?.
_STARTS = re.compile(r"(?:^|[.!?][\"”’')\]*_]*\s+)[\"“‘'(\[*_]*([^\W\d_][\w'’]*)")


def _lowercase_paragraphs(doc: AnalyzedDocument) -> dict[int, bool]:
    """Paragraph index -> are its sentences all started in lowercase, two or more of them: a voice
    (panic, a text message, a child's letter), not slips (`fuck, fuck i cant breathe. something
    wet...`)? Filled in as rules ask: only paragraphs with a finding to make are read."""
    return {}


def _all_starts_lowercase(paragraph: str) -> bool:
    """Do two or more sentences start in the paragraph, every one in lowercase? (Read up to
    the first start that is not: most paragraphs' first.)"""
    starts = 0
    for m in _STARTS.finditer(paragraph):
        word = m.group(1)
        if PRONOUN_I.fullmatch(word):
            continue  # a lowercase pronoun i is a slip of its own, not a sign of the paragraph's voice
        if not word[0].islower():
            return False
        starts += 1
    return starts >= 2


def written_in_lowercase(doc: AnalyzedDocument, paragraph: int) -> bool:
    """Is the paragraph (a narration paragraph) set in lowercase throughout on purpose?"""
    known = doc.memo(_lowercase_paragraphs)
    found = known.get(paragraph)
    if found is None:
        paragraphs = doc.paragraphs
        para = paragraphs[paragraph] if 0 <= paragraph < len(paragraphs) else None
        found = known[paragraph] = para is not None and para.kind is RegionKind.NARRATION \
            and _all_starts_lowercase(doc.text[para.start:para.end])
    return found


def chapter_in_lowercase(doc: AnalyzedDocument) -> bool:
    """Does the chapter start its sentences in lowercase on purpose: four in five or more of its
    narration's sentence starts, ten or more (`remus hummed a reply. sirius laughed.`)? Its names
    and sentence starts in lowercase are then its style, not slips."""
    return doc.memo(_lowercase_chapter)


def _lowercase_chapter(doc: AnalyzedDocument) -> bool:
    lower = upper = 0
    text = doc.text
    for para in doc.paragraphs:
        if para.kind is not RegionKind.NARRATION:
            continue
        for m in _STARTS.finditer(text[para.start:para.end]):
            word = m.group(1)
            if PRONOUN_I.fullmatch(word):
                continue
            if word[0].islower():
                lower += 1
            else:
                upper += 1
        if lower + upper >= _STARTS_READ:
            break  # the chapter's first sixty sentences tell its style: a novel need not be read through
    return lower + upper >= _LOWERCASE_STARTS and lower >= _LOWERCASE_SHARE * (lower + upper)


_LOWERCASE_STARTS = 10
_STARTS_READ = 60
_LOWERCASE_SHARE = 0.8
_WORD = re.compile(r"[A-Za-z]+")
_MIN_MISSPELT = 5  # words the dictionary lacks in a paragraph written by ear...
_MISSPELT_SHARE = 0.2  # ...and their share of its words


def written_by_ear(doc: AnalyzedDocument, paragraph: int) -> bool:
    """Is the paragraph spelt by ear throughout, a character's voice (`Dear sor, as you haf bin
    treading mee ... dat i wont to tank you. the Doctor heir say`): a fifth of its words and five
    or more unknown to the dictionary? Its capitals are the character's, not slips. (Read only
    for a paragraph with a finding to make: it looks up each word.)"""
    from ficlint.rules.spelling._dictionary import lexicon

    para = doc.paragraphs[paragraph]
    words = _WORD.findall(doc.text, para.start, para.end)
    lex = lexicon()
    unknown = sum(1 for w in words if not lex.has(w.lower()) and not lex.has(w))
    return unknown >= _MIN_MISSPELT and unknown >= _MISSPELT_SHARE * len(words)
