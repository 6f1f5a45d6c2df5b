"""Train the homophone context model (ficlint/data/homophones.bin).

    pip install scipy     # build time only
    python scripts/train_homophones.py [--training ../shared/training] [--cache DIR]
        [--out ficlint/data/homophones.bin] [--thresholds-from MODEL]

--thresholds-from keeps a model file's weights and chooses only the thresholds again, with
the current slots and manuscript evidence (ficlint/rules/homophones/_judge.py): minutes
instead of most of an hour, and the same bytes as the whole build when the weights are what
the whole build makes (the weights never read the judge). Check with `cmp` after a change
to the judge: `--thresholds-from ficlint/data/homophones.bin --out /tmp/h.bin`. A model file
of the gzipped layout shipped until 4 December 2026 is read as well: `--thresholds-from` it
writes today's layout.

Data (scripts/training_data.py): the `train` split of ../shared/training (~17M words of
edited public-domain books and ~17M of fan fiction) teaches the weights; the `tune`
split (~2.8M + ~2.4M) chooses every threshold; `test` is never read here (see
scripts/eval_homophones.py). Each text is read as ficlint reads it: the analysis
layer's sentences and tokens (AnalyzedDocument), lowercased; --cache keeps the
tokenized splits (one sentence a line) for the next run.

Fan fiction is amateur text with the very slips the model looks for (its/it's,
your/you're at a low rate), but it is also where contractions, modern usage and
fandom words live. The weights learn from it in two stages: a first model learns from everything;
then every fan-fiction occurrence that model finds very unlikely as written
(probability below CLEAN_BELOW: a probable slip) is left out, and the model is trained
again. The books, edited, are taken as written.

Model (ficlint/rules/homophones/_model.py): per confusion set a multinomial logistic
regression over the features of `local_features` (and `window_features` for the rarer
sets), L2-regularised, fitted by L-BFGS; the commonest members are subsampled to at
most MEMBER_CAP occurrences (their prior corrected back). Features seen fewer than
MIN_FEATURE_COUNT times in a set are dropped, weights are rounded to 16ths of a nat and
those that round to 0 are dropped. Vocabulary: the VOCAB words seen most; word classes:
CLUSTERS k-means clusters of the CLUSTER_VOCAB commonest words by their neighbours, and
the word classes the analysis layer's tagger gives each word across the train split.

Thresholds: every occurrence of every member in the tune split is scored, with the word n-gram
evidence (ficlint/rules/homophones/_ngrams.py: ficlint/data/homophone-ngrams.bin.gz, counted by
scripts/build_homophone_ngrams.py, must be there and fit the model), the slot constraints
(ficlint/analysis/slots.py) and the manuscript evidence (each book or work a manuscript) as the
rule applies them. From those scores each direction of a set (member
a written, member b suggested) gets a curve: per threshold, the false alarms (uses of a
flagged) and the slips caught (had a been written where b belongs). The edited books are
the source of truth for what is a false alarm: a finding in a tune book counts fully. A
finding in tune fan fiction, amateur text with real slips ("forgot to breath"), is judged
by the edited books of the train split (`EditedBigrams`): it costs nothing where a
neighbour of the word is seen with the suggestion far more often than with the written
word there (a probable slip), fully where both neighbours are seen with the written word
(the edited books write it so), and FANFIC_ALARM_WEIGHT where they cannot say; fan fiction's
words count FANFIC_ALARM_WEIGHT, so the budget stays the books' (counting them fully let the
price of a false alarm fall: 216 directions loosened and the clean corpus rose from 0.74 to
1.02 findings per 10,000 words). (Counting
every fan-fiction finding as a fraction of a false alarm had pushed directions whose
fan-fiction slips are common, breath -> breathe, to ~10 nats.) A direction whose word is
used fewer than DIRECTION_MIN_USES times pools with its set's other rare directions.
`choose_thresholds` picks, at one price per false alarm, the thresholds that catch the most
slips within FALSE_ALARMS_PER_10K tune words; STRICTER_BUDGETS give the levels where a
finding's confidence reaches 0.75 and 0.9.

Everything is deterministic (sorted inputs, seeded k-means, no sampling but every n-th
occurrence): the same data gives the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_threads] = "1"  # one thread: faster for these small problems, and sums in one order

import numpy as np  # noqa: E402
from training_data import TRAINING, books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.confusables import ConfusionSet, confusion_sets  # noqa: E402
from ficlint.analysis.tokens import normalize  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402
from ficlint.rules.homophones import _model as hm  # noqa: E402
from ficlint.rules.homophones import _ngrams as ng  # noqa: E402
from ficlint.rules.homophones._judge import accepted_uses, manuscript_margins, margin_matrix  # noqa: E402

SEED = 4
VOCAB = 80000
MIN_WORD_COUNT = 3
CLUSTERS = 200
CLUSTER_VOCAB = 20000
CONTEXT_WORDS = 400
KMEANS_ROUNDS = 20
MEMBER_CAP = int(os.environ.get("HOMOPHONES_MEMBER_CAP", 100_000))  # occurrences of one member a set
# trains on; the rest are skipped evenly (the environment variable only for quick experiments)
MIN_FEATURE_COUNT = 3
L2 = 1.0  # on the sum of squared weights, against the summed log-loss of the set's examples
LBFGS_ITERATIONS = 100
CLEAN_BELOW = 0.02  # a fan-fiction use the first model gives less than this is left out...
CLEAN_MIN_SHARE = 0.001  # ...and the set is fitted again when at least this share of its uses is
PRIOR_CAP = 3.0  # the commoner member may not win on frequency alone by more than this
RARE_PRIOR = 6.0  # a member marked `rare` starts this far behind
WINDOW_SETS_BELOW = 20000  # sets used fewer times than this in train also read the word window
MIN_THRESHOLD = 1.0
MAX_THRESHOLD = 15.0
THRESHOLD_STEP = 0.25
SPARSE_MEMBER = 30  # a set whose rarest (not `rare`) member is seen fewer times in tune is sparse:
MIN_THRESHOLD_SPARSE = 4.0  # the tune split says little about it, so it needs a larger margin
MIN_THRESHOLD_RARE = 4.0  # so do directions whose written word tune has fewer than DIRECTION_MIN_USES of:
# with thresholds of 1 nat, "worlds" -> "words" and "tails" -> "tales" flagged correct plurals in edited books
FALSE_ALARMS_PER_10K = 0.2  # on the tune split (see FANFIC_ALARM_WEIGHT). Held-out books run about
# 2.4 times the tune rate (thresholds fitted to tune: 0.3 here gave 0.72 findings per 10k on the first
# 10 test books), and the aim is 0.5 per 10k on held-out books; at 0.2 the 175 directions that rise
# include the noisiest of the last build (quiet -> quite, accept -> except, new -> knew, bought -> brought)
STRICTER_BUDGETS = (0.15, 0.08)
FANFIC_ALARM_WEIGHT = 0.25  # a finding in tune fan fiction the edited books neither vouch for nor against
# is this much of a false alarm (about the share of false ones among the fan-fiction findings judged by hand)
EDITED_VOUCH = 2  # the edited books vouch for a written word beside a neighbour seen with it this often...
EDITED_PREFER = 3  # ...and side with the suggestion where a neighbour is seen this often with it
EDITED_PREFER_RATIO = 10.0  # and this many times more often (per use of each word) than with the written one
MIN_WEIGHT = 2  # 16ths of a nat: smaller weights are left out of the table (size, speed)
SLIP_CAP = 200
TRAIN_EVERY = int(os.environ.get("HOMOPHONES_TRAIN_EVERY", 3))  # the shipped model learns from every
# third text of the train split (~11M words): the whole split takes ~45 minutes on two busy cores
PRIOR_OCCURRENCES = 300.0
DIRECTION_MIN_USES = 300
CONSTRAINT_BONUS = 5.0  # nats for a member that fits a slot where grammar is certain, the written one not
GRID = [MIN_THRESHOLD + THRESHOLD_STEP * i
        for i in range(int((MAX_THRESHOLD - MIN_THRESHOLD) / THRESHOLD_STEP) + 1)]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- reading the splits ----------------------------------------------------------------


@dataclass
class Text:
    """One book or work, tokenized: its sentences as lists of tokens as written."""

    name: str
    fanfic: bool
    sentences: list[list[str]]

    def flat(self) -> tuple[list[str], list[int]]:
        """The tokens lowercased (straight apostrophes), and each one's sentence index."""
        words = [normalize(w) for s in self.sentences for w in s]
        sentence = [i for i, s in enumerate(self.sentences) for _ in s]
        return words, sentence

    def upos(self) -> list[str]:
        """The tagger's word class (UPOS) of every token."""
        from ficlint.analysis.tagger import tag_words

        tokens = [w for s in self.sentences for w in s]
        firsts, at = [], 0
        for s in self.sentences:
            firsts.append(at)
            at += len(s)
        try:
            tags = tag_words(tokens, firsts)
        except IndexError:  # the tagger forgot its types halfway (a bug of its cache): it has room now
            tags = tag_words(tokens, firsts)
        return [t.upos for t in tags]


