"""G010 pronoun-case: an object pronoun as a subject, or for a possessive, in narration ("her and
Harry were", "began to shake him shoulders")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import replacement, word_finding, word_set
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G010",
    name="pronoun-case",
    category="grammar",
    summary='An object pronoun where the subject or the possessive form belongs, in narration ("her and '
    'Harry were", "shook him shoulders").',
    why=(
        'A pronoun that does the verb takes the subject form, alone or beside a name: "she and Harry were", '
        '"Ginny and he had". One that owns takes the possessive: "shook his shoulders". ficlint flags "her", '
        '"him", "me", "them" or "us" joined by "and" to a name or a pronoun at the start of a clause whose '
        'verb follows, and "him", "them", "me" or "us" before a part of the body, in narration only: '
        '"me and him went" in dialogue is how many people talk.'
    ),
    examples=examples(
        (
            "She began to realize that her and Harry were never going to work.",
            "She began to realize that she and Harry were never going to work.",
        ),
        ("Ginny and him had ended things months ago.", "Ginny and he had ended things months ago."),
        ("She began to shake him shoulders.", "She began to shake his shoulders."),
    ),
    allows=(
        '"Me and him went down the pub," said Stan.',
        "She stood between him and Harry.",
        "They told her and Harry to wait.",
        "She gave him hands full of sweets.",
        "He watched them and Harry was gone.",
    ),
    fix_safety='Unsafe: the subject form may read better moved ("Harry and I" for "me and Harry").',
)

_SUBJECT_FORM = {"her": "she", "him": "he", "me": "I", "them": "they", "us": "we"}
_POSSESSIVE_FORM = {"him": "his", "them": "their", "me": "my", "us": "our"}


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    low, last = v.low, len(v) - 1
    for i in v.at("and"):
        if not 0 < i < last or low[i - 1] not in _SUBJECT_FORM and low[i + 1] not in _SUBJECT_FORM:
            continue  # no object pronoun beside "and" (the quick test)
        if v.voice[i] == NARRATION:
            yield from _compound_subject(v, i)
    for i in v.at("him", "them", "me", "us"):
        j = i + 1
        if v.voice[i] != NARRATION or not v.same_sentence(i, j) or v.low[j] not in word_set("body_parts"):
            continue
        verb = i - 1
        if not v.same_sentence(verb, i) or not v.xpos[verb].startswith("VB"):
            continue
        if lexicon().base_of.get(v.low[verb], v.low[verb]) in word_set("two_object_verbs"):
            continue  # "gave him hands full of sweets"
        right = _POSSESSIVE_FORM[v.low[i]]
        yield word_finding(
            RULE.id,
            v,
            i,
            right,
            f'"{v.text[i]} {v.text[j]}": what someone owns takes "{right}".',
            safe=False,
        )


def _compound_subject(v: View, i: int) -> Iterator[Diagnostic]:
    """ "her and Harry were", "Ginny and him had": two subjects joined by "and" opening a clause."""
    a, b = i - 1, i + 1
    if not v.same_sentence(a, b + 1):
        return
    verb = b + 1
    if not _finite(v, verb) or not _opens(v, a):
        return
    first, second = v.low[a], v.low[b]
    if first in _SUBJECT_FORM and (v.xpos[b] == "NNP" or second in ("he", "she", "i", "we", "they")):
        yield _subject(v, a)
    elif second in _SUBJECT_FORM and second != "me" and v.xpos[a] == "NNP":
        yield _subject(v, b)


def _subject(v: View, k: int) -> Diagnostic:
    right = _SUBJECT_FORM[v.low[k]]
    return Diagnostic(
        RULE.id,
        v.start[k],
        v.end[k],
        f'"{v.text[k]}" is a subject here, and a subject takes "{right}".',
        (Fix(v.start[k], v.end[k], replacement(v.text[k], right) if right != "I" else "I", safe=False),),
    )


def _finite(v: View, k: int) -> bool:
    return v.xpos[k] in ("VBD", "VBZ", "VBP", "MD") or v.xpos[k].startswith(("VBD+", "VBZ+", "VBP+", "MD+"))


def _opens(v: View, a: int) -> bool:
    """Does the clause start at token a (the sentence's start, after "that", "but", "when")?"""
    if not v.same_sentence(a - 1, a):
        return True
    return v.low[a - 1] in word_set("pronoun_clause_openers") or v.xpos[a - 1] in ("``", ":", ";")
