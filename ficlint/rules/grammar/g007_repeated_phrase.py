"""G007 repeated-phrase: a phrase said twice in a row, or a word repeated a few words on with nothing
between that could take it ("the sight of the sight of", "was my mother was", "silently watching
silently")."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_list, word_set
from ficlint.rules.grammar._view import NARRATION, OTHER, View, view

RULE = Rule(
    id="G007",
    name="repeated-phrase",
    category="grammar",
    summary='A phrase written twice in a row, or a word repeated a few words on ("the sight of the sight '
    'of", "was my mother was").',
    why=(
        'Rewriting a sentence often leaves a phrase or a word twice: "catching sight of the sight of '
        'Tom\'s nails", "Not only was my mother was a despicable woman", "silently watching silently", '
        '"they will be no doubt be spending". ficlint flags a phrase of two to four words repeated with '
        'nothing between, in narration, and a verb or "the" repeated a few words on when only a noun '
        'phrase stands between (in dialogue too: nobody stammers "was my mother was"). Lists, refrains '
        'and a character repeating himself in dialogue are left alone, as are "what it was was" and "the '
        'more the merrier".'
    ),
    examples=examples(
        ("He was catching sight of the sight of Tom's nails.", "He was catching sight of Tom's nails."),
        ("Not only was my mother was a despicable woman.", "Not only was my mother a despicable woman."),
        (
            "She stood there, silently watching silently with tears in her eyes.",
            "She stood there, silently watching with tears in her eyes.",
        ),
        ("They will be no doubt be spending the night.", "They will no doubt be spending the night."),
        ("It may be the only the one left.", "It may be the only one left."),
    ),
    allows=(
        '"Come on come on come on," she muttered.',
        "What it was was a dream.",
        "The more the merrier.",
        "Tick tock tick tock went the clock.",
        "The problem was the car was broken.",
        "He was what he was.",
        "Slowly, slowly, he crept forward.",
        "It was a whisper above a whisper above a whisper.",
        "They were bereft of all that made a wand a wand.",
    ),
    fix_safety="Safe: the repeated words go; which occurrence goes depends on the verb after them.",
)

_BASE_AUXILIARIES = frozenset(["be", "been", "have"])
_BETWEEN = frozenset(["DT", "PRP$", "JJ", "NN", "NNS", "NNP", "RB", "CD"])
_FUNCTION_TAGS = ("DT", "IN", "PRP", "PRP$", "TO", "CC", "MD", "WDT", "WP", "POS")
_HAVE = frozenset(["had", "has", "have"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    yield from _doubled_phrases(v)
    for word in word_list("repeated_auxiliaries"):
        yield from _around_a_noun_phrase(v, word)
    yield from _adverbs(v)
    yield from _determiners(v)


def _doubled_phrases(v: View) -> Iterator[Diagnostic]:
    """Two to four words, then the same words again, straight after or with "the" between:
    "said in to the said in to the", "sight of the sight of"."""
    ids = v.ids
    last = -1
    found: list[tuple[int, int, int]] = []
    equal: dict[int, np.ndarray] = {}  # shift -> is each token the same word as the one `shift` on
    pairs: dict[int, list[int]] = {}  # shift -> where two such tokens stand in a row (rare)
    for n in (4, 3, 2):
        for gap in (0, 1):
            shift = n + gap
            if len(ids) <= shift + n:
                continue
            if shift not in equal:
                equal[shift] = same = ids[:-shift] == ids[shift:]
                pairs[shift] = [  # (most are punctuation and dialogue: what `_plain_phrase` turns down first)
                    k
                    for k in np.flatnonzero(same[:-1] & same[1:]).tolist()
                    if v.voice[k] == NARRATION and v.low[k][:1].isalpha()
                ]
            same = equal[shift]
            for first in pairs[shift]:  # n equal words in a row: two, then the rest
                if n == 2 or first + n <= len(same) and same[first + 2 : first + n].all():
                    found.append((first, n, gap))
    for first, n, gap in sorted(found, key=lambda f: (f[0], -f[1])):
        if first <= last or not _plain_phrase(v, first, n, gap):
            continue
        last = first + 2 * n + gap - 1
        yield _delete(v, first + n, last, "twice in a row", before=False)


def _plain_phrase(v: View, first: int, n: int, gap: int = 0) -> bool:
    """Words of narration in one sentence, one of them a function word (not "tick tock tick tock");
    a word between the two is a determiner ("sight of the sight of")."""
    end = first + 2 * n + gap - 1
    if gap and v.xpos[first + n] != "DT" or v.low[first : first + n] != v.low[first + n + gap : end + 1]:
        return False  # (the words' hashes matched; the words must too)
    if not v.same_sentence(first, end) or any(
        v.voice[k] != NARRATION or not v.is_word(k) for k in range(first, end + 1)
    ):
        return False
    phrase = v.low[first : first + n]
    second = first + n + gap
    if len(set(phrase)) == 1 or any(v.text[k][:1].isupper() for k in (*range(first, first + n), second)):
        return False  # "very very", a song's line ("a little unsteady A little unsteady")
    cycle = v.low[first : first + n + gap]  # the words that would come round again in a refrain
    if v.word(first - 1) == cycle[-1] or v.word(end + 1) == cycle[0 if not gap else n]:
        return False  # "over and over and over", "a whisper above a whisper above a whisper"
    if v.same_sentence(first - 2, first) and lexicon().base_of.get(v.low[first - 1]) in ("make", "call"):
        return False  # "all that made a wand a wand"
    links = word_set("phrase_links")
    if phrase[0] in links and v.xpos[first].startswith("CC") or phrase[-1] in ("and", "or"):
        return False  # "and again and again", "up and down and up and down"
    if n == 3 and phrase[1] in ("and", "or"):
        return False  # "up and down up and down", "back and forth back and forth": a rhythm
    if n == 2 and phrase[1] in links and v.xpos[first].split("+")[0] not in _FUNCTION_TAGS:
        return False  # "from time to time to", "from rock to rock to", "piece by piece by"
    subjects = word_set("clause_subjects")
    if any(phrase[k] in subjects and v.xpos[first + k + 1].startswith(("VB", "MD")) for k in range(n - 1)):
        return False  # a clause said twice for its rhythm: "and he thought and he thought"
    return any(v.xpos[k].split("+")[0] in _FUNCTION_TAGS for k in range(first, first + n))


def _around_a_noun_phrase(v: View, word: str) -> Iterator[Diagnostic]:
    """An auxiliary repeated across a noun phrase: "was my mother was", "be no doubt be"."""
    places = v.positions(word)
    for a, b in zip(places, places[1:], strict=False):
        if not 2 <= b - a <= 4 or not v.same_sentence(a, b) or v.voice[a] == OTHER or v.voice[b] == OTHER:
            continue  # in dialogue too: nobody stammers "was my mother was"
        between = range(a + 1, b)
        if any(v.xpos[k] not in _BETWEEN or v.low[k] in ("not", "n't") for k in between):
            continue
        if not any(v.xpos[k].startswith("NN") for k in between):
            continue
        if not _inverted(v, a, word):
            continue  # "The problem was the car was broken": a subject before the first, a clause after it
        if word in _HAVE and not (v.same_sentence(b, b + 1) and v.xpos[b + 1] in ("VBN", "VBD")):
            continue  # "had Granger ever had sex": the second is the verb itself
        if v.same_sentence(b, b + 1) and v.xpos[b + 1] in ("VBG", "VBN"):
            yield _delete(v, a, a, "repeated", before=False)  # "will be no doubt be spending": the first goes
        else:
            yield _delete(v, b, b, "repeated")


def _inverted(v: View, a: int, word: str) -> bool:
    """Is the auxiliary at a one whose subject follows it ("Not only was my mother", "why was the
    professor", "will be no doubt"), so that the noun phrase after it cannot start a clause of its own?"""
    if any(v.xpos[k] in ("WP", "WDT") for k in range(max(0, a - 4), a) if v.same_sentence(k, a)):
        return False  # "what once was a cut was": a clause inside the subject
    if word in _BASE_AUXILIARIES:
        return v.same_sentence(a - 1, a) and v.xpos[a - 1] in ("MD", "TO")
    return not v.same_sentence(a - 1, a) or v.xpos[a - 1] in ("RB", "WRB") and v.low[a - 1] != "once"


def _adverbs(v: View) -> Iterator[Diagnostic]:
    """The same -ly adverb twice within three words: "silently watching silently"."""
    ids = v.ids
    for gap in (2, 3):
        for i in np.flatnonzero(ids[:-gap] == ids[gap:]).tolist():  # the same word `gap` tokens on
            j = i + gap
            word = v.low[i]
            if not word.endswith("ly") or v.low[j] != word or not v.xpos[i].startswith("RB"):
                continue
            if v.voice[i] != NARRATION or not v.same_sentence(i, j):
                continue
            between = range(i + 1, j)
            if all(v.is_word(k) and v.xpos[k] not in ("CC", "WRB", "WDT", "WP", "IN") for k in between):
                yield _delete(v, j, j, "repeated")


def _determiners(v: View) -> Iterator[Diagnostic]:
    """ "the" again after one adjective: "the only the one" (not "the more the merrier")."""
    places = v.positions("the")
    at = set(places)
    heads = word_set("head_adjectives")
    for i in places:
        j = i + 2
        if j in at and v.same_sentence(i, j) and v.low[i + 1] in heads and v.voice[j] != OTHER:
            yield _delete(v, j, j, "repeated")


def _delete(v: View, first: int, last: int, how: str, before: bool = True) -> Diagnostic:
    """A finding on tokens first..last, whose fix removes them with the space on one side."""
    start, end = v.start[first], v.end[last]
    words = " ".join(v.text[first : last + 1])
    cut = (v.end[first - 1], end) if before else (start, v.start[last + 1] if last + 1 < len(v) else end)
    span_end = cut[1] if not before else end
    return Diagnostic(
        RULE.id, start, span_end, f'"{words}" {how}: one of them should go.', (Fix(cut[0], cut[1], ""),)
    )
