"""Train the homophone context model (ficlint/data/homophones.json.gz).

    python scripts/train_homophones.py ../shared/corpus [--out ficlint/data/homophones.json.gz]

Reads every *.txt under the corpus folder (sorted by path), trusts the novels
to use their words correctly, and learns for each confusion set of
rules/data/confusables.yaml a naive Bayes model over the features of
ficlint.checks.homophones.features (see that module's docstring).

Naive Bayes in posterior form: score(member) = log P(member) + the sum over
the occurrence's features f of log P(member | f) / P(member), where
P(member | f) = (n(f, member) + KAPPA * P(member)) / (n(f) + KAPPA). The
pseudo-counts bound what one rare collocation can say (a feature seen once
moves the odds by at most ~1.7 nats), and a member the corpus hardly uses
("starred", "evitable") is judged by the evidence for its partner. Features
seen fewer than MIN_FEATURE_COUNT times in a set are dropped (size, noise).

Thresholds: the books are split into FOLDS groups; for each, a model trained
on the others scores every (untouched, presumed correct) occurrence in it, and
the set's threshold is set so that at most TARGET_RATE of those occurrences
would be flagged, and never below MIN_THRESHOLD (log-odds).

Everything is deterministic (sorted inputs, no sampling; SEED only orders the
folds), so the same corpus gives the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficlint.checks.homophones import (  # noqa: E402
    MODEL_FILE,
    PAD,
    WINDOW,
    SetModel,
    _initial,
    _norm,
    _suffix,
    confusion_sets,
    features,
    padded,
    tokenize,
)
from ficlint.document import Document, RegionKind  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402

SEED = 4
FOLDS = 5
KAPPA = 5.0  # pseudo-counts pulling P(member | feature) towards P(member)
MIN_FEATURE_COUNT = 2  # features seen once in a set's training data are dropped
MIN_SPREAD = 0.15  # features that barely separate the members are dropped
WINDOW_WEIGHT = 0.5  # the word window is many weak, correlated features
PRIOR_CAP = 3.0  # the commoner member may not win on frequency alone by more than this
RARE_PRIOR = 6.0  # a member marked `rare` starts this far behind
MIN_THRESHOLD = 4.0
TARGET_RATE = 0.0005
WINDOW_SETS_BELOW = 3000  # sets rarer than this in the corpus also use the word window
SCALE = 20  # weights are stored as integers in twentieths of a nat


# -- reading the corpus ----------------------------------------------------------


def book_paragraphs(path: Path) -> list[list[str]]:
    """The token lists of a book's prose paragraphs (as the check sees them)."""
    doc = Document.from_text(path.read_text(encoding="utf-8"), str(path))
    return [tokenize(doc.text[p.start:p.end]) for p in doc.paragraphs
            if p.kind in (RegionKind.NARRATION, RegionKind.AUTHOR_NOTE)]


def read_books(paths: Sequence[Path]) -> dict[str, list[list[str]]]:
    return {str(p): book_paragraphs(p) for p in paths}


def corpus_books(corpus: Path, exclude: Iterable[str] = ()) -> list[Path]:
    skip = set(exclude)
    return [p for p in sorted(corpus.rglob("*.txt")) if p.name not in skip and p.stem not in skip]


# -- examples --------------------------------------------------------------------


@dataclass
class Example:
    book: str
    set_index: int
    member: int
    feats: list[str]


def member_index() -> dict[str, list[tuple[int, int]]]:
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s, cset in enumerate(confusion_sets()):
        for m, word in enumerate(cset.members):
            index[word].append((s, m))
    return index


def set_counts(books: dict[str, list[list[str]]]) -> list[Counter[str]]:
    unigrams = Counter(t for paras in books.values() for tokens in paras for t in tokens)
    return [Counter({w: unigrams[w] for w in s.members}) for s in confusion_sets()]


def windowed_sets(counts: list[Counter[str]]) -> list[bool]:
    return [sum(c.values()) < WINDOW_SETS_BELOW for c in counts]


def examples(books: dict[str, list[list[str]]], windows: list[bool]) -> list[Example]:
    index = member_index()
    found = []
    for book, paras in books.items():
        for tokens in paras:
            toks = padded(tokens)
            for i in range(2, len(toks) - 2):
                for s, m in index.get(toks[i], ()):
                    found.append(Example(book, s, m, features(toks, i, windows[s])))
    return found


# -- naive Bayes -----------------------------------------------------------------


