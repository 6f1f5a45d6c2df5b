"""Train the part-of-speech tagger (ficlint/data/tagger.bin); see ficlint/analysis/tagger.py.

    pip install lemminflect==0.2.3     # the dictionary of allowed tags, for building only
    python scripts/train_tagger.py ../shared/training [--out ficlint/data/tagger.bin]

Takes 13-15 minutes on a shared 2-core machine under load (load average 7-10), less on an idle one;
the word-class lexicon is the slowest part.

Data: the Universal Dependencies English Web Treebank (training/ud-ewt/, CC BY-SA 4.0): the model
is trained on train.conllu only; dev.conllu chose the settings below; test.conllu is for reporting
(scripts/eval_tagger.py). The lexicon of word classes comes from unlabelled fan fiction
(training/fanfic/, the first LEXICON_SHARDS shards).

Tokens: the treebank's words are re-tokenized the way ficlint reads text (tagger.TOKEN over the
sentence text rebuilt from the words and their SpaceAfter=No): a token that holds several words
("do"+"n't", "Harry"+"'s", "gon"+"na") gets the fused tag of its parts, and a word that ficlint
splits (URLs, "a.m.") gives its tag to each piece. Sentences with a pair of CONTRACTIONS ("you all",
"going to") are seen a second time with the pair contracted ("y'all", "gonna"): the treebank's web
text has them rarely or never. (Contracting "he is", "do not" too was tried: dev accuracy fell; so
did contracting a name and "is"/"has", "Harry's going", 95.10 -> 95.02 %, December 2026.)
Joint tags (UPOS|XPOS) seen fewer than MIN_TAG times map to their UPOS's commonest XPOS; fused tags
seen fewer than MIN_FUSED times are left out of training.

Model: pass 1 is a multinomial logistic regression over the features of tagger.type_features at
offsets -2..2, trained by Adagrad on mini-batches in a seeded order (EPOCHS passes), features seen
fewer than MIN_FEATURE times dropped. Pass 2 adds corrections indexed by the pass-1 tags of the
neighbours (pairs of tags; a neighbour's UPOS with the word's class, tagger.conjunction_class), a
logistic regression whose offset is the pass-1 score; its pass-1 tags come from FOLDS models each
trained without the fold it tags (stacking), so pass 2 learns from the errors pass 1 makes on
unseen text. Weights are stored as int8 in units of 1/SCALE, each feature's row shifted by its
median (no decision changes) and weights smaller than PRUNE dropped, as sparse rows.

Lexicon: every lowercase word seen LEXICON_MIN_COUNT times in the fan fiction, except the
TOP_WORDS commonest words of the treebank (it knows those; their classes would teach the model that
"Hermione", in the class of "she", is a pronoun), gets k-means classes (FINE_CLASSES and
COARSE_CLASSES) of its neighbour-word profile, the share of its mid-sentence uses that are
capitalised (tagger.CAPITAL_BUCKETS; the feature pairs it with how each use is written, lowercase,
Title or other: "Death", "Fist" capitalised mid-sentence, words fan fiction writes in lowercase, are
read as parts of names; UD dev 95.02 -> 95.10 %), and the set of Penn tags lemminflect's dictionary
allows it (lemminflect is needed to build the model, not to run it).

Tried and left out (December 2026, UD dev UPOS): adding 100,000 tokens of train-split fan fiction
tagged by a first model (self-training, "silver" data): 95.02 -> 94.92 %; 30,000 tokens with the
feature above: 95.10 -> 95.03 %.

Deterministic: sorted inputs, seeded orders, one thread, a gzip header without a time stamp: the
same data gives the same file, byte for byte.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import lzma  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from collections.abc import Iterable, Iterator, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lemminflect  # noqa: E402
import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from ficlint.analysis import tagger as T  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402

SEED = 15
EPOCHS = 5
BATCH = 1000
LEARNING_RATE = 0.1
MIN_FEATURE = 2
MIN_TAG = 20
MIN_FUSED = 3
FOLDS = 4
PAIR_EPOCHS = 4
PAIR_LEARNING_RATE = 0.2
SCALE = 50.0
PRUNE = 0.15
TOP_WORDS = 300
LEXICON_SHARDS = 25
LEXICON_MIN_COUNT = 5
CONTEXT_WORDS = 500
REDUCED_DIMENSIONS = 100
FINE_CLASSES = 512
COARSE_CLASSES = 64


# -- the treebank ------------------------------------------------------------
@dataclass
class UDWord:
    form: str
    upos: str
    xpos: str
    start: int
    end: int


@dataclass
class Sentence:
    doc: str
    sent_id: str
    text: str
    words: list[UDWord]


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences with each word's offsets in a text rebuilt from the forms and SpaceAfter=No."""
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        blocks = fh.read().split("\n\n")
    sentences, doc = [], ""
    for block in blocks:
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        sent_id = ""
        for line in lines:
            if line.startswith("# newdoc id = "):
                doc = line[len("# newdoc id = "):]
            elif line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = "):]
        rows = [line.split("\t") for line in lines if not line.startswith("#")]
        sentences.append(_rebuild(doc, sent_id, rows))
    return sentences


