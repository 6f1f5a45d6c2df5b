"""Homophones and confusable words, decided by context: "They where the kind of
tears", "eyes threw the vanity", "you feel it to."

Every word is in the dictionary, so only the context can tell. The confusion
sets (where/were/we're, to/too/two, an/and, passed/past, ...; 117 of them) and
a gloss for each member are data in `rules/data/confusables.yaml`.

H001: the context model
-----------------------
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

Sentence punctuation, dashes and quotation marks are tokens, so "feel it to."
sees the full stop. The class prior is capped so that a member the novels
rarely use is not suggested on frequency alone, except for members marked
`rare` in the data ("evitable": the novels never use it).

The novels of the corpus mostly write "it is" where a writer today writes
"it's", so every "it is", "you are", "we are", "they are" and "who is" also
trains the contraction's context (never its thresholds).

An occurrence of member `a` is flagged when another member `b` wins by a
margin (log-odds) above the threshold for that direction (a to b; members
used fewer than 1,000 times in the corpus share one threshold per set).
scripts/train_homophones.py chooses the thresholds by cross-validation over
whole books: from the held-out scores of every occurrence it knows, per
direction and per threshold, how many correct uses would be flagged (false
alarms) and how many slips would be caught had the writer put another member
there. The thresholds that catch the most slips for a budget of 1.75
cross-validated false alarms per 10,000 words are found by one price per
false alarm for all directions (a Lagrangian: each sits at the same
trade-off), each direction's false-alarm count shrunk towards the rate of all
(so a rare word with no false alarm in 30 uses is not trusted to have none),
and sets with little data need at least 3 nats. Dialogue and author's
notes need an extra margin (`extra_margin` in the data): speech has dialect
and notes are casual. Capitalised words mid-sentence (names: "Will", "Rose")
and dialect forms with an apostrophe ("an'") are left alone.

The model ships as ficlint/data/homophones.json.gz (~0.3 MB, integer weights)
and loads lazily, once (~0.1 s). Scoring is a C-level sum of dictionary
lookups; the word window is only looked at when it could change the verdict.

H002: hand-written patterns
---------------------------
Grammatical patterns (`patterns:` in the same data file) for what a
word-window model trained on 1900s novels cannot see: "could of been", "they
where", a plural noun + "where" + participle, "feel it to.", "-ing passed
her", "starred into".

Fix safety: never safe. A statistical guess about which word the writer meant
(and a pattern like "could of", which may be deliberate dialect in speech) must
not rewrite a manuscript unattended; `--unsafe-fixes` applies them. Each
finding carries its confidence (for the model: 0.5 at its threshold, 0.75
where the thresholds chosen for 1 false alarm per 10,000 words would flag it
too, 0.9 at those for 0.5, see `confidence`; for a pattern its fixed
confidence) and the intended word in `data["intended"]`.
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

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import Document, RegionKind
from ficlint.resources import data_dir, load_data
from ficlint.rule import Rule

MODEL_FILE = "homophones.json.gz"
WINDOW = 5  # words either side for the bag-of-words features
PAD = "<s>"
_PROSE_PARAGRAPHS = (RegionKind.NARRATION, RegionKind.AUTHOR_NOTE)
_CHECKED_REGIONS = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)

# Words (a trailing apostrophe kept, so dialect "an'" and "goin'" are other words)
# and the punctuation that matters for context.
TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*'?|[.!?…]+|[,;:]|--+|[—–]|[\"“”]")
_PUNCT_NORM = {",": ",", ";": ",", ":": ",", "-": "-", "—": "-", "–": "-", '"': '"', "“": '"', "”": '"',
               ".": ".", "!": ".", "?": ".", "…": "."}
_SENTENCE_OPENERS = frozenset({PAD, ".", '"', "-"})

CONTEXT_HOMOPHONE = Rule(
    id="H001",
    name="homophone-in-context",
    category="homophone",
    summary="A word that sounds like another where the context calls for the other (`they where`).",
    why="A spell checker cannot see these: every word is in the dictionary. A reader trips over "
        "\"their\" for \"there\" as surely as over a misspelling.",
    flags=("They where the kind of tears that made it hard to breathe.",
           "It was to late to go back.", "Their is no time left.", "I no what you mean.",
           "She tried to answer an skip the question.", "She let out a deep breathe."),
    allows=("Where were you last night?", "They were the kind of tears that made it hard to breathe.",
            "I know deep down you feel it too.", "People were bustling past her towards the steps.",
            "\"Bread an' butter,\" said the old man.", "\"I'll tell you where to go.\"",
            "Will Turner sat down.", "She read it aloud."),
    fix_safety="Unsafe: the model guesses which word was meant from the words around it; read the "
               "sentence before accepting.",
)
PATTERN_HOMOPHONE = Rule(
    id="H002",
    name="homophone-pattern",
    category="homophone",
    summary="A sound-alike slip a hand-written pattern knows (`could of been`, `its been`, `taller then`).",
    why="Said aloud, \"could've\" sounds like \"could of\" and \"it's\" like \"its\", but on the page the "
        "grammar needs the other word.",
    flags=("She could of been a star.", "You should of told me.", "They where late.",
           "Its been a long day.", "Your welcome.", "She was taller then her brother.",
           "The dog chased it's own tail.", "If your going to be like that, leave.",
           "I could here the rain on the roof.", "I am quiet sure of it."),
    allows=("She could have been a star.", "We could, of course, leave now.", "It must of course be true.",
            "I'll tell you where they went.", "Its own tail wagged.", "Your turn.",
            "She was happier then than now.", "Even then, she was older then.",
            "She approved of your going to see him.", "What do you do here the whole day?",
            "She sat quiet a moment.",
            "You'll go to bed as I told you to."),
    fix_safety="Unsafe: in a character's speech it may be deliberate dialect.",
)


@dataclass(frozen=True)
class ConfusionSet:
    members: tuple[str, ...]
    glosses: tuple[str, ...]
    rare: frozenset[str] = frozenset()
    margin: float = 0.0
    before_vowel: frozenset[str] = frozenset()  # members only ever suggested before a vowel letter or h

    @property
    def name(self) -> str:
        return "/".join(self.members)


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    fix: str
    explanation: str
    confidence: float
    before: re.Pattern[str] | None = None  # must match the text just before the match

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches in `text`, which the caller has lowercased (see `normalize`)."""
        for m in self.regex.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "'"):
                continue  # not at the start of a word
            if self.before is None or self.before.search(text, max(0, m.start() - 60), m.start()):
                yield m


