"""Count which neighbours each confusion-set member keeps in the train split, and ship the
few that speak for a rarer member (ficlint/data/homophone-collocations.json.gz; see
ficlint/rules/homophones/_collocations.py).

    python scripts/build_homophone_collocations.py [--training ../shared/training] [--cache DIR]
        [--counts COUNTS.pkl] [--out ficlint/data/homophone-collocations.json.gz]

Reads every book and fan-fiction work of the `train` split (scripts/training_data.py; tune
and test are never read) as H001 reads a document: the analysis layer's tokens, lowercased
with straight apostrophes (`--cache`: train_homophones.py's tokenized splits). Leaves out the
train works LEAVE_OUT (shard order), the stretches stops 34 and 35 judged the rule on, so those
stay unseen. For every occurrence of a member it counts the word at each offset of
_collocations.OFFSETS in the same sentence: (member, offset, neighbour) -> uses.

What ships: for a written member w and another member r of one of its sets (not a set the
n-gram counts speak for), a neighbour (not punctuation, nor a word used more than
NEIGHBOUR_MAX_RATE times per million) at an offset where r was seen at least MIN_RIVAL times and
at least MIN_RATIO times as often as w (+1): "wide" before "berth" (not "birth"), "market"
after "flea" (not "flee"). Both are the rule's (`_collocations.RIVAL_MIN_COUNT`,
`RIVAL_RATIO`), chosen on tune with NEIGHBOUR_MAX_RATE (docs/evaluations/issue-16-heldout.md).
Also shipped, marked "~": the neighbours where the rival was seen at least MIN_RIVAL times and
only `_collocations.PAIRED_RATIO` times as often: they vote only where another neighbour of the
same word agrees (`_collocations.PAIRED_FLOOR`).
Deterministic: the same data give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import io
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_homophones import split_texts  # noqa: E402
from training_data import TRAINING  # noqa: E402

from ficlint.analysis.tokens import normalize  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402
from ficlint.rules.homophones import _collocations as co  # noqa: E402
from ficlint.rules.homophones._model import load_model  # noqa: E402

# train fan-fiction works (shard order) kept unseen for the judged reads of stop 34 and stop 35
LEAVE_OUT = frozenset(range(700, 1100)) | frozenset(range(5600, 6000))
# What ships is what the rule's thresholds can use (_collocations.RIVAL_MIN_COUNT, RIVAL_RATIO).
MIN_RIVAL = co.RIVAL_MIN_COUNT
MIN_RATIO = co.RIVAL_RATIO
PAIRED_RATIO = co.PAIRED_RATIO
NEIGHBOUR_MAX_RATE = 500.0  # uses per million words: a neighbour as common as "the", "was", "to" says little


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def count(training: Path, cache: Path | None, members: frozenset[str]
          ) -> tuple[Counter[tuple[str, int, str]], Counter[str]]:
    """(member, offset, neighbour) -> uses in the train split, less LEAVE_OUT; and every word's uses."""
    found: Counter[tuple[str, int, str]] = Counter()
    every: Counter[str] = Counter()
    work = -1
    for n, text in enumerate(split_texts("train", training, cache)):
        if text.fanfic:
            work += 1
            if work in LEAVE_OUT:
                continue
        for sentence in text.sentences:
            words = [normalize(w) for w in sentence]
            every.update(words)
            last = len(words)
            for i, word in enumerate(words):
                if word not in members:
                    continue
                for offset in co.OFFSETS:
                    j = i + offset
                    if 0 <= j < last:
                        found[word, offset, words[j]] += 1
        if n % 500 == 0:
            log(f"{n} texts, {len(found)} keys")
    return found, every


