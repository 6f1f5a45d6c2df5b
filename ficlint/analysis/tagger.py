"""Part-of-speech tagger: a Universal Dependencies UPOS tag and a Penn Treebank tag for every token.

    tags = tag_words(["“", "I'm", "late", ",", "”", "said", "Harry", "."], sentence_starts=[0])
    tags[1]  # Tag(upos='PRON+AUX', xpos='PRP+VBP')
    tags[6]  # Tag(upos='PROPN', xpos='NNP')

What it receives. One list of tokens, the whole document or one sentence, and the index of the first
token of each sentence. A token is what `TOKEN` matches (`tokenize(text)` gives them with offsets):
- a word as ficlint's document model finds it (`ficlint.document.WORD`): contractions and
  possessives stay one token ("don't", "I'm", "y'all", "Harry's"), and so the tag of such a word
  is fused: one part per Universal Dependencies word, "do"+"n't" -> Tag("AUX+PART", "VBP+RB");
  curly and straight apostrophes are the same; a hyphenated word is its pieces and the hyphen
  ("well", "-", "known"), as in the treebank;
- a number (9, 3.5, 10:30, 1,000);
- a punctuation mark, or a run of one mark ("...", "--", "!!"). Emphasis marks (`*`, `_`) are not
  tokens: leave them out (`tokenize` does); the words inside are tagged like any other.
Punctuation is context the model was trained with: pass it. Words alone are tagged too, a little
less well.

How it works (`scripts/train_tagger.py` trains it from the UD English Web Treebank). Two linear
passes over the whole document at once, both vectorised with numpy:
1. every token's scores for the tags are a sum of one vector per neighbour at offsets -2..+2
   (sentence ends padded). A vector belongs to a word TYPE (its form, and whether it starts a
   sentence or quotation) at an offset: the weights of the type's features (lowercase word, exact
   capitalised form, suffixes, prefixes, shape, case; from the lexicon: distributional word
   classes and the share of capitalised uses mid-sentence learnt from fan fiction, paired with how
   this use is written (a word fan fiction writes in lowercase but capitalised here mid-sentence is
   likely part of a name: "the Death Eaters", "Zeus's Fist"), and the tags a dictionary allows)
   summed once per distinct type and kept for the process, so a document costs
   one gather and add per offset;
2. the first pass's best tags of the neighbours then add corrections looked up by pairs of tags
   (left and right; the two on the left; the two on the right) and by a neighbour's UPOS with the
   word's class (one of the commonest words, else its word class, else its case).
Unknown words get their tag from suffixes, shape, case and the lexicon. A caller that wants
numbers rather than Tag objects reads `load_tagger().tag_ids(...)` and `.tags`.
"""

from __future__ import annotations

import gzip
import json
import operator
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from ficlint.document import WORD
from ficlint.resources import data_dir

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "tagger.bin"
OFFSETS = (-2, -1, 0, 1, 2)
PAD = "\x02"  # the type of the two padding tokens around every sentence
INITIAL = "\x01"  # prefix of a type key: the word starts its sentence (or a quotation)
CAPITAL_BUCKETS = (0.02, 0.2, 0.5, 0.8, 0.98)  # the lexicon's shares of capitalised uses mid-sentence
CHUNK_TOKENS = 16_384  # tokens tagged at once, at most, unless one sentence is longer
MAX_CACHED_TYPES = 50_000  # ~1 kB each: an editor's process forgets them all past this
OPEN_QUOTES = frozenset({"“", "‘", '"', "``", "«"})

TOKEN = re.compile(
    rf"{WORD.pattern}"  # words, as the document model finds them
    r"|\d+(?:[.,:]\d+)*"  # numbers
    r"|([^\w\s*])\1*"  # a punctuation mark, or a run of the same mark; never an emphasis mark
)


