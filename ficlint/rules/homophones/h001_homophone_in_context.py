"""H001 homophone-in-context: a word that sounds like another where the context calls for the other."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.confusables import glosses, lowered_tokens, phrase_matches, sets_by_name, token_forms
from ficlint.analysis.lexicon import lexicon
from ficlint.analysis.slots import tag_codes, word_class_codes
from ficlint.check import Context, Facts
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import RegionKind
from ficlint.resources import load_data
from ficlint.rule import Rule, examples
from ficlint.rules.homophones._collocations import collocation_suggestions
from ficlint.rules.homophones._confusables import region_margins
from ficlint.rules.homophones._guards import opens_sentence, right_where_it_stands
from ficlint.rules.homophones._judge import (
    Suggestion,
    accepted_uses,
    adjusted_margins,
    manuscript_margins,
    suggestions,
)
from ficlint.rules.homophones._model import (
    Model,
    Scored,
    confidence,
    encode,
    load_model,
    new_sentences,
    occurrences,
    token_ids,
)
from ficlint.rules.homophones._model import score as score_occurrences
from ficlint.rules.homophones._patterns import pattern_matches
from ficlint.rules.homophones._phrases import phrase_suggestions

if TYPE_CHECKING:
    import numpy as np

RULE = Rule(
    id="H001",
    name="homophone-in-context",
    category="homophone",
    summary="A word that sounds like another where the context calls for the other (`they where`).",
    why="A spell checker cannot see these: every word is in the dictionary. A reader trips over "
        "\"their\" for \"there\" as surely as over a misspelling.",
    examples=examples(
        ("Karen starred into her watery eyes.", "Karen stared into her watery eyes."),
        ("Their is no time left.", "There is no time left."),
        ("I no what you mean.", "I know what you mean."),
        ("She let out a deep breathe.", "She let out a deep breath."),
        ("I could here the rain on the roof.", "I could hear the rain on the roof."),
        ("We'll led them home before dark.", "We'll lead them home before dark."),
        ("The firm and it's staff were gone.", "The firm and its staff were gone."),
        ("The healer walked passed them.", "The healer walked past them."),
    ),
    allows=("Where were you last night?", "They were the kind of tears that made it hard to breathe.",
            "I know deep down you feel it too.", "People were bustling past her towards the steps.",
            "\"Bread an' butter,\" said the old man.", "\"I'll tell you where to go.\"",
            "Will Turner sat down.", "She read it aloud.", "An old witch laughed at the gate.",
            "A cold sweat broke out on his brow."),
    fix_safety="Unsafe: the model guesses which word was meant from the words around it; read the "
               "sentence before accepting.",
)

_CHECKED = (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.AUTHOR_NOTE)


@dataclass
class Reading:
    """A document's member occurrences as the model scores them (once per document)."""

    scored: Scored
    words: Sequence[str]  # lowercased (confusables.lowered_tokens)
    sentence: np.ndarray  # of each token
    word_count: int


@dataclass(frozen=True)
class StoryWords:
    """What the manuscript says about its own words: the uses of each member the model
    accepts, and how many words it has."""

    accepted: Counter[str]
    words: int


class StoryWordsFacts(Facts):
    name = "homophone-story-words"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> Any:
        model = load_model()
        if model is None:
            return StoryWords(Counter(), 0)
        reading = read(doc, model)
        return StoryWords(accepted_uses(model, reading.scored, reading.words), reading.word_count)

    def combine(self, per_file: list[Any], ctx: Context) -> Any:
        accepted: Counter[str] = Counter()
        for found in per_file:
            accepted.update(found.accepted)
        model = load_model()
        if model is None:
            return StoryMargins({})
        return story_margins(model, StoryWords(accepted, sum(found.words for found in per_file)))


@dataclass(frozen=True)
class StoryMargins:
    """The extra margin each member needs in this manuscript (see _judge.manuscript_margins),
    rounded to a quarter nat: a one-word edit elsewhere leaves it as it was, and each document
    reads only the members of its own sets, so an edit re-checks only what it touched."""

    margins: dict[str, float]


def story_margins(model: Model, story: StoryWords) -> StoryMargins:
    found = manuscript_margins(model, story.accepted, story.words)
    return StoryMargins({w: round(m * 4) / 4 for w, m in sorted(found.items())})


FACTS = StoryWordsFacts()


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    model = load_model()
    if model is None:
        return
    taken = set()  # one finding per word: a pattern's or a phrase's is more specific
    if ctx.is_enabled("H002"):
        taken |= {m.start for m in pattern_matches(doc)}
    if ctx.is_enabled("H003"):
        taken |= {m.start for m in phrase_matches(doc)}
    story = ctx.facts(FACTS.name)
    own = frozenset(w.lower() for w in ctx.config.words)
    yield from (d for d in model_findings(doc, model, story) if d.start not in taken
                and doc.text[d.start:d.end].lower() not in own)