def rivals(model) -> dict[str, list[str]]:
    """written member -> the rarer fellow members it may stand for (fewer uses per million in the
    model's training text), in the sets that the n-gram counts do not speak for (`_ngrams`: the
    common function-word sets, which have their own). A rare word written for a common one has
    its own margin (_judge.RARE_MARGIN)."""
    counted = co.counted_sets()
    rate: dict[str, float] = {}
    fellows: dict[str, set[str]] = {}
    for s in model.sets:
        for word, r in zip(s.members, s.rate, strict=True):
            rate[word] = max(rate.get(word, 0.0), r)
        if s.index in counted:
            continue
        for word in s.members:
            fellows.setdefault(word, set()).update(m for m in s.members if m != word)
    return {w: sorted(r for r in others if rate[r] < rate[w]) for w, others in sorted(fellows.items())}


def frequent(every: Counter[str]) -> frozenset[str]:
    """Neighbours that say little: punctuation, and words used more than NEIGHBOUR_MAX_RATE per million."""
    total = sum(every.values())
    return frozenset(w for w, n in every.items()
                     if not w[:1].isalnum() or n * 1e6 > NEIGHBOUR_MAX_RATE * total)


def telling(counts: Counter[tuple[str, int, str]], every: Counter[str], model, min_rival: int = MIN_RIVAL,
            min_ratio: float = MIN_RATIO) -> list[tuple[str, int, str, str, int, int]]:
    """(written, offset, neighbour, rival, rival's uses, written's uses) where the neighbour
    speaks for the rival (not a `frequent` neighbour)."""
    common = frequent(every)
    by_member: dict[str, list[tuple[int, str, int]]] = {}
    for (member, offset, neighbour), n in counts.items():
        if n >= min_rival and neighbour not in common:
            by_member.setdefault(member, []).append((offset, neighbour, n))
    found = []
    for written, others in rivals(model).items():
        for rival in others:
            for offset, neighbour, n in by_member.get(rival, ()):
                mine = counts.get((written, offset, neighbour), 0)
                if n >= min_ratio * (mine + 1):
                    found.append((written, offset, neighbour, rival, n, mine))
    return sorted(found)


def write(entries: list[tuple[str, int, str, str, int, int]],
          paired: list[tuple[str, int, str, str, int, int]] = ()) -> bytes:
    """One line per (written, rival): "written rival", then per offset a tab, the offset and its
    neighbours, space-separated (the counts stay here: the thresholds are applied); a neighbour
    of `paired` (not also in `entries`) is written "~neighbour"."""
    grouped: dict[tuple[str, str], dict[int, list[str]]] = {}
    for written, offset, neighbour, rival, _, _ in entries:
        grouped.setdefault((written, rival), {}).setdefault(offset, []).append(neighbour)
    strong = {entry[:4] for entry in entries}
    for written, offset, neighbour, rival, _, _ in paired:
        if (written, offset, neighbour, rival) not in strong:
            grouped.setdefault((written, rival), {}).setdefault(offset, []).append("~" + neighbour)
    lines = ["\t".join([f"{w} {r}", *(f"{o} " + " ".join(sorted(words)) for o, words in sorted(by.items()))])
             for (w, r), by in sorted(grouped.items())]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(body)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--cache", type=Path, default=None, help="train_homophones.py's tokenized splits")
    parser.add_argument("--counts", type=Path, default=None, help="keep (or reuse) the raw counts here")
    parser.add_argument("--out", type=Path, default=data_dir() / co.COLLOCATION_FILE)
    args = parser.parse_args(argv)
    model = load_model()
    members = frozenset(w for s in model.sets for w in s.members)
    if args.counts is not None and args.counts.is_file():
        counts, every = pickle.loads(args.counts.read_bytes())
    else:
        counts, every = count(args.training, args.cache, members)
        if args.counts is not None:
            args.counts.write_bytes(pickle.dumps((counts, every), protocol=4))
    entries = telling(counts, every, model)
    paired = telling(counts, every, model, MIN_RIVAL, PAIRED_RATIO)
    args.out.write_bytes(write(entries, paired))
    log(f"{len(entries)} entries, {len(paired) - len(entries)} paired only -> {args.out} "
        f"({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
