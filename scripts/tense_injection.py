"""Put narration into the other tense, one verb or a whole paragraph: tense slips for measuring and
training the tense rules (scripts/eval_tense.py, scripts/train_tense.py).

The conversion reads the word classes (`doc.tags`) and the verb lexicon, not the tense rules' own
verb finder (ficlint/analysis/clauses.py), so the slips it makes are not limited to the verbs the
rules know how to find. Every finite verb of the narration is converted, with its subject's person
guessed from the nearest word before it:

    past -> present    walked -> walks / walk, was -> is / am / are (it was -> it's, three times in
                       ten), had -> has / have,
                       did(n't) -> does(n't) / do(n't), could -> can, would -> will, wasn't -> isn't
    present -> past    walks / walk -> walked, is / am -> was, are -> were, has / have -> had,
                       does / do -> did, she's -> she was (she'd before "been"), I'm -> I was,
                       we've -> we'd, can -> could, will -> would, 'll -> 'd, may -> might

Left as they are: dialogue, emphasis of three words or more, subjunctives ("if he were"),
"would / could have" (a perfect conditional), "she'd" (had or would), and forms the lexicon does
not know. A single slip is one non-modal verb of a paragraph; a run is every verb of it.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import lowercase_tokens, narration
from ficlint.analysis.lexicon import PAST, PRESENT, lexicon
from ficlint.diagnostics import keep_case
from ficlint.document import RegionKind, Span

NOMINATIVE = {"i": "first", "we": "plural", "they": "plural", "you": "plural", "he": "3sg", "she": "3sg",
              "it": "3sg"}
TO_PRESENT = {
    "was": {"first": "am", "plural": "are", "": "is"}, "were": {"": "are"},
    "had": {"3sg": "has", "": "have"}, "did": {"3sg": "does", "": "do"},
    "wasn't": {"first": "am not", "plural": "aren't", "": "isn't"}, "weren't": {"": "aren't"},
    "hadn't": {"3sg": "hasn't", "": "haven't"}, "didn't": {"3sg": "doesn't", "": "don't"},
    "could": {"": "can"}, "would": {"": "will"}, "couldn't": {"": "can't"}, "wouldn't": {"": "won't"},
}
TO_PAST = {
    "is": "was", "am": "was", "are": "were", "has": "had", "have": "had", "does": "did", "do": "did",
    "isn't": "wasn't", "aren't": "weren't", "hasn't": "hadn't", "haven't": "hadn't", "doesn't": "didn't",
    "don't": "didn't", "can": "could", "will": "would", "can't": "couldn't", "won't": "wouldn't", "may": "might",
    "cannot": "could not",
}
CONTRACTED_PAST = {"s": " was", "re": " were", "m": " was", "ve": "'d", "ll": "'d"}
MODALS = frozenset(["could", "would", "couldn't", "wouldn't", "can", "will", "can't", "won't", "may", "cannot",
                    "'ll"])
SUBORDINATORS = frozenset(["when", "whenever", "as", "while", "because", "if", "though", "although", "since",
                           "until", "till", "before", "after", "once", "unless", "that", "than", "where", "like",
                           "which", "who", "whom", "whose"])
SUBJUNCTIVE = frozenset(["if", "though", "wish", "wished", "unless", "lest", "whether"])
NOUNS = frozenset(["NN", "NNS", "NNP", "NNPS"])
CONTRACTING = frozenset(["it", "that", "there", "he", "she", "what", "here"])


@dataclass(frozen=True, slots=True)
class Change:
    """One verb put into the other tense."""

    start: int
    end: int
    replacement: str
    subject: str  # pronoun, name, noun-phrase, it-there, and, relative, none
    clause: str  # main, subordinate
    modal: bool


@dataclass(frozen=True, slots=True)
class Slip:
    """A change, placed in the changed text."""

    subject: str
    clause: str
    injection: str  # single, run
    start: int
    end: int
    before: str
    after: str


def fresh_tagger() -> None:
    """Let the tagger start its cache of word types afresh: a run over thousands of documents would
    otherwise reach the cache's limit inside one document, which the tagger does not survive."""
    from ficlint.analysis.tagger import load_tagger

    load_tagger.cache_clear()


def changes(doc: AnalyzedDocument, paragraph: int, tense: str) -> list[Change]:
    """Every verb of the paragraph's narration in `tense` put into the other tense."""
    tokens, tags = doc.tokens, doc.tags
    low = doc.memo(lowercase_tokens)
    found: list[Change] = []
    for span, _ in doc.memo(_narration_by_paragraph).get(paragraph, ()):
        first = bisect.bisect_left(tokens.start, span.start)
        last = bisect.bisect_left(tokens.start, span.end)
        for i in range(first, last):
            lo = max(first, tokens.sentence_first[tokens.sentence[i]])
            change = _change(doc, low, tags, i, lo, tense, contract=(tokens.start[i] * 7919) % 10 < 3)
            if change is not None:
                found.append(change)
    return found


