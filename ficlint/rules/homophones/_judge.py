"""How H001 turns the model's scores into findings: slot constraints, the manuscript's
own evidence, and a threshold per direction. scripts/train_homophones.py chooses the
thresholds on scores judged exactly this way.

- Slots (ficlint/analysis/slots.py): where grammar is certain what class of word comes
  next, a member that cannot stand there is never suggested, and a written member that
  cannot stand there gives way more easily (CONSTRAINT_BONUS in the model).
- An article before a consonant: a member only ever meant before a vowel sound ("an"),
  followed by a word that starts with a consonant letter other than h and has a vowel
  (not an initialism: "an FBI agent"), is not that word ("an answer an skip" -> "and"):
  it gives way as a written member that cannot fill its slot does. Not where the other
  member is no clearer a reading than a word outside the set: before a determiner ("an
  the table" is as often "on" as "and"), before a subject pronoun (old books' "an thou
  wilt", "an you look not better": "an" = "if"), or opening a sentence ("An ye had talked").
- A rare written word (RARE_RATE) whose other member is far commoner needs at most RARE_MARGIN:
  tune sees too few of its uses to set its threshold.
- Manuscript evidence: a member the manuscript uses far more often than books and fan
  fiction do, in uses the model finds natural, is a word of the story's world ("witch",
  "wand", a horse story's "reins"): the model needs more margin to call it a slip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ficlint.analysis.confusables import LoweredTokens, word_classes
from ficlint.analysis.lexicon import lexicon
from ficlint.analysis.slots import (
    AFTER_BE,
    BASE_VERB,
    BE_COMPLEMENT,
    COMPARISON,
    COMPLEMENT,
    DEGREE,
    FINITE_SINGULAR,
    FUSED_BEFORE_NOUN,
    NAME_VERB,
    PARTICLE,
    PASSING,
    PAST_PARTICIPLE,
    PREDICATE,
    SLOT_CODES,
    among,
    fit_row,
    slot_codes,
)
from ficlint.rules.homophones._model import vowel_table

if TYPE_CHECKING:
    import numpy as np

    from ficlint.analysis.confusables import TokenForms
    from ficlint.rules.homophones._model import Model, Scored

MANUSCRIPT_MIN_USES = 3  # accepted uses before a word counts as the story's own
MANUSCRIPT_MIN_RATIO = 10.0  # times more often than in the training text
MANUSCRIPT_MAX_MARGIN = 4.0  # nats
ARCHAIC_SUBJECTS = frozenset({"thou", "ye"})  # old books' "an thou wilt": "an" = "if" before a subject
# Where a slot is certain (the written member cannot stand there, the suggestion can), the margin
# (slot bonus included) a suggestion needs at most, whatever its direction's threshold: thresholds are
# chosen over all uses of a direction, most of them in no slot ("a deep breath" sets breath -> breathe
# high), and would otherwise bury "remember to breath".
CERTAIN_MARGIN = 3.0
# The slots certain enough for it. Not the noun phrase after a determiner ("keep the worst from
# happening", "the real him"), nor a phrase's head before a stop or the word before an article, nor
# a possessive before "not" ("at your not knowing him"), nor a verb after "I", "we", "they", "you" (dialect:
# "I seen a woman") or a fused pronoun after a preposition ("without it's got a moral", dialect too), nor a
# base verb after a "will" the tagger reads as a modal ("If Will were the Prince").
CERTAIN_SLOTS = (BASE_VERB, PAST_PARTICIPLE, FINITE_SINGULAR, NAME_VERB, PREDICATE, COMPARISON, AFTER_BE,
                 PARTICLE, DEGREE, PASSING, FUSED_BEFORE_NOUN, COMPLEMENT, BE_COMPLEMENT)
_VERB_SLOTS = (BASE_VERB, PAST_PARTICIPLE, FINITE_SINGULAR, NAME_VERB)
# A written member rarer than RARE_RATE uses per million training words, whose suggestion is at least
# RARE_RATIO times commoner ("knead" -> "need", "mined" -> "mind", "razed" -> "raised"), needs a margin
# of at most RARE_MARGIN, whatever its direction's threshold: tune sees too few of its uses to price
# it (the chooser pools such directions behind a 4-nat floor), and a word that rare can cost few false
# alarms however often it is doubted; a manuscript that uses it as its own still needs more (its
# evidence). Chosen on tune: 0.017 false alarms per 10,000 words for 37% more of these slips caught.
# Only the direction's own threshold: its stricter levels (min-confidence 0.75, 0.9) stay tune's.
RARE_RATE = 1.0
RARE_RATIO = 30.0
RARE_MARGIN = 3.5


def accepted_uses(model: Model, scored: Scored, words: Sequence[str]) -> Counter[str]:
    """How often each written member stands where the model finds it the best fit."""
    import numpy as np

    from ficlint.analysis.tagger import sorted_unique

    if not len(scored.token):
        return Counter()
    rows = np.arange(len(scored.token))
    written_score = scored.scores[rows, scored.written]
    others = scored.scores.copy()
    others[rows, scored.written] = -np.inf
    fine = others.max(axis=1) <= written_score
    tokens = sorted_unique(scored.token[fine])  # once per use
    if isinstance(words, LoweredTokens):
        return Counter(words.at(tokens))
    return Counter(map(words.__getitem__, tokens.tolist()))


def manuscript_margins(model: Model, accepted: Counter[str], word_count: int) -> dict[str, float]:
    """The extra margin (nats) each member needs, from how much more the manuscript uses it
    (in uses the model accepts) than the training text did."""
    import math

    rates = _rates(model)
    found = {}
    for word, n in accepted.items():
        if n < MANUSCRIPT_MIN_USES or word not in rates:
            continue
        expected = max(rates[word] * word_count / 1e6, 0.1)
        ratio = n / expected
        if ratio >= MANUSCRIPT_MIN_RATIO:
            found[word] = min(MANUSCRIPT_MAX_MARGIN, math.log(ratio / MANUSCRIPT_MIN_RATIO) + 1.0)
    return found


def _rates(model: Model) -> dict[str, float]:
    rates: dict[str, float] = {}
    for s in model.sets:
        for word, rate in zip(s.members, s.rate, strict=True):
            rates[word] = max(rates.get(word, 0.0), rate)
    return rates


def adjusted_margins(model: Model, scored: Scored, words: Sequence[str], sentence: Sequence[int],
                     extra: dict[str, float], upos: Sequence[str] | np.ndarray | None = None,
                     forms: TokenForms | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per occurrence and member, how far that member is ahead of the written one (nats),
    after the slot constraints and the manuscript's evidence; -inf for the written member
    and for members that cannot be suggested. And where the slot is certain: the written
    member cannot stand there and that member can. `forms`: the tokens by form (slots.slot_codes)."""
    import numpy as np

    # margin_matrix's rows of the written members alone, worked out the same way
    scores = scored.scores
    rows, width = scores.shape
    row = np.arange(rows)
    written = scored.written
    valid = np.isfinite(scores)
    with np.errstate(invalid="ignore"):
        margins = scores - scores[row, written][:, None]
    margins[~(valid & valid[row, written][:, None])] = -np.inf
    if not rows:
        return margins, np.zeros(margins.shape, dtype=bool)
    codes = slot_codes(words, sentence, upos, forms)[scored.token]
    fit = _fit_table(model)[scored.set_index[:, None], np.arange(width), codes[:, None]]  # (rows, width)
    fit_written = fit[row, written][:, None]
    bonus = (fit_written == 0) & (fit == 1)
    veto = (fit_written == 1) & (fit == 0)
    margins = np.where(bonus, margins + model.constraint_bonus, margins)
    margins[veto] = -np.inf
    if _vowel_only(model)[scored.set_index, written].any():
        misplaced = _article_before_consonant(model, scored, words, sentence)[row, written]
        margins[misplaced] += model.constraint_bonus
    if extra:
        margins -= _extra_table(model, extra, width)[scored.set_index, written][:, None]
    margins[row, written] = -np.inf
    adverbial = among(codes, _VERB_SLOTS) & _adverbial(model)[scored.set_index, written]
    certain = among(codes, CERTAIN_SLOTS) & ~adverbial
    return margins, bonus & certain[:, None]


