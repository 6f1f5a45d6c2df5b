"""G013 plural-after-one-of: a singular noun where "one of", "each of" or "several" want a plural ("one
of his eye", "several other have been")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import lowercase_word, word_set
from ficlint.rules.grammar._view import OTHER, View, view

RULE = Rule(
    id="G013",
    name="plural-after-one-of",
    category="grammar",
    summary='A singular noun where "one of", "each of" or "several" want a plural ("one of his eye", '
    '"several other have been").',
    why=(
        '"One of", "each of", "either of" pick one from several, so the noun after them is plural: "one of '
        'his eyes", "each of the students". And "other" standing alone for people or things after "several", '
        '"many" or "few" is "others": "Harry and several others have been". ficlint leaves alone collective '
        'nouns ("one of the family"), nouns the same in both numbers ("one of the sheep") and a noun that '
        'is itself a modifier ("one of the house elves").'
    ),
    examples=examples(
        ("He winks one of his eye and nods.", "He winks one of his eyes and nods."),
        ("Harry and several other have been chosen.", "Harry and several others have been chosen."),
    ),
    allows=(
        "She was one of the family now.",
        "One of the house elves brought tea.",
        "One of the sheep had wandered off.",
        "It was one of the best days.",
        "Several other students came.",
        "Some of the food was cold.",
    ),
    fix_safety="Unsafe: the plural is made by rule (eye -> eyes, box -> boxes); irregular plurals get none.",
    # Off by default: on held-out fan fiction (tune split) about half its findings were true, the rest
    # adjectives the tagger took for nouns ("one of the first") and compounds ("one of the camel-food
    # bags"); it also fires on edited novels. Turn it on with `extend-select: [G013]`.
    enabled_by_default=False,
)

_PICKERS = frozenset(["one", "each", "either", "neither"])
_OWNERS = frozenset(["the", "his", "her", "their", "my", "your", "our", "its", "these", "those"])
_MANY = frozenset(["several", "many", "few"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at("of"):
        if (
            v.voice[i] == OTHER
            or v.word(i - 1) not in _PICKERS
            or v.word(i + 1) not in _OWNERS
            or v.word(i - 2) == "the"
        ):
            continue
        n = i + 2
        if v.tag(n) in ("JJ",) and v.same_sentence(n, n + 1):
            n += 1
        if not v.same_sentence(i, n) or v.xpos[n] != "NN" or not lowercase_word(v, n):
            continue
        if (
            _not_countable(v, n)
            or v.tag(n + 1).startswith(("NN", "POS"))
            or v.word(n + 1) in ("of", "'s", "-")
        ):
            continue  # "one of the house elves", "one of the camel-food bags"
        if v.low[n] in word_set("not_nouns_after_of"):
            continue
        plural = _plural(v.low[n])
        fixes = (Fix(v.start[n], v.end[n], plural, safe=False),) if plural else ()
        yield Diagnostic(
            RULE.id,
            v.start[n],
            v.end[n],
            f'After "{v.text[i - 1]} of", the noun is plural: "{plural or v.text[n] + "s"}".',
            fixes,
        )
    for i in v.at("other"):
        if v.voice[i] == OTHER or v.word(i - 1) not in _MANY:
            continue
        after = v.tag(i + 1)
        if after.startswith(("VB", "MD", "IN")) or after in (".", ",", ":") or not v.same_sentence(i, i + 1):
            yield Diagnostic(
                RULE.id,
                v.start[i],
                v.end[i],
                f'"{v.text[i - 1]} other" standing alone is plural: "others".',
                (Fix(v.start[i], v.end[i], v.text[i] + "s", safe=False),),
            )


def _not_countable(v: View, n: int) -> bool:
    word = v.low[n]
    return (
        word in word_set("collective")
        or word in word_set("number_neutral")
        or word in word_set("irregular_plurals")
        or word.endswith(("s", "ing", "ness", "ity"))
    )


def _plural(word: str) -> str:
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("man", "f", "fe", "o")):
        return ""  # men, knives, potatoes: no guess
    return word + "s"