def _narration_by_paragraph(doc: AnalyzedDocument) -> dict[int, list[tuple[Span, int]]]:
    found: dict[int, list[tuple[Span, int]]] = {}
    for span, index in doc.memo(narration):
        found.setdefault(index, []).append((span, index))
    return found


def _change(doc: AnalyzedDocument, low: list[str], tags, i: int, lo: int, tense: str,
            contract: bool = False) -> Change | None:
    xpos = tags[i].xpos
    word = low[i]
    raw = doc.tokens.text[i]
    start, end = doc.tokens.start[i], doc.tokens.end[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if tense == PAST:
        if xpos not in ("VBD", "VBD+RB", "MD", "MD+RB"):
            return None
        if xpos.startswith("MD") and (word not in TO_PRESENT or nxt == "have"):
            return None
        person, subject, first = _subject(low, tags, i, lo)
        if subject == "none":
            return None  # no subject before it: a fragment, an inversion or a noun the tagger took for a verb
        if word in ("were", "weren't") and (person in ("3sg", "first") or _subjunctive(low, first, lo)):
            return None
        if word in TO_PRESENT:
            forms = TO_PRESENT[word]
            replacement = forms.get(person) or forms[""]
        else:
            lex = lexicon()
            base = lex.base_by_past.get(word)
            if base is None or word in lex.base_by_third:
                return None
            replacement = base if person in ("first", "plural") else lex.third_by_base.get(base, "")
            if not replacement or replacement == word:
                return None
    else:
        if "+" in xpos and xpos.split("+")[1] in ("VBZ", "VBP", "MD") and xpos.split("+")[0] != "NN":
            return _contraction(low, tags, i, lo, raw, start, end, nxt)
        if xpos not in ("VBZ", "VBP", "VBZ+RB", "VBP+RB", "MD", "MD+RB"):
            return None
        person, subject, first = _subject(low, tags, i, lo)
        if subject == "none":
            return None
        if word in TO_PAST:
            replacement = TO_PAST[word]
            if xpos.startswith("MD") and nxt == "have":
                return None
        else:
            lex = lexicon()
            base = lex.base_by_third.get(word) or (word if word in lex.base_forms and xpos == "VBP" else None)
            replacement = lex.past_by_base.get(base, "") if base else ""
            if not replacement or replacement == word:
                return None
    clause = "subordinate" if subject == "relative" or _subordinate(low, tags, first, lo) else "main"
    if tense == PAST and word == "was" and first == i - 1 and low[first] in CONTRACTING and contract:
        # "it was" -> "it's": writers slip into the present with contractions too
        return Change(doc.tokens.start[first], end, doc.tokens.text[first] + "'s", subject, clause, False)
    return Change(start, end, keep_case(raw, replacement), subject, clause, word in MODALS)


def _contraction(low, tags, i, lo, raw, start, end, nxt) -> Change | None:
    cut = max(raw.rfind("'"), raw.rfind("’"))
    suffix = low[i][cut + 1:]
    if suffix not in CONTRACTED_PAST or suffix == "s" and tags[i].xpos.startswith("NNP"):
        return None
    replacement = "'d" if suffix in ("s", "re") and nxt in ("been", "got", "gotten") else CONTRACTED_PAST[suffix]
    head = tags[i].xpos.split("+")[0]
    subject = "it-there" if low[i][:cut] in ("it", "there", "that", "this", "here") else (
        "relative" if head in ("WP", "WDT") else "pronoun")
    clause = "subordinate" if subject == "relative" or _subordinate(low, tags, i, lo) else "main"
    return Change(start + cut, end, replacement.replace("'", raw[cut]), subject, clause, suffix == "ll")


def _subject(low: list[str], tags, i: int, lo: int) -> tuple[str, str, int]:
    """(person, kind of subject, index of the subject's first token), from the words before the verb."""
    j = i - 1
    while j >= lo and (tags[j].xpos in ("RB", "RBR", "RBS") or low[j] == "not"):
        j -= 1
    if j < lo:
        return "", "none", i
    xpos, word = tags[j].xpos, low[j]
    if xpos == "PRP" and word in NOMINATIVE:
        return NOMINATIVE[word], "it-there" if word == "it" else "pronoun", j
    if xpos == "EX":
        following = next((t.xpos for t in tags[i + 1:i + 5] if t.xpos in NOUNS), "NN")
        return ("plural" if following in ("NNS", "NNPS") else "3sg"), "it-there", j
    if xpos in ("WDT", "WP"):
        return "", "relative", j
    if xpos == "CC" or xpos == ",":
        # the person of the verb it is coordinated with ("they kissed him and go upstairs")
        for k in range(j - 1, max(lo, j - 20) - 1, -1):
            if tags[k].xpos in ("VBD", "VBZ", "VBP", "MD", "VBD+RB", "VBZ+RB", "VBP+RB", "MD+RB"):
                return _subject(low, tags, k, lo)[0], "and", j
        return "", "and", j
    if xpos in NOUNS:
        k = j
        while k - 1 >= lo and tags[k - 1].xpos in NOUNS | {"JJ", "DT", "PRP$", "CD", "POS", "NNP+POS", "NN+POS"}:
            k -= 1
        plural = xpos in ("NNS", "NNPS") or k - 2 >= lo and low[k - 1] == "and" and tags[k - 2].xpos in NOUNS
        kind = "name" if xpos == "NNP" and k == j else "noun-phrase"
        return ("plural" if plural else "3sg"), kind, k
    return "", "none", i


def _subordinate(low: list[str], tags, first: int, lo: int) -> bool:
    b = first - 1
    while b >= lo and tags[b].xpos in ("RB", "RBR"):
        b -= 1
    return b >= lo and (low[b] in SUBORDINATORS or tags[b].xpos == "WRB")


def _subjunctive(low: list[str], first: int, lo: int) -> bool:
    return any(w in SUBJUNCTIVE for w in low[max(lo, first - 4):first])


def narration_paragraphs(doc: AnalyzedDocument, tense: str, share: float = 0.85) -> list[int]:
    """Narration paragraphs of scenes clearly told in `tense` (a share of their verbs)."""
    out = []
    for scene in doc.narrative:
        if scene.tense is None or scene.tense.tense != tense or scene.tense.share < share:
            continue
        for paragraph in scene.paragraphs:
            para = doc.paragraphs[paragraph.index]
            if para.kind is RegionKind.NARRATION and not para.indented and para.end - para.start >= 40:
                out.append(paragraph.index)
    return out


def apply(text: str, chosen: list[tuple[Change, str]]) -> tuple[str, list[Slip]]:
    """The text with the changes made, and the slips where they now are."""
    chosen = sorted(chosen, key=lambda c: c[0].start)
    pieces: list[str] = []
    slips: list[Slip] = []
    pos = shift = 0
    for change, injection in chosen:
        if change.start < pos:
            continue
        pieces.append(text[pos:change.start])
        pieces.append(change.replacement)
        at = change.start + shift
        slips.append(Slip(change.subject, change.clause, injection, at, at + len(change.replacement),
                          text[change.start:change.end], change.replacement))
        shift += len(change.replacement) - (change.end - change.start)
        pos = change.end
    pieces.append(text[pos:])
    return "".join(pieces), slips


def inject_mixed(doc: AnalyzedDocument, tense: str, rng: random.Random, singles: int, runs: int,
                 gap: int = 3) -> tuple[str, list[Slip]]:
    """One copy with both kinds: whole paragraphs converted and single slips, `gap` paragraphs apart."""
    order = narration_paragraphs(doc, tense)
    rng.shuffle(order)
    chosen: list[tuple[Change, str]] = []
    used: list[int] = []
    n_runs = n_singles = 0
    for index in order:
        if any(abs(index - p) < gap for p in used):
            continue
        options = changes(doc, index, tense)
        verbs = [c for c in options if not c.modal]
        if n_runs < runs and len(options) >= 3:
            chosen.extend((c, "run") for c in options)
            n_runs += 1
        elif verbs and n_singles < singles:
            chosen.append((rng.choice(verbs), "single"))
            n_singles += 1
        else:
            continue
        used.append(index)
    return apply(doc.text, chosen)


def inject(doc: AnalyzedDocument, tense: str, rng: random.Random, singles: int, runs: int,
           gap: int = 3) -> tuple[tuple[str, list[Slip]], tuple[str, list[Slip]]]:
    """Two copies of the document's text: one with single slips (one verb in each of up to `singles`
    paragraphs, `gap` paragraphs apart at least), one with up to `runs` whole paragraphs converted."""
    paragraphs = narration_paragraphs(doc, tense)
    order = paragraphs[:]
    rng.shuffle(order)
    single: list[tuple[Change, str]] = []
    run: list[tuple[Change, str]] = []
    used_single: list[int] = []
    used_run: list[int] = []
    for index in order:
        options = changes(doc, index, tense)
        if len(used_run) < runs and len(options) >= 3 and all(abs(index - p) > gap for p in used_run):
            used_run.append(index)
            run.extend((c, "run") for c in options)
            continue
        verbs = [c for c in options if not c.modal]
        if verbs and len(used_single) < singles and all(abs(index - p) >= gap for p in used_single):
            used_single.append(index)
            single.append((rng.choice(verbs), "single"))
    return apply(doc.text, single), apply(doc.text, run)

