"""The slip model: how sure ficlint is that a verb in the other tense than its scene's is a slip.

A logistic regression over the named features of ficlint/rules/tense/_features.py, one for each
direction (present verbs in past scenes, past verbs in present scenes), trained by
scripts/train_tense.py on tense slips put into the training split of ../shared/training (single
verbs and whole paragraphs) against the verbs in the other tense the books' own narration has
(timeless statements, asides, reported speech …); its threshold is chosen on the tune split. It
ships as ficlint/data/tense-slips.json.gz and loads once, when first asked.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ficlint.resources import data_dir

MODEL_FILE = "tense-slips.json.gz"


@dataclass(frozen=True, slots=True)
class SlipModel:
    bias: float
    threshold: float  # the probability from which a verb is reported
    weights: dict[str, float]

    def probability(self, features: Iterable[str]) -> float:
        weights = self.weights
        score = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@cache
def slip_model(scene_tense: str) -> SlipModel:
    """The model for verbs in scenes told in `scene_tense` ("past" or "present")."""
    with gzip.open(data_dir() / MODEL_FILE, "rt", encoding="utf-8") as fh:
        data = json.load(fh)[scene_tense]
    return SlipModel(data["bias"], data["threshold"], data["weights"])
