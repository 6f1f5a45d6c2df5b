"""Verb forms as sets, for reading short clauses: can a word be a finite verb, an -ing form, a participle?

Reading the clause after a quotation needs to know whether a word can be a verb
("relaxed", "zips", "let") and what its other forms are ("saying" is a form of
"said"). The forms come from the shared verb lexicon (analysis/lexicon.py), read
once, the first time a clause asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ficlint.analysis.lexicon import lexicon

# be, have, do and the modals, with the contracted negatives a clause may start with ("he didn't look").
AUXILIARIES = frozenset(
    ["was", "were", "is", "are", "am", "has", "had", "have", "does", "did", "do", "wasn't", "weren't",
        "isn't", "aren't", "hasn't", "hadn't", "haven't", "doesn't", "didn't", "don't", "can", "could",
        "can't", "couldn't", "will", "would", "won't", "wouldn't", "shall", "should", "shouldn't", "may",
        "might", "must"])


@dataclass(frozen=True, slots=True)
class VerbForms:
    past: frozenset[str]  # walked, let, ran
    third: frozenset[str]  # walks, lets, runs
    base: frozenset[str]  # walk, let, run
    participle: frozenset[str]  # walked, let, run
    present_participle: frozenset[str]  # walking, letting, running
    base_of: dict[str, str]  # any form -> its base
    forms_of: dict[str, tuple[str, ...]]  # base -> its forms (base, past, participle, third person, -ing)


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")) and len(base) > 2:
        return base[:-1] + "ing"
    return base + "ing"


@cache
def verb_forms() -> VerbForms:
    lex = lexicon()
    forms_of: dict[str, list[str]] = {}
    known = forms_of.get
    for form, base in lex.base_of.items():
        forms = known(base)
        if forms is None:
            forms_of[base] = [base, form]
        else:
            forms.append(form)
    past_of = lex.past_of.get
    base_of: dict[str, str] = {}
    ing: list[str] = []
    for base, forms in forms_of.items():
        past = past_of(base, "")
        present = _ing(base)
        # the doubled consonant of "stopping", "letting": the past shows it ("stopped")
        if past.endswith("ed") and len(past) > 4 and past[-3] == past[-4] and not base.endswith(past[-3]):
            present = past[:-2] + "ing"
        forms.append(present)
        ing.append(present)
        for form in forms:
            if form not in base_of:  # the first base wins
                base_of[form] = base
    return VerbForms(
        past=frozenset(lex.past_of.values()), third=frozenset(lex.third_of.values()),
        base=frozenset(lex.base_forms), participle=lex.participles, present_participle=frozenset(ing),
        base_of=base_of, forms_of=_FormsOf(forms_of))


class _FormsOf(dict[str, tuple[str, ...]]):
    """base -> its forms, each verb's tuple made (duplicates dropped) the first time it is asked
    for: a clause asks for a few of the 6,500 verbs (~5 ms of every run to make them all)."""

    def __init__(self, forms_of: dict[str, list[str]]) -> None:
        super().__init__()
        self._forms_of = forms_of

    def __missing__(self, base: str) -> tuple[str, ...]:
        forms = self[base] = tuple(dict.fromkeys(self._forms_of[base]))
        return forms
