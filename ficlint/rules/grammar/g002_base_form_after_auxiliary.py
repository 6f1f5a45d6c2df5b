"""G002 base-form-after-auxiliary: a past or -s form after a modal, do, or to ("could coiled",
"didn't you came", "to known")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
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
from ficlint.rules.grammar._view import DIALOGUE, OTHER, View, view

RULE = Rule(
    id="G002",
    name="base-form-after-auxiliary",
    category="grammar",
    summary='A past or -s form where a modal, "do" or "to" wants the base form ("could coiled", '
    '"didn\'t you came", "to known").',
    why=(
        'Modals (can, could, will, would, should, might, must), the "do" of questions and negatives, and '
        'the infinitive\'s "to" take the bare verb: "could coil", "didn\'t you come", "did he realize", '
        '"come to know". The tense is carried by the auxiliary ("did", "could"), so the verb after it stays '
        "plain. ficlint flags a simple past, a past participle or an -s form there, in narration and in "
        'dialogue (no dialect says "didn\'t you came"), and leaves alone "to" before a noun ("to broken '
        'glass"), "used to", and a "did" that ends a clause of its own ("what he did changed everything").'
    ),
    examples=examples(
        (
            "It wrapped around his arm and could coiled around it.",
            "It wrapped around his arm and could coil around it.",
        ),
        ('"Why didn\'t you came earlier?"', '"Why didn\'t you come earlier?"'),
        ("He didn't really wanted to leave.", "He didn't really want to leave."),
        ("Only then did he realized the truth.", "Only then did he realize the truth."),
        ("Tom has come to known him well.", "Tom has come to know him well."),
    ),
    allows=(
        "What he did changed everything.",
        "He went back to broken glass and spilt wine.",
        "The substance it afforded to organised bodies was restored.",
        "He didn't used to like it.",
        "His will turned to steel.",
        "May smiled at him.",
        "Whether he did or didn't mattered little.",
        "He could have coiled the rope.",
    ),
    fix_safety=(
        "Safe after do and to: the base form of the same verb. Unsafe after a modal, where the writer may "
        'have meant the past ("could have coiled").'
    ),
)

DO_NOT = ("didn't", "don't", "doesn't")
DO = ("did", "do", "does", "didn't", "don't", "doesn't")
_CLAUSE_OPENERS = frozenset(["CC", "WRB", "WP", "``", "''", ",", ":", "-LRB-", "."])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    yield from _after_modals(v)
    yield from _after_do(v)
    yield from _after_to(v)


def _after_modals(v: View) -> Iterator[Diagnostic]:
    suspects, low = _suspects(participles=False), v.low
    for i in v.at(*word_set("modals"), *_contracted_will(v)):
        if suspects.isdisjoint(low[i + 1 : i + 5]):
            continue  # no form _base_for objects to where the verb can be (subject, two adverbs)
        if v.voice[i] == OTHER or v.xpos[i].split("+")[-1] != "MD" or _noun_modal(v, i):
            continue
        j = _after_subject(v, i)
        base = _base_for(v, j, participles=False)
        if base:
            yield _finding(v, i, j, base, safe=False)


def _after_do(v: View) -> Iterator[Diagnostic]:
    suspects, low = _suspects(participles=True), v.low
    for i in v.at(*DO, "not"):
        word = low[i]
        if v.voice[i] == OTHER or suspects.isdisjoint(low[i + 1 : i + 5]):
            continue
        if word == "not":
            if v.word(i - 1) not in ("did", "do", "does") or not v.same_sentence(i - 1, i):
                continue
            j = skip_adverbs(v, i + 1)
        elif word in DO_NOT and v.word(i + 1) not in PERSONAL:
            if v.word(i - 1) == "or":
                continue  # "whether he did or didn't mattered"
            j = skip_adverbs(v, i + 1)
        elif _opens_clause(v, i) and (v.word(i + 1) in PERSONAL or v.xpos[i + 1 : i + 2] == ["NNP"]):
            j = skip_adverbs(v, i + 2)  # "Why did you", "did he", "Did Harry"
        else:
            continue
        if not v.same_sentence(i, j) or v.low[j] == "used":
            continue
        base = _base_for(v, j, participles=True)
        if base:
            yield _finding(v, i, j, base, safe=True)


def _after_to(v: View) -> Iterator[Diagnostic]:
    forms = inflections()
    lex = lexicon()
    for i in v.at("to"):
        j = i + 1
        if j >= len(v):
            continue
        word = v.low[j]
        if word not in forms.past_only and word not in lex.participles and word not in ("had", "has"):
            continue  # most words after "to" are no past or participle: the quick test first
        if (
            v.voice[i] == OTHER
            or not v.same_sentence(i, j)
            or not lowercase_word(v, j)
            or v.word(j + 1) == "-"
        ):
            continue  # "attraction to grown-up Malfoy": half of a compound
        if word in word_set("pasts_also_nouns") or word in word_set("to_words"):
            continue
        if v.voice[i] == DIALOGUE and word not in forms.past_only:
            continue  # "you ought to gone": a speaker's "to have gone"
        base = forms.past_only.get(word)
        if base and _stranded_to(v, i):
            continue  # "whoever it belonged to knew": the preposition's, its verb the next clause's
        if word in lex.participles and v.same_sentence(j, j + 1) and v.xpos[j + 1] == "NNS":
            continue  # "the substance it afforded to organised bodies": a participle describing a plural
        if base is None and _infinitive_to(v, i):
            base = (
                "have" if word in ("had", "has") else forms.participle_only.get(word) or _regular_base(word)
            )
        elif base is None:
            base = forms.participle_only.get(word)
            after = v.tag(j + 1) if v.same_sentence(j, j + 1) else "."
            if base is None or after.startswith(("NN", "JJ", "CD", "VBG")):
                continue  # "to broken glass", "to fallen soldiers"
        if base and verb_tag(v, j):  # the tagger reads "to" before a slip as often a preposition as not
            yield _finding(v, i, j, base, safe=True)


def _infinitive_to(v: View, i: int) -> bool:
    """Is the "to" at i an infinitive's, after a verb or adjective that takes one ("wanted to",
    "trying to", "able to")?"""
    if not v.same_sentence(i - 1, i):
        return False
    before = v.low[i - 1]
    return before in word_set("infinitive_takers") or lexicon().base_of.get(before) in word_set(
        "infinitive_takers"
    )


def _stranded_to(v: View, i: int) -> bool:
    """A "to" after a verb that is no taker of infinitives ("belonged to", "listened to"): a
    preposition whose object went before, so the verb after it is the next clause's."""
    if not v.same_sentence(i - 1, i) or not v.xpos[i - 1].startswith("VB"):
        return False
    return not _infinitive_to(v, i)


