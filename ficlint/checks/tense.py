"""Tense drift: a verb in the narration that breaks the tense the scene is told in.

Policy
------
1. Only narration counts. Dialogue, italic or bold stretches (thoughts, signs,
   text messages), author's notes, headings, indented blocks (letters, verse)
   and paragraphs that open as a marked flashback or a time-line note
   ("Flashback:", "Time line:", "Years ago…") are left out.
2. Finite verbs are found from context, not by a full tagger: a subject pronoun
   and its verb ("she checked", "they walk"), a name and an unambiguous verb
   ("Karen smiles"), the forms of be / have / do ("was", "is", "hasn't"),
   pronoun contractions ("that's") and a verb coordinated after "and"
   ("blew and check her"). Verb forms come from a lexicon compiled from
   lemminflect's tables (scripts/build_tense_lexicon.py); it ships in the wheel
   as ficlint/data/tense-lexicon.json.gz, so nothing is tagged or downloaded at
   run time.
3. Each scene (split at chapter headings and scene breaks) takes the tense of
   the majority of its narration's finite verbs. A scene with too few verbs
   or no clear majority takes the file's tense if that is clear, or is skipped.
   How clear the majority is becomes the confidence and is said in the message.
4. In a past-tense scene a present-tense verb is flagged (T001) when:
   - it is coordinated with a past verb ("the wind blew and check her");
   - a character (he, she, a name, a particular thing: "the bar", "her hands")
     does it in a sentence that also has a past verb ("She looked around and
     sees him"), or in a sentence of its own between sentences told in the
     past ("She walks to the door.");
   - it is "there is / it is / that's" beside a character's past action ("There
     are no velvet ropes at SouthPaw, and that's just the way she liked it"),
     or "There is another pause." alone between past sentences; "they are" in a
     sentence where they also act in the past ("They are camel-men, but they sat
     their camels"); "is / are" + an -ing form as the one present verb in a
     paragraph told in the past, whatever the subject ("A council of war is
     being held beside the wells"), since a timeless remark takes the simple
     present (an -ing word that ends its clause is taken as an adjective);
   - it is a relative clause about a particular character in the progressive
     or perfect ("Gus, who is convulsed with laughter").
   Left alone (the policy's "keep out" list):
   - the timeless present: a sentence with no past verb ("Men are like that."),
     generic subjects (children, a man, every dish, people, one), generic words
     (always, usually, whenever), several present verbs in one statement, the
     narrator speaking to the reader (we, you, one's);
   - embedded clauses of reported speech or thought ("She knew the earth is
     round", "he told her that he loves her") and free indirect thought
     ("She is right, he thought.");
   - first-person asides: any present verb with I or we ("I still remember…",
     "the exception I speak of");
   - comparisons, "as if" and conditions ("as a lantern is lit", "when they
     come back", "School is a child's world while he is there"), impersonal
     comments ("It is impossible to…", "It is true"), set phrases ("as it were"),
     asides in parentheses or between two dashes, questions;
   - would / could futures in the past: modals are never flagged, and a
     sentence with may / can / will / must is left alone;
   - a marked one-line flashback (point 1).
5. In a present-tense scene a past-tense verb is flagged (T002) only when it is
   coordinated with a present one ("She opens the door and walked in") or is a
   character's action between present-tense sentences with no time word
   (yesterday, ago, before, when, had …): a present-tense narrator may tell of
   the past.

The fix is the form the scene's tense wants (check → checked, are → were); it is
unsafe: the writer may have meant the shift.

Measured (scripts/eval_tense.py, slips injected into four held-out corpus books):
about 70% of injected slips are found, nine in ten of a character's own verbs;
statements about things ("every dish is soon emptied") and slips inside reported
speech are the weak spot, kept out because old novels' narrators make such
timeless remarks all the time.
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any, NamedTuple

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import ABBREVIATIONS, Document, RegionKind, Span
from ficlint.resources import data_dir, load_data
from ficlint.rule import Rule

PAST, PRESENT = "past", "present"
_FIX_SAFETY = (
    "Unsafe: the writer may have meant the change of tense (a flashback, a timeless truth, an aside)."
)

PRESENT_IN_PAST = Rule(
    id="T001",
    name="present-tense-in-past-narration",
    category="tense",
    summary="A present-tense verb in narration that is otherwise told in the past tense.",
    why=(
        'Narration that slips from the past into the present ("the wind blew and check her reflection") '
        "jolts the reader out of the story. ficlint takes each scene's tense from the majority of its "
        "narration's finite verbs and flags a present-tense verb in a sentence that also uses the past, or a "
        "character's present-tense action between past-tense sentences. It leaves dialogue, italic thoughts, "
        'reported speech ("She knew the earth is round"), timeless generalisations, first-person asides '
        '("I still remember") and would/could futures alone.'
    ),
    flags=(
        "She was cold. She pulled her dress down as the wind blew and check her reflection in the window. "
        "She smiled at what she saw.",
        "It was late and she was tired. Karen walked to the bar. There are no velvet ropes at SouthPaw, and "
        "that's just the way she liked it. She ordered a martini.",
        "He waited by the door for an hour. He was tired and hungry. Then he walks to the car and drove "
        "away. The rain had stopped.",
    ),
    allows=(
        "She pulled her dress down as the wind blew and checked her reflection in the window.",
        '"I know you feel it too," she said. She walked away and did not look back.',
        "He knew that the earth is round. He said nothing about it and went home.",
        "I was nine that summer. I still remember the smell of the river. We swam every day.",
        "She would leave in the morning. He could see it in her eyes, and he turned away.",
        "She walked home. *He is never going to change,* she thought. She locked the door.",
    ),
    fix_safety=_FIX_SAFETY,
)
PAST_IN_PRESENT = Rule(
    id="T002",
    name="past-tense-in-present-narration",
    category="tense",
    summary="A past-tense verb in narration that is otherwise told in the present tense.",
    why=(
        'Present-tense narration drifts the other way: "She opens the door and walked in." ficlint flags a '
        "past-tense verb coordinated with a present one, or a character's past-tense action between "
        "present-tense sentences, but leaves the past alone where the narrator tells of earlier events "
        "(yesterday, before, when, had)."
    ),
    flags=(
        "She stands at the window. The street is empty. She opens the door and walked out into the rain. "
        "She shivers.",
        "He sits on the bench. He waits for the train. He looked at his watch. The platform is empty.",
    ),
    allows=(
        "She stands at the window. The street is empty. She opens the door and walks out into the rain.",
        "She looks at the letter. He wrote it the night before he left. She folds it again.",
        'He sits on the bench. "I waited for hours," he says. The platform is empty.',
    ),
    fix_safety=_FIX_SAFETY,
)

_MODALS = frozenset(
    ["would", "could", "should", "might", "must", "will", "can", "shall", "may", "ought", "to"]
)
_GOVERNING = frozenset(
    ["saw", "watched", "heard", "felt", "made", "let", "helped", "had", "bade", "bid", "noticed", "observed"]
)
_MIN_SCENE_VERBS = 4  # a scene with fewer finite verbs takes the file's tense
_MIN_FILE_VERBS = 10
_OBJECT_PRONOUNS = frozenset(["her", "him", "them", "it", "me", "us"])
_PARTICLES = frozenset(["up", "down", "out", "away", "back", "off", "over", "in", "on"])
_BE = frozenset(["be", "been", "being", "having"])
_PAST_AUXILIARIES = frozenset(["was", "were", "had", "did", "wasn't", "weren't", "didn't", "hadn't"])
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")
_IMPERSONAL = re.compile(
    r"(?:\s+[\w’'-]+){0,5}?\s+(?:to|that|when|if|how|what|whether)\b|(?:\s+[\w’'-]+){0,5}?,"
)
_SUBORDINATE = re.compile(
    r"(?:\b(?:when|whenever|if|unless|until|till|once|wherever|where|while|after|before|whether|"
    r"so long as|as long as)"
    r"|\bas\s+[a-z]+\s+as)\s+(?:[\w’'-]+\s+){0,4}$",
    re.I,
)
_COMPARISON = re.compile(r"\b(?:than|like|as\s+[a-z]+\s+as)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_COMPARISON_OR_RELATIVE = re.compile(r"\b(?:as|than|like|whom|which|whose)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_PRESENT_MODAL = re.compile(r"\b(?:may|can|will|shall|must)\b", re.I)
_ANY_MODAL = re.compile(r"\b(?:would|could|should|might|must|will|can|shall|may)\b", re.I)
_TO_VERB = re.compile(r"\bto\s+([a-z]+)")
_CLAUSE_BREAK = re.compile(r"[,;:!?\"“”]|\s(?:--|—)\s?")
_TOKEN = re.compile(r"[A-Za-z’'-]+|[,;:(.!?]")
_GENERIC_START = re.compile(
    r"\b(?:a|an|any|no|some|such|many|most|few|which|who|that|what)\b"
    r"[^,;:.!?]*$",
    re.I,
)
_IT_IS_A = re.compile(r"\s+(?:an?\s|[a-z]+ed\s+by\b)")
_GENERIC_ANTECEDENT = frozenset(
    [
        "a",
        "an",
        "one",
        "ones",
        "those",
        "these",
        "such",
        "like",
        "as",
        "any",
        "every",
        "many",
        "most",
        "all",
        "some",
        "kind",
        "sort",
    ]
)
_ABSTRACT = ("ness", "ity", "ment", "tion", "sion", "ism", "ship", "hood", "ance", "ence", "acy", "ery")
_NP_BOUNDARY = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "for",
        "at",
        "in",
        "on",
        "by",
        "to",
        "from",
        "with",
        "into",
        "onto",
        "upon",
        "after",
        "before",
        "during",
        "since",
        "until",
        "through",
        "under",
        "over",
        "about",
        "against",
        "among",
        "between",
        "within",
        "without",
    ]
)
_DEFINITE = frozenset(["the", "her", "his", "their", "its", "my", "your", "our"])
_GENERIC_DETERMINERS = frozenset(
    ["a", "an", "all", "every", "each", "any", "some", "no", "to", "such", "many", "most", "few"]
)
_CHARACTERS = frozenset(("he", "she", "they"))
_INVERSION = re.compile(r"\s+(?:it|he|she|they|there|i|we|you)\b", re.I)
_REPORTED_THAT = re.compile(
    r"\b(?:[a-z]+(?:ed|ing)|idea|thought|fact|feeling|belief|conviction|notion|knowledge|"
    r"sense|news|assertion|opinion|theory|certainty|impression)\s+(?:(?:him|her|them|me|us|it)\s+)?that\b",
    re.I,
)
_ENDING_QUESTION = re.compile(r"[?][\"”’'*_)\]]*\s*$")
_WORD_IN_CLAUSE = re.compile(r"([A-Za-z’'-]+)[ \t,]*$")  # the word before, in the same sentence
_PREVIOUS_WORD = re.compile(r"([A-Za-z’'-]+)\W*$")
_SENTENCE_END = re.compile(r"(?:[.!?]+|…)[\"”’'\)\]*_]*\s+(?=[\"“‘'(*_]*[A-Z0-9])")
_NAME_VERB = re.compile(r"(?P<name>[A-Z][a-z]+)[ \t]+(?P<nverb>[a-z]+)\b(?!['’]\w)(?=\s+(?P<next>[a-z]+))?")
_AFTER_NAME_VERB = frozenset(
    [
        "her",
        "him",
        "them",
        "his",
        "their",
        "its",
        "the",
        "a",
        "an",
        "one",
        "to",
        "at",
        "in",
        "on",
        "into",
        "onto",
        "with",
        "for",
        "from",
        "up",
        "down",
        "off",
        "out",
        "back",
        "away",
        "over",
        "across",
        "toward",
        "towards",
        "through",
    ]
)
_AFTER_VERB = frozenset(
    ["her", "him", "them", "it", "his", "their", "its", "up", "down", "off", "out", "back", "away"]
)


class Verb(NamedTuple):
    """A finite verb found in the narration."""

    start: int
    end: int
    word: str
    tense: str
    kind: str  # "subject", "name", "aux", "contraction", "and"
    subject: str  # the subject pronoun, lowercased, or "" when there is none to hand
    fix: str  # the text for [start, end) in the other tense, "" when there is none
    participle: bool = False  # a coordinated past form that may share an auxiliary ("have swept and swept")
    paragraph: int = -1

    @property
    def character(self) -> bool:
        """The verb of a character's action: he, she, they, a name, or a coordinated verb."""
        return self.subject in _CHARACTERS or self.kind in ("name", "and")


