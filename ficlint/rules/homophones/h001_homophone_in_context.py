"""H001 homophone-in-context: a word that sounds like another where the context calls for the other."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.confusables import (
    glosses,
    lowered_tokens,
    phrase_matches,
    sets_by_name,
    token_forms,
    word_classes,
)
from ficlint.analysis.lexicon import lexicon
from ficlint.analysis.slots import tag_codes, word_class_codes
from ficlint.check import Context, Facts
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import RegionKind
from ficlint.resources import load_data
from ficlint.rule import Rule, examples
from ficlint.rules.homophones._collocations import collocation_suggestions
from ficlint.rules.homophones._confusables import region_margins
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
        if written[:1].isupper() and not _opens_sentence(doc, s.token):
            continue  # a capital mid-sentence: a name or a title ("Will", "Rose")
        if _in_compound(doc.text, start, end):
            continue  # part of a hyphenated word ("reel-to-reel", "one-on-one", "knot-free")
        if _cut_short(doc, s.token, written, s.intended):
            continue
        if _main_past_verb(doc, s.token, written):
            continue
        if _question_subject(doc, s.token, s.intended) or _mentioned(doc, s.token):
            continue
        if _reference_line(doc.text, start) or _adjective_in_use(doc, s.token, s.written, s.intended):
            continue
        if _own_accord(doc, s.token, s.written) or _clause_before_verb(doc, s.token, s.written):
            continue
        if _verb_of_subject(doc, s.token, s.written, s.intended) or _conditional_an(doc, s.token, s.written):
            continue
        if _in_verse(doc.text, start) or _comparative_correlative(doc, s.token, s.written, s.intended):
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


_WH_WORDS = frozenset({"what", "where", "how", "why", "when", "who", "whom", "which", "whither", "whence"})


def _question_subject(doc: AnalyzedDocument, token: int, intended: str) -> bool:
    """Is the word the subject of a question, between its modal and its verb ("What would life be
    without them?", "Where will peace come from?", "Could sleep have helped?")? The slot after a
    modal wants a base verb only when the modal follows its subject; where the modal opens the
    question (first in its sentence, or after a wh-word) and a base verb follows the word, the word
    is the subject and a verb ("live") is no fix."""
    tokens = doc.tokens
    modal, after = token - 1, token + 1
    if modal < 0 or after >= len(tokens.text) or not (tokens.sentence[modal] == tokens.sentence[token]
                                                       == tokens.sentence[after]):
        return False
    slots = load_data("slots")
    if tokens.text[modal].lower() not in (*slots["base_verb_after"], *slots["base_verb_after_subject"]):
        return False
    if "VB" not in word_classes().get(intended, frozenset()):
        return False
    opens = _opens_sentence(doc, modal) or (
        modal >= 1 and tokens.sentence[modal - 1] == tokens.sentence[modal]
        and tokens.text[modal - 1].lower() in _WH_WORDS)
    return opens and _tag_of(doc, after) == "VB"


def _tag_of(doc: AnalyzedDocument, token: int) -> str:
    """The token's Penn tag (its first part's), or "" if the tagger fails."""
    try:
        return doc.tags[token].head.xpos
    except (IndexError, ValueError, KeyError):
        return ""


_ADJECTIVAL = frozenset({"JJ", "VBN"})
_MODIFYING = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD", "VBG", "RB"})  # what else may follow an adverb


def _adjective_in_use(doc: AnalyzedDocument, token: int, written: str, intended: str) -> bool:
    """Is the written word an adjective where only an adjective can stand, and the suggestion only
    a noun (or a base verb): after an -ly adverb ("a fan, elaborately gilt" -> not "guilt"), or coordinated with an
    adjective before their noun ("the hoarse and prolonged crowing" -> not "horse")?"""
    classes = word_classes()
    if not classes.get(written, frozenset()) & _ADJECTIVAL or classes.get(intended, frozenset()) & _MODIFYING:
        return False
    tokens = doc.tokens
    before = token - 1
    if (before >= 0 and tokens.sentence[before] == tokens.sentence[token]
            and tokens.text[before].lower().endswith("ly") and _tag_of(doc, before) == "RB"):
        return True
    conj, other, noun = token + 1, token + 2, token + 3
    return (noun < len(tokens.text) and tokens.sentence[noun] == tokens.sentence[token]
            and tokens.text[conj].lower() in ("and", "or") and _tag_of(doc, other) == "JJ"
            and _tag_of(doc, noun) in ("NN", "NNS", "VBG"))  # a gerund as noun: "prolonged crowing"


def _own_accord(doc: AnalyzedDocument, token: int, written: str) -> bool:
    """Is "of" the genitive of "of its own accord", "of his own free will" (a possessive and "own"
    follow)? After a verb of motion the slot reads a particle ("slipped off the bank"), but "of" and
    a possessive's own is the fixed phrase ("slipped of their own accord into the water")."""
    tokens = doc.tokens
    if written.lower() != "of" or token + 2 >= len(tokens.text):
        return False
    return (tokens.text[token + 1].lower() in load_data("slots")["possessives"] + ["his", "her", "my", "our"]
            and tokens.text[token + 2].lower() == "own")


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we"})  # never objects ("I" may be a numeral)
_VERB_CLASSES = frozenset({"VB", "VBP", "VBZ", "VBD", "MD"})