def _regular_base(word: str) -> str:
    """The base of a simple past or participle in -ed or an irregular one that is both ("spent")."""
    lex = lexicon()
    if word in lex.base_forms:
        return ""  # "seemed to bore into her": a verb of its own
    if word in lex.past_forms or word in lex.participles:
        base = lex.base_of.get(word, "")
        return base if base != word else ""
    return ""


def _finding(v: View, i: int, j: int, base: str, safe: bool) -> Diagnostic:
    word, before = v.text[j], v.text[i]
    return Diagnostic(
        RULE.id,
        v.start[j],
        v.end[j],
        f'After "{before}", use the base form of the verb: "{base}", not "{word}".',
        (Fix(v.start[j], v.end[j], replacement(word, base), safe=safe),),
    )


def _contracted_will(v: View) -> list[str]:
    return [w for w in v.with_apostrophe() if w.endswith("'ll") and len(w) > 3]


def _noun_modal(v: View, i: int) -> bool:
    """ "his will", "the can", "May" the name: not a modal."""
    if v.low[i] in word_set("modals_also_names") and not v.text[i].islower():
        return True
    if not v.same_sentence(i - 1, i):
        return False
    before, tag = v.low[i - 1], v.xpos[i - 1]
    if tag in ("DT", "PRP$", "POS", "JJ") or "+POS" in tag or before.endswith("'s"):
        return True
    if before in word_set("before_a_noun_modal"):
        return True
    noun_too = v.low[i] in word_set("modals_also_nouns")
    if noun_too and tag == "IN":
        return True  # "the force of will required"
    return noun_too and tag.startswith("NN")  # "this abstract might", "free will"


def _opens_clause(v: View, i: int) -> bool:
    """Does the token at i start a clause (a question's "did", "Only then did")?"""
    if not v.same_sentence(i - 1, i):
        return True
    tag = v.xpos[i - 1]
    return tag in _CLAUSE_OPENERS or tag.startswith("RB") or v.low[i - 1] in ("nor", "why", "how")


def _after_subject(v: View, i: int) -> int:
    """The token after a modal and, when the modal opens a question, its subject ("could you")."""
    j = i + 1
    if "'" not in v.low[i] and _opens_clause(v, i) and v.word(j) in PERSONAL:
        j += 1
    return skip_adverbs(v, j)


@cache
def _suspects(participles: bool) -> frozenset[str]:
    """Every word `_base_for` may object to, and more (every simple past, every -s form that is no
    base or noun): a quick first test on the words after an auxiliary, built from sets in C."""
    forms = inflections()
    lex = lexicon()
    plain_thirds = lex.third_forms - lex.base_forms - lex.noun_like
    found = lex.past_forms.union(forms.past_only, plain_thirds, ("had", "has"))
    return frozenset(found.union(forms.participle_only) if participles else found)


def _base_for(v: View, j: int, participles: bool) -> str:
    """The base form of the verb at j when it is a form that cannot follow a modal or do
    (a simple past, a participle, an -s form), "" when it is fine or no verb."""
    if j >= len(v) or not lowercase_word(v, j) or v.voice[j] == OTHER:
        return ""
    word = v.low[j]
    forms = inflections()
    lex = lexicon()
    if word in ("had", "has") and verb_tag(v, j):
        return "have"  # "didn't had", "could had"
    if word in forms.past_only:
        return forms.past_only[word] if verb_tag(v, j) else ""
    if participles and word in forms.participle_only:
        return forms.participle_only[word]
    if word.endswith("ed") and word in lex.past_forms and verb_tag(v, j):
        base = lex.base_of.get(word, "")
        return base if base and base != word and word not in word_set("ed_not_past") else ""
    if (
        word in lex.third_forms
        and word not in lex.base_forms
        and word not in lex.noun_like
        and verb_tag(v, j)
    ):
        return lex.base_of.get(word, "")
    return ""