def margin_matrix(model: Model, scored: Scored, words: Sequence[str], sentence: Sequence[int],
                  extra: dict[str, float], upos: Sequence[str] | None = None, article: bool = True
                  ) -> np.ndarray:
    """[occurrence, w, c]: how far member c would be ahead had member w been written there,
    after the slot constraints and the manuscript's evidence (-inf where c cannot be
    suggested). Training reads the rows of the members not written as slips. `article=False`
    leaves out the article check (training's reference scoring: the judge before it)."""
    import numpy as np

    scores = scored.scores
    rows, width = scores.shape
    valid = np.isfinite(scores)
    with np.errstate(invalid="ignore"):
        matrix = scores[:, None, :] - scores[:, :, None]
    matrix[~(valid[:, :, None] & valid[:, None, :])] = -np.inf
    if not rows:
        return matrix
    codes = slot_codes(words, sentence, upos)[scored.token]
    fit = _fit_table(model)[scored.set_index[:, None], np.arange(width), codes[:, None]]  # (rows, width)
    bonus = (fit[:, :, None] == 0) & (fit[:, None, :] == 1)
    veto = (fit[:, :, None] == 1) & (fit[:, None, :] == 0)
    matrix = np.where(bonus, matrix + model.constraint_bonus, matrix)
    matrix[veto] = -np.inf
    misplaced = _article_before_consonant(model, scored, words, sentence) if article else None
    if misplaced is not None and misplaced.any():
        matrix[misplaced] += model.constraint_bonus
    if extra:
        matrix -= _extra_table(model, extra, width)[scored.set_index][:, :, None]
    matrix[:, np.arange(width), np.arange(width)] = -np.inf
    return matrix


