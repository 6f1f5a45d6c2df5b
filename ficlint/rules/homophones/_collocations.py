"""Collocation evidence for H001: a neighbour that a rarer member of the set keeps far more
often than the written word ("had **feel** asleep": "asleep" follows "fell"; "for the **soul**
purpose": "purpose" follows "sole").

The context model reads a window of weighted features, and the word n-gram counts
(`_ngrams`) speak only for the common function-word sets, so a rare member's fixed company
is thin evidence to it, and the slip writers make most, a common word written for a rarer
one, is priced by thresholds set on all the common word's uses. scripts/build_homophone_collocations.py
counts, in the train split, each member's word at OFFSETS (in its sentence) and ships the
(written word, offset, neighbour, rarer rival) entries where the rival was seen beside that
neighbour at least RIVAL_MIN_COUNT times and at least RIVAL_RATIO times as often as the
written word (+1); a neighbour that is punctuation or as common as "the", "was", "to" is
never one (the build's NEIGHBOUR_MAX_RATE).

The vote flags the written word only where the model, too, leans to the rival: its margin
(after the slots and the manuscript's evidence) is at least MODEL_FLOOR nats, or at least the
direction's threshold less MODEL_SHORT, plus the region's extra margin. The four thresholds
were chosen on tune for a false-alarm budget (docs/evaluations/issue-16-heldout.md). Only
the sets the n-gram counts do not speak for are voted on: those have their own evidence.

Two neighbours at different places that both speak for the rival are independent evidence,
so there the model need only lean to it by PAIRED_FLOOR nats ("messier **then** it normally
was": "messier" before, "normally" two after, both keep "than"); a neighbour counts for such
a pair already at PAIRED_RATIO (the file marks those "~"). Chosen on tune too.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ficlint.resources import data_dir

if TYPE_CHECKING:
    import numpy as np

    from ficlint.rules.homophones._judge import Suggestion
    from ficlint.rules.homophones._model import Model, Scored

COLLOCATION_FILE = "homophone-collocations.json.gz"
OFFSETS = (-2, -1, 1, 2)  # the neighbour's place from the member, in its sentence
RIVAL_MIN_COUNT = 15  # uses of the rival beside the neighbour, at least
RIVAL_RATIO = 15.0  # times the written word's uses there (+1), at least
MODEL_FLOOR = 5.0  # nats: the rival's margin over the written word must be at least this,
MODEL_SHORT = 1.0  # or at least the direction's threshold less this
PAIRED_RATIO = 5.0  # a neighbour that votes only beside another: the rival's uses there (+1), times
PAIRED_FLOOR = 2.0  # nats: the margin two agreeing neighbours need (or the threshold less MODEL_SHORT)


Table = dict[tuple[str, int, str], tuple[str, ...]]


@cache
def _tables() -> tuple[Table, Table]:
    """(written, offset, neighbour) -> the rivals it speaks for: alone (RIVAL_RATIO), and beside
    another (PAIRED_RATIO, which includes the first); empty without the file. A line of the file:
    "written rival", then per offset a tab, the offset and its neighbours ("~": paired only)."""
    path = data_dir() / COLLOCATION_FILE
    if not path.is_file():
        return {}, {}
    alone: dict[tuple[str, int, str], list[str]] = {}
    paired: dict[tuple[str, int, str], list[str]] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        pair, *places = line.split("\t")
        written, rival = pair.split(" ")
        for place in places:
            offset, *neighbours = place.split(" ")
            for neighbour in neighbours:
                if not neighbour.startswith("~"):
                    alone.setdefault((written, int(offset), neighbour), []).append(rival)
                paired.setdefault((written, int(offset), neighbour.lstrip("~")), []).append(rival)
    return ({key: tuple(rivals) for key, rivals in alone.items()},
            {key: tuple(rivals) for key, rivals in paired.items()})


def load_collocations() -> Table:
    """(written, offset, neighbour) -> the rivals that neighbour speaks for on its own."""
    return _tables()[0]


def load_paired() -> Table:
    """(written, offset, neighbour) -> the rivals it speaks for beside another such neighbour."""
    return _tables()[1]


def votes(table: Table, words: Sequence[str], sentence: Sequence[int], token: int, written: str,
          rival: str) -> int:
    """How many neighbours of `token` (in its sentence) speak for `rival` over `written` in `table`."""
    last = len(words)
    found = 0
    for offset in OFFSETS:
        j = token + offset
        if 0 <= j < last and sentence[j] == sentence[token] and rival in table.get(
                (written, offset, words[j]), ()):
            found += 1
    return found


def voted(words: Sequence[str], sentence: Sequence[int], token: int, written: str, rival: str) -> bool:
    """Does a neighbour of `token` (in its sentence) speak for `rival` over `written` on its own?"""
    return votes(load_collocations(), words, sentence, token, written, rival) > 0


@cache
def counted_sets() -> frozenset[int]:
    """The sets the word n-gram counts speak for (none voted on here), read once."""
    from ficlint.rules.homophones._ngrams import load_table

    table = load_table()
    if table is None or table.counted is None:
        return frozenset()
    return frozenset(int(i) for i in table.counted.nonzero()[0])


def voting_words(model: Model) -> frozenset[str]:
    """The written words some entry speaks against (the others need no look-up)."""
    if "collocation words" not in model.memo:
        model.memo["collocation words"] = frozenset(key[0] for key in load_paired())
    return model.memo["collocation words"]


def collocation_suggestions(model: Model, scored: Scored, words: Sequence[str], sentence: Sequence[int],
                            margins: np.ndarray, extra: np.ndarray, taken: set[int]) -> list[Suggestion]:
    """The occurrences (not in `taken`, a token the thresholds already flag) where a neighbour
    speaks for another member of the set and the model gives that member at least MODEL_FLOOR,
    or two neighbours do and it gives at least PAIRED_FLOOR (plus the row's `extra`). The
    confidence runs from 0.5 at the floor to the direction's stricter levels, which these
    findings never reach (the thresholds would have flagged them)."""
    import numpy as np

    from ficlint.rules.homophones._judge import Suggestion, _rare_caps, _thresholds, keep_surer

    if not len(scored.token) or not load_paired():
        return []
    counted = counted_sets()
    voting = voting_words(model)
    found: dict[int, Suggestion] = {}
    lowest = np.minimum(_thresholds(model), _rare_caps(model)) - MODEL_SHORT
    lowest = lowest[scored.set_index, scored.written]  # [row, member]
    floors = np.minimum(MODEL_FLOOR, lowest) + extra[:, None]
    paired_floors = np.minimum(PAIRED_FLOOR, lowest) + extra[:, None]
    rows = np.flatnonzero(np.isfinite(extra) & (margins >= paired_floors).any(axis=1))
    for row in rows.tolist():
        token = int(scored.token[row])
        s = model.sets[int(scored.set_index[row])]
        a = int(scored.written[row])
        if token in taken or s.index in counted or s.members[a] not in voting:
            continue
        for b, rival in enumerate(s.members):
            margin = float(margins[row, b])
            if b == a or margin < float(paired_floors[row, b]):
                continue
            floor = float(floors[row, b])
            if margin < floor or not voted(words, sentence, token, s.members[a], rival):
                floor = float(paired_floors[row, b])
                if votes(load_paired(), words, sentence, token, s.members[a], rival) < 2:
                    continue
            levels = (floor, *(level[a][b] + float(extra[row]) for level in s.stricter))
            keep_surer(found, Suggestion(row, token, s.members[a], rival, s.index, margin, levels))
    return list(found.values())
