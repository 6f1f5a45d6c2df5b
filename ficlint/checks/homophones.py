"""Homophones and confusable words, decided by context: "They where the kind of
tears", "eyes threw the vanity", "you feel it to."

Every word is in the dictionary, so only the context can tell. The confusion
sets (where/were/we're, to/too/two, an/and, passed/past, ...) and a gloss for
each member are data in `rules/data/confusables.yaml`.

The model
---------
A naive Bayes classifier per confusion set over collocation and word-window
features, as in Golding's Bayesian hybrid and Golding & Roth's WinSpell work on
context-sensitive spelling correction. For an occurrence of a member at token i
the features are:

- the word to the left and to the right, the two words to the left, the two to
  the right, and the pair around it (`they _ the`);
- the last two letters of the neighbouring words (`-ed`, `-ng`, `-ly`: a cheap
  stand-in for part of speech, so "smiles where shared" is seen as "_ + past
  participle" even if "shared" never followed "were" in training);
- whether the next word starts with a vowel, a consonant or an h (an/and);
- for the rarer, content-word sets only, the words within five tokens either
  side (rain/reign, weather/whether, peek/peak).

Sentence punctuation, dashes and quotation marks are tokens, so "feel it to."
sees the full stop. Likelihoods are smoothed towards each feature's frequency
in the whole set (a Dirichlet prior), so a feature seen with neither member
says nothing. The class prior is the members' training frequency, capped so
that a rare member is not suggested on frequency alone, except for members the
data marks `rare` ("evitable": the novels never use it).

An occurrence of member `a` is flagged when another member `b` wins by a
margin log P(b | context) - log P(a | context) above the set's threshold. The
training script (scripts/train_homophones.py) chooses each threshold by
cross-validation over whole books: high enough that almost no untouched
occurrence in an unseen book would be flagged (precision first). Dialogue and
author's notes need an extra margin: speech has dialect and notes are casual.
The model is trained from the public-domain novels of the project's corpus;
it ships as ficlint/data/homophones.json.gz and loads lazily, once.

Hand-written context patterns (`patterns:` in the same YAML file) cover what a
one-word model cannot: "could of" for "could have".

Fix safety: never safe. A statistical guess about which word the writer meant
(and a pattern like "could of", which may be deliberate dialect in speech) must
not rewrite a manuscript unattended; `--unsafe-fixes` applies them.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix
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
_PUNCT_CLASS = {",": ",", ";": ",", ":": ",", "-": "-", "—": "-", "–": "-", '"': '"', "“": '"', "”": '"'}
_SENTENCE_OPENERS = frozenset({PAD, ".", '"', "-"})

CONTEXT_HOMOPHONE = Rule(
    id="H001",
    name="homophone-in-context",
    category="homophone",
    summary="A word that sounds like another where the context calls for the other (`they where`, `feel it to.`).",
    why="A spell checker cannot see these: every word is in the dictionary. A reader trips over "
        "\"their\" for \"there\" as surely as over a misspelling.",
    flags=("They where the kind of tears that made it hard to breathe.",
           "I know deep down you feel it to.",
           "She tried to answer an skip the question."),
    allows=("Where were you last night?", "They were the kind of tears that made it hard to breathe.",
            "I know deep down you feel it too.", "People were bustling past her towards the steps.",
            "\"Bread an' butter,\" said the old man."),
    fix_safety="Unsafe: the model guesses which word was meant from the words around it; read the "
               "sentence before accepting.",
)
PATTERN_HOMOPHONE = Rule(
    id="H002",
    name="homophone-pattern",
    category="homophone",
    summary="A sound-alike slip a hand-written pattern recognises (`could of been` for `could have been`).",
    why="Said aloud, \"could've\" sounds like \"could of\", but written down the verb needs \"have\".",
    flags=("She could of been a star.", "You should of told me."),
    allows=("She could have been a star.", "We could, of course, leave now.", "It must of course be true."),
    fix_safety="Unsafe: in a character's speech it may be deliberate dialect.",
)


@dataclass(frozen=True)
class ConfusionSet:
    members: tuple[str, ...]
    glosses: tuple[str, ...]
    rare: frozenset[str] = frozenset()
    margin: float = 0.0

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


@cache
def confusion_sets() -> tuple[ConfusionSet, ...]:
    """The confusion sets of rules/data/confusables.yaml, in file order."""
    sets = []
    for entry in load_data("confusables")["sets"]:
        entry = dict(entry)
        rare = frozenset(entry.pop("rare", ()))
        margin = float(entry.pop("margin", 0.0))
        members = tuple(str(word) for word in entry)
        sets.append(ConfusionSet(members, tuple(str(entry[w]) for w in entry), rare, margin))
    return tuple(sets)


@cache
def patterns() -> tuple[Pattern, ...]:
    return tuple(Pattern(p["name"], re.compile(p["pattern"], re.I), p["fix"], p["explanation"],
                         float(p["confidence"]))
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
    if token[0].isalpha() or token == PAD:
        return token
    if token[0] in ".!?…":
        return "."
    return _PUNCT_CLASS.get(token[0], token[0])


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
    l1, l2, r1, r2 = _norm(tokens[i - 1]), _norm(tokens[i - 2]), _norm(tokens[i + 1]), _norm(tokens[i + 2])
    cl1, cl2 = word_class(l1, clusters), word_class(l2, clusters)
    cr1, cr2 = word_class(r1, clusters), word_class(r2, clusters)
    found = [f"<{l1}", f">{r1}", f"<<{l2} {l1}", f">>{r1} {r2}", f"<>{l1} {r1}", f">i{_initial(r1)}",
             f"<c{cl1}", f">c{cr1}", f"<<c{cl2} {cl1}", f">>c{cr1} {cr2}", f"<>c{cl1} {cr1}",
             f"<<C{cl2} {l1}", f">>C{r1} {cr2}"]
    if suffix := _suffix(l1):
        found.append(f"<s{suffix}")
    if suffix := _suffix(r1):
        found.append(f">s{suffix}")
    if window:
        lo, hi = max(0, i - WINDOW), min(len(tokens), i + WINDOW + 1)
        near = {t for t in tokens[lo:hi] if t[0].isalpha() and t != PAD}
        near.discard(tokens[i])
        found.extend(sorted(f"w{t}" for t in near))
    return found


# -- the trained model ---------------------------------------------------------


@dataclass
class SetModel:
    """One confusion set's naive Bayes model. Scores are in units of 1/scale nat
    (the shipped model keeps integers, so scoring is integer addition)."""

    members: tuple[str, ...]
    prior: list[float]
    threshold: float
    window: bool
    weights: dict[str, list[float]]
    scale: float = 1.0

    def scores(self, feats: Iterable[str]) -> list[float]:
        totals = list(self.prior)
        weights = self.weights
        for f in feats:
            w = weights.get(f)
            if w is not None:
                for c, value in enumerate(w):
                    totals[c] += value
        return totals


@dataclass
class Model:
    sets: dict[str, SetModel]  # by set name
    by_word: dict[str, list[tuple[SetModel, int]]]
    clusters: dict[str, str]  # word -> distributional class


def model_from_json(data: dict[str, Any]) -> Model:
    scale = float(data["scale"])
    sets: dict[str, SetModel] = {}
    by_word: dict[str, list[tuple[SetModel, int]]] = {}
    for entry in data["sets"]:
        model = SetModel(tuple(entry["members"]), entry["prior"], entry["threshold"], entry["window"],
                         entry["weights"], scale)
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
    confidence: float


def suggestions(model: Model, tokens: list[str], extra_margin: float = 0.0) -> Iterator[Suggestion]:
    """Members of a confusion set in `tokens` for which another member fits the
    context better by more than the set's threshold (+ extra_margin)."""
    by_word = model.by_word
    clusters = model.clusters
    toks = padded(tokens)
    for i in range(2, len(toks) - 2):
        entries = by_word.get(toks[i])
        if entries is None:
            continue
        for set_model, written in entries:
            scores = set_model.scores(features(toks, i, set_model.window, clusters))
            best = max((c for c in range(len(scores)) if c != written), key=scores.__getitem__)
            margin = scores[best] - scores[written]
            if margin > set_model.threshold + extra_margin * set_model.scale:
                yield Suggestion(i - 2, toks[i], set_model.members[best], "/".join(set_model.members),
                                 margin / set_model.scale, _posterior(scores, best, set_model.scale))