def _article_before_consonant(model: Model, scored: Scored, words: Sequence[str],
                              sentence: Sequence[int]) -> np.ndarray:
    """[occurrence, w, c]: member w is only ever meant before a vowel sound, the next word of
    its sentence starts with a consonant letter other than h and has a vowel letter, and c is
    another member (so w cannot be what was meant there)."""
    import numpy as np

    rows = len(scored.token)
    width = scored.scores.shape[1]
    found = np.zeros((rows, width, width), dtype=bool)
    vowel_only = _vowel_only(model)[scored.set_index]  # (rows, width)
    live = np.flatnonzero(vowel_only.any(axis=1))
    for row in live:
        t = int(scored.token[row]) + 1
        if (t < len(words) and sentence[t] == sentence[t - 1] and _consonant_word(words[t])
                and words[t] not in _other_readings() and _word_before(words, sentence, t - 1)):
            found[row, vowel_only[row]] = np.isfinite(scored.scores[row])
    found[:, np.arange(width), np.arange(width)] = False
    return found


def _word_before(words: Sequence[str], sentence: Sequence[int], t: int) -> bool:
    """Does a word come before token t in its sentence (past any opening quotes)?"""
    for before in range(t - 1, max(t - 4, -1), -1):
        if sentence[before] != sentence[t]:
            return False
        if words[before][:1].isalnum():
            return True
    return False


@cache
def _other_readings() -> frozenset[str]:
    """Words after which "an" may as well be "on" (a determiner) or "if" (a subject pronoun)."""
    vocab = lexicon()
    return vocab.determiners | frozenset(vocab.subjects) | ARCHAIC_SUBJECTS


def _consonant_word(word: str) -> bool:
    return (word[:1].isalpha() and word[0] not in "aeiouh" and any(v in word for v in "aeiouy")
            and word.isalpha())


def _vowel_only(model: Model) -> np.ndarray:
    """[set, member]: the member is only ever meant before a vowel or h (the set's `before_vowel`)."""
    return vowel_table(model, "vowel_only", lambda word, members, vowel_only: word in vowel_only)


def _adverbial(model: Model) -> np.ndarray:
    """[set, member]: can the member be a preposition or an adverb? A phrase of one may stand
    between a modal and its verb ("he would by then have gone", "had quite the air"), so a verb's
    slot is not certain of it."""
    import numpy as np

    if "adverbial" not in model.memo:
        classes = word_classes()
        width = max(len(s.members) for s in model.sets)
        table = np.zeros((len(model.sets), width), dtype=bool)
        for s in model.sets:
            for m, word in enumerate(s.members):
                table[s.index, m] = bool(classes.get(word, frozenset()) & {"IN", "RB", "RP"})
        model.memo["adverbial"] = table
    return model.memo["adverbial"]


def _extra_table(model: Model, extra: dict[str, float], width: int) -> np.ndarray:
    """[set, member]: the extra margin a member needs when written (the manuscript's evidence)."""
    import numpy as np

    table = np.zeros((len(model.sets), width))
    for word, margin in extra.items():
        for s, m in model.by_word.get(word, ()):
            table[s, m] = margin
    return table


