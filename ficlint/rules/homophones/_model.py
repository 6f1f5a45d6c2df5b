"""The context model of H001: its features, its trained weights and how it scores.

scripts/train_homophones.py imports the features from here, so the shipped
model (ficlint/data/homophones.json.gz) and the check always agree; after
changing a feature, retrain.

One linear classifier per confusion set over collocation and word-window
features, the feature set of the classic context-sensitive spelling work
(Golding's Bayesian hybrid; Golding & Roth's Winnow-based WinSpell), trained
as a multinomial logistic regression (discriminative, so the overlapping
features are not counted twice as naive Bayes would). For an occurrence of a
member at token i the features are:

- the word to the left and to the right, the two words to the left, the two
  to the right, and the pair around it (`they _ the`);
- the same with each word replaced by its distributional class: 64 clusters
  of the 5,000 commonest words by their neighbours (k-means, trained with the
  model). The classes stand in for parts of speech, so the model generalises
  from "they were" to "tears were" with a corpus of only ~1.2M words;
- the classes of the three words to the left and of the three to the right;
- the classes of the words 2-6 places either side, up to the nearest
  punctuation, as two bags: "where" opens a clause with a verb of its own
  ("where the jewels are hidden"), "were" is that verb;
- how many words precede it in its sentence (0-3), and whether the sentence
  ends with a question mark ("where" asks);
- whether its clause already has a past-tense verb in -ed (nothing but a
  comma, a stop or a conjunction between), alone and with the class of the
  next word: "starred into her eyes threw the vanity" has its verb, so the
  second one reads as the preposition "through" (also passed/past);
- the last two letters of the neighbouring words (`-ed`, `-ng`, `-ly`);
- whether the next word starts with a vowel, a consonant or an h (an/and);
- for the rarer, content-word sets only, the words within five tokens either
  side (rain/reign, weather/whether, desert/dessert).

The model reads a paragraph as its own tokens (`tokenize`): words and the
punctuation that matters for context, sentence punctuation, dashes and
quotation marks included, so "feel it to." sees the full stop. The class
prior is capped so that a member the novels rarely use is not suggested on
frequency alone, except for members marked `rare` in the data ("evitable").

An occurrence of member `a` is suggested as `b` when `b` wins by a margin
(log-odds) above the threshold for that direction (a to b), chosen by the
training script by cross-validation for a false-alarm budget. The model ships
with integer weights and loads lazily, once (~0.1 s). Scoring is a C-level
sum of dictionary lookups; the word window is only looked at when it could
change the verdict.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ficlint.resources import data_dir
from ficlint.rules.homophones._confusables import sets_by_name

MODEL_FILE = "homophones.json.gz"
WINDOW = 5  # words either side for the bag-of-words features
PAD = "<s>"

# Words (a trailing apostrophe kept, so dialect "an'" and "goin'" are other words)
# and the punctuation that matters for context.
TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*'?|[.!?…]+|[,;:]|--+|[—–]|[\"“”]")
_PUNCT_NORM = {",": ",", ";": ",", ":": ",", "-": "-", "—": "-", "–": "-", '"': '"', "“": '"', "”": '"',
               ".": ".", "!": ".", "?": ".", "…": "."}
SENTENCE_OPENERS = frozenset({PAD, ".", '"', "-"})  # normalized tokens after which a sentence starts


# -- features (shared with scripts/train_homophones.py) ------------------------


def normalize(text: str) -> str:
    """Lowercase with straight apostrophes (nearly always the same length as `text`)."""
    return text.lower().replace("’", "'")


def tokenize(text: str) -> list[str]:
    """Lowercased tokens of a paragraph, curly apostrophes made straight."""
    return TOKEN.findall(normalize(text))


def padded(tokens: list[str]) -> list[str]:
    return [PAD, PAD, *tokens, PAD, PAD]


def norm(token: str) -> str:
    """A token with punctuation reduced to its class: . , - " (words unchanged)."""
    if token[0].isalpha() or token == PAD:
        return token
    return _PUNCT_NORM.get(token[0], token[0])


