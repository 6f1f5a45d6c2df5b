"""The context model of H001: its features, its trained weights and how it scores a document.

scripts/train_homophones.py imports the features from here, so the shipped model
(ficlint/data/homophones.bin) and the rule always agree; after changing a feature,
retrain.

For each confusion set (ficlint/analysis/confusables.py) a multinomial logistic
regression tells its members apart by the words around an occurrence, the feature set
of the classic context-sensitive spelling work (Golding and Roth), learnt from ~34
million words of books and fan fiction. The features of the token at i, all read from
the analysis layer's tokens of its sentence (the word itself never):

- the words around it: one and two to the left, one and two to the right, the pairs
  on either side and the pair around it (`they _ the`);
- the same with words replaced by their word classes: a distributional class (one of
  CLUSTERS k-means clusters of the commonest words by their neighbours) and a lexical
  class (the parts of speech a word can have: "old" an adjective or a noun, "led" a
  past verb), alone, in pairs and in threes, and mixed with words (`the <adj> _`);
- the classes of the words 2-6 places either side, up to the nearest punctuation:
  "where" opens a clause with a verb of its own ("where the jewels are hidden"),
  "were" is that verb;
- how many words precede it in its sentence (0-3), whether the sentence ends with a
  question mark, whether its clause already has a past-tense verb in -ed ("starred
  into her eyes threw the vanity" reads "through"), the endings of the neighbours
  (-ed, -ly) and whether the next word starts with a vowel (an/and);
- for the sets of rarer content words only, the words within five tokens either side
  (reign/rain, desert/dessert).

The classes of neighbouring words are the word's own, not its tag in this sentence: a
slip changes how a tagger reads the words around it ("they house" makes "house" a
verb), and the model must see the same context whether the writer slipped or not.

Weights are stored as one hash table of (feature, set, member) -> weight in 16ths of a
nat, in buckets of four 16-bit fingerprints (see `lookup`), so scoring a document is a
few numpy gathers and bit operations: all the candidates of a document at once.
"""

from __future__ import annotations

import gzip
import json
import math
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ficlint.resources import data_dir
from ficlint.rules.homophones import _ngrams

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "homophones.bin"
WINDOW = 5  # words either side for the bag-of-words features of the rarer sets
PAD = "<s>"  # stands for the world outside the sentence
CONTEXT = 6  # pad tokens between sentences: no feature looks further
SCALE = 16  # weights in 16ths of a nat
_MISSING = 0  # a feature key that is not there (no window word, a bag cut short)

# punctuation as the model sees it: a class per kind of mark
_PUNCT_CLASS = {".": ".", "!": "!", "?": "?", "…": "…", ",": ",", ";": ",", ":": ",", "-": "-", "—": "-",
                "–": "-", '"': '"', "“": '"', "”": '"', "«": '"', "»": '"', "'": "'", "‘": "'", "’": "'",
                "(": "(", ")": "(", "[": "(", "]": "("}
APOSTROPHE = "'"  # the class of ' ‘ ’: single quotes, and the apostrophe of an elision ("an'", "goin'")
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
CLAUSE_BREAKS = frozenset({"and", "but", "or", "nor", "that", "which", "who", "whom", "when", "while", "as",
                           "if", "because", "though", "although", "till", "until", "where", "whose"})


def vocab_key(token: str) -> str:
    """What a token is looked up as: a word as itself (lowercased), a number as "#",
    punctuation by its kind (". ! ? … , - \" ( *")."""
    first = token[0]
    if first.isalpha():
        return token
    if first.isdigit():
        return "#"
    if first == "." and len(token) > 1:
        return "…"
    return _PUNCT_CLASS.get(first, "*")


def unknown_key(word: str) -> str:
    """The stand-in for a word outside the vocabulary: its last two letters."""
    return "~" + word[-2:] if len(word) > 3 else "~"


