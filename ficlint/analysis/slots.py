"""Slots where grammar is certain which word class comes next.

After a modal ("could", "they'll", "didn't") or the infinitive's "to" ("tried to") comes a
base verb; after an article or "my", "every", a noun phrase; after a possessive ("your",
"its"), never a form of "be", an article or a pronoun. A confusable word that cannot fill
its slot is the wrong member of its set ("they'll led" -> "lead", "an which" -> "witch",
"its been" -> "it's"), and the member that can is the one to keep.

    codes = slot_codes(words, sentence)      # one code per token: NONE, BASE_VERB, NOUN_PHRASE...
    fits("led", BASE_VERB)                   # False: "led" is never a base verb
    fits("your", codes[i]) is False          # a possessive before "been"

`words` are the analysis layer's tokens, lowercased with straight apostrophes; `sentence`
the sentence index of each. The word lists are data in rules/data/slots.yaml; the classes
of the words judged come from ficlint/analysis/confusables.py (`word_classes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ficlint.analysis.confusables import word_classes
from ficlint.resources import load_data

if TYPE_CHECKING:
    import numpy as np

NONE, BASE_VERB, NOUN_PHRASE, NO_POSSESSIVE = 0, 1, 2, 3  # slot codes (NO_POSSESSIVE: the next word
# cannot follow a possessive, so this word is not one)

# token kinds for the look-behind
_OTHER, _MODAL, _SUBJECT_MODAL, _SUBJECT, _TO, _BEFORE_TO, _DETERMINER, _ADVERB = range(8)


@cache
def _data() -> dict[str, frozenset[str]]:
    return {key: frozenset(str(w) for w in words) for key, words in load_data("slots").items()}


@cache
def _kinds() -> dict[str, int]:
    data = _data()
    kinds: dict[str, int] = {}
    for key, kind in (("subjects", _SUBJECT), ("infinitive_to_after", _BEFORE_TO), ("adverbs_between", _ADVERB),
                      ("noun_phrase_after", _DETERMINER), ("base_verb_after_subject", _SUBJECT_MODAL),
                      ("base_verb_after", _MODAL)):
        kinds.update(dict.fromkeys(data[key], kind))
    kinds["to"] = _TO
    return kinds


def slot_codes(words: Sequence[str], sentence: Sequence[int]) -> np.ndarray:
    """The slot code of every token (see the module's docstring)."""
    import numpy as np

    n = len(words)
    codes = np.zeros(n, dtype=np.int64)
    if n < 2:
        return codes
    kinds = _kinds()
    kind = np.fromiter((kinds.get(w, _OTHER) for w in words), dtype=np.int64, count=n)
    sent = np.asarray(sentence, dtype=np.int64)
    same = np.r_[False, sent[1:] == sent[:-1]]  # token i is in the sentence of token i - 1
    before = np.r_[_OTHER, kind[:-1]]
    verb_follows = (kind == _MODAL) | (same & (((kind == _SUBJECT_MODAL) & (before == _SUBJECT))
                                               | ((kind == _TO) & (before == _BEFORE_TO))))
    verb_before = np.r_[False, verb_follows[:-1]] & same
    after_adverb = (before == _ADVERB) & same & np.r_[False, False, verb_follows[:-2]] & np.r_[False, same[:-1]]
    codes[(verb_before & (kind != _ADVERB)) | after_adverb] = BASE_VERB
    codes[(before == _DETERMINER) & same] = NOUN_PHRASE
    never = _data()["never_after_possessive"]
    follows_never = np.fromiter((w in never for w in words), dtype=bool, count=n)
    hyphen_after = np.r_[np.array([w == "-" for w in words[1:]], dtype=bool), False]
    judged = np.r_[follows_never[1:] & same[1:] & ~hyphen_after[1:], False]  # token i: the next one never
    codes[judged & (codes == NONE)] = NO_POSSESSIVE
    return codes


@cache
def _slot_classes() -> dict[int, frozenset[str]]:
    return {BASE_VERB: frozenset({"VB"}), NOUN_PHRASE: _data()["noun_phrase_classes"]}


def fits(word: str, slot: int) -> bool | None:
    """Can `word` fill a slot of this code? None: no slot, or the word's classes are unknown."""
    if slot == NONE:
        return None
    classes = word_classes().get(word)
    if classes is None:
        return None
    if slot == NO_POSSESSIVE:
        return "PRP$" not in classes
    parts = {part for tag in classes for part in tag.split("+")[:1]}  # a contraction by its first part
    return bool(parts & _slot_classes()[slot])
