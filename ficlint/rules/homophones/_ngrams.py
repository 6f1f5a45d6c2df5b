"""Word n-gram evidence for H001: how often each member of a set was seen in the training
text with the very neighbours an occurrence has.

The context model (`_model.py`) learns weights for a few hundred thousand features from a
third of the train split, regularised and pruned; a pair such as bought/brought or
dying/dyeing, whose members differ in which words they stand beside ("brought it back",
"was dying"), needs the counts themselves. For every occurrence of a member in the whole
train split (~35 million words of books and fan fiction,
scripts/build_homophone_ngrams.py) five contexts are counted with the member: the word
to the left, to the right, the two to the left, the one either side, the two to the
right (the pad beyond the sentence, as the model reads it). Scoring a member c at an
occurrence adds, per context seen, its lift: log P(c | context, set) - log P(c | set),
smoothed towards the set's prior by NGRAM_SMOOTHING occurrences, so a context never
counted says nothing, and the sum times NGRAM_WEIGHT goes into c's score. Thresholds are
then chosen on tune with the evidence in (scripts/train_homophones.py), as LanguageTool
chooses a factor per pair for its n-gram confusion rule.

Only the telling contexts ship: a context (with its set) is kept whole, every member
seen there, when its counts differ from the set's prior by enough to matter, the most
telling first, up to the build's budget. A context left out reads as never seen, i.e.
no evidence. The table is keyed by the model's vocabulary ids and set numbers, so it is
rebuilt with the model (its header names the model's vocabulary size and sets; another
model ignores it).
"""

from __future__ import annotations

import gzip
import json
import struct
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ficlint.resources import data_dir

if TYPE_CHECKING:
    import numpy as np

    from ficlint.rules.homophones._model import Encoded, Model

NGRAM_FILE = "homophone-ngrams.bin.gz"
CONTEXTS = ((-1, 0), (1, 0), (-2, -1), (-1, 1), (1, 2))  # offsets of the context words (0: none)
NGRAM_SMOOTHING = 2.0  # occurrences of prior belief in every context
NGRAM_WEIGHT = 0.3  # the five contexts overlap: their summed lifts count this much (chosen on tune)
LIFT_CAP = 5.0  # nats: no one context, however often seen, says more than this
_COUNT_STEPS = 8.0  # counts are stored as round(8 * log2(1 + n)) in a byte


_PREFIX_SHIFT = 12  # the table is indexed by the top 20 bits of a key's hash


@dataclass
class NgramTable:
    keys: np.ndarray  # uint32, sorted: `key_hash` of (context, set, member)
    counts: np.ndarray  # float64, decoded
    prior: np.ndarray  # [set, member]: the member's share of its set's uses (0 past its size)
    vocab_size: int
    sets: int
    counted: np.ndarray | None = None  # bool per set: the sets the counts speak for (None: all)
    sizes: np.ndarray = field(init=False)  # members per set
    starts: np.ndarray = field(init=False)  # where the keys with each 20-bit prefix start

    def __post_init__(self) -> None:
        import numpy as np

        self.sizes = (self.prior > 0).sum(axis=1)
        per_prefix = np.bincount(self.keys >> np.uint32(_PREFIX_SHIFT), minlength=1 << (32 - _PREFIX_SHIFT))
        self.starts = np.zeros(len(per_prefix) + 1, dtype=np.int64)  # a million prefixes: summed in place
        np.cumsum(per_prefix, out=self.starts[1:])

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """The count of each hash (0 where the table lacks it): its prefix's run of keys, read
        a step at a time for the hashes whose run is that long (most runs hold one key or none)."""
        import numpy as np

        prefix = (hashes >> np.uint32(_PREFIX_SHIFT)).astype(np.intp)
        at, end = self.starts[prefix], self.starts[prefix + 1]
        found = np.zeros(len(hashes))
        live = np.nonzero(at < end)[0]
        while len(live):
            i = at[live]
            hit = self.keys[i] == hashes[live]
            found[live[hit]] = self.counts[i[hit]]
            at[live] += 1
            live = live[~hit & (at[live] < end[live])]
        return found


def context_keys(ids: np.ndarray, positions: np.ndarray, vocab_size: int) -> np.ndarray:
    """[occurrence, context]: the exact key of each context of the tokens at `positions`
    of the padded ids (`Encoded.ids`)."""
    import numpy as np

    v = np.int64(vocab_size)
    found = np.empty((len(positions), len(CONTEXTS)), dtype=np.int64)
    for t, (a, b) in enumerate(CONTEXTS):
        first = ids[positions + a]
        second = ids[positions + b] if b else np.zeros(len(positions), dtype=np.int64)
        found[:, t] = (np.int64(t) * v + first) * v + second
    return found


def entry_keys(context: np.ndarray, set_index: np.ndarray, member: np.ndarray, sets: int, width: int
               ) -> np.ndarray:
    """The exact key of (context, set, member); broadcasts."""
    import numpy as np

    return (context * np.int64(sets) + set_index) * np.int64(width) + member