def read(doc: AnalyzedDocument, model: Model) -> Reading:
    """The document's occurrences scored by `model`, once per document and model (the facts
    and the check share it)."""
    readings = doc.memo(_readings)
    if id(model) not in readings:
        readings[id(model)] = (model, _read(doc, model))
    return readings[id(model)][1]


def _readings(doc: AnalyzedDocument) -> dict[int, tuple[Model, Reading]]:
    return {}  # by id(model); the model is kept with its reading so the id stays its own


def _read(doc: AnalyzedDocument, model: Model) -> Reading:
    words = lowered_tokens(doc)
    forms = token_forms(doc)
    sentence = forms.sentence
    ids = token_ids(forms.lowered, model.vocab)[forms.code]  # looked up once per form
    token, set_index, written = occurrences(model, ids)
    enc = encode(ids, new_sentences(sentence), model.classes)
    scored = score_occurrences(model, enc, token, set_index, written)
    return Reading(scored, words, sentence, sum(doc.tokens.is_word))


def model_findings(doc: AnalyzedDocument, model: Model,
                   story: StoryMargins | None = None) -> Iterator[Diagnostic]:
    """What `model` suggests in the document (scripts/eval_homophones.py passes its own model);
    `story`: the manuscript's evidence (this document's alone when not given)."""
    reading = read(doc, model)
    scored = reading.scored
    if not len(scored.token):
        return
    if story is None:
        own = StoryWords(accepted_uses(model, scored, reading.words), reading.word_count)
        story = story_margins(model, own)
    members = {w for i in set(scored.set_index.tolist()) for w in model.sets[i].members}
    known = story.margins
    extra_words = {w: known[w] for w in sorted(members) if w in known}  # read key by key
    margins, certain = adjusted_margins(model, scored, reading.words, reading.sentence, extra_words,
                                        _word_classes(doc), token_forms(doc))
    extra = _region_and_set_margins(doc, model, scored)
    tokens = doc.tokens
    glossary = glosses()
    found = suggestions(model, scored, margins, extra, certain)
    found += collocation_suggestions(model, scored, reading.words, reading.sentence, margins, extra,
                                     {s.token for s in found})
    found += phrase_suggestions(model, scored, reading.words, reading.sentence, margins, extra,
                                {s.token for s in found})
    for s in sorted(found, key=attrgetter("token")):
        start, end = tokens.start[s.token], tokens.end[s.token]
        written = doc.text[start:end]
        if written[:1].isupper() and not opens_sentence(doc, s.token):
            continue  # a capital mid-sentence: a name or a title ("Will", "Rose")
        if _in_compound(doc.text, start, end):
            continue  # part of a hyphenated word ("reel-to-reel", "one-on-one", "knot-free")
        if _cut_short(doc, s.token, written, s.intended):
            continue
        if _main_past_verb(doc, s.token, written):
            continue
        if right_where_it_stands(doc, s.token, s.written, s.intended):
            continue
        fix = keep_case(written, s.intended)
        yield Diagnostic(RULE.id, start, end, _message(written, fix, s.intended, glossary),
                         (Fix(start, end, fix, safe=False),), confidence=confidence(s.margin, s.levels),
                         data={"intended": fix, "set": model.sets[s.set_index].name})


def _word_classes(doc: AnalyzedDocument) -> np.ndarray | None:
    """The tagger's word classes as the slots read them (slots.tag_codes), or None if the
    tagger fails: they only refine the slots."""
    for _ in range(2):  # the tagger can fail once when it forgets its cached word types halfway
        try:
            tags = doc.tags
        except (IndexError, ValueError):
            continue
        try:
            return tag_codes(tags)
        except KeyError:  # a tag the tagger's list lacks: read by name
            return word_class_codes(list(map(attrgetter("upos"), tags)))
    return None


def _region_and_set_margins(doc: AnalyzedDocument, model: Model, scored: Scored) -> np.ndarray:
    """Per occurrence, the margin its region and its set need beyond the thresholds (inf
    outside prose, dialogue and notes). Dialogue and notes need more: speech has dialect,
    notes are casual (`extra_margin` in the data)."""
    import numpy as np

    regions = doc.regions
    starts = np.array([r.start for r in regions], dtype=np.int64)
    margins = region_margins()
    kinds = {r.kind for r in regions}
    by_kind = {kind: margins.get(str(kind), 0.0) if kind in _CHECKED else np.inf for kind in kinds}
    per_region = np.array([by_kind[r.kind] for r in regions])
    token_start = np.asarray(doc.tokens.start, dtype=np.int64)[scored.token]
    found = np.full(len(scored.token), np.inf)
    if len(regions):
        where = np.searchsorted(starts, token_start, side="right") - 1
        inside = (where >= 0) & (token_start < np.array([r.end for r in regions])[np.maximum(where, 0)])
        found = np.where(inside, per_region[np.maximum(where, 0)], np.inf)
    return found + _set_margins(model)[scored.set_index]


