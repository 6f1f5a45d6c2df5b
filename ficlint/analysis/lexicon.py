"""Verb forms: the base, past, participle and third-person form of every English verb, and the
forms of be / have / do with the subjects they agree with.

The verb tables are compiled from lemminflect's by scripts/build_tense_lexicon.py and ship as
ficlint/data/tense-lexicon.json.gz; the function words around verbs (subjects, auxiliaries,
contractions, adverbs) are data in rules/data/tense.yaml. Loaded once per process, when first
asked. The clause finder reads it to tell a finite verb and its tense; rules read it to turn a
verb into the other tense ("walks" -> "walked", "took" -> "takes").
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from typing import Any

from ficlint.resources import data_dir, load_data

PAST, PRESENT = "past", "present"
MODALS = frozenset(
    ["would", "could", "should", "might", "must", "will", "can", "shall", "may", "ought", "to"]
)
BE = frozenset(["be", "been", "being", "having"])
PAST_AUXILIARIES = frozenset(["was", "were", "had", "did", "wasn't", "weren't", "didn't", "hadn't"])
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")


class Lexicon:
    """Verb forms and the context words around finite verbs."""

    def __init__(
        self, verbs: list[list[str]], other: list[str], modifiers: list[str], words: dict[str, Any]
    ) -> None:
        self.past_of: dict[str, str] = {}  # any form -> simple past
        self.third_of: dict[str, str] = {}
        self.base_of: dict[str, str] = {}
        self.past_forms: set[str] = set()  # simple past forms that are not also an -s form or their own base
        self.third_forms: set[str] = set()
        self.base_forms: set[str] = set()
        for base, past, participle, third in verbs:
            for form in (base, past, participle, third):
                if form not in self.past_of:  # the first verb with the form wins, in all three
                    self.past_of[form] = past
                    self.third_of[form] = third
                    self.base_of[form] = base
            self.base_forms.add(base)
            self.third_forms.add(third)
            if past != base:
                self.past_forms.add(past)
        self.participles = frozenset(participle for _, _, participle, _ in verbs)
        self.past_forms -= self.third_forms
        self.other = frozenset(other)
        # -s forms that may be a plural noun ("praises"): the base is also a noun or adjective
        self.noun_like = self.other | {third for base, _, _, third in verbs if base in self.other}
        self.modifiers = frozenset(modifiers) | frozenset(words["not_verbs"])
        self.determiners = frozenset(words["determiners"])
        self.auxiliaries: dict[str, dict[str, Any]] = words["auxiliaries"]
        self.subjects: dict[str, str] = words["subjects"]
        self.reporting = frozenset(words["reporting_verbs"])
        self.aside_verbs = frozenset(words["aside_verbs"])
        self.relative = frozenset(words["relative_words"])
        self.adverbs = frozenset([*words["adverbs"], "not"])
        self.non_finite_before = frozenset(
            [*self.determiners, *self.auxiliaries, *BE, *MODALS, "is", "are", "am", "get", "got", "getting",
             "become", "became", "seemed", "looked"]
        )
        # capitalised function words ("Then", "At", "Sunday", "She"), never a name
        self.function_words = frozenset(
            [*self.subjects, "who", "one", *words["not_names"], *self.determiners, *self.relative,
             *words["adverbs"], *words["contraction_hosts"], *words["not_verbs"]]
        )
        self.not_names = self.function_words | self.other | set(self.past_of)
        # forms that after a name are a finite verb ("Karen smiles", "Karen smiled")
        self.name_verbs = frozenset(
            (self.past_forms | (self.third_forms - self.base_forms))
            - self.noun_like
            - set(self.auxiliaries)
            - MODALS
        )

    def has_finite_past(self, text: str) -> bool:
        """Does the text have a simple past verb that is not a participle after an
        auxiliary or an adjective after a determiner ("was pleased", "a tired man")?"""
        previous = ""
        for word in WORD.findall(text.lower().replace("’", "'")):  # "wasn’t" as "wasn't"
            if word in PAST_AUXILIARIES:
                return True
            if word in self.past_forms and previous not in self.non_finite_before:
                return True
            previous = word
        return False

    def present_form(self, word: str, person: str) -> str:
        return self.base_of.get(word, "") if person in ("first", "plural") else self.third_of.get(word, "")

    def person(self, subject: str) -> str:
        return self.subjects.get(subject, "3sg")

    @lru_cache(maxsize=512)  # noqa: B019 - one Lexicon per process
    def auxiliary_form(self, word: str, subject: str) -> tuple[str, str] | None:
        """(tense, the form in the other tense) of be / have / do after `subject` ("" for none)."""
        entry = self.auxiliaries.get(word.lower().replace("’", "'"))
        if entry is None or entry.get("needs_subject") and not subject:
            return None
        if entry["tense"] == PRESENT:
            return PRESENT, entry["past"]
        forms = entry["present"]
        return PAST, (forms.get(self.person(subject)) or forms["default"]) if subject else forms["default"]

    @lru_cache(maxsize=8192)  # noqa: B019 - one Lexicon per process
    def after_subject(self, word: str, person: str) -> tuple[str, str] | None:
        """(tense, the form in the other tense) of a lexical verb after a subject pronoun."""
        if word in self.past_forms:
            return PAST, self.present_form(word, person)
        if person == "3sg" and word in self.third_forms and word not in self.base_forms:
            return PRESENT, self.past_of.get(word, "")
        if person in ("first", "plural") and word in self.base_forms and self.past_of.get(word, word) != word:
            # a base that is also a simple past ("they bid their goodnights", "they lay", "they quit")
            # tells no tense
            return None if word in inflections().any_past else (PRESENT, self.past_of[word])
        return None


@cache
def words() -> dict[str, Any]:
    """The function words around verbs (rules/data/tense.yaml)."""
    return load_data("tense")


@cache
def lexicon() -> Lexicon:
    data = _lexicon_data()
    return Lexicon(data["verbs"], data["other"], data["modifiers"], words())


def alternatives(options: list[str] | dict[str, Any]) -> str:
    """A regular-expression alternation of words, longest first, either apostrophe."""
    return "|".join(sorted((re.escape(w).replace("'", "['’]") for w in options), key=len, reverse=True))


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternatives(phrases).replace(r"\ ", r"\s+") + r")\b", re.I)


class Inflections:
    """Every form the verb table accepts as a simple past or a past participle, and the
    adjectives compared with -er and -est: what tells "had hidden" from "had hid", "could
    coil" from "could coiled", "clearer" from "more clearer".

    Built from the lexicon's `variants` and `comparison` tables with the corrections of
    rules/data/verb-forms.yaml (where the table errs, and the pasts that dictionaries
    also accept as participles: "had woken" or "had woke")."""

    def __init__(self, verbs: list[list[str]], variants: list[list[Any]], comparison: list[list[Any]],
                 ing: dict[str, str], corrections: dict[str, Any]) -> None:
        self.ing_of = ing  # base -> present participle ("travel" -> "traveling")
        self.base_of_ing = {form: base for base, form in ing.items()}
        pasts_of: dict[str, list[str]] = {}
        participles_of: dict[str, list[str]] = {}
        for base, past, participle, _ in verbs:
            pasts_of[base], participles_of[base] = [past], [participle]
        for base, pasts, participles in variants:
            pasts_of[base], participles_of[base] = list(pasts), list(participles)
        for base, participles in corrections["participles"].items():
            participles_of[base] = list(participles)
        self.pasts_of = pasts_of
        self.participles_of = participles_of
        accepted_participles = {p for ps in participles_of.values() for p in ps}
        accepted_participles |= {p for ps in pasts_of.values() for p in ps if p.endswith("ed")}
        accepted_participles |= set(corrections["also_participles"])
        accepted_pasts = {p for ps in pasts_of.values() for p in ps} | set(corrections["also_pasts"])
        self.any_past = frozenset(accepted_pasts)  # every simple past of any verb ("lay" of lie, "found")
        not_verbs_only = set(corrections["also_other_verbs"])
        # "went", "saw", "came": a simple past and nothing else a dictionary accepts after "had"
        self.past_only: dict[str, str] = {
            past: base
            for base, pasts in pasts_of.items()
            for past in pasts
            if past not in accepted_participles and past not in not_verbs_only
        }
        # "seen", "gone", "rung": a participle that is no simple past
        self.participle_only: dict[str, str] = {
            participle: base
            for base, participles in participles_of.items()
            for participle in participles
            if participle not in accepted_pasts and participle not in pasts_of
        }
        self.comparatives: dict[str, str] = {}
        self.superlatives: dict[str, str] = {}
        for adjective, comparatives, superlatives in comparison:
            for form in comparatives:
                self.comparatives.setdefault(form, adjective)
            for form in superlatives:
                self.superlatives.setdefault(form, adjective)
        for form in corrections["not_compared"]:
            self.comparatives.pop(form, None)
            self.superlatives.pop(form, None)

    def participle(self, base: str) -> str:
        """The past participle of a verb ("hide" -> "hidden"), "" for an unknown verb."""
        forms = self.participles_of.get(base)
        return forms[0] if forms else ""


@cache
def _lexicon_data() -> dict[str, Any]:
    # inflated in one call, not through a text stream read in chunks (~5% of the load)
    return json.loads(gzip.decompress((data_dir() / "tense-lexicon.json.gz").read_bytes()).decode("utf-8"))


@cache
def inflections() -> Inflections:
    data = _lexicon_data()
    corrections = load_data("verb-forms")
    return Inflections(data["verbs"], data["variants"], data["comparison"], data["ing"], corrections)