def token_ids(words: Sequence[str], vocab: dict[str, int]) -> np.ndarray:
    """The vocabulary id of every (lowercased) token."""
    import numpy as np

    get = vocab.get
    found = list(map(get, words))
    for j in [j for j, got in enumerate(found) if got is None]:
        key = vocab_key(words[j])
        found[j] = get(unknown_key(key) if key == words[j] else key, 0)
    return np.array(found, dtype=np.int64)


# -- encoding a document -------------------------------------------------------------


@dataclass
class Classes:
    """What the model knows of each vocabulary id."""

    cluster: np.ndarray  # distributional class
    lexical: np.ndarray  # the parts of speech the word can have (an index into the model's list)
    suffix: np.ndarray  # its last two letters (an index)
    initial: np.ndarray  # 0 a mark, 1 a vowel, 2 h, 3 another consonant
    is_mark: np.ndarray  # punctuation or the pad: ends a bag of classes
    is_end: np.ndarray  # a mark that may end a sentence
    asks: np.ndarray  # a question mark
    breaks: np.ndarray  # a mark or a conjunction: ends a clause
    past_like: np.ndarray  # a word of more than four letters in -ed


@dataclass
class Encoded:
    """A document's tokens as the model reads them, with CONTEXT pad tokens before,
    between and after sentences: word ids, and the few per-token facts the features
    need. `at[j]` is where token j of the document sits."""

    ids: np.ndarray  # vocabulary id per padded position
    at: np.ndarray  # padded position of each document token
    words_before: np.ndarray  # per document token: words before it in its sentence (0-3)
    question: np.ndarray  # per document token: the next sentence end is a question mark
    past_verb: np.ndarray  # per document token: its clause already has a verb in -ed


def new_sentences(sentence: Sequence[int]) -> np.ndarray:
    """Whether each token opens a sentence, from the tokens' sentence indices."""
    import numpy as np

    sent = np.asarray(sentence, dtype=np.int64)
    new = np.ones(len(sent), dtype=bool)
    if len(sent):
        new[1:] = sent[1:] != sent[:-1]
    return new


def encode(ids: np.ndarray, new: np.ndarray, cls: Classes) -> Encoded:
    """`ids`: the tokens' vocabulary ids; `new`: whether each opens a sentence."""
    import numpy as np

    n = len(ids)
    rank = np.cumsum(new)  # 1-based sentence rank
    at = np.arange(n, dtype=np.int64) + CONTEXT * rank
    padded = np.zeros(n + CONTEXT * (int(rank[-1]) + 1 if n else 1), dtype=np.int64)
    padded[at] = ids
    is_word = ~cls.is_mark[ids]
    return Encoded(padded, at, _words_before(is_word, new), _question_ahead(ids, cls), _past_verb(ids, cls))


def _words_before(is_word: np.ndarray, new: np.ndarray) -> np.ndarray:
    import numpy as np

    if not len(is_word):
        return np.zeros(0, dtype=np.int64)
    count = np.cumsum(is_word) - is_word  # words before each token in the document
    first = np.maximum.accumulate(np.where(new, np.arange(len(is_word)), 0))
    return np.minimum(count - count[first], 3)


def _question_ahead(ids: np.ndarray, cls: Classes) -> np.ndarray:
    """Whether the next sentence-ending mark after each token is a question mark."""
    import numpy as np

    ends = np.nonzero(cls.is_end[ids])[0]
    asks = np.append(cls.asks[ids[ends]], False)
    return asks[np.searchsorted(ends, np.arange(len(ids)) + 1)]


def _past_verb(ids: np.ndarray, cls: Classes) -> np.ndarray:
    """Whether the clause before each token (back to a mark or a conjunction, at most 8
    tokens) already has a past-tense verb in -ed: a second verb there is unlikely."""
    import numpy as np

    n = len(ids)
    if not n:
        return np.zeros(0, dtype=bool)
    idx = np.arange(n)
    last_barrier = np.maximum.accumulate(np.where(cls.breaks[ids], idx, -1))
    last_past = np.maximum.accumulate(np.where(cls.past_like[ids], idx, -1))
    before_barrier = np.r_[-1, last_barrier[:-1]]
    before_past = np.r_[-1, last_past[:-1]]
    return (before_past > before_barrier) & (idx - before_past <= 8)


