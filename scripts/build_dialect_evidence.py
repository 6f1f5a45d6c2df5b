#!/usr/bin/env python3
"""Measure how strongly each kind of dialect evidence points to British or American
English, on the train split of ../shared/training, and write the weights V001 uses:
ficlint/data/dialect-evidence.json.

    python scripts/build_dialect_evidence.py [--training ../shared/training] [--check]

Two measurements:

1. Mixing in edited prose. Gutenberg books of the train split whose variant
   spellings (colour/color, centre/center, grey/gray…, not -ise/-ize, which
   Oxford spelling shares) are at least 20 and 90% one-sided are labelled with
   that side; for each pattern (our, re, ll, …) the share of their spellings on
   the other side is how often edited prose mixes. A spelling of side S then
   weighs log((1 - m) / m) for S, m the pattern's mixing share (smoothed).
2. Weak markers (rules/data/dialect-markers.yaml: Mum/Mom, towards/toward,
   whilst, learnt, "Mr"/"Mr.", gotten…, and single-quoted dialogue). Fan-fiction
   works of the train split labelled the same way (at least 4 spellings, 85% one
   side) give each marker's rate in British and American works; an occurrence
   weighs the log of the ratio (add-one smoothed), capped, and a marker counts at
   most MARKER_CAP occurrences per manuscript (one habit is one piece of evidence).
3. Leaks: how often writers of one dialect use the other's spelling of a word
   family (American fan fiction writes `grey` in 2 works of 3 that use the
   word). Each fan-fiction work of the train split is labelled by its OTHER
   families' spellings (as in 2., the family itself left out, so a habit does
   not label its own work); among the works of a side that use the family at
   all (at least LEAK_WORKS of them), the share that use the other side's
   spelling at least once is the family's leak into that side. V001 asks for
   more evidence before it flags a leaky family's spelling.

Re-running it gives the shipped file byte for byte (`--check` only compares).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works, write_or_check  # noqa: E402

from ficlint.document.quotes import detect_style  # noqa: E402
from ficlint.resources import load_data  # noqa: E402
from ficlint.rules.dialect._variants import AMERICAN, BRITISH, marker_counts, variants  # noqa: E402

OUTPUT = ROOT / "ficlint" / "data" / "dialect-evidence.json"
_WORD = re.compile(r"[A-Za-z]+")
BOOK_MIN, BOOK_SHARE = 20, 0.9
WORK_MIN, WORK_SHARE = 4, 0.85
WEIGHT_CAP = 1.5  # no weak marker weighs more than this (nats) per occurrence
SMOOTH = 2.0  # pseudo-spellings on each side of a pattern when measuring mixing
LEAK_WORKS = 10  # labelled works of a side that use a family, before its leak is measured
LEAK_FLOOR = 0.1  # leaks below this are not written (V001 reads only high ones)


def strong_counts(text: str) -> Counter[tuple[str, str]]:
    """(side, pattern) -> variant spellings in `text` (lowercase words)."""
    marked = variants().marked
    counts: Counter[tuple[str, str]] = Counter()
    for word in _WORD.findall(text):
        v = marked.get(word) if word.islower() else None
        if v is not None:
            counts[(v.side, v.pattern)] += 1
    return counts


def label(counts: Counter[tuple[str, str]], minimum: int, share: float) -> str | None:
    """The side of a text whose spellings (-ise/-ize left out: Oxford spelling shares -ize) are
    at least `minimum` and `share` one-sided."""
    sides: Counter[str] = Counter()
    for (side, pattern), n in counts.items():
        if pattern != "ise":
            sides[side] += n
    total = sum(sides.values())
    if total < minimum:
        return None
    side, n = sides.most_common(1)[0]
    return side if n >= share * total else None


def mixing(training: Path) -> dict[str, float]:
    """Pattern -> weight (nats) of one spelling, from the mixing in labelled edited books."""
    same: Counter[str] = Counter()
    other: Counter[str] = Counter()
    ise: dict[str, Counter[str]] = {BRITISH: Counter(), AMERICAN: Counter()}  # book side -> spelling side
    for _, text in books("train", root=training):
        counts = strong_counts(text)
        side = label(counts, BOOK_MIN, BOOK_SHARE)
        if side is None:
            continue
        for (s, pattern), n in counts.items():
            if pattern == "ise":
                ise[side][s] += n
            else:
                (same if s == side else other)[pattern] += n
    weights = {}
    for pattern in sorted(same.keys() | other.keys()):
        if pattern != "ise":
            m = (other[pattern] + SMOOTH) / (same[pattern] + other[pattern] + 2 * SMOOTH)
            weights[pattern] = round(math.log((1 - m) / m), 3)
    # -ise and -ize are not symmetric: British books use both (Oxford spelling), American ones -ize.
    # A spelling weighs the log of how much likelier it is in a book of its side than of the other.
    for side, key in ((BRITISH, "ise"), (AMERICAN, "ize")):
        mine = (ise[side][side] + SMOOTH) / (sum(ise[side].values()) + 2 * SMOOTH)
        theirs = (ise[_other(side)][side] + SMOOTH) / (sum(ise[_other(side)].values()) + 2 * SMOOTH)
        weights[key] = round(max(0.0, math.log(mine / theirs)), 3)
    return weights


def _other(side: str) -> str:
    return AMERICAN if side == BRITISH else BRITISH


def markers(training: Path) -> dict[str, float]:
    """Marker -> weight (nats) of one occurrence, positive for British."""
    names = list(load_data("dialect-markers")["markers"])
    found = {BRITISH: Counter(), AMERICAN: Counter()}
    words = {BRITISH: 0, AMERICAN: 0}
    styles = {BRITISH: Counter(), AMERICAN: Counter()}
    for _, text in works("train", root=training):
        side = label(strong_counts(text), WORK_MIN, WORK_SHARE)
        if side is None:
            continue
        words[side] += len(text.split())
        styles[side][detect_style(text)] += 1
        found[side].update(marker_counts(text))
    weights = {}
    for name in names:
        gb = (found[BRITISH][name] + 1) / words[BRITISH]
        us = (found[AMERICAN][name] + 1) / words[AMERICAN]
        weights[name] = round(max(-WEIGHT_CAP, min(WEIGHT_CAP, math.log(gb / us))), 3)
    for style in ("single", "double"):
        gb = (styles[BRITISH][style] + 1) / (sum(styles[BRITISH].values()) + 2)
        us = (styles[AMERICAN][style] + 1) / (sum(styles[AMERICAN].values()) + 2)
        weights[f"{style}-quotes"] = round(max(-WEIGHT_CAP, min(WEIGHT_CAP, math.log(gb / us))), 3)
    weights["_works"] = {"British": sum(styles[BRITISH].values()), "American": sum(styles[AMERICAN].values())}
    return weights


def leaks(training: Path) -> dict[str, dict[str, float]]:
    """Side -> {word family -> share of that side's works using the family that also use the
    other side's spelling}, for families used by at least LEAK_WORKS works of the side."""
    marked = variants().marked
    using: Counter[tuple[str, str]] = Counter()
    leaking: Counter[tuple[str, str]] = Counter()
    for _, text in works("train", root=training):
        families: dict[str, Counter[str]] = {}
        for word in _WORD.findall(text):
            v = marked.get(word) if word.islower() else None
            if v is not None and v.pattern != "ise":
                families.setdefault(v.family, Counter())[v.side] += 1
        total: Counter[str] = Counter()
        for sides in families.values():
            total.update(sides)
        for family, sides in families.items():
            rest = total - sides
            side = label(Counter({(s, ""): n for s, n in rest.items()}), WORK_MIN, WORK_SHARE)
            if side is None:
                continue
            using[(side, family)] += 1
            leaking[(side, family)] += any(s != side for s in sides)
    out: dict[str, dict[str, float]] = {BRITISH: {}, AMERICAN: {}}
    for (side, family), n in sorted(using.items()):
        share = round(leaking[(side, family)] / n, 3)
        if n >= LEAK_WORKS and share >= LEAK_FLOOR:
            out[side][family] = share
    return out


def build(training: Path) -> str:
    data = {"spelling": mixing(training), "markers": markers(training), "leaks": leaks(training)}
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training", type=Path, default=TRAINING)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    text = build(args.training)
    write_or_check(OUTPUT, text, args.check)
    print(text)


if __name__ == "__main__":
    main()
