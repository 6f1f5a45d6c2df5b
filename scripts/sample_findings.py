#!/usr/bin/env python3
"""Draw a fixed-seed sample of spelling and dialect findings from held-out fan fiction, to judge by hand.

    python scripts/sample_findings.py [--words 100000] [--sample 100] [--seed 19] [--out DIR]

Works of the `test` split of ../shared/training/fanfic (never used to build or tune the
glossary, the markers' weights or the edited-prose words) are written one file a work,
in work order, until WORDS words; ficlint checks them with the default configuration
(each work its own manuscript) for S and V rules; SAMPLE findings are drawn with SEED
and printed with their context, followed by the words that fire most.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from training_data import works  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--skip-words", type=int, default=0,
                    help="leave out the split's first works, this many words")
    args = ap.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="ficlint-sample-"))
    folder.mkdir(parents=True, exist_ok=True)
    total = skipped = 0
    for work_id, text in works("test"):
        if skipped < args.skip_words:
            skipped += len(text.split())
            continue
        (folder / f"work-{work_id}.txt").write_text(text + "\n", encoding="utf-8")
        total += len(text.split())
        if total >= args.words:
            break
    out = subprocess.run([sys.executable, "-m", "ficlint", "check", "--format", "json", "--no-cache",
                          "--select", "S,V", str(folder)], capture_output=True, text=True).stdout
    found = []
    for f in json.loads(out)["files"]:
        text = Path(f["path"]).read_text(encoding="utf-8")
        for d in f["diagnostics"]:
            s, e = d["start"]["offset"], d["end"]["offset"]
            context = (text[max(0, s - 60):s] + "[[" + text[s:e] + "]]" + text[e:e + 60]).replace("\n", " / ")
            found.append((Path(f["path"]).name, d["rule"], text[s:e], context, d["message"]))
    print(f"{total} words in {len(list(folder.glob('*.txt')))} works; {len(found)} findings "
          f"({10000 * len(found) / total:.2f} per 10,000 words)")
    for i, (name, rule, word, context, message) in enumerate(
            sorted(random.Random(args.seed).sample(found, min(args.sample, len(found)))), 1):
        print(f"{i:3} {name} {rule} {word!r}: {context}\n      {message[:140]}")
    print("words that fire most:", Counter((r, w) for _, r, w, _, _ in found).most_common(25))


if __name__ == "__main__":
    main()
