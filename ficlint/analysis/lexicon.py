"""Verb forms: the base, past, participle and third-person form of every English verb, and the
forms of be / have / do with the subjects they agree with.

The verb tables are compiled from lemminflect's by scripts/build_tense_lexicon.py and ship as
ficlint/data/tense-lexicon.json.gz; the small hand-made lists around verbs (be / have / do,
modals, subordinating words, aside verbs) are data in rules/data/tense.yaml. Loaded once per
process, when first asked. The clause finder (ficlint/analysis/clauses.py) reads it to tell a
finite verb and its tense; rules read it to turn a verb into the other tense ("walks" ->
"walked", "took" -> "takes", "saw" -> "sees", "lay" -> "lies").
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from typing import Any

from ficlint.resources import data_dir, load_data

PAST, PRESENT = "past", "present"


class Lexicon:
    """Verb forms, and the forms of be / have / do."""

    def __init__(self, verbs: list[list[str]], other: list[str], modifiers: list[str], words: dict[str, Any]) -> None:
        self.base_of: dict[str, str] = {}  # any form -> a base it belongs to
        self.past_of: dict[str, str] = {}  # any form -> the simple past of a verb it belongs to
        self.third_of: dict[str, str] = {}  # any form -> the third-person form of a verb it belongs to
        self.base_forms: set[str] = set()
        # the verb a form belongs to when it is used in that function: "saw" the past is "see"'s,
        # "lay" the past is "lie"'s, "lies" is "lie"'s
        self.base_by_past: dict[str, str] = {}
        self.base_by_third: dict[str, str] = {}
        self.past_by_base: dict[str, str] = {}
        self.third_by_base: dict[str, str] = {}
        for base, past, participle, third in verbs:
            for form in (base, past, participle, third):
                self.base_of.setdefault(form, base)
                self.past_of.setdefault(form, past)
                self.third_of.setdefault(form, third)
            self.base_forms.add(base)
            self.base_by_past.setdefault(past, base)
            self.base_by_third.setdefault(third, base)
            self.past_by_base.setdefault(base, past)
            self.third_by_base.setdefault(base, third)
        self.participles = frozenset(participle for _, _, participle, _ in verbs)
        self.modifiers = frozenset(modifiers)  # verb forms that are also adjectives or adverbs
        self.noun_forms = frozenset(other) - self.modifiers  # verb forms that are also nouns ("pictures")
        self.auxiliaries: dict[str, dict[str, Any]] = words["auxiliaries"]
        self.aside_verbs = frozenset(words["aside_verbs"])

    @lru_cache(maxsize=512)  # noqa: B019 - one Lexicon per process
    def auxiliary_form(self, word: str, person: str) -> tuple[str, str]:
        """(tense, the form in the other tense) of a form of be / have / do whose subject takes
        `person` ("first", "3sg", "plural"; "" when unknown)."""
        entry = self.auxiliaries[word.lower().replace("’", "'")]
        if entry["tense"] == PRESENT:
            return PRESENT, entry["past"]
        forms = entry["present"]
        return PAST, forms.get(person) or forms["default"]

    @lru_cache(maxsize=8192)  # noqa: B019 - one Lexicon per process
    def lexical_form(self, word: str, tag: str, person: str) -> tuple[str, str, str] | None:
        """("lexical", tense, the form in the other tense) of a finite lexical verb the tagger
        calls `tag` (VBD, VBZ, VBP or VB), its subject taking `person`; None when the word has no
        such verb form (a name, "AM", a noun the tagger took for a verb). The form decides over
        the tag where they disagree ("laughs" is present, "walked" past); a past form that is also
        a base ("put", "read", "saw") is past only where the tagger says so."""
        if word in self.base_by_third and word not in self.base_forms:  # "walks"
            past = self.past_by_base.get(self.base_by_third[word], "")
            return "lexical", PRESENT, past if past != word else ""
        if word in self.base_by_past and (tag == "VBD" or word not in self.base_forms):  # "walked", "saw"
            base = self.base_by_past[word]
            present = base if person in ("first", "plural") else self.third_by_base.get(base, "")
            return "lexical", PAST, present if present != word else ""
        if word in self.base_forms and tag in ("VBP", "VB"):  # "walk", "see"
            past = self.past_by_base.get(word, "")
            return ("lexical", PRESENT, past) if past and past != word else None
        if word.isalpha() and word.islower() and len(word) > 3 and word not in self.base_of:
            if tag == "VBD" and word.endswith("ed"):
                return "lexical", PAST, ""  # a verb the lexicon lacks ("apparated"): a tense, no fix
            if tag == "VBZ" and word.endswith("s") and not word.endswith("ss"):
                return "lexical", PRESENT, ""
        return None


@cache
def words() -> dict[str, Any]:
    """The hand-made lists around verbs (rules/data/tense.yaml)."""
    return load_data("tense")


@cache
def lexicon() -> Lexicon:
    with gzip.open(data_dir() / "tense-lexicon.json.gz", "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return Lexicon(data["verbs"], data["other"], data["modifiers"], words())


def alternatives(options: list[str] | dict[str, Any]) -> str:
    """A regular-expression alternation of words, longest first, either apostrophe."""
    return "|".join(sorted((re.escape(w).replace("'", "['’]") for w in options), key=len, reverse=True))


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternatives(phrases).replace(r"\ ", r"\s+") + r")\b", re.I)
