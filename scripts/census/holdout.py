"""Shared code of the held-out census: load a ficlint run, read and write judged TSVs, print the tables.

The census (docs/evaluations/census/README.md) is every finding of a checkout on three held-out slices, each
judged by hand. `slices.py` writes the slices; `rejudge.py` runs a checkout on them and matches its findings
to the judged ones:
  ffb/    holdout-2b: test-split fan fiction, sample_findings.write_stretch(ffb, 1070000, 133000): 48 works,
          133,170 words. RESERVED for the end-of-stop measurement: nobody reads its findings for mechanisms.
  ff/     holdout-2: write_stretch(ff, 1930000, 150000): 65 works, 150,448 words
          (overlapped by stop 30's precision2 stretch and judged for tense in s26: ffb is the cleaner figure)
  books/  test-split Gutenberg 0330 0350 0360, whole files: 301,107 words
A finding is identified by KEY = (set, path, rule, start offset, text); the slice files never change, so the
same finding in another checkout has the same key.
"""
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SLICES = HERE / 'slices'
SETS = ('ff', 'ffb', 'books')
WORDS = {'ff': 150448, 'ffb': 133170, 'books': 301107}
FF_SETS = {'ffb': 'holdout-2b fan fiction (test works 400-447, 48 works)',
           'ff': 'holdout-2 fan fiction (test works 734-798, 65 works)'}
BOOK_WORDS = {'book-0330.txt': 85871, 'book-0350.txt': 108012, 'book-0360.txt': 107224}
BOOK_TITLES = {'book-0330.txt': 'Great English Short-Story Writers I',
               'book-0350.txt': 'The Heart of Mid-Lothian (vol.)',
               'book-0360.txt': 'The Red Book of Heroes'}
COLS = ['set', 'path', 'line', 'rule', 'start', 'end', 'text', 'family', 'message', 'fix', 'verdict',
        'mechanism']
FAMS = ['dialogue', 'punctuation', 'capitalization', 'grammar', 'spelling', 'tense', 'homophone', 'dialect']


def esc(s):
    return str(s).replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'t': '\t', 'n': '\n', '\\': '\\'}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def key(r):
    return (r['set'], r['path'], r['rule'], int(r['start']), r['text'])


def load_run(js, st):
    """Every finding of a ficlint JSON run, as dicts with the COLS fields (no verdict) plus src."""
    with open(js, encoding='utf-8') as fh:
        d = json.load(fh)
    out = []
    for f in d['files']:
        text = Path(f['path']).read_text(encoding='utf-8')
        for x in f['diagnostics']:
            s, e = x['start']['offset'], x['end']['offset']
            out.append(dict(set=st, path=Path(f['path']).name, line=x['start']['line'], rule=x['rule'],
                            start=s, end=e,
                            text=text[s:e], family=x['category'], message=x['message'],
                            fix=' | '.join(fx['replacement'] for fx in x.get('fixes', [])), src=text))
    out.sort(key=lambda r: (r['set'], r['path'], r['start'], r['rule']))
    return out


def read_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as fh:
        head = fh.readline().rstrip('\n').split('\t')
        for line in fh:
            if not line.strip() or line.startswith('#'):
                continue
            v = [unesc(c) for c in line.rstrip('\n').split('\t')]
            r = dict(zip(head, v + [''] * (len(head) - len(v)), strict=False))
            rows.append(r)
    return rows


def write_tsv(path, rows):
    with open(path, 'w', encoding='utf-8') as o:
        o.write('\t'.join(COLS) + '\n')
        for r in rows:
            o.write('\t'.join(esc(r.get(c, '')) for c in COLS) + '\n')


