"""G017 coordinated-verb: a bare verb joined by "and" to a past, sharing its subject, in a scene told in
the past ("he pulled a stool over and sit down", "she grabbed her bag and run")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import (
    SceneTenses,
    lowercase_word,
    scene_tenses,
    skip_adverbs,
    word_finding,
    word_set,
)
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G017",
    name="coordinated-verb",
    category="grammar",
    summary='A bare verb after "and" that shares a past verb\'s subject, in a scene told in the past ("he '
    'pulled a stool over and sit down").',
    why=(
        'Two verbs joined by "and" with one subject share its tense: "he pulled a stool over and sat down". '
        'A bare "sit" there is a slip of the keys or of revision. ficlint flags it only in narration of a '
        'scene told in the past, when the verb before "and" is a plain past with nothing between it and '
        '"and" that could take a bare verb ("to", a modal, "let", "make", "help": "wanted to go and sit", '
        '"let them come and go" are right), and the bare form is no past of its own ("put", "let", "lay").'
    ),
    examples=examples(
        (
            "He left the room. He came back later and looked around. He pulled a stool nearby and sit down.",
            "He left the room. He came back later and looked around. He pulled a stool nearby and sat down.",
        ),
    ),
    allows=(
        "She wanted to go and sit by the lake.",
        "He gestured for him to come and sit down.",
        "He opened the window and let her fly out.",
        "He closed his eyes and let his head fall back.",
        '"I pulled a stool over and sit down," he says.',
        "She watched them come and go.",
        "They could sit about as they pleased and eat and talk.",
        "She rewarded him with a smile and nod of approval.",
        "It allowed him to think upon what he said and also accept it.",
        "It sounded as if he'd just lost his temper and become aggressive.",
        "She would trace the scars Greyback left and tell him stories.",
    ),
    fix_safety="Safe: the same verb in the past, like the verb it is joined to.",
)

_AUXILIARIES = frozenset(["had", "has", "have", "having", "was", "were", "be", "been", "is", "are", "hadn't"])
_LOOK_BACK = 8  # words from "and" back to the verb it joins


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    tenses = scene_tenses(doc)
    xpos = v.xpos
    last = len(xpos) - 2
    for a in v.at("and"):
        if a < last and xpos[a + 1][:2] in ("VB", "RB") and v.voice[a] == NARRATION:
            j = skip_adverbs(v, a + 1, limit=1)
            right = _past_for(v, a, j, tenses)
            if right:
                yield word_finding(
                    RULE.id,
                    v,
                    j,
                    right,
                    f'"{v.text[j]}" is joined by "and" to a past ("{v.text[_joined(v, a)]}"): "{right}".',
                )


def _past_for(v: View, a: int, j: int, tenses: SceneTenses) -> str:
    """The past for the bare verb at j after "and" at a, or "" when it is right as it is."""
    if not v.same_sentence(a, j + 1) or v.xpos[j] not in ("VB", "VBP") or not lowercase_word(v, j):
        return ""
    word = v.low[j]
    lex = lexicon()
    if word not in lex.base_forms or word in lex.noun_like or word in inflections().any_past:
        return ""  # "and smile", "and fear" may be nouns; "and put", "and let" are pasts too
    if v.voice[j] != NARRATION or not v.tag(j + 1) or v.xpos[j + 1] in ("VBN", "VBD") or v.low[j + 1] == "of":
        return ""  # "with a smile and nod of approval": a noun
    k = _joined(v, a)
    if k < 0 or v.xpos[k] != "VBD" or not lowercase_word(v, k) or v.low[k] not in inflections().any_past:
        return ""
    if not tenses.past(v.start[a]):
        return ""
    return lex.past_of.get(word, "")


def _joined(v: View, a: int) -> int:
    """The verb before "and" at a that the verb after it would share a subject with, or -1: the nearest
    verb back in the clause, with nothing between that takes a bare verb or breaks the clause."""
    takers, breaks = word_set("bare_verb_takers"), word_set("coordination_breaks")
    for k in range(a - 1, max(-1, a - 1 - _LOOK_BACK), -1):
        if not v.same_sentence(k, a) or v.low[k] in breaks or v.low[k] in takers and k != a - 1:
            return -1
        tag = v.xpos[k]
        if tag.startswith(("VB", "MD")):
            return k if v.low[k] not in word_set("bare_verb_takers") and not _subordinate(v, k) else -1
    return -1


def _subordinate(v: View, k: int) -> bool:
    """Is the verb at k that of a clause inside another ("what he said and also accept", "as they
    pleased and eat"), so that the verb after "and" may join the outer one?"""
    subject = k - 1
    if (
        v.same_sentence(subject - 1, k)
        and v.xpos[subject] in ("NNP", "PRP")
        and v.xpos[subject - 1] in ("NN", "NNS")
    ):
        return True  # "the scars Greyback left and tell": a clause inside a noun phrase, "that" left out
    for m in range(k - 1, max(-1, k - 4), -1):
        if not v.same_sentence(m, k):
            return False
        if v.low[m] in word_set("subordinators") or v.low[m] in _AUXILIARIES or v.low[m].endswith("'d"):
            return True  # or a participle after "had": "he'd just lost his temper and become"
        if v.xpos[m].startswith("VB") or v.low[m] in (",", ";"):
            return False
    return False