@cache
def confusion_sets() -> tuple[ConfusionSet, ...]:
    """The confusion sets of rules/data/confusables.yaml, in file order."""
    sets = []
    for entry in load_data("confusables")["sets"]:
        entry = dict(entry)
        rare = frozenset(entry.pop("rare", ()))
        margin = float(entry.pop("margin", 0.0))
        before_vowel = frozenset(entry.pop("before_vowel", ()))
        members = tuple(str(word) for word in entry)
        sets.append(ConfusionSet(members, tuple(str(entry[w]) for w in entry), rare, margin, before_vowel))
    return tuple(sets)


@cache
def patterns() -> tuple[Pattern, ...]:
    return tuple(Pattern(p["name"], re.compile(p["pattern"]), p["fix"], p["explanation"],
                         float(p["confidence"]), re.compile(p["before"] + r"\Z") if "before" in p else None)
                 for p in load_data("confusables").get("patterns", ()))


@cache
def region_margins() -> dict[str, float]:
    return {str(k): float(v) for k, v in load_data("confusables").get("extra_margin", {}).items()}


# -- features (shared with scripts/train_homophones.py) ------------------------


def normalize(text: str) -> str:
    """Lowercase with straight apostrophes (nearly always the same length as `text`)."""
    return text.lower().replace("’", "'")


def tokenize(text: str) -> list[str]:
    """Lowercased tokens of a paragraph, curly apostrophes made straight."""
    return TOKEN.findall(normalize(text))


def padded(tokens: list[str]) -> list[str]:
    return [PAD, PAD, *tokens, PAD, PAD]


def _norm(token: str) -> str:
    """A token with punctuation reduced to its class: . , - " (words unchanged)."""
    if token[0].isalpha() or token == PAD:
        return token
    return _PUNCT_NORM.get(token[0], token[0])


def _suffix(token: str) -> str:
    return token[-2:] if len(token) > 3 and token[0].isalpha() else ""


def _initial(token: str) -> str:
    first = token[0]
    if not first.isalpha():
        return "p"
    return "v" if first in "aeiou" else "h" if first == "h" else "c"


def word_class(token: str, clusters: dict[str, str]) -> str:
    """The distributional class of a (normalized) token: its cluster, else its ending."""
    found = clusters.get(token)
    if found is not None:
        return found
    return token if not token[0].isalpha() or token == PAD else "-" + token[-2:]


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
    l1 = l1 if l1[0].isalpha() else _norm(l1)
    l2 = l2 if l2[0].isalpha() else _norm(l2)
    l3 = l3 if l3[0].isalpha() else _norm(l3)
    r1 = r1 if r1[0].isalpha() else _norm(r1)
    r2 = r2 if r2[0].isalpha() else _norm(r2)
    r3 = r3 if r3[0].isalpha() else _norm(r3)
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
    data_sets = _sets_by_name()
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