def para(r, before=1):
    """The finding's paragraph (and the one before it), the span in [[ ]]."""
    t, s, e = r['src'], int(r['start']), int(r['end'])
    a = t.rfind('\n', 0, s)
    for _ in range(before):
        while a > 0 and t[a - 1] == '\n':
            a -= 1
        a = t.rfind('\n', 0, a)
    a = max(a, 0)
    b = t.find('\n', e)
    b = len(t) if b < 0 else b
    return (t[a:s] + '[[' + t[s:e] + ']]' + t[e:b]).strip()


def pct(a, b):
    return f"{100 * a / b:.1f}%" if b else '–'


def tfd(rows):
    c = Counter(r['verdict'] for r in rows)
    return c['true'], c['false'], c['debatable'], len(rows) - c['true'] - c['false'] - c['debatable']


def fmt(t, f, d, u=0):
    return f"{t}/{f}/{d}" + (f" (+{u} unjudged)" if u else '')


def allocation(rows, n=150, floor=10):
    """audit.md's stratified allocation: families below the floor get the floor (or all they have),
    the rest share the remainder in proportion."""
    cnt = Counter(r['family'] for r in rows)
    fixed = {}
    while True:
        rest = {f: c for f, c in cnt.items() if f not in fixed}
        left = n - sum(fixed.values())
        tot = sum(rest.values())
        low = {f: min(floor, c) for f, c in rest.items() if c * left / tot < floor}
        if not low:
            break
        fixed.update(low)
    alloc = dict(fixed)
    for f, c in rest.items():
        alloc[f] = min(c, round(c * left / tot))
    return alloc


def ff_sample(rows, seed=30):
    alloc = allocation(rows)
    rng = random.Random(seed)
    ids = set()
    for fam in sorted(alloc):
        pool = [r for r in rows if r['family'] == fam]
        for r in rng.sample(pool, alloc[fam]):
            ids.add(key(r))
    return ids, alloc


def grouped(rows, field):
    """The rows by the value of one of their fields, each group in the rows' order."""
    groups = defaultdict(list)
    for r in rows:
        groups[r[field]].append(r)
    return groups


def bootstrap(rows, n=5000, seed=30):
    by = grouped(rows, 'path')
    works = sorted(by)
    rng = random.Random(seed)
    p1, p2 = [], []
    for _ in range(n):
        t = f = d = 0
        for w in [rng.choice(works) for _ in works]:
            a, b, c, _ = tfd(by[w])
            t, f, d = t + a, f + b, d + c
        p1.append(t / (t + f) if t + f else 1.0)
        p2.append(t / (t + f + d) if t + f + d else 1.0)
    p1.sort()
    p2.sort()
    lo, hi = int(0.025 * n), int(0.975 * n) - 1
    return (p1[lo], p1[hi]), (p2[lo], p2[hi])