def tokenized(text: str) -> list[list[str]]:
    """A text's sentences as ficlint reads them: the analysis layer's tokens."""
    doc = AnalyzedDocument.from_text(text)
    tokens = doc.tokens
    return [[tokens.text[i] for i in tokens.of_sentence(s)] for s in range(len(tokens.sentence_first))
            if len(tokens.of_sentence(s))]


def split_texts(split: str, root: Path, cache: Path | None) -> Iterator[Text]:
    """The books, then the fan-fiction works, of a split (tokenized once, then from the cache:
    one sentence a line, tokens as written)."""
    for kind in ("books", "fanfic"):
        path = cache / f"{split}-{kind}.tokens" if cache else None
        if path is not None and path.is_file():
            yield from _read_cache(path, kind == "fanfic")
            continue
        source = books(split, root) if kind == "books" else works(split, root)
        texts = (Text(str(name), kind == "fanfic", tokenized(text)) for name, text in source)
        if path is None:
            yield from texts
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as out:
            for t in texts:
                out.write(f"\f{t.name}\n" + "".join(" ".join(s) + "\n" for s in t.sentences))
        partial.rename(path)
        yield from _read_cache(path, kind == "fanfic")


def _read_cache(path: Path, fanfic: bool) -> Iterator[Text]:
    name, sentences = None, []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("\f"):
                if name is not None:
                    yield Text(name, fanfic, sentences)
                name, sentences = line[1:].rstrip("\n"), []
            else:
                sentences.append(line.split())
    if name is not None:
        yield Text(name, fanfic, sentences)


# -- vocabulary and word classes -------------------------------------------------------------


def build_vocab(counts: Counter[str], members: set[str]) -> list[str]:
    """The pad, the marks, the unknown-word stand-ins, then the commonest words (every member)."""
    keys = Counter()
    for token, n in counts.items():
        keys[hm.vocab_key(token)] += n
    words = sorted((w for w, n in keys.items() if w[0].isalpha() and n >= MIN_WORD_COUNT),
                   key=lambda w: (-keys[w], w))[:VOCAB]
    chosen = set(words) | members
    marks = sorted(k for k in keys if not k[0].isalpha())
    unknown = sorted({hm.unknown_key(w) for w in keys if w[0].isalpha() and w not in chosen} | {"~"})
    rest = sorted(members - set(words))
    return [hm.PAD, *marks, *unknown, *words, *rest]


UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X")
CLASS_SHARE = 0.1  # a word's class lists the tags it gets at least this often


def lexical_classes(vocab: list[str], tag_counts: np.ndarray) -> list[str]:
    """Per vocabulary word, the word classes the tagger (ficlint/analysis/tagger.py) gives it
    across the train split: the tags of at least CLASS_SHARE of its uses ("ADJ|NOUN" for
    "cold"). A class of the word, not of one use: a slip must not change its neighbours'."""
    found = []
    for i, word in enumerate(vocab):
        total = tag_counts[i].sum()
        if not word[0].isalpha() or total == 0:
            found.append(word if not word[0].isalpha() else "?")
            continue
        tags = zip(UPOS, tag_counts[i], strict=True)
        found.append("|".join(t for t, n in tags if n >= CLASS_SHARE * total))
    return found


