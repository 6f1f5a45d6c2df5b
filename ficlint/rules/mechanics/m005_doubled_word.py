"""M005 doubled-word: the same word twice in a row (`the the`, `still still`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.confusables import TokenForms, token_forms
from ficlint.analysis.lexicon import lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import RegionKind
from ficlint.resources import load_data
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="M005",
    name="doubled-word",
    category="grammar",
    summary="The same word twice in a row (`the the`, `still still`).",
    why="A doubled word is a classic slip the eye skips over when rereading your own text. Doubles that "
        "grammar makes (`what he had had`, `she knew that that was wrong`, `what it is is a mess`) and "
        "words repeated on purpose (`very very`, `no no`, `knock knock`) are left alone, and in speech only "
        "words nobody repeats on purpose are flagged, since characters stammer (`I I don't know`).",
    examples=examples(
        ("She walked to the the door.", "She walked to the door."),
        ("The handle is still still shaking.", "The handle is still shaking."),
        ("Everyone else is is perfect.", "Everyone else is perfect."),
        ("\"Give it to to her,\" she said.", "\"Give it to her,\" she said."),
        ("He wanted to to go home.", "He wanted to go home."),
        ("The same goes for for food.", "The same goes for food."),
    ),
    allows=("\"No, no, no,\" she said.", "What he had had was enough.", "She knew that that was wrong.",
            "What it is is a mess.", "It was very very cold.", "\"I I don't know,\" he said.",
            "Will will be late.", "Knock knock.", "Wrong wrong wrong wrong.",
            "Birds had been birds and men men.", "Dick set to to clean the skin.",
            "You are provided for for life.", "The men set-to to prepare their meal.",
            "The water rises in the column W W to the cloud.", "Two side plates (iii iii) hold it."),
    fix_safety="Safe: the second word is removed.",
)

_DOUBLED = re.compile(
    r"\b(?P<first>[^\W\d_]+(?:['’][^\W\d_]+)?)(?P<gap>[ \t]+|[ \t]*\n[ \t]*)(?i:(?P=first))\b")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W+$")


@dataclass(frozen=True)
class DoubledWords:
    repeatable: frozenset[str]
    grammatical: frozenset[str]
    subject_clause_openers: frozenset[str]
    in_speech: frozenset[str]


@cache
def doubled_words() -> DoubledWords:
    """The word lists of rules/data/doubled-words.yaml."""
    data = load_data("doubled-words")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return DoubledWords(words("repeatable"), words("grammatical"), words("subject_clause_openers"),
                        words("in_speech"))


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    """Doubles are found among the analysis' tokens (two words in a row, nothing but space
    between, the same in lowercase), then judged."""
    text = doc.text
    tokens = doc.tokens
    texts, sentence = tokens.text, tokens.sentence
    lower = _Lowered(token_forms(doc))
    for t in lower.doubled_words(tokens.is_word):
        if t > 0 and lower[t - 1] == lower[t] or t + 2 < len(texts) and lower[t + 2] == lower[t]:
            continue  # "Wrong wrong wrong wrong": three or more on purpose
        start, end = tokens.start[t], tokens.end[t + 1]
        gap = text[tokens.end[t]:tokens.start[t + 1]]
        if gap.strip() or gap.count("\n") > 1 or sentence[t] != sentence[t + 1] and "\n" not in gap:
            continue  # emphasis or markup between, or two paragraphs
        region = doc.region_at(start)
        if region is None or region.kind not in WRITING:
            continue
        m = _DOUBLED.match(text, start, end)
        if m and _is_slip(text, m, region.kind is RegionKind.DIALOGUE) and not _gapped(lower, sentence, t) \
                and not _across_a_phrase(doc, lower, t):
            second = m.end("gap")
            yield Diagnostic(RULE.id, m.start(), m.end(), f"\"{m.group('first')}\" twice in a row.",
                             (Fix(m.end("first"), second + len(m.group("first")), ""),))


class _Lowered:
    """The tokens in lowercase (`str.lower`), worked out once per distinct written form from the
    document's table of forms (shared with the homophone rules) and read token by token only
    around a pair: a novel has some 130,000 tokens and a handful of doubled words."""

    def __init__(self, forms: TokenForms) -> None:
        self.code = forms.code
        self.of_form = [w.lower() for w in forms.written]

    def __getitem__(self, i: int) -> str:
        return self.of_form[self.code[i]]

    def doubled_words(self, is_word: list[bool]) -> list[int]:
        """Every t where token t and token t + 1 are words, the same in lowercase."""
        import numpy as np

        ids = dict(zip(self.of_form, range(len(self.of_form)), strict=True))  # one id a lowercase
        same = np.fromiter(map(ids.__getitem__, self.of_form), np.intp, len(self.of_form))[self.code]
        word = np.fromiter(is_word, bool, len(is_word))
        return np.flatnonzero((same[:-1] == same[1:]) & word[:-1] & word[1:]).tolist()


def _is_slip(text: str, m: re.Match[str], in_speech: bool) -> bool:
    first, second = m.group("first"), text[m.end("gap"):m.end()]
    word = first.lower()
    lists = doubled_words()
    if in_speech:
        return word in lists.in_speech and not _grammatical(text, m, word)
    if word in lists.repeatable or _grammatical(text, m, word):
        return False
    if first[0].isupper() and second[0].isupper() and not first.isupper():
        return False  # "Colonel Cochrane Cochrane": a name
    if first == second and _is_label(first):
        return False  # "the column W W", "plates (iii iii)": the points or parts of a figure
    # "Will will be late", "Bill bills": a name, then a word spelt the same (but "The the end.")
    return not (first[0].isupper() and second[0].islower()
                and (not _starts_sentence(text, m.start()) or word not in lists.in_speech))


_PREPOSITIONS = frozenset(["to", "for", "with", "at", "of", "on", "in", "about", "after", "from", "by"])
_PASSIVE_AUXILIARIES = frozenset([
    "am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "getting", "'s", "'re"])


def _across_a_phrase(doc: AnalyzedDocument, lower: _Lowered, t: int) -> bool:
    """A preposition that ends a verb phrase, then the same word opening the next phrase: the end of a
    hyphened compound ("the men set-to to prepare"), a prepositional passive ("you are provided for
    for life", "was cared for for years"), or a verb's particle before an infinitive of purpose ("Dick
    set to to clean", not "wanted to to go", whose verb takes the infinitive itself)."""
    word = lower[t]
    if word not in _PREPOSITIONS or t == 0:
        return False
    tokens = doc.tokens
    if doc.text[tokens.start[t] - 1:tokens.start[t]] == "-":
        return True
    verb = t - 1
    if tokens.sentence[verb] != tokens.sentence[t] or not doc.tags[verb].xpos.startswith("VB"):
        return False
    if doc.tags[verb].xpos == "VBN" and any(
            lower[k] in _PASSIVE_AUXILIARIES for k in range(max(0, verb - 2), verb)):
        return True
    after = t + 2
    return word == "to" and after < len(tokens.text) and doc.tags[after].xpos == "VB" \
        and lexicon().base_of.get(lower[verb], lower[verb]) not in _infinitive_takers()


@cache
def _infinitive_takers() -> frozenset[str]:
    """Verbs whose own "to" is an infinitive's (rules/data/grammar.yaml): "wanted to to go" is a slip."""
    return frozenset(str(w).lower() for w in load_data("grammar")["infinitive_takers"])


_JOINERS = frozenset(["and", "or", "but", "nor"])
_GAP_REACH = 6  # words back the first half of the pair may start


def _gapped(lower: _Lowered, sentence: list[int], t: int) -> bool:
    """`birds had been birds and men men`: after "and", the verb of a pair left out (gapping):
    the word before "and" also stands a few words earlier in the same sentence."""
    if t < 2 or lower[t - 1] not in _JOINERS:
        return False
    before = lower[t - 2]
    start = max(0, t - 2 - _GAP_REACH)
    return any(lower[j] == before and sentence[j] == sentence[t] for j in range(start, t - 2))


def _grammatical(text: str, m: re.Match[str], word: str) -> bool:
    lists = doubled_words()
    if word in lists.grammatical:
        return True
    if word in ("is", "was"):
        # "What it is is a mess", "The thing is is that": a clause is the subject of the second
        before = text[max(0, m.start() - 40):m.start()].lower().split()
        return any(w.strip(",;:") in lists.subject_clause_openers for w in before[-4:])
    return False


_SMALL_ROMAN = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})")


def _is_label(word: str) -> bool:
    """A capital letter other than "I", or a small roman numeral ("ii", "iv"): the names a technical
    text gives the points, plates and parts of a figure, which it writes in pairs ("the groove Z Z")."""
    if len(word) == 1:
        return word.isupper() and word != "I"
    return word.islower() and bool(_SMALL_ROMAN.fullmatch(word))


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" \t\"“‘'*_")
    return not before or before[-1] in ".!?\n"
