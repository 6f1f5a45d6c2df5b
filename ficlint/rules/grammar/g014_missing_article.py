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
from ficlint.rules.grammar._frames import data, word_set
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G014",
    name="missing-article",
    category="grammar",
    summary='A set phrase without its article, possessive or "as" ("still in daze", "had grip on", "leaps '
    'to feet", "it was if"), or a body part after a preposition without its possessive ("down face as").',
    why=(
        'Some phrases keep their article whatever the sentence: "in a daze", "a grip on", "the centre '
        'of attention", "at the same time", "all of a sudden"; one rises "to his feet"; it was "as if". '
        "A word dropped in revision leaves the phrase reading like a telegram. So does a body part "
        'straight after a preposition with nothing before it: "sliding her hands down face as she '
        'groaned" is "down her face". ficlint looks only in narration (a character may drop articles in '
        'an accent of their own: "I am in hurry," said Krum), only at phrases no other reading shares '
        '("for a while" is not one: "for while he slept" is older prose\'s "for"), and leaves alone one '
        'body part against another ("mouth against mouth"), bare nouns paired on purpose ("ink on chin '
        'and forehead"), absolute phrases ("pad on knee") and fragments without a verb.'
    ),
    examples=examples(
        ("He shook his head, still in daze.", "He shook his head, still in a daze."),
        ("His fingers suddenly had grip on her bun.", "His fingers suddenly had a grip on her bun."),
        ("Draco loved to be centre of attention.", "Draco loved to be the centre of attention."),
        ("She jumped to feet and ran.", "She jumped to her feet and ran."),
        ("They spoke at same time.", "They spoke at the same time."),
        ("Then it was if a breeze swept in.", "Then it was as if a breeze swept in."),
        ("She slid her hands down face as he left.", "She slid her hands down her face as he left."),
    ),
    allows=(
        '"I am in hurry," said Krum.',
        "He shook his head, still in a daze.",
        "She waited, for while he slept the house was quiet.",
        "He grew from two to three feet tall.",
        "They were measured from head to feet.",
        "In daze and dream he wandered. In hurry.",
        "The only way out of it was if he left.",
        "Their hips met, mouth pressed against mouth.",
        "She waited, pad on knee.",
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
            if phrase.before and v.low[i - 1] not in phrase.before[-1]:
                continue  # (the quick test first: most "if"s and "of"s open no such phrase)
            if _matches(v, i, phrase):
                yield _finding(v, i, phrase)
                break
    for i in v.at(*word_set("bare_body_parts")):
        if _bare_body_part(v, i):
            yield _finding(v, i, _BODY_PART)


_BODY_PART = Phrase((), "his", ())  # a body part after a preposition, its possessive left out


def _bare_body_part(v: View, i: int) -> bool:
    """A singular body part straight after a preposition, ending its phrase, with no possessive or
    article ("sliding her hands down face as", "sobbed into chest and"): never "mouth against mouth"."""
    p = i - 1
    if v.voice[i] != NARRATION or not v.same_sentence(p, i) or v.xpos[i] != "NN" or not v.text[i].islower():
        return False
    if v.low[p] not in word_set("body_prepositions") or not v.xpos[p].startswith(("IN", "RP", "RB")):
        return False
    if v.glued(p) or v.glued(i) or v.low[i] in v.low[max(0, p - 3) : p]:
        return False  # "mouth pressed against mouth": one body part against another
    first = v.sentence_first[v.sentence[i]]
    if not any(v.xpos[k].startswith("VB") for k in range(first, p)):
        return False  # "Hands on hair. Still.": a fragment of bare nouns, written that way
    if v.xpos[p - 1] == "NN" and v.xpos[p - 2] not in ("DT", "PRP$", "JJ", "POS"):
        return False  # "waited, pad on knee": a bare noun of its own, an absolute phrase
    after = v.low[i + 1] if v.same_sentence(i, i + 1) else "."
    if after == "and" and v.tag(i + 2) in ("NN", "NNS"):
        return False  # "ink on chin and forehead", "through hair and clothes": bare nouns paired on purpose
    return v.xpos[i + 1] in (".", ",", ":") or after in word_set("after_bare_body_part")


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
    # "the only way out of it was if": a pronoun after a preposition is its object, no subject
    return not (v.xpos[start] == "PRP" and v.xpos[start - 1] in ("IN", "TO"))


def _measure(v: View, to: int) -> bool:
    """ "from two to three feet", "from head to feet": "to" in a span, not a rising."""
    before = v.low[to - 1] if v.same_sentence(to - 1, to) else ""
    return before.isdigit() or v.xpos[to - 1] == "CD" or "from" in v.low[max(0, to - 3) : to]


def _finding(v: View, i: int, phrase: Phrase) -> Diagnostic:
    word = _possessive(v, i) if phrase.missing == "his" else phrase.missing
    said = v.text[i]
    if not word:
        example = f'"his {said}", "her {said}"' if phrase is _BODY_PART else '"to his feet", "to her feet"'
        return Diagnostic(
            RULE.id,
            v.start[i],
            v.end[i],
            f'A possessive is missing before "{said}": {example}.',
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
