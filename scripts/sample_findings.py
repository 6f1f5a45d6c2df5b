#!/usr/bin/env python3
"""A fixed-seed sample of ficlint's findings on held-out fan fiction, for judging by hand.

Takes the first works of the fan-fiction *test* split (scripts/training_data.py) up to
--words words, writes each to its own folder (each work is its own manuscript), runs the
real CLI on them with the selected rules, and prints a sample of --sample findings (random
with --seed, from all the findings) as a Markdown table: rule, the flagged text in its
context, the message, and an empty column for the judgement (true / false / debatable).

    python scripts/sample_findings.py --select dialogue,capitalization,punctuation,grammar \\
        --words 100000 --sample 100 --seed 18 [--skip-words 100000] > sample.md

The table of issue 18's judgement lives in docs/evaluations/issue-18-heldout.md.
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

CONTEXT = 60


def sample(select: str, words: int, size: int, seed: int, skip: int = 0) -> tuple[list[dict], int, int, Counter[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        total = skipped = 0
        texts: dict[str, str] = {}
        for work_id, text in works("test"):
            if skipped < skip:
                skipped += len(text.split())
                continue
            folder = root / str(work_id)
            folder.mkdir()
            path = folder / "chapter.md"
            path.write_text(text, encoding="utf-8")
            texts[str(path)] = text
            total += len(text.split())
            if total >= words:
                break
        out = subprocess.run([sys.executable, "-m", "ficlint", "check", "--format", "json", "--no-cache",
                              "--select", select, str(root)], capture_output=True, text=True, check=False)
        report = json.loads(out.stdout)
        findings = []
        for entry in report["files"]:
            text = texts[str(Path(entry["path"]).resolve())] if str(Path(entry["path"]).resolve()) in texts \
                else Path(entry["path"]).read_text(encoding="utf-8")
            work = Path(entry["path"]).parent.name
            for d in entry["diagnostics"]:
                start, end = d["start"]["offset"], d["end"]["offset"]
                context = (text[max(0, start - CONTEXT):start] + "[[" + text[start:end] + "]]"
                           + text[end:end + CONTEXT]).replace("\n", "⏎").replace("|", "¦")
                findings.append({"work": work, "rule": d["rule"], "context": context, "message": d["message"]})
    per_rule = Counter(f["rule"] for f in findings)
    picked = random.Random(seed).sample(findings, min(size, len(findings)))
    picked.sort(key=lambda f: (f["rule"], f["work"]))
    return picked, total, len(findings), per_rule


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--select", default="dialogue,capitalization,punctuation,grammar")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--skip-words", type=int, default=0, help="pass over the first works, up to this many words")
    args = ap.parse_args()
    picked, total, count, per_rule = sample(args.select, args.words, args.sample, args.seed, args.skip_words)
    print(f"{total:,} words of held-out fan fiction, {count} findings "
          f"({', '.join(f'{r} {n}' for r, n in sorted(per_rule.items()))}); a sample of {len(picked)} "
          f"(seed {args.seed}):\n")
    print("| # | rule | work | finding in context | judgement |")
    print("| --- | --- | --- | --- | --- |")
    for i, f in enumerate(picked, 1):
        print(f"| {i} | {f['rule']} | {f['work']} | `{f['context']}` |  |")


if __name__ == "__main__":
    main()