def _set_margins(model: Model) -> np.ndarray:
    import numpy as np

    if "set_margins" not in model.memo:
        by_name = sets_by_name()
        model.memo["set_margins"] = np.array([by_name[s.name].margin if s.name in by_name else 0.0
                                              for s in model.sets])
    return model.memo["set_margins"]


def _in_compound(text: str, start: int, end: int) -> bool:
    """Is the word joined to another by a hyphen (one, not a dash "--")?"""
    def joins(hyphen: int, other: int) -> bool:
        neighbour = text[other:other + 1]
        return text[hyphen:hyphen + 1] == "-" and neighbour not in ("-", "") and not neighbour.isspace()

    return start >= 2 and joins(start - 1, start - 2) or joins(end, end + 1)


_BREAKS = frozenset({".", "!", "?", "…", "...", "—", "–", "--"})  # what ends a clause short


def _cut_short(doc: AnalyzedDocument, token: int, written: str, intended: str) -> bool:
    """Does the clause stop right after the word, as it may when the word is right? "never got
    to." (an infinitive's "to" after its verb, the verb left out), or speech broken off after a
    contraction ("how you're. You know."), where dropping the contraction's verb ("you") is no
    fix: the speaker was cut off. ("over they're." -> "there" is still a slip.)"""
    tokens = doc.tokens
    after = token + 1
    if after >= len(tokens.text) or tokens.text[after] not in _BREAKS | _STRANDING:
        return False
    word = written.lower().replace("’", "'")
    if "'" in word:
        return tokens.text[after] in _BREAKS and word.split("'")[0] == intended.lower()
    before = token - 1
    return (word == "to" and before >= 0 and tokens.is_word[before]
            and tokens.text[before].lower() in lexicon().past_of)


# An infinitive's "to" with its verb left out may stand before a comma as well ("where she can have
# got to, madame", "I wanted to, but"): "too" after a verb ends its clause with no comma-free reading.
_STRANDING = frozenset({",", ";"})


def _main_past_verb(doc: AnalyzedDocument, token: int, written: str) -> bool:
    """Is the written word a simple past that is the sentence's main verb: right after a relative
    clause's short verb phrase ("the dog that ran passed away", "everyone who used to walk passed the
    test"), or a phrasal verb with its particle ("passed out")? Then it is no slip for a sound-alike
    ("past"), however often the clause's verb is followed by one."""
    word = written.lower()
    if lexicon().past_of.get(word) != word:
        return False
    slots = load_data("slots")
    tokens = doc.tokens
    after = token + 1
    if after < len(tokens.text) and tokens.sentence[after] == tokens.sentence[token] \
            and tokens.text[after].lower() in slots["phrasal_particles"]:
        return True
    past_of = lexicon().past_of
    # the clause's verb stands right before ("who ran passed", not "who are unjustly effected")
    if token < 1 or tokens.text[token - 1].lower() not in past_of:
        return False
    for k in range(token - 2, max(token - _RELATIVE_REACH, -1), -1):
        if tokens.sentence[k] != tokens.sentence[token] or not tokens.is_word[k]:
            return False
        before = tokens.text[k].lower()
        if before in slots["clause_subjects"]:
            return False
        if before in slots["relative_openers"]:
            return _opens_on_the_subject(doc, k)
    return False


def _opens_on_the_subject(doc: AnalyzedDocument, opener: int) -> bool:
    """Does the relative clause opened at `opener` describe the sentence's subject, with no past verb
    before it ("The dog that ran passed away"; not "dowsed by the blood that had pooled threw his
    fingers", where the main verb came first and the sound-alike may be the slip)?"""
    tokens = doc.tokens
    past_of = lexicon().past_of
    first = tokens.sentence_first[tokens.sentence[opener]]
    return not any(tokens.is_word[k] and past_of.get(tokens.text[k].lower()) == tokens.text[k].lower()
                   for k in range(first, opener))


_RELATIVE_REACH = 6  # words back to a relative clause's opener: "who had always used to walk"


def _message(written: str, fix: str, intended: str, glossary: dict[str, str]) -> str:
    meant = glossary.get(intended, "")
    wrote = glossary.get(written.lower().replace("’", "'"), "")
    head = f"\"{written}\" ({wrote})" if wrote else f"\"{written}\""
    return f"{head}: did you mean \"{fix}\" ({meant})?" if meant else f"{head}: did you mean \"{fix}\"?"


__all__ = ["RULE", "FACTS", "check", "model_findings", "Suggestion"]
