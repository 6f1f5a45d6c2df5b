"""What the tense rules share: the judgement of whether a finite verb in the other
tense than its scene's is a slip (see T001's and T002's docstrings for the policy).

The analysis layer finds the verbs (`doc.finite_verbs`) and the scenes' tenses
(`doc.narrative`); this module reads each out-of-tense verb in its sentence
(`doc.sentences`) and its neighbours and says how sure it is that the verb is a
slip, 0 when it is one of the places another tense is right.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property, partial

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import OBJECT_PRONOUNS as _OBJECT_PRONOUNS
from ficlint.analysis.clauses import Names, Verb, previous_word
from ficlint.analysis.lexicon import BE as _BE
from ficlint.analysis.lexicon import MODALS as _MODALS
from ficlint.analysis.lexicon import (
    PAST,
    PRESENT,
    Lexicon,
    alternatives,
    inflections,
    lexicon,
    phrase_pattern,
    words,
)
from ficlint.analysis.lexicon import WORD as _WORD
from ficlint.analysis.scenes import Scene, SceneTense, paragraphs_of
from ficlint.analysis.sentences import ABBREVIATIONS
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import RegionKind
from ficlint.rule import Rule
from ficlint.rules.tense._drift import (
    after_name,
    counterfactual,
    drifted,
    in_parentheses,
    letter_paragraphs,
    look_back_adverbial,
    looks_back_itself,
    present_frame,
    remembered,
    set_apart,
)
from ficlint.rules.tense._tagged import (
    absolute,
    in_name_relative_clause,
    in_relative_clause,
    loose_verbs,
    names_acting,
    particular_subjects,
    tag_before_subject,
    tagged_verbs,
)
from ficlint.rules.tense._tagged import token_at as _token_at

_DRIFT_CERTAINTY = 0.8
_FIRST_PERSON_ACTS = 3
_FIRST_PERSON_SHARE = 4
FIX_SAFETY = (
    "Unsafe: the writer may have meant the change of tense (a flashback, a timeless truth, an aside)."
)
_GOVERNING = frozenset(
    ["saw", "watched", "heard", "felt", "made", "let", "helped", "had", "bade", "bid", "noticed", "observed"]
)
_IMPERSONAL = re.compile(
    r"(?:\s+[\w’'-]+){0,5}?\s+(?:to|that|when|if|how|what|whether)\b|(?:\s+[\w’'-]+){0,5}?,"
)
_SUBORDINATE = re.compile(
    r"(?:\b(?:when|whenever|if|unless|until|till|once|wherever|where|while|after|before|whether|"
    r"so long as|as long as)"
    r"|\bas\s+[a-z]+\s+as)\s+(?:[\w’'-]+\s+){0,4}$",
    re.I,
)
_COMPARISON = re.compile(r"\b(?:than|like|as\s+[a-z]+\s+as)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_COMPARISON_OR_RELATIVE = re.compile(r"\b(?:as|than|like|whom|which|whose)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_PRESENT_MODAL = re.compile(r"\b(?:may|can|will|shall|must)\b", re.I)
_ANY_MODAL = re.compile(r"\b(?:would|could|should|might|must|will|can|shall|may)\b", re.I)
_TO_VERB = re.compile(r"\bto\s+([a-z]+)")
_CLAUSE_BREAK = re.compile(r"[,;:!?\"“”]|\s(?:--|—)\s?")
_TOKEN = re.compile(r"[A-Za-z’'-]+|[,;:(.!?]")
_GENERIC_START = re.compile(
    r"\b(?:a|an|any|no|some|such|many|most|few|which|who|that|what)\b"
    r"[^,;:.!?]*$",
    re.I,
)
_IT_IS_A = re.compile(r"\s+(?:an?\s|[a-z]+ed\s+by\b)")
_GENERIC_ANTECEDENT = frozenset(
    [
        "a",
        "an",
        "one",
        "ones",
        "those",
        "these",
        "such",
        "like",
        "as",
        "any",
        "every",
        "many",
        "most",
        "all",
        "some",
        "kind",
        "sort",
    ]
)
_ABSTRACT = ("ness", "ity", "ment", "tion", "sion", "ism", "ship", "hood", "ance", "ence", "acy", "ery")
_NP_BOUNDARY = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "for",
        "at",
        "in",
        "on",
        "by",
        "to",
        "from",
        "with",
        "into",
        "onto",
        "upon",
        "after",
        "before",
        "during",
        "since",
        "until",
        "through",
        "under",
        "over",
        "about",
        "against",
        "among",
        "between",
        "within",
        "without",
    ]
)
_DEFINITE = frozenset(["the", "her", "his", "their", "its", "my", "your", "our"])
_GENERIC_DETERMINERS = frozenset(
    ["a", "an", "all", "every", "each", "any", "some", "no", "to", "such", "many", "most", "few"]
)
_CHARACTERS = frozenset(("he", "she", "they"))
_NOUN_PHRASE_WORDS = frozenset(["NN", "NNS", "JJ", "VBN", "VBG"])  # inside a noun phrase, before its head
_INVERSION = re.compile(r"\s+(?:it|he|she|they|there|i|we|you)\b", re.I)
_REPORTED_THAT = re.compile(
    r"\b(?:[a-z]+(?:ed|ing)|idea|thought|fact|feeling|belief|conviction|notion|knowledge|"
    r"sense|news|assertion|opinion|theory|certainty|impression)\s+(?:(?:him|her|them|me|us|it)\s+)?that\b",
    re.I,
)
# a not-knowing that lasted until the story's now: "he didn't know she could", "I never realised"
_UNTIL_NOW = re.compile(r"did(?:n['’]t|\s+not)\s+(?:know|realise|realize|expect|think|notice|see)\b", re.I)


@cache
def _mandative() -> re.Pattern[str]:
    """A demand, a proposal or a necessity and "that" before the verb ("adamant that they go", "it was
    vital that he be told"): a subjunctive follows (tense.yaml `mandative`)."""
    governing = alternatives(words()["mandative"])
    # without "that", only a verb of demanding right before a pronoun or a name ("demanded he have
    # a room", "suggesting they move"); "asked" + a pronoun is a question ("asked what they want")
    verbs = alternatives([w for w in words()["mandative"] if w[:1].islower() and _DEMANDING.match(w)])
    return re.compile(r"\b(?:" + governing + r")\s+that\s+(?:[\w’'-]+\s+){1,3}$"
                      r"|\b(?:" + verbs + r")(?:ing)?\s+(?:he|she|they|we|you|[A-Z][a-z]+)\s+"
                      r"(?:[a-z]+ly\s+)?$")


_DEMANDING = re.compile(r"(?:suggest|insist|demand|propose|recommend|request|require|urge)(?:s|ed|d)?$")


def _third_singular(word: str) -> bool:
    """An -s form ("looks", "is", "has") or "are / am": indicative, never the bare subjunctive
    ("adamant that Ron looks
    after him" is a present slip; "adamant that Ron look after him" is not)."""
    lowered = word.lower()
    indicative = ("is", "has", "does", "are", "am")
    return lowered in indicative or lowered.endswith("s") and not lowered.endswith("ss")


_LOOKS_BACK_ITSELF = re.compile(
    r"(?:had|hadn['’]t)\s+(?:(?:not|never|already|just|also|always|ever|[a-z]+ly)\s+)?(?P<participle>[a-z]+)\b"
    r"|(?:was|were)\s+supposed\b", re.I)
# a present verb of seeming or a reporting passive before a perfect infinitive judges, at the narrator's
# now, what happened before it ("Napoleon seems to have got on better", "he is said to have challenged")
_PERFECT_INFINITIVE = re.compile(
    r"\s+(?:(?:said|thought|believed|known|reported|supposed|understood|rumou?red)\s+)?to\s+have\s+"
    r"(?:(?:not|never|already|just|also|[a-z]+ly)\s+)?[a-z]+", re.I)
_SEEMING = frozenset(["seems", "seem", "appears", "appear", "is", "are"])
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$", re.I)
# a "because" or "after" clause after a present main clause gives the cause or an event before it
_EXPLAINED_BEFORE = re.compile(
    r"\b(?:because|['’]?cause|after)\s+(?:[A-Z][\w'’-]*|he|she|they|it|i|we)\s+"
    r"(?:(?:[a-z]+ly|not|never|just|already|only|even)\s+)*$", re.I)
# a sentence that comes back to the story's now after past verbs in its paragraph ("She only got an hour
# of sleep because she spent the night agonizing. And now Father wants her to fight"): those were earlier
_BACK_TO_NOW = re.compile(r"[\s*_\"“]*(?:(?:and|but|so)\s+)?(?:now|right\s+now|today|tonight)\b[,\s]", re.I)
_ALONGSIDE = re.compile(
    r"\b(?:as|while|whilst)\s+(?:he|she|they|[A-Z][a-z]+)\s+(?:(?:still|just|also|[a-z]+ly)\s+)?$")
# an "as" clause of the moment: "fiddling with it as he descended the stairs" (not "as good as it sounded",
# "just as he asked", "as long as he got it back", "much as they drilled it")
_AS_MEANWHILE = re.compile(r"(?<![\w’'-])(?P<lead>[\w’'-]+\s+)?as\s+(?:he|she|they|it|[A-Z][a-z]+)\s+"
                           r"(?:(?:still|just|also|[a-z]+ly)\s+)?$")
_NOT_MEANWHILE = frozenset(
    ["as", "just", "much", "long", "soon", "such", "so", "same", "well", "far", "inasmuch", "exactly",
     "precisely"])
# an "as" clause of these verbs tells how, by an earlier word or plan ("reads it aloud, slowly, as she
# taught him", "as he promised", "as they planned"), not what happens meanwhile
_AS_BEFORE = frozenset(
    ["asked", "told", "taught", "promised", "instructed", "ordered", "planned", "intended", "expected",
     "agreed", "requested", "suggested", "showed", "learned", "learnt", "practised", "practiced",
     "rehearsed", "demanded", "advised", "directed", "arranged", "predicted"])
# two main clauses joined: ", and", " but", ";", ":", a dash
_JOINT = re.compile(r"(?:,\s*|\s)(?:and|but|yet)\s|[;:]\s|\s(?:--|[―—–])\s?")
_OPENS_SUBORDINATE = re.compile(
    r"\b(?:that|which|who|whom|whose|when|whenever|if|because|as|while|since|although|though|unless|until"
    r"|whether|what|how|why|where|than|like|once|before|after)\b", re.I)
# the past verb in a clause of its own: "when he came", "that nobody wanted" (not "after Christmas was")
_SUBORDINATE_PAST = re.compile(
    r"\b(?:that|which|who|whom|whose|when|whenever|if|because|while|although|though|unless|whether|what"
    r"|how|why|where)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
_JOINED_REACH = 120
_FUTURE = re.compile(r"\b(?:may|can|will|shall|must)\b|['’]ll\b", re.I)
_TO_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,5}?\s+to\b")
# "it takes him / Harry / her mother … to": the object is a particular one of the story, no maxim
_PARTICULAR_OBJECT = re.compile(r"\s+(?:(?:him|her|them|me|us)\b|(?:his|her|their|my)\s|[A-Z][a-z]+)")
_INDIRECT_QUESTION = re.compile(r"\b(?:whether|if|how|what|why|where|who|when)\b", re.I)
_NARRATOR_NOW = re.compile(r"\b(?:these\s+days|nowadays|in\s+our\s+(?:day|time)s?)\b", re.I)
# a tag citing a written source after its words, in the narrator's present ("'…,' he writes in his memoirs")
_CITING = re.compile(
    r"[,.!?]['’”\"]\s+(?:he|she|they|[A-Z][a-z]+)\s+(?:writes|notes|records|remarks|observes)$")
_ENDING_QUESTION = re.compile(r"[?][?!]*[\"”’'*_)\]]*\s*$")  # "?", "?!", "?!?"
# time words that only order two events of one moment ("when he opened them, he finds"); "since", "ago",
# "once", "years", a pluperfect … set an event before the story's now
_ORDERING_CUES = frozenset(["when", "before", "after", "until", "then"])
_PERIOD_THEN = re.compile(r"\b(?:back|since|until|till|by|even|from|just)\s+then\b|\bthen\s*[,.;!?]", re.I)
# the subject of a verb (and adverbs between), to find what comes before it in its sentence
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:he|she|they|it)|\b[A-Z][\w’'-]*)\s+(?:(?:[a-z]+ly|still|then|also|never|not|"
    r"even|only|finally|suddenly)\s+)*$", re.I)
