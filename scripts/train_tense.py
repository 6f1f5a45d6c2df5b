#!/usr/bin/env python3
"""Train the tense rules' slip model: ficlint/data/tense-slips.json.gz (ficlint/rules/tense/_model.py).

Examples come from ../shared/training through scripts/training_data.py:

- positives: tense slips put into the **train** split (scripts/tense_injection.py): single verbs and
  whole paragraphs, in past-tense scenes (present slips) and present-tense scenes (past slips);
- negatives: the verbs in the other tense that the same documents' own narration has, untouched
  (timeless statements, asides, reported speech, backstory …). Gutenberg books are edited, so their
  verbs count in full; amateur fan fiction has real slips among its own (`--fanfic-negative-weight`).

Each example is the candidate verb's features (ficlint/rules/tense/_features.py), exactly as the
rules compute them. One L2-regularised logistic regression is fitted per direction (scipy's
L-BFGS; deterministic). The threshold of each is then chosen on the **tune** split: the lowest
probability at which the untouched tune text has no more findings per 10,000 words than
`--budget` (books for past-tense scenes, books and fan fiction for present-tense ones).

    python scripts/train_tense.py [--books 40] [--works 1200] [--tune-books 20] [--tune-works 400]
                                  [--cache /tmp/tense-examples.pkl]

The output is rebuilt byte for byte from the same data and arguments (weights are rounded).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import pickle
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tense_injection import fresh_tagger, inject_mixed  # noqa: E402
from training_data import books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.lexicon import PAST, PRESENT  # noqa: E402
from ficlint.rules.tense._judge import candidates  # noqa: E402
from ficlint.source import Source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ficlint" / "data" / "tense-slips.json.gz"
DIRECTIONS = (PAST, PRESENT)


@dataclass
class Example:
    features: list[str]
    label: int
    source: str  # book, fanfic
    injection: str  # natural, single, run
    document: str
    context: str = ""  # the verb in its sentence, for reading the examples
    drifted: bool = False  # in a drifted paragraph: flagged whatever the model says


@dataclass
class Harvest:
    examples: dict[str, list[Example]]
    words: Counter[str]  # words of untouched text by source


def harvest(split: str, n_books: int, n_works: int, seed: int, singles: int, runs: int) -> Harvest:
    """Examples of both directions from a split: natural candidates and injected slips."""
    examples: dict[str, list[Example]] = {d: [] for d in DIRECTIONS}
    words: Counter[str] = Counter()
    documents = [("book", name, text) for name, text in books(split, limit=n_books)]
    documents += [("fanfic", str(work), text) for work, text in works(split, limit=n_works)]
    for count, (source, name, text) in enumerate(documents, 1):
        if source == "book" or count % 10 == 0:
            fresh_tagger()
        doc = AnalyzedDocument(Source(name, text))
        words[source] += len(text.split())
        for tense in DIRECTIONS:
            for c in candidates(doc, tense):
                examples[tense].append(Example(c.features, 0, source, "natural", name, _context(doc, c.verb),
                                               c.drifted))
            rng = random.Random(f"{seed}:{name}:{tense}")
            for changed, slips in (inject_mixed(doc, tense, rng, singles, runs),):
                if not slips:
                    continue
                changed_doc = AnalyzedDocument(Source(name, changed))
                spans = sorted((s.start, s.end, s.injection) for s in slips)
                for c in candidates(changed_doc, tense):
                    hit = _overlapping(spans, c.verb.start, c.verb.end)
                    if hit is not None:
                        examples[tense].append(Example(c.features, 1, source, hit, name,
                                                       _context(changed_doc, c.verb), c.drifted))
        if count % 50 == 0:
            print(f"  {split}: {count}/{len(documents)} documents", file=sys.stderr)
    return Harvest(examples, words)


def _context(doc: AnalyzedDocument, verb) -> str:
    sentence = doc.sentences[verb.sentence]
    text = doc.text
    return (text[max(sentence.start, verb.start - 120):verb.start] + "[[" + verb.word + "]]"
            + text[verb.end:min(sentence.end, verb.end + 60)]).replace("\n", " ")


def _overlapping(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    import bisect

    i = bisect.bisect_left(spans, (start - 2,))
    for s, e, injection in spans[max(0, i - 1):i + 2]:
        if s < end + 2 and e > start - 2:
            return injection
    return None


def fit(examples: list[Example], min_count: int, l2: float, fanfic_negative_weight: float) -> tuple[float, dict[str, float]]:
    """An L2-regularised logistic regression over the examples' features."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts: Counter[str] = Counter(f for e in examples for f in set(e.features))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, e in enumerate(examples):
        for f in set(e.features):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(names)))
    y = np.array([e.label for e in examples], dtype=float)
    weight = np.array([fanfic_negative_weight if e.label == 0 and e.source == "fanfic" else 1.0
                       for e in examples])
    weight *= len(examples) / weight.sum()

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        bias, coef = w[0], w[1:]
        z = x @ coef + bias
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -np.sum(weight * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) + 0.5 * l2 * coef @ coef
        g = weight * (p - y)
        grad = np.concatenate(([g.sum()], x.T @ g + l2 * coef))
        return float(value), grad

    result = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B",
                      options={"maxiter": 2000, "gtol": 1e-7})
    w = result.x
    weights = {name: round(float(v), 4) for name, v in zip(names, w[1:], strict=True) if abs(v) >= 1e-4}
    return round(float(w[0]), 4), weights