def word_clusters(texts: list[tuple[np.ndarray, np.ndarray]], vocab: list[str]) -> np.ndarray:
    """Distributional classes: the CLUSTER_VOCAB commonest words (ids after the marks), each
    described by which of the CONTEXT_WORDS commonest ids occur just before and after it,
    grouped by spherical k-means (seeded). Other words are classed by their id's kind."""
    first_word = next(i for i, w in enumerate(vocab) if w[0].isalpha() and not w.startswith("~"))
    clustered = np.arange(first_word, min(len(vocab), first_word + CLUSTER_VOCAB))
    context = np.concatenate([np.arange(first_word), np.arange(first_word, first_word + CONTEXT_WORDS)])
    row = np.full(len(vocab), -1)
    row[clustered] = np.arange(len(clustered))
    col = np.full(len(vocab), -1)
    col[context] = np.arange(len(context))
    x = np.zeros((len(clustered), 2 * len(context)))
    for ids, new in texts:
        left = np.r_[0, ids[:-1]]
        left[new] = 0
        right = np.r_[ids[1:], 0]
        right[np.r_[new[1:], True]] = 0
        for neighbour, offset in ((left, 0), (right, len(context))):
            ok = (row[ids] >= 0) & (col[neighbour] >= 0)
            np.add.at(x, (row[ids[ok]], offset + col[neighbour[ok]]), 1)
    x = np.sqrt(x)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    rng = np.random.RandomState(SEED)
    centres = x[rng.choice(len(clustered), CLUSTERS, replace=False)]
    for _ in range(KMEANS_ROUNDS):
        assign = np.argmax(x @ centres.T, axis=1)
        for k in range(CLUSTERS):
            members = x[assign == k]
            if len(members):
                centre = members.sum(axis=0)
                centres[k] = centre / max(np.linalg.norm(centre), 1e-9)
    assign = np.argmax(x @ centres.T, axis=1)
    cluster = np.arange(len(vocab)) + CLUSTERS  # a word outside the clusters: a class by its own id...
    for i, word in enumerate(vocab):
        if word[0].isalpha() and row[i] < 0 and not word.startswith("~"):
            cluster[i] = CLUSTERS + _vocab_index(vocab, hm.unknown_key(word))  # ...or by its ending
    cluster[clustered] = assign
    return cluster


def _vocab_index(vocab: list[str], key: str) -> int:
    try:
        return vocab.index(key)
    except ValueError:
        return vocab.index("~")


def class_arrays(vocab: list[str], cluster: np.ndarray, lexical: list[str]) -> dict[str, np.ndarray]:
    lex_index = {c: i for i, c in enumerate(sorted(set(lexical)))}
    suffixes = {s: i for i, s in enumerate(sorted({w[-2:] for w in vocab}))}
    marks = [not w[0].isalpha() for w in vocab]
    marks[0] = True

    def initial(w: str) -> int:
        return 0 if not w[0].isalpha() else 1 if w[0] in "aeiou" else 2 if w[0] == "h" else 3

    return {
        "cluster": cluster.astype(np.int32),
        "lexical": np.array([lex_index[c] for c in lexical], dtype=np.int32),
        "suffix": np.array([suffixes[w[-2:]] if len(w) > 3 and w[0].isalpha() else 0 for w in vocab],
                           dtype=np.int32),
        "initial": np.array([initial(w) for w in vocab], dtype=np.int8),
        "is_mark": np.array(marks, dtype=np.int8),
        "is_end": np.array([w in hm.SENTENCE_ENDS for w in vocab], dtype=np.int8),
        "asks": np.array([w == "?" for w in vocab], dtype=np.int8),
        "breaks": np.array([m or w in hm.CLAUSE_BREAKS for w, m in zip(vocab, marks, strict=True)],
                           dtype=np.int8),
        "past_like": np.array([len(w) > 4 and w.endswith("ed") for w in vocab], dtype=np.int8),
    }


def classes_of(arrays: dict[str, np.ndarray]) -> hm.Classes:
    return hm.Classes(*(arrays[n].astype(bool if n in hm._FLAGS else np.int64) for n in hm.CLASS_ARRAYS))


# -- examples ------------------------------------------------------------------------------------


@dataclass
class SetData:
    """A set's training occurrences: feature keys (rows), written member, from fan fiction."""

    keys: list[np.ndarray] = field(default_factory=list)
    member: list[np.ndarray] = field(default_factory=list)
    fanfic: list[np.ndarray] = field(default_factory=list)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if not self.keys:
            empty = np.zeros((0, hm.N_LOCAL), dtype=np.uint32)
            return empty, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
        return np.concatenate(self.keys), np.concatenate(self.member), np.concatenate(self.fanfic)


@dataclass
class Prepared:
    vocab: list[str]
    arrays: dict[str, np.ndarray]
    classes: hm.Classes
    sets: tuple[ConfusionSet, ...]
    windows: list[bool]
    keep_every: dict[str, int]  # member word -> every n-th occurrence trains
    counts: Counter[str]  # member uses in train
    words: int  # words in train
    edited: EditedBigrams | None = None  # the members' neighbours in the train split's books


@dataclass
class EditedBigrams:
    """How often each member is seen beside each neighbour (left and right, by vocabulary id;
    0 beyond the sentence) in the edited books of the train split, and how often in all."""

    keys: np.ndarray  # sorted: (side * V + neighbour) * V + member
    counts: np.ndarray
    uses: np.ndarray  # per vocabulary id
    size: int  # V

    @staticmethod
    def of(texts: list[tuple[np.ndarray, np.ndarray, bool]], is_member: np.ndarray) -> EditedBigrams:
        v = len(is_member)
        found, uses = [], np.zeros(v, dtype=np.int64)
        for ids, new, fanfic in texts:
            if fanfic:
                continue
            left, right = neighbours(ids, new)
            at = np.nonzero(is_member[ids])[0]
            np.add.at(uses, ids[at], 1)
            for side, other in ((0, left), (1, right)):
                found.append((side * v + other[at]) * v + ids[at])
        keys, counts = np.unique(np.concatenate(found) if found else np.zeros(0, dtype=np.int64),
                                 return_counts=True)
        return EditedBigrams(keys, counts, uses, v)

    def count(self, side: int, neighbour: int, member: int) -> int:
        key = (side * self.size + neighbour) * self.size + member
        i = int(np.searchsorted(self.keys, key))
        return int(self.counts[i]) if i < len(self.keys) and self.keys[i] == key else 0

    def alarm_weight(self, written: int, suggested: int, left: int, right: int) -> float:
        """How much a fan-fiction finding (`written` -> `suggested` between `left` and `right`)
        counts as a false alarm: 0 where the edited books side with the suggestion (a neighbour
        they see with it far more often than with the written word: a probable slip), 1 where
        they vouch for the written word on both sides, else FANFIC_ALARM_WEIGHT."""
        n_written, n_suggested = max(int(self.uses[written]), 1), max(int(self.uses[suggested]), 1)
        vouched = True
        for side, other in ((0, left), (1, right)):
            with_written = self.count(side, other, written)
            with_suggested = self.count(side, other, suggested)
            if with_suggested >= EDITED_PREFER and \
                    with_written * n_suggested * EDITED_PREFER_RATIO < with_suggested * n_written:
                return 0.0
            vouched = vouched and with_written >= EDITED_VOUCH
        return 1.0 if vouched else FANFIC_ALARM_WEIGHT