# -- the check -----------------------------------------------------------------


class Homophones(Check):
    family = "homophones"
    rules = (CONTEXT_HOMOPHONE, PATTERN_HOMOPHONE)

    def __init__(self, model: Model | None = None) -> None:
        self._model = model  # None: the shipped model (scripts/eval_homophones.py passes its own)

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        from_patterns = list(self._pattern_findings(doc)) if ctx.is_enabled(PATTERN_HOMOPHONE.id) else []
        yield from from_patterns
        if ctx.is_enabled(CONTEXT_HOMOPHONE.id):
            taken = {d.start for d in from_patterns}  # one finding per word: the pattern's is more specific
            yield from (d for d in self._model_findings(doc) if d.start not in taken)

    def _model_findings(self, doc: Document) -> Iterator[Diagnostic]:
        model = self._model or load_model()
        if model is None:
            return
        glosses = _glosses()
        margins = region_margins()
        text = doc.text
        for para in doc.paragraphs:
            if para.kind not in _PROSE_PARAGRAPHS:
                continue
            lowered = normalize(text[para.start:para.end])
            found = list(suggestions(model, TOKEN.findall(lowered)))
            if not found or len(lowered) != para.end - para.start:
                continue
            spans = [(m.start() + para.start, m.end() + para.start) for m in TOKEN.finditer(lowered)]
            for s in found:
                start, end = spans[s.token_index]
                extra = self._extra_margin(doc, s, start, end, spans, margins)
                if extra is None:
                    continue
                written = text[start:end]
                fix = keep_case(written, s.intended)
                yield Diagnostic(CONTEXT_HOMOPHONE.id, start, end,
                                 _message(written, fix, s.intended, glosses),
                                 (Fix(start, end, fix, safe=False),),
                                 confidence=confidence(s.margin, [t + extra for t in s.levels]),
                                 data={"intended": fix, "set": s.set_name})

    def _extra_margin(self, doc: Document, s: Suggestion, start: int, end: int,
                      spans: list[tuple[int, int]], margins: dict[str, float]) -> float | None:
        """The margin (nats) this region and set need beyond the model's
        thresholds; None: the suggestion is not reported."""
        kind = doc.kind_at(start)
        if kind not in _CHECKED_REGIONS:
            return None
        confusion = _sets_by_name().get(s.set_name)
        extra = margins.get(str(kind), 0.0) + (confusion.margin if confusion else 0.0)
        if s.margin <= s.levels[0] + extra:
            return None
        written = doc.text[start:end]
        # a capital mid-sentence: a name or a title ("Will", "Rose")
        mid_sentence = s.token_index > 0 and not _opens_sentence(doc.text, spans, s.token_index)
        if written[:1].isupper() and mid_sentence:
            return None
        return extra

    def _pattern_findings(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if doc.lower_text is None:  # lowering moves offsets ("İ")
            return
        lowered = doc.lower_text.replace("’", "'")  # as normalize() does, without lowering the text again
        for pattern in patterns():
            for m in pattern.finditer(lowered):
                start, end = m.span("bad")
                if doc.kind_at(start) not in _CHECKED_REGIONS:
                    continue
                written = text[start:end]
                fix = keep_case(written, pattern.fix)
                yield Diagnostic(PATTERN_HOMOPHONE.id, start, end,
                                 f"\"{written}\": did you mean \"{fix}\"? {pattern.explanation}.",
                                 (Fix(start, end, fix, safe=False),), confidence=pattern.confidence,
                                 data={"intended": fix, "pattern": pattern.name})


@cache
def _sets_by_name() -> dict[str, ConfusionSet]:
    return {s.name: s for s in confusion_sets()}


@cache
def _glosses() -> dict[str, str]:
    return {word: gloss for s in confusion_sets() for word, gloss in zip(s.members, s.glosses, strict=True)}


def _opens_sentence(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    before = text[spans[index - 1][0]:spans[index - 1][1]]
    return _norm(before.lower()) in _SENTENCE_OPENERS




def _message(written: str, fix: str, intended: str, glosses: dict[str, str]) -> str:
    meant = glosses.get(intended, "")
    wrote = glosses.get(normalize(written), "")
    head = f"\"{written}\" ({wrote})" if wrote else f"\"{written}\""
    return f"{head}: did you mean \"{fix}\" ({meant})?" if meant else f"{head}: did you mean \"{fix}\"?"


CHECKS = [Homophones]
