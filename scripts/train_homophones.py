"""Train the homophone context model (ficlint/data/homophones.json.gz).

    python scripts/train_homophones.py ../shared/corpus [--out ficlint/data/homophones.json.gz]

Reads every *.txt under the corpus folder (sorted by path), trusts the novels
to use their words correctly, and learns for each confusion set of
rules/data/confusables.yaml a linear model that tells its members apart by context.

Model: for each set a multinomial logistic regression over the features of
ficlint.rules.homophones._model.features (see that module's docstring), trained by
stochastic gradient descent in a seeded order, EPOCHS passes, no
regularisation but early stopping. Features seen fewer than MIN_FEATURE_COUNT
times in a set are dropped (size, noise). The word classes are k-means
clusters of the commonest words by their neighbours (word_clusters).

Training also sees every "it is", "you are", "we are", "they are" and "who
is" of the novels as the contraction (CONTRACTIONS): the novels of the time
rarely contract, a writer today does. These made-up examples train the
weights but are never scored for the thresholds.

Thresholds: the books are split into FOLDS groups; for each, a model trained
on the others scores every (untouched, presumed correct) occurrence in it.
From those scores each direction of a set (member a written, member b
suggested) gets a curve: per threshold, the false alarms (correct uses of a
flagged) and the slips caught (had a been written where b belongs). Members
used fewer than DIRECTION_MIN_USES times pool their directions into one
curve. choose_thresholds picks, for all curves at one price per false alarm,
the thresholds that catch the most slips within FALSE_ALARMS_PER_10K (see
that function and expected_false_alarms), never below MIN_THRESHOLD
(log-odds), or MIN_THRESHOLD_SPARSE for sets with little data.

Everything is deterministic (sorted inputs, no sampling; SEED only orders the
folds and the k-means start; the gzip header has no time stamp), so the same
corpus gives the same file, byte for byte.
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from ficlint.document import Document, RegionKind  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402
from ficlint.rules.homophones._confusables import confusion_sets  # noqa: E402
from ficlint.rules.homophones._model import (  # noqa: E402
    MODEL_FILE,
    PAD,
    SetModel,
    features,
    norm,
    padded,
    tokenize,
)

SEED = 4
FOLDS = 5
EPOCHS = 6
LEARNING_RATE = 0.2
L2 = 0.0
MIN_FEATURE_COUNT = 2  # features seen once in a set's training data are dropped
MIN_SPREAD = 0.1  # features that barely separate the members are dropped
PRIOR_CAP = 3.0  # the commoner member may not win on frequency alone by more than this
RARE_PRIOR = 6.0  # a member marked `rare` starts this far behind
MIN_THRESHOLD = 1.0
SPARSE_MEMBER = 20  # a set whose rarest (not `rare`) member is seen fewer times than this is sparse:
MIN_THRESHOLD_SPARSE = 3.0  # cross-validation says little about it, so it needs a larger margin
FALSE_ALARMS_PER_10K = 1.75  # cross-validated, all sets
# Stricter budgets: where a finding's margin clears the thresholds chosen for
# these, its confidence reaches 0.75 and 0.9 (see ficlint.rules.homophones._model.confidence),
# so `min-confidence: 0.75` gives the model chosen for 1 false alarm per 10k.
STRICTER_BUDGETS = (1.0, 0.5)
SLIP_CAP = 400  # see choose_thresholds
THRESHOLD_STEP = 0.25
PRIOR_OCCURRENCES = 200.0  # see expected_false_alarms
MAX_THRESHOLD = 15.0
DIRECTION_MIN_USES = 1000  # a word used less often shares one threshold with its set's other rare words
WINDOW_SETS_BELOW = 3000  # sets rarer than this in the corpus also use the word window
CLUSTERS = 64
CLUSTER_VOCAB = 5000
CONTEXT_WORDS = 300
KMEANS_ROUNDS = 25
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
    synthetic: bool = False  # made by contracting "it is" and the like: trains, is never scored


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


# The novels, of their time, mostly write "it is" where a fan-fiction writer
# writes "it's": each such pair also teaches the contraction's context.
CONTRACTIONS = {("it", "is"): "it's", ("you", "are"): "you're", ("we", "are"): "we're",
                ("they", "are"): "they're", ("who", "is"): "who's"}


def examples(books: dict[str, list[list[str]]], windows: list[bool],
             clusters: dict[str, str]) -> list[Example]:
    index = member_index()
    found = []
    for book, paras in books.items():
        for tokens in paras:
            toks = padded(tokens)
            for i in range(2, len(toks) - 2):
                for s, m in index.get(toks[i], ()):
                    found.append(Example(book, s, m, features(toks, i, windows[s], clusters)))
                contracted = CONTRACTIONS.get((toks[i], toks[i + 1]))
                if contracted and toks[i + 2][0].isalpha():  # "I know it is." does not contract
                    short = [*toks[:i], contracted, *toks[i + 2:]]
                    for s, m in index.get(contracted, ()):
                        found.append(Example(book, s, m, features(short, i, windows[s], clusters), True))
    return found


# -- word classes ------------------------------------------------------------------


def word_clusters(books: dict[str, list[list[str]]]) -> dict[str, str]:
    """Distributional word classes (a stand-in for parts of speech): the
    CLUSTER_VOCAB most frequent words, each described by which of the
    CONTEXT_WORDS most frequent tokens occur just before and just after it,
    grouped by spherical k-means into CLUSTERS classes (seeded, deterministic)."""
    unigrams: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for paras in books.values():
        for tokens in paras:
            toks = [norm(t) for t in padded(tokens)]
            unigrams.update(toks[2:-2])
            pairs.update(zip(toks, toks[1:], strict=False))
    ranked = sorted(unigrams.items(), key=lambda item: (-item[1], item[0]))
    vocab = [w for w, _ in ranked if w[0].isalpha()][:CLUSTER_VOCAB]
    context = [w for w, _ in ranked[:CONTEXT_WORDS]] + [PAD]
    row = {w: i for i, w in enumerate(vocab)}
    col = {w: i for i, w in enumerate(context)}
    x = np.zeros((len(vocab), 2 * len(context)))
    for (a, b), n in pairs.items():
        if b in row and a in col:
            x[row[b], col[a]] += n
        if a in row and b in col:
            x[row[a], len(context) + col[b]] += n
    x = np.sqrt(x)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    rng = np.random.RandomState(SEED)
    centres = x[rng.choice(len(vocab), CLUSTERS, replace=False)]
    for _ in range(KMEANS_ROUNDS):
        assign = np.argmax(x @ centres.T, axis=1)
        for k in range(CLUSTERS):
            members = x[assign == k]
            if len(members):
                centre = members.sum(axis=0)
                centres[k] = centre / max(np.linalg.norm(centre), 1e-9)
    assign = np.argmax(x @ centres.T, axis=1)
    return {w: f"k{int(assign[i])}" for i, w in enumerate(vocab)}


# -- logistic regression -----------------------------------------------------------------


def train_set(set_index: int, exs: list[Example], window: bool) -> SetModel:
    """A multinomial logistic regression over the set's members, trained by
    stochastic gradient descent in a seeded order (deterministic)."""
    cset = confusion_sets()[set_index]
    k = len(cset.members)
    n_member = [0] * k
    seen: Counter[str] = Counter()
    for ex in exs:
        n_member[ex.member] += 1
        seen.update(ex.feats)
    kept = {f for f, n in seen.items() if n >= MIN_FEATURE_COUNT}
    data = [([f for f in ex.feats if f in kept], ex.member) for ex in exs]
    weights: dict[str, list[float]] = {f: [0.0] * k for f in sorted(kept)}
    bias = [math.log((n + 1) / (len(exs) + k)) for n in n_member]
    order = list(range(len(data)))
    rng = random.Random(SEED + set_index)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = LEARNING_RATE / (1 + epoch)
        for j in order:
            feats, gold = data[j]
            scores = list(bias)
            rows = [weights[f] for f in feats]
            for row in rows:
                for c in range(k):
                    scores[c] += row[c]
            top = max(scores)
            exps = [math.exp(x - top) for x in scores]
            total = sum(exps)
            grads = [e / total - (1.0 if c == gold else 0.0) for c, e in enumerate(exps)]
            if max(abs(g) for g in grads) < 1e-3:
                continue
            for c in range(k):
                step = rate * grads[c]
                bias[c] -= step
                for row in rows:
                    row[c] -= step + rate * L2 * row[c]
    compact = {f: [round(v, 3) for v in w] for f, w in weights.items() if max(w) - min(w) >= MIN_SPREAD}
    unset = [[MAX_THRESHOLD] * k for _ in range(k)]  # Trained.set_thresholds chooses them
    return SetModel.from_weights(cset.members, priors(cset.members, bias, cset.rare), unset, window, compact)


def priors(members: Sequence[str], bias: list[float], rare: frozenset[str]) -> list[float]:
    """The learnt biases, but no member may lose on frequency alone by more than
    PRIOR_CAP (the novels' word frequencies are not a writer's), and members
    marked `rare` start RARE_PRIOR behind."""
    top = max(bias)
    return [top - RARE_PRIOR if w in rare else max(p, top - PRIOR_CAP)
            for w, p in zip(members, bias, strict=True)]


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


def cross_validated_scores(books: dict[str, list[list[str]]], exs: list[Example],
                           windows: list[bool]) -> dict[int, list[tuple[int, list[float]]]]:
    """Per set, (written member, every member's score) of each occurrence, each
    scored by a model trained without the occurrence's book."""
    scored: dict[int, list[tuple[int, list[float]]]] = defaultdict(list)
    for held in folds(list(books)):
        held_set = set(held)
        models = train([e for e in exs if e.book not in held_set], windows)
        for ex in exs:
            if ex.book in held_set and not ex.synthetic:
                scored[ex.set_index].append((ex.member, models[ex.set_index].scores(ex.feats)))
    return scored


@dataclass
class Curve:
    """One or more directions of a set (the writer put member `written`, the
    model would suggest member `intended`), cross-validated, at each threshold
    of GRID: how many correct uses of `written` would be flagged (false
    alarms), and how many slips would be caught had the writer put `written`
    where `intended` belongs. `weight` is what a catch in this set is worth
    (see choose_thresholds). Thresholds below `floor` are not to be chosen."""

    directions: list[tuple[int, int]]  # (written, intended) pairs sharing this curve's threshold
    false_alarms: list[int]
    catches: list[float]
    exposure: float  # uses of the written words, a use of a k-member set's word counting 1/(k-1)
    floor: float
    weight: float


GRID = [MIN_THRESHOLD + THRESHOLD_STEP * i
        for i in range(int((MAX_THRESHOLD - MIN_THRESHOLD) / THRESHOLD_STEP) + 1)]


def set_curves(scored: list[tuple[int, list[float]]], k: int, floor: float) -> list[Curve]:
    """The curves of every direction of a k-member set. A direction has its own
    threshold: "we're" read as "were" is not "were" read as "where", and a
    model unsure of one should not silence the other."""
    alarms: dict[tuple[int, int], list[float]] = defaultdict(list)
    catch_margins: dict[tuple[int, int], list[float]] = defaultdict(list)
    uses = Counter(member for member, _ in scored)
    for member, scores in scored:
        best = max((c for c in range(k) if c != member), key=scores.__getitem__)
        alarms[member, best].append(scores[best] - scores[member])
        for slip in range(k):
            if slip == member:
                continue
            best = max((c for c in range(k) if c != slip), key=scores.__getitem__)
            if best == member:  # the model would suggest the word the writer meant
                catch_margins[slip, member].append(scores[member] - scores[slip])
    weight = min(1.0, SLIP_CAP / len(scored)) if scored else 0.0
    own, pooled = [], []
    for a in range(k):
        for b in range(k):
            if a == b:
                continue
            alarm_array = np.sort(np.array(alarms[a, b]))
            catch_array = np.array(catch_margins[a, b])
            false_alarms = [int(len(alarm_array) - np.searchsorted(alarm_array, t, side="right"))
                            for t in GRID]
            catches = [float((catch_array > t).sum()) / (k - 1) for t in GRID]
            found = Curve([(a, b)], false_alarms, catches, uses[a] / (k - 1), floor, weight)
            (own if uses[a] >= DIRECTION_MIN_USES else pooled).append(found)
    if pooled:  # too few uses to trust a threshold of their own: one for all of them
        own.append(Curve([d for c in pooled for d in c.directions],
                         [sum(c.false_alarms[j] for c in pooled) for j in range(len(GRID))],
                         [sum(c.catches[j] for c in pooled) for j in range(len(GRID))],
                         sum(c.exposure for c in pooled), floor, weight))
    return own


def expected_false_alarms(curves: list[Curve]) -> list[list[float]]:
    """Each direction's false alarms at each threshold, its own count shrunk
    towards the rate of all directions together (empirical Bayes,
    PRIOR_OCCURRENCES pseudo occurrences): a rare word that gave no false
    alarm in 30 uses has not shown that it never will. A use of a k-member
    set's word counts 1/(k-1) towards each of its directions."""
    exposure = [c.exposure for c in curves]
    total = sum(exposure) or 1
    pooled = [sum(c.false_alarms[j] for c in curves) / total for j in range(len(GRID))]
    m = PRIOR_OCCURRENCES
    return [[n * (c.false_alarms[j] + m * pooled[j]) / (n + m) for j in range(len(GRID))]
            for c, n in zip(curves, exposure, strict=True)]


def choose_thresholds(curves: list[Curve], words: int,
                      per_10k: float = FALSE_ALARMS_PER_10K) -> list[float]:
    """Per-direction thresholds that catch the most slips for a false-alarm
    budget of FALSE_ALARMS_PER_10K over the cross-validated corpus. Each set's
    catches count as a share of its occurrences, at most SLIP_CAP occurrences'
    worth (a writer's slips are spread over the sets, a common set more often
    but not in proportion to its frequency); a false alarm costs the same
    anywhere. The price of a false alarm (lambda) is found by bisection, so
    that every direction sits at the same trade-off between catching and
    crying wolf."""
    budget = per_10k * words / 10000
    alarms = expected_false_alarms(curves)

    def pick(price: float) -> tuple[list[int], float]:
        chosen, total = [], 0.0
        for c, expected in zip(curves, alarms, strict=True):
            best, best_value = len(GRID) - 1, -math.inf
            for j in range(len(GRID) - 1, -1, -1):  # ties go to the higher threshold
                if GRID[j] < c.floor:
                    break
                value = c.weight * c.catches[j] - price * expected[j]
                if value > best_value + 1e-12:
                    best, best_value = j, value
            chosen.append(best)
            total += expected[best]
        return chosen, total

    low, high = 0.0, 1000.0
    for _ in range(60):
        mid = (low + high) / 2
        if pick(mid)[1] > budget:
            low = mid
        else:
            high = mid
    chosen, _ = pick(high)
    return [GRID[j] for j in chosen]


@dataclass
class Trained:
    models: list[SetModel]
    clusters: dict[str, str]
    scored: dict[int, list[tuple[int, list[float]]]]  # cross-validated scores, by set
    floors: list[float]
    words: int

    def curves(self) -> list[list[Curve]]:
        return [set_curves(self.scored.get(s, []), len(model.members), floor)
                for s, (model, floor) in enumerate(zip(self.models, self.floors, strict=True))]

    def set_thresholds(self, per_10k: float = FALSE_ALARMS_PER_10K,
                       stricter: Sequence[float] = STRICTER_BUDGETS) -> None:
        """The thresholds for `per_10k` cross-validated false alarms per 10,000
        words, and the stricter ones for each budget of `stricter` (each at
        least the one before it)."""
        by_set = self.curves()
        chosen = [self._chosen(by_set, budget) for budget in (per_10k, *stricter)]
        for level in range(1, len(chosen)):
            for s, matrix in enumerate(chosen[level]):
                below = chosen[level - 1][s]
                chosen[level][s] = [[max(t, b) for t, b in zip(row, low, strict=True)]
                                    for row, low in zip(matrix, below, strict=True)]
        for s, model in enumerate(self.models):
            model.thresholds = chosen[0][s]
            model.stricter = [level[s] for level in chosen[1:]]

    def _chosen(self, by_set: list[list[Curve]], per_10k: float) -> list[list[list[float]]]:
        """Per set, the [written][intended] thresholds chosen for `per_10k`."""
        flat = [c for curves in by_set for c in curves]
        chosen = iter(choose_thresholds(flat, self.words, per_10k))
        matrices = []
        for model, curves in zip(self.models, by_set, strict=True):
            k = len(model.members)
            matrix = [[0.0] * k for _ in range(k)]
            for c in curves:
                threshold = next(chosen)
                for written, intended in c.directions:
                    matrix[written][intended] = threshold
            matrices.append(matrix)
        return matrices


def train_all(books: dict[str, list[list[str]]]) -> Trained:
    """Models trained on all `books`, and the cross-validated curves to choose their thresholds."""
    counts = set_counts(books)
    windows = windowed_sets(counts)
    clusters = word_clusters(books)
    exs = examples(books, windows, clusters)
    cv = cross_validated_scores(books, exs, windows)
    floors = []
    for s, cset in enumerate(confusion_sets()):
        common = [counts[s][w] for w in cset.members if w not in cset.rare]
        floors.append(MIN_THRESHOLD_SPARSE if min(common) < SPARSE_MEMBER else MIN_THRESHOLD)
    words = sum(1 for paras in books.values() for tokens in paras for t in tokens if t[0].isalpha())
    return Trained(train(exs, windows), clusters, cv, floors, words)


def build(books: dict[str, list[list[str]]]) -> tuple[list[SetModel], dict[str, str]]:
    """Train on `books` with cross-validated thresholds."""
    trained = train_all(books)
    trained.set_thresholds()
    return trained.models, trained.clusters


def to_json(models: list[SetModel], clusters: dict[str, str]) -> dict[str, object]:
    """The model as shipped: each member's weights rounded to integer SCALEths
    of a nat, kept as the columns the check scores with (see SetModel)."""
    def q(x: float) -> int:
        return round(x * SCALE)

    def entry(m: SetModel) -> dict[str, object]:
        assert m.weights is not None, "a trained model keeps its weights"
        rounded = SetModel.from_weights(m.members, [q(p) for p in m.prior],
                                        [[q(t) for t in row] for row in m.thresholds], m.window,
                                        {f: [q(v) for v in w] for f, w in m.weights.items()})
        found: dict[str, object] = {
            "members": list(m.members), "prior": rounded.prior, "thresholds": rounded.thresholds,
            "stricter": [[[q(t) for t in row] for row in level] for level in m.stricter],
            "window": m.window, "columns": [dict(sorted(col.items())) for col in rounded.columns]}
        if m.window:
            found["window_bound"] = rounded.window_bound
        return found

    return {"format": 2, "clusters": clusters, "scale": SCALE, "sets": [entry(m) for m in models]}


def write_model(models: list[SetModel], clusters: dict[str, str], out: Path) -> None:
    payload = json.dumps(to_json(models, clusters), separators=(",", ":"), ensure_ascii=False, sort_keys=True)
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
    models, clusters = build(read_books(paths))
    write_model(models, clusters, args.out)
    weights = sum(len(c) for m in models for c in m.columns)
    print(f"{len(paths)} books, {len(models)} sets, {weights} weights -> "
          f"{args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["PAD", "build", "read_books", "corpus_books", "write_model", "Example"]