def _rebuild(doc: str, sent_id: str, rows: list[list[str]]) -> Sentence:
    text, words = "", []
    fused_end = 0  # the last word id of the multiword token being read
    pending: list[list[str]] = []
    surface = None
    for row in rows:
        ident = row[0]
        if "." in ident:
            continue
        if "-" in ident:
            first, last = (int(x) for x in ident.split("-"))
            fused_end, surface, pending = last, row, []
            continue
        if surface is not None and int(ident) <= fused_end:
            pending.append(row)
            if int(ident) == fused_end:
                start = len(text)
                text += surface[1]
                joined = "".join(r[1] for r in pending)
                at = start
                for part in pending:
                    if joined == surface[1]:
                        words.append(UDWord(part[1], part[3], part[4], at, at + len(part[1])))
                        at += len(part[1])
                    else:
                        words.append(UDWord(part[1], part[3], part[4], start, len(text)))
                if "SpaceAfter=No" not in surface[9]:
                    text += " "
                surface = None
            continue
        start = len(text)
        text += row[1]
        words.append(UDWord(row[1], row[3], row[4], start, len(text)))
        if "SpaceAfter=No" not in row[9]:
            text += " "
    return Sentence(doc, sent_id, text.rstrip(" "), words)


# Contractions of speech that the treebank (web text) has too rarely or never: a copy of each sentence
# with the two words written as one gives the fused word its parts' tags ("you all" -> "y'all").
CONTRACTIONS = {
    ("you", "all"): "y'all",
    ("going", "to"): "gonna",
    ("want", "to"): "wanna",
    ("got", "to"): "gotta",
    ("kind", "of"): "kinda",
    ("let", "me"): "lemme",
    ("out", "of"): "outta",
}
CONTRACTION_PARTS = {
    ("going", "to"): ("VBG", "TO"), ("want", "to"): ("VBP", "TO"), ("got", "to"): ("VBD", "TO"),
}


def contracted(sentences: list[Sentence]) -> list[Sentence]:
    """Copies of the sentences that hold a pair of CONTRACTIONS (with the parts' Penn tags of
    CONTRACTION_PARTS, where given), the first such pair written as its contraction."""
    copies = []
    for sentence in sentences:
        words = sentence.words
        for i in range(len(words) - 1):
            pair = (words[i].form.lower(), words[i + 1].form.lower())
            short = CONTRACTIONS.get(pair)
            wanted = CONTRACTION_PARTS.get(pair)
            if short is None or (wanted and wanted != (words[i].xpos, words[i + 1].xpos)):
                continue
            if words[i].form[0].isupper():
                short = short[0].upper() + short[1:]
            start, end = words[i].start, words[i + 1].end
            shift = len(short) - (end - start)
            moved = [UDWord(w.form, w.upos, w.xpos, w.start + shift, w.end + shift) for w in words[i + 2:]]
            fused = [UDWord(w.form, w.upos, w.xpos, start, start + len(short)) for w in words[i:i + 2]]
            text = sentence.text[:start] + short + sentence.text[end:]
            copies.append(Sentence(sentence.doc, sentence.sent_id + "-contracted", text,
                                   words[:i] + fused + moved))
            break
    return copies


@dataclass
class Token:
    form: str
    start: int
    end: int
    words: list[int]  # indices of the treebank words it overlaps


