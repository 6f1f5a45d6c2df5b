#!/usr/bin/env python3
"""Build ficlint/data/split-compounds.json.gz, the data of S003 (split-compound): two words
written apart whose closed form is the standard spelling ("in to" for "into", "bean stalk",
"night gown"). Byte for byte from the train splits of ../shared/training (about 15 minutes:
every work and book is read, tokenized and tagged by ficlint's own analysis).

    python scripts/build_split_compounds.py [--training ../shared/training] [--check] [--out FILE]

Counted, in the fan fiction (modern usage) and in the Gutenberg books (edited prose), with
ficlint's own tokens (`doc.tokens`): every pair of words of one sentence, separated by spaces
only, whose concatenation is a dictionary word and whose parts are common words
(`_dictionary.RANKED`); every closed form; the hyphenated form (bean-stalk) in the books.

A pair is kept when
- its closed form is used at least MIN_CLOSED times in the fan fiction, and
- in the edited books the closed or hyphenated form dominates the open one (at most
  MAX_EDITED_OPEN of the uses open, where the books use the word at all): "per cent", "for
  ever", "may be", "on to", "any one" and "some time" are what edited books print, so they stay
  (a phrase or a period spelling, never a slip to report). The books' two counts are kept, and
  S003 applies its own, stricter share (chosen on the tune splits), and the books' hyphenated
  uses and the fan fiction's (a manuscript that writes "to-day" or "bed-room", which edited
  books hyphenate and modern writers never do, follows a period style).

For each kept pair the file holds how often fan fiction writes it open and closed, and the same
two counts after each word seen on its left and on its right (its neighbour token, a word or a
mark, "<s>" / "</s>" at the sentence's ends) at least SUPPORT times: S003 flags an open pair
only where both neighbours make the closed form overwhelmingly likely (see
ficlint/rules/spelling/_compounds.py; the threshold is chosen on the tune split by
scripts/eval_split_compounds.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works, write_or_check  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.rules.spelling._compounds import SENTENCE_END, SENTENCE_START, common_parts  # noqa: E402
from ficlint.rules.spelling._dictionary import lexicon  # noqa: E402
from ficlint.source import Source  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "split-compounds.json.gz"
MIN_CLOSED = 20
MAX_EDITED_OPEN = 0.5
MIN_EDITED = 20  # uses in the books before their verdict counts
SUPPORT = 3


class Counts:
    """Open pairs, closed forms, hyphenated forms, and the neighbours of each."""

    def __init__(self) -> None:
        self.open: Counter[str] = Counter()
        self.closed: Counter[str] = Counter()
        self.hyphenated: Counter[str] = Counter()
        self.left: defaultdict[str, Counter[str]] = defaultdict(Counter)  # form -> neighbour -> uses
        self.right: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def note(self, form: str, low: list[str], sentence: list[int], first: int, last: int) -> None:
        """Count the neighbours of a use of `form` spanning tokens `first` to `last`."""
        self.left[form][_neighbour(low, sentence, first, -1)] += 1
        self.right[form][_neighbour(low, sentence, last, 1)] += 1


def splittable() -> frozenset[str]:
    """Dictionary words that are two common words run together."""
    parts = common_parts()
    found = set()
    for word in lexicon().words:
        if word.isalpha() and word.islower() and len(word) >= 4 \
                and any(word[:i] in parts and word[i:] in parts for i in range(1, len(word))):
            found.add(word)
    return frozenset(found)


def count(texts: Iterable[tuple[object, str]], closed_words: frozenset[str]) -> Counts:
    counts = Counts()
    for _, text in texts:
        doc = AnalyzedDocument(Source("training", text))
        tokens = doc.tokens
        low = tokens.lower
        is_word, sentence, start, end = tokens.is_word, tokens.sentence, tokens.start, tokens.end
        n = len(low)

        for i in range(n):
            if not is_word[i]:
                continue
            word = low[i]
            if word in closed_words:
                counts.closed[word] += 1
                counts.note(word, low, sentence, i, i)
            if i + 1 < n and is_word[i + 1] and sentence[i + 1] == sentence[i]:
                base = low[i + 1][:-2] if low[i + 1].endswith("'s") else low[i + 1]
                gap = text[end[i]:start[i + 1]]
                if word + base in closed_words and gap.isspace() and "\n\n" not in gap:
                    form = f"{word} {base}"
                    counts.open[form] += 1
                    counts.note(form, low, sentence, i, i + 1)
            if i + 2 < n and low[i + 1] == "-" and is_word[i + 2] and end[i] == start[i + 1] \
                    and end[i + 1] == start[i + 2]:
                base = low[i + 2][:-2] if low[i + 2].endswith("'s") else low[i + 2]
                if word + base in closed_words:
                    counts.hyphenated[f"{word} {base}"] += 1
    return counts


def _neighbour(low: list[str], sentence: list[int], i: int, step: int) -> str:
    """The token `step` away from token `i` in its sentence, or the sentence's start or end mark."""
    j = i + step
    if 0 <= j < len(low) and sentence[j] == sentence[i]:
        return low[j]
    return SENTENCE_START if step < 0 else SENTENCE_END


def select(fan: Counts, edited: Counts) -> dict[str, list[object]]:
    parts = common_parts()
    pairs: dict[str, list[object]] = {}
    for form in sorted(set(fan.open) | set(edited.open)):
        first, second = form.split(" ")
        closed = first + second
        if first not in parts or second not in parts or fan.closed[closed] < MIN_CLOSED:
            continue
        edited_open, edited_closed = edited.open[form], edited.closed[closed] + edited.hyphenated[form]
        edited_uses = edited_open + edited_closed
        if edited_uses >= MIN_EDITED and edited_open > MAX_EDITED_OPEN * edited_uses:
            continue  # what edited books print: a phrase or a period spelling
        pairs[form] = [closed, fan.open[form], fan.closed[closed],
                       stored(_neighbours(fan.left[form], fan.left[closed])),
                       stored(_neighbours(fan.right[form], fan.right[closed])), edited_open, edited_closed,
                       edited.hyphenated[form], fan.hyphenated[form]]
    return pairs


def stored(neighbours: dict[str, list[int]]) -> str:
    """A pair's neighbours as the data holds them: JSON text inside the JSON, so that loading the
    data reads one string per side instead of building every pair's dictionaries (S003 asks for
    the neighbours of the few pairs a text holds: `_compounds.Pair.left`)."""
    return _json(neighbours)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _neighbours(open_side: Counter[str], closed_side: Counter[str]) -> dict[str, list[int]]:
    """Neighbour -> [uses with the open form, uses with the closed form], for neighbours seen
    SUPPORT times."""
    return {w: [open_side[w], closed_side[w]] for w in sorted(set(open_side) | set(closed_side))
            if open_side[w] + closed_side[w] >= SUPPORT}


def build(training: Path) -> bytes:
    closed_words = splittable()
    fan = count(works("train", root=training), closed_words)
    edited = count(books("train", root=training), closed_words)
    data = {"source": "train splits of shared/training "
                      "(fan fiction; Gutenberg books for the edited-prose test)",
            "support": SUPPORT, "pairs": select(fan, edited)}
    return gzip.compress(_json(data).encode("utf-8"), mtime=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training", type=Path, default=TRAINING)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    ap.add_argument("--out", type=Path, default=OUTPUT)
    args = ap.parse_args()
    data = build(args.training)
    write_or_check(args.out, data, args.check)
    print(f"{args.out}: {len(json.loads(gzip.decompress(data))['pairs'])} pairs")


if __name__ == "__main__":
    main()