def _initial(token: str) -> str:
    first = token[0]
    if not first.isalpha():
        return "p"
    return "v" if first in "aeiou" else "h" if first == "h" else "c"


def features(tokens: Sequence[str], i: int, window: bool, clusters: dict[str, str]) -> list[str]:
    """The context features of the token at i in a padded token list."""
    found = local_features(tokens, i, clusters)
    if window:
        found.extend(window_features(tokens, i))
    return found


def local_features(tokens: Sequence[str], i: int, clusters: dict[str, str]) -> list[str]:
    """Collocations: the neighbouring words, their classes and endings, and
    where the word sits in its sentence and clause."""
    l3, l2, l1, r1, r2, r3 = (tokens[i - 3] if i >= 3 else PAD, tokens[i - 2], tokens[i - 1],
                              tokens[i + 1], tokens[i + 2], tokens[i + 3] if i + 3 < len(tokens) else PAD)
    l1 = l1 if l1[0].isalpha() else norm(l1)
    l2 = l2 if l2[0].isalpha() else norm(l2)
    l3 = l3 if l3[0].isalpha() else norm(l3)
    r1 = r1 if r1[0].isalpha() else norm(r1)
    r2 = r2 if r2[0].isalpha() else norm(r2)
    r3 = r3 if r3[0].isalpha() else norm(r3)
    get = clusters.get
    cl1, cl2, cl3 = get(l1) or _shape(l1), get(l2) or _shape(l2), get(l3) or _shape(l3)
    cr1, cr2, cr3 = get(r1) or _shape(r1), get(r2) or _shape(r2), get(r3) or _shape(r3)
    found = [f"<{l1}", f">{r1}", f"<<{l2} {l1}", f">>{r1} {r2}", f"<>{l1} {r1}", f">i{_initial(r1)}",
             f"<c{cl1}", f">c{cr1}", f"<<c{cl2} {cl1}", f">>c{cr1} {cr2}", f"<>c{cl1} {cr1}",
             f"<<C{cl2} {l1}", f">>C{r1} {cr2}", f"<<<c{cl3} {cl2} {cl1}", f">>>c{cr1} {cr2} {cr3}",
             f"^{_words_since_stop(tokens, i)}"]
    if _ends_in_question(tokens, i):
        found.append("?")
    if _clause_has_past_verb(tokens, i):
        found.append("v")
        found.append(f"v>c{cr1}")
    found.extend(_clause_classes(tokens, i, clusters))
    if len(l1) > 3 and l1[0].isalpha():
        found.append(f"<s{l1[-2:]}")
    if len(r1) > 3 and r1[0].isalpha():
        found.append(f">s{r1[-2:]}")
    return found


def _clause_classes(tokens: Sequence[str], i: int, clusters: dict[str, str]) -> set[str]:
    """The classes of the words 2-6 places ahead and 2-6 behind, up to the
    nearest punctuation, as two bags: "where" wants a clause with its own verb
    after it ("where the jewels are hidden"), "were" is that verb."""
    found = set()
    for j in range(i + 2, min(len(tokens), i + 7)):
        t = tokens[j]
        if not t[0].isalpha():
            break
        found.add(">b" + (clusters.get(t) or _shape(t)))
    for j in range(i - 2, max(-1, i - 7), -1):
        t = tokens[j]
        if not t[0].isalpha():
            break
        found.add("<b" + (clusters.get(t) or _shape(t)))
    return found


def _shape(token: str) -> str:
    """The class of a (normalized) token outside the clusters: itself for
    punctuation, else its last two letters."""
    return token if not token[0].isalpha() or token == PAD else "-" + token[-2:]


_STOP_FIRST = frozenset('<.!?…"“”-—–')  # first characters of PAD and of the tokens that open a sentence


def _words_since_stop(tokens: Sequence[str], i: int) -> int:
    """How many words precede token i in its sentence (0-3, 3 meaning more)."""
    n = 0
    for j in range(i - 1, max(-1, i - 4), -1):
        t = tokens[j]
        if t[0] in _STOP_FIRST:
            return n
        n += t[0].isalpha()
    return 3


