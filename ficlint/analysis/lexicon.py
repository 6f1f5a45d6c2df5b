"""What English verbs look like: every inflected form of every verb the shipped lexicon knows.

Reading a clause needs to know whether a word can be a finite verb ("relaxed",
"zips", "let") before word classes from context are at hand. The forms come
from ficlint/data/tense-lexicon.json.gz (lemminflect's tables, compiled by
scripts/build_tense_lexicon.py), loaded once, the first time a clause asks.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache

from ficlint.resources import data_dir

# be, have and do are not in the lexicon's verb rows: their finite forms, with the
# contracted negatives a clause may start with ("he didn't look").
AUXILIARIES = frozenset(["was", "were", "is", "are", "am", "has", "had", "have", "does", "did", "do", "wasn't", "weren't", "isn't", "aren't", "hasn't", "hadn't", "haven't", "doesn't", "didn't", "don't", "can", "could", "can't", "couldn't", "will", "would", "won't", "wouldn't", "shall", "should", "shouldn't", "may", "might", "must"])


@dataclass(frozen=True, slots=True)
class VerbForms:
    past: frozenset[str]  # walked, let, ran
    third: frozenset[str]  # walks, lets, runs
    base: frozenset[str]  # walk, let, run
    participle: frozenset[str]  # walked, let, run
    present_participle: frozenset[str]  # walking, letting, running
    base_of: dict[str, str]  # any form -> its base
    forms_of: dict[str, tuple[str, ...]]  # base -> its forms (base, past, participle, third person, -ing)

    def finite(self, word: str) -> bool:
        """Can the (lowercase) word be a finite verb after a third-person subject?"""
        return word in self.past or word in self.third or word in AUXILIARIES


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")) and len(base) > 2:
        return base[:-1] + "ing"
    return base + "ing"


@cache
def verb_forms() -> VerbForms:
    with gzip.open(data_dir() / "tense-lexicon.json.gz", "rt", encoding="utf-8") as fh:
        rows = json.load(fh)["verbs"]
    base_of: dict[str, str] = {}
    forms_of: dict[str, tuple[str, ...]] = {}
    past, third, base, participle, ing = set(), set(), set(), set(), set()
    for b, p, pp, s in rows:
        base.add(b)
        past.add(p)
        participle.add(pp)
        third.add(s)
        ing.add(_ing(b))
        # the doubled consonant of "stopping", "letting": the past shows it ("stopped")
        if p.endswith("ed") and len(p) > 4 and p[-3] == p[-4] and not b.endswith(p[-3]):
            ing.add(p[:-2] + "ing")
            base_of.setdefault(p[:-2] + "ing", b)
        for form in (b, p, pp, s, _ing(b)):
            base_of.setdefault(form, b)
        forms_of[b] = (b, p, pp, s, _ing(b))
    return VerbForms(frozenset(past), frozenset(third), frozenset(base), frozenset(participle),
                     frozenset(ing), base_of, forms_of)