def align(sentence: Sentence) -> list[Token]:
    """ficlint's tokens of the sentence, each with the treebank words it overlaps."""
    tokens = []
    for m in T.TOKEN.finditer(sentence.text):
        start, end = m.span()
        covered = [i for i, w in enumerate(sentence.words) if w.start < end and start < w.end]
        if covered:
            tokens.append(Token(m.group(0), start, end, covered))
    return tokens


def token_label(sentence: Sentence, token: Token) -> str:
    parts = [sentence.words[i] for i in token.words]
    return "+".join(w.upos for w in parts) + "|" + "+".join(w.xpos for w in parts)


def expand(sentence: Sentence, tokens: list[Token], predicted: Sequence[T.Tag]) -> list[T.Tag | None]:
    """Per treebank word, the tag predicted for it: part j of a fused token's tag for its j-th word
    (the last part when the prediction has fewer parts); a word split over several tokens takes the
    tag of its first token that holds a letter or digit, else its first token."""
    out: list[T.Tag | None] = [None] * len(sentence.words)
    chosen: list[bool] = [False] * len(sentence.words)
    for token, tag in zip(tokens, predicted, strict=True):
        parts = tag.parts
        wordy = any(c.isalnum() for c in token.form)
        for j, w in enumerate(token.words):
            part = parts[min(j, len(parts) - 1)]
            if out[w] is None or (wordy and not chosen[w]):
                out[w] = part
                chosen[w] = chosen[w] or wordy
    return out


# -- labels --------------------------------------------------------------------
def label_map(sentences: list[Sentence]) -> dict[str, str]:
    """Rare joint tags -> the commonest XPOS of their UPOS."""
    pairs = Counter((w.upos, w.xpos) for s in sentences for w in s.words)
    best: dict[str, tuple[int, str]] = {}
    for (upos, xpos), count in sorted(pairs.items()):
        if count > best.get(upos, (0, ""))[0]:
            best[upos] = (count, xpos)
    return {f"{u}|{x}": (f"{u}|{x}" if c >= MIN_TAG else f"{u}|{best[u][1]}") for (u, x), c in pairs.items()}


def canonical(label: str, single: dict[str, str]) -> str:
    upos, xpos = label.split("|")
    pairs = zip(upos.split("+"), xpos.split("+"), strict=True)
    parts = [single.get(f"{u}|{x}", f"{u}|{x}") for u, x in pairs]
    return "+".join(p.split("|")[0] for p in parts) + "|" + "+".join(p.split("|")[1] for p in parts)


# -- features ------------------------------------------------------------------
class Corpus:
    """Aligned sentences as arrays: token type ids with padding, labels, documents."""

    def __init__(self, sentences: list[Sentence], tag_index: dict[str, int] | None, single: dict[str, str]):
        self.sentences = sentences
        self.tokens = [align(s) for s in sentences]
        self.type_index: dict[str, int] = {T.PAD: 0}
        padded, where, labels, docs = [], [], [], []
        for sentence, tokens in zip(sentences, self.tokens, strict=True):
            keys = T.sentence_keys([t.form for t in tokens], [0])
            padded += [0, 0]
            for key, token in zip(keys, tokens, strict=True):
                where.append(len(padded))
                padded.append(self.type_index.setdefault(key, len(self.type_index)))
                label = canonical(token_label(sentence, token), single)
                labels.append(-1 if tag_index is None else tag_index.get(label, -1))
                docs.append(sentence.doc)
        padded += [0, 0]
        self.padded = np.asarray(padded, np.intp)
        self.where = np.asarray(where, np.intp)
        self.labels = np.asarray(labels, np.intp)
        self.docs = docs
        self.keys = list(self.type_index)


def raw_labels(corpus: Corpus, single: dict[str, str]) -> list[str]:
    return [canonical(token_label(s, t), single)
            for s, tokens in zip(corpus.sentences, corpus.tokens, strict=True) for t in tokens]


