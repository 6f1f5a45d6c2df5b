"""Drifts: a stretch of narration that slides into the other tense for a paragraph or more.

A paragraph has drifted when at least two characters' actions in it (a lexical verb after he,
she, I or a name) are in the other tense than its scene's and its other-tense verbs outnumber the
scene's ("The butler nods and takes the coat and walks to the door." in a past-tense scene). A
paragraph next to a drifted one, with verbs in the other tense and none in the scene's, carries
the drift on, however many paragraphs it runs. A drift is a slip the narration returns from: a
paragraph told mostly in the scene's tense stands within two paragraphs before the stretch and
within two after it; a stretch at a scene's edge may be told in its own tense on purpose. In a drifted stretch every finite verb in the other
tense is a slip, whatever its subject (modals too: "can" for "could"), except the reader addressed
as "you", a first-person narrator's asides ("I remember") and generic statements.

Never a drift: a narrator's commentary to the reader ("we", "our", "you"), a document quoted whole
(a letter that opens "Dear …", anything introduced by a line ending in a colon) and, into the past
in a present-tense scene, a paragraph that tells of earlier events: one with a pluperfect ("had
gone", "she'd seen"), "used to" or a time word near its start ("Last summer", "Years ago", "When
she was six"). There a character's past state ("she was tired") counts like an action.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import Verb
from ficlint.analysis.lexicon import PAST, PRESENT, lexicon, phrase_pattern, words
from ficlint.analysis.scenes import ParagraphTense, Scene
from ficlint.document import RegionKind

_MIN_ACTIONS = 2
_RETURN_WITHIN = 2  # paragraphs with verbs: the scene's tense before and after a drift, this close
_NARRATOR = re.compile(r"\b(?:we|us|our|ours|you|your|yours|one['’]s)\b", re.I)
_LETTER = re.compile(r"[\s*_\"“]*(?:dear|my\s+dear|dearest)\b", re.I)
_PLUPERFECT = re.compile(r"\b(?:had|hadn['’]t|['’]d)\s+(?:(?:never|not|already|just|once|long|[a-z]+ly)\s+)?"
                         r"(?P<participle>[a-z]+)\b|\bused\s+to\b", re.I)


def drifted_paragraphs(doc: AnalyzedDocument, scene: Scene) -> set[int]:
    """The indices of the scene's paragraphs that have drifted into the other tense."""
    if scene.tense is None:
        return set()
    tense = scene.tense.tense
    other = PRESENT if tense == PAST else PAST
    paragraphs = scene.paragraphs
    marked = [_drifted(doc, p, tense, other) for p in paragraphs]
    # a stretch carries on through neighbouring paragraphs told in the other tense alone
    for order in (range(len(paragraphs)), range(len(paragraphs) - 1, -1, -1)):
        step = 1 if order.step == 1 else -1
        for i in order:
            j = i - step
            if not marked[i] and 0 <= j < len(paragraphs) and marked[j] and _carries(doc, paragraphs[i], other):
                marked[i] = True
    return {p.index for p in _returning(paragraphs, marked, tense)}


def _returning(paragraphs: list[ParagraphTense], marked: list[bool], tense: str) -> Iterator[ParagraphTense]:
    """The paragraphs of the marked stretches that the narration returns from: a paragraph told
    mostly in the scene's tense close before the stretch and another close after it. A stretch at
    a scene's edge may be a section told in the other tense on purpose (a diary, a frame)."""
    leaning = [p.count(tense) > p.count(PRESENT if tense == PAST else PAST) for p in paragraphs]
    i = 0
    while i < len(paragraphs):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(paragraphs) and marked[j + 1]:
            j += 1
        before = any(leaning[max(0, i - _RETURN_WITHIN):i])
        after = any(leaning[j + 1:j + 1 + _RETURN_WITHIN])
        if before and after:
            yield from paragraphs[i:j + 1]
        i = j + 1


def slip_in_drift(verb: Verb) -> bool:
    """Can this other-tense verb of a drifted paragraph be a slip (not the reader, an aside, a kind)?"""
    if verb.subject == "you" or verb.generic_subject and verb.tense == PRESENT:
        return False
    if verb.subject in ("i", "we") and verb.subject_kind == "pronoun":
        return verb.word.lower().replace("’", "'").removesuffix("n't") not in lexicon().aside_verbs
    return True


def _drifted(doc: AnalyzedDocument, paragraph: ParagraphTense, tense: str, other: str) -> bool:
    slips = [v for v in paragraph.verbs if v.tense == other and v.kind != "modal" and slip_in_drift(v)]
    actions = sum(1 for v in slips if v.acting or other == PAST and _characters_state(v))
    scene_verbs = sum(1 for v in paragraph.verbs if v.tense == tense and v.kind != "modal")
    if actions < _MIN_ACTIONS or len(slips) <= scene_verbs:
        return False
    return not quoted_document(doc, paragraph.index) and (other == PRESENT or not backstory(doc, paragraph.index))


def _carries(doc: AnalyzedDocument, paragraph: ParagraphTense, other: str) -> bool:
    """Verbs in the other tense and none in the scene's."""
    verbs = [v for v in paragraph.verbs if v.kind != "modal"]
    if not verbs or any(v.tense != other for v in verbs) or not any(slip_in_drift(v) for v in verbs):
        return False
    return not quoted_document(doc, paragraph.index) and (other == PRESENT or not backstory(doc, paragraph.index))


def quoted_document(doc: AnalyzedDocument, index: int) -> bool:
    """A narrator's commentary to the reader ("we", "our", "you") or a document quoted whole: a
    letter, a diary, a song introduced by a line that ends with a colon ("This is what he read:")."""
    para = doc.paragraphs[index]
    text = doc.text[para.start : para.end]
    narration = " ".join(doc.text[r.start : r.end] for r in doc.paragraph_regions(index)
                         if r.kind is RegionKind.NARRATION)
    if _NARRATOR.search(narration) or _LETTER.match(text):
        return True
    previous = doc.paragraphs[index - 1] if index else None
    return previous is not None and doc.text[previous.start : previous.end].rstrip().endswith(":")


def _characters_state(verb: Verb) -> bool:
    """ "Draco was fair", "she was tired": in a present-tense story a character's past state
    counts toward a drift like an action (a narrator's past comment would be about things)."""
    return verb.subject_kind == "pronoun" and verb.subject in ("he", "she") or verb.subject_kind == "name"


def backstory(doc: AnalyzedDocument, index: int) -> bool:
    """Does the paragraph tell of earlier events: a pluperfect, "used to", a time word at its start?"""
    para = doc.paragraphs[index]
    text = doc.text[para.start : para.end]
    participles = lexicon().participles
    pluperfect = any(m.group("participle") is None or m.group("participle").lower() in participles
                     or m.group("participle").lower() == "been" for m in _PLUPERFECT.finditer(text))
    return pluperfect or bool(_time_opening().match(text))


@cache
def _time_opening() -> re.Pattern[str]:
    cues = phrase_pattern(words()["flashback_markers"] + words()["backstory_openings"])
    return re.compile(r"[\s*_\"“]*(?:[\w’'-]+\s+){0,3}?(?:" + cues.pattern + ")", re.I)
