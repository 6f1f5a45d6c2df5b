#!/usr/bin/env python3
"""How S005 (split-closed-compound) does on fan fiction, to choose its open share (on `tune`) and
judge it on a fresh stretch of works.

    python scripts/eval_closed_compounds.py [--split tune] [--skip-works N] [--works N]
        [--share 0.1] [--show 60] [--seed 34]

Prints every finding at the loosest share tried (0.25), with the open share of its pair and its
context, how many each share would keep, and a fixed-seed sample of those at `--share`.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.period import period_signs  # noqa: E402
from ficlint.rules.common import PERIOD_STYLE  # noqa: E402
from ficlint.rules.spelling._closed_compounds import closed_splits  # noqa: E402
from ficlint.source import Source  # noqa: E402

SHARES = (0.05, 0.1, 0.15, 0.25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="tune")
    ap.add_argument("--skip-works", type=int, default=0)
    ap.add_argument("--works", type=int, default=10**6)
    ap.add_argument("--share", type=float, default=0.1)
    ap.add_argument("--show", type=int, default=60)
    ap.add_argument("--seed", type=int, default=34)
    args = ap.parse_args()
    found: list[tuple[float, int, str, str]] = []
    words = 0
    for k, (work, text) in enumerate(works(args.split)):
        if k < args.skip_works:
            continue
        if k >= args.skip_works + args.works:
            break
        words += len(text.split())
        if period_signs(text) >= PERIOD_STYLE:
            continue
        for s in closed_splits(AnalyzedDocument(Source("work", text)), max(SHARES)):
            context = text[max(0, s.start - 70):s.end + 70].replace("\n", " / ")
            found.append((1 - s.probability, work, s.written, context))
    print(f"{args.split} works {args.skip_works}-{args.skip_works + args.works - 1}: {words:,} words")
    for share in SHARES:
        n = sum(f[0] <= share + 1e-9 for f in found)
        print(f"  open share <= {share}: {n} findings ({10000 * n / max(words, 1):.2f} per 10k words)")
    kept = [f for f in found if f[0] <= args.share + 1e-9]
    print(f"sample of {min(args.show, len(kept))} at share {args.share} (Random({args.seed})):")
    for share, work, written, context in random.Random(args.seed).sample(kept, min(args.show, len(kept))):
        print(f"  {share:.3f} {work} {written!r}: {context}")
    print("commonest:", Counter(f[2].lower() for f in kept).most_common(25))


if __name__ == "__main__":
    main()
