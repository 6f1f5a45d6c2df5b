"""G003 bare-infinitive: "to" or a wrong form after let, make and the verbs of perception ("let
himself to relax", "made his heart to clench", "heard her spoke")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import (
    NOMINATIVE,
    OBJECTS,
    lowercase_word,
    verb_tag,
    word_finding,
    word_set,
)
from ficlint.rules.grammar._view import NARRATION, OTHER, View, view

RULE = Rule(
    id="G003",
    name="bare-infinitive",
    category="grammar",
    summary='"to" or a past form after let, make or a verb of perception ("let himself to relax", '
    '"heard her spoke").',
    why=(
        '"Let" and "make" and the verbs of perception (see, watch, hear, feel) take their object\'s verb '
        'bare: "let himself relax", "made his heart clench", "heard her speak", "watched it fall". A "to" '
        'there, or a past form, reads as a slip. ficlint leaves alone the passive ("was made to wait"), '
        '"made it to work" (arrived), "made an effort to smile" and "made his way to" (a noun with an '
        'infinitive of its own), and participles that describe the object ("heard her called a liar", '
        '"made him tired").'
    ),
    examples=examples(
        ("He let himself to relax against the pillows.", "He let himself relax against the pillows."),
        ("It made his heart to clench.", "It made his heart clench."),
        ("He looked up as he heard her spoke.", "He looked up as he heard her speak."),
        ("It makes Petunia clenches her fists.", "It makes Petunia clench her fists."),
        ("He let his emotion guided him forward.", "He let his emotion guide him forward."),
    ),
    allows=(
        "He was made to wait outside.",
        "She made it to work on time.",
        "They made an effort to smile.",
        "He made his way to stand beside her.",
        "He heard her called a liar.",
        "It made him tired.",
        "She helped him to stand.",
        "The man who saw him went to the police.",
        "Seeing him came as a shock.",
        "He who made it knows what He wants.",
        "I heard you defended my honour.",
        "We heard it went down off the coast.",
        "She felt her cheeks grew red.",
    ),
    fix_safety='Safe: the "to" goes, or the verb takes its base form.',
)

LET = ("let", "lets", "letting")
MAKE = ("make", "makes", "made", "making")
_OBJECT_CASE = frozenset(["him", "her", "them", "me", "us", "himself", "herself", "themselves", "myself"])
_PASSIVE = frozenset(
    ["was", "were", "be", "been", "being", "is", "are", "am", "get", "got", "gets", "getting", "'s", "'re"]
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    low, xpos, last = v.low, v.xpos, len(v) - 1
    for i in v.at(*LET, *MAKE, *word_set("perception_verbs")):
        if i == last or low[i + 1] not in OBJECTS and xpos[i + 1] not in ("NNP", "PRP$", "DT"):
            continue  # no object follows (the quick test `_object_end` makes in full)
        if v.voice[i] == OTHER or not v.xpos[i].startswith("VB") or _passive(v, i) or _in_relative(v, i):
            continue
        k = _object_end(v, i)
        if k is None or not v.same_sentence(i, k + 1):
            continue
        if v.low[k + 1] == "to" and v.low[i] not in word_set("perception_verbs"):
            yield from _to(v, i, k + 1)
        else:
            yield from _form(v, i, k, k + 1)


def _seen_past(v: View, i: int, j: int) -> bool:
    """A simple past that is no participle after seeing or watching something ("to see the small smile
    fell", "saw his name wrote"): no clause with "that" left out reads so after see and watch, and no
    auxiliary ("saw the boy was crying" is one)."""
    word = v.low[j]
    return (
        v.low[i] in word_set("sight_verbs")
        and word in inflections().past_only
        and word not in lexicon().auxiliaries
        and word not in word_set("modals")
    )


def _passive(v: View, i: int) -> bool:
    before = v.low[i - 1] if v.same_sentence(i - 1, i) else ""
    return before in _PASSIVE or before.endswith(("'s", "'re"))


def _in_relative(v: View, i: int) -> bool:
    """Is the verb at i that of a clause inside a subject ("the man who saw him | went", "Seeing
    him | came as a shock"), so that the next verb is the sentence's own?"""
    if v.low[i].endswith("ing"):
        return True
    k = i - 1
    while v.same_sentence(k, i) and v.xpos[k].startswith("RB"):
        k -= 1
    if not v.same_sentence(k, i):
        return False
    if v.low[k] in word_set("relative_heads"):
        return True
    # "the man he saw": a subject after a noun
    return (
        (v.low[k] in NOMINATIVE or v.xpos[k] == "NNP")
        and v.same_sentence(k - 1, k)
        and (v.xpos[k - 1].startswith(("NN", "JJ")) or v.low[k - 1] in word_set("relative_heads"))
    )


def _object_end(v: View, i: int) -> int | None:
    """The last token of the object after the verb at i: a pronoun, a name, or a possessive and
    its noun ("his heart"); None when none follows."""
    j = i + 1
    if not v.same_sentence(i, j):
        return None
    word, tag = v.low[j], v.xpos[j]
    if word in OBJECTS:
        return j
    if tag == "NNP" and v.same_sentence(j, j + 1) and v.xpos[j + 1] != "NNP":
        return j
    if tag in ("PRP$", "DT") and word not in ("that", "this", "these", "those", "all", "each"):
        k = j + 1
        if v.same_sentence(j, k) and v.xpos[k] == "JJ":
            k += 1
        if (
            v.same_sentence(j, k)
            and v.xpos[k] in ("NN", "NNS")
            and v.low[k] not in word_set("infinitive_nouns")
        ):
            return k
    return None


def _to(v: View, i: int, t: int) -> Iterator[Diagnostic]:
    """let / make + object + "to" + verb."""
    verb = t + 1
    if not v.same_sentence(t, verb) or v.xpos[verb] != "VB" or not lowercase_word(v, verb):
        return
    if v.low[verb] not in lexicon().base_forms:
        return
    if v.xpos[i + 1] == "DT" or v.low[i] in MAKE and v.low[i + 1] in ("it", "you"):
        return  # "made it to work", "makes you to think", "made a sandwich to eat", "let the urge to"
    if v.low[i] in MAKE and v.low[i + 1] in OBJECTS and v.word(i - 1) == "it":
        return  # "as happy as it made them to see him": "to see him" is what made them happy
    if v.low[verb] in word_set("purpose_verbs"):
        return
    cut_end = v.start[verb]
    yield Diagnostic(
        RULE.id,
        v.start[t],
        v.end[t],
        f'"{v.text[i]}" takes the bare infinitive: "{v.text[i]} … {v.text[verb]}", without "to".',
        (Fix(v.start[t], cut_end, ""),),
    )


def _form(v: View, i: int, k: int, j: int) -> Iterator[Diagnostic]:
    """let / make / see / hear + object + a past or -s form."""
    if v.low[i] in word_set("perception_verbs") and v.low[k] not in _OBJECT_CASE and not _seen_past(v, i, j):
        return  # "heard it went down", "felt your cheeks grew": a clause, "that" left out
    ends = not v.same_sentence(j, j + 1) or not v.is_word(j + 1)
    if not lowercase_word(v, j) or not (verb_tag(v, j) or v.xpos[k] == "PRP" or ends and v.xpos[j] == "JJ"):
        return  # the tagger's noun after a possessive ("her rose"); after "him" no noun can follow
    word, obj = v.low[j], v.low[k]
    forms = inflections()
    lex = lexicon()
    base = forms.past_only.get(word, "")
    possessive = obj in ("her", "his", "its") or v.xpos[k].startswith("NN")
    noun_here = word in ("rose", "saw") or v.tag(j + 1).startswith("NN")
    if base and possessive and word in lex.other and noun_here:
        return  # "saw her rose garden": a noun after a possessive
    if not base and v.low[i] in LET and word.endswith("ed") and word in lex.past_forms:
        base = lex.base_of.get(word, "")  # "let his emotion guided him": never a participle after let
        base = "" if base == word or word in word_set("ed_not_past") else base
    if (
        (
            not base
            and obj not in ("her", "it", "you")
            and v.xpos[k] in ("PRP", "NNP")
            and word in lex.third_forms
        )
        and word not in lex.base_forms
        and word not in lex.noun_like
        and v.voice[j] == NARRATION
    ):
        base = lex.base_of.get(word, "")
    if not base:
        return
    said = " ".join(v.text[i : k + 1])
    if v.xpos[k] in ("PRP", "NNP") or v.low[i] in LET or v.low[i] in MAKE:
        yield word_finding(
            RULE.id,
            v,
            j,
            base,
            f'After "{said}", use the bare infinitive: "{base}", not "{v.text[j]}".',
        )
        return
    participle = forms.participle(base)  # a thing seen may be seen done: "saw his name written"
    yield Diagnostic(
        RULE.id,
        v.start[j],
        v.end[j],
        f'After "{said}", use the bare infinitive ("{base}") or the participle ("{participle}"), '
        f'not "{v.text[j]}".',
    )