def key_hash(keys: np.ndarray) -> np.ndarray:
    """The 32-bit hash a key is stored as (splitmix64's finaliser, high half)."""
    import numpy as np

    x = keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return (x >> np.uint64(32)).astype(np.uint32)


def encode_count(n: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.minimum(np.round(_COUNT_STEPS * np.log2(1.0 + n)), 255).astype(np.uint8)


def decode_count(q: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.exp2(q.astype(np.float64) / _COUNT_STEPS) - 1.0


def write_table(keys: np.ndarray, counts: np.ndarray, prior: np.ndarray, vocab_size: int,
                counted: list[int] | None = None) -> bytes:
    """The file's bytes: header length, JSON header (with `counted`, the sets the counts speak
    for, when not all), sorted key hashes (uint32, as deltas), counts (uint8)."""
    import io

    import numpy as np

    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    deltas = np.diff(keys.astype(np.int64), prepend=0).astype(np.uint32)
    header = {"format": 1, "vocab_size": int(vocab_size), "sets": int(prior.shape[0]),
              "width": int(prior.shape[1]), "entries": int(len(keys))}
    if counted is not None:
        header["counted"] = sorted(int(s) for s in counted)
    head = json.dumps(header, sort_keys=True).encode("utf-8")
    body = struct.pack("<I", len(head)) + head + prior.astype("<f8").tobytes()
    body += deltas.astype("<u4").tobytes()
    body += encode_count(counts).tobytes()
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(body)
    return buffer.getvalue()


def read_table(raw: bytes) -> NgramTable:
    import numpy as np

    (length,) = struct.unpack("<I", raw[:4])
    header = json.loads(raw[4:4 + length].decode("utf-8"))
    at = 4 + length
    sets, width, n = header["sets"], header["width"], header["entries"]
    prior = np.frombuffer(raw, dtype="<f8", count=sets * width, offset=at).reshape(sets, width)
    at += 8 * sets * width
    deltas = np.frombuffer(raw, dtype="<u4", count=n, offset=at)
    at += 4 * n
    # a count is one of 256 bytes: each decoded once, then looked up (not exp2 per entry)
    coded = np.frombuffer(raw, dtype=np.uint8, count=n, offset=at)
    counts = decode_count(np.arange(256, dtype=np.uint8))[coded]
    keys = np.cumsum(deltas, dtype=np.uint32)  # the keys are sorted uint32: their deltas never wrap
    counted = None
    if "counted" in header:
        counted = np.zeros(sets, dtype=bool)
        counted[header["counted"]] = True
    return NgramTable(keys, counts, prior, header["vocab_size"], sets, counted)


@cache
def load_table() -> NgramTable | None:
    """The shipped n-gram counts, once per process; None when the file is missing."""
    path = data_dir() / NGRAM_FILE
    if not path.is_file():
        return None
    return read_table(gzip.decompress(path.read_bytes()))


def lifts(model: Model, enc: Encoded, token: np.ndarray, set_index: np.ndarray, width: int,
          table: NgramTable | None = None, every_set: bool = False) -> np.ndarray | None:
    """[occurrence, member]: the summed lift of each member in the occurrence's contexts
    (nats, before NGRAM_WEIGHT; 0 past the set's size, and for the sets the table does not
    speak for unless `every_set`); None without a table that fits the model."""
    import numpy as np

    table = table if table is not None else load_table()
    if table is None or table.vocab_size != len(model.vocab) or table.sets != len(model.sets):
        return None
    found = np.zeros((len(token), width))
    if table.counted is not None and not every_set:
        speaks = np.flatnonzero(table.counted[set_index])
        if len(speaks) < len(token):
            if len(speaks):
                found[speaks] = lifts(model, enc, token[speaks], set_index[speaks], width, table, True)
            return found
    rows = len(token)
    if not rows:
        return found
    size = table.sizes[set_index]
    first = np.cumsum(size) - size
    row = np.repeat(np.arange(rows), size)  # one (occurrence, member) pair per member of its set
    member = np.arange(len(row)) - first[row]
    contexts = context_keys(enc.ids, enc.at[token], table.vocab_size)[row]  # (pairs, contexts)
    keys = entry_keys(contexts, set_index[row][:, None], member[:, None], table.sets, table.prior.shape[1])
    counts = table.find(key_hash(keys.ravel())).reshape(keys.shape)
    total = np.add.reduceat(counts, first, axis=0)[row]  # per occurrence and context, over its members
    prior = table.prior[set_index[row], member][:, None]
    lift = np.log((counts + NGRAM_SMOOTHING * prior) / (total + NGRAM_SMOOTHING))
    lift -= np.log(prior)
    np.clip(lift, -LIFT_CAP, LIFT_CAP, out=lift)
    found[row, member] = lift.sum(axis=1)
    return found
