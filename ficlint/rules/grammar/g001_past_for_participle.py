"""G001 past-for-participle: a simple past after have ("had saw", "has came", "had hid")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import (
    PERSONAL,
    lowercase_word,
    replacement,
    skip_adverbs,
    verb_tag,
    word_set,
)
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G001",
    name="past-for-participle",
    category="grammar",
    summary='A simple past after "have" where the past participle belongs ("had saw", "has came").',
    why=(
        'The perfect tenses are "have" with the past participle: "had seen", "has come", "had hidden", '
        'never "had saw", "has came", "had hid". The slip is easy to make with the irregular verbs whose '
        "past and participle differ (saw/seen, came/come, went/gone, swam/swum). ficlint flags it in "
        'narration; in dialogue "I had went" can be a character\'s own voice, and is left alone, as are '
        'pasts that dictionaries also accept as participles ("had woke", "had forgot", "had dove") and '
        '"had" closing a clause of its own ("everything he had went to her").'
    ),
    examples=examples(
        ("Harry had saw a glimmer of hope.", "Harry had seen a glimmer of hope."),
        ("She has came back twice already.", "She has come back twice already."),
        ("He had just came from the office.", "He had just come from the office."),
        (
            "Harry had hid a stash of potions under the bed.",
            "Harry had hidden a stash of potions under the bed.",
        ),
        ("They must have went home early.", "They must have gone home early."),
    ),
    allows=(
        "Everything he had went to his sister.",
        "All the money they had came from the Ministry.",
        '"I had went there before," Hagrid said.',
        "He had woke up late.",
        "She had rose petals in her hair.",
        "He had seen it and had gone home.",
    ),
    fix_safety=(
        'Safe: the participle of the same verb. Unsafe where the past is also a noun ("had saw": a saw) '
        'or the auxiliary may be "would" ("he\'d went").'
    ),
)

HAVE = ("had", "has", "have", "having", "hadn't", "hasn't", "haven't")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    forms = inflections()
    pasts, low = _pasts(), v.low
    for i in v.at(*HAVE, *_contracted(v)):
        if v.voice[i] != NARRATION or pasts.isdisjoint(low[i + 1 : i + 4]):
            continue  # (the quick test: no simple past where the verb can be, two adverbs on)
        j = skip_adverbs(v, i + 1)
        if not v.same_sentence(i, j) or v.voice[j] != NARRATION or not lowercase_word(v, j):
            continue
        base = forms.past_only.get(v.low[j])
        if base is None or not verb_tag(v, j) or (j == i + 1 and _closes_relative(v, i)):
            continue
        participle = forms.participle(base)
        if not participle:
            continue
        word, have = v.text[j], v.text[i]
        safe = v.low[j] not in word_set("pasts_also_nouns") and not v.low[i].endswith("'d")
        yield Diagnostic(
            RULE.id,
            v.start[j],
            v.end[j],
            f'After "{have}", use the past participle: "{participle}", not the simple past "{word}".',
            (Fix(v.start[j], v.end[j], replacement(word, participle), safe=safe),),
        )


@cache
def _pasts() -> frozenset[str]:
    """The simple pasts that are no participle ("went", "saw"): what may follow have by mistake."""
    return frozenset(inflections().past_only)


def _contracted(v: View) -> list[str]:
    """The contractions of have in the document ("I've", "could've", "he'd")."""
    return [w for w in v.with_apostrophe() if w.endswith(("'ve", "'d")) and len(w) > 3]


def _closes_relative(v: View, i: int) -> bool:
    """Does the have at i close a clause of its own after a noun or pronoun it belongs to
    ("everything he had | went to her", "the money Harry had | came from")?"""
    if "'" in v.low[i]:
        return False
    k = i - 1
    if not v.same_sentence(k, i):
        return False
    if v.low[k] in PERSONAL or v.xpos[k] in ("NNP", "NNPS"):
        k -= 1
        while v.same_sentence(k, i) and v.xpos[k] in ("NNP", "NNPS"):
            k -= 1
    elif v.xpos[k].startswith("NN"):
        while v.same_sentence(k, i) and (v.xpos[k].startswith(("NN", "JJ")) or v.xpos[k] in ("DT", "PRP$")):
            k -= 1
    else:
        return False  # no subject before have: "must have", "to have", "who had"
    if not v.same_sentence(k, i):
        return False
    if v.low[k] not in word_set("relative_heads") and not v.xpos[k].startswith(
        ("NN", "JJ", "CD", "DT", "PDT")
    ):
        return False
    # the noun phrase the clause belongs to must be a subject, not an object ("to the room he had came from")
    while v.same_sentence(k - 1, k) and v.xpos[k - 1].startswith(("NN", "JJ", "CD", "DT", "PDT", "PRP$")):
        k -= 1
    return not v.same_sentence(k - 1, k) or not v.xpos[k - 1].startswith(("IN", "TO", "VB"))
