#!/usr/bin/env python3
"""Draw a fixed-seed sample of findings from held-out fan fiction, to judge by hand.

    python scripts/sample_findings.py [--words 100000] [--sample 100] [--seed 19] [--out DIR]
        [--skip-words N | --slices SKIP:WORDS,...] [--select S,V] [--table] [--split test|tune]
        [--dump FILE]

Works of the `test` split of ../shared/training/fanfic (never used to build or tune the
glossary, the markers' weights, the edited-prose words or the fiction names) are written
one file a work, in work order, until WORDS words; ficlint checks them with the default
configuration (each work its own manuscript) for the --select rules (S and V by default:
the spelling and dialect families); SAMPLE findings are drawn with SEED and printed with
their context, followed by the words that fire most. With --table the sample is printed
as a Markdown table with an empty judgement column, sorted by rule, e.g. for issue 18:

    python scripts/sample_findings.py --select dialogue,capitalization,punctuation,grammar \\
        --seed 18 --skip-words 200000 --table

(docs/evaluations/issue-18-heldout.md holds that judged table.)

`--split tune` draws from the tune split instead, for text no sample or threshold has read when the
test split has none left (say which stretch of it thresholds were chosen on); `--dump FILE` writes
every finding, one JSON object a line, to compare two versions' findings on the same text.
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


def table(found: list[tuple[str, str, str, str, str]], total: int, size: int, seed: int) -> None:
    """The sample as a Markdown table to judge: rule, work, the finding in its context."""
    per_rule = Counter(rule for _, rule, _, _, _ in found)
    picked = random.Random(seed).sample(found, min(size, len(found)))
    picked.sort(key=lambda f: (f[1], f[0]))
    print(f"{total:,} words of held-out fan fiction, {len(found)} findings "
          f"({', '.join(f'{r} {n}' for r, n in sorted(per_rule.items()))}); a sample of {len(picked)} "
          f"(seed {seed}):\n")
    print("| # | rule | work | finding in context | judgement |")
    print("| --- | --- | --- | --- | --- |")
    for i, (name, rule, _, context, _) in enumerate(picked, 1):
        work = name.removeprefix("work-").removesuffix(".txt")
        context = context.replace(" / ", "⏎").replace("|", "¦")
        print(f"| {i} | {rule} | {work} | `{context}` |  |")


def write_stretch(folder: Path, skip_words: int, words: int, split: str = "test") -> int:
    """Write the works of `split` after its first `skip_words` words, one file a work,
    until `words` words; return how many were written."""
    total = skipped = 0
    for work_id, text in works(split):
        if skipped < skip_words:
            skipped += len(text.split())
            continue
        (folder / f"work-{work_id}.txt").write_text(text + "\n", encoding="utf-8")
        total += len(text.split())
        if total >= words:
            break
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--skip-words", type=int, default=0,
                    help="leave out the split's first works, this many words")
    ap.add_argument("--slices", default=None,
                    help="several stretches instead of one: SKIP:WORDS,SKIP:WORDS (e.g. the text no earlier "
                         "sample used)")
    ap.add_argument("--select", default="S,V", help="the rules, prefixes or categories to check")
    ap.add_argument("--split", default="test", choices=("test", "tune"),
                    help="the split to draw from (test for figures; tune where its text was never read)")
    ap.add_argument("--dump", type=Path, default=None, help="also write every finding as JSON lines here")
    ap.add_argument("--table", action="store_true", help="print the sample as a Markdown table to judge")
    args = ap.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="ficlint-sample-"))
    folder.mkdir(parents=True, exist_ok=True)
    stretches = [(int(k), int(w)) for k, w in (s.split(":") for s in args.slices.split(","))] \
        if args.slices else [(args.skip_words, args.words)]
    total = sum(write_stretch(folder, skip, words, args.split) for skip, words in stretches)
    out = subprocess.run([sys.executable, "-m", "ficlint", "check", "--format", "json", "--no-cache",
                          "--select", args.select, str(folder)], capture_output=True, text=True).stdout
    found = []
    for f in json.loads(out)["files"]:
        text = Path(f["path"]).read_text(encoding="utf-8")
        for d in f["diagnostics"]:
            s, e = d["start"]["offset"], d["end"]["offset"]
            context = (text[max(0, s - CONTEXT):s] + "[[" + text[s:e] + "]]"
                       + text[e:e + CONTEXT]).replace("\n", " / ")
            found.append((Path(f["path"]).name, d["rule"], text[s:e], context, d["message"]))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for name, rule, word, context, message in found:
                fh.write(json.dumps({"work": name, "rule": rule, "word": word, "context": context,
                                     "message": message}) + "\n")
    if args.table:
        table(found, total, args.sample, args.seed)
        return
    print(f"{total} words in {len(list(folder.glob('*.txt')))} works; {len(found)} findings "
          f"({10000 * len(found) / total:.2f} per 10,000 words)")
    for i, (name, rule, word, context, message) in enumerate(
            sorted(random.Random(args.seed).sample(found, min(args.sample, len(found)))), 1):
        print(f"{i:3} {name} {rule} {word!r}: {context}\n      {message[:140]}")
    print("words that fire most:", Counter((r, w) for _, r, w, _, _ in found).most_common(25))


if __name__ == "__main__":
    main()