# what opens a main clause before its subject: nothing, or a comma, semicolon or dash, or "and" / "but"
# / "so" / "then"
_MAIN_CLAUSE_HEAD = re.compile(r"(?:^|[,;:—–]|\s--|\b(?:and|but|so|then|and\s+then|yet))[\s*_]*$", re.I)
# a clause opening the sentence with "when", "after", "once" or "as soon as", no comma inside it
_OPENING_CLAUSE = re.compile(r"(?:.*(?:[,;]|\band|\bbut|\bthen))?[\s*_\"“]*"
                             r"(?:when|after|once|as\s+soon\s+as)\s+[^,;:]*", re.I | re.S)
# a second verb of the same subject after a comma: "He sat down by the bar, taps it"
_COMMA_VERB = re.compile(
    r"[^,.;:!?\"“”]*?,\s+(?:and\s+|then\s+|and\s+then\s+)?(?:[a-z]+ly\s+)?(?P<verb>[a-z]+s)\b")
_COMMA_BASE = re.compile(
    r"[^,.;:!?\"“”]*?,\s+(?:and\s+|then\s+|and\s+then\s+)?(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")
# subjects whose present is the base form ("I grab", "we open", "they walk")
_PLAIN_SUBJECTS = frozenset(["i", "we", "they"])
_OBJECT_AFTER = re.compile(r"\s+(?:it|him|her|them|me|us|the|a|an|his|their|its|my|our|your|this|that|up|"
                           r"down|out|over|back|off|away|at|into|onto|to)\b")
