"""Scenes, and the tense each scene and each of its paragraphs is told in.

A scene runs between chapter and part headings, scene breaks of any style and
short lines of their own that mark a jump in time or place ("Three years
later", "Monday, 6 a.m.", "o.O.o"). Its narrative tense comes from the finite
verbs of its narration (ficlint/analysis/clauses.py):

- the **opening** tense when the scene's first eight or more characters'
  actions agree (85%) and that tense still holds at least half the scene's
  verbs: the tense the writer set out in, which a later stretch in the other
  tense drifts from (an opening the rest outweighs, a present preamble before
  a past-tense tale or a journal moving between tenses, sets nothing);
- otherwise the **majority** of the scene's verbs when at least 70% agree;
- a scene with too few verbs to tell takes the file's tense if that is clear,
  and so does a longer mixed one (no 70% majority) if the file's tense holds
  at least half its verbs; one mostly in the other tense is left unclear.

A scene is split, too, where the narrative voice changes for a stretch: many
paragraphs told in one person and tense ("I wake … I walk", first person
present) followed by many in another person and tense ("Harry sat … he
said", third person past). Each is a section with its own tense: a switch
the writer meant, not a drift.

Each narration paragraph has its own count of past and present verbs, so a
rule can find a stretch that drifted into the other tense.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ficlint.analysis.clauses import Verb
from ficlint.analysis.lexicon import PAST, PRESENT, words
from ficlint.document import Span

if TYPE_CHECKING:
    from ficlint.document import Document

_MIN_SCENE_VERBS = 4  # a scene with fewer finite verbs takes the file's tense
_MIN_FILE_VERBS = 10
_MIXED_SCENE_VERBS = 12  # a scene this long with no clear majority is mixed, not too short to tell
_OPENING_VERBS = 8  # characters' actions that establish the tense a scene opens in
_OPENING_SHARE = 0.85
_ORNAMENT = re.compile(r"[^\w\s]*(?:[oOxX0]+[^\w\s]*){1,6}|[^\w\s]+(?:\s*[^\w\s]+)*")  # no word but o or x
_SCENE_LINE_CHARS = 48
_LYRIC_LINE_CHARS = 300
_LYRIC_BREAK = re.compile(r"\w[,.!?;’'\"”]*\s+/\s+\S|[♪♫]")
# a section in its own voice: on each side of the change this many paragraphs with narration verbs
# (looked at up to _SECTION_WINDOW of them) and verbs, this share of them in one tense, and "I" or
# "we" acting in this share of the paragraphs of a first-person stretch and at most that of a third's
_SECTION_PARAGRAPHS = 6
_SECTION_WINDOW = 12
_SECTION_VERBS = 30
_SECTION_TENSE_SHARE = 0.8
_SECTION_FIRST_PERSON = 0.4
_SECTION_THIRD_PERSON = 0.1
_FIRST_PERSON = frozenset(("i", "we"))


@dataclass(frozen=True, slots=True)
class SceneTense:
    tense: str
    share: float  # share of the scene's finite verbs in that tense (of its opening verbs, for the opening's)
    count: int
    opening: bool = False  # the tense the scene opens in, which the majority does not confirm

    @property
    def confidence(self) -> float:
        return round(self.share * self.count / (self.count + 8), 2)

    @property
    def sureness(self) -> str:
        c = self.confidence
        return "very sure" if c >= 0.85 else "fairly sure" if c >= 0.7 else "not very sure"

    def describe(self) -> str:
        if self.opening:
            return (
                f"this scene opens in the {self.tense} tense ({self.share:.0%} of its first {self.count} "
                f"narration verbs; ficlint is {self.sureness})"
            )
        return (
            f"this scene is told in the {self.tense} tense ({self.share:.0%} of its {self.count} "
            f"narration verbs; ficlint is {self.sureness})"
        )

    def summary(self) -> str:
        """As reports show it: "past, very sure (96% of 120 verbs)"."""
        return f"{self.tense}, {self.sureness} ({self.share:.0%} of {self.count} verbs)"


@dataclass(frozen=True, slots=True)
class ParagraphTense:
    """The finite narration verbs of one paragraph, by tense."""

    index: int
    verbs: list[Verb] = field(default_factory=list)

    def count(self, tense: str) -> int:
        return sum(1 for v in self.verbs if v.tense == tense)


@dataclass(frozen=True, slots=True)
class Scene:
    """A scene with narration verbs: its span, verbs, paragraphs and tense (None when it is not clear)."""

    span: Span
    verbs: list[Verb]
    tense: SceneTense | None
    paragraphs: list[ParagraphTense] = field(default_factory=list)  # those with verbs, in order

    def describe_tense(self) -> str:
        return self.tense.summary() if self.tense else "unclear"


def majority(verbs: list[Verb]) -> SceneTense | None:
    past = sum(1 for v in verbs if v.tense == PAST)
    count = len(verbs)
    if not count:
        return None
    tense, share = (PAST, past / count) if 2 * past >= count else (PRESENT, 1 - past / count)
    return SceneTense(tense, share, count) if share >= 0.7 else None


def opening(verbs: list[Verb]) -> SceneTense | None:
    """The tense the scene's first characters' actions agree on ("Luna wakes … She wipes …"),
    counted by whole paragraphs; a narrator's description ("Beneath him is the valley")
    does not set it."""
    actions = [v for v in verbs if v.acting]
    if len(actions) < _OPENING_VERBS:
        return None
    end = _OPENING_VERBS
    while end < len(actions) and actions[end].paragraph == actions[end - 1].paragraph:
        end += 1
    tense = majority(actions[:end])
    if tense is None or tense.share < _OPENING_SHARE:
        return None
    return SceneTense(tense.tense, tense.share, tense.count, opening=True)


def _holds(tense: SceneTense, verbs: list[Verb]) -> bool:
    """Is the tense (the scene's opening's or the file's) the tense of at least half the scene's
    narration verbs? One that the rest of the scene outweighs (a present-tense preamble before a
    past-tense story, a journal that moves between tenses) does not set the scene's tense."""
    return 2 * sum(1 for v in verbs if v.tense == tense.tense) >= len(verbs)


def scene_spans(doc: Document) -> list[Span]:
    """The document's scenes, also split at short lines that jump in time or place."""
    spans: list[Span] = []
    paragraphs = doc.paragraphs
    p = 0
    for span in doc.scenes:
        start = span.start
        while p < len(paragraphs) and paragraphs[p].start < span.start:
            p += 1
        while p < len(paragraphs) and paragraphs[p].end <= span.end:
            para = paragraphs[p]
            p += 1
            short = para.end - para.start <= _SCENE_LINE_CHARS + 8
            block = doc.text[para.start : para.end]
            if (short and _scene_line(block)) or _lyric_line(block):
                if para.start > start:
                    spans.append(Span(start, para.start))
                start = para.end
        if start < span.end:
            spans.append(Span(start, span.end))
    return spans


def _scene_line(block: str) -> bool:
    """An ornament ("o.O.o", "-x-", "~*~") or a short time-skip or date/place line of its own."""
    line = block.strip()
    if not line or "\n" in line or len(line) > _SCENE_LINE_CHARS:
        return False
    if _ORNAMENT.fullmatch(line):
        return True
    line = line.strip("*_#~=- \t").removesuffix("...").rstrip("…")
    if not line or line[-1:] in ".!?\"”’,;:":
        return False
    tokens = re.findall(r"[a-z]+", line.lower())
    return bool(tokens) and len(tokens) <= 7 and bool(set(tokens) & _scene_line_words())


def _lyric_line(block: str) -> bool:
    """A line of a song set alone between two parts of a songfic, in italics or bold, its verses
    split by " / " or marked with a note ("***What if we ruin it all, and we love like fools? / And all
    we have we lose?***"): the parts it divides are told on their own, often in different tenses."""
    line = block.strip()
    if "\n" in line or len(line) > _LYRIC_LINE_CHARS or line[:1] not in "*_" or line[-1:] not in "*_":
        return False
    return _LYRIC_BREAK.search(line) is not None


@cache
def _scene_line_words() -> frozenset[str]:
    return frozenset(words()["scene_line_words"])


def scenes(doc: Document, verbs: list[Verb]) -> list[Scene]:
    """Each scene with narration verbs: its verbs, paragraphs and tense (its opening's, its
    majority's, or the file's where the scene has too few verbs to tell)."""
    file_tense = majority(verbs)
    spans = scene_spans(doc)
    if not spans:
        return []  # nothing the scene splitter counts as narration (a lone heading-like line)
    scene_starts = [s.start for s in spans]
    by_scene: dict[int, list[Verb]] = defaultdict(list)
    for verb in verbs:
        by_scene[bisect.bisect_right(scene_starts, verb.start) - 1].append(verb)
    out: list[Scene] = []
    for index, verbs_of_scene in sorted(by_scene.items()):
        span = spans[max(index, 0)]
        for section, scene_verbs in _sections(doc, span, verbs_of_scene):
            out.append(_scene(section, scene_verbs, file_tense))
    return out


def _scene(span: Span, scene_verbs: list[Verb], file_tense: SceneTense | None) -> Scene:
    """The scene with its tense: its opening's, its majority's, or the file's where it has too few
    verbs to tell."""
    tense = majority(scene_verbs)
    first = opening(scene_verbs)
    if first is not None and (tense is None or tense.tense != first.tense):
        tense = first if _holds(first, scene_verbs) else None
    elif tense is None and len(scene_verbs) >= _MIXED_SCENE_VERBS and not (
        file_tense and _holds(file_tense, scene_verbs)
    ):
        pass  # a long scene mostly in the other tense than the file's, with no clear majority
    elif tense is None or tense.count < _MIN_SCENE_VERBS:
        own = tense
        tense = file_tense if file_tense and file_tense.count >= _MIN_FILE_VERBS else None
        if own is not None and tense is not None and own.tense != tense.tense and own.count >= 3:
            tense = None  # a short scene told wholly in the other tense is not the file's
    return Scene(span, scene_verbs, tense, paragraphs_of(scene_verbs))


def _sections(doc: Document, span: Span, verbs: list[Verb]) -> list[tuple[Span, list[Verb]]]:
    """The scene cut where its narrative voice changes for a stretch: on each side at least
    _SECTION_PARAGRAPHS paragraphs told in one tense (_SECTION_TENSE_SHARE of their verbs) and one
    person, the person and the tense both differing (first-person present, then third-person past)."""
    paragraphs = paragraphs_of(verbs)
    n = len(paragraphs)
    if n < 2 * _SECTION_PARAGRAPHS:
        return [(span, verbs)]
    count, past, first = [0], [0], [0]
    for p in paragraphs:
        count.append(count[-1] + len(p.verbs))
        past.append(past[-1] + p.count(PAST))
        first.append(first[-1] + any(v.subject in _FIRST_PERSON for v in p.verbs))

    def voice(a: int, b: int) -> tuple[bool, str] | None:
        """The person (first or not) and tense of paragraphs [a, b), when both are clear."""
        verbs_here = count[b] - count[a]
        if b - a < _SECTION_PARAGRAPHS or verbs_here < _SECTION_VERBS:
            return None
        share = (past[b] - past[a]) / verbs_here
        tense = PAST if share >= _SECTION_TENSE_SHARE else (
            PRESENT if 1 - share >= _SECTION_TENSE_SHARE else "")
        mine = (first[b] - first[a]) / (b - a)
        if not tense or _SECTION_THIRD_PERSON < mine < _SECTION_FIRST_PERSON:
            return None
        return mine >= _SECTION_FIRST_PERSON, tense

    cuts: list[int] = []
    start = 0
    k = _SECTION_PARAGRAPHS
    while k <= n - _SECTION_PARAGRAPHS:
        before = voice(max(start, k - _SECTION_WINDOW), k)
        after = voice(k, min(n, k + _SECTION_WINDOW))
        if before and after and before[0] != after[0] and before[1] != after[1]:
            old = before[1]
            while k < n - _SECTION_PARAGRAPHS and 2 * paragraphs[k].count(old) > len(paragraphs[k].verbs):
                k += 1  # the first paragraph told in the new tense
            cuts.append(k)
            start = k
            k += _SECTION_PARAGRAPHS
        else:
            k += 1
    if not cuts:
        return [(span, verbs)]
    out: list[tuple[Span, list[Verb]]] = []
    begin, at = span.start, 0
    for cut in cuts:
        end = doc.paragraphs[paragraphs[cut].index].start
        upto = count[cut]
        out.append((Span(begin, end), verbs[at:upto]))
        begin, at = end, upto
    out.append((Span(begin, span.end), verbs[at:]))
    return out


def paragraphs_of(verbs: list[Verb]) -> list[ParagraphTense]:
    """Verbs (in text order) grouped by the paragraph they stand in."""
    found: list[ParagraphTense] = []
    for verb in verbs:
        if not found or found[-1].index != verb.paragraph:
            found.append(ParagraphTense(verb.paragraph))
        found[-1].verbs.append(verb)
    return found
