"""Scenes and the tense each is told in.

A scene runs between chapter headings and scene breaks. Its narrative tense is
the majority of its narration's finite verbs (ficlint/analysis/clauses.py) when
at least 70% agree; a scene with too few verbs to tell takes the file's tense if
that is clear. How clear the majority is becomes the confidence reports show.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from ficlint.analysis.clauses import Verb
from ficlint.analysis.lexicon import PAST, PRESENT
from ficlint.document import Span

_MIN_SCENE_VERBS = 4  # a scene with fewer finite verbs takes the file's tense
_MIN_FILE_VERBS = 10


@dataclass(frozen=True, slots=True)
class SceneTense:
    tense: str
    share: float  # share of the scene's finite verbs in that tense
    count: int

    @property
    def confidence(self) -> float:
        return round(self.share * self.count / (self.count + 8), 2)

    @property
    def sureness(self) -> str:
        c = self.confidence
        return "very sure" if c >= 0.85 else "fairly sure" if c >= 0.7 else "not very sure"

    def describe(self) -> str:
        return (
            f"this scene is told in the {self.tense} tense ({self.share:.0%} of its {self.count} "
            f"narration verbs; ficlint is {self.sureness})"
        )

    def summary(self) -> str:
        """As reports show it: "past, very sure (96% of 120 verbs)"."""
        return f"{self.tense}, {self.sureness} ({self.share:.0%} of {self.count} verbs)"


@dataclass(frozen=True, slots=True)
class Scene:
    """A scene with narration verbs: its verbs and its tense (None when it is not clear)."""

    verbs: list[Verb]
    tense: SceneTense | None

    def describe_tense(self) -> str:
        return self.tense.summary() if self.tense else "unclear"


def majority(verbs: list[Verb]) -> SceneTense | None:
    past = sum(1 for v in verbs if v.tense == PAST)
    count = len(verbs)
    if not count:
        return None
    tense, share = (PAST, past / count) if 2 * past >= count else (PRESENT, 1 - past / count)
    return SceneTense(tense, share, count) if share >= 0.7 else None


def scenes(spans: list[Span], verbs: list[Verb]) -> list[Scene]:
    """Each scene with narration verbs, its verbs and its tense: the scene's own
    majority, or the file's where the scene has too few verbs to tell."""
    file_tense = majority(verbs)
    scene_starts = [s.start for s in spans]
    by_scene: dict[int, list[Verb]] = defaultdict(list)
    for verb in verbs:
        by_scene[bisect.bisect_right(scene_starts, verb.start) - 1].append(verb)
    out: list[Scene] = []
    for _, scene_verbs in sorted(by_scene.items()):
        tense = majority(scene_verbs)
        if tense is None or tense.count < _MIN_SCENE_VERBS:
            tense = file_tense if file_tense and file_tense.count >= _MIN_FILE_VERBS else None
        out.append(Scene(scene_verbs, tense))
    return out
