"""G014 missing-article: a set phrase that has lost its article or possessive in narration ("still in
daze", "had grip on her", "loved to be centre of attention", "Harry leaps to feet")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import data
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G014",
    name="missing-article",
    category="grammar",
    summary='A set phrase without its article or possessive ("still in daze", "had grip on", "to be centre '
    'of attention", "leaps to feet").',
    why=(
        'Some phrases keep their article whatever the sentence: "in a daze", "a grip on", "the centre of '
        'attention", "at the same time", "all of a sudden"; one rises "to his feet". A word dropped in '
        "revision leaves the phrase reading like a telegram. ficlint looks only in narration (a character "
        'may drop articles in an accent of their own: "I am in hurry," said Krum) and only at phrases no '
        'other reading shares ("for a while" is not one: "for while he slept" is older prose\'s "for").'
    ),
    examples=examples(
        ("He shook his head, still in daze.", "He shook his head, still in a daze."),
        ("His fingers suddenly had grip on her bun.", "His fingers suddenly had a grip on her bun."),
        ("Draco loved to be centre of attention.", "Draco loved to be the centre of attention."),
        ("She jumped to feet and ran.", "She jumped to her feet and ran."),
        ("They spoke at same time.", "They spoke at the same time."),
    ),
    allows=(
        '"I am in hurry," said Krum.',
        "He shook his head, still in a daze.",
        "She waited, for while he slept the house was quiet.",
        "He grew from two to three feet tall.",
        "They were measured from head to feet.",
        "In daze and dream he wandered. In hurry.",
    ),
    fix_safety="Unsafe: the article is certain, but a possessive is guessed from the clause's subject.",
)

_POSSESSIVE_OF = {"he": "his", "she": "her", "they": "their", "i": "my", "we": "our", "you": "your"}
_LOOK_BACK = 12  # words back to the clause's subject


@dataclass(frozen=True, slots=True)
class Phrase:
    before: tuple[frozenset[str], ...]  # the words before the missing one, in order
    missing: str  # "a", "the" or "his" (a possessive)
    after: tuple[frozenset[str], ...]  # the words after it; the first is the one flagged


@cache
def phrases() -> dict[str, list[Phrase]]:
    """rules/data/grammar.yaml article_phrases, by the first word after the missing one."""
    found: dict[str, list[Phrase]] = {}
    for entry in data()["article_phrases"]:
        words = str(entry).split()
        k = next(n for n, w in enumerate(words) if w.startswith("["))
        before = tuple(frozenset(w.split("|")) for w in words[:k])
        after = tuple(frozenset(w.split("|")) for w in words[k + 1 :])
        phrase = Phrase(before, words[k].strip("[]"), after)
        for first in after[0]:
            found.setdefault(first, []).append(phrase)
    return found


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    table = phrases()
    for i in v.at(*table):
        if v.voice[i] != NARRATION or not v.text[i].islower():
            continue
        for phrase in table[v.low[i]]:
            if _matches(v, i, phrase):
                yield _finding(v, i, phrase)
                break


def _matches(v: View, i: int, phrase: Phrase) -> bool:
    start = i - len(phrase.before)
    end = i + len(phrase.after)
    if start < 0 or end > len(v) or not v.same_sentence(start, end - 1):
        return False
    words = v.low[start:end]
    wanted = (*phrase.before, *phrase.after)
    if any(w not in options for w, options in zip(words, wanted, strict=True)):
        return False
    if v.glued(start) or v.glued(i) or any(v.voice[k] != NARRATION for k in range(start, end)):
        return False
    if not v.same_sentence(start - 1, start) or v.sentence_first[v.sentence[start]] == start:
        return False  # "In hurry." at a sentence's opening: a fragment written that way on purpose
    if phrase.missing == "his":
        return not _measure(v, start)
    return True


def _measure(v: View, to: int) -> bool:
    """ "from two to three feet", "from head to feet": "to" in a span, not a rising."""
    before = v.low[to - 1] if v.same_sentence(to - 1, to) else ""
    return before.isdigit() or v.xpos[to - 1] == "CD" or "from" in v.low[max(0, to - 3) : to]


def _finding(v: View, i: int, phrase: Phrase) -> Diagnostic:
    word = _possessive(v, i) if phrase.missing == "his" else phrase.missing
    said = v.text[i]
    if not word:
        return Diagnostic(
            RULE.id,
            v.start[i],
            v.end[i],
            f'A possessive is missing before "{said}": "to his feet", "to her feet".',
        )
    return Diagnostic(
        RULE.id,
        v.start[i],
        v.end[i],
        f'"{word}" is missing before "{said}": the phrase is "… {word} {said} …".',
        (Fix(v.start[i], v.start[i], f"{word} ", safe=False),),
    )


def _possessive(v: View, i: int) -> str:
    """The possessive of the nearest subject pronoun before i in its sentence ("she jumped to [her]
    feet"), or "" when the subject is a name (whose gender ficlint does not guess)."""
    for k in range(i - 1, max(-1, i - _LOOK_BACK), -1):
        if not v.same_sentence(k, i):
            break
        if v.xpos[k] == "NNP":
            return ""
        owner = _POSSESSIVE_OF.get(v.low[k])
        if owner and v.xpos[k] == "PRP":
            return owner
    return ""
