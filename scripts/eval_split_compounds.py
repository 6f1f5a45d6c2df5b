#!/usr/bin/env python3
"""How S003 (split-compound) does on held-out fan fiction, to choose its threshold (on `tune`)
and report its figures (on `test`).

    python scripts/eval_split_compounds.py [--split tune] [--words 2000000] [--show 60] [--seed 3]
        [--skip-words N]

Two measures, at several thresholds:
- findings on the split as written, per 10,000 words, with a fixed-seed sample to judge by hand
  (fan fiction has real split compounds, so these are findings to read, not all false alarms);
- recall on slips made on purpose: every closed form of a pair S003 knows ("into", "sunlight")
  is split ("in to", "sun light") in a copy of the work, and S003 is run on the copy.
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
from ficlint.rules.spelling._compounds import judged_pairs, splits  # noqa: E402
from ficlint.source import Source  # noqa: E402

THRESHOLDS = (0.98, 0.985, 0.99, 0.995, 0.999)


def split_closed_forms(text: str, by_closed: dict[str, str]) -> tuple[str, int]:
    """The text with every closed form of a known pair written open, and how many there were."""
    import re

    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        word = m.group(0)
        form = by_closed.get(word.lower())
        if form is None:
            return word
        count += 1
        first, second = form.split(" ")
        head = word[:len(first)]
        return f"{head} {word[len(first):]}"

    return re.sub(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])", repl, text), count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="tune")
    ap.add_argument("--words", type=int, default=2_000_000)
    ap.add_argument("--show", type=int, default=60)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--floor", type=float, default=0.99, help="sample findings from this probability up")
    ap.add_argument("--skip-words", type=int, default=0,
                    help="leave out the split's first works, this many words (text judged before)")
    args = ap.parse_args()
    by_closed: dict[str, str] = {}
    for form, pair in sorted(judged_pairs().items()):
        by_closed.setdefault(pair.closed, form)
    lowest = min(THRESHOLDS)
    found: list[tuple[float, str, str]] = []
    injected = 0
    caught: Counter[float] = Counter()
    words = muted = skipped = 0
    for _, text in works(args.split):
        if skipped < args.skip_words:
            skipped += len(text.split())
            continue
        words += len(text.split())
        if period_signs(text) >= PERIOD_STYLE:
            muted += 1  # a period style: S003 is silent
            continue
        doc = AnalyzedDocument(Source("work", text))
        for s in splits(doc, lowest):
            context = text[max(0, s.start - 60):s.end + 60].replace("\n", " / ")
            found.append((s.probability, s.written, context))
        slipped, n = split_closed_forms(text, by_closed)
        injected += n
        for s in splits(AnalyzedDocument(Source("work", slipped)), lowest):
            if s.written.replace(" ", "").lower() == s.closed:
                for t in THRESHOLDS:
                    caught[t] += s.probability >= t
        if words >= args.words:
            break
    print(f"{args.split}: {words:,} words ({muted} works in a period style, left alone)")
    for t in THRESHOLDS:
        n = sum(p >= t for p, _, _ in found)
        print(f"  threshold {t}: {n} findings as written ({10000 * n / words:.2f} per 10k words); "
              f"slips caught {caught[t]}/{injected} ({caught[t] / max(injected, 1):.1%})")
    from ficlint.rules.spelling._compounds import THRESHOLD

    shown = [f for f in found if f[0] >= args.floor]
    print(f"sample from probability {args.floor} up (shipped threshold {THRESHOLD}):")
    for p, written, context in sorted(random.Random(args.seed).sample(shown, min(args.show, len(shown)))):
        print(f"  {p:.4f} {written!r}: {context}")
    print("commonest:", Counter(w.lower() for p, w, _ in found if p >= THRESHOLD).most_common(20))


if __name__ == "__main__":
    main()
