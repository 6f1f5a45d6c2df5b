#!/usr/bin/env python3
"""Build ficlint/data/closed-compounds.json, the data of S005 (split-closed-compound): compounds
that fan fiction and edited books both write closed (housemates, nightshirt, willpower), with how
often each is written open. Byte for byte from the train splits of ../shared/training (about a
minute: a plain word count, no tagging).

    python scripts/build_closed_compounds.py [--training ../shared/training] [--check]
        [--also-leave-out 1450-1799 --out FILE]

Counted, in the train fan fiction and the train Gutenberg books, on lowercased text cut into
runs of letters and single marks: each dictionary word of two dictionary words run together
(both at least MIN_PART letters), how often it is written closed, open (the two words next to
each other, white space between) and hyphenated. A pair is kept when
- fan fiction writes the closed form at least MIN_CLOSED times, and at most MAX_FAN_OPEN as
  often open as closed ("every day", "some time", "any more" are written open far more often:
  phrases, never slips), and
- edited books, where they use the word at least MIN_EDITED times, print it open at most
  MAX_EDITED_OPEN of the time ("any way", "may be", "for ever": what books print).
S005 applies its own, stricter open share (chosen on the tune split) and word classes at the
place of use (both words nouns: "the house mates", never "the dark room" or "hide out").

Train works HELD_OUT (in `works('train')` order) are left out: they were kept unread to judge
S005 on (stop 34), so the table must not have seen them. `--also-leave-out` leaves out another
stretch too, for a table to judge a later stretch with (never shipped).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works, write_or_check  # noqa: E402

from ficlint.rules.spelling._dictionary import lexicon  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "closed-compounds.json"
MIN_PART = 3
MIN_CLOSED = 20
MAX_FAN_OPEN = 0.5
MIN_EDITED = 20
MAX_EDITED_OPEN = 0.05
HELD_OUT = range(6400, 6821)
_TOKEN = re.compile(r"[a-z]+|\S")


def candidates() -> dict[tuple[str, str], str]:
    """(first, second) -> the dictionary word they make run together."""
    words = {w for w in lexicon().words if w.isalpha() and w.islower()}
    found: dict[tuple[str, str], str] = {}
    for word in sorted(words):
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            if word[:i] in words and word[i:] in words:
                found[(word[:i], word[i:])] = word
    return found


class Counts:
    def __init__(self) -> None:
        self.closed: Counter[str] = Counter()
        self.open: Counter[tuple[str, str]] = Counter()
        self.hyphenated: Counter[tuple[str, str]] = Counter()

    def add(self, texts: Iterable[str], pairs: dict[tuple[str, str], str], closed_words: set[str]) -> None:
        for text in texts:
            tokens = _TOKEN.findall(text.lower())
            self.closed.update(t for t in tokens if t in closed_words)
            for i in range(len(tokens) - 1):
                first, second = tokens[i], tokens[i + 1]
                if (first, second) in pairs:
                    self.open[(first, second)] += 1
                elif second == "-" and i + 2 < len(tokens) and (first, tokens[i + 2]) in pairs:
                    self.hyphenated[(first, tokens[i + 2])] += 1


def select(fan: Counts, edited: Counts, pairs: dict[tuple[str, str], str]) -> dict[str, list[object]]:
    kept: dict[str, list[object]] = {}
    for (first, second), word in sorted(pairs.items()):
        closed, opened = fan.closed[word], fan.open[(first, second)]
        if closed < MIN_CLOSED or opened > MAX_FAN_OPEN * closed:
            continue
        edited_open = edited.open[(first, second)]
        edited_uses = edited_open + edited.closed[word] + edited.hyphenated[(first, second)]
        if edited_uses >= MIN_EDITED and edited_open > MAX_EDITED_OPEN * edited_uses:
            continue
        kept[f"{first} {second}"] = [word, opened, closed, edited_open, edited_uses]
    return kept


def build(training: Path, also_left_out: range = range(0)) -> bytes:
    pairs = candidates()
    closed_words = set(pairs.values())
    fan, edited = Counts(), Counts()
    fan.add((text for k, (_, text) in enumerate(works("train", root=training))
             if k not in HELD_OUT and k not in also_left_out),
            pairs, closed_words)
    edited.add((text for _, text in books("train", root=training)), pairs, closed_words)
    data = {"source": "train splits of shared/training (fan fiction without train works "
                      f"{HELD_OUT.start}-{HELD_OUT.stop - 1}; Gutenberg books)",
            "fields": ["closed", "fan_open", "fan_closed", "edited_open", "edited_uses"],
            "pairs": select(fan, edited, pairs)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def _works(value: str) -> range:
    """`1450-1799` as the train works it names, both ends included."""
    start, dash, end = value.partition("-")
    if not (dash and start.isdigit() and end.isdigit() and int(start) <= int(end)):
        raise argparse.ArgumentTypeError(f"{value!r} is not START-END (e.g. 1450-1799)")
    return range(int(start), int(end) + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training", type=Path, default=TRAINING)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    ap.add_argument("--out", type=Path, default=OUTPUT)
    ap.add_argument("--also-leave-out", type=_works, default=range(0), metavar="START-END",
                    help="train works (inclusive) left out too, to judge them with the table (with --out)")
    args = ap.parse_args()
    data = build(args.training, args.also_leave_out)
    write_or_check(args.out, data, args.check)
    print(f"{args.out}: {len(json.loads(data)['pairs'])} pairs")


if __name__ == "__main__":
    main()
