"""G011 missing-subject: a clause opened by "because", "if", "as" … whose verb has no subject ("because
are human", "as begins to drift", "if didn't come to anything")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import PERSONAL, word_set
from ficlint.rules.grammar._view import OTHER, View, view

RULE = Rule(
    id="G011",
    name="missing-subject",
    category="grammar",
    summary='A clause opened by "because", "if", "as" … whose verb has lost its subject ("because are '
    'human", "as begins to drift").',
    why=(
        'A clause after "because", "if", "unless", "as" needs a subject before its verb: "because you '
        'are human", "if it didn\'t come to anything", "as he begins to drift". A subject dropped in '
        "revision leaves the verb hanging. ficlint flags a finite verb straight after such a word, and "
        'leaves alone "as follows", "as is", "as was his habit", "as did Harry", questions ("because isn\'t '
        'that what we are?") and "though", whose clause often shares its subject ("he looked sad, though '
        "didn't make a sound\")."
    ),
    examples=examples(
        "He sank into Harry's embrace as begins to drift off.",
        '"You can\'t help it, because are human."',
        "And if didn't come to anything, he would leave.",
    ),
    allows=(
        "The list is as follows.",
        "He left the room as was his habit.",
        "She laughed, as did Harry.",
        '"Because are you sure about that?"',
        "It was tired but was happy.",
        "He looked saddened, though didn't make a sound.",
        "Because isn't that what we all are in the end?",
        "The kitchen glistened in a comfort such as attends good digestion.",
        "He did not do so much injustice as attends the impressing of seamen.",
    ),
)

_FINITE_AUXILIARIES = frozenset(
    [
        "are",
        "is",
        "was",
        "were",
        "didn't",
        "don't",
        "doesn't",
        "wasn't",
        "isn't",
        "aren't",
        "weren't",
        "has",
        "have",
        "hasn't",
        "haven't",
        "hadn't",
        "am",
    ]
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at(*word_set("subjectless_openers")):
        j = i + 1
        if v.voice[i] == OTHER or not v.same_sentence(i, j) or v.voice[j] == OTHER:
            continue
        if _subjectless(v, i, j):
            yield Diagnostic(
                RULE.id,
                v.start[j],
                v.end[j],
                f'"{v.text[i]} {v.text[j]}": the verb has no subject; who or what "{v.text[j]}"?',
            )


_SUCH_WORDS = frozenset(["such", "same", "so"])
_SUCH_REACH = 12  # words back "such" may stand from its "as"


def _after_such(v: View, i: int) -> bool:
    """ "comfort such as attends good digestion", "so much injustice as attends it", "with such
    effulgence blazeth, as sends forth": after "such", "the same" or "so", "as" is a relative
    pronoun, the subject of its verb."""
    return any(v.low[k] in _SUCH_WORDS for k in range(max(0, i - _SUCH_REACH), i) if v.same_sentence(k, i))


def _subjectless(v: View, i: int, j: int) -> bool:
    word = v.low[j]
    if v.same_sentence(j, j + 1) and v.low[j + 1] in PERSONAL | word_set("question_subjects"):
        return False  # a question: "because are you sure?", "because isn't that what we are?"
    if word in ("don't", "do"):
        return False  # an order: "if don't tell him", rare as a slip
    if v.low[i] == "as":  # "as is", "as was his habit", "as did Harry": an inversion after as
        if v.word(i - 1) in word_set("as_who_words"):
            return False  # "he is one as knows": "as" for "who" in a speaker's dialect
        if _after_such(v, i):
            return False
        lex = lexicon()
        if word in lex.auxiliaries or word in word_set("as_verbs") or word not in lex.third_forms:
            return False
        return word not in lex.base_forms and word not in lex.noun_like and v.xpos[j] == "VBZ"
    if word in _FINITE_AUXILIARIES:
        return not (
            v.low[i] in ("if", "though") and word in ("was", "were", "is")
        )  # "as if was", "even if is"
    return False