class FeatureSpace:
    """Per offset, the features kept and a (types x features) matrix for any list of type keys."""

    def __init__(self, corpus: Corpus, lexicon: dict[str, tuple[int, int, int, int]]):
        self.lexicon = lexicon
        counts: dict[int, Counter] = {o: Counter() for o in T.OFFSETS}
        feats = [T.type_features(k, lexicon) for k in corpus.keys]
        for offset in T.OFFSETS:
            uses = np.bincount(corpus.padded[corpus.where + offset], minlength=len(corpus.keys))
            for type_id, f in enumerate(feats):
                if uses[type_id]:
                    for name in f[abs(offset)]:
                        counts[offset][name] += int(uses[type_id])
        self.vocab = {o: sorted(n for n, c in counts[o].items() if c >= MIN_FEATURE) for o in T.OFFSETS}
        self.index = {o: {n: i for i, n in enumerate(self.vocab[o])} for o in T.OFFSETS}

    def type_matrix(self, keys: list[str], offset: int) -> sp.csr_matrix:
        index = self.index[offset]
        indptr, indices = [0], []
        for key in keys:
            found = sorted({index[n] for n in T.type_features(key, self.lexicon)[abs(offset)] if n in index})
            indices += found
            indptr.append(len(indices))
        data = np.ones(len(indices), np.float32)
        return sp.csr_matrix((data, np.asarray(indices, np.int64), np.asarray(indptr, np.int64)),
                             shape=(len(keys), len(index)))

    def design(self, corpus: Corpus) -> sp.csr_matrix:
        """Tokens x (features of every offset), offset blocks side by side in OFFSETS order."""
        blocks = []
        for offset in T.OFFSETS:
            types = self.type_matrix(corpus.keys, offset)
            blocks.append(types[corpus.padded[corpus.where + offset]])
        return sp.hstack(blocks, format="csr", dtype=np.float32)

    @property
    def widths(self) -> list[int]:
        return [len(self.vocab[o]) for o in T.OFFSETS]


# -- training ------------------------------------------------------------------
def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(1, keepdims=True)
    return z


def train_logistic(x: sp.csr_matrix, y: np.ndarray, n_tags: int, epochs: int, rate: float,
                   offset: np.ndarray | None = None, seed: int = SEED, average: bool = False) -> np.ndarray:
    """Multinomial logistic regression by Adagrad on mini-batches: weights (features x tags);
    rows with y < 0 are skipped. `offset` is added to the scores (stacking). With `average`, the
    mean of the weights after each batch of the last epoch (steadier on unseen text)."""
    keep = np.flatnonzero(y >= 0)
    weights = np.zeros((x.shape[1], n_tags), np.float64)
    squares = np.full_like(weights, 1e-8)
    rng = np.random.default_rng(seed)
    total, batches = np.zeros_like(weights), 0
    for epoch in range(epochs):
        order = keep[rng.permutation(len(keep))]
        for b in range(0, len(order), BATCH):
            rows = np.sort(order[b:b + BATCH])
            xb = x[rows]
            used, local = np.unique(xb.indices, return_inverse=True)
            xs = sp.csr_matrix((xb.data, local.ravel(), xb.indptr), shape=(len(rows), len(used)))
            scores = xs @ weights[used]
            if offset is not None:
                scores += offset[rows]
            probs = softmax(scores)
            probs[np.arange(len(rows)), y[rows]] -= 1.0
            grad = np.asarray(xs.T @ probs)
            squares[used] += grad * grad
            weights[used] -= rate * grad / np.sqrt(squares[used])
            if average and epoch == epochs - 1:
                total += weights
                batches += 1
    return total / batches if average else weights