def _verb_of_subject(doc: AnalyzedDocument, token: int, written: str, intended: str) -> bool:
    """Is the written word a verb right after a subject pronoun, and the suggestion no verb at all
    ("they weigh no longer" -> not "way")? A subject's next word may be its verb, an adverb or a
    determiner ("they all"), never a noun: a noun there is no likelier a slip than the verb."""
    classes = word_classes()
    if not classes.get(written, frozenset()) & _VERB_CLASSES or classes.get(intended, frozenset()) & _VERB_CLASSES:
        return False
    before = token - 1
    tokens = doc.tokens
    return (before >= 0 and tokens.sentence[before] == tokens.sentence[token]
            and tokens.text[before].lower() in _SUBJECT_PRONOUNS)


_CONDITION_SUBJECTS = frozenset({"he", "she", "it", "we", "they", "i", "you", "thou", "ye", "he'll", "we're",
                                 "you're", "they're", "i'm", "it's", "he's", "she's", "ye'll", "thou'lt"})


def _conditional_an(doc: AnalyzedDocument, token: int, written: str) -> bool:
    """Is "an" the old "if", before a clause's subject pronoun ("among his brethren, an he will";
    "an we're to die, we die")? Older books use it so; "and" there is no likelier a reading
    (the article check already leaves it alone before a pronoun: _judge._other_readings)."""
    tokens = doc.tokens
    after = token + 1
    return (written.lower() == "an" and after < len(tokens.text)
            and tokens.sentence[after] == tokens.sentence[token]
            and tokens.text[after].lower().replace("’", "'") in _CONDITION_SUBJECTS)


_COMPARATIVES = frozenset({"JJR", "RBR"})


def _comparative_correlative(doc: AnalyzedDocument, token: int, written: str, intended: str) -> bool:
    """Is the written word a comparative right where it is: "the later ..., the better" (a
    correlative: "the" before it, and "the" and a comparative after it in its sentence; not
    "latter"), or "then" before "than" ("more advanced then than when I met you": the "than" is
    there already)?"""
    tokens = doc.tokens
    last = len(tokens.text)
    if written.lower() == "then" and intended == "than":
        return token + 1 < last and tokens.text[token + 1].lower() == "than"
    if token < 1 or tokens.text[token - 1].lower() != "the" or _tag_of(doc, token) not in _COMPARATIVES:
        return False
    sentence = tokens.sentence[token]
    k = token + 2
    while k + 1 < last and tokens.sentence[k + 1] == sentence:
        if tokens.text[k].lower() == "the" and _tag_of(doc, k + 1) in _COMPARATIVES:
            return True
        k += 1
    return False


VERSE_LINE_MAX = 60  # characters: a line of verse; a book's hard-wrapped prose runs to ~70