def ff_section(ff, st, label, slices):
    out = []
    P = out.append
    W = WORDS[st]
    sid, alloc = ff_sample(ff)
    s_ff = [r for r in ff if key(r) in sid]
    nworks = len(list((slices / st).glob('*.txt')))
    P(f"## {label}: {W:,} words, {nworks} works, {len(ff)} findings\n")
    wa = wb = 0.0
    for fam in FAMS:
        fr = [r for r in ff if r['family'] == fam]
        t, f, d, _ = tfd([r for r in s_ff if r['family'] == fam])
        if fr and t + f:
            wa += len(fr) / len(ff) * t / (t + f)
        if fr and t + f + d:
            wb += len(fr) / len(ff) * t / (t + f + d)
    P(f"Sample (seed 30, floor 10, the audit's allocation): {dict(sorted(alloc.items()))}; weighted by "
      f"family share "
      f"{100 * wa:.1f}% ({100 * wb:.1f}% with debatable counted false).")
    if ff and all(r['verdict'] for r in ff):
        (lo1, hi1), (lo2, hi2) = bootstrap(ff)
        P(f"Cluster bootstrap over the {len({r['path'] for r in ff})} works with findings (5,000 resamples, "
          f"seed 30): "
          f"census precision {100 * lo1:.1f}-{100 * hi1:.1f}% ({100 * lo2:.1f}-{100 * hi2:.1f}% with "
          f"debatable counted false).")
    P("\n| family | findings | per 10k | sample T/F/D | sample precision | deb. as false | census T/F/D | "
      "census precision | deb. as false | false per 10k |")
    P("|---|---:|---:|---|---:|---:|---|---:|---:|---:|")
    for fam in sorted(FAMS, key=lambda f: -sum(r['family'] == f for r in ff)):
        fr = [r for r in ff if r['family'] == fam]
        t, f, d, u = tfd([r for r in s_ff if r['family'] == fam])
        T, F, D, U = tfd(fr)
        P(f"| {fam} | {len(fr)} | {1e4 * len(fr) / W:.2f} | {fmt(t, f, d, u)} | {pct(t, t + f)} | "
          f"{pct(t, t + f + d)} | "
          f"{fmt(T, F, D, U)} | {pct(T, T + F)} | {pct(T, T + F + D)} | {1e4 * F / W:.2f} |")
    t, f, d, u = tfd(s_ff)
    T, F, D, U = tfd(ff)
    P(f"| **all** | **{len(ff)}** | **{1e4 * len(ff) / W:.2f}** | **{fmt(t, f, d, u)}** | "
      f"**{pct(t, t + f)}** | "
      f"**{pct(t, t + f + d)}** | **{fmt(T, F, D, U)}** | **{pct(T, T + F)}** | **{pct(T, T + F + D)}** | "
      f"**{1e4 * F / W:.2f}** |")
    P(f"\n### {st}: by rule (census)\n")
    P("| rule | family | findings | per 10k | works | T/F/D | precision | deb. as false |")
    P("|---|---|---:|---:|---:|---|---:|---:|")
    by = grouped(ff, 'rule')
    for rl, rs in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        T, F, D, U = tfd(rs)
        P(f"| {rl} | {rs[0]['family']} | {len(rs)} | {1e4 * len(rs) / W:.2f} | "
          f"{len({r['path'] for r in rs})} | "
          f"{fmt(T, F, D, U)} | {pct(T, T + F)} | {pct(T, T + F + D)} |")
    P(f"\n### {st}: works with the most findings\n")
    P("| work | words | findings | per 10k | T/F/D | top rules |")
    P("|---|---:|---:|---:|---|---|")
    byw = grouped(ff, 'path')
    ws = sorted(byw.items(), key=lambda kv: -len(kv[1]))
    for w, rs in ws[:6]:
        n = len((slices / st / w).read_text(encoding='utf-8').split())
        P(f"| {w[5:-4]} | {n:,} | {len(rs)} | {1e4 * len(rs) / n:.1f} | {fmt(*tfd(rs))} | "
          f"{', '.join(f'{k} {v}' for k, v in Counter(r['rule'] for r in rs).most_common(3))} |")
    rest = [r for _, rs in ws[4:] for r in rs]
    T, F, D, U = tfd(rest)
    P(f"\nWorks with findings: {len(byw)} of {nworks}. Beyond the top four: {len(ws) - 4} works, "
      f"{len(rest)} findings, "
      f"{fmt(T, F, D, U)}, {pct(T, T + F)} ({pct(T, T + F + D)} with debatable counted false).")
    return out