class Stacking:
    """Pass 2's features: pairs of neighbouring pass-1 tags, and a neighbour's UPOS with the word's
    class (tagger.conjunction_class); blocks lr, ll, rr, lc, cr as the tagger adds them."""

    def __init__(self, tags: list[str], corpus: Corpus, lexicon: dict[str, tuple[int, int, int, int]],
                 top: list[str]):
        parts = [(t.split("|")[0].split("+")) for t in tags]
        upos = sorted({u for p in parts for u in p})
        index = {u: i for i, u in enumerate(upos)}
        self.n_tags = len(tags)
        self.n_upos = len(upos) + 1
        self.left_upos = np.asarray([index[p[-1]] for p in parts] + [len(upos)], np.intp)
        self.right_upos = np.asarray([index[p[0]] for p in parts] + [len(upos)], np.intp)
        top_index = {w: i for i, w in enumerate(top)}
        self.n_classes = len(top) + FINE_CLASSES + len(T.CASES)
        type_class = np.asarray([T.conjunction_class(k, lexicon, top_index, FINE_CLASSES)
                                 for k in corpus.keys])
        self.classes = type_class[corpus.padded[corpus.where]]
        width = self.n_tags + 1
        self.blocks = {"lr": width * width, "ll": width * width, "rr": width * width,
                       "lc": self.n_upos * self.n_classes, "cr": self.n_classes * self.n_upos}

    def design(self, first: np.ndarray, corpus: Corpus) -> sp.csr_matrix:
        width = self.n_tags + 1
        tags = np.full(len(corpus.padded), self.n_tags, np.intp)
        tags[corpus.where] = first
        w = corpus.where
        left, left2, right, right2 = tags[w - 1], tags[w - 2], tags[w + 1], tags[w + 2]
        columns = [left * width + right, left2 * width + left, right * width + right2,
                   self.left_upos[left] * self.n_classes + self.classes,
                   self.classes * self.n_upos + self.right_upos[right]]
        base = 0
        for name, column in zip(self.blocks, columns, strict=True):
            column += base
            base += self.blocks[name]
        cols = np.stack(columns, axis=1)
        n, k = cols.shape
        return sp.csr_matrix((np.ones(n * k, np.float32), cols.ravel(), np.arange(0, n * k + 1, k)),
                             shape=(n, base))

    def split(self, weights: np.ndarray) -> dict[str, np.ndarray]:
        out, at = {}, 0
        for name, size in self.blocks.items():
            out[name] = weights[at:at + size]
            at += size
        return out


def top_words(corpus: Corpus) -> list[str]:
    keys = (corpus.keys[t] for t in corpus.padded[corpus.where])
    counts = Counter(T.normalise(k.lstrip(T.INITIAL)).lower() for k in keys)
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_WORDS]]


def fold_of(docs: list[str]) -> np.ndarray:
    names = sorted(set(docs))
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(names))
    fold = {names[i]: k % FOLDS for k, i in enumerate(order)}
    return np.asarray([fold[d] for d in docs], np.intp)


def quantise(weights: np.ndarray) -> np.ndarray:
    """int8 weights in units of 1/SCALE: each feature's row shifted by its median (the same shift
    for every tag changes no decision), weights under PRUNE in size dropped."""
    centred = weights - np.median(weights, axis=1, keepdims=True)
    centred[np.abs(centred) < PRUNE] = 0.0
    return np.clip(np.rint(centred * SCALE), -127, 127).astype(np.int8)


# -- the word-class lexicon ------------------------------------------------------
_LEXICON_TOKEN = re.compile(rf"{T.WORD.pattern}|[.!?\"“”‘\n]")
_SENTENCE_BREAK = frozenset('.!?"“”‘\n')


def read_fanfic(training: Path) -> Iterator[str]:
    for path in sorted((training / "fanfic").glob("*.txt.xz"))[:LEXICON_SHARDS]:
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            yield fh.read()