def _in_verse(text: str, start: int) -> bool:
    """Is the word in a stanza: its line and a line next to it (one newline apart) short and
    opening on a capital, as verse lines do and wrapped prose, whose lines run to the margin and
    mostly open mid-sentence, does not? Verse bends word order and sense for its metre ("For what
    so precious in the balance weighs, / That all in counterpoise"), which a model of prose reads
    as slips."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if not _verse_like(line):
        return False
    before = text[max(0, line_start - 200):max(0, line_start - 1)].rsplit("\n", 1)[-1] if line_start else ""
    after = text[line_end + 1:line_end + 200].split("\n", 1)[0] if line_end < len(text) else ""
    # and a sentence runs on from one of the two lines to the next: short paragraphs written a line
    # each ("He was tired." / "She slept.") end their sentences
    return any(_verse_like(other) and (_runs_on(line) or _runs_on(other)) for other in (before, after))


def _verse_like(line: str) -> bool:
    stripped = line.strip().lstrip("\"'“‘(")
    return 0 < len(line.strip()) <= VERSE_LINE_MAX and stripped[:1].isupper()


def _runs_on(line: str) -> bool:
    """Does the line stop mid-sentence (on a word, a comma, a semicolon, a colon or a dash)?"""
    return line.rstrip()[-1:].isalnum() or line.rstrip()[-1:] in ",;:—-"


_SINGULAR_VERBS = frozenset({"is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't"})


def _clause_before_verb(doc: AnalyzedDocument, token: int, written: str) -> bool:
    """Is the written pronoun fused with its verb the subject of a clause whose plural noun is
    followed by a singular verb ("the reason they're friends is because", "the way you're friends
    was")? A possessive would make that noun the verb's subject, which it cannot be (a plural
    before "is"): the clause is the subject's relative, and the contraction is right."""
    if "'" not in written.replace("’", "'"):
        return False
    tokens = doc.tokens
    noun, verb = token + 1, token + 2
    return (verb < len(tokens.text) and tokens.sentence[verb] == tokens.sentence[token]
            and _tag_of(doc, noun) == "NNS" and tokens.text[verb].lower().replace("’", "'") in _SINGULAR_VERBS)


_MENTION_WORDS = frozenset({"word", "words", "term", "spelling", "spelt", "spelled"})
_EMPHASIS = "_*="


def _mentioned(doc: AnalyzedDocument, token: int) -> bool:
    """Is the word mentioned, not used: set off by emphasis marks right after "the word", "the term"
    ("the accent on the word _their_")? Then it is the word the writer means."""
    tokens = doc.tokens
    start, end = tokens.start[token], tokens.end[token]
    text = doc.text
    if not (start >= 1 and text[start - 1] in _EMPHASIS and text[end:end + 1] == text[start - 1]):
        return False
    return any(tokens.sentence[k] == tokens.sentence[token] and tokens.text[k].lower() in _MENTION_WORDS
               for k in range(max(token - 3, 0), token))


# A line of a book's index or glossary: a page reference ends it ("_Lending_ money, new mode of, iii. 463."),
# or a marked term opens it ("=Emprise=, feat, enterprise.", "_Sea_, electrical qualities of its parts").
_INDEX_LINE = re.compile(r",\s*(?:(?:vol\.|[ivxlc]+\.|pp?\.)\s*)?\d+(?:\s*[-–,]\s*\d+)*\.?$")
_GLOSSARY_LINE = re.compile(r"^([=_*])[^\s=_*][^=_*]{0,40}\1,")


def _reference_line(text: str, start: int) -> bool:
    """Is the word on a line of an index or a glossary (a run of at least two such lines: one
    alone may be a wrapped line of prose that ends on a year)? Their lines are headwords and page
    numbers, not sentences a context model can read."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    kind = _reference_kind(text[line_start:line_end])
    if kind is None:
        return False
    return kind in (_reference_kind(_next_line(text, line_end)), _reference_kind(_line_before(text, line_start)))


def _reference_kind(line: str) -> re.Pattern[str] | None:
    line = line.strip()
    if not line or len(line) > 120:
        return None
    return next((pattern for pattern in (_INDEX_LINE, _GLOSSARY_LINE) if pattern.search(line)), None)


def _next_line(text: str, line_end: int) -> str:
    """The next line that is not blank (after a newline at `line_end`)."""
    rest = text[line_end:line_end + 400].lstrip("\n\r \t")
    return rest.split("\n", 1)[0]


def _line_before(text: str, line_start: int) -> str:
    """The nearest line before `line_start` that is not blank."""
    before = text[max(0, line_start - 400):line_start].rstrip("\n\r \t")
    return before.rsplit("\n", 1)[-1]


def _opens_sentence(doc: AnalyzedDocument, token: int) -> bool:
    """Is the token the first word of its sentence (after any opening quotes or marks)?"""
    tokens = doc.tokens
    first = tokens.sentence_first[tokens.sentence[token]]
    return all(not tokens.is_word[j] for j in range(first, token))


def _message(written: str, fix: str, intended: str, glossary: dict[str, str]) -> str:
    meant = glossary.get(intended, "")
    wrote = glossary.get(written.lower().replace("’", "'"), "")
    head = f"\"{written}\" ({wrote})" if wrote else f"\"{written}\""
    return f"{head}: did you mean \"{fix}\" ({meant})?" if meant else f"{head}: did you mean \"{fix}\"?"


__all__ = ["RULE", "FACTS", "check", "model_findings", "Suggestion"]