class Names:
    """Capitalised words the document uses inside sentences: its characters' and places' names.
    Found once per document, when first asked."""

    _INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def words(self) -> Counter[str]:
        return Counter(self._INSIDE.findall(self.text))

    def __contains__(self, word: str) -> bool:
        return word in self.words


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence of narration with the finite verbs found in it."""

    start: int
    end: int
    text: str
    verbs: list[Verb]
    neighbours: tuple[list[Verb], ...]  # the sentences before and after it in the same paragraph
    paragraph_statements: dict[str, int]  # tense -> verbs in the paragraph that are not a character's action
    narration: str  # its text without dialogue
    names: Names  # the document's names
    past: bool  # does its narration have a finite past-tense verb (found by any means)?
    neighbours_past: tuple[bool, ...]

    def elsewhere(self, tense: str) -> bool:
        """Are there statements in `tense` (not a character's action) in the paragraph outside
        this sentence? Present-tense ones make the paragraph commentary, not a slip."""
        here = sum(1 for v in self.verbs if v.tense == tense and not v.character)
        return self.paragraph_statements.get(tense, 0) > here

    def has(self, tense: str) -> bool:
        if tense == PAST and self.past:
            return True
        return any(v.tense == tense and not v.participle for v in self.verbs)

    def between(self, tense: str) -> bool:
        """Are the sentences on both sides (one side at a paragraph's edge) told in `tense` alone?"""
        if not self.neighbours:
            return False
        if tense == PAST:
            return all(self.neighbours_past) and not any(
                v.tense == PRESENT for n in self.neighbours for v in n
            )
        return all(n and all(v.tense == tense for v in n) for n in self.neighbours)


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


class Lexicon:
    """Verb forms and the context words of the tense check."""

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
                self.past_of.setdefault(form, past)
                self.third_of.setdefault(form, third)
                self.base_of.setdefault(form, base)
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
            [
                *self.determiners,
                *self.auxiliaries,
                *_BE,
                *_MODALS,
                "is",
                "are",
                "am",
                "get",
                "got",
                "getting",
                "become",
                "became",
                "seemed",
                "looked",
            ]
        )
        # capitalised words that are not a name before a verb ("Then", "She", "There")
        # capitalised function words ("Then", "At", "Sunday"), never a name
        self.function_words = frozenset(
            [
                *self.subjects,
                "who",
                "one",
                *words["not_names"],
                *self.determiners,
                *self.relative,
                *words["adverbs"],
                *words["contraction_hosts"],
                *words["not_verbs"],
            ]
        )
        self.not_names = self.function_words | self.other | set(self.past_of)
        # forms that after a name are a finite verb ("Karen smiles", "Karen smiled")
        self.name_verbs = frozenset(
            (self.past_forms | (self.third_forms - self.base_forms))
            - self.noun_like
            - set(self.auxiliaries)
            - _MODALS
        )

    def has_finite_past(self, text: str) -> bool:
        """Does the text have a simple past verb that is not a participle after an
        auxiliary or an adjective after a determiner ("was pleased", "a tired man")?"""
        previous = ""
        for word in _WORD.findall(text.lower()):
            if word in _PAST_AUXILIARIES:
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
            return PRESENT, self.past_of[word]
        return None


@cache
def lexicon() -> Lexicon:
    with gzip.open(data_dir() / "tense-lexicon.json.gz", "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return Lexicon(data["verbs"], data["other"], data["modifiers"], load_data("tense"))


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w).replace("'", "['’]") for w in words), key=len, reverse=True))


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternatives(phrases).replace(r"\ ", r"\s+") + r")\b", re.I)