def build_lexicon(training: Path) -> dict[str, tuple[int, int, int, int]]:
    """lowercase word -> (fine class, coarse class, capitalised-share bucket) for the words seen
    LEXICON_MIN_COUNT times in the fan fiction."""
    forms: defaultdict[str, int] = defaultdict()  # lowercase form -> id, in order of first use
    forms.default_factory = forms.__len__
    cased: defaultdict[str, int] = defaultdict()
    cased.default_factory = cased.__len__
    chunks, cased_chunks = [], []
    for text in read_fanfic(training):
        lowered = _LEXICON_TOKEN.findall(text.replace("’", "'").lower())
        chunks.append(np.fromiter(map(forms.__getitem__, lowered), np.int32, len(lowered)))
        found = _LEXICON_TOKEN.findall(text)
        cased_chunks.append(np.fromiter(map(cased.__getitem__, found), np.int32, len(found)))
    ids_all = np.concatenate(chunks)
    capital = np.asarray([form[:1].isupper() for form in cased], bool)[np.concatenate(cased_chunks)]
    del chunks, cased_chunks
    words = list(forms)
    counts_all = np.bincount(ids_all, minlength=len(words))
    breaks_ids = np.asarray([forms[b] for b in _SENTENCE_BREAK if b in forms], np.int32)
    vocab = sorted(w for w, c in zip(words, counts_all.tolist(), strict=True)
                   if c >= LEXICON_MIN_COUNT and w not in _SENTENCE_BREAK)
    index = {w: i for i, w in enumerate(vocab)}
    to_vocab = np.full(len(words), -1, np.int64)
    to_vocab[[forms[w] for w in vocab]] = np.arange(len(vocab))
    ids = to_vocab[ids_all]
    # capitalised share of the uses that follow neither sentence end nor quotation mark
    breaks = np.isin(ids_all, breaks_ids)
    mid = np.zeros(len(ids), bool)
    mid[1:] = ~breaks[:-1]
    use = mid & (ids >= 0)
    mid_count = np.bincount(ids[use], minlength=len(vocab))
    cap_count = np.bincount(ids[use & capital], minlength=len(vocab))
    order = sorted(range(len(words)), key=lambda i: (-counts_all[i], words[i]))
    contexts = [words[i] for i in order if words[i] not in _SENTENCE_BREAK][:CONTEXT_WORDS]
    to_context = np.full(len(words), -1, np.int64)
    to_context[[forms[w] for w in contexts]] = np.arange(len(contexts))
    cids = to_context[ids_all]
    # neighbour profiles over the CONTEXT_WORDS commonest words, left and right
    width = 2 * len(contexts)
    rows, cols = [], []
    for word, ctx, base in ((ids[1:], cids[:-1], 0), (ids[:-1], cids[1:], len(contexts))):
        ok = (word >= 0) & (ctx >= 0)
        rows.append(word[ok])
        cols.append(base + ctx[ok])
    row, col = np.concatenate(rows), np.concatenate(cols)
    profile = sp.csr_matrix((np.ones(len(row)), (row, col)), shape=(len(vocab), width))
    profile.sum_duplicates()
    totals = np.asarray(profile.sum(1)).ravel() + 1e-9
    profile = sp.diags(1 / totals) @ profile
    profile.data = np.sqrt(profile.data)  # Hellinger distance: rare contexts count
    values, vectors = np.linalg.eigh((profile.T @ profile).toarray())
    reduced = np.asarray(profile @ vectors[:, -REDUCED_DIMENSIONS:])
    fine = kmeans(reduced, FINE_CLASSES)
    coarse = kmeans(reduced, COARSE_CLASSES)
    lexicon = {}
    for w, i in sorted(index.items()):
        share = cap_count[i] / mid_count[i] if mid_count[i] >= 5 else -1.0
        bucket = 0 if share < 0 else 1 + sum(share > b for b in T.CAPITAL_BUCKETS)
        lexicon[w] = (int(fine[i]), int(coarse[i]), bucket, allowed_class(w))
    return lexicon


def allowed_tags(word: str) -> str:
    """The Penn Treebank tags lemminflect's dictionary allows a lowercase word, "+"-joined
    ("led": VBD+VBN), or "" for a word it does not know."""
    found = set()
    for upos, lemmas in lemminflect.getAllLemmas(word).items():
        for lemma in lemmas:
            for tag, forms in lemminflect.getAllInflections(lemma, upos).items():
                if word in forms:
                    found.add(tag)
    return "+".join(sorted(found))


_ALLOWED: dict[str, int] = {}


def allowed_class(word: str) -> int:
    """A number for the set of tags the dictionary allows the word (numbered in order of first sight;
    the words are seen in sorted order, so the numbers are the same on every run)."""
    return _ALLOWED.setdefault(allowed_tags(word), len(_ALLOWED))