def _fit_table(model: Model) -> np.ndarray:
    """[set, member, slot code]: 1 the member fits the slot, 0 it cannot, -1 unknown."""
    if "fit" not in model.memo:
        model.memo["fit"] = _fit_tables(model)
    return model.memo["fit"]


def _fit_tables(model: Model) -> np.ndarray:
    import numpy as np

    width = max(len(s.members) for s in model.sets)
    unknown = [-1] * SLOT_CODES  # past a set's members
    rows = [[*map(fit_row, s.members), *[unknown] * (width - len(s.members))] for s in model.sets]
    return np.array(rows, dtype=np.int8).reshape(len(model.sets), width, SLOT_CODES)


@dataclass(frozen=True)
class Suggestion:
    row: int  # of the scored occurrences
    token: int
    written: str
    intended: str
    set_index: int
    margin: float  # nats, after the constraints and the manuscript's evidence
    levels: tuple[float, ...]  # the direction's threshold (with the region's extra), then the stricter ones


def keep_surer(found: dict[int, Suggestion], candidate: Suggestion) -> None:
    """Keep, per token, the suggestion with the larger margin (a neighbour's or a phrase's votes)."""
    held = found.get(candidate.token)
    if held is None or candidate.margin > held.margin:
        found[candidate.token] = candidate


def suggestions(model: Model, scored: Scored, margins: np.ndarray, extra: np.ndarray,
                certain: np.ndarray | None = None) -> list[Suggestion]:
    """The occurrences where another member is ahead by more than its direction's threshold
    plus `extra` (per row: the region's and the set's margin); one per token, the surest.
    Where `certain` (adjusted_margins' second part), the threshold is at most CERTAIN_MARGIN; where
    the written member is rare and the suggestion far commoner, the direction's own (not its
    stricter levels) at most RARE_MARGIN."""
    import numpy as np

    if not len(scored.token):
        return []
    best = np.argmax(margins, axis=1)
    rows = np.arange(len(best))
    margin = margins[rows, best]
    threshold = _thresholds(model)[scored.set_index, scored.written, best]
    sure = certain[rows, best] if certain is not None else np.zeros(len(best), dtype=bool)
    caps = np.where(sure, CERTAIN_MARGIN, np.inf)  # every level: grammar is certain
    rare = _rare_caps(model)[scored.set_index, scored.written, best]  # the direction's own threshold only
    threshold = np.minimum(np.minimum(threshold, caps), rare) + extra
    hits = np.nonzero(margin > threshold)[0]
    chosen: dict[int, Suggestion] = {}
    for row in hits.tolist():
        s = model.sets[int(scored.set_index[row])]
        a, b = int(scored.written[row]), int(best[row])
        cap = float(caps[row])
        levels = (min(s.thresholds[a][b], cap, float(rare[row])) + extra[row],
                  *(min(level[a][b], cap) + extra[row] for level in s.stricter))
        found = Suggestion(row, int(scored.token[row]), s.members[a], s.members[b], s.index,
                           float(margin[row]), levels)
        held = chosen.get(found.token)
        if held is None or found.margin - found.levels[0] > held.margin - held.levels[0]:
            chosen[found.token] = found
    return [chosen[t] for t in sorted(chosen)]


def _rare_caps(model: Model) -> np.ndarray:
    """[set, written, suggested]: RARE_MARGIN where the written member is rare and the suggested
    one far commoner (see RARE_RATE), else inf."""
    import numpy as np

    if "rare caps" not in model.memo:
        width = max(len(s.members) for s in model.sets)
        table = np.full((len(model.sets), width, width), np.inf)
        for s in model.sets:
            for a, rate in enumerate(s.rate):
                if rate >= RARE_RATE:
                    continue
                for b, other in enumerate(s.rate):
                    if b != a and other >= RARE_RATIO * max(rate, RARE_RATE / 20):
                        table[s.index, a, b] = RARE_MARGIN
        model.memo["rare caps"] = table
    return model.memo["rare caps"]


def _thresholds(model: Model) -> np.ndarray:
    if "thresholds" not in model.memo:
        model.memo["thresholds"] = _threshold_tables(model)
    return model.memo["thresholds"]


def _threshold_tables(model: Model) -> np.ndarray:
    import numpy as np

    width = max(len(s.members) for s in model.sets)
    table = np.full((len(model.sets), width, width), np.inf)
    for s in model.sets:
        k = len(s.members)
        table[s.index, :k, :k] = np.array(s.thresholds)
    return table
