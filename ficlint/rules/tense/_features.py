"""What the tense rules know about a verb in the other tense than its scene's: named features for
the slip model (ficlint/rules/tense/_model.py).

Each feature is a short string ("subject=name", "sentence_scene_verbs=1", "clause=when") read from the
analysis layer: the verb and its subject and clause (`doc.finite_verbs`), the other verbs of its
sentence and paragraph, the paragraphs around it in its scene (`doc.narrative`), whether its
paragraph has drifted (ficlint/rules/tense/_drift.py), and a few word lists of rules/data/tense.yaml
(generic and narrator words, reporting verbs, time words). A few features are pairs of others, where
one changes what the other means ("subject=noun&sentence_scene_verbs=0").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import Verb, lowercase_tokens, narration
from ficlint.analysis.lexicon import PAST, PRESENT, alternatives, lexicon, words
from ficlint.analysis.scenes import ParagraphTense, Scene
from ficlint.document import RegionKind

_CLAUSE_GROUPS = {
    "when": "time", "whenever": "time", "while": "time", "whilst": "time", "until": "time", "till": "time",
    "before": "time", "after": "time", "once": "time", "since": "time", "as": "as", "because": "cause",
    "cos": "cause", "cause": "cause", "if": "condition", "unless": "condition", "whether": "condition",
    "though": "concession", "although": "concession", "whereas": "concession", "even though": "concession",
    "than": "comparison", "like": "comparison", "as if": "as-if", "as though": "as-if", "that": "that",
    "which": "relative", "who": "relative", "whom": "relative", "whose": "relative", "where": "where",
    "wherever": "where", "how": "wh", "why": "wh", "what": "wh", "lest": "condition",
}
_DEFINITE = frozenset(["the", "this", "that", "these", "those"])
_POSSESSIVE = frozenset(["his", "her", "their", "its", "my", "our", "your", "'s"])
_INDEFINITE = frozenset(["a", "an"])


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    generic: frozenset[str]
    narrator: frozenset[str]
    now: frozenset[str]
    earlier: frozenset[str]
    reporting: frozenset[str]
    perception: frozenset[str]
    idioms: re.Pattern[str]


@cache
def _vocabulary() -> _Vocabulary:
    w = words()
    lex = lexicon()

    def every_form(verbs: list[str]) -> frozenset[str]:
        forms = set(verbs)
        for verb in verbs:
            base = lex.base_by_past.get(verb) or lex.base_by_third.get(verb) or verb
            forms |= {base, lex.third_by_base.get(base, ""), lex.past_by_base.get(base, "")}
        return frozenset(forms - {""})

    return _Vocabulary(
        generic=frozenset(w["generic_words"]),
        narrator=frozenset(w["narrator_words"]),
        now=frozenset(w["now_words"]),
        earlier=frozenset(w["earlier_words"]),
        reporting=every_form(w["reporting_verbs"]),
        perception=every_form(w["perception_verbs"]),
        idioms=re.compile(r"\b(?:" + alternatives(w["idioms"]).replace(r"\ ", r"\s+") + r")(?!\w)", re.I),
    )


@dataclass(slots=True)
class DocumentContext:
    """What the features of one document read, worked out once (through `doc.memo`)."""

    doc: AnalyzedDocument
    by_sentence: dict[int, list[Verb]]
    narration: list[bool]  # per token: in the narration the verbs were found in
    low: list[str]

    def sentence_words(self, sentence: int) -> list[str]:
        tokens = self.doc.tokens
        return [self.low[t] for t in tokens.of_sentence(sentence) if self.narration[t]]


def generic_words() -> frozenset[str]:
    return _vocabulary().generic


def document_context(doc: AnalyzedDocument) -> DocumentContext:
    by_sentence: dict[int, list[Verb]] = defaultdict(list)
    for verb in doc.finite_verbs:
        by_sentence[verb.sentence].append(verb)
    tokens = doc.tokens
    in_narration = [False] * len(tokens)
    for span, _ in doc.memo(narration):
        first = bisect.bisect_left(tokens.start, span.start)
        last = bisect.bisect_left(tokens.start, span.end)
        in_narration[first:last] = [True] * (last - first)
    return DocumentContext(doc, by_sentence, in_narration, doc.memo(lowercase_tokens))


def features(context: DocumentContext, scene: Scene, position: int, verb: Verb, drifted: set[int],
             first_person: bool) -> list[str]:
    """The features of `verb`, a verb in the other tense than `scene`'s, in the paragraph at `position`
    among the scene's paragraphs (`drifted`: indices of the scene's drifted paragraphs)."""
    assert scene.tense is not None
    tense = scene.tense.tense
    other = verb.tense
    vocabulary = _vocabulary()
    f: list[str] = []
    add = f.append
    word = verb.word.lower().replace("’", "'")
    subject = _subject_class(verb)
    add(f"kind={verb.kind}")
    add(f"subject={subject}")
    add(f"kind={verb.kind}&subject={subject}")
    if verb.aspect:
        add(f"aspect={verb.aspect}")
    if word.endswith("n't") or _negated(context, verb):
        add("negated")
    if verb.contracted:
        add("contracted")
    add(f"verb={_base(word)}")
    classes = _word_classes()
    entry = classes.get(word)
    if entry is not None:  # the word classes the tagger learnt from fan fiction: actions, states …
        add(f"verb_class={entry[0]}")
        add(f"verb_coarse={entry[1]}")
    subject_entry = classes.get(verb.subject) if verb.subject_kind in ("noun", "relative") else None
    if subject_entry is not None:
        add(f"subject_coarse={subject_entry[1]}")
    low = context.low
    t = verb.token
    add(f"word_before={low[t - 1] if t > 0 and context.narration[t - 1] else '^'}")
    add(f"word_after={low[t + 1] if t + 1 < len(low) and context.narration[t + 1] else '$'}")
    if verb.subject_kind in ("pronoun", "noun", "relative"):
        add(f"subject_word={verb.subject}")
    if verb.generic_subject:
        add("generic_subject")
    clause = _CLAUSE_GROUPS.get(verb.clause, verb.clause)
    add(f"clause={clause}")
    if verb.subject_kind == "and":
        add(f"partner={'none' if not verb.partner else 'scene' if verb.partner == tense else 'other'}")
    if first_person:
        add("first_person_story")
    # the sentence
    sentence_verbs = [v for v in context.by_sentence.get(verb.sentence, ()) if v is not verb]
    in_scene = sum(1 for v in sentence_verbs if v.tense == tense and v.kind != "modal")
    in_other = sum(1 for v in sentence_verbs if v.tense == other and v.kind != "modal")
    add(f"sentence_scene_verbs={min(in_scene, 2)}")
    add(f"sentence_other_verbs={min(in_other, 2)}")
    add(f"subject={subject}&sentence_scene_verbs={min(in_scene, 1)}")
    add(f"clause={clause}&sentence_scene_verbs={min(in_scene, 1)}")
    if any(v.tense == tense and v.subject == verb.subject and verb.subject for v in sentence_verbs):
        add("same_subject_in_scene_tense")
    if verb.subject and _subject_nearby(context, verb, tense):
        add(f"subject_acts_nearby_in_scene_tense&subject={subject}")
    if verb.word.isupper() and len(verb.word) > 1:
        add("capitals")
    add(f"aspect={verb.aspect or 'simple'}&subject={subject}")
    if any(v.tense == tense and v.acting for v in sentence_verbs):
        add("character_acts_in_scene_tense")
    sentence_words = context.sentence_words(verb.sentence)
    marks = set(sentence_words)
    if sentence_words:
        add(f"sentence_opens={sentence_words[0]}")
    if marks & vocabulary.generic:
        add("generic_word")
    if marks & vocabulary.narrator:
        add("narrator_word")
    if marks & vocabulary.now:
        add("now_word")
    if marks & vocabulary.earlier:
        add("earlier_word")
    if "?" in marks:
        add("question")
    if "!" in marks:
        add("exclamation")
    if _reported(context, verb, vocabulary):
        add("reported")
    if _aside(context, verb):
        add("aside")
    doc = context.doc
    sentence = doc.sentences[verb.sentence]
    if vocabulary.idioms.search(doc.text, max(sentence.start, verb.start - 16), min(sentence.end, verb.end + 16)):
        add("idiom")
    if _after_quotation(doc, verb):
        add("after_quotation")
    if len(sentence_words) <= 6:
        add("short_sentence")
    # the paragraph and its neighbours, the scene
    add(f"scene_other_share={_bucket(_other_share(scene, tense))}")
    paragraph = scene.paragraphs[position]
    if verb.sentence == paragraph.verbs[0].sentence:
        add("first_sentence")
    counts = _counts(paragraph, tense, other)
    share = counts[1] / (counts[0] + counts[1]) if counts[0] + counts[1] else 0.0
    add(f"paragraph_other_share={_bucket(share)}")
    add(f"paragraph_scene_verbs={min(counts[0], 3)}")
    add(f"subject={subject}&paragraph_other_share={_bucket(share)}")
    acting = sum(1 for v in paragraph.verbs if v.tense == other and v.acting)
    add(f"paragraph_other_actions={min(acting, 3)}")
    if paragraph.index in drifted:
        add("drifted")
        add(f"drifted&subject={subject}")
        add(f"drifted&kind={verb.kind}")
    if _has_dialogue(doc, paragraph.index):
        add("paragraph_has_dialogue")
    for side, at in (("previous", position - 1), ("next", position + 1)):
        if 0 <= at < len(scene.paragraphs) and abs(scene.paragraphs[at].index - paragraph.index) <= 3:
            near = _counts(scene.paragraphs[at], tense, other)
            add(f"{side}_paragraph={_leaning(near)}")
        else:
            add(f"{side}_paragraph=none")
    before, after = _neighbour_sentences(context, verb, paragraph)
    add(f"previous_sentence={before}")
    add(f"next_sentence={after}")
    add(f"previous_sentence={before}&next_sentence={after}&subject={subject}")
    return f


def _word_classes() -> dict[str, tuple[int, int, int, int]]:
    """The tagger's lexicon: each word's distributional classes (fine, coarse) learnt from fan fiction."""
    from ficlint.analysis.tagger import load_tagger

    return load_tagger().lexicon


def _subject_nearby(context: DocumentContext, verb: Verb, tense: str) -> bool:
    """Does the verb's subject act in the scene's tense in the sentence before or after ("She
    walked in. She sees him.")?"""
    for near in (verb.sentence - 1, verb.sentence + 1):
        if any(v.tense == tense and v.subject == verb.subject for v in context.by_sentence.get(near, ())):
            return True
    return False


def _other_share(scene: Scene, tense: str) -> float:
    counted = [v for v in scene.verbs if v.kind != "modal"]
    return sum(1 for v in counted if v.tense != tense) / len(counted) if counted else 0.0


def _subject_class(verb: Verb) -> str:
    kind = verb.subject_kind
    if kind == "pronoun":
        if verb.subject in ("he", "she", "i", "we", "you", "they", "it", "this", "that", "there", "here",
                            "what", "who", "one"):
            return verb.subject
        return "pronoun-other"
    if kind == "noun":
        d = verb.determiner
        group = ("definite" if d in _DEFINITE else "possessive" if d in _POSSESSIVE else "indefinite"
                 if d in _INDEFINITE else "bare" if not d else "quantifier")
        return f"noun-{group}-{'plural' if verb.person == 'plural' else 'singular'}"
    if kind == "relative":
        d = verb.determiner
        return "relative-particular" if d in _DEFINITE or d in _POSSESSIVE or d == "name" else "relative-other"
    return kind


def _base(word: str) -> str:
    lex = lexicon()
    return lex.base_by_past.get(word) or lex.base_by_third.get(word) or word


def _negated(context: DocumentContext, verb: Verb) -> bool:
    i = verb.token + 1
    return i < len(context.low) and context.low[i] in ("not", "never")


def _reported(context: DocumentContext, verb: Verb, vocabulary: _Vocabulary) -> bool:
    """Is the verb in a clause of reported speech or thought: a reporting verb before it in the
    sentence, no semicolon or colon between ("She knew the earth is round")?"""
    tokens = context.doc.tokens
    first = tokens.sentence_first[verb.sentence]
    low = context.low
    for t in range(verb.token - 1, max(first, verb.token - 16) - 1, -1):
        word = low[t]
        if word in (";", ":", '"', "“", "”"):
            return False
        if word in vocabulary.reporting or word in vocabulary.perception and t + 1 < verb.token and (
                low[t + 1] in ("that", "how", "what", "whether", "if", "why", "where", "who")):
            return True
    return False


def _aside(context: DocumentContext, verb: Verb) -> bool:
    """Is the verb inside parentheses or between a pair of dashes?"""
    tokens = context.doc.tokens
    first = tokens.sentence_first[verb.sentence]
    before = context.low[first:verb.token]
    if before.count("(") > before.count(")"):
        return True
    dashes = sum(1 for w in before if w in ("--", "—", "–"))
    return dashes % 2 == 1


def _after_quotation(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the verb in the tag or beat right after a quotation ("…," she says)?"""
    region = doc.region_at(verb.start)
    if region is None or region.kind is not RegionKind.NARRATION:
        return False
    regions = doc.paragraph_regions(region.paragraph)
    index = next((i for i, r in enumerate(regions) if r.start == region.start), 0)
    if index == 0 or regions[index - 1].kind is not RegionKind.DIALOGUE:
        return False
    return len(doc.text[region.start:verb.start].split()) <= 3


def _has_dialogue(doc: AnalyzedDocument, paragraph: int) -> bool:
    return any(r.kind is RegionKind.DIALOGUE for r in doc.paragraph_regions(paragraph))


def _counts(paragraph: ParagraphTense, tense: str, other: str) -> tuple[int, int]:
    scene = sum(1 for v in paragraph.verbs if v.tense == tense and v.kind != "modal")
    rest = sum(1 for v in paragraph.verbs if v.tense == other and v.kind != "modal")
    return scene, rest


def _leaning(counts: tuple[int, int]) -> str:
    scene, other = counts
    if not scene and not other:
        return "empty"
    if not other:
        return "scene"
    if not scene:
        return "other"
    return "scene-mostly" if scene > other else "other-mostly"


def _bucket(share: float) -> str:
    return "0" if share <= 0.2 else "low" if share < 0.5 else "half" if share < 0.75 else "high" if share < 1 else "all"


def _neighbour_sentences(context: DocumentContext, verb: Verb, paragraph: ParagraphTense) -> tuple[str, str]:
    """The tense of the sentences before and after the verb's in its paragraph: "scene", "other",
    "mixed", "none" (no verbs) or "edge" (the paragraph ends)."""
    sentences = sorted({v.sentence for v in paragraph.verbs})
    at = sentences.index(verb.sentence)
    found = []
    for near in (at - 1, at + 1):
        if not 0 <= near < len(sentences):
            found.append("edge")
            continue
        tenses = {v.tense for v in context.by_sentence[sentences[near]] if v.kind != "modal"}
        found.append("none" if not tenses else "mixed" if len(tenses) > 1 else
                     "scene" if verb.tense not in tenses else "other")
    return found[0], found[1]


def first_person(scene: Scene) -> bool:
    """Is the scene told by an "I" (a quarter of its pronoun subjects or more)?"""
    pronouns = [v.subject for v in scene.verbs if v.subject_kind == "pronoun"]
    return bool(pronouns) and sum(1 for s in pronouns if s in ("i", "we")) * 4 >= len(pronouns)


Extractor = Callable[[DocumentContext, Scene, int, Verb, set[int], bool], list[str]]
__all__ = ["DocumentContext", "document_context", "features", "first_person", "PAST", "PRESENT"]