# -- features ------------------------------------------------------------------------


_K = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
N_LOCAL = 40  # features per occurrence, before the window


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every bit of the key reaches every bit of the hash."""
    import numpy as np

    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _key(template: int, *parts: np.ndarray) -> np.ndarray:
    """The 32-bit key of a feature: its template and the ids it is made of (never _MISSING)."""
    import numpy as np

    acc = np.uint64((template + 1) * _K[0] % 2**64)
    for k, part in enumerate(parts):
        acc = acc + part.astype(np.uint64) * np.uint64(_K[(k + 1) % 4])
    key = (_mix(acc) >> np.uint64(32)).astype(np.uint32)
    key[key == _MISSING] = 1
    return key


def _keys(specs: Sequence[tuple[int, tuple[np.ndarray, ...]]]) -> list[np.ndarray]:
    """`_key(template, *parts)` of each (template, parts), worked out together for the specs
    with the same number of parts: a document's features in a few numpy passes, not a few
    hundred small ones."""
    import numpy as np

    found: list[np.ndarray] = [np.empty(0, dtype=np.uint32)] * len(specs)
    by_arity: dict[int, list[int]] = {}
    for i, (_, parts) in enumerate(specs):
        by_arity.setdefault(len(parts), []).append(i)
    for arity, chosen in sorted(by_arity.items()):
        acc = np.array([(specs[i][0] + 1) * _K[0] % 2**64 for i in chosen], dtype=np.uint64)[:, None]
        for k in range(arity):
            part = np.stack([specs[i][1][k] for i in chosen]).astype(np.uint64)
            acc = acc + part * np.uint64(_K[(k + 1) % 4])
        key = (_mix(acc) >> np.uint64(32)).astype(np.uint32)
        key[key == _MISSING] = 1
        for row, i in enumerate(chosen):
            found[i] = key[row]
    return found


def local_features(enc: Encoded, positions: np.ndarray, cls: Classes) -> np.ndarray:
    """The N_LOCAL feature keys of the document tokens at `positions` (rows), uint32."""
    import numpy as np

    p = enc.at[positions]
    ids = enc.ids
    near = {d: ids[p + d] for d in (-3, -2, -1, 1, 2, 3)}  # each neighbour's ids and classes read once
    clusters = {d: cls.cluster[near[d]] for d in near}
    lexical = {d: cls.lexical[near[d]] for d in (-2, -1, 1, 2)}

    def w(d: int) -> np.ndarray:
        return near[d]

    def c(d: int) -> np.ndarray:
        return clusters[d]

    def x(d: int) -> np.ndarray:
        return lexical[d]

    specs = [
        (1, (w(-1),)), (2, (w(1),)), (3, (w(-2), w(-1))), (4, (w(1), w(2))), (5, (w(-1), w(1))),
        (6, (w(-2),)), (7, (w(2),)),
        (8, (c(-1),)), (9, (c(1),)), (10, (c(-2), c(-1))), (11, (c(1), c(2))), (12, (c(-1), c(1))),
        (13, (c(-3), c(-2), c(-1))), (14, (c(1), c(2), c(3))),
        (15, (c(-2), w(-1))), (16, (w(1), c(2))), (17, (w(-1), c(1))), (18, (c(-1), w(1))),
        (19, (x(-1),)), (20, (x(1),)), (21, (x(-2), x(-1))), (22, (x(1), x(2))), (23, (x(-1), x(1))),
        (24, (enc.words_before[positions],)), (25, (enc.question[positions],)),
        (26, (enc.past_verb[positions],)), (27, (enc.past_verb[positions], c(1))),
        (28, (cls.suffix[w(-1)],)), (29, (cls.suffix[w(1)],)), (30, (cls.initial[w(1)],)),
    ]
    return np.stack(_keys(specs) + _bags(ids, p, cls), axis=1)


def _bags(ids: np.ndarray, p: np.ndarray, cls: Classes) -> list[np.ndarray]:
    """The classes of the words 2-6 places ahead and behind, up to the nearest mark."""
    import numpy as np

    specs, opens = [], []
    for template, step in ((31, 1), (32, -1)):
        open_ = ~cls.is_mark[ids[p + step]]
        for d in range(2, 7):
            here = ids[p + step * d]
            open_ = open_ & ~cls.is_mark[here]
            specs.append((template, (cls.cluster[here],)))
            opens.append(open_)
    return [np.where(open_, key, np.uint32(_MISSING)) for open_, key in zip(opens, _keys(specs), strict=True)]


def window_features(enc: Encoded, positions: np.ndarray, cls: Classes) -> np.ndarray:
    """The words within WINDOW tokens either side (rows of 2 * WINDOW keys, _MISSING where
    there is none)."""
    import numpy as np

    p = enc.at[positions]
    cols = []
    for d in [*range(-WINDOW, 0), *range(1, WINDOW + 1)]:
        here = enc.ids[p + d]
        cols.append(np.where(cls.is_mark[here], np.uint32(_MISSING), _key(33, here)))
    return np.stack(cols, axis=1)


# -- the weight table ----------------------------------------------------------------------


def slot_hash(keys: np.ndarray, column: np.ndarray) -> np.ndarray:
    """Where a (feature key, set column) pair lives in the weight table, as a 64-bit hash."""
    import numpy as np

    return _mix(keys.astype(np.uint64) * np.uint64(_K[3]) + column.astype(np.uint64) * np.uint64(_K[1]))


_LANES = 0x0001000100010001  # four 16-bit lanes of a bucket
_LOW_BITS = 0x0001000100010001
_HIGH_BITS = 0x8000800080008000


def fingerprint(hashes: np.ndarray) -> np.ndarray:
    """A hash's 16-bit fingerprint, never 0 (an empty slot), as uint64."""
    import numpy as np

    return (hashes >> np.uint64(48)) | np.uint64(1)


