"""G013 plural-after-one-of: a singular noun where "one of", "each of" or "several" want a plural ("one
of his eye", "several other have been")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import lowercase_word, replacement, word_set
from ficlint.rules.grammar._view import NARRATION, View, view

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
        'is itself a modifier ("one of the house elves"). It reads only narration, and only a '
        'possessive\'s noun ("one of his eye"): after "the" the tagger\'s nouns are too often adjectives '
        '("one of the stranger cases").'
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
        "It was the hasty one of her dear playmate.",
        "She was one of the old school.",
        "Dickens and so many other of the humourists.",
        '"One of his eye drops," she said.',
        "Such attractions take place in many other known instances.",
        "I learnt it from one of your sex, who told me.",
    ),
    fix_safety="Unsafe: the plural is made by rule (eye -> eyes, box -> boxes, child -> children).",
    # On by default in its narrow frames only: "one of" + a possessive + a noun that ends the phrase
    # ("one of his eye and"), and "several other" + a verb or a stop. The wider frame ("one of the
    # side") was about half true on held-out fan fiction (tune split): adjectives the tagger took for
    # nouns ("one of the stranger cases"), "one" standing for a noun ("the hasty one of her dear
    # playmate"), "one of the year".
)

_PICKERS = frozenset(["one", "each", "either", "neither"])
_POSSESSIVES = frozenset(["his", "her", "their", "my", "your", "our"])
_MANY = frozenset(["several", "many", "few"])
# what may end the noun phrase after "one of his eye": a stop, "and", a preposition, an -ing
_PHRASE_ENDS = frozenset([".", ",", ":", "CC", "IN", "TO", "VBG", "RB"])
_IRREGULAR = {
    "child": "children",
    "foot": "feet",
    "tooth": "teeth",
    "man": "men",
    "woman": "women",
    "person": "people",
    "mouse": "mice",
    "goose": "geese",
}


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at("of"):
        if v.voice[i] == NARRATION and _one_of_possessive(v, i):
            yield _singular(v, i, i + 2)
    for i in v.at("other"):
        if v.voice[i] == NARRATION and v.word(i - 1) in _MANY and _stands_alone(v, i):
            yield Diagnostic(
                RULE.id,
                v.start[i],
                v.end[i],
                f'"{v.text[i - 1]} other" standing alone is plural: "others".',
                (Fix(v.start[i], v.end[i], v.text[i] + "s", safe=False),),
            )


def _one_of_possessive(v: View, i: int) -> bool:
    """ "one of his eye and": a picker, "of", a possessive and a singular noun that ends the phrase."""
    if v.word(i - 1) not in _PICKERS or v.word(i + 1) not in _POSSESSIVES:
        return False
    before = v.tag(i - 2) if v.same_sentence(i - 2, i) else ""
    if before.startswith(("DT", "JJ", "PRP$", "CD")) or v.word(i - 2) in ("no", "any", "every"):
        return False  # "the hasty one of her playmate", "no one of her experience": "one" is no picker
    n = i + 2
    if not v.same_sentence(i, n + 1) or v.xpos[n] != "NN" or not lowercase_word(v, n):
        return False
    if _not_countable(v, n) or v.low[n] in word_set("not_nouns_after_of") or v.glued(n + 1):
        return False
    after = v.xpos[n + 1]
    return after in _PHRASE_ENDS and v.low[n + 1] not in ("of", "'s", "-")


def _stands_alone(v: View, i: int) -> bool:
    """ "several other have been", "and many other.": "other" with no noun after it."""
    if not v.same_sentence(i, i + 1):
        return True
    after = v.tag(i + 1)
    if v.low[i + 1] == "of":
        return False  # "many other of the humourists": older prose
    if after in ("VBN", "VBG") and v.same_sentence(i, i + 2) and v.tag(i + 2).startswith("NN"):
        return False  # "many other known instances": a participle describing the noun that follows
    return after.startswith(("VB", "MD", "IN")) or after in (".", ",", ":")


def _singular(v: View, i: int, n: int) -> Diagnostic:
    plural = _plural(v.low[n])
    fixes = (Fix(v.start[n], v.end[n], replacement(v.text[n], plural), safe=False),) if plural else ()
    return Diagnostic(
        RULE.id,
        v.start[n],
        v.end[n],
        f'After "{v.text[i - 1]} of", the noun is plural'
        + (f': "{plural}".' if plural else f', not "{v.text[n]}".'),
        fixes,
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
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("f", "fe", "o")):
        return ""  # knives but roofs, potatoes but photos: no guess
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"
