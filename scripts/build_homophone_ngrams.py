"""Count the word n-grams around every confusion-set member in the train split
(ficlint/data/homophone-ngrams.bin.gz; see ficlint/rules/homophones/_ngrams.py).

    python scripts/build_homophone_ngrams.py [--training ../shared/training] [--entries 355000]
        [--limit N] [--counts COUNTS.npz] [--sets scripts/homophone-count-sets.json]
        [--out ficlint/data/homophone-ngrams.bin.gz]

Reads every book and fan-fiction work of the `train` split (scripts/training_data.py; tune
and test are never read) as H001 reads a document: the analysis layer's tokens, the shipped
model's vocabulary ids and member occurrences, its padded sentences. For each occurrence
counts its five contexts (`_ngrams.CONTEXTS`) with the written member and its set. Fan
fiction counts as the books do: its slips (its/it's, your/you're) are rare beside the right
uses, and it is where the modern contexts are.

Pruning: a context of a set is kept whole (every member seen there) when it is telling:
seen MIN_CONTEXT_USES times, and some member's lift there (smoothed as the rule smooths it;
a member never seen there has a lift too, log(SMOOTHING / (n + SMOOTHING))) at least MIN_LIFT
nats. The contexts seen most times their strongest lift go first, until --entries entries.
Only the sets named in --sets are counted for (chosen on tune by
scripts/choose_homophone_count_sets.py: no set with a member seen fewer than its floor
times, and only sets whose tune curves are worth more with the counts); H001 backs off
to the linear model alone for the others. --sets '' counts for every set.
Deterministic: the same data and model give the same file, byte for byte. Rebuild it
whenever the model is retrained (it is keyed by the model's vocabulary and set numbers).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
from training_data import TRAINING, books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.confusables import token_forms  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402
from ficlint.rules.homophones import _ngrams as ng  # noqa: E402
from ficlint.rules.homophones._model import encode, load_model, new_sentences, occurrences, token_ids  # noqa: E402

ENTRIES = 355_000  # with the model (3.8 MB unzipped), under the 5 MB the size test allows
COUNT_SETS = ROOT / "scripts" / "homophone-count-sets.json"
MIN_LIFT = 1.0  # nats: a context must move some member's score this much to ship
MIN_CONTEXT_USES = 3  # and be seen this often with its set
FLUSH = 20_000_000  # keys gathered before they are counted


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def merge(keys: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    found, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    return found, np.bincount(inverse, weights=np.concatenate(counts)).astype(np.int64)


def count(root: Path, limit: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sorted exact keys, their counts, uses per [set, member]) over the train split."""
    model = load_model()
    if model is None:
        raise SystemExit("no model")
    v, sets = len(model.vocab), len(model.sets)
    width = max(len(s.members) for s in model.sets)
    uses = np.zeros(sets * width, dtype=np.int64)
    keys: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    size = 0
    texts = 0
    for source in (books("train", root, limit), ((str(i), t) for i, t in works("train", root, limit))):
        for _, text in source:
            doc = AnalyzedDocument.from_text(text)
            forms = token_forms(doc)
            ids = token_ids(forms.lowered, model.vocab)[forms.code]
            token, set_index, written = occurrences(model, ids)
            if not len(token):
                continue
            enc = encode(ids, new_sentences(forms.sentence), model.classes)
            contexts = ng.context_keys(enc.ids, enc.at[token], v)
            pending.append(ng.entry_keys(contexts, set_index[:, None], written[:, None], sets, width).ravel())
            uses += np.bincount(set_index * width + written, minlength=sets * width)
            size += pending[-1].size
            texts += 1
            if size >= FLUSH:
                found, n = np.unique(np.concatenate(pending), return_counts=True)
                keys.append(found)
                counts.append(n)
                pending, size = [], 0
                found, n = merge(keys, counts)
                keys, counts = [found], [n]
                log(f"{texts} texts, {len(found)} distinct keys")
    if pending:
        found, n = np.unique(np.concatenate(pending), return_counts=True)
        keys.append(found)
        counts.append(n)
    found, n = merge(keys, counts)
    log(f"{texts} texts, {len(found)} distinct keys, {int(uses.sum())} occurrences")
    return found, n, uses.reshape(sets, width)