def probability(bias: float, weights: dict[str, float], features: list[str]) -> float:
    score = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def choose_threshold(tune: Harvest, direction: str, bias: float, weights: dict[str, float], budget: float,
                     sources: tuple[str, ...]) -> float:
    """The lowest threshold at which the untouched tune text of `sources` has at most `budget`
    findings of this direction per 10,000 words."""
    natural = sorted((probability(bias, weights, e.features) for e in tune.examples[direction]
                      if e.injection == "natural" and e.source in sources), reverse=True)
    words = sum(tune.words[s] for s in sources)
    allowed = int(budget * words / 10000)
    if allowed >= len(natural):
        return 0.5
    return round(max(0.5, natural[allowed] + 1e-4), 4)


def report(tune: Harvest, direction: str, bias: float, weights: dict[str, float], threshold: float) -> None:
    found: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for e in tune.examples[direction]:
        key = (e.source, e.injection)
        total[key] += 1
        found[key] += probability(bias, weights, e.features) >= threshold
    print(f"{direction} scenes: threshold {threshold}")
    for key in sorted(total):
        rate = ""
        if key[1] == "natural":
            rate = f" = {found[key] / tune.words[key[0]] * 10000:.2f} per 10k words"
        print(f"  tune {key[0]:7} {key[1]:8} {found[key]:6}/{total[key]:<6}{rate}")


def _harvested(cache: Path | None, split: str, make: Callable[[], Harvest]) -> Harvest:
    """A split's examples, kept in `cache` (one file per split) when it is given."""
    path = cache.with_name(f"{cache.name}.{split}") if cache else None
    if path is not None and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    harvest = make()
    if path is not None:
        with path.open("wb") as fh:
            pickle.dump(harvest, fh)
    return harvest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--books", type=int, default=40)
    parser.add_argument("--works", type=int, default=1200)
    parser.add_argument("--tune-books", type=int, default=20)
    parser.add_argument("--tune-works", type=int, default=400)
    parser.add_argument("--singles", type=int, default=200, help="single slips per document at most")
    parser.add_argument("--runs", type=int, default=6, help="converted paragraphs per document at most")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--fanfic-negative-weight", type=float, default=0.5)
    parser.add_argument("--budget", type=float, default=0.2, help="findings per 10k words on untouched tune text")
    parser.add_argument("--cache", type=Path, help="keep the harvested examples here and reuse them")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    train = _harvested(args.cache, "train", lambda: harvest("train", args.books, args.works, args.seed,
                                                              args.singles, args.runs))
    tune = _harvested(args.cache, "tune", lambda: harvest("tune", args.tune_books, args.tune_works, args.seed,
                                                            args.singles, args.runs))
    settings = {k: v for k, v in vars(args).items() if k not in ("cache", "out")}
    model: dict[str, object] = {"source": "scripts/train_tense.py", "settings": settings}
    for direction in DIRECTIONS:
        bias, weights = fit(train.examples[direction], args.min_count, args.l2, args.fanfic_negative_weight)
        sources = ("book",) if direction == PAST else ("book", "fanfic")
        threshold = choose_threshold(tune, direction, bias, weights, args.budget, sources)
        report(tune, direction, bias, weights, threshold)
        model[direction] = {"bias": bias, "threshold": threshold, "weights": dict(sorted(weights.items()))}
    payload = json.dumps(model, indent=0, sort_keys=True).encode("utf-8")
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(payload)
    print(f"wrote {args.out} ({len(payload):,} bytes of JSON)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