def tables(rows, label, slices=SLICES):
    """Markdown tables (audit.md §1-2) for judged rows (each has 'verdict'; '' = unjudged); slices: the
    folder slices.py wrote (for the works' word counts)."""
    out = []
    P = out.append
    bk = [r for r in rows if r['set'] == 'books']
    WB = WORDS['books']
    bsid = {key(r) for r in random.Random(30).sample(bk, min(40, len(bk)))}
    s_bk = [r for r in bk if key(r) in bsid]
    P(f"## Headline ({label})\n")
    P("| held-out text | findings | per 10k | true / false / debatable | precision T/(T+F) | debatable "
      "counted false | false per 10k |")
    P("|---|---:|---:|---|---:|---:|---:|")
    for st, lab in FF_SETS.items():
        ff = [r for r in rows if r['set'] == st]
        sid, _ = ff_sample(ff)
        s_ff = [r for r in ff if key(r) in sid]
        W = WORDS[st]
        for name, rs in ((f'{lab}, stratified sample (seed 30)', s_ff),
                         (f'{lab}, **every finding (census)**', ff)):
            t, f, d, u = tfd(rs)
            fp = f"{1e4 * f / W:.2f}" if 'census' in name else ''
            P(f"| {name} | {len(rs)} | {1e4 * len(ff) / W:.2f} | {fmt(t, f, d, u)} | {pct(t, t + f)} | "
              f"{pct(t, t + f + d)} | {fp} |")
    both = [r for r in rows if r['set'] in FF_SETS]
    t, f, d, u = tfd(both)
    W = sum(WORDS[st] for st in FF_SETS)
    P(f"| both fan-fiction slices, census | {len(both)} | {1e4 * len(both) / W:.2f} | {fmt(t, f, d, u)} | "
      f"{pct(t, t + f)} | "
      f"{pct(t, t + f + d)} | {1e4 * f / W:.2f} |")
    for name, rs in (('books, sample of 40 (seed 30)', s_bk), ('books, **every finding (census)**', bk)):
        t, f, d, u = tfd(rs)
        fp = f"{1e4 * f / WB:.2f}" if 'census' in name else ''
        P(f"| {name} | {len(rs)} | {1e4 * len(bk) / WB:.2f} | {fmt(t, f, d, u)} | {pct(t, t + f)} | "
          f"{pct(t, t + f + d)} | {fp} |")
    for i, (st, lab) in enumerate(FF_SETS.items(), 1):
        P('')
        title = f"1{'ab'[i - 1]}. {lab[0].upper()}{lab[1:]}"
        out += ff_section([r for r in rows if r['set'] == st], st, title, slices)
    P(f"\n## 2. Books ({WB:,} words, {len(bk)} findings)\n")
    P("| family | findings | per 10k | sample T/F/D | census T/F/D | precision | deb. as false | false per "
      "10k |")
    P("|---|---:|---:|---|---|---:|---:|---:|")
    for fam in sorted(FAMS, key=lambda f: -sum(r['family'] == f for r in bk)):
        fr = [r for r in bk if r['family'] == fam]
        T, F, D, U = tfd(fr)
        P(f"| {fam} | {len(fr)} | {1e4 * len(fr) / WB:.2f} | "
          f"{fmt(*tfd([r for r in s_bk if r['family'] == fam]))} | "
          f"{fmt(T, F, D, U)} | {pct(T, T + F)} | {pct(T, T + F + D)} | {1e4 * F / WB:.2f} |")
    T, F, D, U = tfd(bk)
    P(f"| **all** | **{len(bk)}** | **{1e4 * len(bk) / WB:.2f}** | **{fmt(*tfd(s_bk))}** | "
      f"**{fmt(T, F, D, U)}** | "
      f"**{pct(T, T + F)}** | **{pct(T, T + F + D)}** | **{1e4 * F / WB:.2f}** |")
    P("\n| book | words | findings | per 10k | T/F/D |")
    P("|---|---:|---:|---:|---|")
    for b, n in BOOK_WORDS.items():
        rs = [r for r in bk if r['path'] == b]
        P(f"| {b[5:9]} {BOOK_TITLES[b]} | {n:,} | {len(rs)} | {1e4 * len(rs) / n:.2f} | {fmt(*tfd(rs))} |")
    P("\n| rule (books) | findings | T/F/D |")
    P("|---|---:|---|")
    byb = grouped(bk, 'rule')
    for rl, rs in sorted(byb.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        P(f"| {rl} | {len(rs)} | {fmt(*tfd(rs))} |")
    return '\n'.join(out)
