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
   sentence) at an offset: the weights of the type's features (lowercase word, exact capitalised
   form, suffixes, prefixes, shape, case, and distributional word classes and the share of
   capitalised uses mid-sentence learnt from fan fiction) summed once per distinct type and kept
   for the process, so a document costs one gather and add per offset;
2. the first pass's best tags of the neighbours then add a correction looked up by tag pairs
   (left and right neighbour; the two on the left; the two on the right).
Unknown words get their tag from suffixes, shape, case and the word-class lexicon.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ficlint.document import WORD
from ficlint.resources import data_dir

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "tagger.bin.gz"
OFFSETS = (-2, -1, 0, 1, 2)
PAD = "\x02"  # the type of the two padding tokens around every sentence
INITIAL = "\x01"  # prefix of a type key: the word starts its sentence (or a quotation)
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
        return tuple(Tag(u, x) for u, x in zip(self.upos.split("+"), self.xpos.split("+")))

    @property
    def head(self) -> Tag:
        """The first part: the word itself of "Harry's", "don't", "she'd"."""
        return self.parts[0]

    @property
    def is_fused(self) -> bool:
        return "+" in self.upos


def tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the tokens the tagger expects in `text`."""
    return [m.span() for m in TOKEN.finditer(text)]


def normalise(form: str) -> str:
    return form.replace("’", "'")


def case_class(form: str) -> str:
    if form.islower():
        return "l"
    if not form.isupper():
        return "n" if not any(c.isalpha() for c in form) else ("T" if form[1:].islower() else "M")
    return "U1" if sum(c.isalpha() for c in form) == 1 else "U"


_SHAPE_TABLE = {**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
                **{c: "d" for c in "0123456789"}}
_REPEAT = re.compile(r"(.)\1+")


def shape(form: str) -> str:
    """Word shape with runs collapsed: Harry -> Xx, don't -> x'x, 10:30 -> d:d."""
    out = "".join(_SHAPE_TABLE.get(c) or ("X" if c.isupper() else "x" if c.isalpha() else c) for c in form)
    return _REPEAT.sub(r"\1", out)


def type_features(key: str, lexicon: dict[str, tuple[int, int, int]]) -> dict[int, list[str]]:
    """The features of a type key (a form, INITIAL-prefixed when it starts a sentence) at each offset."""
    if key == PAD:
        return {0: ["w=<s>"], 1: ["w=<s>"], 2: ["w=<s>"]}
    initial = key.startswith(INITIAL)
    form = normalise(key[1:] if initial else key)
    lower = form.lower()
    where = "i" if initial else "m"
    case = case_class(form)
    near = ["w=" + lower, "c=" + case + where]
    far = list(near)
    centre = ["b", *near, "sh=" + shape(form)]
    if case not in ("l", "n"):
        centre.append("wc=" + form + where)
    size = len(lower)
    for k in (1, 2, 3, 4):
        if size > k:
            centre.append(f"s{k}={lower[-k:]}")
    for k in (1, 2, 3):
        if size > k:
            centre.append(f"p{k}={lower[:k]}")
    if size > 2:
        near.append("s3=" + lower[-3:])
    near.append("sh=" + shape(form))
    known = lexicon.get(lower)
    if known is not None:
        fine, coarse, capitalised = known
        centre += [f"k={fine}", f"kc={coarse}", f"cap={capitalised}{where}"]
        near += [f"k={fine}", f"cap={capitalised}{where}"]
        far.append(f"kc={coarse}")
    else:
        centre.append("k=none")
    return {0: centre, 1: near, 2: far}


def write_model(path: str, header: dict, arrays: dict[str, np.ndarray]) -> None:
    """One gzip file (no time stamp): a JSON header line, then the arrays' raw bytes in header order."""
    header = {**header, "arrays": [[name, str(a.dtype), list(a.shape)] for name, a in arrays.items()]}
    blob = json.dumps(header, ensure_ascii=False, sort_keys=True).encode() + b"\n"
    blob += b"".join(a.tobytes() for a in arrays.values())
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="", compresslevel=9) as gz:
        gz.write(blob)


def read_model(path: str) -> tuple[dict, dict[str, np.ndarray]]:
    import numpy as np

    with open(path, "rb") as fh:
        blob = gzip.decompress(fh.read())
    newline = blob.index(b"\n")
    header = json.loads(blob[:newline])
    arrays, at = {}, newline + 1
    for name, dtype, shape_ in header["arrays"]:
        count = int(np.prod(shape_))
        arrays[name] = np.frombuffer(blob, dtype=dtype, count=count, offset=at).reshape(shape_)
        at += count * np.dtype(dtype).itemsize
    return header, arrays