_CLAUSE_BREAKS = frozenset({"and", "but", "or", "nor", "that", "which", "who", "whom", "when", "while", "as",
                            "if", "because", "though", "although", "till", "until", "where", "whose"})


def _clause_has_past_verb(tokens: Sequence[str], i: int) -> bool:
    """Whether the clause before token i (back to a comma, a stop or a
    conjunction, at most 8 tokens) already has a past-tense verb in -ed: a
    second verb there is unlikely, so "starred into her eyes threw the vanity"
    reads "through", and "walked passed him" "past"."""
    for j in range(i - 1, max(-1, i - 9), -1):
        t = tokens[j]
        if not t[0].isalpha() or t in _CLAUSE_BREAKS:
            return False
        if len(t) > 4 and t.endswith("ed"):
            return True
    return False


def _ends_in_question(tokens: Sequence[str], i: int) -> bool:
    """Whether the sentence around token i (within 30 tokens) ends with a question mark."""
    for t in tokens[i + 1:i + 31]:
        if t[0] in ".!?…":
            return "?" in t
    return False


def window_features(tokens: Sequence[str], i: int) -> list[str]:
    """The words within WINDOW tokens either side."""
    near = {t for t in tokens[max(0, i - WINDOW):i + WINDOW + 1] if t[0].isalpha()}
    near.discard(tokens[i])
    return sorted(f"w{t}" for t in near)



# -- the trained model ---------------------------------------------------------


@dataclass
class SetModel:
    """One confusion set's linear model: score(member) = prior + the sum of the
    weights of the occurrence's features. Scores are in units of 1/scale nat
    (the shipped model keeps integers).

    Scoring is a C-level sum over dict lookups, so the weights are kept as
    columns: with two members only the difference matters (one column, one
    lookup per feature), with more one column per member. `window_bound` is,
    for each written member, the most the word window can add to the margin of
    any other member: it lets `suggestions` skip the window when the
    collocations alone leave the written word far ahead."""

    members: tuple[str, ...]
    prior: list[float]
    thresholds: list[list[float]]  # [written][intended]: the margin needed to suggest `intended`
    window: bool
    columns: list[dict[str, float]]
    window_bound: list[float]
    scale: float = 1.0
    vowel_only: frozenset[int] = frozenset()  # members that only fit before a vowel letter or h
    weights: dict[str, list[float]] | None = None  # per feature, one weight per member: training only
    stricter: list[list[list[float]]] = field(default_factory=list)  # see `confidence`

    @classmethod
    def from_weights(cls, members: tuple[str, ...], prior: list[float], thresholds: list[list[float]],
                     window: bool, weights: dict[str, list[float]], scale: float = 1.0) -> SetModel:
        """The model of per-feature weight vectors (one weight per member), as training learns them."""
        if len(members) == 2:
            columns = [{f: w[1] - w[0] for f, w in weights.items() if w[1] != w[0]}]
        else:
            columns = [{f: w[c] for f, w in weights.items() if w[c]} for c in range(len(members))]
        bounds = _window_bounds(len(members), weights) if window else []
        return cls(members, prior, thresholds, window, columns, bounds, scale, weights=weights)

    def scores(self, feats: Iterable[str]) -> list[float]:
        feats = list(feats)
        if len(self.members) == 2:
            return [self.prior[0], self.prior[1] + sum(filter(None, map(self.columns[0].get, feats)))]
        return [p + sum(filter(None, map(col.get, feats)))
                for p, col in zip(self.prior, self.columns, strict=True)]


def _window_bounds(k: int, weights: dict[str, list[float]]) -> list[float]:
    window = [w for f, w in weights.items() if f[0] == "w"]
    bounds = []
    for a in range(k):
        best = 0.0
        for b in range(k):
            if b != a:
                gains = sorted((w[b] - w[a] for w in window if w[b] > w[a]), reverse=True)
                best = max(best, sum(gains[:2 * WINDOW]))
        bounds.append(best)
    return bounds


@dataclass
class Model:
    sets: dict[str, SetModel]  # by set name
    by_word: dict[str, list[tuple[SetModel, int]]]
    clusters: dict[str, str]  # word -> distributional class