def neighbours(ids: np.ndarray, new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each token's left and right neighbour ids (0, the pad, beyond its sentence)."""
    left = np.r_[0, ids[:-1]]
    left[new] = 0
    right = np.r_[ids[1:], 0]
    right[np.r_[new[1:], True]] = 0
    return left, right


def member_table(vocab: dict[str, int], sets: Sequence[ConfusionSet]) -> list[list[tuple[int, int]]]:
    table: list[list[tuple[int, int]]] = [[] for _ in vocab]
    for s, cset in enumerate(sets):
        for m, word in enumerate(cset.members):
            table[vocab[word]].append((s, m))
    return table


def extract(texts: list[tuple[np.ndarray, np.ndarray, bool]], prep: Prepared) -> list[SetData]:
    """The training occurrences of every set, every n-th one of the commonest members."""
    vocab = {w: i for i, w in enumerate(prep.vocab)}
    table = member_table(vocab, prep.sets)
    every = np.ones(len(vocab), dtype=np.int64)
    for word, n in prep.keep_every.items():
        every[vocab[word]] = n
    is_member = np.array([bool(t) for t in table])
    seen = np.zeros(len(vocab), dtype=np.int64)
    data = [SetData() for _ in prep.sets]
    for ids, new, fanfic in texts:
        where = np.nonzero(is_member[ids])[0]
        if not len(where):
            continue
        member_ids = ids[where]
        order = np.argsort(member_ids, kind="stable")
        ranks = np.empty(len(where), dtype=np.int64)
        sorted_ids = member_ids[order]
        starts = np.r_[0, np.nonzero(np.diff(sorted_ids))[0] + 1]
        run_first = np.repeat(starts, np.diff(np.r_[starts, len(sorted_ids)]))
        ranks[order] = np.arange(len(where)) - run_first + seen[sorted_ids]
        np.add.at(seen, member_ids, 1)
        chosen = where[ranks % every[member_ids] == 0]
        if not len(chosen):
            continue
        enc = hm.encode(ids, new, prep.classes)
        local = hm.local_features(enc, chosen, prep.classes)
        window = hm.window_features(enc, chosen, prep.classes)
        by_set: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row, j in enumerate(chosen.tolist()):
            for s, m in table[ids[j]]:
                by_set[s].append((row, m))
        for s, rows in by_set.items():
            r = np.array([x[0] for x in rows])
            keys = np.concatenate([local[r], window[r]], axis=1) if prep.windows[s] else local[r]
            data[s].keys.append(keys)
            data[s].member.append(np.array([x[1] for x in rows]))
            data[s].fanfic.append(np.full(len(r), fanfic))
    return data


# -- logistic regression ------------------------------------------------------------------------------


@dataclass
class Fitted:
    """A set's weights: per feature key, one weight per member after the first (nats)."""

    keys: np.ndarray  # uint32, sorted
    weights: np.ndarray  # (features, k - 1)
    bias: np.ndarray  # (k - 1,): the intercepts against member 0


def fit_set(keys: np.ndarray, member: np.ndarray, weight: np.ndarray, k: int) -> Fitted:
    """A multinomial logistic regression (member 0 the reference), L2-regularised, by L-BFGS."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    present = keys != hm._MISSING
    flat = keys[present]
    uniq, inverse, counts = np.unique(flat, return_inverse=True, return_counts=True)
    kept = counts >= MIN_FEATURE_COUNT
    new_index = np.cumsum(kept) - 1
    rows = np.nonzero(present)[0]
    col = new_index[inverse]
    ok = kept[inverse]
    n, d = len(member), int(kept.sum())
    x = csr_matrix((np.ones(int(ok.sum())), (rows[ok], col[ok])), shape=(n, d))
    xt = x.T.tocsr()
    y = np.zeros((n, k))
    y[np.arange(n), member] = 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:d * (k - 1)].reshape(d, k - 1)
        b = theta[d * (k - 1):]
        s = np.zeros((n, k))
        s[:, 1:] = x @ w + b
        top = s.max(axis=1, keepdims=True)
        e = np.exp(s - top)
        z = e.sum(axis=1, keepdims=True)
        logp = s - top - np.log(z)
        value = -(weight * (logp * y).sum(axis=1)).sum() + 0.5 * L2 * (w * w).sum()
        g = (e / z - y) * weight[:, None]
        grad_w = xt @ g[:, 1:] + L2 * w
        return value, np.concatenate([grad_w.ravel(), g[:, 1:].sum(axis=0)])

    theta0 = np.zeros(d * (k - 1) + (k - 1))
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B",
                      options={"maxiter": LBFGS_ITERATIONS, "maxcor": 10})
    theta = result.x
    return Fitted(uniq[kept], theta[:d * (k - 1)].reshape(d, k - 1), theta[d * (k - 1):])


def probabilities(fitted: Fitted, keys: np.ndarray, k: int) -> np.ndarray:
    """Each member's probability at each occurrence, by the fitted weights (exact, unrounded)."""
    s = np.zeros((len(keys), k))
    s[:, 1:] = fitted.bias
    if len(fitted.keys):
        index = np.minimum(np.searchsorted(fitted.keys, keys), len(fitted.keys) - 1)
        found = (fitted.keys[index] == keys) & (keys != hm._MISSING)
        for m in range(1, k):
            s[:, m] += np.where(found, fitted.weights[index, m - 1], 0.0).sum(axis=1)
    s -= s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def train_sets(data: list[SetData], prep: Prepared) -> list[Fitted]:
    """Two stages: fit on everything, leave out the fan-fiction uses the fit finds very unlikely
    as written (probable slips), fit again."""
    fitted = []
    for s, cset in enumerate(prep.sets):
        keys, member, fanfic = data[s].arrays()
        k = len(cset.members)
        weight = np.ones(len(member))
        if len(member) == 0 or len(set(member.tolist())) < 2:
            fitted.append(Fitted(np.zeros(0, dtype=np.uint32), np.zeros((0, k - 1)), np.zeros(k - 1)))
            continue
        first = fit_set(keys, member, weight, k)
        p = probabilities(first, keys, k)[np.arange(len(member)), member]
        slips = fanfic & (p < CLEAN_BELOW)
        again = slips.sum() >= max(1, CLEAN_MIN_SHARE * len(member))
        fitted.append(fit_set(keys[~slips], member[~slips], weight[~slips], k) if again else first)
        if s % 50 == 0:
            log(f"set {s}/{len(prep.sets)} {cset.name}: {len(member)} uses, {int(slips.sum())} left out")
    return fitted


def priors(cset: ConfusionSet, bias: np.ndarray, prep: Prepared) -> list[float]:
    """The learnt intercepts corrected for subsampling; no member loses on frequency alone by
    more than PRIOR_CAP, and members marked `rare` start RARE_PRIOR behind."""
    raw = [0.0, *bias.tolist()]
    raw = [b + math.log(prep.keep_every.get(w, 1)) for b, w in zip(raw, cset.members, strict=True)]
    top = max(raw)
    return [top - RARE_PRIOR if w in cset.rare else max(b, top - PRIOR_CAP)
            for w, b in zip(cset.members, raw, strict=True)]


# -- the model file ------------------------------------------------------------------------------


def assemble(prep: Prepared, fitted: list[Fitted], thresholds: list[list[list[float]]],
             stricter: list[list[list[list[float]]]]) -> tuple[dict, dict[str, np.ndarray]]:
    hashes, values = [], []
    sets = []
    base = 0
    for s, (cset, fit) in enumerate(zip(prep.sets, fitted, strict=True)):
        k = len(cset.members)
        for m in range(1, k):
            q = np.round(fit.weights[:, m - 1] * hm.SCALE).clip(-127, 127).astype(np.int8)
            keep = np.abs(q.astype(np.int64)) >= MIN_WEIGHT
            hashes.append(hm.slot_hash(fit.keys[keep], np.full(int(keep.sum()), base + m)))
            values.append(q[keep])
        per_million = [1e6 * prep.counts[w] / max(prep.words, 1) for w in cset.members]
        prior = [round(p, 4) for p in priors(cset, fit.bias, prep)]
        sets.append({"members": list(cset.members), "prior": prior,
                     "thresholds": thresholds[s], "stricter": [level[s] for level in stricter],
                     "window": prep.windows[s], "column_base": base,
                     "rate": [round(r, 3) for r in per_million]})
        base += k
    all_hashes = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    all_values = np.concatenate(values) if values else np.zeros(0, dtype=np.int8)
    buckets, weights, dropped = hm.build_table(all_hashes, all_values)
    if dropped:
        log(f"{dropped} of {len(all_values)} weights left out of full buckets")
    header = {"format": 3, "vocab": prep.vocab, "sets": sets, "constraint_bonus": CONSTRAINT_BONUS}
    arrays = {name: prep.arrays[name] for name in hm.CLASS_ARRAYS}
    arrays.update(buckets=buckets, weights=weights)
    return header, arrays


def provisional_model(prep: Prepared, fitted: list[Fitted]) -> hm.Model:
    unset = [[[0.0] * len(c.members) for _ in c.members] for c in prep.sets]
    header, arrays = assemble(prep, fitted, unset, [])
    return hm.read_model(hm.serialize(header, arrays))


# -- thresholds ---------------------------------------------------------------------------------


@dataclass
class Curve:
    """One or more directions of a set (`written` put, `intended` suggested), scored on tune:
    per threshold of GRID, the false alarms and the slips caught."""

    set_index: int
    directions: list[tuple[int, int]]
    false_alarms: np.ndarray
    catches: np.ndarray
    exposure: float
    floor: float
    weight: float


def tune_margins(model: hm.Model, texts: list[Text], edited: EditedBigrams, reference: bool = False
                 ) -> tuple[list[list[tuple[int, np.ndarray, float]]], float]:
    """Per set, (written member, margin matrix: see `margin_matrix`, how much a finding there
    would be a false alarm) of each tune use, and the tune split's words. In the books every
    finding is a false alarm; in fan fiction the edited books judge it (`EditedBigrams.alarm_weight`).
    Fan fiction's words count FANFIC_ALARM_WEIGHT, as they always have: the budget stays the
    books' (the edited text is the source of truth), and fan fiction adds to it no more than
    before, now spent only on the findings the books say are false. `reference`: scored as the
    judge did before the word n-gram counts and the article check (see `shared_thresholds`)."""
    if not reference:
        return _tune_margins(model, texts, edited, reference)
    with without_ngrams():
        return _tune_margins(model, texts, edited, reference)


@contextmanager
def without_ngrams() -> Iterator[None]:
    """Score with the linear model alone (the judge before the word n-gram counts), then restore."""
    weight_was = ng.NGRAM_WEIGHT
    ng.NGRAM_WEIGHT = 0.0
    try:
        yield
    finally:
        ng.NGRAM_WEIGHT = weight_was


class TextUses(NamedTuple):
    """A tune text ready to score: its tokens, the confusion-set members in it and their encoding."""

    words: list[str]
    sentence: list[int]
    ids: np.ndarray
    new: np.ndarray
    token: np.ndarray
    set_index: np.ndarray
    written: np.ndarray
    enc: hm.Encoded
    n_words: int  # tokens that start with a letter, as the budget counts words


def text_uses(model: hm.Model, text: Text) -> TextUses | None:
    """The text's uses of confusion-set members, None when it has none."""
    words, sentence = text.flat()
    ids = hm.token_ids(words, model.vocab)
    new = hm.new_sentences(sentence)
    token, set_index, written = hm.occurrences(model, ids)
    if not len(token):
        return None
    enc = hm.encode(ids, new, model.classes)
    return TextUses(words, sentence, ids, new, token, set_index, written, enc,
                    sum(1 for w in words if w[0].isalpha()))


def _tune_margins(model: hm.Model, texts: list[Text], edited: EditedBigrams, reference: bool
                  ) -> tuple[list[list[tuple[int, np.ndarray, float]]], float]:
    found: list[list[tuple[int, np.ndarray, float]]] = [[] for _ in model.sets]
    words_total = 0.0
    for text in texts:
        uses = text_uses(model, text)
        if uses is None:
            continue
        words, sentence, ids, new, token, set_index, written, enc, n_words = uses
        scored = hm.score(model, enc, token, set_index, written)
        extra = manuscript_margins(model, accepted_uses(model, scored, words), n_words)
        matrices = margin_matrix(model, scored, words, sentence, extra, text.upos(), article=not reference)
        words_total += n_words * (FANFIC_ALARM_WEIGHT if text.fanfic else 1.0)
        left, right = neighbours(ids, new)
        for s, a, matrix, weight in weighted_uses(model, matrices, token, set_index, written, left, right,
                                                  edited, text.fanfic):
            found[s].append((a, matrix, weight))
    return found, words_total


def weighted_uses(model: hm.Model, matrices: np.ndarray, token: np.ndarray, set_index: np.ndarray,
                  written: np.ndarray, left: np.ndarray, right: np.ndarray, edited: EditedBigrams,
                  fanfic: bool, least_margin: float | None = None
                  ) -> Iterator[tuple[int, int, np.ndarray, float]]:
    """Each scored use as (set, written member, its [written, other] margin matrix, its weight as a false
    alarm): 1, or for fan fiction what the edited books say of its neighbours (`alarm_weight`), where
    its best rival is ahead by more than `least_margin` (always when None)."""
    for row in range(len(token)):
        s = int(set_index[row])
        members = model.sets[s].members
        k = len(members)
        a = int(written[row])
        matrix = matrices[row, :k, :k]
        weight = 1.0
        if fanfic and (least_margin is None or matrix[a].max() > least_margin):
            b = int(np.argmax(matrix[a]))
            t = int(token[row])
            weight = edited.alarm_weight(model.vocab[members[a]], model.vocab[members[b]],
                                         int(left[t]), int(right[t]))
        yield s, a, matrix, weight


def set_curves(s: int, uses: list[tuple[int, np.ndarray, float]], k: int, floor: float) -> list[Curve]:
    """The curves of every direction of a k-member set. A use of member a is a false alarm
    of a -> b when b is the member furthest ahead of a and clears the threshold (counting its
    weight: see `tune_margins`); it is a catch of w -> a (had w been written where a belongs)
    when a is furthest ahead of w."""
    grid = np.array(GRID)
    alarms: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    catches: dict[tuple[int, int], list[float]] = defaultdict(list)
    count: Counter[int] = Counter()
    for a, matrix, weight in uses:
        count[a] += 1
        best = int(np.argmax(matrix[a]))
        alarms[a, best].append((float(matrix[a, best]), weight))
        for slip in range(k):
            if slip != a and int(np.argmax(matrix[slip])) == a:
                catches[slip, a].append(float(matrix[slip, a]))
    catch_weight = min(1.0, SLIP_CAP / len(uses)) if uses else 0.0
    own, pooled = [], []
    for a in range(k):
        for b in range(k):
            if a == b:
                continue
            pairs = np.array(alarms[a, b]).reshape(-1, 2)
            ca = np.array(catches[a, b])
            false_alarms = (pairs[None, :, 1] * (pairs[None, :, 0] > grid[:, None])).sum(axis=1)
            caught = (ca[None, :] > grid[:, None]).sum(axis=1) / (k - 1) if len(ca) else np.zeros(len(grid))
            curve = Curve(s, [(a, b)], false_alarms.astype(float), caught.astype(float), count[a] / (k - 1),
                          floor, catch_weight)
            (own if count[a] >= DIRECTION_MIN_USES else pooled).append(curve)
    if pooled:  # too few uses for tune to vouch for a small margin (no alarm in 30 uses proves little)
        own.append(Curve(s, [d for c in pooled for d in c.directions], sum(c.false_alarms for c in pooled),
                         sum(c.catches for c in pooled), sum(c.exposure for c in pooled),
                         max(floor, MIN_THRESHOLD_RARE), catch_weight))
    return own


def expected_false_alarms(curves: list[Curve]) -> list[np.ndarray]:
    """Each curve's false alarms, shrunk towards the rate of all (a rare word with no false
    alarm in 30 uses has not shown that it never will)."""
    total = sum(c.exposure for c in curves) or 1.0
    pooled = sum(c.false_alarms for c in curves) / total
    m = PRIOR_OCCURRENCES
    return [c.exposure * (c.false_alarms + m * pooled) / (c.exposure + m) for c in curves]


def choose_thresholds(curves: list[Curve], words: float, per_10k: float) -> list[float]:
    """Per-curve thresholds that catch the most slips within `per_10k` false alarms per 10,000
    tune words, at one price per false alarm (found by bisection)."""
    return thresholds_within(curves, per_10k * words / 10000, f"{per_10k} per 10k")


def _pick(curves: list[Curve], alarms: list[np.ndarray], price: float) -> tuple[list[int], float]:
    """Each curve's best grid index at `price` per expected false alarm, and those alarms' total."""
    grid = np.array(GRID)
    chosen, total = [], 0.0
    for c, expected in zip(curves, alarms, strict=True):
        value = np.where(grid >= c.floor, c.weight * c.catches - price * expected, -np.inf)
        best = int(len(grid) - 1 - np.argmax(value[::-1] > value.max() - 1e-12))  # ties: the higher
        chosen.append(best)
        total += float(expected[best])
    return chosen, total


def _price(curves: list[Curve], alarms: list[np.ndarray], budget: float) -> float:
    """The lowest price per false alarm (bisected) at which the picks stay within `budget`."""
    low, high = 0.0, 1000.0
    for _ in range(60):
        mid = (low + high) / 2
        if _pick(curves, alarms, mid)[1] > budget:
            low = mid
        else:
            high = mid
    return high


def price_within(curves: list[Curve], budget: float) -> float:
    """The price per false alarm `thresholds_within` settles on for `budget`."""
    return _price(curves, expected_false_alarms(curves), budget)


def thresholds_within(curves: list[Curve], budget: float, label: str) -> list[float]:
    """Per-curve thresholds that catch the most slips within `budget` expected false alarms
    (the curves' own, shrunk among themselves), at one price per false alarm."""
    alarms = expected_false_alarms(curves)
    chosen, total = _pick(curves, alarms, _price(curves, alarms, budget))
    caught = sum(float(c.catches[j]) for c, j in zip(curves, chosen, strict=True))
    slips = sum(float(c.catches[0]) for c in curves)  # caught at the lowest threshold: an upper bound
    log(f"budget {label}: tune slips caught {caught:.0f} of {slips:.0f} reachable, "
        f"expected false alarms {total:.1f}")
    return [GRID[j] for j in chosen]


def thresholds_for(curves_by_set: list[list[Curve]], sets: Sequence[ConfusionSet], words: float,
                   per_10k: float) -> list[list[list[float]]]:
    flat = [c for curves in curves_by_set for c in curves]
    chosen = iter(choose_thresholds(flat, words, per_10k))
    matrices = []
    for cset, curves in zip(sets, curves_by_set, strict=True):
        k = len(cset.members)
        matrix = [[MAX_THRESHOLD] * k for _ in range(k)]
        for c in curves:
            t = next(chosen)
            for a, b in c.directions:
                matrix[a][b] = t
        matrices.append(matrix)
    return matrices


def _log_tune_alarms(uses: list[list[tuple[int, np.ndarray, float]]]) -> None:
    """How much the tune uses a suggestion is ahead of (by MIN_THRESHOLD) count as false alarms
    (1: every one in the books, and those of fan fiction the edited books vouch for)."""
    judged: Counter[float] = Counter()
    for set_uses in uses:
        for a, matrix, weight in set_uses:
            if matrix[a].max() > MIN_THRESHOLD:
                judged[weight] += 1
    log("tune uses a suggestion is ahead of, by false-alarm weight: "
        + ", ".join(f"{w}: {n}" for w, n in sorted(judged.items())))


def all_thresholds(model: hm.Model, tune: list[Text], sets: Sequence[ConfusionSet], edited: EditedBigrams
                   ) -> tuple[list[list[list[float]]], list[list[list[list[float]]]]]:
    uses, words = tune_margins(model, tune, edited)
    _log_tune_alarms(uses)
    curves = set_curves_all(uses, sets)
    budgets = (FALSE_ALARMS_PER_10K, *STRICTER_BUDGETS)
    levels = [thresholds_for(curves, sets, words, budget) for budget in budgets]
    for i in range(1, len(levels)):  # each level at least the one before
        levels[i] = [[[max(t, b) for t, b in zip(row, low, strict=True)]
                      for row, low in zip(m, lm, strict=True)]
                     for m, lm in zip(levels[i], levels[i - 1], strict=True)]
    return levels[0], levels[1:]


def set_curves_all(uses: list[list[tuple[int, np.ndarray, float]]], sets: Sequence[ConfusionSet]
                    ) -> list[list[Curve]]:
    """Each set's threshold curves from its tune uses; a set with a sparse common member gets the
    higher floor."""
    curves = []
    for s, cset in enumerate(sets):
        counts = Counter(a for a, _, _ in uses[s])
        common = [counts[m] for m, w in enumerate(cset.members) if w not in cset.rare]
        floor = MIN_THRESHOLD_SPARSE if min(common, default=0) < SPARSE_MEMBER else MIN_THRESHOLD
        curves.append(set_curves(s, uses[s], len(cset.members), floor))
    return curves


def _same_uses(now: list[tuple[int, np.ndarray, float]], before: list[tuple[int, np.ndarray, float]]) -> bool:
    return len(now) == len(before) and all(
        a == b and w == v and np.array_equal(m, n) for (a, m, w), (b, n, v) in zip(now, before, strict=True))


def _spent(curves: list[Curve], matrices: list[list[list[float]]]) -> float:
    """The expected false alarms (shrunk among `curves`) at the thresholds of `matrices`."""
    total = 0.0
    for c, expected in zip(curves, expected_false_alarms(curves), strict=True):
        a, b = c.directions[0]
        j = round((matrices[c.set_index][a][b] - MIN_THRESHOLD) / THRESHOLD_STEP)
        total += float(expected[min(max(j, 0), len(GRID) - 1)])
    return total


def shared_thresholds(model: hm.Model, header: dict, tune: list[Text], sets: Sequence[ConfusionSet],
                      edited: EditedBigrams) -> tuple[list[list[list[float]]], list[list[list[list[float]]]]]:
    """Thresholds for new evidence (the word n-gram counts, the article check) without moving the
    others: each set is scored on tune by the judge and by the reference judge (without either);
    a set whose tune margins are the same keeps the model file's thresholds, every level; the
    sets that changed share what the file's thresholds spent on them (their expected tune false
    alarms, as the reference judge scores them, shrunk among themselves) and choose again within
    it, at one price. (Choosing all together had moved the budget to the counted sets: their
    larger margins raised the pooled false-alarm rate, so quiet -> quite and though -> thought
    rose 4-7 nats with no new evidence.)"""
    uses, _ = tune_margins(model, tune, edited)
    _log_tune_alarms(uses)
    before, _ = tune_margins(model, tune, edited, reference=True)
    changed = [s for s in range(len(sets)) if not _same_uses(uses[s], before[s])]
    log(f"{len(changed)} sets scored differently on tune: " + ", ".join(sets[s].name for s in changed))
    now_curves = [c for cs in set_curves_all(uses, sets) for c in cs if c.set_index in changed]
    old_curves = [c for cs in set_curves_all(before, sets) for c in cs if c.set_index in changed]
    kept = [[[list(map(float, row)) for row in entry["thresholds"]] for entry in header["sets"]]]
    kept += [[[list(map(float, row)) for row in entry["stricter"][i]] for entry in header["sets"]]
             for i in range(len(STRICTER_BUDGETS))]
    levels = []
    for i, old in enumerate(kept):
        budget = _spent(old_curves, old)
        chosen = iter(thresholds_within(now_curves, budget, f"level {i}: {budget:.1f} of the changed sets"))
        matrices = [[list(row) for row in m] for m in old]
        for s in changed:
            k = len(sets[s].members)
            matrices[s] = [[MAX_THRESHOLD] * k for _ in range(k)]
        for c in now_curves:
            t = next(chosen)
            for a, b in c.directions:
                matrices[c.set_index][a][b] = t
        levels.append(matrices)
    for i in range(1, len(levels)):  # each level at least the one before
        levels[i] = [[[max(t, b) for t, b in zip(row, low, strict=True)]
                      for row, low in zip(m, lm, strict=True)]
                     for m, lm in zip(levels[i], levels[i - 1], strict=True)]
    return levels[0], levels[1:]


# -- the whole build -------------------------------------------------------------------------------


def train_texts(root: Path, cache: Path | None) -> Iterator[Text]:
    """Every TRAIN_EVERY-th text of the train split (books, then fan fiction)."""
    return itertools.islice(split_texts("train", root, cache), 0, None, TRAIN_EVERY)


def prepare(root: Path, cache: Path | None) -> tuple[Prepared, list[tuple[np.ndarray, np.ndarray, bool]]]:
    """Two passes over the train split: count the words (vocabulary, subsampling), then
    encode every text as ids."""
    sets = confusion_sets()
    members = {w for s in sets for w in s.members}
    counts: Counter[str] = Counter()
    for text in train_texts(root, cache):
        counts.update(text.flat()[0])
    vocab = build_vocab(counts, members)
    index = {w: i for i, w in enumerate(vocab)}
    log(f"vocabulary: {len(vocab)}")
    encoded = []
    tag_index = {t: i for i, t in enumerate(UPOS)}
    tag_counts = np.zeros((len(vocab), len(UPOS)), dtype=np.int64)
    for text in train_texts(root, cache):
        words, sentence = text.flat()
        ids = hm.token_ids(words, index)
        tags = np.array([tag_index.get(t.split("+")[0], len(UPOS) - 1) for t in text.upos()], dtype=np.int64)
        np.add.at(tag_counts, (ids, tags), 1)
        encoded.append((ids, hm.new_sentences(sentence), text.fanfic))
    log("tagged")
    cluster = word_clusters([(ids, new) for ids, new, _ in encoded], vocab)
    log("clusters done")
    lexical = lexical_classes(vocab, tag_counts)
    arrays = class_arrays(vocab, cluster, lexical)
    set_uses = [sum(counts[w] for w in s.members) for s in sets]
    keep_every = {w: max(1, math.ceil(counts[w] / MEMBER_CAP)) for w in members if counts[w] > MEMBER_CAP}
    words = sum(n for w, n in counts.items() if w[0].isalpha())
    is_member = np.zeros(len(vocab), dtype=bool)
    is_member[[index[w] for w in members]] = True
    prep = Prepared(vocab, arrays, classes_of(arrays), sets, [n < WINDOW_SETS_BELOW for n in set_uses],
                    keep_every, Counter({w: counts[w] for w in members}), words,
                    EditedBigrams.of(encoded, is_member))
    return prep, encoded


def build(root: Path, cache: Path | None) -> tuple[dict, dict[str, np.ndarray]]:
    log("reading train")
    prep, encoded = prepare(root, cache)
    log(f"extracting examples from {prep.words} words")
    data = extract(encoded, prep)
    del encoded
    log("fitting")
    fitted = train_sets(data, prep)
    del data
    model = provisional_model(prep, fitted)
    log("thresholds on tune")
    tune = list(split_texts("tune", root, cache))
    thresholds, stricter = all_thresholds(model, tune, prep.sets, prep.edited)
    return assemble(prep, fitted, thresholds, stricter)


def rethreshold(model_path: Path, root: Path, cache: Path | None, shared: bool = False
                ) -> tuple[dict, dict[str, np.ndarray]]:
    """A model file's weights with every threshold chosen again on tune by the current judge
    (slots, manuscript evidence). The weights do not depend on the judge, so when the file is
    what `build` makes of the same data this gives the bytes `build` would, in a fraction
    of the time (the fitting is skipped)."""
    raw = model_path.read_bytes()
    header, arrays = hm.model_parts(raw)  # the whole weight table, as `build` returns it
    model = hm.read_model(raw)
    sets = confusion_sets()
    if [list(s.members) for s in sets] != [s["members"] for s in header["sets"]]:
        raise SystemExit(f"{model_path}: its sets are not the data's; train it again in full")
    log("edited books of train")
    index = {w: i for i, w in enumerate(header["vocab"])}
    is_member = np.zeros(len(index), dtype=bool)
    is_member[[index[w] for s in sets for w in s.members]] = True
    encoded = []
    for text in train_texts(root, cache):
        if not text.fanfic:
            words, sentence = text.flat()
            encoded.append((hm.token_ids(words, index), hm.new_sentences(sentence), False))
    edited = EditedBigrams.of(encoded, is_member)
    del encoded
    log("thresholds on tune")
    tune = list(split_texts("tune", root, cache))
    if shared:
        thresholds, stricter = shared_thresholds(model, header, tune, sets, edited)
    else:
        thresholds, stricter = all_thresholds(model, tune, sets, edited)
    for s, entry in enumerate(header["sets"]):
        entry["thresholds"] = thresholds[s]
        entry["stricter"] = [level[s] for level in stricter]
    return header, arrays


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--cache", type=Path, default=None, help="keep the tokenized splits here")
    parser.add_argument("--out", type=Path, default=data_dir() / hm.MODEL_FILE)
    parser.add_argument("--thresholds-from", type=Path, default=None,
                        help="keep this model file's weights and choose only its thresholds again")
    parser.add_argument("--shared-budget", action="store_true",
                        help="with --thresholds-from: keep its thresholds where the n-gram counts and the "
                             "article check change no tune margin; the sets they change re-choose theirs "
                             "within what the file's thresholds spent on them (`shared_thresholds`)")
    args = parser.parse_args(argv)
    if args.shared_budget and not args.thresholds_from:
        parser.error("--shared-budget needs --thresholds-from (the model whose thresholds it shares)")
    if args.thresholds_from:
        header, arrays = rethreshold(args.thresholds_from, args.training, args.cache, args.shared_budget)
    else:
        header, arrays = build(args.training, args.cache)
    args.out.write_bytes(hm.write_model(header, arrays))
    log(f"{len(header['sets'])} sets, {int((arrays['weights'] != 0).sum())} weights -> {args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