def _posterior(scores: list[float], best: int, scale: float) -> float:
    top = max(scores)
    total = sum(math.exp((s - top) / scale) for s in scores)
    return math.exp((scores[best] - top) / scale) / total


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
                if not self._worth_reporting(doc, s, start, end, spans, margins, model):
                    continue
                written = text[start:end]
                fix = _match_case(s.intended, written)
                yield Diagnostic(CONTEXT_HOMOPHONE.id, start, end,
                                 _message(written, fix, s.intended, glosses),
                                 (Fix(start, end, fix, safe=False),), confidence=round(min(s.confidence, 0.99), 2),
                                 data={"intended": fix, "set": s.set_name})

    def _worth_reporting(self, doc: Document, s: Suggestion, start: int, end: int,
                         spans: list[tuple[int, int]], margins: dict[str, float], model: Model) -> bool:
        kind = doc.kind_at(start)
        if kind not in _CHECKED_REGIONS:
            return False
        set_model = model.sets[s.set_name]
        confusion = _sets_by_name().get(s.set_name)
        needed = set_model.threshold / set_model.scale + margins.get(str(kind), 0.0) + (confusion.margin if confusion else 0.0)
        if s.margin <= needed:
            return False
        written = doc.text[start:end]
        # a capital mid-sentence: a name or a title ("Will", "Rose")
        return not (written[:1].isupper() and s.token_index > 0 and not _opens_sentence(doc.text, spans, s.token_index))

    def _pattern_findings(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for region in doc.regions_of(*_CHECKED_REGIONS):
            for pattern in patterns():
                for m in pattern.regex.finditer(text, region.start, region.end):
                    start, end = m.span("bad")
                    fix = _match_case(pattern.fix, m.group("bad"))
                    yield Diagnostic(PATTERN_HOMOPHONE.id, start, end,
                                     f"\"{m.group('bad')}\": did you mean \"{fix}\"? {pattern.explanation}.",
                                     (Fix(start, end, fix, safe=False),), confidence=pattern.confidence,
                                     data={"intended": fix})


@cache
def _sets_by_name() -> dict[str, ConfusionSet]:
    return {s.name: s for s in confusion_sets()}


@cache
def _glosses() -> dict[str, str]:
    return {word: gloss for s in confusion_sets() for word, gloss in zip(s.members, s.glosses)}


def _opens_sentence(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    before = text[spans[index - 1][0]:spans[index - 1][1]]
    return _norm(before.lower()) in _SENTENCE_OPENERS


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _message(written: str, fix: str, intended: str, glosses: dict[str, str]) -> str:
    meant = glosses.get(intended, "")
    wrote = glosses.get(normalize(written), "")
    head = f"\"{written}\" ({wrote})" if wrote else f"\"{written}\""
    return f"{head}: did you mean \"{fix}\" ({meant})?" if meant else f"{head}: did you mean \"{fix}\"?"


CHECKS = [Homophones]