def kmeans(x: np.ndarray, k: int, iterations: int = 20) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    centres = x[np.sort(rng.choice(len(x), k, replace=False))].copy()
    assign = np.zeros(len(x), np.intp)
    norms = (x * x).sum(1)
    for _ in range(iterations):
        dist = norms[:, None] - 2 * x @ centres.T + (centres * centres).sum(1)[None, :]
        assign = dist.argmin(1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        sizes = np.bincount(assign, minlength=k)
        filled = sizes > 0
        centres[filled] = sums[filled] / sizes[filled, None]
    return assign


# -- the whole build ------------------------------------------------------------
def build(training: Path, out: Path) -> None:
    started = time.time()

    def log(message: str) -> None:
        print(f"{message} ({time.time() - started:.0f} s)", file=sys.stderr)

    train = read_conllu(training / "ud-ewt" / "train.conllu.xz")
    train += contracted(train)
    single = label_map(train)
    probe = Corpus(train, None, single)
    top = top_words(probe)
    # the treebank knows its commonest words well; word classes are for the rest (they would teach
    # the model that a name is a pronoun: "Hermione" has the neighbours of "she")
    lexicon = {w: c for w, c in build_lexicon(training).items() if w not in set(top)}
    log(f"lexicon: {len(lexicon)} words")
    label_counts = Counter(raw_labels(probe, single))
    tags = sorted(lab for lab, c in label_counts.items() if "+" not in lab or c >= MIN_FUSED)
    corpus = Corpus(train, {t: i for i, t in enumerate(tags)}, single)
    space = FeatureSpace(corpus, lexicon)
    x = space.design(corpus)
    y = corpus.labels
    log(f"{len(tags)} tags, {x.shape[0]} tokens, {x.shape[1]} features")
    folds = fold_of(corpus.docs)
    stacked = np.zeros((len(y), len(tags)))
    for k in range(FOLDS):
        inside = folds != k
        w = train_logistic(x, np.where(inside, y, -1), len(tags), EPOCHS, LEARNING_RATE, seed=SEED + k)
        rows = np.flatnonzero(~inside)
        stacked[rows] = x[rows] @ w
        log(f"fold {k + 1}/{FOLDS}")
    weights = quantise(train_logistic(x, y, len(tags), EPOCHS, LEARNING_RATE))
    log("pass 1")
    stacking = Stacking(tags, corpus, lexicon, top)
    second = stacking.design(stacked.argmax(1), corpus)
    second_weights = train_logistic(second, y, len(tags), PAIR_EPOCHS, PAIR_LEARNING_RATE, offset=stacked)
    log("pass 2")
    header, arrays = model_parts(space, tags, lexicon, weights, stacking.split(quantise(second_weights)))
    header["top"] = top
    header["fine_classes"] = FINE_CLASSES
    T.write_model(str(out), header, arrays)
    log(f"wrote {out} ({out.stat().st_size:,} bytes)")


def model_parts(space: FeatureSpace, tags: list[str], lexicon: dict[str, tuple[int, int, int, int]],
                weights: np.ndarray, second: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """Keep the features with a non-zero weight; one list of them, and per offset the row of each."""
    blocks, kept = {}, {}
    at = 0
    for offset, width in zip(T.OFFSETS, space.widths, strict=True):
        block = weights[at:at + width]
        at += width
        keep = np.flatnonzero(np.abs(block).max(1) > 0)
        kept[offset] = [space.vocab[offset][i] for i in keep]
        blocks[offset] = np.ascontiguousarray(block[keep])
    features = sorted(set().union(*kept.values()))
    index = {f: i for i, f in enumerate(features)}
    arrays: dict[str, np.ndarray] = {}
    for offset in T.OFFSETS:
        has_row = np.zeros(len(features), np.uint8)
        has_row[[index[f] for f in kept[offset]]] = 1
        order = np.argsort([index[f] for f in kept[offset]], kind="stable")
        arrays[f"r{offset}"] = has_row
        arrays.update(T.sparse_parts(f"w{offset}", blocks[offset][order]))
    for name, w in second.items():
        arrays.update(T.sparse_parts(name, w))
    words = sorted(lexicon)
    for i, (name, dtype) in enumerate((("fine", np.uint16), ("coarse", np.uint8), ("capital", np.uint8),
                                       ("allowed", np.uint16))):
        arrays[name] = np.asarray([lexicon[w][i] for w in words], dtype)
    header = {"tags": tags, "features": features, "scale": SCALE, "lexicon": "\n".join(words)}
    return header, arrays


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("training", type=Path, help="the shared training folder (holds ud-ewt/, fanfic/)")
    parser.add_argument("--out", type=Path, default=data_dir() / T.MODEL_FILE)
    args = parser.parse_args(argv)
    build(args.training, args.out)


if __name__ == "__main__":
    main()
