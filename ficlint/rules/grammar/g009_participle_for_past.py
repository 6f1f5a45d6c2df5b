"""G009 participle-for-past: a past participle standing alone as a clause's past tense ("a voice
rung out", "he drunk his tea")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import lowercase_word, skip_adverbs, word_finding, word_set
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G009",
    name="participle-for-past",
    category="grammar",
    summary='A past participle used as the simple past ("a voice rung out", "he drunk his tea").',
    why=(
        "The verbs that change their vowel, ring / rang / rung, drink / drank / drunk, swim / swam / "
        'swum, begin / began / begun, keep the simple past and the participle apart: without "have" or '
        '"be" the clause needs the past, "a voice rang out", "he drank his tea". ficlint flags such a '
        "participle right after its subject in narration, and leaves alone participles that describe a "
        'noun ("the bell rung by the monks was cracked"), those dictionaries also accept as pasts '
        '("sunk", "sprung", "shrunk"), the participles of other verbs (in "her head thrown back" they '
        'describe), and dialogue, where "I seen it" is a character\'s voice.'
    ),
    examples=examples(
        ("A worried voice rung out across the hall.", "A worried voice rang out across the hall."),
        ("He drunk his tea strong and black.", "He drank his tea strong and black."),
        ("Harry begun to laugh.", "Harry began to laugh."),
    ),
    allows=(
        '"I seen him do it," said Stan.',
        "The bell rung by the monks was cracked.",
        "The man seen at the station was never found.",
        "He was drunk by noon.",
        "Her heart sunk.",
    ),
    fix_safety="Safe: the simple past of the same verb.",
)




def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    forms = inflections()
    lex = lexicon()
    for word in word_set("confused_participles"):
        base = forms.participle_only.get(word)
        if base is None:
            continue
        for j in v.positions(word):
            if v.voice[j] != NARRATION or not lowercase_word(v, j) or not _after_subject(v, j):
                continue
            if v.word(j + 1) == "by" or _modifier(v, j) or v.tag(j + 1).startswith(("NN", "JJ")):
                continue  # "the bell rung by", "a wine drunk smile"
            if word in word_set("adjective_participles") and v.tag(j + 1) not in ("DT", "PRP$", "PRP", "CD"):
                continue  # "a little bit drunk": "drunk" the adjective, unless it has an object
            past = lex.past_of.get(base, "")
            if not past or past == word:
                continue
            yield word_finding(
                RULE.id,
                v,
                j,
                past,
                f'Without "have" or "be", "{v.text[j]}" needs its simple past: "{past}".',
            )


def _subject_at(v: View, k: int) -> str:
    """ "pronoun", "noun" or "" for the token at k as the subject right before a verb."""
    if v.low[k] in ("he", "she", "we", "they", "it"):
        return "pronoun"
    if v.xpos[k] in ("NN", "NNS", "NNP") and v.is_word(k):
        return "noun"
    return ""


def _after_subject(v: View, j: int) -> bool:
    k = j - 1
    if v.same_sentence(k, j) and v.xpos[k].startswith("RB") and v.low[k] not in ("not", "never"):
        k -= 1
    if not v.same_sentence(k, j) or not _subject_at(v, k):
        return False
    if v.same_sentence(k - 1, k) and (v.low[k - 1] in lexicon().auxiliaries or v.xpos[k - 1] == "MD"):
        return False  # "had she begun", "nor was she"
    return _subject_at(v, k) == "pronoun" or not _object(v, k)


def _object(v: View, k: int) -> bool:
    """Is the noun at k inside a prepositional phrase or an object ("at the man seen")?"""
    m = k - 1
    while v.same_sentence(m, k) and v.xpos[m] in ("DT", "JJ", "PRP$", "NN", "NNP", "CD"):
        m -= 1
    return v.same_sentence(m, k) and v.xpos[m].startswith(("IN", "VB", "TO"))


def _modifier(v: View, j: int) -> bool:
    """A participle after a noun that describes it: the clause's own verb comes later ("the man
    seen at the station was")."""
    if _subject_at(v, j - 1) == "pronoun":
        return False
    k = skip_adverbs(v, j + 1)
    clause_words = word_set("participle_clause_words")
    while v.same_sentence(j, k) and v.is_word(k) and v.xpos[k] != "CC" and v.low[k] not in clause_words:
        if v.xpos[k] in ("VBD", "VBZ", "VBP", "MD") or v.xpos[k].startswith(("VBD+", "VBZ+", "VBP+", "MD+")):
            return True
        k += 1
    return False
