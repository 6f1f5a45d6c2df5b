#!/usr/bin/env python3
"""Measure the grammar rules (G001-...) on annotated chapters, on edited novels and on held-out fan fiction.

    python scripts/eval_grammar.py gold [--gold ../shared/devset/realfic/gold.yaml] [-v]
        grammar recall (gold errors whose main category is grammar, found by a grammar finding)
        and how many of the grammar findings lie on a gold error (findings on debatable,
        `optional` errors count neither way), per rule; -v lists the misses and the findings
        elsewhere.

    python scripts/eval_grammar.py clean [../shared/corpus]
        grammar findings per 10,000 words of edited novels (every one a probable false alarm).

    python scripts/eval_grammar.py heldout [--split test] [--words 100000] [--sample 100] [--seed 20]
                                           [--skip-words N]
        grammar findings on fan fiction of a training_data split (`tune` to choose, `test` for
        figures): per rule, per 10,000 words, and a fixed-seed sample printed with its context
        for judging by hand (scripts/grammar-judged.tsv keeps the judged sample).

The gold and clean modes run the CLI (`python -m ficlint check --format json --no-cache`) as
../shared/eval/score.py does, with its matching (same category, within 2 characters).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CMD = [sys.executable, "-m", "ficlint", "check", "--format", "json", "--no-cache"]


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lint(paths: list[Path], select: str | None) -> dict:
    cmd = CMD + (["--select", select] if select else [])
    proc = subprocess.run(cmd + [str(p) for p in paths], capture_output=True, text=True)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"ficlint's output is not JSON: {proc.stderr[-2000:]}")


def gold(args: argparse.Namespace) -> None:
    score = _score_module()
    docs = score.load_gold(Path(args.gold).resolve())
    by_file = score.diagnostics_by_file(_lint([d["path"] for d in docs], args.select))
    total = found = 0
    per_rule: dict[str, Counter] = defaultdict(Counter)
    misses, elsewhere = [], []
    for doc in docs:
        diags = by_file.get(os.path.realpath(doc["path"]), [])
        matched, used = score.match(doc["errors"], diags)
        for gi, g in enumerate(doc["errors"]):
            if g.get("optional") or g["primary"] != "grammar":
                continue
            total += 1
            if gi in matched and diags[matched[gi]]["category"] == "grammar":
                found += 1
            else:
                misses.append((doc["path"].parent.name, g))
        optional = [g for g in doc["errors"] if g.get("optional")]
        for di, d in enumerate(diags):
            if d["category"] != "grammar" or not doc["complete"]:
                continue
            if di in used:
                per_rule[d["rule"]]["on gold"] += 1
            elif any(
                score.distance(g["start"], g["end"], d["start"], d["end"]) <= score.TOLERANCE
                for g in optional
            ):
                per_rule[d["rule"]]["on optional"] += 1
            else:
                per_rule[d["rule"]]["elsewhere"] += 1
                elsewhere.append(
                    (doc["path"].parent.name, d, score.snippet(doc["text"], d["start"], d["end"]))
                )
    print(f"grammar recall: {found}/{total} = {found / max(total, 1):.0%}")
    on = sum(c["on gold"] for c in per_rule.values())
    off = sum(c["elsewhere"] for c in per_rule.values())
    print(
        f"grammar findings on a gold error: {on}/{on + off} = {on / max(on + off, 1):.0%}"
        f" (and {sum(c['on optional'] for c in per_rule.values())} on debatable ones)"
    )
    for rule in sorted(per_rule):
        c = per_rule[rule]
        print(
            f"  {rule:<8} on gold {c['on gold']:>3}  debatable {c['on optional']:>3}"
            f"  elsewhere {c['elsewhere']:>3}"
        )
    if args.verbose:
        for name, g in misses:
            print(f"MISSED     {name}: {g['at']!r}  -> {g.get('fix', '')!r}")
        for name, d, snip in elsewhere:
            print(f"ELSEWHERE  {name}: {d['rule']} {snip}  {d['message']}")


def clean(args: argparse.Namespace) -> None:
    paths = sorted({p for d in map(Path, args.paths) for p in ([d] if d.is_file() else d.rglob("*.txt"))})
    report = _lint(paths, args.select)  # the default rules, as a writer runs them; grammar findings counted
    words = sum(len(p.read_text(encoding="utf-8-sig").split()) for p in paths)
    per_rule: Counter = Counter()
    shown = []
    texts = {os.path.realpath(p): p.read_text(encoding="utf-8-sig") for p in paths}
    for f in report["files"]:
        text = texts[os.path.realpath(f["path"])]
        for d in f["diagnostics"]:
            if d["category"] != "grammar":
                continue
            per_rule[d["rule"]] += 1
            s, e = d["start"]["offset"], d["end"]["offset"]
            shown.append(f"{d['rule']} {Path(f['path']).name}: {_context(text, s, e)}")
    n = sum(per_rule.values())
    print(f"{words:,} words, {n} grammar findings = {n * 10000 / words:.2f} per 10,000 words")
    for rule, count in per_rule.most_common():
        print(f"  {rule:<8} {count:>4}  {count * 10000 / words:.2f}")
    if args.verbose:
        print("\n".join(shown))


def heldout(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from training_data import works

    from ficlint.config import Config
    from ficlint.run import lint_text

    findings = []
    words = skipped = 0
    for work_id, text in works(args.split):
        if skipped < args.skip_words:  # a later stretch of the split, for a fresh sample
            skipped += len(text.split())
            continue
        for d in lint_text(text, Config(), tuple((args.select or "grammar").split(","))):
            if d.category == "grammar":
                findings.append((d.rule, work_id, _context(text, d.start, d.end), d.message))
        words += len(text.split())
        if words >= args.words:
            break
    per_rule = Counter(f[0] for f in findings)
    print(
        f"split {args.split}: {words:,} words, {len(findings)} grammar findings = "
        f"{len(findings) * 10000 / words:.2f} per 10,000 words"
    )
    for rule, count in sorted(per_rule.items()):
        print(f"  {rule:<8} {count:>4}  {count * 10000 / words:.2f}")
    sample = (
        findings if len(findings) <= args.sample else random.Random(args.seed).sample(findings, args.sample)
    )
    sample.sort(key=lambda f: (f[0], f[1]))
    for rule, work_id, snip, message in sample:
        print(f"{rule}\t{work_id}\t{snip}\t{message}")


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    s = text[max(0, start - width) : start] + "[[" + text[start:end] + "]]" + text[end : end + width]
    return " ".join(s.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    g = sub.add_parser("gold")
    g.add_argument("--gold", default=str(SHARED / "devset" / "realfic" / "gold.yaml"))
    g.add_argument("--select", default=None)
    g.add_argument("-v", "--verbose", action="store_true")
    c = sub.add_parser("clean")
    c.add_argument("paths", nargs="*", default=[str(SHARED / "corpus")])
    c.add_argument("--select", default=None)
    c.add_argument("-v", "--verbose", action="store_true")
    h = sub.add_parser("heldout")
    h.add_argument("--split", default="tune", choices=("train", "tune", "test"))
    h.add_argument("--words", type=int, default=100_000)
    h.add_argument("--sample", type=int, default=100)
    h.add_argument("--seed", type=int, default=20)
    h.add_argument("--select", default=None)
    h.add_argument("--skip-words", type=int, default=0, help="start after this many words of the split")
    args = parser.parse_args()
    {"gold": gold, "clean": clean, "heldout": heldout}[args.mode](args)


if __name__ == "__main__":
    main()