class Tagger:
    """A trained model and the per-type score vectors it has worked out so far."""

    def __init__(self, header: dict, arrays: dict[str, np.ndarray]) -> None:
        import numpy as np

        self._np = np
        self.tags = [Tag(*t.split("|")) for t in header["tags"]]
        self.lexicon = {w: tuple(c) for w, c in zip(header["lexicon_words"], header["lexicon_classes"])}
        self.vocab = {int(o): {f: i for i, f in enumerate(feats)} for o, feats in header["vocab"].items()}
        self.weights = {o: arrays[f"w{o}"] for o in OFFSETS}
        n = len(self.tags) + 1  # the padding tag
        self.pairs = tuple(arrays[name].reshape(n * n, len(self.tags)) for name in ("lr", "ll", "rr"))
        self._row: dict[str, int] = {}  # type key -> row of the type vectors
        self._vectors = {o: np.zeros((0, len(self.tags)), np.int16) for o in OFFSETS}

    # -- type vectors --------------------------------------------------------
    def _rows(self, keys: list[str]) -> np.ndarray:
        """The rows of these type keys in the type-vector tables, working out new types."""
        np = self._np
        new = [k for k in dict.fromkeys(keys) if k not in self._row]
        if new:
            self._add_types(new)
        get = self._row.__getitem__
        return np.fromiter(map(get, keys), np.intp, len(keys))

    def _add_types(self, keys: list[str]) -> None:
        np = self._np
        lexicon = self.lexicon
        features = [type_features(k, lexicon) for k in keys]
        for offset in OFFSETS:
            vocab = self.vocab[offset]
            group = abs(offset)
            rows: list[int] = []
            bounds = []
            for feats in features:
                bounds.append(len(rows))
                rows += [vocab[f] for f in feats[group] if f in vocab]
            table = self.weights[offset]
            gathered = np.zeros((len(rows) + 1, table.shape[1]), np.int32)
            gathered[:-1] = table[np.asarray(rows, np.intp)]
            # each type's rows are consecutive: one reduceat sums them (a type without any gets the zero row)
            ends = np.asarray(bounds[1:] + [len(rows)], np.intp)
            starts = np.asarray(bounds, np.intp)
            vectors = np.add.reduceat(gathered, np.minimum(starts, len(rows)), axis=0)
            vectors[starts == ends] = 0
            np.clip(vectors, -32767, 32767, out=vectors)
            self._vectors[offset] = np.concatenate([self._vectors[offset], vectors.astype(np.int16)])
        first = len(self._row)
        self._row.update(zip(keys, range(first, first + len(keys))))

    # -- tagging -------------------------------------------------------------
    def tag_ids(self, words: Sequence[str], sentence_starts: Sequence[int] = (0,)) -> np.ndarray:
        """The index into `self.tags` of every token's tag."""
        np = self._np
        n = len(words)
        if n == 0:
            return np.zeros(0, np.intp)
        starts = np.unique(np.clip(np.asarray(sorted({0, *sentence_starts}), np.intp), 0, n - 1))
        keys = self._keys(words, starts)
        rows = self._rows([PAD, *keys])
        sentence = np.searchsorted(starts, np.arange(n), side="right")  # 1-based
        where = np.arange(n) + 2 * sentence
        padded = np.full(n + 2 * (len(starts) + 1), rows[0], np.intp)
        padded[where] = rows[1:]
        scores = self._vectors[0][padded[where]].astype(np.int32)
        for offset in (-2, -1, 1, 2):
            scores += self._vectors[offset][padded[where + offset]]
        first = scores.argmax(1)
        pad_tag = len(self.tags)
        tags = np.full(len(padded), pad_tag, np.intp)
        tags[where] = first
        width = pad_tag + 1
        left, left2, right, right2 = tags[where - 1], tags[where - 2], tags[where + 1], tags[where + 2]
        lr, ll, rr = self.pairs
        scores += lr[left * width + right]
        scores += ll[left2 * width + left]
        scores += rr[right * width + right2]
        return scores.argmax(1)

    def tag(self, words: Sequence[str], sentence_starts: Sequence[int] = (0,)) -> list[Tag]:
        tags = self.tags
        return [tags[i] for i in self.tag_ids(words, sentence_starts).tolist()]

    def _keys(self, words: Sequence[str], starts: np.ndarray) -> list[str]:
        """Type keys: the words, INITIAL-prefixed where one starts a sentence or follows an opening quote."""
        return sentence_keys(words, starts.tolist())


def sentence_keys(words: Sequence[str], starts: Sequence[int]) -> list[str]:
    """Type keys of the tokens: the word, INITIAL-prefixed where it is the first word of its sentence
    (punctuation before it skipped) or comes right after an opening quotation mark."""
    keys = list(words)
    n = len(keys)
    ends = [*starts[1:], n]
    for start, end in zip(starts, ends):
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