def model_from_json(data: dict[str, Any]) -> Model:
    scale = float(data["scale"])
    sets: dict[str, SetModel] = {}
    by_word: dict[str, list[tuple[SetModel, int]]] = {}
    data_sets = sets_by_name()
    for entry in data["sets"]:
        members = tuple(entry["members"])
        known = data_sets.get("/".join(members))
        vowel_only = frozenset(members.index(w) for w in known.before_vowel) if known else frozenset()
        model = SetModel(members, entry["prior"], entry["thresholds"], entry["window"], entry["columns"],
                         entry.get("window_bound", []), scale, vowel_only, stricter=entry.get("stricter", []))
        sets["/".join(model.members)] = model
        for c, word in enumerate(model.members):
            by_word.setdefault(word, []).append((model, c))
    return Model(sets, by_word, data.get("clusters", {}))


@cache
def load_model() -> Model | None:
    """The shipped model, once per process; None when the file is missing."""
    path = data_dir() / MODEL_FILE
    if not path.is_file():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return model_from_json(json.load(fh))


@dataclass(frozen=True)
class Suggestion:
    token_index: int  # in the unpadded token list
    written: str
    intended: str
    set_name: str
    margin: float
    levels: tuple[float, ...]  # what this set needs (nats) to suggest `intended` for `written`, then
    # the stricter thresholds (see `confidence`)


def suggestions(model: Model, tokens: list[str]) -> Iterator[Suggestion]:
    """Members of a confusion set in `tokens` for which another member fits the
    context better by more than the set's threshold for that pair."""
    by_word = model.by_word
    clusters = model.clusters
    toks = padded(tokens)
    for i in range(2, len(toks) - 2):
        entries = by_word.get(toks[i])
        if entries is None:
            continue
        for set_model, written in entries:
            if set_model.vowel_only and toks[i + 1][0] not in "aeiouh" and \
                    all(c in set_model.vowel_only for c in range(len(set_model.members)) if c != written):
                continue  # "and" before "skip" cannot have been meant as "an"
            row = set_model.thresholds[written]
            feats = local_features(toks, i, clusters)
            scores = set_model.scores(feats)
            if set_model.window:
                ahead = max(scores[c] - scores[written] for c in range(len(scores)) if c != written)
                lowest = min(row[c] for c in range(len(row)) if c != written)
                if ahead + set_model.window_bound[written] <= lowest:
                    continue  # even the most telling words around could not change the verdict
                scores = set_model.scores(feats + window_features(toks, i))
            best = max((c for c in range(len(scores)) if c != written), key=scores.__getitem__)
            margin = scores[best] - scores[written]
            if margin > row[best]:
                levels = (row[best], *(level[written][best] for level in set_model.stricter))
                yield Suggestion(i - 2, toks[i], set_model.members[best], "/".join(set_model.members),
                                 margin / set_model.scale, tuple(t / set_model.scale for t in levels))


LEVEL_CONFIDENCE = (0.5, 0.75, 0.9)  # at the threshold, and at each stricter one


def confidence(margin: float, levels: Sequence[float]) -> float:
    """The reported confidence of a model finding whose margin is `margin`
    nats, where `levels` are its direction's threshold and then the stricter
    thresholds training chose for fewer false alarms (1 and 0.5 per 10,000
    words). The confidence is 0.5 at the threshold, 0.75 at the first stricter
    one and 0.9 at the second, linear in between, and nears 0.99 beyond, so
    `min-confidence: 0.75` keeps what the model chosen for 1 false alarm per
    10,000 words would flag. Kept within 0.51-0.99."""
    anchors = LEVEL_CONFIDENCE[:len(levels)]
    if margin >= levels[-1]:
        top = anchors[-1]
        found = top + (0.99 - top) * (1 - math.exp(levels[-1] - margin))
    else:
        i = max(j for j, t in enumerate(levels) if t <= margin) if margin >= levels[0] else 0
        low, high = levels[i], levels[i + 1]
        share = (margin - low) / (high - low) if high > low else 1.0
        found = anchors[i] + share * (anchors[i + 1] - anchors[i])
    return round(min(0.99, max(0.51, found)), 2)


