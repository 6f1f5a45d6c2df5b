"""Fixed-phrase evidence for H001, mined from counts: a two-word context (the two words before
a member, one either side, the two after, or one uncommon word beside it) where one member of a
set is used again and again in the train split and the written one never in its edited books
("under **marshal** law": "martial law"; "a wide **birth**": "a wide berth").

scripts/build_homophone_phrases.py mines them into rules/data/confusables-phrases.yaml (written
as phrases: `words`, `fix`); the thresholds of the mining were chosen on tune. Counts are one
signal and can be wrong where a rare construction was never counted ("could never seem
anything"), so a phrase flags the written word only where the context model, too, leans to the
phrase's word: its margin over the written word (after the slots and the manuscript's evidence)
is at least PHRASE_FLOOR nats plus the region's extra margin. The confidence runs from 0.5 at
the floor to the direction's stricter levels, which these findings never reach unless the
model is sure by itself (the thresholds would have flagged them first).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ficlint.resources import load_data

if TYPE_CHECKING:
    import numpy as np

    from ficlint.rules.homophones._judge import Suggestion
    from ficlint.rules.homophones._model import Model, Scored

PHRASE_FLOOR = 0.0  # nats: the model must lean to the phrase's word at least this much (chosen on tune)
# (offsets of the context words) by (phrase length, the written word's place in it)
_SHAPES = {(2, 1): (-1,), (2, 0): (1,), (3, 2): (-2, -1), (3, 1): (-1, 1), (3, 0): (1, 2)}

Table = dict[tuple[str, tuple[int, ...], tuple[str, ...]], tuple[str, ...]]


@cache
def mined_phrases() -> Table:
    """(written, offsets, context words) -> the words the phrases have there (a set of three
    may have two: "then"/"than")."""
    table: Table = {}
    for entry in load_data("confusables-phrases")["phrases"]:
        words = str(entry["words"]).split()
        ((written, meant),) = entry["fix"].items()
        at = words.index(written)
        offsets = _SHAPES[len(words), at]
        key = (written, offsets, tuple(words[at + o] for o in offsets))
        table[key] = (*table.get(key, ()), meant)
    return table


@cache
def phrase_words() -> frozenset[str]:
    """The written words some mined phrase speaks against (the others need no look-up)."""
    return frozenset(key[0] for key in mined_phrases())


def phrase_rivals(words: Sequence[str], sentence: Sequence[int], token: int, written: str) -> set[str]:
    """The words the mined phrases around `token` (in its sentence) have in its place."""
    table = mined_phrases()
    last = len(words)
    found = set()
    for offsets in _SHAPES.values():
        places = [token + o for o in offsets]
        if all(0 <= j < last and sentence[j] == sentence[token] for j in places):
            found.update(table.get((written, offsets, tuple(words[j] for j in places)), ()))
    return found


def phrase_suggestions(model: Model, scored: Scored, words: Sequence[str], sentence: Sequence[int],
                       margins: np.ndarray, extra: np.ndarray, taken: set[int]) -> list[Suggestion]:
    """The occurrences (not in `taken`) where a mined phrase has another member of the set and
    the model gives that member at least PHRASE_FLOOR nats (plus the row's `extra`)."""
    import numpy as np

    from ficlint.rules.homophones._judge import Suggestion, keep_surer

    if not len(scored.token):
        return []
    against = phrase_words()
    found: dict[int, Suggestion] = {}
    rows = np.flatnonzero(np.isfinite(extra) & (margins >= PHRASE_FLOOR + extra[:, None]).any(axis=1))
    for row in rows.tolist():
        token = int(scored.token[row])
        s = model.sets[int(scored.set_index[row])]
        a = int(scored.written[row])
        if token in taken or s.members[a] not in against:
            continue
        rivals = phrase_rivals(words, sentence, token, s.members[a])
        for b, rival in enumerate(s.members):
            margin = float(margins[row, b])
            floor = PHRASE_FLOOR + float(extra[row])
            if b == a or rival not in rivals or margin < floor:
                continue
            levels = (floor, *(level[a][b] + float(extra[row]) for level in s.stricter))
            keep_surer(found, Suggestion(row, token, s.members[a], rival, s.index, margin, levels))
    return list(found.values())