def train_set(set_index: int, exs: list[Example], window: bool) -> SetModel:
    """Naive Bayes in posterior form: score(c) = log P(c) + sum over features f of
    log P(c | f) / P(c), with P(c | f) shrunk towards P(c) by KAPPA pseudo-counts."""
    cset = confusion_sets()[set_index]
    k = len(cset.members)
    n_member = [0] * k
    n_feat: dict[str, list[int]] = {}
    for ex in exs:
        n_member[ex.member] += 1
        for f in ex.feats:
            n_feat.setdefault(f, [0] * k)[ex.member] += 1
    base = [(n + 1) / (sum(n_member) + k) for n in n_member]
    weights: dict[str, list[float]] = {}
    for f in sorted(n_feat):
        counts = n_feat[f]
        total = sum(counts)
        if total < MIN_FEATURE_COUNT:
            continue
        scale = WINDOW_WEIGHT if f[0] == "w" else 1.0
        w = [scale * math.log((counts[c] + KAPPA * base[c]) / (total + KAPPA) / base[c]) for c in range(k)]
        if max(w) - min(w) >= MIN_SPREAD:
            weights[f] = w
    return SetModel(cset.members, priors(cset.members, n_member, cset.rare), 0.0, window, weights)


def priors(members: Sequence[str], n_member: list[int], rare: frozenset[str]) -> list[float]:
    total = sum(n_member) + len(members)
    logs = [math.log((n + 1) / total) for n in n_member]
    top = max(logs)
    return [top - RARE_PRIOR if w in rare else max(p, top - PRIOR_CAP) for w, p in zip(members, logs)]


def train(exs: list[Example], windows: list[bool]) -> list[SetModel]:
    by_set: dict[int, list[Example]] = defaultdict(list)
    for ex in exs:
        by_set[ex.set_index].append(ex)
    return [train_set(s, by_set.get(s, []), windows[s]) for s in range(len(confusion_sets()))]


def margin(model: SetModel, ex: Example) -> float:
    """How far the best other member beats the written one."""
    scores = model.scores(ex.feats)
    return max(scores[c] for c in range(len(scores)) if c != ex.member) - scores[ex.member]


# -- thresholds by cross-validation ----------------------------------------------


def folds(books: list[str]) -> list[list[str]]:
    order = sorted(books)
    random.Random(SEED).shuffle(order)
    return [order[i::FOLDS] for i in range(FOLDS)]


def cross_validated_margins(books: dict[str, list[list[str]]], exs: list[Example],
                            windows: list[bool]) -> dict[int, list[float]]:
    margins: dict[int, list[float]] = defaultdict(list)
    for held in folds(list(books)):
        held_set = set(held)
        models = train([e for e in exs if e.book not in held_set], windows)
        for ex in exs:
            if ex.book in held_set:
                margins[ex.set_index].append(margin(models[ex.set_index], ex))
    return margins


def threshold(margins: list[float]) -> float:
    """The margin that at most TARGET_RATE of correct occurrences exceed."""
    if not margins:
        return MIN_THRESHOLD
    ordered = sorted(margins, reverse=True)
    allowed = int(len(ordered) * TARGET_RATE)
    return max(MIN_THRESHOLD, ordered[allowed] + 0.05 if allowed < len(ordered) else MIN_THRESHOLD)


# -- the whole thing -------------------------------------------------------------


def build(books: dict[str, list[list[str]]]) -> list[SetModel]:
    """Train on `books` with cross-validated thresholds."""
    windows = windowed_sets(set_counts(books))
    exs = examples(books, windows)
    cv = cross_validated_margins(books, exs, windows)
    models = train(exs, windows)
    for s, model in enumerate(models):
        model.threshold = threshold(cv.get(s, []))
    return models


def to_json(models: list[SetModel]) -> dict[str, object]:
    def q(x: float) -> int:
        return round(x * SCALE)

    return {
        "format": 1,
        "scale": SCALE,
        "sets": [{"members": list(m.members), "prior": [q(p) for p in m.prior], "threshold": q(m.threshold),
                  "window": m.window, "weights": {f: [q(v) for v in w] for f, w in sorted(m.weights.items())}}
                 for m in models],
    }


def write_model(models: list[SetModel], out: Path) -> None:
    payload = json.dumps(to_json(models), separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(payload.encode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of .txt novels (searched recursively)")
    parser.add_argument("--out", type=Path, default=data_dir() / MODEL_FILE)
    parser.add_argument("--exclude", nargs="*", default=[], help="book file names to leave out")
    args = parser.parse_args(argv)
    paths = corpus_books(args.corpus, args.exclude)
    if not paths:
        parser.error(f"no .txt files under {args.corpus}")
    models = build(read_books(paths))
    write_model(models, args.out)
    print(f"{len(paths)} books, {len(models)} sets, {sum(len(m.weights) for m in models)} features -> "
          f"{args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["PAD", "build", "read_books", "corpus_books", "write_model", "margin", "Example"]