class Tense(Check):
    family = "tense"
    rules = (PRESENT_IN_PAST, PAST_IN_PRESENT)

    # -- patterns, compiled once per process ---------------------------------

    @cached_property
    def words(self) -> dict[str, Any]:
        return load_data("tense")

    @cached_property
    def finite(self) -> re.Pattern[str]:
        """Finite verbs in lowercased text: a contraction, a subject pronoun and its verb,
        an auxiliary, a verb coordinated after "and"."""
        w = self.words
        adverb = (
            rf"(?:(?!(?:{_alternatives(w['not_adverbs'])})\b)[a-z]{{2,}}ly|{_alternatives(w['adverbs'])}"
            r"|not)"
        )
        subjects = _alternatives(list(w["subjects"]) + ["who"])
        hosts = _alternatives(w["contraction_hosts"])
        auxiliaries = _alternatives(w["auxiliaries"])
        objects = _alternatives(
            w["objects"] + ["in", "to", "across", "toward", "towards", "inside", "outside"]
        )
        return re.compile(
            rf"\b(?P<host>{hosts})(?P<contr>['’](?:s|re|m|ve))\b"
            rf"|\b(?P<subj>{subjects})\s+(?:{adverb}\s+){{0,2}}(?!and\b)(?P<verb>[a-z]+(?:n['’]t)?)\b(?!['’]\w)"
            rf"|\b(?P<aux>{auxiliaries})\b(?!['’]\w)"
            rf"|\band\s+(?:{adverb}\s+)?(?=(?P<cverb>[a-z]+)\b(?!['’])(?:\s+(?P<obj>{objects})\b)?)"
        )

    @cached_property
    def finite_any_case(self) -> re.Pattern[str]:
        """The same for text whose lowercase changes its length (rare Unicode)."""
        return re.compile(self.finite.pattern, re.I)

    @cached_property
    def reporting(self) -> re.Pattern[str]:
        return _phrase_pattern(self.words["reporting_verbs"])

    @cached_property
    def perceiving(self) -> re.Pattern[str]:
        """A verb of perception with a clause after it: "she saw that", "he felt how"."""
        return re.compile(
            r"\b(?:"
            + _alternatives(self.words["perception_verbs"])
            + r")\s+(?:(?:him|her|them|me|us|it)\s+)?(?:that|how|what|whether|if|why|where|who)\b",
            re.I,
        )

    @cached_property
    def thought_after(self) -> re.Pattern[str]:
        """A thought tag after the thought: "…, she thought", "--was Graham's thought"."""
        verbs = _alternatives(self.words["reporting_verbs"])
        return re.compile(
            rf"(?:,|--|—|–)\s*(?:(?:he|she|they|I|[A-Z][a-z]+)\s+(?:{verbs})|(?:{verbs})\s+(?:he|she|the|[A-Z]))\b"
            r"|\bwas\s+[A-Z]?[a-z]+['’]s\s+thought\b"
        )

    @cached_property
    def idioms(self) -> re.Pattern[str]:
        return re.compile(_alternatives(self.words["idioms"]).replace(r"\ ", r"\s+"), re.I)

    @cached_property
    def generic(self) -> re.Pattern[str]:
        return _phrase_pattern(self.words["generic_markers"])

    @cached_property
    def narrator(self) -> re.Pattern[str]:
        return _phrase_pattern(self.words["narrator_words"])

    @cached_property
    def aside_markers(self) -> re.Pattern[str]:
        return _phrase_pattern(self.words["aside_markers"])

    @cached_property
    def time_cues(self) -> re.Pattern[str]:
        return _phrase_pattern(self.words["time_cues"])

    @cached_property
    def flashback(self) -> re.Pattern[str]:
        return re.compile(
            r"[\s*_#>\[(]*(?:"
            + _alternatives(self.words["flashback_markers"]).replace(r"\ ", r"\s+")
            + r")\b",
            re.I,
        )

    # -- the check -------------------------------------------------------------

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        wanted = {r.id for r in self.rules if ctx.is_enabled(r.id)}
        if not wanted:
            return
        lex = lexicon()
        verbs = self.finite_verbs(doc, lex)
        by_paragraph: dict[int, list[Verb]] = defaultdict(list)
        for verb in verbs:
            by_paragraph[verb.paragraph].append(verb)
        names = Names(doc.text)  # found only if a sentence needs them
        for scene_verbs, tense in self.scenes(doc, verbs):
            if tense is None:
                continue
            rule = PRESENT_IN_PAST if tense.tense == PAST else PAST_IN_PRESENT
            if rule.id in wanted:
                yield from self._scene(doc, lex, scene_verbs, by_paragraph, names, tense, rule)

    def scenes(self, doc: Document, verbs: list[Verb]) -> list[tuple[list[Verb], SceneTense | None]]:
        """Each scene with narration verbs, its verbs and its tense: the scene's own
        majority, or the file's where the scene has too few verbs to tell."""
        file_tense = _majority(verbs)
        scene_starts = [s.start for s in doc.scenes]
        by_scene: dict[int, list[Verb]] = defaultdict(list)
        for verb in verbs:
            by_scene[bisect.bisect_right(scene_starts, verb.start) - 1].append(verb)
        out: list[tuple[list[Verb], SceneTense | None]] = []
        for _, scene_verbs in sorted(by_scene.items()):
            tense = _majority(scene_verbs)
            if tense is None or tense.count < _MIN_SCENE_VERBS:
                tense = file_tense if file_tense and file_tense.count >= _MIN_FILE_VERBS else None
            out.append((scene_verbs, tense))
        return out

    def finite_verbs(self, doc: Document, lex: Lexicon) -> list[Verb]:
        """Every finite verb of the narration, in order."""
        text = doc.text
        low, pattern = doc.lower_text, self.finite
        if low is None:  # lowering moves offsets ("İ")
            low, pattern = text, self.finite_any_case
        found: list[Verb] = []
        maybe: list[tuple[str, Verb]] = []  # a name and a word that may be a verb or a noun ("Grif grins")
        for span, paragraph in self._narration(doc):
            for m in pattern.finditer(low, span.start, span.end):
                verb = self._verb(m, text, lex)
                if verb is not None:
                    found.append(verb._replace(paragraph=paragraph))
            for m in _NAME_VERB.finditer(text, span.start, span.end):
                verb = _after_name(m, lex)
                if verb is not None:
                    found.append(verb._replace(paragraph=paragraph))
                elif _maybe_name_verb(m, lex):
                    maybe.append(
                        (m.group("name"), _after_name(m, lex, maybe=True)._replace(paragraph=paragraph))
                    )
        acting = Counter(_word_before(text, v.start) for v in found if v.kind == "name" and v.tense == PAST)
        found.extend(verb for name, verb in maybe if acting[name] >= 2)
        found.sort()
        return [v for i, v in enumerate(found) if not i or v.start != found[i - 1].start]

    def _narration(self, doc: Document) -> Iterator[tuple[Span, int]]:
        """Narration with emphasis, indented blocks and marked flashbacks cut out."""
        text = doc.text
        emphasis = doc.emphasis
        emphasis_starts = [s.start for s in emphasis]
        paragraphs = doc.paragraphs
        for region in doc.regions_of(RegionKind.NARRATION):
            para = paragraphs[region.paragraph]
            if para.indented or self.flashback.match(text, para.start, para.end):
                continue
            pos = region.start
            i = max(0, bisect.bisect_right(emphasis_starts, region.start) - 1)
            for em in emphasis[i:]:
                if em.start >= region.end:
                    break
                if em.end <= pos:
                    continue
                if em.start > pos:
                    yield Span(pos, em.start), region.paragraph
                pos = em.end
            if pos < region.end:
                yield Span(pos, region.end), region.paragraph

    def _verb(self, m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
        if m.group("contr"):
            return _contraction(m, text)
        if m.group("aux"):
            return _auxiliary(m, text, "aux", lex, "")
        if m.group("subj"):
            return _after_subject(m, text, lex)
        return _coordinated(m, text, lex)

    # -- judging the verbs of one scene ----------------------------------------

    def _scene(
        self,
        doc: Document,
        lex: Lexicon,
        verbs: list[Verb],
        by_paragraph: dict[int, list[Verb]],
        names: Names,
        tense: SceneTense,
        rule: Rule,
    ) -> Iterator[Diagnostic]:
        judge = self._slip_in_past if tense.tense == PAST else self._slip_in_present
        clauses: dict[int, list[Clause]] = {}
        for verb in verbs:
            if verb.tense == tense.tense or not verb.fix:
                continue
            if verb.paragraph not in clauses:
                clauses[verb.paragraph] = self._clauses(doc, lex, by_paragraph[verb.paragraph], names)
            clause = next(c for c in clauses[verb.paragraph] if c.start <= verb.start < c.end)
            certainty = judge(doc.text, lex, verb, clause)
            if certainty:
                yield self._diagnostic(verb, tense, rule, certainty)

    def _clauses(self, doc: Document, lex: Lexicon, verbs: list[Verb], names: Names) -> list[Clause]:
        """The sentences of one paragraph, each with its verbs and its neighbours' verbs."""
        para = doc.paragraphs[verbs[0].paragraph]
        text = doc.text
        bounds = [para.start]
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            word = _PREVIOUS_WORD.search(text, max(para.start, m.start() - 12), m.start() + 1)
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
            bounds.append(m.end())
        bounds.append(para.end)
        groups: list[list[Verb]] = [[] for _ in bounds[1:]]
        for verb in verbs:
            groups[bisect.bisect_right(bounds, verb.start) - 1].append(verb)
        statements = {
            PAST: sum(1 for v in verbs if v.tense == PAST and not v.character),
            PRESENT: sum(1 for v in verbs if v.tense == PRESENT and not v.character),
        }
        narration = [_narration_text(doc, start, end) for start, end in itertools.pairwise(bounds)]
        past = [lex.has_finite_past(n) for n in narration]
        clauses = []
        for i, (start, end) in enumerate(itertools.pairwise(bounds)):
            around = _nearest_narration(narration, i)
            clauses.append(
                Clause(
                    start,
                    end,
                    text[start:end],
                    groups[i],
                    tuple(groups[j] for j in around),
                    statements,
                    narration[i],
                    names,
                    past[i],
                    tuple(past[j] for j in around),
                )
            )
        return clauses

    def _slip_in_past(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> float:
        """How sure is it that this present-tense verb in a past scene is a slip (0: leave it)?"""
        if verb.subject == "you":
            return 0.0
        if self._sheltered(text, lex, verb, clause):
            # reported speech keeps a timeless present ("she knew the earth is round"), but not a
            # character's passing state: "he perceived that she is crying"
            reported = self._reported(text, verb, clause)
            character = (
                verb.subject in ("he", "she")
                or verb.kind == "aux"
                and _subject(text, lex, verb, clause) == "definite"
            )
            timeless = _PRESENT_MODAL.search(clause.narration) or self.narrator.search(clause.narration)
            passing = reported and character and not timeless and self._in_the_moment(text, lex, verb, clause)
            return 0.55 if passing else 0.0
        if verb.subject == "who" or verb.kind == "aux" and _after_relative(text, verb, lex):
            return 0.65 if self._relative_in_the_moment(text, lex, verb, clause) else 0.0
        if verb.kind == "and":
            return 0.85 if self._coordinated_with(text, lex, clause, verb.start) == PAST else 0.0
        if self.narrator.search(clause.narration):
            return 0.0
        window = max(clause.start, verb.start - 60)
        comparison = _COMPARISON if verb.subject in ("he", "she", "they") else _COMPARISON_OR_RELATIVE
        if comparison.search(text, window, verb.start) or _PRESENT_MODAL.search(clause.narration):
            return 0.0  # "as a lantern is lighted by the candle", "alarming as an intruder may be, he is"
        if _SUBORDINATE.search(text, window, verb.start) and (
            not clause.has(PAST) or sum(1 for v in clause.verbs if v.tense == PRESENT) > 1
        ):
            return 0.0  # "School is a child's world while he is there": a timeless present
        if verb.subject not in ("he", "she") and self.generic.search(clause.narration):
            return 0.0
        subject = (
            verb.subject
            if verb.kind == "subject"
            else "name"
            if verb.kind == "name"
            else _subject(text, lex, verb, clause)
        )
        if subject in ("i", "we"):
            return 0.0  # a first-person narrator's aside: "I still remember", "the exception I speak of"
        if subject == "they" and verb.word.lower() not in lex.auxiliaries:
            subject = (
                "they-acting"  # "They make their way to the river": the characters, not people in general
            )
        if subject == "and":
            return 0.8 if self._coordinated_with(text, lex, clause, verb.start) == PAST else 0.0
        if subject == "they" and self._in_the_moment(text, lex, verb, clause):
            return 0.65  # "so they are put away", "they are soon walking"
        if subject in ("there", "it", "that", "this", "here", "what", "they"):
            return self._weak_statement(text, verb, clause, subject)
        if subject in ("generic", "") and self._progressive(text, lex, verb, clause):
            return 0.6  # "A council of war is being held beside the wells": happening in the story's moment
        if subject == "generic":
            return 0.0
        if subject == "":
            # a thing whose kind is unclear ("for dress is her delight, and here she had …"): only in a
            # sentence where a character acts in the past and nothing else is in the present
            presents = sum(1 for v in clause.verbs if v.tense == PRESENT)
            plain = presents == 1 and clause.has(PAST) and not clause.elsewhere(PRESENT)
            return (
                0.6
                if plain and not _GENERIC_START.search(text, max(clause.start, verb.start - 30), verb.start)
                else 0.0
            )
        if subject not in ("he", "she", "they-acting", "name", "definite"):
            return 0.0
        if clause.has(PAST):
            if verb.character:
                return 0.8
            # a statement about a thing: a slip beside a character's past action, not in a sentence
            # of general statements ("The affections are more reticent than the passions, and …")
            presents = sum(1 for v in clause.verbs if v.tense == PRESENT)
            return (
                0.7 if not clause.elsewhere(PRESENT) and (presents == 1 or _character_past(clause)) else 0.0
            )
        if _ENDING_QUESTION.search(clause.text) or clause.elsewhere(PRESENT):
            return 0.0
        if clause.between(PAST):
            return 0.65
        # a character's action in a paragraph of dialogue: "Come here," she says.
        return (
            0.6
            if not clause.neighbours and verb.kind in ("subject", "name") and subject != "definite"
            else 0.0
        )

    def _relative_in_the_moment(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """A relative clause in the progressive or the perfect ("Gus, who is convulsed with laughter",
        "the silence which has fallen upon the room") ties it to the story's moment: a slip beside a
        past verb. In the simple present ("the barman, who knows everyone") it may be timeless."""
        if (
            not clause.has(PAST)
            or self.generic.search(clause.narration)
            or self.narrator.search(clause.narration)
        ):
            return False
        if not _specific_antecedent(text[max(clause.start, verb.start - 70) : verb.start]):
            return False  # "like a man who has been stung", "those who are engaged in it"
        return self._in_the_moment(text, lex, verb, clause)

    def _in_the_moment(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """is / has + a participle ("is crying", "has fallen") beside a past verb of the story."""
        if (
            not clause.has(PAST)
            or self.generic.search(clause.narration)
            or self.narrator.search(clause.narration)
        ):
            return False
        if verb.word.lower() not in ("is", "are", "has", "have", "isn't", "aren't", "hasn't", "haven't"):
            return False
        following = _WORD.findall(text[verb.end : verb.end + 40].lower())
        following = [w for w in following if w not in lex.adverbs and not w.endswith("ly")][:1]
        return bool(following) and (
            following[0].endswith("ing")
            and following[0] not in lex.other
            or following[0] == "been"
            or following[0] in lex.participles
            and following[0] not in lex.base_forms
            and following[0] not in lex.modifiers
        )

    def _progressive(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """ "is / are" + an -ing form ("a council is being held") as the only present verb of a
        sentence told beside the story's past, with none elsewhere in the paragraph: something
        happening in the story's moment, since a timeless remark takes the simple present."""
        if verb.word.lower() not in ("is", "are") or clause.elsewhere(PRESENT):
            return False
        if sum(1 for v in clause.verbs if v.tense == PRESENT) > 1 or _ENDING_QUESTION.search(clause.text):
            return False
        if self.generic.search(clause.narration) or not (clause.has(PAST) or clause.between(PAST)):
            return False
        after = text[verb.end : verb.end + 40]
        words = [w for w in _WORD.findall(after.lower()) if w not in lex.adverbs and not w.endswith("ly")]
        if not words or not words[0].endswith("ing") or words[0].endswith("thing") or words[0] in lex.other:
            return False  # "money is not everything"
        # an -ing word that ends its clause is mostly an adjective ("such things are irritating,")
        return not re.match(rf"[^,;:.!?]*?\b{words[0]}\s*[,;:.!?]", after, re.I)

    def _weak_statement(self, text: str, verb: Verb, clause: Clause, subject: str) -> float:
        """A present "is / are / has" after "there", "it", "that" or "they": a slip only beside a past
        verb of the story ("There are no velvet ropes at SouthPaw, and that's just the way she liked
        it"), never a comment of the narrator's ("It is impossible to …", "There are men who …")."""
        if clause.elsewhere(PRESENT) or subject in ("it", "this") and self._impersonal(text, verb, clause):
            return 0.0
        character_past = _character_past(clause) or subject == "they" and _they_past(clause)
        if character_past or subject in ("it", "this") and clause.has(PAST):
            return 0.7
        # "There is another pause." "It is a colossal vehicle." between sentences told in the past
        alone = (
            (subject == "there" or subject == "it" and _IT_IS_A.match(text, verb.end))
            and not clause.has(PAST)
            and not _ENDING_QUESTION.search(clause.text)
        )
        return 0.6 if alone and clause.between(PAST) else 0.0

    def _impersonal(self, text: str, verb: Verb, clause: Clause) -> bool:
        """ "It is true", "it is impossible to …": the narrator's comment, not the story."""
        return bool(_IMPERSONAL.match(text, verb.end, clause.end))

    def _slip_in_present(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> float:
        """How sure is it that this past-tense verb in a present scene is a slip (0: leave it)?"""
        if verb.subject in ("you", "who", "i", "we") or verb.kind in ("aux", "name", "contraction"):
            return 0.0
        if self.time_cues.search(clause.narration) or self._sheltered(text, lex, verb, clause):
            return 0.0
        if verb.kind == "and":
            return 0.8 if self._coordinated_with(text, lex, clause, verb.start) == PRESENT else 0.0
        if not verb.character or verb.word.lower() in lex.reporting:
            return 0.0
        if any(v.tense == PRESENT and v.subject == verb.subject for v in clause.verbs):
            return 0.75
        if clause.has(PRESENT) or clause.elsewhere(PAST):
            return 0.0
        return 0.6 if clause.between(PRESENT) else 0.0

    def _reported(self, text: str, verb: Verb, clause: Clause) -> bool:
        """Is the verb in a clause of reported speech or thought ("she knew that he is …")?"""
        before = text[clause.start : verb.start]
        return any(
            _governs(before, m.end())
            for pattern in (self.reporting, self.perceiving, _REPORTED_THAT)
            for m in pattern.finditer(before)
        )

    def _sheltered(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """Is the verb where another tense is right: reported speech or thought, a set phrase,
        an aside in parentheses or dashes, a first-person narrator's aside?"""
        before = text[clause.start : verb.start]
        if any(
            _governs(before, m.end())
            for pattern in (self.reporting, self.perceiving, _REPORTED_THAT)
            for m in pattern.finditer(before)
        ):
            return True
        if verb.kind != "and" and self.thought_after.search(text, verb.end, clause.end):
            return True  # free indirect thought: "She is trying to make him compete--was Graham's thought."
        if self.idioms.search(text, max(clause.start, verb.start - 12), min(clause.end, verb.end + 12)):
            return True
        if before.count("(") > before.count(")") or _between_dashes(before, text[verb.end : clause.end]):
            return True
        word = verb.word.lower().replace("’", "'").removesuffix("n't")
        return verb.subject in ("i", "we") and (
            word in lex.aside_verbs
            or verb.kind == "contraction"
            or bool(self.aside_markers.search(clause.narration))
        )

    def _coordinated_with(self, text: str, lex: Lexicon, clause: Clause, and_at: int) -> str | None:
        """The tense of the verb an "and" coordinates with, read backwards from the "and"
        ("the wind blew and check": past); None if a modal, "to", an auxiliary or a
        verb of perception governs it ("wanted to stop and check", "saw him turn and check")."""
        before = text[clause.start : and_at]
        if (
            _PRESENT_MODAL.search(before)
            or _ANY_MODAL.search(before)
            or any(w in lex.base_forms and w not in lex.determiners for w in _TO_VERB.findall(before.lower()))
        ):
            return None  # "would examine it … and then hunt", "to collar Jack when he came out, and talk"
        words = re.findall(r"[A-Za-z’'-]+|[,;:]", before)[-14:]
        skipped = 0
        for i in range(len(words) - 1, -1, -1):
            word = words[i].lower().replace("’", "'")
            previous = words[i - 1].lower() if i else ""
            if word in (",", ";", ":"):
                skipped += 1
            elif (
                word in _MODALS
                or word in lex.auxiliaries
                or word.endswith("n't")
                or word in _BE
                or word == "to"
            ):
                return None
            elif word in lex.past_forms and previous not in lex.determiners:
                if previous in ("had", "hadn't"):
                    return PAST  # "he had finished reading, and is now gazing"
                if previous in lex.non_finite_before or previous in _OBJECT_PRONOUNS:
                    return None  # "had been received and warn", "have it refused and get away"
                return None if word in _GOVERNING and skipped else PAST
            elif word in lex.third_forms and word not in lex.other:
                return PRESENT
            elif word in lex.base_forms and word not in lex.other:
                return None
            else:
                skipped += 1
        return None

    def _diagnostic(self, verb: Verb, tense: SceneTense, rule: Rule, certainty: float) -> Diagnostic:
        if verb.kind == "contraction":
            fix = verb.fix
            suggestion = f"{verb.subject}{fix}" if fix.startswith(" ") else fix
        else:
            fix = suggestion = keep_case(verb.word, verb.fix)
        message = (
            f'"{verb.word}" is in the {verb.tense} tense, but {tense.describe()}: '
            f'did you mean "{suggestion}"?'
        )
        return Diagnostic(
            rule.id,
            verb.start,
            verb.end,
            message,
            (Fix(verb.start, verb.end, fix, safe=False),),
            confidence=round(tense.confidence * certainty, 2),
            data={"scene_tense": tense.tense, "scene_share": round(tense.share, 2)},
        )


def _majority(verbs: list[Verb]) -> SceneTense | None:
    past = sum(1 for v in verbs if v.tense == PAST)
    count = len(verbs)
    if not count:
        return None
    tense, share = (PAST, past / count) if 2 * past >= count else (PRESENT, 1 - past / count)
    return SceneTense(tense, share, count) if share >= 0.7 else None


def _subject(text: str, lex: Lexicon, verb: Verb, clause: Clause) -> str:
    """What kind of subject an auxiliary has, read backwards from it: "there", "it", "that" …;
    "definite" (the bar, her hands, Mr. Frank), "and" (a verb coordinated with the one before:
    "went on, and are rounding the bend"), or "" when it is generic or unknown (children, a
    rebellious girl, the way to be artistic, which)."""
    if verb.kind == "contraction":
        return verb.subject
    words = _TOKEN.findall(text, max(clause.start, verb.start - 60), verb.start)[-7:]
    phrase: list[tuple[str, bool]] = []  # the subject's words, last first, and whether each starts a sentence
    determiner = ""
    for i in range(len(words) - 1, -1, -1):
        token, word = words[i], words[i].lower()
        if not phrase and token.islower() and (word in lex.adverbs or word.endswith("ly")):
            continue
        if not phrase and word == "and":
            return "and"
        starts = i == 0 or words[i - 1] in ".!?" and not (i > 1 and words[i - 2].lower() in ABBREVIATIONS)
        if not phrase and _is_name(token, starts, lex, clause):
            return "definite"  # "for a moment Freddie is uneasy"
        if token in ",;:(.!?" or word in _NP_BOUNDARY or len(phrase) >= 5:
            break
        if word in lex.relative:
            return ""
        phrase.append((token, starts))
        if word in _DEFINITE or word in _GENERIC_DETERMINERS:
            determiner = word
            break
    if not phrase:
        return ""
    first = phrase[0][0].lower()
    if first in ("there", "it", "this", "that", "here", "what"):
        return first
    if determiner:
        return "definite" if determiner in _DEFINITE else ""
    for token, starts in phrase:
        if token.endswith(("'s", "’s")) or _is_name(token, starts, lex, clause):
            return "definite"  # a name
    head = phrase[0][0].lower()
    if head.endswith(_ABSTRACT) or head.endswith("s") and not head.endswith("ss"):
        return "generic"  # "girls are tender-hearted creatures", "hatred is a skilful compositor"
    return ""


def _is_name(token: str, starts: bool, lex: Lexicon, clause: Clause) -> bool:
    """A capitalised word inside a sentence, or one that opens it and the story uses as a name."""
    if not token[:1].isupper() or token.lower() in lex.function_words:
        return False
    return not starts or token in clause.names and token.lower() not in lex.other


def _specific_antecedent(before: str) -> bool:
    """Is the noun before the relative pronoun a particular one ("Gus, who", "the silence which"),
    not a kind of thing ("a man who", "one who", "those who", "like a horse which")?"""
    words = _TOKEN.findall(before)[:-1]  # without the relative pronoun itself
    if words and words[-1] == ",":
        words = words[:-1]
    if not words:
        return False
    if words[-1][:1].isupper() and words[-1].lower() not in ("i", "those", "one"):
        return True  # a name: "Gus, who is convulsed"
    phrase = []
    for token in reversed(words[-5:]):
        if token in ",;:(.!?":
            break
        phrase.append(token.lower())
    return (
        bool(set(phrase) & {"the", "his", "her", "their", "its", "my", "our"})
        and not set(phrase) & _GENERIC_ANTECEDENT
    )


def _after_relative(text: str, verb: Verb, lex: Lexicon) -> bool:
    """Does a relative pronoun stand right before the verb ("the silence which has fallen")?"""
    window = text[max(0, verb.start - 30) : verb.start].lower()
    return _previous_word(window, len(window)) in ("which", "that", "who")


def _character_past(clause: Clause) -> bool:
    """Does a character act in the past tense in this sentence ("she liked it", "Karen smiled")?"""
    return any(v.tense == PAST and (v.subject in ("he", "she") or v.kind == "name") for v in clause.verbs)


def _they_past(clause: Clause) -> bool:
    """Do "they" act in the past tense in this sentence ("They are camel-men, but they sat their
    camels"): the same subject's past action makes its present "are" a slip, not a remark."""
    return any(v.tense == PAST and (v.subject == "they" or v.kind == "and") for v in clause.verbs)


def _nearest_narration(narration: list[str], i: int) -> list[int]:
    """The sentences before and after sentence i that have narration (dialogue-only ones skipped)."""
    before = next((j for j in range(i - 1, -1, -1) if narration[j].strip()), None)
    after = next((j for j in range(i + 1, len(narration)) if narration[j].strip()), None)
    return [j for j in (before, after) if j is not None]


def _governs(before: str, end: int) -> bool:
    """Does a reporting verb ending at `end` govern the rest of `before` (no clause break
    between: "she knew the earth is round", not "whispered Merry; for she adores")?"""
    between = before[end:]
    return len(between) < 80 and not _CLAUSE_BREAK.search(between)


def _narration_text(doc: Document, start: int, end: int) -> str:
    """The narration between two offsets, dialogue and emphasis left out."""
    pieces = []
    pos = start
    while pos < end:
        region = doc.region_at(pos)
        if region is None:
            pos += 1
            continue
        if region.kind is RegionKind.NARRATION:
            pieces.append(doc.text[pos : min(region.end, end)])
        pos = region.end
    return " ".join(pieces)


def _between_dashes(before: str, after: str) -> bool:
    """An aside set off by a pair of dashes around the verb ("he was--she is sure--a liar"),
    counted in the narration after the last quotation."""
    before = before[max(before.rfind(q) for q in '"”“') + 1 :]
    return any(before.count(dash) % 2 == 1 and dash in after for dash in ("--", "—"))


def _word_before(text: str, at: int) -> str:
    """The word just before offset `at`, as written."""
    words = text[max(0, at - 40) : at].split()
    return words[-1] if words else ""


def _previous_word(low: str, at: int) -> str:
    """The lowercased word before offset `at` (punctuation between is skipped)."""
    m = _WORD_IN_CLAUSE.search(low, max(0, at - 20), at)
    return m.group(1).replace("’", "'") if m else ""


def _contraction(m: re.Match[str], text: str) -> Verb | None:
    host = m.group("host")
    if m.string[m.end() : m.end() + 1] == "-":
        return None  # "What's-his-name"
    suffix = m.group("contr")[1:]
    past = {"s": " was", "re": " were", "m": " was", "ve": "'d"}[suffix]
    if suffix in ("s", "re") and re.match(r"\s+(?:been|got|gotten|had)\b", m.string[m.end() : m.end() + 10]):
        past = "'d"
    apostrophe = m.group("contr")[0]
    start, end = m.start("contr"), m.end("contr")
    return Verb(
        start, end, text[m.start() : end], PRESENT, "contraction", host, past.replace("'", apostrophe)
    )


def _auxiliary(m: re.Match[str], text: str, group: str, lex: Lexicon, subject: str) -> Verb | None:
    start, end = m.start(group), m.end(group)
    form = lex.auxiliary_form(m.group(group), subject)
    if form is None:
        return None
    if group == "aux" and _INVERSION.match(m.string, end):
        return None  # "Nor is it", "was he": a question or an inverted clause
    tense, fix = form
    raw = text[start:end]
    if "’" in raw:
        fix = fix.replace("'", "’")
    return Verb(
        start, end, raw, tense, "aux" if group == "aux" else "subject", subject, fix
    )


def _after_subject(m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
    subject = m.group("subj")
    word = m.group("verb")
    if word in _MODALS or _inverted(m, lex):
        return None
    if word.replace("’", "'") in lex.auxiliaries:
        return _auxiliary(m, text, "verb", lex, subject)
    if subject == "who":
        return None
    form = lex.after_subject(word, lex.person(subject))
    if form is None:
        return None
    start, end = m.start("verb"), m.end("verb")
    return Verb(start, end, text[start:end], form[0], "subject", subject, form[1])


def _inverted(m: re.Match[str], lex: Lexicon) -> bool:
    """A question or condition with the auxiliary before the subject ("did they know",
    "would he have": the verb after the subject is not finite), or a comparison
    ("taller than he is")."""
    word = _previous_word(m.string, m.start()).lower()
    return word in _MODALS or word in lex.auxiliaries or word.endswith("n't") or word == "than"


def _coordinated(m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
    word = m.group("cverb").lower()
    start, end = m.start("cverb"), m.end("cverb")
    raw = text[start:end]
    if word in lex.modifiers or word in _MODALS:
        return None
    if word in lex.noun_like and not (m.group("obj") and _verb_before_and(m, lex)):
        return None
    if word in lex.past_forms:
        return Verb(start, end, raw, PAST, "and", "", lex.third_of.get(word, ""), word in lex.participles)
    if word in lex.base_forms and lex.past_of.get(word, word) != word and m.group("obj"):
        return Verb(start, end, raw, PRESENT, "and", "", lex.past_of[word])
    if word in lex.third_forms and word not in lex.other:
        return Verb(start, end, raw, PRESENT, "and", "", lex.past_of.get(word, ""))
    return None


def _verb_before_and(m: re.Match[str], lex: Lexicon) -> bool:
    """Is the word before the "and" a verb, an object pronoun or a particle ("blew and check her"),
    not a noun ("bread and butter")?"""
    word = _previous_word(m.string, m.start()).lower()
    return (
        word in lex.past_forms
        or word in lex.third_forms
        and word not in lex.noun_like
        or word in _OBJECT_PRONOUNS
        or word in _PARTICLES
    )


def _maybe_name_verb(m: re.Match[str], lex: Lexicon) -> bool:
    """An -s form that may be a plural noun after a capitalised word: a verb if the word
    is a character's name ("Grif grins", not "Sunday papers")."""
    word = m.group("nverb")
    return (
        word in lex.third_forms
        and word not in lex.base_forms
        and word not in lex.auxiliaries
        and m.group("name").lower() not in lex.not_names
        and m.group("next") is not None
    )


def _after_name(m: re.Match[str], lex: Lexicon, maybe: bool = False) -> Verb | None:
    word = m.group("nverb")
    if (
        not maybe
        and word not in lex.name_verbs
        and not (word in lex.third_forms and m.group("next") in _AFTER_VERB and word not in lex.base_forms)
    ):
        return None
    raw = word
    if m.group("name").lower() in lex.not_names:
        return None
    if word in lex.third_forms and word not in lex.base_forms and word not in lex.auxiliaries:
        return Verb(m.start("nverb"), m.end("nverb"), raw, PRESENT, "name", "", lex.past_of.get(word, ""))
    if word in lex.name_verbs and word in lex.past_forms:
        return Verb(m.start("nverb"), m.end("nverb"), raw, PAST, "name", "", lex.third_of.get(word, ""))
    return None


CHECKS = [Tense]


def scene_tenses(doc: Document) -> list[str]:
    """Each scene's narrative tense as reports show it ("past, very sure"), in order."""
    check = Tense()
    verbs = check.finite_verbs(doc, lexicon())
    return [
        f"{tense.tense}, {tense.sureness} ({tense.share:.0%} of {tense.count} verbs)" if tense else "unclear"
        for _, tense in check.scenes(doc, verbs)
    ]