_PLACE_REASON_MANNER = frozenset(["where", "why", "how"])
_AFTER_PARTICIPLE = frozenset(["by", "with", "from", "in", "on", "at", "for", "to"])
_WORD_IN_CLAUSE = re.compile(r"([A-Za-z’'-]+)[ \t,]*$")  # the word before, in the same sentence


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence of narration with the finite verbs found in it."""

    start: int
    end: int
    text: str
    verbs: list[Verb]
    neighbours: tuple[list[Verb], ...]  # the sentences before and after it in the same paragraph
    paragraph_statements: dict[str, int]  # tense -> verbs in the paragraph that are not a character's action
    narration: str  # its text without dialogue
    names: Names  # the document's names
    past: bool  # does its narration have a finite past-tense verb (found by any means)?
    neighbours_past: tuple[bool, ...]
    tagger_finite: frozenset[int]  # where the tagger reads a particular thing's verb (_tagged.py)

    def elsewhere(self, tense: str) -> bool:
        """Are there statements in `tense` (not a character's action) in the paragraph outside
        this sentence? Present-tense ones make the paragraph commentary, not a slip."""
        here = sum(1 for v in self.verbs if v.tense == tense and not v.character)
        return self.paragraph_statements.get(tense, 0) > here

    def has(self, tense: str) -> bool:
        if tense == PAST and self.past:
            return True
        return any(v.tense == tense and not v.participle for v in self.verbs)

    def between(self, tense: str) -> bool:
        """Are the sentences on both sides (one side at a paragraph's edge) told in `tense` alone?"""
        if not self.neighbours:
            return False
        if tense == PAST:
            # a neighbour with no finite verb ("Glaring a hole in the floor.") tells no tense: the
            # other one decides
            told = [(n, past) for n, past in zip(self.neighbours, self.neighbours_past, strict=True)
                    if n or past]
            return bool(told) and all(past for _, past in told) and not any(
                v.tense == PRESENT for n, _ in told for v in n
            )
        return all(n and all(v.tense == tense for v in n) for n in self.neighbours)




def findings(doc: AnalyzedDocument, rule: Rule, tense: str) -> Iterator[Diagnostic]:
    """`rule`'s diagnostics: the slips in every scene told in `tense`."""
    judge = _judge()
    lex = lexicon()
    by_paragraph: dict[int, list[Verb]] = {}
    for verb in doc.finite_verbs:
        by_paragraph.setdefault(verb.paragraph, []).append(verb)
    names = doc.memo(_names)
    # in past narration every verb the tagger sees is context for judging a sentence ("Till that
    # fades away, and the dreamer accepts": two subjects in the present make a general remark); in
    # present narration a past form with no pronoun or name is as often a participle, no statement
    context = doc.memo(tagged_verbs) if tense == PRESENT else [
        *doc.memo(tagged_verbs), *(v for v in doc.memo(loose_verbs) if v.kind != "modal")]
    for verb in context:
        by_paragraph.setdefault(verb.paragraph, []).append(verb)
    for verbs in by_paragraph.values():
        verbs.sort()
    every = doc.memo(_scenes_with_every_verb)
    augmented = doc.memo(_scenes_with_any_subject)
    for plain, scene, told in zip(doc.narrative, augmented, every, strict=True):
        if scene.tense is None or scene.tense.tense != tense:
            continue
        sections: set[int] = set()
        voice = set() if tense == PRESENT else _authors_voice(told)
        first_person = tense == PRESENT and _told_in_first_person(scene)
        drift = {v.start: v for v in drifted(doc, scene, told, plain, sections) if not absolute(doc, v)
                 and v.paragraph not in voice and not judge.idiom(doc.text, v)
                 and not (tense == PRESENT and judge.earlier(doc, v, first_person))}
        for verb in drift.values():
            if not (_plural_noun(doc, verb) or _possessive(doc, verb) or _modifier(doc, verb)):
                yield _diagnostic(verb, scene.tense, rule, _DRIFT_CERTAINTY, drift=True)
        rest = [v for v in scene.verbs if v.start not in drift and v.paragraph not in sections | voice
                and not absolute(doc, v)
                and (v.tense == scene.tense.tense or not (_plural_noun(doc, v) or _possessive(doc, v)
                                                          or _modifier(doc, v) or _kind_of_people(doc, v)
                                                          or _told_apart(doc, v, tense)))]
        told_by_i = tense == PAST and _told_in_first_person(scene)
        yield from judge.scene(doc, lex, rest, by_paragraph, names, scene.tense, rule, told_by_i)


def _authors_voice(scene: Scene) -> set[int]:
    """The paragraphs at a third-person scene's start or end in which "I" acts: the author talking
    about the story before or after it ("I decided to give him a special talent"), not its narration."""
    if scene.tense is None or _told_in_first_person(scene) or not scene.paragraphs:
        return set()
    mine = [any(v.subject == "i" and v.kind == "subject" for v in p.verbs) for p in scene.paragraphs]
    voice: set[int] = set()
    for order in (range(len(mine)), range(len(mine) - 1, -1, -1)):
        for i in order:
            if not mine[i]:
                break
            voice.add(scene.paragraphs[i].index)
    return voice


def _told_in_first_person(scene: Scene) -> bool:
    """Does "I" do at least a quarter of the scene's actions in its tense (and three at least)? In a
    story told otherwise, "I" is an author's note or an aside ("So I obviously changed the system")."""
    assert scene.tense is not None
    acts = [v.subject for v in scene.verbs
            if v.tense == scene.tense.tense and v.kind == "subject" and not v.auxiliary]
    mine = acts.count("i")
    return mine >= _FIRST_PERSON_ACTS and mine * _FIRST_PERSON_SHARE >= len(acts)


def _told_apart(doc: AnalyzedDocument, verb: Verb, tense: str) -> bool:
    """Is the verb's paragraph told from another moment than the story's: a letter, a quoted block
    ("> They fail."), verse, a source cited ("He declares that"), a paragraph in brackets ("(Lily
    could have been gentle about it, she reflects afterwards. But it hurt …)"), or in past narration
    a frame the past is remembered from ("He remembers the feeling of that grip")?"""
    para = doc.paragraphs[verb.paragraph]
    if verb.paragraph in doc.memo(letter_paragraphs) or in_parentheses(doc.text[para.start : para.end]):
        return True
    if set_apart(doc, verb.paragraph):
        return True
    return tense == PAST and present_frame(doc, verb.paragraph)


def _scenes_with_any_subject(doc: AnalyzedDocument) -> list[Scene]:
    """The analysis layer's scenes (their tenses unchanged) with the verbs of any particular
    subject added to their verbs and paragraphs (ficlint/rules/tense/_tagged.py)."""
    return _scenes_with(doc.narrative, doc.memo(tagged_verbs))


def _scenes_with_every_verb(doc: AnalyzedDocument) -> list[Scene]:
    """The scenes with every finite verb and modal the tagger sees besides: the verbs a drifted
    paragraph has, whatever their subject."""
    return _scenes_with(doc.memo(_scenes_with_any_subject), doc.memo(loose_verbs))


def _scenes_with(scenes: list[Scene], extra: list[Verb]) -> list[Scene]:
    if not extra:
        return scenes
    starts = [v.start for v in extra]
    out = []
    for scene in scenes:
        first, last = bisect.bisect_left(starts, scene.span.start), bisect.bisect_left(starts, scene.span.end)
        mine = extra[first:last]
        if not mine:
            out.append(scene)
            continue
        verbs = sorted([*scene.verbs, *mine])
        out.append(replace(scene, verbs=verbs, paragraphs=paragraphs_of(verbs)))
    return out


def _other_subject_present(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Does another subject act in the present in the verb's sentence of narration ("when a
    millionaire gives carte blanche he usually gets it", "one who finds that she has been")? A
    statement of what always happens, not a slip; read from the word classes, since such subjects
    (a noun, "who") are not the verb finder's."""
    i = _token_at(doc, verb.start)
    if i is None:
        return False
    tags, tokens = doc.tags, doc.tokens
    sentence = tokens.sentence[i]
    first = tokens.sentence_first[sentence]
    k = first
    while k < len(tags) and tokens.sentence[k] == sentence:
        if k != i and tags[k].xpos in ("VBZ", "VBP") and _own_subject(doc, k, verb.subject):
            region = doc.region_at(tokens.start[k])
            if region is not None and region.kind is RegionKind.NARRATION:
                return True
        k += 1
    return False


def _own_subject(doc: AnalyzedDocument, k: int, other: str) -> bool:
    """Is the word before token k (adverbs skipped) a subject of its own that stands for a kind,
    not a particular: "who" / "which", "one", or a common noun with no definite determiner ("a
    signalman", "men"), not "the beam" or a name, which act in the story's moment?"""
    tags, tokens = doc.tags, doc.tokens
    sentence = tokens.sentence[k]
    j = k - 1
    while j >= 0 and tags[j].xpos == "RB" and tokens.sentence[j] == sentence:
        j -= 1
    if j < 0 or tokens.sentence[j] != sentence:
        return False
    tag, word = tags[j].xpos, tokens.text[j].lower()
    if tag in ("WP", "WDT") or word == "one" != other:
        return True
    if tag not in ("NN", "NNS"):
        return False
    while j > 0 and tokens.sentence[j - 1] == sentence and tags[j - 1].xpos in _NOUN_PHRASE_WORDS:
        j -= 1
    if j == 0 or tokens.sentence[j - 1] != sentence:
        return True  # "Men are like that": a bare noun opens the sentence
    before = tokens.text[j - 1].lower()
    return before not in _DEFINITE and not before.endswith(("'s", "’s")) and tags[j - 1].xpos != "NNP"


def _modifier(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the present "verb" an adverb or adjective to the tagger, right before a verb or a
    punctuation mark ("since they last played", "they both well crossed", "made it forwards,")? A
    word that can be a verb, read after a pronoun as one; a slip would be read as a verb there."""
    if verb.tense != PRESENT or verb.kind != "subject":
        return False
    i = _token_at(doc, verb.start)
    if i is None or doc.tags[i].xpos not in _MODIFIER_TAGS:
        return False
    following = doc.tags[i + 1].xpos if i + 1 < len(doc.tags) else "."
    # an adjective before a full stop is as often a verb the tagger misread ("as they warm.")
    adverb = doc.tags[i].xpos.startswith("RB")
    return following.startswith(("VB", "MD")) or adverb and not following[:1].isalpha()


_MODIFIER_TAGS = frozenset(("RB", "RBR", "RBS", "JJ", "JJR", "JJS"))


def _kind_of_people(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the verb's "they" in a clause of time or condition about a plural with no determiner
    before it in the sentence ("mortals attempt to hasten Time while they calculate his progress",
    "used by women when they travel")? A kind of people does it whenever it does: the narrator's
    general remark, in the present in any story. "The boys ran when they hear" is a slip."""
    if verb.subject != "they" or verb.kind != "subject":
        return False
    tokens, tags = doc.tokens, doc.tags
    i = _token_at(doc, verb.start)
    if i is None or i < 2:
        return False
    they = i - 1
    while they > 0 and tokens.text[they].lower() != "they" and i - they <= 3:
        they -= 1
    if tokens.text[they].lower() != "they" or tokens.text[they - 1].lower() not in _TIME_OR_CONDITION:
        return False
    sentence = tokens.sentence[they]
    for j in range(they - 2, -1, -1):
        if tokens.sentence[j] != sentence:
            return False
        if tags[j].xpos in ("NNS", "NNPS"):
            k = j
            while j > 0 and tokens.sentence[j - 1] == sentence and tags[j - 1].xpos in _PLURAL_MODIFIERS:
                j -= 1
            opens = j == 0 or tokens.sentence[j - 1] != sentence
            after_which = not opens and tags[j - 1].xpos == "WDT"  # "by which mortals attempt"
            following = tokens.text[k + 1].lower()
            subject = tags[k + 1].xpos in ("VBP", "VBD", "MD") or following in _TIME_OR_CONDITION
            if not (subject or after_which):
                return False  # not the subject of its clause: "At times, his grandfather"
            # opening the sentence ("Sailors are a superstitious lot"), after "which" or after "by",
            # "for" ("used by women when they travel"); not after "of" ("the first round of funerals")
            # nor "and" ("his arms and shoulders")
            return opens or after_which or tags[j - 1].xpos == "IN" and tokens.text[j - 1].lower() != "of"
    return False


_PLURAL_MODIFIERS = frozenset(("JJ", "JJR", "JJS", "VBN", "VBG", "NN"))


_TIME_OR_CONDITION = frozenset(("when", "whenever", "while", "if", "as", "until", "before", "after", "once"))


def _plural_noun(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the "verb" a plural noun to the tagger, which reads it in its sentence ("brought ladders
    and tools", "the Gopher Prairie mills")? Only the -s forms are in doubt: a verb's base form is
    also often a noun, and a slip like "blew and check her" is a verb however it is tagged."""
    if verb.tense != PRESENT:
        return False
    i = _token_at(doc, verb.start)
    if i is None or doc.tags[i].xpos not in ("NNS", "NNPS"):
        return False
    # right after "he" or "she" an -s word is a verb however tagged ("He boards the car"), unless a
    # verb follows it: then it is a noun after a mistyped "her" ("he eyes roaming", "he arms moved")
    if verb.kind == "subject" and verb.subject in _PERSONAL:
        following = doc.tags[i + 1].xpos if i + 1 < len(doc.tags) else ""
        return following.startswith(("VB", "MD"))
    return True


_PERSONAL = frozenset(["he", "she", "they", "i", "we"])


def _inferred_past(text: str, verb: Verb) -> bool:
    """Is the present verb a judgement now about an earlier event, before a perfect infinitive ("She
    seems to have been satisfied", "The marriage appears to have followed", "he is said to have
    challenged")? No slip: the perfect infinitive itself sets the event in the past."""
    if verb.word.lower() not in _SEEMING:
        return False
    m = _PERFECT_INFINITIVE.match(text, verb.end)
    if m is None:
        return False
    passive = not verb.word.lower().startswith(("seem", "appear"))
    return not passive or re.match(r"\s+[a-z]+\s+to\s+have", text[verb.end : m.end()], re.I) is not None


def _possessive(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is an "it's" the possessive "its" misspelt ("beating it's wings", "wrap it's self"), or a
    "they're" the possessive "their" ("They're destiny was")? The tagger reads it as a possessive
    before a noun, or a verb follows its noun; no verb, so no tense slip (an its/it's error)."""
    if verb.kind != "contraction" or verb.subject not in ("it", "they"):
        return False
    i = bisect.bisect_right(doc.tokens.start, verb.start) - 1
    if i < 0 or not doc.tokens.text[i].lower().startswith(verb.subject):
        return False
    following = doc.tokens.text[i + 1].lower() if i + 1 < len(doc.tokens.text) else ""
    if doc.tags[i].xpos == "PRP$" or following in ("self", "selves"):
        return True
    return _subject_phrase(doc, i) or verb.subject == "it" and _in_object_place(doc, i)


def _subject_phrase(doc: AnalyzedDocument, i: int) -> bool:
    """Does the "it's / they're" at token i open a noun phrase that a finite verb follows ("They're
    destiny was forever entwined", "it's owner is")? Then it is the possessive misspelt: "they are
    destiny was" has two verbs."""
    tags = doc.tags
    j = i + 1
    while j < len(tags) and tags[j].xpos in ("JJ", "RB") and j - i <= 2:
        j += 1
    if j >= len(tags) or tags[j].xpos not in ("NN", "NNS"):
        return False
    while j + 1 < len(tags) and tags[j + 1].xpos in ("NN", "NNS"):
        j += 1
    return j + 1 < len(tags) and tags[j + 1].xpos in ("VBD", "VBZ", "VBP", "MD")


def _in_object_place(doc: AnalyzedDocument, i: int) -> bool:
    """Does the "it's" at token i stand where a possessive does: after a verb, a noun or a preposition
    and before a noun phrase with no determiner ("gave his hair it's shiny sheen", "of it's wings")?
    A subject "it" opens its clause after a conjunction or a comma instead."""
    tags, tokens = doc.tags, doc.tokens
    if i == 0 or i + 2 >= len(tags) or tokens.sentence[i - 1] != tokens.sentence[i]:
        return False
    before = tokens.text[i - 1].lower()
    if tags[i - 1].xpos not in _OBJECT_PLACE or before in _OPENS_CLAUSE:
        return False
    j = i + 1
    while j < len(tags) - 1 and tags[j].xpos == "JJ" and j - i <= 2:
        j += 1
    # "made it's way": the tagger reads that "way" as an adverb
    noun = tags[i + 1].xpos in ("NN", "NNS") or tokens.text[i + 1].lower() == "way"
    return tags[j].xpos in ("NN", "NNS") and j > i + 1 or noun


_OBJECT_PLACE = frozenset(["VB", "VBD", "VBZ", "VBP", "VBG", "VBN", "NN", "NNS", "IN"])
_OPENS_CLAUSE = frozenset(["that", "because", "if", "when", "while", "as", "since", "though", "although",
                           "so",
                           "until", "before", "after", "where", "than", "like", "whether", "once", "unless"])


def _names(doc: AnalyzedDocument) -> Names:
    return Names(doc.text)


def _paragraph_sentences(doc: AnalyzedDocument) -> dict[int, list[tuple[int, int]]]:
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for s in doc.sentences:
        by_paragraph.setdefault(s.paragraph, []).append((s.start, s.end))
    return by_paragraph


class _Judge:
    """The judgement's patterns, compiled once per process, and the judgement."""

    @cached_property
    def words(self) -> dict:
        return words()

    @cached_property
    def impersonal_it_verbs(self) -> frozenset[str]:
        return frozenset(self.words["impersonal_it_verbs"])

    @cached_property
    def narrator_now_verbs(self) -> frozenset[str]:
        return frozenset(self.words["narrator_now_verbs"])

    @cached_property
    def reporting(self) -> re.Pattern[str]:
        return phrase_pattern(self.words["reporting_verbs"])

    @cached_property
    def reporting_now(self) -> re.Pattern[str]:
        """The reporting verbs in the present ("he knows he gave", "she supposes she brought"): in
        present narration a past verb they report tells of an earlier event, not a slip."""
        lex = lexicon()
        forms = {form for past in self.words["reporting_verbs"] for form in
                 (lex.present_form(past, "3sg"), lex.present_form(past, "plural")) if form}
        # "Ripstalk can see he got through to the boy": what a character perceives now of an earlier event
        forms.update(f"can {verb}" for verb in ("see", "tell", "hear", "feel"))
        # "his brain goes into hyper speed, knowing he messed up": the -ing form reports as well
        ing = inflections().ing_of
        forms.update(ing[lex.base_of[past]] for past in self.words["reporting_verbs"]
                     if lex.base_of.get(past) in ing)
        return phrase_pattern(sorted(forms))

    @cached_property
    def perceiving(self) -> re.Pattern[str]:
        """A verb of perception with a clause after it: "she saw that", "he felt how"."""
        return re.compile(
            r"\b(?:"
            + alternatives(self.words["perception_verbs"])
            + r")\s+(?:(?:him|her|them|me|us|it)\s+)?(?:that|how|what|whether|if|why|where|who)\b",
            re.I,
        )

    @cached_property
    def thought_after(self) -> re.Pattern[str]:
        """A thought tag after the thought: "…, she thought", "--was Graham's thought"."""
        verbs = alternatives(self.words["reporting_verbs"])
        return re.compile(
            rf"(?:,|--|—|–)\s*(?:(?:he|she|they|I|[A-Z][a-z]+)\s+(?:{verbs})|(?:{verbs})\s+(?:he|she|the|[A-Z]))\b"
            r"|\bwas\s+[A-Z]?[a-z]+['’]s\s+thought\b"
        )

    @cached_property
    def thought_before(self) -> re.Pattern[str]:
        """A thought or speech tag set off by a comma before the words it reports, with no quotation
        marks ("maybe, he thought, she's like me?", "He wondered, What if he looks")."""
        verbs = alternatives(self.words["reporting_verbs"])
        # not a tag the words before it are the thought of, with the story going on after it ("an alarm,
        # she mused, and she sprints"), nor a participle opening ("As promised, Minako has")
        # nor the tag of a speech just before ("“How was your day?” Harry asked, a perfectly innocuous
        # question, but behind it is")
        return re.compile(rf"(?<![”\"]\s)(?<![”\"])"
                          rf"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|(?!(?:As|If|When|Once|Then|So|Just)\b)[A-Z][a-z]+)\s+"
                          rf"(?:{verbs})(?:\s+[a-z]+ly)?\s*,\s+(?!(?:and|but|so|then|yet|or)\b)")

    @cached_property
    def idioms(self) -> re.Pattern[str]:
        return re.compile(alternatives(self.words["idioms"]).replace(r"\ ", r"\s+"), re.I)

    @cached_property
    def generic(self) -> re.Pattern[str]:
        return phrase_pattern(self.words["generic_markers"])

    @cached_property
    def narrator(self) -> re.Pattern[str]:
        return phrase_pattern(self.words["narrator_words"])

    @cached_property
    def aside_markers(self) -> re.Pattern[str]:
        return phrase_pattern(self.words["aside_markers"])

    @cached_property
    def earlier_cues(self) -> re.Pattern[str]:
        return phrase_pattern(self.words["earlier_in_sentence"])

    @cached_property
    def time_cues(self) -> re.Pattern[str]:
        return phrase_pattern(self.words["time_cues"])

    @cached_property
    def flashback(self) -> re.Pattern[str]:
        return re.compile(
            r"[\s*_#>\[(]*(?:"
            + alternatives(self.words["flashback_markers"]).replace(r"\ ", r"\s+")
            + r")\b",
            re.I,
        )

    def scene(
        self,
        doc: AnalyzedDocument,
        lex: Lexicon,
        verbs: list[Verb],
        by_paragraph: dict[int, list[Verb]],
        names: Names,
        tense: SceneTense,
        rule: Rule,
        told_by_i: bool = False,
    ) -> Iterator[Diagnostic]:
        """The slips among a scene's verbs; `told_by_i`: a past scene told in the first person, whose
        "I" is a character acting like "he" or "she"."""
        judge = partial(self._slip_in_past, by_i=told_by_i) if tense.tense == PAST else self._slip_in_present
        clauses: dict[int, list[Clause]] = {}
        for verb in verbs:
            if verb.tense == tense.tense or not verb.fix:
                continue
            if verb.paragraph not in clauses:
                clauses[verb.paragraph] = self._clauses(doc, lex, by_paragraph[verb.paragraph], names)
            clause = next((c for c in clauses[verb.paragraph] if c.start <= verb.start < c.end), None)
            if clause is None or in_relative_clause(doc, verb) or tense.tense == PAST and (
                verb.kind != "and" and _other_subject_present(doc, verb)
            ) or tense.tense == PRESENT and (_in_where_clause(doc, verb) or _adjective_pair(doc, verb)):
                continue
            # only beside a past verb: a place's "Eastford is a quiet village" between past sentences is the
            # narrator describing it
            named = verb.kind == "aux" and after_name(doc.text, verb, doc.memo(names_acting))
            if tense.tense == PAST and named and clause.has(PAST):
                # "Draco has half a mind to", "Albus is afraid": a character's state, like "he is"
                verb = verb._replace(kind="name")
            if told_by_i and verb.subject == "i" and verb.kind == "subject":
                at = _token_at(doc, verb.start)
                read_as_verb = at is not None and doc.tags[at].xpos in ("VBP", "VB")
                certainty = self._first_person_slip(doc.text, lex, verb, clause) if read_as_verb else 0.0
            else:
                certainty = judge(doc.text, lex, verb, clause)
            if certainty:
                verb = _plain_fix(lex, verb, clause)
                moment = tense.tense == PRESENT and self.same_moment(doc.text, lex, verb, clause)
                yield _diagnostic(verb, tense, rule, certainty, moment=moment)

    def _clauses(self, doc: AnalyzedDocument, lex: Lexicon, verbs: list[Verb], names: Names) -> list[Clause]:
        """The sentences of one paragraph, each with its verbs and its neighbours' verbs."""
        text = doc.text
        spans = doc.memo(_paragraph_sentences).get(verbs[0].paragraph, [])
        groups: list[list[Verb]] = [[] for _ in spans]
        starts = [start for start, _ in spans]
        for verb in verbs:
            groups[max(0, bisect.bisect_right(starts, verb.start) - 1)].append(verb)
        statements = {
            PAST: sum(1 for v in verbs if v.tense == PAST and not v.character),
            PRESENT: sum(1 for v in verbs if v.tense == PRESENT and not v.character),
        }
        narration = [_narration_text(doc, start, end) for start, end in spans]
        past = [lex.has_finite_past(n) for n in narration]
        clauses = []
        for i, (start, end) in enumerate(spans):
            around = _nearest_narration(narration, i)
            clauses.append(
                Clause(
                    start,
                    end,
                    text[start:end],
                    groups[i],
                    tuple(groups[j] for j in around),
                    statements,
                    narration[i],
                    names,
                    past[i],
                    tuple(past[j] for j in around),
                    doc.memo(_tagger_finite),
                )
            )
        return clauses

    def _slip_in_past(self, text: str, lex: Lexicon, verb: Verb, clause: Clause, by_i: bool = False) -> float:
        """How sure is it that this present-tense verb in a past scene is a slip (0: leave it)? `by_i`:
        the scene is told in the first person, whose narrator speaks from its own now ("There is a
        photo of us from that week, pinned to my fridge")."""
        joined = verb.subject not in ("this", "that") and _joined_to_past(text, verb, clause)
        if _NARRATOR_NOW.search(clause.narration):
            return 0.0  # "Everything seems just alike in these days": the narrator's now, not the story's
        if _CITING.search(text, max(clause.start, verb.start - 40), verb.end):
            return 0.0  # "'the victory would have been his,' he writes to Joseph": a document cited now
        if verb.subject == "you" or self._timeless_copula(text, lex, verb) and not (
                _character_past(clause) or joined):
            # a first-person narrator tells what is there still, in its now ("It is the one memory I
            # cannot shake"): "there is / it is" is a slip only in a story told in the third person
            return 0.6 if not by_i and _there_in_the_scene(text, verb, clause) else 0.0
        if self._sheltered(text, lex, verb, clause):
            # reported speech keeps a timeless present ("she knew the earth is round"), but not a
            # character's passing state: "he perceived that she is crying"
            reported = self._reported(text, verb, clause)
            character = (
                verb.subject in ("he", "she")
                or verb.kind == "name"
                or verb.kind == "aux"
                and _subject(text, lex, verb, clause) == "definite"
            )
            timeless = _PRESENT_MODAL.search(clause.narration) or self.narrator.search(clause.narration)
            passing = reported and character and not timeless and (
                self._in_the_moment(text, lex, verb, clause) or self._backshift_missed(text, verb, clause))
            return 0.55 if passing else 0.0
        if verb.subject == "who" or verb.kind == "aux" and _after_relative(text, verb, lex):
            return 0.65 if self._relative_in_the_moment(text, lex, verb, clause) else 0.0
        if verb.kind == "and":
            return 0.85 if self._coordinated_with(text, lex, clause, verb.start) == PAST else 0.0
        if _mandative().search(text, max(clause.start, verb.start - 40), verb.start) and not _third_singular(
                text[verb.start:verb.end]):
            return 0.0  # "he was about to suggest that they move on": a subjunctive, no present
        if _inferred_past(text, verb):
            return 0.0  # "She seems to have been satisfied", "he is said to have challenged"
        if self.narrator.search(clause.narration):
            return 0.0
        window = max(clause.start, verb.start - 60)
        comparison = _COMPARISON if verb.subject in ("he", "she", "they") else _COMPARISON_OR_RELATIVE
        if comparison.search(text, window, verb.start) or _PRESENT_MODAL.search(clause.narration):
            return 0.0  # "as a lantern is lighted by the candle", "alarming as an intruder may be, he is"
        if _SUBORDINATE.search(text, window, verb.start) and (
            not clause.has(PAST) or sum(1 for v in clause.verbs if v.tense == PRESENT) > 1
        ):
            return 0.0  # "School is a child's world while he is there": a timeless present
        if verb.subject not in ("he", "she") and self.generic.search(clause.narration):
            return 0.0
        subject = (
            verb.subject
            if verb.kind == "subject"
            else "name"
            if verb.kind == "name"
            else _subject(text, lex, verb, clause)
        )
        if subject in ("i", "we"):
            return 0.0  # a first-person narrator's aside: "I still remember", "the exception I speak of"
        if subject == "they" and verb.word.lower() not in lex.auxiliaries:
            subject = (
                "they-acting"  # "They make their way to the river": the characters, not people in general
            )
        if subject == "and":
            return 0.8 if self._coordinated_with(text, lex, clause, verb.start) == PAST else 0.0
        if subject == "they" and self._in_the_moment(text, lex, verb, clause):
            return 0.65  # "so they are put away", "they are soon walking"
        if subject in ("there", "it", "that", "this", "here", "what", "they"):
            return self._weak_statement(text, verb, clause, subject)
        if subject in ("generic", "") and self._progressive(text, lex, verb, clause):
            return 0.6  # "A council of war is being held beside the wells": happening in the story's moment
        if subject == "generic":
            return 0.0
        if subject == "":
            # a thing whose kind is unclear ("for dress is her delight, and here she had …"): only in a
            # sentence where a character acts in the past and nothing else is in the present
            # present and in the story's moment ("is due in", "has gone"): "money is not everything",
            # "nothing is so easy as to promise things" say how things always are
            presents = sum(1 for v in clause.verbs if v.tense == PRESENT)
            plain = presents == 1 and clause.has(PAST) and not clause.elsewhere(PRESENT)
            plain = plain and self._in_the_moment(text, lex, verb, clause)
            return (
                0.6
                if plain and not _GENERIC_START.search(text, max(clause.start, verb.start - 30), verb.start)
                else 0.0
            )
        if subject not in ("he", "she", "they-acting", "name", "definite"):
            return 0.0
        if clause.has(PAST):
            if verb.character or _thing_acting(verb, clause) and _isolated(verb, clause):
                return 0.8 if self._lone_action(verb, clause) else 0.0
            # a statement about a thing: a slip beside a character's past action, not in a sentence
            # of general statements ("The affections are more reticent than the passions, and …")
            # and only in the story's moment: "has faded", "is crying"; "the East does not change",
            # "the hills are covered with brush" describe how things are, not what happened
            presents = sum(1 for v in clause.verbs if v.tense == PRESENT)
            alone = not clause.elsewhere(PRESENT) and (presents == 1 or _character_past(clause))
            return 0.7 if alone and self._in_the_moment(text, lex, verb, clause) else 0.0
        if _ENDING_QUESTION.search(clause.text) or clause.elsewhere(PRESENT):
            return 0.0
        if clause.between(PAST):
            return 0.65
        # a character's action in a paragraph of dialogue: "Come here," she says.
        return (
            0.6
            if not clause.neighbours and verb.kind in ("subject", "name") and subject != "definite"
            else 0.0
        )

    def _first_person_slip(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> float:
        """In a past scene told in the first person, "I" + a lexical verb is the story's "I" acting ("I
        pull the box out of my pocket and opened it"), unless it is one of the teller's verbs of the
        now ("I remember", "I love that about him", "I wish"), sheltered (reported, an aside in
        dashes), or among other present verbs: a slip like "he pulls" is."""
        word = verb.word.lower()
        base = lex.base_of.get(word, word)
        if verb.auxiliary or word not in lex.base_forms:
            return 0.0
        if word in lex.aside_verbs or base in self.narrator_now_verbs:
            return 0.0
        if self._sheltered(text, lex, verb, clause) or self.narrator.search(clause.narration):
            return 0.0
        if self.generic.search(clause.narration) or _FUTURE.search(clause.narration):
            return 0.0  # "the next time I visit, I'll hear them": a future, no slip
        if _SUBORDINATE.search(text, max(clause.start, verb.start - 60), verb.start) and not clause.has(PAST):
            return 0.0
        if _ENDING_QUESTION.search(clause.text) or clause.elsewhere(PRESENT):
            return 0.0
        if not self._lone_action(verb, clause):
            return 0.0
        if clause.has(PAST):
            return 0.8
        return 0.65 if clause.between(PAST) else 0.0

    def _lone_action(self, verb: Verb, clause: Clause) -> bool:
        """Is the character's present verb the sentence's only present action, save verbs of the
        same subject or coordinated with it ("She looked around and sees him")? Another subject in
        the present makes the sentence a general remark ("if a signalman sleeps on duty, he risks
        losing his situation", "one who finds that she has been bowing to a stranger")."""
        # a particular thing's own action beside it is a slip too ("Steve sweeps the flashlight, and
        # the beam catches a row of dials")
        return all(
            v.subject == verb.subject or v.kind == "and" or _thing_acting(v, clause)
            for v in clause.verbs
            if v.tense == PRESENT and v.start != verb.start
        )

    def _timeless_copula(self, text: str, lex: Lexicon, verb: Verb) -> bool:
        """ "is / are" or "does" of a thing, a kind or "it" ("The affections are more reticent", "There
        are eyes of that cut", "It is odd"): alone in past narration that is how a narrator states
        what is always so. The story's moment shows in the progressive ("a council of war is being
        held"), the perfect ("Harry has felt numb") or a character's past action in the same sentence
        ("There are no velvet ropes, and that's the way she liked it"); a character's own state ("he
        is tired") or a named one's "doesn't" stays a slip."""
        if verb.subject in ("he", "she", "they") or verb.kind in ("name", "and", "np"):
            return False
        word = verb.word.lower().replace("’", "'")
        if word.endswith(("'s", "'re", "'m")):
            word = {"s": "is", "re": "are", "m": "am"}[word.rsplit("'", 1)[1]]
        if word in ("does", "do", "doesn't", "don't"):
            return not _name_before(text, verb.start, lex)
        if word not in ("is", "are", "am", "isn't", "aren't"):
            return False
        following = [w for w in _WORD.findall(text[verb.end : verb.end + 40].lower())
                     if w not in lex.adverbs and not w.endswith("ly")][:1]
        return not (following and following[0].endswith("ing") and following[0] not in lex.other)

    def _relative_in_the_moment(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """A relative clause in the progressive or the perfect ("Gus, who is convulsed with laughter",
        "the silence which has fallen upon the room") ties it to the story's moment: a slip beside a
        past verb. In the simple present ("the barman, who knows everyone") it may be timeless."""
        if (
            not clause.has(PAST)
            or self.generic.search(clause.narration)
            or self.narrator.search(clause.narration)
        ):
            return False
        if not _specific_antecedent(text[max(clause.start, verb.start - 70) : verb.start]):
            return False  # "like a man who has been stung", "those who are engaged in it"
        return self._in_the_moment(text, lex, verb, clause)

    def _in_the_moment(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """is / has + a participle ("is crying", "has fallen") beside a past verb of the story."""
        if (
            not clause.has(PAST)
            or self.generic.search(clause.narration)
            or self.narrator.search(clause.narration)
        ):
            return False
        if verb.word.lower() not in ("is", "are", "has", "have", "isn't", "aren't", "hasn't", "haven't"):
            return False
        following = _WORD.findall(text[verb.end : verb.end + 40].lower())
        following = [w for w in following if w not in lex.adverbs and not w.endswith("ly")][:1]
        return bool(following) and (
            following[0].endswith("ing")
            and following[0] not in lex.other
            or following[0] == "been"
            or following[0] in lex.participles
            and following[0] not in lex.base_forms
            and following[0] not in lex.modifiers
        )

    def _progressive(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """ "is / are" + an -ing form ("a council is being held") as the only present verb of a
        sentence told beside the story's past, with none elsewhere in the paragraph: something
        happening in the story's moment, since a timeless remark takes the simple present."""
        if verb.word.lower() not in ("is", "are") or clause.elsewhere(PRESENT):
            return False
        if sum(1 for v in clause.verbs if v.tense == PRESENT) > 1 or _ENDING_QUESTION.search(clause.text):
            return False
        if self.generic.search(clause.narration) or not (clause.has(PAST) or clause.between(PAST)):
            return False
        after = text[verb.end : verb.end + 40]
        words = [w for w in _WORD.findall(after.lower()) if w not in lex.adverbs and not w.endswith("ly")]
        if not words or not words[0].endswith("ing") or words[0].endswith("thing") or words[0] in lex.other:
            return False  # "money is not everything"
        # an -ing word that ends its clause is mostly an adjective ("such things are irritating,")
        return not re.match(rf"[^,;:.!?]*?\b{words[0]}\s*[,;:.!?]", after, re.I)

    def _weak_statement(self, text: str, verb: Verb, clause: Clause, subject: str) -> float:
        """A present "is / are / has" after "there", "it", "that" or "they": a slip only beside a past
        verb of the story ("There are no velvet ropes at SouthPaw, and that's just the way she liked
        it"), never a comment of the narrator's ("It is impossible to …", "There are men who …")."""
        if clause.elsewhere(PRESENT):
            return 0.0
        if subject == "it" and self._it_acting(verb):
            return self._thing_of_the_story(text, verb, clause)
        # "this / that is what she got": a demonstrative points at a thought as often as at the scene
        joined = subject not in ("this", "that") and _joined_to_past(text, verb, clause)
        if subject in ("it", "this") and self._impersonal(text, verb, clause) and not joined:
            return 0.0
        character_past = _character_past(clause) or subject == "they" and _they_past(clause) or joined
        if character_past:
            return 0.7
        # "There is another pause." "It is a colossal vehicle." between sentences told in the past
        alone = (
            (subject == "there" or subject == "it" and _IT_IS_A.match(text, verb.end))
            and not clause.has(PAST)
            and not _ENDING_QUESTION.search(clause.text)
        )
        return 0.6 if alone and clause.between(PAST) else 0.0

    def _it_acting(self, verb: Verb) -> bool:
        """Is "it" + a lexical -s verb a thing of the story acting ("it seeps between his ribs", "It takes
        him two tries"), not the narrator's impersonal comment ("it seems", "it means", "it matters")?"""
        word = verb.word.lower()
        lex = lexicon()
        return (verb.kind == "subject" and not verb.auxiliary and word in lex.third_forms
                and lex.base_of.get(word, word) not in self.impersonal_it_verbs)

    def _thing_of_the_story(self, text: str, verb: Verb, clause: Clause) -> float:
        """ "It" acting in the present, the only present verb of its sentence, beside a past verb or
        between sentences told in the past: a slip ("Suddenly it grows too loud, the noise washed over
        him"). "It takes / it costs … to" is a maxim unless a particular one is its object ("it takes
        courage to" / "it takes him two tries to")."""
        if _ENDING_QUESTION.search(clause.text) or any(
                v.tense == PRESENT and v.start != verb.start and v.kind != "and" for v in clause.verbs):
            return 0.0
        maxim = _TO_AFTER.match(text, verb.end, clause.end) is not None
        if maxim and not _PARTICULAR_OBJECT.match(text, verb.end, clause.end):
            return 0.0
        if clause.has(PAST):
            return 0.7
        return 0.6 if clause.between(PAST) else 0.0

    def _impersonal(self, text: str, verb: Verb, clause: Clause) -> bool:
        """ "It is true", "it is impossible to …": the narrator's comment, not the story."""
        return bool(_IMPERSONAL.match(text, verb.end, clause.end))

    def _slip_in_present(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> float:
        """How sure is it that this past-tense verb in a present scene is a slip (0: leave it)?"""
        if verb.subject in ("you", "who") or verb.kind in ("aux", "contraction"):
            return 0.0
        # a first-person narrator tells of its own past often ("I was born", "I grew up"): its past
        # verb is a slip only beside its own present action in one sentence ("I grab my bag and walked
        # out", "I sat down, open the window")
        narrator = verb.subject in ("i", "we")
        moment = self.same_moment(text, lex, verb, clause)
        if self._time_cue_besides(text, verb, clause) and not moment:
            return 0.0
        if self._sheltered(text, lex, verb, clause) or remembered(text, verb):
            return 0.0
        if moment:
            return 0.75
        if verb.kind == "and":
            return 0.8 if self._coordinated_with(text, lex, clause, verb.start) == PRESENT else 0.0
        if narrator:
            return 0.0
        if _UNTIL_NOW.match(text, verb.start):
            return 0.0  # "He didn't know that boy could turn his voice into honey": not until now
        if not (verb.character or _thing_acting(verb, clause)) or verb.word.lower() in lex.reporting:
            return 0.0
        if any(v.tense == PRESENT and v.subject == verb.subject for v in clause.verbs):
            return 0.75
        if clause.has(PRESENT) or clause.elsewhere(PAST):
            return 0.0
        return 0.6 if clause.between(PRESENT) else 0.0

    @cached_property
    def states(self) -> frozenset[str]:
        return frozenset(self.words["state_verbs"])

    def same_moment(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """Is a past verb in present narration a character's event (a pronoun's or a name's, not in a
        condition) told in the same moment as that character's present action in its sentence: the
        two main clauses of one sentence ("He sat down by the bar, taps it", "They've only been at it
        an hour but they took to shouting"), or a clause opening the sentence with "when", "after" or
        "once" before the main clause ("When he opened them, he finds Potter")? Any time word in it
        only orders the two. A past verb in a clause of its own ("the spot where he vanished", "worried
        that he ruined", "the one she bought when she went"), a state ("knew", "was") and a verb of
        saying are left to the rest of the judgement."""
        word = verb.word.lower().replace("’", "'")
        thing = verb.kind == "np" and _thing_acting(verb, clause)
        if verb.kind not in ("subject", "name") and not thing:
            return False
        if verb.tense != PAST or counterfactual(text, verb):
            return False
        if word in self.states or word in lex.auxiliaries or word in _MODALS or word in lex.reporting:
            return False
        cues = {m.group().lower() for m in self.time_cues.finditer(clause.narration)}
        if not cues <= _ORDERING_CUES or _PERIOD_THEN.search(clause.narration):
            return False
        if thing:  # a thing the tagger reads opening a clause
            return _and_present_after(text, lex, verb, clause)
        if _meanwhile(text, verb, clause):
            return True
        head = _clause_head(text, clause.start, verb)
        if head is None:
            return False
        opening = _OPENING_CLAUSE.fullmatch(head) is not None
        if not (opening or _MAIN_CLAUSE_HEAD.search(head)):
            return False  # not "the hand Remus offered and tugs on it": a clause in a noun phrase
        if _and_present_after(text, lex, verb, clause):
            return True
        # a verb of thinking or saying reports the past one, no action beside it ("I left it outside, I
        # think")
        partners = [v for v in clause.verbs if v.tense == PRESENT and v.subject == verb.subject
                    and not v.participle and not v.auxiliary and (v.start > verb.start or not opening)
                    and not _reports(lex, v)]
        if any((h := _clause_head(text, clause.start, v)) is not None and _MAIN_CLAUSE_HEAD.search(h)
               for v in partners):
            return True
        if opening:
            return False
        plain = verb.subject in _PLAIN_SUBJECTS  # "I sat down, open the window": a base form is present
        after = (_COMMA_BASE if plain else _COMMA_VERB).match(text, verb.end, clause.end)
        if after is None:
            return False
        second = after.group("verb").lower()
        if second not in (lex.base_forms if plain else lex.third_forms) or plain and second in lex.past_forms:
            return False
        if lex.base_of.get(second, second) in self.narrator_now_verbs | lex.aside_verbs:
            return False  # "I grew up in this town, love it and hate it": a state that holds now, no action
        # a word that is also a noun ("taps", "orders") is a verb before its object
        noun_too = after.group("verb").lower() in lex.other
        return not noun_too or _OBJECT_AFTER.match(text, after.end()) is not None

    def _time_cue_besides(self, text: str, verb: Verb, clause: Clause) -> bool:
        """Does the sentence's narration have a time word ("yesterday", "when", "had", "was") other
        than a lexical verb itself ("used" is one: "he used to run his hand")? A pluperfect ("She had
        seen the bruises"), "was supposed to" and a condition ("if Sirius sensed it") look away from
        the story's now themselves."""
        if verb.word.lower() == "used" or counterfactual(text, verb):
            return True  # "he used to run his hand", "if Lily had to watch them": no slip
        back = _LOOKS_BACK_ITSELF.match(text, verb.start)
        participle = back.group("participle").lower() if back and back.group("participle") else ""
        if back and (not participle or participle in lexicon().participles or participle == "been"):
            return True
        if clause.narration != clause.text or verb.word.lower() in ("was", "were", "had"):
            # dialogue taken out (offsets differ), or a pronoun's be / have, which tells of an earlier
            # state as often as it slips ("She's glad that she had the chance to meet him")
            return self.time_cues.search(clause.narration) is not None
        at = verb.start - clause.start
        return any(not (m.start() <= at < m.end()) for m in self.time_cues.finditer(clause.narration))

    def earlier(self, doc: AnalyzedDocument, verb: Verb, first_person: bool) -> bool:
        """Is a past verb of a paragraph drifted into the past set before the scene's now all the
        same: reported by a present verb of saying or thinking in its sentence ("ask why he said he
        loved Remus", "he'd think she wanted"), dated earlier anywhere in its sentence ("since he
        left", "yesterday", "earlier"), in a "because" or "after" clause of a present main clause ("he
        looks at him, maybe because he answered too fast"), put earlier by an adverb before it ("he once told
        her", "what he just saw"), in a relative clause opened by its name subject ("the pastries
        Jacob made"), or an "I" that is no character of a story told in the third person?"""
        if verb.subject == "i" and not first_person:
            return True
        if looks_back_itself(doc.text, verb) or in_name_relative_clause(doc, verb):
            return True
        if _in_where_clause(doc, verb):
            return True
        i = doc.sentence_index_at(verb.start)
        if i is None:
            return False
        sentence = doc.sentences[i]
        if any(_dates_the_verb(doc.text, m, verb)
               for m in self.earlier_cues.finditer(doc.text, sentence.start, sentence.end)):
            return True  # "the shirt she bought yesterday", "since he left"
        if _opens_with_look_back(doc, sentence.start, verb):
            return True  # "The first time Arthur invited him into bed, Lance was so worried" (and "invited")
        if _back_to_now_after(doc, i, verb.paragraph):
            return True
        before = doc.text[sentence.start : verb.start]
        explained = _EXPLAINED_BEFORE.search(before)
        if explained and _present_between(doc, sentence.start, sentence.start + explained.start()):
            return True  # "Kingsley looks at him, maybe because he answered too fast"
        # an infinitive ("waited for him to figure out what he wanted") takes its governor's tense
        return any(_governs(before, m.end()) and not _INFINITIVE_BEFORE.search(before, 0, m.start())
                   for m in self.reporting_now.finditer(before))

    def _reported(self, text: str, verb: Verb, clause: Clause) -> bool:
        """Is the verb in a clause of reported speech or thought ("she knew that he is …")?"""
        before = text[clause.start : verb.start]
        return any(
            _governs(before, m.end())
            for pattern in (self.reporting, self.perceiving, _REPORTED_THAT)
            for m in pattern.finditer(before)
        )

    def _backshift_missed(self, text: str, verb: Verb, clause: Clause) -> bool:
        """Is a character's present verb reported after a past verb of knowing, with no other present
        verb in the sentence or around it ("Anna knew that he has never considered", "realized he is
        bisexual")? What a character knew of another is told in the past like the rest; a verb of
        saying may report a statement that still holds ("he said he is from Ohio")."""
        if verb.subject not in ("he", "she") and verb.kind != "name" or clause.elsewhere(PRESENT):
            return False
        if sum(1 for v in clause.verbs if v.tense == PRESENT) > 1 or _ENDING_QUESTION.search(clause.text):
            return False
        following = _WORD.findall(text[verb.end : verb.end + 20].lower())[:1]
        lex = lexicon()
        if text[verb.start : verb.end].lower().endswith(("'s", "’s")) and following \
                and following[0] in lex.base_forms and following[0] not in lex.participles:
            return False  # "he never thought he's get that": a mistyped "he'd", not a present verb
        before = text[clause.start : verb.start]
        governing = [m for m in self.reporting.finditer(before) if _governs(before, m.end())]
        if not governing or governing[-1].group(0).lower() not in self.backshift_thought_verbs:
            return False
        # an indirect question keeps its present ("She wondered whether he has any idea")
        return not _INDIRECT_QUESTION.search(before, governing[-1].end())

    @cached_property
    def backshift_thought_verbs(self) -> frozenset[str]:
        return frozenset(self.words["backshift_thought_verbs"])

    def _sheltered(self, text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
        """Is the verb where another tense is right: reported speech or thought, a set phrase,
        an aside in parentheses or dashes, a first-person narrator's aside?"""
        before = text[clause.start : verb.start]
        reporting = (self.reporting, self.reporting_now) if verb.tense == PAST else (self.reporting,)
        # into the present, an "as / while" clause of its own after the reporting verb is the narration's
        # ("Sirius thought as he kicks the shell", "she said stiffly as she stares up"), not reported
        own = _ALONGSIDE.search(before) if verb.tense == PRESENT else None
        if any(
            _governs(before, m.end()) and not (own and own.start() >= m.end())
            for pattern in (*reporting, self.perceiving, _REPORTED_THAT)
            for m in pattern.finditer(before)
        ):
            return True
        if verb.kind != "and" and self.thought_after.search(text, verb.end, clause.end):
            return True  # free indirect thought: "She is trying to make him compete--was Graham's thought."
        if self.thought_before.search(text, clause.start, verb.start):
            return True  # "Well, he thought factually, Remus is going to be mad", "He thought, What if he"
        if self.idioms.search(text, max(clause.start, verb.start - 12), min(clause.end, verb.end + 12)):
            return True
        if before.count("(") > before.count(")") or _between_dashes(before, text[verb.end : clause.end]):
            return True
        word = verb.word.lower().replace("’", "'").removesuffix("n't")
        return verb.subject in ("i", "we") and (
            word in lex.aside_verbs
            or verb.kind == "contraction"
            or bool(self.aside_markers.search(clause.narration))
        )

    def idiom(self, text: str, verb: Verb) -> bool:
        """Is the verb part of a set phrase ("God knows", "as they say", "thanks to")? Not narration
        in any tense, in a drifted paragraph as well."""
        for m in self.idioms.finditer(text, max(0, verb.start - 16), min(len(text), verb.end + 16)):
            # only the phrases no narration is ever in: "it seems", "as it is" may be drifted narration
            if m.start() <= verb.start and verb.end <= m.end() and _NEVER_NARRATION.search(m.group()):
                return True
        return False

    def _coordinated_with(self, text: str, lex: Lexicon, clause: Clause, and_at: int) -> str | None:
        """The tense of the verb an "and" coordinates with, read backwards from the "and"
        ("the wind blew and check": past); None if a modal, "to", an auxiliary or a
        verb of perception governs it ("wanted to stop and check", "saw him turn and check")."""
        before = text[clause.start : and_at]
        if _perfect_participle(text, lex, before, and_at):
            return None  # "who had heard about it and come to check on him": "come" is a participle
        if (
            _PRESENT_MODAL.search(before)
            or _ANY_MODAL.search(before)
            or any(w in lex.base_forms and w not in lex.determiners for w in _TO_VERB.findall(before.lower()))
        ):
            return None  # "would examine it … and then hunt", "to collar Jack when he came out, and talk"
        words = re.findall(r"[A-Za-z’'-]+|[,;:]", before)[-14:]
        skipped = 0
        for i in range(len(words) - 1, -1, -1):
            word = words[i].lower().replace("’", "'")
            previous = words[i - 1].lower() if i else ""
            if word in (",", ";", ":"):
                skipped += 1
            elif (
                word in _MODALS
                or word in lex.auxiliaries
                or word.endswith("n't")
                or word in _BE
                or word == "to"
            ):
                return None
            elif word in lex.past_forms and previous not in lex.determiners:
                if previous in ("had", "hadn't"):
                    return PAST  # "he had finished reading, and is now gazing"
                if previous in lex.non_finite_before or previous in _OBJECT_PRONOUNS:
                    return None  # "had been received and warn", "have it refused and get away"
                return None if word in _GOVERNING and skipped else PAST
            elif word in lex.third_forms and word not in lex.other:
                return PRESENT
            elif word in lex.base_forms and previous in _PLAIN_SUBJECTS and word not in lex.past_forms:
                return PRESENT  # "I grab my bag and walked out": a base form after its subject
            elif word in lex.base_forms and word not in lex.other:
                return None
            else:
                skipped += 1
        return None

# a perfect's "had" (or "'d") and its participle before the "and", in the same clause
_PERFECT_BEFORE = re.compile(
    r"(?:\bhad|\w['’]d)\s+(?:(?:not|never|already|just|also|[a-z]+ly)\s+)?([a-z]+)\b(?=[^.;:!?]*$)", re.I)


# what may stand between a past verb and the present one "and" joins to it, in one clause and with one
# subject: its object and adverbs ("laughed softly and hands him", "kissed my forehead without a word
# and puts"), no new clause, subject or sentence
_AND_GAP = re.compile(r"[^.;:!?\"“”()*_—–]{0,70}?(?<![\w’'-])and\s+(?:(?:then|[a-z]+ly)\s+)?")
_NEW_CLAUSE_IN_GAP = re.compile(
    r"\b(?i:he|she|they|it|i|we|you|who|which|that|when|while|as|if|because|but|so|until|before|after|to)\s"
    r"|\b[A-Z][a-z]+\s")


def _and_present_after(text: str, lex: Lexicon, verb: Verb, clause: Clause) -> bool:
    """Is the past verb's next verb in its sentence a present one "and" joins to it with the same
    subject ("Seojun laughed softly and hands him a banana milk", "my mother kissed my forehead and
    puts a slice of bread in front of me")? One subject's two actions of one moment in two tenses:
    in a present scene the past one is the slip."""
    later = [v for v in clause.verbs if v.start > verb.start]
    if not later or min(later).kind != "and" or min(later).tense != PRESENT:
        return False
    partner = min(later)
    gap = text[verb.end : partner.start]
    if not _AND_GAP.fullmatch(gap) or _NEW_CLAUSE_IN_GAP.search(gap.rsplit("and", 1)[0] + " "):
        return False
    between = re.findall(r"[A-Za-z’'-]+", gap.lower())
    return not any(w in lex.past_forms or w in lex.auxiliaries or w in _MODALS for w in between[:-1])


def _perfect_participle(text: str, lex: Lexicon, before: str, and_at: int) -> bool:
    """Is the word after "and" a participle whose form is also the base ("come", "become", "run",
    "overcome") carrying on a perfect ("He had stood up and come around the desk", "who had heard
    about it and come to check on him")? The "had" governs both: no present verb."""
    m = re.match(r"\s*([a-z]+)\b", text[and_at : and_at + 30])
    if m is None:
        return False
    word = m.group(1)
    if word not in lex.participles or word not in lex.base_forms or word.endswith("s"):
        return False
    return any(p.group(1).lower() in lex.participles for p in _PERFECT_BEFORE.finditer(before))


def _diagnostic(
    verb: Verb, tense: SceneTense, rule: Rule, certainty: float, drift: bool = False, moment: bool = False
) -> Diagnostic:
    if verb.kind == "contraction":
        fix = verb.fix
        suggestion = f"{verb.subject}{fix}" if fix.startswith(" ") else fix
    else:
        fix = suggestion = keep_case(verb.word, verb.fix)
    if drift:
        message = (
            f'"{verb.word}" is in the {verb.tense} tense, but {tense.describe()}, and this paragraph has '
            f'drifted into the {verb.tense}: did you mean "{suggestion}"?'
        )
    else:
        message = (
            f'"{verb.word}" is in the {verb.tense} tense, but {tense.describe()}: '
            f'did you mean "{suggestion}"?'
        )
    return Diagnostic(
        rule.id,
        verb.start,
        verb.end,
        message,
        (Fix(verb.start, verb.end, fix, safe=False),),
        confidence=round(tense.confidence * certainty, 2),
        data={"scene_tense": tense.tense, "scene_share": round(tense.share, 2), "drift": drift,
              "verb_kind": verb.kind, "subject": verb.subject, **({"moment": True} if moment else {})},
    )


@cache
def _judge() -> _Judge:
    return _Judge()


def _subject(text: str, lex: Lexicon, verb: Verb, clause: Clause) -> str:
    """What kind of subject an auxiliary has, read backwards from it: "there", "it", "that" …;
    "definite" (the bar, her hands, Mr. Frank), "and" (a verb coordinated with the one before:
    "went on, and are rounding the bend"), or "" when it is generic or unknown (children, a
    rebellious girl, the way to be artistic, which)."""
    if verb.kind == "contraction":
        return verb.subject
    words = _TOKEN.findall(text, max(clause.start, verb.start - 60), verb.start)[-7:]
    phrase: list[tuple[str, bool]] = []  # the subject's words, last first, and whether each starts a sentence
    determiner = ""
    for i in range(len(words) - 1, -1, -1):
        token, word = words[i], words[i].lower()
        if not phrase and token.islower() and (word in lex.adverbs or word.endswith("ly")):
            continue
        if not phrase and word == "and":
            return "and"
        starts = i == 0 or words[i - 1] in ".!?" and not (i > 1 and words[i - 2].lower() in ABBREVIATIONS)
        if not phrase and _is_name(token, starts, lex, clause):
            return "definite"  # "for a moment Freddie is uneasy"
        if token in ",;:(.!?" or word in _NP_BOUNDARY or len(phrase) >= 5:
            break
        if word in lex.relative:
            return ""
        phrase.append((token, starts))
        if word in _DEFINITE or word in _GENERIC_DETERMINERS:
            determiner = word
            break
    if not phrase:
        return ""
    first = phrase[0][0].lower()
    if first in ("there", "it", "this", "that", "here", "what"):
        return first
    if determiner:
        return "definite" if determiner in _DEFINITE else ""
    for token, starts in phrase:
        if token.endswith(("'s", "’s")) or _is_name(token, starts, lex, clause):
            return "definite"  # a name
    head = phrase[0][0].lower()
    if head.endswith(_ABSTRACT) or head.endswith("s") and not head.endswith("ss"):
        return "generic"  # "girls are tender-hearted creatures", "hatred is a skilful compositor"
    return ""


def _is_name(token: str, starts: bool, lex: Lexicon, clause: Clause) -> bool:
    """A capitalised word inside a sentence, or one that opens it and the story uses as a name."""
    if not token[:1].isupper() or token.lower() in lex.function_words:
        return False
    return not starts or token in clause.names and token.lower() not in lex.other


def _name_before(text: str, at: int, lex: Lexicon) -> bool:
    """Is the word before `at` a capitalised name ("Naruto doesn't wait")?"""
    m = re.search(r"\b([A-Z][a-z]+)[ \t]+$", text[max(0, at - 30) : at])
    return m is not None and m.group(1).lower() not in lex.not_names


def _specific_antecedent(before: str) -> bool:
    """Is the noun before the relative pronoun a particular one ("Gus, who", "the silence which"),
    not a kind of thing ("a man who", "one who", "those who", "like a horse which")?"""
    words = _TOKEN.findall(before)[:-1]  # without the relative pronoun itself
    if words and words[-1] == ",":
        words = words[:-1]
    if not words:
        return False
    if words[-1][:1].isupper() and words[-1].lower() not in ("i", "those", "one"):
        return True  # a name: "Gus, who is convulsed"
    phrase = []
    for token in reversed(words[-5:]):
        if token in ",;:(.!?":
            break
        phrase.append(token.lower())
    return (
        bool(set(phrase) & {"the", "his", "her", "their", "its", "my", "our"})
        and not set(phrase) & _GENERIC_ANTECEDENT
    )


def _after_relative(text: str, verb: Verb, lex: Lexicon) -> bool:
    """Does a relative pronoun stand right before the verb ("the silence which has fallen")?"""
    window = text[max(0, verb.start - 30) : verb.start].lower()
    return previous_word(window, len(window)) in ("which", "that", "who")


def _thing_acting(verb: Verb, clause: Clause) -> bool:
    """A particular thing doing something ("the blade catches the light", "his mouth opened"):
    a lexical verb after a definite noun phrase that opens a clause, told like a character's
    action, where the tagger too reads a finite verb ("his eyes dark rimmed", "how the universe
    started" are none)."""
    return verb.kind == "np" and not verb.auxiliary and verb.start in clause.tagger_finite


def _tagger_finite(doc: AnalyzedDocument) -> frozenset[int]:
    return frozenset(v.start for v in doc.memo(particular_subjects) if v.kind == "np")


def _isolated(verb: Verb, clause: Clause) -> bool:
    """Are the sentences around free of the verb's tense? A thing's present among sentences
    told in the present is a passage (a drift, or a deliberate present), not a lone slip."""
    return not any(v.tense == verb.tense for n in clause.neighbours for v in n)


def _in_where_clause(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the verb's pronoun subject the first word of a "where", "why" or "how" clause ("the spot where
    he vanished", "from where he left off", "find out why she left", "not sure how he survived")? In
    present narration it tells of an earlier event, like a relative clause (in_relative_clause)."""
    return tag_before_subject(doc, verb)[1] in _PLACE_REASON_MANNER


def _reports(lex: Lexicon, verb: Verb) -> bool:
    """A present verb of saying ("says"), or a first-person narrator's aside ("I think", "I guess")."""
    word = verb.word.lower().replace("’", "'")
    aside = verb.subject in ("i", "we") and lex.base_of.get(word, word) in lex.aside_verbs
    return word in lex.reporting or aside


def _plain_fix(lex: Lexicon, verb: Verb, clause: Clause) -> Verb:
    """A past verb after "and" takes the present of its partner's subject: "I grab my bag and walked
    out" -> "walk", not "walks"."""
    if verb.kind != "and" or verb.tense != PAST:
        return verb
    prior = [v for v in clause.verbs if v.start < verb.start]
    if not prior or prior[-1].tense != PRESENT or prior[-1].subject not in _PLAIN_SUBJECTS:
        return verb
    base = lex.base_of.get(verb.word.lower().replace("’", "'"))
    return verb._replace(fix=base) if base else verb


def _meanwhile(text: str, verb: Verb, clause: Clause) -> bool:
    """Is a character's past action in an "as" clause that hangs on a present action of the scene just
    before it in its sentence ("He exclaims, fiddling with it as he descended the stairs", "scribbling
    in his notebook as he went")? The two happen at once: the scene's now. An "as" of comparison ("as
    good as it sounded", "just as he asked", "exactly as he found it"), of manner ("as she taught
    him", "as he promised") or of cause after a perfect ("He's earned my loyalty as he helped me") is
    left alone; so is any past or auxiliary verb between the two."""
    m = _AS_MEANWHILE.search(text, max(clause.start, verb.start - 60), verb.start)
    if m is None or (m.group("lead") or "").strip().lower() in _NOT_MEANWHILE \
            or verb.word.lower() in _AS_BEFORE:
        return False
    at = m.end("lead") if m.group("lead") else m.start()  # where "as" begins
    before = [v for v in clause.verbs if v.start < at]
    if not before:
        return False
    head = before[-1]
    return head.tense == PRESENT and not head.auxiliary and not head.participle \
        and head.kind in ("subject", "name", "and")


def _opens_with_look_back(doc: AnalyzedDocument, start: int, verb: Verb) -> bool:
    """Does a look-back adverbial come in the verb's sentence before any of its past verbs, up to the
    verb itself ("The first time Arthur invited him, Lance was so worried")? After a past verb it dates
    the scene's own stretch instead ("She stayed there for a year, and she wrote to him")."""
    at = look_back_adverbial(doc.text, start, verb.end)
    if at is None:
        return False
    verbs = doc.finite_verbs  # in text order
    for i in range(bisect.bisect_left(verbs, (start,)), len(verbs)):
        if verbs[i].start >= at:
            break
        if verbs[i].tense == PAST:
            return False
    return True


def _back_to_now_after(doc: AnalyzedDocument, i: int, paragraph: int) -> bool:
    """Does a later sentence of the verb's paragraph open by coming back to the story's now with a
    present verb ("… she had a fucking nightmare. And now Father wants her to fight")? The past before
    it was the lead-up to the now, told as such, not the scene sliding into the past."""
    for sentence in doc.sentences[i + 1:]:
        if sentence.paragraph != paragraph:
            return False
        if _BACK_TO_NOW.match(doc.text, sentence.start, sentence.end) and \
                _present_between(doc, sentence.start, sentence.end):
            return True
    return False


def _dates_the_verb(text: str, cue: re.Match[str], verb: Verb) -> bool:
    """Does a cue of an earlier time date the verb: a time adverb anywhere in its sentence
    ("yesterday", "last night"), "since" only inside the verb's own clause ("since he left", "kept
    it since the war"; not the main clause after "Since the van was late, Tom was tired", where
    "since" gives a reason)?"""
    if cue.group(0).lower() != "since":
        return True
    if cue.end() <= verb.start:
        return not _CLAUSE_BREAK.search(text, cue.end(), verb.start)
    return not _CLAUSE_BREAK.search(text, verb.end, cue.start())


def _present_between(doc: AnalyzedDocument, start: int, end: int) -> bool:
    """Does the tagger read a present-tense finite verb between `start` and `end`?"""
    starts = doc.tokens.start
    tags = doc.tags
    return any(tags[i].xpos in ("VBZ", "VBP")
               for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))


def _adjective_pair(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is a past form after "and" the second of two adjectives ("naive and lost.", "vulnerable and
    exposed,", "black and limned by moonlight"): an adjective before the "and", and no object after the
    past form? A participle, no verb."""
    if verb.kind != "and":
        return False
    i = _token_at(doc, verb.start)
    if i is None or i < 2 or doc.tokens.text[i - 1].lower() != "and" or doc.tags[i - 2].xpos != "JJ":
        return False
    following = doc.tokens.text[i + 1].lower() if i + 1 < len(doc.tokens.text) else ""
    return following in _AFTER_PARTICIPLE or not following[:1].isalpha()


def _clause_head(text: str, start: int, verb: Verb) -> str | None:
    """The words of the verb's sentence (from `start`) before its subject, or None if no subject
    stands right before it."""
    m = _SUBJECT_BEFORE.search(text, max(start, verb.start - 60), verb.start)
    return text[start : m.start()] if m else None


# "There is a shriek", "Suddenly, there are footsteps": "there" opening its sentence, after at most a
# conjunction or a time adverb
_THERE_OPENS = re.compile(
    r"[\s*_\"“”]*(?:(?:and|but|then|suddenly|soon|finally|now|again|still|instead|outside|inside|"
    r"for\s+a\s+(?:moment|second|while)|at\s+first)[\s,]+)*(?P<host>there|it)\s+$", re.I)
# what "it is" says of the scene's moment or of a thing in it ("It is almost curfew.", "It is a family
# heirloom", "It is then that he made a mistake"), not a judgement ("It is easy to", "It is true")
_IT_IN_THE_SCENE = re.compile(
    r"\s+(?:(?:almost|nearly|already|just|still|now|only)\s+)?(?:a|an|the|his|her|their|my|late|early|dark|"
    r"midnight|noon|dawn|dusk|curfew|morning|evening|night|then|like|over|done|gone)\b"
    r"(?!\s+(?:(?:[a-z]+ly|little|bit|real|great|universal|sad|simple|known|good)\s+)?(?:shame|pity|wonder|truth|"
    r"fact|rule|matter|question|miracle|mistake|thing|way|kind|sort)\b)", re.I)
# a judgement's "to / that / if …" after "it is" ("it is a shame that", "it is a long way to"); a cleft
# "it is then that" dates an event of the story
_IT_JUDGEMENT = re.compile(r"(?!\s+(?:then|now)\s+that\b)(?:[\s,]+[\w’'-]+){0,6}?[\s,]+"
                           r"(?:to|that|if|whether|how|what|who|which|when)\b", re.I)
# what follows a narrator's comment rather than the scene ("there is no doubt", "there are those who")
_THERE_COMMENT = re.compile(
    r"\s+(?:(?:always|never|no\s+(?:doubt|denying|telling|way|need|point|use|question|reason|such|one|shame|"
    r"harm)|nothing\s+(?:like|quite|so|more|worse|better|wrong)|something\s+(?:about|to\s+be\s+said)|"
    r"(?:those|people|some|many|few|men|women)\b[^.!?;]*\b(?:who|that)\b|a\s+(?:reason|time|first)\b"
    r"|more\s+than\s+one|only\s+one|only\s+so)\b)", re.I)


# a plural with no determiner or number after "there are"
_BARE_PLURAL = re.compile(
    r"\s+(?!(?:a|an|the|some|several|many|few|no|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
    r"thousands|his|her|their|its|my|our|these|those|more|other|only|still|just|now|already)\b)"
    r"[a-z]+s\b", re.I)


_NEVER_NARRATION = re.compile(r"\b(?:knows?|say|thanks)\b", re.I)


def _there_in_the_scene(text: str, verb: Verb, clause: Clause) -> bool:
    """Is it "there is / are / 's" opening a sentence between sentences told in the past ("The boys
    ran out of the cage. There is another child, half dead on the floor. Harry knelt"), or in a
    sentence told in the past after it ("There is a shriek as a blue light flashed")?
    Alone in a paragraph of past events it reports what the scene holds at its moment: a slip. Not a
    question, not a narrator's comment ("there is no doubt", "there are those who"), and not
    beside another present verb in the sentence."""
    word = verb.word.lower().replace("’", "'")
    if word not in ("is", "are", "'s", "'re") or not (clause.neighbours or clause.has(PAST)):
        return False
    if any(v.tense == PRESENT and v.start != verb.start for v in clause.verbs):
        return False
    head = text[clause.start : verb.start]
    if word.startswith("'"):
        head += " "  # "There's": the host word is before the contraction
    opening = _THERE_OPENS.fullmatch(head)
    if opening is None:
        return False
    if opening.group("host").lower() == "it" and (
            _IT_IN_THE_SCENE.match(text, verb.end) is None
            or _IT_JUDGEMENT.match(text, verb.end, clause.end)):
        return False
    if word in ("are", "'re") and not clause.has(PAST) and _BARE_PLURAL.match(text, verb.end):
        return False  # "There are eyes of that particular cut": a kind, as a narrator describes it
    # the sentences around it, if any, told in the past alone; a past verb later in its own sentence
    # dates it too ("There is a shriek from the woman as a blue light flashed")
    around = all(clause.neighbours_past) and not any(v.tense == PRESENT for n in clause.neighbours for v in n)
    return (around and not _ENDING_QUESTION.search(clause.text)
            and _THERE_COMMENT.match(text, verb.end) is None)


def _character_past(clause: Clause) -> bool:
    """Does a character act in the past tense in this sentence ("she liked it", "Karen smiled")?"""
    return any(v.tense == PAST and (v.subject in ("he", "she") or v.kind == "name") for v in clause.verbs)


def _joined_to_past(text: str, verb: Verb, clause: Clause) -> bool:
    """Is the verb the only present one of its sentence, in a main clause joined by "and", "but", a
    semicolon, a colon or a dash to one told in the past ("It is faint, but it was there", "The term was
    quiet; there are no attacks for weeks")? Two halves of one statement share its moment."""
    if any(v.tense == PRESENT and v.start != verb.start for v in clause.verbs):
        return False
    for other in clause.verbs:
        if other.tense != PAST or other.participle:
            continue
        between = text[verb.end : other.start] if other.start > verb.start else text[other.end : verb.start]
        joint = _JOINT.search(between) if len(between) <= _JOINED_REACH else None
        # the clause after the joint, and in "X is …, and Y was" all of the present clause, is a main one
        inside = between if other.start > verb.start else between[joint.end():] if joint else ""
        if joint and not _OPENS_SUBORDINATE.search(inside) and not (
                other.start < verb.start and _SUBORDINATE_PAST.search(text, clause.start, other.start)):
            return True
    return False


def _they_past(clause: Clause) -> bool:
    """Do "they" act in the past tense in this sentence ("They are camel-men, but they sat their
    camels"): the same subject's past action makes its present "are" a slip, not a remark."""
    return any(v.tense == PAST and (v.subject == "they" or v.kind == "and") for v in clause.verbs)


def _nearest_narration(narration: list[str], i: int) -> list[int]:
    """The sentences before and after sentence i that have narration (dialogue-only ones skipped)."""
    before = next((j for j in range(i - 1, -1, -1) if narration[j].strip()), None)
    after = next((j for j in range(i + 1, len(narration)) if narration[j].strip()), None)
    return [j for j in (before, after) if j is not None]


def _governs(before: str, end: int) -> bool:
    """Does a reporting verb ending at `end` govern the rest of `before` (no clause break
    between: "she knew the earth is round", not "whispered Merry; for she adores")?"""
    between = before[end:]
    return len(between) < 80 and not _CLAUSE_BREAK.search(between)


def _narration_text(doc: AnalyzedDocument, start: int, end: int) -> str:
    """The narration between two offsets, dialogue and emphasis left out."""
    pieces = []
    pos = start
    while pos < end:
        region = doc.region_at(pos)
        if region is None:
            pos += 1
            continue
        if region.kind is RegionKind.NARRATION:
            pieces.append(doc.text[pos : min(region.end, end)])
        pos = region.end
    return " ".join(pieces)


def _between_dashes(before: str, after: str) -> bool:
    """An aside set off by a pair of dashes around the verb ("he was--she is sure--a liar"),
    counted in the narration after the last quotation."""
    before = before[max(before.rfind(q) for q in '"”“') + 1 :]
    return any(before.count(dash) % 2 == 1 and dash in after for dash in ("--", "—"))


