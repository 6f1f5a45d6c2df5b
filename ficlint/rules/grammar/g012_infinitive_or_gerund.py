"""G012 infinitive-or-gerund: "to" where a verb takes the -ing form, or missing after "going" ("enjoyed to
travel", "I am going apparate")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import lowercase_word, word_set
from ficlint.rules.grammar._view import OTHER, View, view

RULE = Rule(
    id="G012",
    name="infinitive-or-gerund",
    category="grammar",
    summary='"to" after a verb that takes the -ing form, or no "to" after "going" ("enjoyed to travel", '
    '"I am going apparate").',
    why=(
        'Some verbs take the -ing form and never "to": "they enjoyed travelling", "she avoided looking", '
        '"he finished packing", "keep walking". And "going" in the sense of a plan needs its "to": "I am '
        'going to apparate us". ficlint flags "to" and a verb after enjoy, avoid, finish, mind, keep, quit, '
        'practise, postpone and their like, and "am / is / was going" straight before a verb, and leaves '
        'alone "kept to himself", "is considered to be" and "going home".'
    ),
    examples=examples(
        ("They enjoyed to travel around the coast.", "They enjoyed traveling around the coast."),
        ('"I am going apparate us out of here."', '"I am going to apparate us out of here."'),
    ),
    allows=(
        "He kept to himself.",
        "She avoided to the left.",
        "He was going home.",
        "They were going shopping.",
        "She is going to apparate.",
    ),
    fix_safety='Unsafe: the -ing form is spelt the American way ("traveling"), and "going" may have meant '
    "motion.",
)

_BE = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "'m",
        "'re",
        "'s",
        "i'm",
        "you're",
        "we're",
        "they're",
        "he's",
        "she's",
        "it's",
    ]
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    lex = lexicon()
    forms = inflections()
    gerund_verbs = word_set("gerund_verbs")
    for i in v.at("to"):
        verb = i + 1
        before = v.low[i - 1] if i > 0 else ""
        if lex.base_of.get(before, before) not in gerund_verbs:
            continue  # (most words before "to" are none of them: the quick test first)
        if v.voice[i] == OTHER or not v.same_sentence(i - 1, verb) or not lowercase_word(v, verb):
            continue
        if not v.xpos[i - 1].startswith("VB"):
            continue
        if v.same_sentence(i - 2, i) and v.low[i - 2] == "-":
            continue  # "delicate-minded to show"
        if v.xpos[verb] != "VB" or v.low[verb] not in lex.base_forms or _passive(v, i - 1):
            continue
        ing = forms.ing_of.get(v.low[verb])
        if ing:
            yield Diagnostic(
                RULE.id,
                v.start[i],
                v.end[verb],
                f'"{v.text[i - 1]}" takes the -ing form: "{v.text[i - 1]} {ing}".',
                (Fix(v.start[i], v.end[verb], ing, safe=False),),
            )
    for i in v.at("going"):
        verb = i + 1
        if v.voice[i] == OTHER or not v.same_sentence(i - 1, verb) or not lowercase_word(v, verb):
            continue
        word = v.low[verb]
        if (
            v.low[i - 1] not in _BE
            or v.xpos[verb] != "VB"
            or word not in lex.base_forms
            and word in lex.base_of
        ):
            continue
        if v.low[verb] in lex.noun_like or v.low[verb] in lex.modifiers:
            continue  # "going home", "going back"
        yield Diagnostic(
            RULE.id,
            v.start[i],
            v.end[verb],
            f'"going" before a verb needs "to": "going to {v.text[verb]}".',
            (Fix(v.end[i], v.end[i], " to", safe=False),),
        )


def _passive(v: View, k: int) -> bool:
    return v.same_sentence(k - 1, k) and v.low[k - 1] in _BE