def prune(keys: np.ndarray, counts: np.ndarray, prior: np.ndarray, entries: int,
          counted: list[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The entries of the most telling contexts (see the module's doc), of the `counted` sets only."""
    sets, width = prior.shape
    if counted is not None:
        wanted = np.isin((keys // width) % sets, counted)
        keys, counts = keys[wanted], counts[wanted]
    group = keys // width  # (context, set): keys sorted, so groups are runs
    member = keys % width
    set_of = group % sets
    starts = np.r_[0, np.nonzero(np.diff(group))[0] + 1]
    sizes = np.diff(np.r_[starts, len(keys)])
    total = np.add.reduceat(counts, starts).astype(np.float64)
    run = np.repeat(np.arange(len(starts)), sizes)
    p = prior[set_of, member]
    lift = np.abs(np.log((counts + ng.NGRAM_SMOOTHING * p) / (total[run] + ng.NGRAM_SMOOTHING) / p))
    strongest = np.maximum.reduceat(lift, starts)
    members = (prior > 0).sum(axis=1)[set_of[starts]]
    absent = np.log((total + ng.NGRAM_SMOOTHING) / ng.NGRAM_SMOOTHING)  # a member never seen there
    strongest = np.where(sizes < members, np.maximum(strongest, absent), strongest)
    strongest = np.minimum(strongest, ng.LIFT_CAP)
    info = total * strongest
    keep_group = (strongest >= MIN_LIFT) & (total >= MIN_CONTEXT_USES)
    order = np.argsort(-info, kind="stable")
    order = order[keep_group[order]]
    taken = np.cumsum(sizes[order])
    order = order[taken <= entries]
    chosen = np.zeros(len(starts), dtype=bool)
    chosen[order] = True
    keep = chosen[run]
    log(f"{int(keep_group.sum())} telling contexts of {len(starts)}; kept {int(chosen.sum())} "
        f"({int(keep.sum())} entries), least information kept {info[order].min() if len(order) else 0:.2f}")
    return keys[keep], counts[keep]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--limit", type=int, default=None, help="at most this many books and works (tries)")
    parser.add_argument("--out", type=Path, default=data_dir() / ng.NGRAM_FILE)
    parser.add_argument("--sets", default=str(COUNT_SETS),
                        help="a JSON list of the set names to count for ('' for every set)")
    parser.add_argument("--counts", type=Path, default=None,
                        help="an .npz of the full counts: written if missing, else read instead of counting")
    args = parser.parse_args(argv)
    if args.counts and args.counts.is_file():
        saved = np.load(args.counts)
        keys, counts, uses = saved["keys"], saved["counts"], saved["uses"]
    else:
        keys, counts, uses = count(args.training, args.limit)
        if args.counts:
            np.savez(args.counts, keys=keys, counts=counts, uses=uses)
    model = load_model()
    assert model is not None
    prior = np.zeros(uses.shape)
    for s in model.sets:  # every member of a set has a share, however rare
        row = uses[s.index, :len(s.members)] + 0.5
        prior[s.index, :len(s.members)] = row / row.sum()
    counted = None
    if args.sets:
        names = set(json.loads(Path(args.sets).read_text()))
        counted = [s.index for s in model.sets if "/".join(s.members) in names]
        if len(counted) != len(names):
            raise SystemExit(f"{args.sets}: a set the model lacks")
        log(f"counting for {len(counted)} of {len(model.sets)} sets")
    kept_keys, kept_counts = prune(keys, counts, prior, args.entries, counted)
    raw = ng.write_table(ng.key_hash(kept_keys), kept_counts, prior, len(model.vocab), counted)
    args.out.write_bytes(raw)
    log(f"{len(kept_keys)} entries -> {args.out} ({len(raw) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