class Tag(NamedTuple):
    """A token's tag: UD UPOS and Penn Treebank XPOS, each "+"-joined over a fused word's parts."""

    upos: str
    xpos: str

    @property
    def parts(self) -> tuple[Tag, ...]:
        """The tags of the Universal Dependencies words a fused token holds ("don't": do, n't)."""
        return tuple(Tag(u, x) for u, x in zip(self.upos.split("+"), self.xpos.split("+"), strict=True))

    @property
    def head(self) -> Tag:
        """The first part: the word itself of "Harry's", "don't", "she'd"."""
        return self.parts[0]

    @property
    def is_fused(self) -> bool:
        return "+" in self.upos


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` of a 1-D array (sorted, each value once), without the import of
    numpy.ma (~15 ms CPU) that np.unique and np.union1d pull in on their first call."""
    import numpy as np

    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the tokens the tagger expects in `text`."""
    return [m.span() for m in TOKEN.finditer(text)]


_STRAIGHT_QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'"}


def normalise(form: str) -> str:
    """Curly apostrophes and quotation marks as the straight ones (the treebank has few curly ones)."""
    return _STRAIGHT_QUOTES.get(form) or form.replace("’", "'")


def case_class(form: str) -> str:
    if form.islower():
        return "l"
    if not form.isupper():
        return "n" if not any(c.isalpha() for c in form) else ("T" if form[1:].islower() else "M")
    return "U1" if sum(c.isalpha() for c in form) == 1 else "U"


_SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                        **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}, **{c: "d" for c in "0123456789"}})
_REPEAT = re.compile(r"(.)\1+")


def shape(form: str) -> str:
    """Word shape with runs collapsed: Harry -> Xx, don't -> x'x, 10:30 -> d:d."""
    if form.isalpha() and form.isascii():  # the common cases, fast
        if form.islower():
            return "x"
        if form[0].isupper() and (len(form) == 1 or form[1:].islower()):
            return "Xx" if len(form) > 1 else "X"
    return _REPEAT.sub(r"\1", form.translate(_SHAPE))


# A type's features in slots: the first FAR_SLOTS also describe it two tokens away, the first
# NEAR_SLOTS one token away, all of them the word itself. An absent feature is None.
FAR_SLOTS = 3  # w c kc
NEAR_SLOTS = 8  # + h s3 k cap a
SLOTS = 17  # + b wc s1 p1 s2 p2 p3 s4 k=none


def word_features(key: str) -> tuple[list[str | None], str, bool]:
    """A type key's own features in their slots (lexicon slots None), its lowercase form (to
    look up in the lexicon) and whether it is initial. A type key is a form, INITIAL-prefixed
    when it starts a sentence."""
    if key == PAD:
        return ["w=<s>"] + [None] * (SLOTS - 1), "", False
    initial = key[:1] == INITIAL
    form = normalise(key[1:] if initial else key)
    lower = form.lower()
    where = "i" if initial else "m"
    case = case_class(form)
    size = len(lower)
    return [
        "w=" + lower, "c=" + case + where, None,
        "h=" + shape(form), "s3=" + lower[-3:] if size > 3 else None, None, None, None,
        "b", "wc=" + form + where if case != "l" and case != "n" else None,
        "s1=" + lower[-1:] if size > 1 else None, "p1=" + lower[:1] if size > 1 else None,
        "s2=" + lower[-2:] if size > 2 else None, "p2=" + lower[:2] if size > 2 else None,
        "p3=" + lower[:3] if size > 3 else None, "s4=" + lower[-4:] if size > 4 else None,
        None,
    ], lower, initial


CAP_CASES = ("l", "T", "U")  # how a use is written, for the capitalised-share feature: lower, Title, other
CAP_CASE = {"l": 0, "T": 1}  # case_class -> index into CAP_CASES; any other case -> 2


def lexicon_features(entry: tuple[int, int, int, int] | None, initial: bool,
                     case: str = "l") -> dict[int, str]:
    """The slots and features of a word's lexicon entry: fine and coarse word class, capitalised
    share (with how this use is written: a word the fan fiction writes in lowercase, capitalised
    here mid-sentence, is likely part of a name), and the tags a dictionary allows it."""
    if entry is None:
        return {16: "k=none"}
    fine, coarse, capitalised, allowed = entry
    where = "i" if initial else "m"
    written = CAP_CASES[CAP_CASE.get(case, 2)]
    return {2: f"kc={coarse}", 5: f"k={fine}", 6: f"cap={capitalised}{where}{written}", 7: f"a={allowed}"}


CASES = ("l", "T", "U", "U1", "M", "n")


def conjunction_class(key: str, lexicon: dict[str, tuple[int, int, int, int]], top: dict[str, int],
                      fine_classes: int) -> int:
    """The class of a type that pass 2 pairs with its neighbours' tags: one of the commonest
    words itself, else its fine word class, else its case."""
    form = normalise(key[1:] if key[:1] == INITIAL else key)
    lower = form.lower()
    at = top.get(lower)
    if at is not None:
        return at
    entry = lexicon.get(lower)
    if entry is not None:
        return len(top) + entry[0]
    return len(top) + fine_classes + CASES.index(case_class(form))


def type_features(key: str, lexicon: dict[str, tuple[int, int, int, int]]) -> dict[int, list[str]]:
    """All features of a type key, per offset group (0: the word itself, 1: next to it, 2: two away)."""
    slots, lower, initial = word_features(key)
    if key != PAD:
        case = case_class(normalise(key[1:] if initial else key))
        for slot, feature in lexicon_features(lexicon.get(lower), initial, case).items():
            slots[slot] = feature
    return {group: [f for f in slots[:width] if f is not None]
            for group, width in ((0, SLOTS), (1, NEAR_SLOTS), (2, FAR_SLOTS))}


def write_model(path: str, header: dict, arrays: dict[str, np.ndarray]) -> None:
    """One file: a JSON header line, then the arrays' raw bytes in header order. Not gzipped: a
    one-shot run would spend ~22 ms CPU inflating it, and the wheel (a zip) compresses it anyway."""
    header = {**header, "arrays": [[name, str(a.dtype), list(a.shape)] for name, a in arrays.items()]}
    blob = json.dumps(header, ensure_ascii=False, sort_keys=True).encode() + b"\n"
    with open(path, "wb") as fh:
        fh.write(blob + b"".join(a.tobytes() for a in arrays.values()))


def read_model(path: str) -> tuple[dict, dict[str, np.ndarray]]:
    """A model `write_model` wrote (or a gzipped one, as earlier versions shipped it)."""
    import numpy as np

    with open(path, "rb") as fh:
        blob = fh.read()
    if blob[:2] == b"\x1f\x8b":
        blob = gzip.decompress(blob)
    newline = blob.index(b"\n")
    header = json.loads(blob[:newline])
    arrays, at = {}, newline + 1
    for name, dtype, shape_ in header["arrays"]:
        count = int(np.prod(shape_))
        arrays[name] = np.frombuffer(blob, dtype=dtype, count=count, offset=at).reshape(shape_)
        at += count * np.dtype(dtype).itemsize
    return header, arrays


def sparse_parts(name: str, matrix: np.ndarray) -> dict[str, np.ndarray]:
    """A mostly-zero int8 matrix (rows x tags) stored as its non-zero entries, row by row."""
    import numpy as np

    rows, cols = np.nonzero(matrix)
    return {f"{name}.count": np.bincount(rows, minlength=matrix.shape[0]).astype(np.uint8),
            f"{name}.col": cols.astype(np.uint8), f"{name}.value": matrix[rows, cols]}


def dense(name: str, arrays: dict[str, np.ndarray], width: int, dtype: type | None = None,
          extra_rows: int = 0) -> np.ndarray:
    """The matrix `sparse_parts` stored (int8 unless `dtype` says), with `extra_rows` zero rows after."""
    import numpy as np

    counts = arrays[f"{name}.count"]
    matrix = np.zeros((len(counts) + extra_rows, width), dtype or np.int8)
    rows = np.repeat(np.arange(len(counts)), counts.astype(np.intp))  # uint8 counts: numpy's slow path
    matrix.ravel()[rows * width + arrays[f"{name}.col"]] = arrays[f"{name}.value"]  # flat: ~40% quicker
    return matrix


class _Words:
    """The forms of a list of type keys, as `word_features` reads them, each field a list."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        self.initial = list(map(str.startswith, keys, repeat(INITIAL)))
        written = list(map(str.removeprefix, keys, repeat(INITIAL)))
        # normalise(), as C-level maps
        straight = map(str.replace, written, repeat("’"), repeat("'"))
        self.form = list(map(_STRAIGHT_QUOTES.get, written, straight))
        self.lower = list(map(str.lower, self.form))
        # the commonest words are lowercase letters: case_class "l", shape "x"
        self.case = ["l" if f.islower() else case_class(f) for f in self.form]
        self.shape = ["x" if c == "l" and f.isalpha() and f.isascii() else shape(f)
                      for f, c in zip(self.form, self.case, strict=True)]

    @property
    def size(self) -> np.ndarray:
        import numpy as np

        return np.fromiter(map(len, self.lower), np.intp, len(self.lower))


class Tagger:
    """A trained model and the per-type score vectors it has worked out so far."""

    def __init__(self, header: dict, arrays: dict[str, np.ndarray]) -> None:
        import numpy as np

        self._np = np
        self.tags = [Tag(*t.split("|")) for t in header["tags"]]
        features = header["features"]
        self._features = features
        self._feature_id = dict(zip(features, range(len(features)), strict=True))
        missing = len(features)  # features the model does not know point at a zero row
        self._missing = missing
        words = header["lexicon"].split("\n") if header["lexicon"] else []
        fields = np.stack([arrays[name] for name in ("fine", "coarse", "capital", "allowed")], axis=1)
        # a word's row of `fields`: a dict of ints is made at C speed; one of 40,000 tuples of four
        # (`lexicon`, for the training scripts) costs ~5 ms more at every start
        self._lexicon_words = words
        self._entry_row = dict(zip(words, range(len(fields)), strict=True))
        self._entry_fields = fields.astype(np.intp)  # rows of (fine, coarse, capital, allowed)
        self._fine_of = arrays["fine"].tolist()
        self._top = {w: i for i, w in enumerate(header["top"])}
        self._fine_classes = header["fine_classes"]
        self._lexicon_ids(max(arrays["coarse"].max(initial=0), arrays["allowed"].max(initial=0)) + 1)
        self._row = {}
        self._tables = {}
        n_tags = len(self.tags)
        for offset in OFFSETS:
            # int16 (the type vectors sum these rows) with a zero row last, made so directly
            weights = dense(f"w{offset}", arrays, n_tags, np.int16, extra_rows=1)
            kept = arrays[f"r{offset}"].astype(bool)  # which features have a row at this offset, in order
            zero = len(weights) - 1  # `missing`, and dropped features: the zero row
            self._row[offset] = np.append(np.where(kept, np.cumsum(kept) - 1, zero), zero)
            self._tables[offset] = weights
        upos = sorted({part.upos for tag in self.tags for part in tag.parts})
        index = {u: i for i, u in enumerate(upos)}
        # a neighbour's class: the UPOS of its part next to the word (last on the left, first on the right)
        self._left_upos = np.asarray([index[t.parts[-1].upos] for t in self.tags] + [len(upos)], np.intp)
        self._right_upos = np.asarray([index[t.parts[0].upos] for t in self.tags] + [len(upos)], np.intp)
        self._n_upos = len(upos) + 1
        self._pairs = tuple(dense(name, arrays, n_tags) for name in ("lr", "ll", "rr", "lc", "cr"))
        self._forget_types()

    @cached_property
    def lexicon(self) -> dict[str, tuple[int, int, int, int]]:
        """Each lexicon word's entry (fine class, coarse class, capitalised share, allowed tags),
        as `type_features` and `conjunction_class` read it."""
        return dict(zip(self._lexicon_words, map(tuple, self._entry_fields.tolist()), strict=True))

    def _entry(self, lower: str) -> tuple[int, int, int, int] | None:
        row = self._entry_row.get(lower)
        return None if row is None else tuple(self._entry_fields[row].tolist())

    # -- type vectors --------------------------------------------------------
    def _rows(self, keys: Sequence[str]) -> np.ndarray:
        """The rows of these type keys in the type-vector tables, working out new types."""
        np = self._np
        rows = np.fromiter(map(self._type_row.get, keys, repeat(-1)), np.intp, len(keys))
        unseen = np.flatnonzero(rows < 0)
        if len(unseen):
            new = list(dict.fromkeys([keys[i] for i in unseen.tolist()]))
            self._add_types(new)
            get = self._type_row.__getitem__
            rows[unseen] = [get(keys[i]) for i in unseen.tolist()]
        return rows

    def _token_rows(self, words: Sequence[str], starts: np.ndarray) -> np.ndarray:
        """The type rows of the tokens, with the initial variant (sentence_keys) where a word is the
        first of its sentence or follows an opening quotation mark."""
        np = self._np
        rows = self._rows(words)
        alpha = self._alpha[rows]
        words_at = np.flatnonzero(alpha)
        first = np.searchsorted(words_at, starts)  # each sentence's first word, if it is in the sentence
        ends = np.append(starts[1:], len(words))
        inside = first < len(words_at)
        firsts = words_at[first[inside]]
        firsts = firsts[firsts < ends[inside]]
        after_quote = np.flatnonzero(self._quote[rows[:-1]] & alpha[1:]) + 1
        initial = sorted_unique(np.concatenate((firsts, after_quote))).tolist()
        if initial:
            rows[initial] = self._rows([INITIAL + words[i] for i in initial])
        return rows

    def _lexicon_ids(self, count: int) -> None:
        """The feature id of every value a lexicon entry's fields can take, by field."""
        get, missing = self._feature_id.get, self._missing

        def ids(slot: int, entries: Iterable[tuple[tuple[int, int, int, int], bool]],
                case: str = "l") -> list[int]:
            return [get(lexicon_features(entry, initial, case)[slot], missing) for entry, initial in entries]

        self._no_entry = get(lexicon_features(None, False)[16], missing)
        self._fine_ids = ids(5, (((n, 0, 0, 0), False) for n in range(self._fine_classes)))
        self._coarse_ids = ids(2, (((0, n, 0, 0), False) for n in range(count)))
        self._allowed_ids = ids(7, (((0, 0, 0, n), False) for n in range(count)))
        # index 6 * bucket + 3 * initial + CAP_CASE
        self._capital_ids = [i for n in range(len(CAPITAL_BUCKETS) + 2) for initial in (False, True)
                             for case in CAP_CASES for i in ids(6, [((0, 0, n, 0), initial)], case)]

    def _forget_types(self) -> None:
        np = self._np
        self._type_row: dict[str, int] = {}
        self._vectors = {o: np.zeros((0, len(self.tags)), np.int16) for o in OFFSETS}
        self._classes = np.zeros(0, np.intp)
        self._alpha = np.zeros(0, bool)  # the type is a word (starts with a letter)
        self._quote = np.zeros(0, bool)  # the type is an opening quotation mark

    def _feature_ids(self, key: str) -> list[int]:
        """The feature ids of a type in their slots (`missing` where there is none)."""
        slots, lower, initial = word_features(key)
        get, missing = self._feature_id.get, self._missing
        ids = [missing if f is None else get(f, missing) for f in slots]
        if key != PAD:
            entry = self._entry(lower)
            if entry is None:
                ids[16] = self._no_entry
            else:
                fine, coarse, capitalised, allowed = entry
                ids[2] = self._coarse_ids[coarse]
                ids[5] = self._fine_ids[fine]
                written = CAP_CASE.get(case_class(normalise(key[1:] if initial else key)), 2)
                ids[6] = self._capital_ids[6 * capitalised + 3 * initial + written]
                ids[7] = self._allowed_ids[allowed]
        return ids

    def _add_types(self, keys: list[str]) -> None:
        np = self._np
        words = _Words(keys)
        grid = self._feature_grid(words)
        for offset in OFFSETS:
            width = (SLOTS, NEAR_SLOTS, FAR_SLOTS)[abs(offset)]
            rows = self._row[offset].take(grid[:, :width])
            table = self._tables[offset]
            vectors = table.take(rows[:, 0], 0)  # int16 holds a sum of SLOTS int8 weights
            for slot in range(1, width):
                vectors += table.take(rows[:, slot], 0)
            self._vectors[offset] = self._grown(self._vectors[offset], vectors)
        self._classes = self._grown(self._classes, self._conjunction_classes(words))
        letter_first = map(str.isalpha, map(itemgetter(slice(1)), keys))
        self._alpha = self._grown(self._alpha, np.fromiter(letter_first, bool))
        self._quote = self._grown(self._quote, np.fromiter(map(OPEN_QUOTES.__contains__, keys), bool))
        first = len(self._type_row)
        self._type_row.update(zip(keys, range(first, first + len(keys)), strict=True))

    def _grown(self, table: np.ndarray, new: np.ndarray) -> np.ndarray:
        """`table` with `new` written after its first len(self._type_row) rows; the table's
        capacity doubles when full, so types added chunk by chunk cost linear time."""
        used, needed = len(self._type_row), len(self._type_row) + len(new)
        if needed > len(table):
            grown = self._np.zeros((max(needed, 2 * len(table), 1024), *table.shape[1:]), table.dtype)
            grown[:used] = table[:used]
            table = grown
        table[used:needed] = new
        return table

    def _feature_grid(self, words: _Words) -> np.ndarray:
        """`_feature_ids` of every key, one row each, worked out slot by slot over all the keys
        at once (C-level maps and numpy, not a Python call per type): the first time a document
        is tagged nearly every type is new."""
        np = self._np
        n = len(words.keys)
        grid = np.full((n, SLOTS), self._missing, np.intp)
        by_prefix, missing = self._features_by_prefix, self._missing

        def ids(prefix: str, values: Iterable[str]) -> np.ndarray:
            return np.asarray(list(map(by_prefix.get(prefix, {}).get, values, repeat(missing))), np.intp)

        where = ["i" if i else "m" for i in words.initial]
        initial = np.fromiter(words.initial, np.intp, n)
        lower, size = words.lower, words.size
        grid[:, 0] = ids("w", lower)
        by_case = by_prefix.get("c", {})
        case_ids = np.asarray([[by_case.get(c + w, missing) for w in "mi"] for c in CASES], np.intp)
        grid[:, 1] = case_ids.ravel()[2 * np.fromiter(map(CASES.index, words.case), np.intp, n) + initial]
        grid[:, 3] = ids("h", words.shape)
        grid[:, 8] = self._feature_id.get("b", missing)
        cased = np.fromiter((c != "l" and c != "n" for c in words.case), bool, n)
        named = np.flatnonzero(cased).tolist()  # few types are capitalised
        grid[named, 9] = ids("wc", [words.form[i] + where[i] for i in named])
        for slot, prefix, cut, longer_than in ((4, "s3", slice(-3, None), 3), (10, "s1", slice(-1, None), 1),
                                               (11, "p1", slice(None, 1), 1), (12, "s2", slice(-2, None), 2),
                                               (13, "p2", slice(None, 2), 2), (14, "p3", slice(None, 3), 3),
                                               (15, "s4", slice(-4, None), 4)):
            grid[:, slot] = np.where(size > longer_than, ids(prefix, map(itemgetter(cut), lower)), missing)
        rows = np.fromiter(map(self._entry_row.get, lower, repeat(-1)), np.intp, n)
        known = rows >= 0
        grid[:, 16] = np.where(known, missing, self._no_entry)
        if known.any():
            fields = self._entry_fields[rows[known]]
            grid[known, 2] = np.asarray(self._coarse_ids, np.intp)[fields[:, 1]]
            grid[known, 5] = np.asarray(self._fine_ids, np.intp)[fields[:, 0]]
            written = np.fromiter(map(CAP_CASE.get, words.case, repeat(2)), np.intp, n)[known]
            use = 6 * fields[:, 2] + 3 * initial[known] + written  # the index of _capital_ids
            grid[known, 6] = np.asarray(self._capital_ids, np.intp)[use]
            grid[known, 7] = np.asarray(self._allowed_ids, np.intp)[fields[:, 3]]
        if PAD in words.keys:  # the padding's only feature is its own
            grid[words.keys.index(PAD)] = self._feature_ids(PAD)
        return grid

    @cached_property
    def _features_by_prefix(self) -> dict[str, dict[str, int]]:
        """The ids of the features `_feature_grid` looks up, by the part before the "=" and then
        the rest ("s3=ing" -> ["s3"]["ing"]), so that it looks values up without building strings."""
        features = self._features
        in_order = all(map(operator.le, features, features[1:]))  # the trainer writes them sorted
        if not in_order:
            features = sorted(features)
        by_prefix = {}
        for prefix in ("w", "c", "h", "wc", "s1", "s2", "s3", "s4", "p1", "p2", "p3"):
            first, last = bisect_left(features, prefix + "="), bisect_left(features, prefix + ">")
            named = features[first:last]
            values = map(itemgetter(slice(len(prefix) + 1, None)), named)
            # a feature's id is its place in the model's list: sorted, that is its place here
            ids = range(first, last) if in_order else map(self._feature_id.__getitem__, named)
            by_prefix[prefix] = dict(zip(values, ids, strict=True))
        return by_prefix

    def _conjunction_classes(self, words: _Words) -> np.ndarray:
        """`conjunction_class` of every key, over all the keys at once."""
        np = self._np
        top, row_of, fine, fine_classes = self._top, self._entry_row.get, self._fine_of, self._fine_classes
        base = len(top) + fine_classes
        return np.asarray([
            at if (at := top.get(lower)) is not None
            else len(top) + fine[row] if (row := row_of(lower)) is not None
            else base + CASES.index(case)
            for lower, case in zip(words.lower, words.case, strict=True)], np.intp)


    # -- tagging -------------------------------------------------------------
    def tag_ids(self, words: Sequence[str], sentence_starts: Sequence[int] = (0,)) -> np.ndarray:
        """The index into `self.tags` of every token's tag."""
        np = self._np
        n = len(words)
        if n == 0:
            return np.zeros(0, np.intp)
        starts = sorted({0, *(s for s in sentence_starts if 0 <= s < n)})
        # Each sentence is tagged on its own (padded at both ends), so a long text is tagged in
        # chunks of whole sentences: the score arrays of a chunk stay small enough for the CPU's cache.
        cuts = [0]
        for start in starts:
            if start - cuts[-1] >= CHUNK_TOKENS:
                cuts.append(start)
        if len(cuts) == 1:
            return self._tag_chunk(words, np.asarray(starts, np.intp))
        cuts.append(n)
        starts_at = np.asarray(starts, np.intp)
        bounds = np.searchsorted(starts_at, cuts).tolist()
        return np.concatenate([
            self._tag_chunk(words[a:b], starts_at[first:last] - a)
            for a, b, first, last in zip(cuts, cuts[1:], bounds, bounds[1:], strict=False)])

    def _tag_chunk(self, words: Sequence[str], starts: np.ndarray) -> np.ndarray:
        np = self._np
        n = len(words)
        # at most every distinct word and its sentence-initial variant are new, and the padding
        if len(self._type_row) + 2 * len(set(words)) + 1 > MAX_CACHED_TYPES:  # a long-lived process
            self._forget_types()  # here, never halfway through: rows already looked up would point nowhere
        rows = self._token_rows(words, starts)
        sentence = np.searchsorted(starts, np.arange(n), side="right")  # 1-based
        where = np.arange(n) + 2 * sentence
        padded = np.full(n + 2 * (len(starts) + 1), self._rows([PAD])[0], np.intp)
        padded[where] = rows
        vectors = self._vectors
        # rows gathered with `take` (about three times faster than indexing with an array)
        scores = vectors[0].take(padded[where], 0)  # int16 cannot overflow: 5 x 17 features x 127 + pass 2
        for offset in (-2, -1, 1, 2):
            scores += vectors[offset].take(padded[where + offset], 0)
        return self._second_pass(scores, padded, where)

    def _second_pass(self, scores: np.ndarray, padded: np.ndarray, where: np.ndarray) -> np.ndarray:
        """Add the corrections indexed by the first pass's tags of the neighbours."""
        np = self._np
        pad_tag = len(self.tags)
        tags = np.full(len(padded), pad_tag, np.intp)
        tags[where] = _best(scores)
        width = pad_tag + 1
        left, left2, right, right2 = tags[where - 1], tags[where - 2], tags[where + 1], tags[where + 2]
        lr, ll, rr, lc, cr = self._pairs
        scores += lr.take(left * width + right, 0)
        scores += ll.take(left2 * width + left, 0)
        scores += rr.take(right * width + right2, 0)
        word_class = self._classes[padded[where]]
        n_upos = self._n_upos
        scores += lc.take(self._left_upos[left] * self._n_classes + word_class, 0)
        scores += cr.take(word_class * n_upos + self._right_upos[right], 0)
        return _best(scores)

    @property
    def _n_classes(self) -> int:
        return len(self._top) + self._fine_classes + len(CASES)

    def tag(self, words: Sequence[str], sentence_starts: Sequence[int] = (0,)) -> list[Tag]:
        return list(map(self.tags.__getitem__, self.tag_ids(words, sentence_starts).tolist()))


def _best(scores: np.ndarray) -> np.ndarray:
    """The index of each row's highest score (the first of equals), as `argmax(1)`: numpy finds it
    about twice as fast in 32-bit integers as in the 16-bit ones the scores are summed in."""
    import numpy as np

    return scores.astype(np.int32).argmax(1)


def sentence_keys(words: Sequence[str], starts: Sequence[int]) -> list[str]:
    """Type keys of the tokens: the word, INITIAL-prefixed where it is the first word of its sentence
    (punctuation before it skipped) or comes right after an opening quotation mark. (Training reads
    this; Tagger._token_rows does the same with arrays.)"""
    keys = list(words)
    n = len(keys)
    ends = [*starts[1:], n]
    for start, end in zip(starts, ends, strict=True):
        for i in range(start, end):
            if keys[i][:1].isalpha():
                keys[i] = INITIAL + keys[i]
                break
    for i in [i for i, w in enumerate(words) if w in OPEN_QUOTES]:
        if i + 1 < n and words[i + 1][:1].isalpha():
            keys[i + 1] = INITIAL + words[i + 1]
    return keys


@cache
def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process."""
    header, arrays = read_model(str(data_dir() / MODEL_FILE))
    return Tagger(header, arrays)


def tag_words(words: Sequence[str], sentence_starts: Sequence[int] = (0,)) -> list[Tag]:
    """The tag of every token of `words`; `sentence_starts` are the indices where sentences begin."""
    return load_tagger().tag(words, sentence_starts)