def lookup(hashes: np.ndarray, buckets: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The weights (16ths of a nat) of the hashed features; 0 for those the table lacks.

    The table is buckets of four 16-bit fingerprints, each bucket one uint64, so a lookup is
    one gather and a few bit operations: the lane holding the fingerprint is found by
    testing all four lanes at once for zero after an exclusive or."""
    import numpy as np

    bucket = (hashes & np.uint64(len(buckets) - 1)).astype(np.intp)
    x = buckets[bucket] ^ (fingerprint(hashes) * np.uint64(_LANES))
    zero = (x - np.uint64(_LOW_BITS)) & ~x & np.uint64(_HIGH_BITS)  # lowest set bit: a lane that matched
    low = zero & (~zero + np.uint64(1))
    lane = (low > np.uint64(1 << 15)).astype(np.intp) + (low > np.uint64(1 << 31))
    lane += low > np.uint64(1 << 47)
    found = weights[bucket * 4 + lane].astype(np.int32)
    found[zero == 0] = 0
    return found


def build_table(hashes: np.ndarray, values: np.ndarray,
                load: float = 0.35) -> tuple[np.ndarray, np.ndarray, int]:
    """A table of (hash, weight) pairs as `lookup` reads it: (buckets, weights, pairs left out
    because their bucket was full). The larger weights go in first, so what a full bucket
    leaves out is the least telling. Deterministic: ties keep the order given."""
    import numpy as np

    size = 1
    while size * 4 * load < max(1, len(hashes)):
        size *= 2
    lanes = np.zeros((size, 4), dtype=np.uint64)
    weights = np.zeros(size * 4, dtype=np.int8)
    order = np.argsort(-np.abs(values.astype(np.int64)), kind="stable")
    bucket = (hashes & np.uint64(size - 1)).astype(np.intp)[order]
    fps = fingerprint(hashes)[order]
    vals = values[order]
    used = np.zeros(size, dtype=np.int64)
    dropped = 0
    for b, f, v in zip(bucket.tolist(), fps.tolist(), vals.tolist(), strict=True):
        lane = used[b]
        if lane == 4:
            dropped += 1
            continue
        lanes[b, lane] = f
        weights[b * 4 + lane] = v
        used[b] = lane + 1
    packed = lanes[:, 0] | (lanes[:, 1] << np.uint64(16)) | (lanes[:, 2] << np.uint64(32))
    packed |= lanes[:, 3] << np.uint64(48)
    return packed, weights, dropped


# -- the model -----------------------------------------------------------------------------


@dataclass
class SetModel:
    """One confusion set as the model knows it: member i's score is prior[i] plus the
    weights of column column_base + i (member 0 is the reference: it has no column)."""

    index: int
    members: tuple[str, ...]
    prior: list[float]  # nats
    thresholds: list[list[float]]  # [written][intended]: the margin (nats) needed to suggest `intended`
    stricter: list[list[list[float]]]  # the thresholds chosen for fewer false alarms (see `confidence`)
    window: bool
    column_base: int
    rate: list[float]  # each member's uses per million words in the training text

    @property
    def name(self) -> str:
        return "/".join(self.members)


@dataclass
class Model:
    vocab: dict[str, int]
    classes: Classes
    sets: list[SetModel]
    buckets: np.ndarray
    weights: np.ndarray
    constraint_bonus: float  # nats for a member the slot requires (see ficlint/analysis/slots.py)
    by_word: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # word -> (set, member)
    memo: dict[str, Any] = field(default_factory=dict)  # tables worked out from the model, once
    _members: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __post_init__(self) -> None:
        for s in self.sets:
            for m, word in enumerate(s.members):
                self.by_word.setdefault(word, []).append((s.index, m))

    def members_of(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per vocabulary id, the (set, member) pairs it is: CSR offsets, sets, members."""
        import numpy as np

        if self._members is None:
            pairs = sorted((self.vocab[w], s, m) for w, found in self.by_word.items() if w in self.vocab
                           for s, m in found)
            counts = np.bincount([p[0] for p in pairs], minlength=len(self.vocab) + 1)
            offsets = np.concatenate([[0], np.cumsum(counts)])
            self._members = (offsets, np.array([p[1] for p in pairs], dtype=np.int64),
                             np.array([p[2] for p in pairs], dtype=np.int64))
        return self._members


def read_model(raw: bytes) -> Model:
    """The model from its file's bytes (see `model_parts`)."""
    import numpy as np

    header, arrays = model_parts(raw)
    vocab = dict(zip(header["vocab"], range(len(header["vocab"])), strict=True))
    classes = Classes(*(arrays[name].astype(bool if name in _FLAGS else np.int64) for name in CLASS_ARRAYS))
    sets = [SetModel(i, tuple(s["members"]), s["prior"], s["thresholds"], s["stricter"], s["window"],
                     s["column_base"], s["rate"]) for i, s in enumerate(header["sets"])]
    return Model(vocab, classes, sets, arrays["buckets"], arrays["weights"],
                 float(header["constraint_bonus"]))


def model_parts(raw: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """A model file's header and arrays, the weight table as `lookup` reads it: a JSON header,
    then the arrays it names. The file holds the table's used lanes only (`write_model`); a
    gzipped file with the whole table (as shipped until 4 December 2026) reads the same."""
    import numpy as np

    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    (length,) = struct.unpack("<I", raw[:4])
    header: dict[str, Any] = json.loads(raw[4:4 + length].decode("utf-8"))
    at = 4 + length
    arrays: dict[str, np.ndarray] = {}
    for name, dtype, count in header.pop("arrays"):
        arrays[name] = np.frombuffer(raw, dtype=dtype, count=count, offset=at)
        at += np.dtype(dtype).itemsize * count
    if "lane_used" in arrays:
        arrays.update(_whole_table(arrays.pop("lane_used"), arrays.pop("lane_fingerprints"),
                                   arrays.pop("lane_weights"), header.pop("lanes")))
    return header, arrays


def _whole_table(used_bits: np.ndarray, fingerprints: np.ndarray, weights: np.ndarray,
                 lanes: int) -> dict[str, np.ndarray]:
    """The buckets and weights of the table from its used lanes (`_used_lanes` undone)."""
    import numpy as np

    used = np.flatnonzero(np.unpackbits(used_bits, count=lanes, bitorder="little"))
    table = np.zeros(lanes, dtype="<u2")
    table[used] = fingerprints
    whole = np.zeros(lanes, dtype=np.int8)
    whole[used] = weights
    return {"buckets": table.view("<u8").astype(np.uint64, copy=False), "weights": whole}


def _used_lanes(buckets: np.ndarray, weights: np.ndarray) -> dict[str, np.ndarray]:
    """The table as stored: which of its 16-bit lanes hold a fingerprint (a bit each), and those
    lanes' fingerprints and weights. Two thirds of the lanes are empty (the table is filled to
    `build_table`'s load), so the file is half the size of the table: small enough to ship
    unzipped (inflating the whole table cost 35-44 ms of every run)."""
    import numpy as np

    table = buckets.astype("<u8").view("<u2")
    used = table != 0
    if (weights[~used] != 0).any():
        raise ValueError("a weight in an empty lane of the homophone table")
    return {"lane_used": np.packbits(used, bitorder="little"), "lane_fingerprints": table[used],
            "lane_weights": weights[used]}


CLASS_ARRAYS = ("cluster", "lexical", "suffix", "initial", "is_mark", "is_end", "asks", "breaks", "past_like")
_FLAGS = frozenset({"is_mark", "is_end", "asks", "breaks", "past_like"})


def serialize(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """The model's bytes: the length of the JSON header, the header, then the arrays it names."""
    header = dict(header, arrays=[[name, str(a.dtype), len(a)] for name, a in arrays.items()])
    head = json.dumps(header, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return struct.pack("<I", len(head)) + head + b"".join(a.tobytes() for a in arrays.values())


def write_model(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """The model file's bytes: `serialize` with the weight table's used lanes only (see
    `_used_lanes`); the same model gives the same file."""
    arrays = dict(arrays)
    buckets, weights = arrays.pop("buckets"), arrays.pop("weights")
    return serialize(dict(header, lanes=4 * len(buckets)), {**arrays, **_used_lanes(buckets, weights)})


@cache
def load_model() -> Model | None:
    """The shipped model, once per process; None when the file is missing."""
    path = data_dir() / MODEL_FILE
    if not path.is_file():
        return None
    return read_model(path.read_bytes())


# -- scoring -------------------------------------------------------------------------------


@dataclass
class Scored:
    """Every occurrence of a set member in a document, scored: one row per (token, set)."""

    token: np.ndarray  # document token index
    set_index: np.ndarray
    written: np.ndarray  # member index of the written word
    scores: np.ndarray  # (rows, widest set): each member's score in nats (-inf past the set's size)


def occurrences(model: Model, ids: np.ndarray, keep: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """(token, set, member) of every token that is a member of a set (where `keep` is true),
    except a word an apostrophe follows (dialect "an'", or the end of a single-quoted speech:
    the old tokenizer's "an'" and "know'" were other words) and where the only other members
    are never meant before a consonant ("an" for "and" before "skip")."""
    import numpy as np

    offsets, sets, members = model.members_of()
    count = offsets[ids + 1] - offsets[ids]
    apostrophe = model.vocab.get(APOSTROPHE, -1)
    count = np.where(np.r_[ids[1:], 0] == apostrophe, 0, count)
    if keep is not None:
        count = np.where(keep, count, 0)
    token = np.repeat(np.arange(len(ids)), count)
    first = np.repeat(offsets[ids] - (np.cumsum(count) - count), count) + np.arange(len(token))
    set_index, member = sets[first], members[first]
    gated = _vowel_gated(model)[set_index, member]
    if gated.any():
        following = np.r_[ids[1:], 0][token]
        initial = model.classes.initial[following]
        before_vowel = (initial == 1) | (initial == 2)
        kept = ~gated | before_vowel
        token, set_index, member = token[kept], set_index[kept], member[kept]
    return token, set_index, member


def vowel_table(model: Model, key: str,
                member_flag: Callable[[str, Sequence[str], frozenset[str]], bool]) -> np.ndarray:
    """[set, member] booleans of `member_flag(word, members, before_vowel)`, where `before_vowel` is the
    set's members suggested only before a vowel or h (analysis/confusables); built once per model."""
    import numpy as np

    from ficlint.analysis.confusables import sets_by_name

    if key not in model.memo:
        width = max(len(s.members) for s in model.sets)
        table = np.zeros((len(model.sets), width), dtype=bool)
        known = sets_by_name()
        for s in model.sets:
            vowel_only = known[s.name].before_vowel if s.name in known else frozenset()
            for m, word in enumerate(s.members):
                table[s.index, m] = member_flag(word, s.members, vowel_only)
        model.memo[key] = table
    return model.memo[key]


def _vowel_gated(model: Model) -> np.ndarray:
    """[set, member]: the member's only rivals are suggested before a vowel or h alone."""
    return vowel_table(model, "gated", lambda word, members, vowel_only: bool(vowel_only) and all(
        w in vowel_only for w in members if w != word))


def score(model: Model, enc: Encoded, token: np.ndarray, set_index: np.ndarray,
          written: np.ndarray) -> Scored:
    """Each member's score at each occurrence (rows of token, set, written member)."""
    import numpy as np

    from ficlint.analysis.tagger import sorted_unique

    tables = _set_tables(model)
    width = tables.width
    sizes = tables.sizes[set_index]
    scores = np.where(np.arange(width) < sizes[:, None], tables.priors[set_index], -np.inf)
    if not len(token):
        return Scored(token, set_index, written, scores)
    positions, row_of = _positions(token)
    local = local_features(enc, positions, model.classes)[row_of]
    windowed = tables.windowed[set_index]
    bases = tables.bases[set_index]
    window = window_row = None
    if windowed.any():
        window_positions = sorted_unique(row_of[windowed])
        window = window_features(enc, positions[window_positions], model.classes)
        window_row = np.searchsorted(window_positions, row_of)
    for m in range(1, width):
        live = np.nonzero(sizes > m)[0]
        if not len(live):
            continue
        keys = local if len(live) == len(local) else local[live]  # every row: no copy
        total = _column_sum(model, keys, bases[live] + m)
        wlive = live[windowed[live]]
        if window is not None and window_row is not None and len(wlive):
            total[windowed[live]] += _column_sum(model, window[window_row[wlive]], bases[wlive] + m)
        scores[live, m] += total / SCALE
    evidence = _ngrams.lifts(model, enc, token, set_index, width)
    if evidence is not None:
        scores += _ngrams.NGRAM_WEIGHT * evidence
    return Scored(token, set_index, written, scores)


@dataclass(frozen=True)
class _SetTables:
    """What `score` reads of every set, as arrays indexed by set."""

    width: int  # members of the widest set
    sizes: np.ndarray
    priors: np.ndarray  # [set, member] (0 past the set's size)
    windowed: np.ndarray
    bases: np.ndarray


def _set_tables(model: Model) -> _SetTables:
    import numpy as np

    if "set_tables" not in model.memo:
        width = max((len(s.members) for s in model.sets), default=2)
        priors = np.zeros((len(model.sets), width))
        for s in model.sets:
            priors[s.index, :len(s.members)] = s.prior
        model.memo["set_tables"] = _SetTables(
            width, np.array([len(s.members) for s in model.sets], dtype=np.int64), priors,
            np.array([s.window for s in model.sets], dtype=bool),
            np.array([s.column_base for s in model.sets], dtype=np.int64))
    return model.memo["set_tables"]


def _positions(token: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(token, return_inverse=True)`, without the sort when the tokens come in
    order (as `occurrences` gives them)."""
    import numpy as np

    if len(token) and (token[1:] >= token[:-1]).all():
        new = np.r_[True, token[1:] != token[:-1]]
        return token[new], np.cumsum(new) - 1
    return np.unique(token, return_inverse=True)


def _column_sum(model: Model, keys: np.ndarray, column: np.ndarray) -> np.ndarray:
    """Per row, the sum of the weights of its feature keys in its column: `lookup` of
    `slot_hash`, fused and in place. A document has a few hundred thousand (key, column)
    pairs; done as separate numpy expressions each of the ~30 steps would allocate an
    array of that size, which costs more than the arithmetic itself."""
    import numpy as np

    u = np.uint64
    h = np.multiply(keys, u(_K[3]), dtype=np.uint64)
    h += (column.astype(np.uint64) * u(_K[1]))[:, None]
    t = np.empty_like(h)
    _mix_in_place(h, t)
    buckets = model.buckets
    at = np.bitwise_and(h, u(len(buckets) - 1)).view(np.intp)
    np.right_shift(h, u(48), out=t)  # the fingerprint (`fingerprint`) in every lane
    t |= u(1)
    t *= u(_LANES)
    x = np.take(buckets, at)
    x ^= t
    np.subtract(x, u(_LOW_BITS), out=t)  # the lanes that matched, as in `lookup`
    np.invert(x, out=x)
    t &= x
    t &= u(_HIGH_BITS)
    hit = t != 0
    hit &= keys != _MISSING
    np.invert(t, out=x)  # the lowest matching lane's bit, then its number: (bit >> 15) is
    x += u(1)  # 1 << 16 * lane, and _LANE_NUMBERS holds each lane's number 16 * lane bits
    x &= t  # below the top two
    x >>= u(15)
    x *= u(_LANE_NUMBERS)
    x >>= u(62)
    at <<= 2
    at += x.view(np.intp)
    found = np.take(model.weights, at)
    found *= hit
    return found.sum(axis=1, dtype=np.int64).astype(np.float64)


_LANE_NUMBERS = (1 << 46) | (2 << 30) | (3 << 14)


def _mix_in_place(x: np.ndarray, scratch: np.ndarray) -> None:
    """`_mix`, overwriting `x` (and `scratch`)."""
    import numpy as np

    np.right_shift(x, np.uint64(30), out=scratch)
    x ^= scratch
    x *= np.uint64(0xBF58476D1CE4E5B9)
    np.right_shift(x, np.uint64(27), out=scratch)
    x ^= scratch
    x *= np.uint64(0x94D049BB133111EB)
    np.right_shift(x, np.uint64(31), out=scratch)
    x ^= scratch


LEVEL_CONFIDENCE = (0.5, 0.75, 0.9)  # at the threshold, and at each stricter one


def confidence(margin: float, levels: Sequence[float]) -> float:
    """The reported confidence of a model finding whose margin is `margin`
    nats, where `levels` are its direction's threshold and then the stricter
    thresholds training chose for fewer false alarms. The confidence is 0.5 at
    the threshold, 0.75 at the first stricter one and 0.9 at the second, linear
    in between, and nears 0.99 beyond, so `min-confidence: 0.75` keeps what the
    model chosen for the first stricter budget would flag. Kept within 0.51-0.99."""
    anchors = LEVEL_CONFIDENCE[:len(levels)]
    if margin >= levels[-1]:
        top = anchors[-1]
        found = top + (0.99 - top) * (1 - math.exp(levels[-1] - margin))
    else:
        i = max(j for j, t in enumerate(levels) if t <= margin) if margin >= levels[0] else 0
        low, high = levels[i], levels[i + 1]
        share = (margin - low) / (high - low) if high > low else 1.0
        found = anchors[i] + share * (anchors[i + 1] - anchors[i])
    for level, anchor in zip(levels[1:], anchors[1:], strict=False):
        if margin <= level:  # a stricter level flags only margins above it: stay below its anchor
            found = min(found, anchor - 0.01)  # (also after rounding: 1/16 nat under gave 0.7484)
    return round(min(0.99, max(0.51, found)), 2)
