#!/usr/bin/env python3
"""Re-measure a ficlint checkout on the held-out census slices against the hand-judged findings.

    python scripts/census/slices.py /tmp/cs     # once: write the slices (default scripts/census/slices/)
    python scripts/census/rejudge.py CHECKOUT --slices /tmp/cs [--runs DIR] [--extra more.tsv ...] [--reuse]

Runs `python -m ficlint check --format json --no-cache` with PYTHONPATH=CHECKOUT (cwd CHECKOUT) on ffb/
(holdout-2b, 48 works), ff/ (holdout-2, 65 works) and books/ (3 books) of the slices folder, every default
check, each work/book its own manuscript. holdout-2b is RESERVED for the end-of-stop measurement: nobody reads
its findings (this script's listings of ffb, its new-findings.tsv rows) to find mechanisms; judge its new
findings only when measuring at the end of a stop. A finding is matched to a judged one by
(set, path, rule, start offset, text). Prints
  (0) the internal errors the checkout reported (a rule that crashed on a file loses its findings there);
  (a) NEW findings (no verdict yet) with their paragraph; they are also written to DIR/new-findings.tsv with
      an empty verdict column: fill in verdict (true/false/debatable) and mechanism, then pass the file with
      --extra (and append the judged rows to docs/evaluations/census/judged.tsv under a comment naming
      the commit);
  (b) GONE: judged findings the checkout no longer gives, with their verdict;
  (c) MATCHED findings whose message or fix changed (the verdict is kept; re-check fix quality if it matters);
  (d) the census tables (audit.md §1-2) for the checkout; unjudged findings are shown as "+N unjudged" and
      left out of precision until judged.
Judgements: --base (default docs/evaluations/census/judged.tsv: every finding of main 8f7077a, then those new
in ebcc775), then every --extra file in order (later wins).
"""
import argparse
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGED = HERE.parent.parent / 'docs' / 'evaluations' / 'census' / 'judged.tsv'
sys.path.insert(0, str(HERE))
import holdout as h  # noqa: E402


def run(checkout: Path, slices: Path, runs: Path, reuse: bool) -> tuple[list[dict], list[str]]:
    """The checkout's findings on every set, and the internal errors it reported (exit 2 with a JSON report:
    main 8f7077a itself crashes in D013 on ffb/work-16471271.txt, so a rule failure is reported, not
    fatal)."""
    rows, errors = [], []
    env = dict(os.environ, PYTHONPATH=str(checkout))
    for st in h.SETS:
        folder = (slices / st).resolve()
        if not any(folder.glob('*.txt')):
            sys.exit(f'no slice in {folder}: run scripts/census/slices.py first')
        out = runs / f'run-{st}.json'
        err = runs / f'run-{st}.stderr'
        if not (reuse and out.exists()):
            with open(out, 'w', encoding='utf-8') as fh:
                cmd = [sys.executable, '-m', 'ficlint', 'check', '--format', 'json', '--no-cache',
                       str(folder)]
                p = subprocess.run(cmd, cwd=checkout, env=env, stdout=fh, stderr=subprocess.PIPE, text=True)
            err.write_text(p.stderr, encoding='utf-8')
            if p.returncode not in (0, 1, 2) or out.stat().st_size == 0:
                sys.exit(f'ficlint failed on {folder} (exit {p.returncode}):\n{p.stderr[-2000:]}')
        if err.exists():
            errors += [f'{st}: {line}' for line in err.read_text(encoding='utf-8').splitlines()
                       if line.strip()]
        rows += h.load_run(out, st)
    return rows, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkout', type=Path)
    ap.add_argument('--extra', action='append', default=[],
                    help='TSV of judgements for findings not in --base')
    ap.add_argument('--runs', type=Path, help='where to keep the runs (default /tmp/rejudge-<checkout name>)')
    ap.add_argument('--reuse', action='store_true', help='reuse the runs already in --runs')
    ap.add_argument('--slices', type=Path, default=h.SLICES,
                    help='the folder slices.py wrote (default scripts/census/slices/)')
    ap.add_argument('--base', type=Path, default=JUDGED,
                    help='the judged findings (default docs/evaluations/census/judged.tsv); '
                         '"gone" is measured '
                         'against them')
    ap.add_argument('--context', type=int, default=1, help='paragraphs before the finding to print')
    a = ap.parse_args()
    checkout = a.checkout.resolve()
    runs = a.runs or Path('/tmp') / f'rejudge-{checkout.name}'
    runs.mkdir(parents=True, exist_ok=True)
    base = {h.key(r): r for r in h.read_tsv(a.base)}
    judged = dict(base)
    for f in a.extra:
        for r in h.read_tsv(f):
            if r.get('verdict') in ('true', 'false', 'debatable'):
                judged[h.key(r)] = r
    rows, errors = run(checkout, a.slices, runs, a.reuse)
    keys = {h.key(r) for r in rows}
    new = [r for r in rows if h.key(r) not in judged]
    gone = [r for k, r in base.items() if k not in keys]
    changed = [(r, judged[h.key(r)]) for r in rows if h.key(r) in judged
               and (r['message'] != judged[h.key(r)]['message'] or r['fix'] != judged[h.key(r)]['fix'])]
    for r in rows:
        j = judged.get(h.key(r))
        r['verdict'], r['mechanism'] = (j['verdict'], j.get('mechanism', '')) if j else ('', '')
    per_set = ', '.join(f'{st} {sum(r["set"] == st for r in rows)}' for st in h.SETS)
    print(f'# {checkout}: {len(rows)} findings ({per_set}); judged baseline: {len(base)}; '
          f'new {len(new)}, gone {len(gone)}, matched with changed message/fix {len(changed)}\n')
    print(f'## (0) Internal errors reported by the checkout ({len(errors)}; main 8f7077a reports 1, D013 on '
          f'ffb/work-16471271.txt)\n')
    for e in errors:
        print(f'- {e}')
    print()
    print(f'## (a) New findings, to judge ({len(new)}; template: {runs / "new-findings.tsv"})\n')
    moved = {(r['set'], r['path'], r['rule'], str(r['line'])): r for r in gone}
    for r in new:
        hint = moved.get((r['set'], r['path'], r['rule'], str(r['line'])))
        print(f"- {r['set']} {r['path']}:{r['line']} {r['rule']} @{r['start']} `{r['text']}` → `{r['fix']}` "
              f"— {r['message']}")
        if hint:
            print(f"  (same rule and line as a gone finding @{hint['start']} `{hint['text']}`, judged "
                  f"{hint['verdict']})")
        print('  > ' + h.para(r, a.context).replace('\n', '\n  > '))
    h.write_tsv(runs / 'new-findings.tsv', new)
    print(f'\n## (b) Gone: judged findings no longer given ({len(gone)}; by verdict '
          f'{dict(Counter(r["verdict"] for r in gone))})\n')
    for r in gone:
        print(f"- {r['set']} {r['path']}:{r['line']} {r['rule']} @{r['start']} `{r['text']}` — {r['verdict']}"
              + (f": {r['mechanism']}" if r['mechanism'] else ''))
    print(f'\n## (c) Matched, message or fix changed ({len(changed)})\n')
    for r, j in changed:
        print(f"- {r['set']} {r['path']}:{r['line']} {r['rule']} `{r['text']}` ({j['verdict']}): fix "
              f"`{j['fix']}` → `{r['fix']}`"
              + (f"; message now: {r['message']}" if r['message'] != j['message'] else ''))
    print()
    print(h.tables(rows, f'{checkout}' + (f", {len(new)} findings still unjudged" if new else ''), a.slices))


if __name__ == '__main__':
    main()
