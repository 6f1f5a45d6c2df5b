"""Finite verbs of the narration, with their subjects and tense.

What counts as narration: the narration regions of prose paragraphs, less
emphasis (italic or bold thoughts, signs, text messages), indented blocks
(letters, verse), chat lines ("**Dani:** on my way") and paragraphs that open as a marked
flashback or time-line note ("Flashback:", "Years ago…").

Finite verbs are found from context: a subject pronoun and its verb ("she
checked", "they walk"), a name and an unambiguous verb ("Karen smiles"), the
forms of be / have / do ("was", "is", "hasn't"), pronoun contractions
("that's") and a verb coordinated after "and" ("blew and check her"). Verb
forms come from the lexicon (ficlint/analysis/lexicon.py). Each verb carries
the form it would take in the other tense, so a rule can offer it as a fix.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING, NamedTuple

from ficlint.analysis.lexicon import MODALS, PAST, PRESENT, Lexicon, alternatives, lexicon, words
from ficlint.document import RegionKind, Span

if TYPE_CHECKING:
    from ficlint.document import Document

CHARACTERS = frozenset(("he", "she", "they"))
_ACTORS = frozenset(("he", "she", "i"))
OBJECT_PRONOUNS = frozenset(["her", "him", "them", "it", "me", "us"])
_ARTICLES = frozenset(["the", "a", "an"])
_PARTICLES = frozenset(["up", "down", "out", "away", "back", "off", "over", "in", "on"])
_INVERSION = re.compile(r"\s+(?:it|he|she|they|there|i|we|you)\b", re.I)
# a verb that takes an object and a bare infinitive ("letting your gaze drift down", "watched them
# leave"), then "and": the verb after it is a second bare infinitive ("and take him in")
_BARE_INFINITIVE_AND = re.compile(
    r"\b(?:let|lets|letting|made|make|makes|making|watch|watches|watched|watching|saw|see|sees|seeing|"
    r"heard|hear|hears|hearing|felt|feel|feels|feeling|help|helps|helped|helping)\s+"
    r"(?:[\w’'-]+\s+){1,3}(?P<verb>[a-z]+)(?:\s+[a-z]+)?,?\s+and\s+$")
# a text message or chat line: a speaker's name and a colon ("**Dani:** on my way", "Steve: u up?")
_CHAT_LINE = re.compile(r"[ \t]*[*_]{0,2}@?[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}[ \t]?:[*_]{0,2}[ \t]")
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'-"  # a word of `previous_word`
_AFTER_OBJECT = frozenset(["the", "a", "an", "to", "at", "into", "in", "on", "with", "from", "for", "across",
                           "through", "over", "toward", "towards", "against"])
# what follows an -s form after a noun phrase for it to be a verb, not a plural noun ("the old
# oak trees with …"): an object ("the horse tosses its head") or a particle ("the door swings open")
_AFTER_NOUN_PHRASE_VERB = frozenset(["her", "him", "them", "it", "his", "their", "its", "the", "a", "an",
                                     "up", "down", "off", "out", "back", "away", "open", "shut"])
_CLAUSE_END = frozenset([",", ".", ";", ":", "!", "?", ""])
_AFTER_VERB = frozenset(
    ["her", "him", "them", "it", "his", "their", "its", "up", "down", "off", "out", "back", "away"]
)


class Verb(NamedTuple):
    """A finite verb found in the narration."""

    start: int
    end: int
    word: str
    tense: str
    kind: str  # "subject", "name", "aux", "contraction", "and"
    subject: str  # the subject pronoun, lowercased, or "" when there is none to hand
    fix: str  # the text for [start, end) in the other tense, "" when there is none
    participle: bool = False  # a coordinated past form that may share an auxiliary ("have swept and swept")
    paragraph: int = -1

    @property
    def character(self) -> bool:
        """The verb of a character's action: he, she, they, a name, or a coordinated verb."""
        return self.subject in CHARACTERS or self.kind in ("name", "and")

    @property
    def acting(self) -> bool:
        """A particular character's action, not a state or a description: a lexical verb (not be /
        have / do) after he, she, I or a name ("Karen smiles", "she walked")."""
        lexical = self.kind == "subject" and self.subject in _ACTORS and not self.auxiliary
        return self.kind == "name" or lexical

    @property
    def auxiliary(self) -> bool:
        return self.word.lower().replace("’", "'") in lexicon().auxiliaries


class Names:
    """Capitalised words the document uses inside sentences: its characters' and places' names.
    Found once per document, when first asked."""

    _INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def words(self) -> Counter[str]:
        return Counter(self._INSIDE.findall(self.text))

    def __contains__(self, word: str) -> bool:
        return word in self.words


class _Patterns:
    """The finder's regular expressions, compiled once per process."""

    def __init__(self) -> None:
        w = words()
        adverb = (
            rf"(?:(?!(?:{alternatives(w['not_adverbs'])})\b)[a-z]{{2,}}ly|{alternatives(w['adverbs'])}"
            r"|not)"
        )
        subjects = alternatives([*w["subjects"], "who"])
        hosts = alternatives(w["contraction_hosts"])
        auxiliaries = alternatives(w["auxiliaries"])
        objects = alternatives(
            w["objects"] + ["in", "to", "across", "toward", "towards", "inside", "outside"]
        )
        # a contraction, a subject pronoun and its verb, an auxiliary, a verb coordinated after "and"
        self._finite_any_case = (
            rf"\b(?P<host>{hosts})(?P<contr>['’](?:s|re|m|ve))\b"
            rf"|\b(?P<subj>{subjects})\s+(?:{adverb}\s+){{0,2}}(?!and\b)(?P<verb>[a-z]+(?:n['’]t)?)\b(?!['’]\w|-[a-z])"
            rf"|\b(?P<aux>{auxiliaries})\b(?!['’]\w)"
            rf"|\band\s+(?:{adverb}\s+)?(?=(?P<cverb>[a-z]+)\b(?!['’]|-[a-z])(?:\s+(?P<obj>{objects})\b)?)"
        )
        # Every match starts with a letter one of the words begins with: a look at that one
        # character first rejects most places before the alternations are tried (~20% faster;
        # lowercase text only, so `finite_any_case` goes without it).
        openers = _first_letters([*w["contraction_hosts"], *w["subjects"], "who", *w["auxiliaries"], "and"])
        self.finite = re.compile(rf"(?=[{openers}])(?:{self._finite_any_case})")
        # a name and its verb, an adverb between: "Karen smiles", "Rowan just leans"
        self.name_verb = re.compile(
            rf"(?P<name>[A-Z][a-z]+)[ \t]+(?:{adverb}[ \t]+)?(?P<nverb>[a-z]+)\b(?!['’]\w|-[a-z])"
            r"(?=\s+(?P<next>[a-z]+))?"
        )
        # a particular thing and its verb: "the old radio crackles", "Jana's breathing slows"
        determiner_words = ["the", "his", "her", "their", "its", "my", "our"]
        determiners = alternatives(determiner_words)
        self.noun_phrase_verb = re.compile(
            rf"(?=[{_first_letters(determiner_words)}A-Z])"  # as `finite`'s look at the first letter
            rf"(?:\b(?:{determiners})|[A-Z][a-z]+['’]s)\s+(?:(?P<filler>[a-z]+)[ \t]+)?(?P<noun>[a-z]+)[ \t]+"
            rf"(?:{adverb}[ \t]+)?(?P<npverb>[a-z]+)\b(?!['’]\w|-[a-z])"
            r"(?=[ \t]*(?P<npnext>[a-z]+|[,.;:!?]|$))?"
        )
        self.flashback = re.compile(
            r"[\s*_#>\[(]*(?:" + alternatives(w["flashback_markers"]).replace(r"\ ", r"\s+") + r")\b", re.I
        )

    @cached_property
    def finite_any_case(self) -> re.Pattern[str]:
        """`finite` for text whose lowercase changes its length (rare Unicode): compiled only
        when such a text comes (~3 ms of every run otherwise)."""
        return re.compile(self._finite_any_case, re.I)


def _first_letters(words: list[str]) -> str:
    """The letters the words begin with, for a character class."""
    return re.escape("".join(sorted({word[0] for word in words})))


@cache
def _patterns() -> _Patterns:
    return _Patterns()


def finite_verbs(doc: Document) -> list[Verb]:
    """Every finite verb of the narration, in order."""
    lex = lexicon()
    text = doc.text
    low = text.lower()
    patterns = _patterns()
    pattern = patterns.finite
    if len(low) != len(text):
        low, pattern = text, patterns.finite_any_case
    found: list[Verb] = []
    maybe: list[tuple[str, Verb]] = []  # a name and a word that may be a verb or a noun ("Grif grins")
    for span, paragraph in narration_spans(doc):
        for m in pattern.finditer(low, span.start, span.end):
            verb = _verb(m, text, lex)
            if verb is not None:
                found.append(_in_paragraph(verb, paragraph))
        for m in patterns.name_verb.finditer(text, span.start, span.end):
            verb = _after_name(m, lex)
            if verb is not None:
                found.append(_in_paragraph(verb, paragraph))
            elif _maybe_name_verb(m, lex):
                maybe_verb = _after_name(m, lex, maybe=True)
                if maybe_verb is not None:
                    maybe.append((m.group("name"), _in_paragraph(maybe_verb, paragraph)))
        for m in patterns.noun_phrase_verb.finditer(text, span.start, span.end):
            verb = _after_noun_phrase(m, text, lex)
            if verb is not None:
                found.append(_in_paragraph(verb, paragraph))
    acting = Counter(v.subject for v in found if v.kind == "name")
    found.extend(verb for name, verb in maybe if acting[name] >= 2)
    found.sort()
    return [v for i, v in enumerate(found) if not i or v.start != found[i - 1].start]


_new_tuple = tuple.__new__


def _in_paragraph(verb: Verb, paragraph: int) -> Verb:
    """The verb with its paragraph (what `verb._replace(paragraph=...)` gives, at a sixth of the
    cost: it runs for every finite verb of a novel; tuple.__new__ skips NamedTuple's Python __new__)."""
    return _new_tuple(Verb, (*verb[:-1], paragraph))


def narration_spans(doc: Document) -> Iterator[tuple[Span, int]]:
    """Narration with emphasis, indented blocks and marked flashbacks cut out, with its paragraph."""
    text = doc.text
    emphasis = doc.emphasis
    emphasis_starts = [s.start for s in emphasis]
    paragraphs = doc.paragraphs
    flashback = _patterns().flashback
    for region in doc.regions_of(RegionKind.NARRATION):
        para = paragraphs[region.paragraph]
        if para.indented or flashback.match(text, para.start, para.end) or _CHAT_LINE.match(text, para.start):
            continue
        pos = region.start
        i = max(0, bisect.bisect_right(emphasis_starts, region.start) - 1)
        for em in emphasis[i:]:
            if em.start >= region.end:
                break
            if em.end <= pos:
                continue
            if em.start > pos:
                yield Span(pos, em.start), region.paragraph
            pos = em.end
        if pos < region.end:
            yield Span(pos, region.end), region.paragraph


def previous_word(low: str, at: int) -> str:
    """The lowercased word before offset `at` (punctuation between is skipped)."""
    # what re.compile(r"([A-Za-z’'-]+)[ \t,]*$").search(low, max(0, at - 20), at) finds, with string
    # methods (it runs for every subject and "and" of a novel; `$` also matches before a final newline)
    window = low[max(0, at - 20) : at]
    if window[-1:] == "\n":
        window = window[:-1]
    before = window.rstrip(" \t,")
    word = before[len(before.rstrip(_WORD_CHARS)) :]
    return word.replace("’", "'")


def _verb(m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
    if m.group("contr"):
        return _contraction(m, text)
    if m.group("aux"):
        return _auxiliary(m, text, "aux", lex, "")
    if m.group("subj"):
        return _after_subject(m, text, lex)
    return _coordinated(m, text, lex)


def _word_before(text: str, at: int) -> str:
    """The word just before offset `at`, as written."""
    found = text[max(0, at - 40) : at].split()
    return found[-1] if found else ""


def _contraction(m: re.Match[str], text: str) -> Verb | None:
    host = m.group("host")
    if m.string[m.end() : m.end() + 1] == "-":
        return None  # "What's-his-name"
    suffix = m.group("contr")[1:]
    past = {"s": " was", "re": " were", "m": " was", "ve": "'d"}[suffix]
    if suffix in ("s", "re") and re.match(r"\s+(?:been|got|gotten|had)\b", m.string[m.end() : m.end() + 10]):
        past = "'d"
    apostrophe = m.group("contr")[0]
    start, end = m.start("contr"), m.end("contr")
    fix = past.replace("'", apostrophe)
    return Verb(start, end, text[m.start() : end], PRESENT, "contraction", host, fix)


def _auxiliary(m: re.Match[str], text: str, group: str, lex: Lexicon, subject: str) -> Verb | None:
    start, end = m.start(group), m.end(group)
    form = lex.auxiliary_form(m.group(group), subject)
    if form is None:
        return None
    if group == "aux" and _INVERSION.match(m.string, end):
        return None  # "Nor is it", "was he": a question or an inverted clause
    tense, fix = form
    raw = text[start:end]
    if "’" in raw:
        fix = fix.replace("'", "’")
    return Verb(start, end, raw, tense, "aux" if group == "aux" else "subject", subject, fix)


def _after_subject(m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
    subject = m.group("subj")
    word = m.group("verb")
    if word in MODALS or _inverted(m, lex):
        return None
    if word.replace("’", "'") in lex.auxiliaries:
        return _auxiliary(m, text, "verb", lex, subject)
    if subject == "who":
        return None
    form = lex.after_subject(word, lex.person(subject))
    if form is None:
        return None
    start, end = m.start("verb"), m.end("verb")
    return Verb(start, end, text[start:end], form[0], "subject", subject, form[1])


def _inverted(m: re.Match[str], lex: Lexicon) -> bool:
    """A question or condition with the auxiliary before the subject ("did they know",
    "would he have": the verb after the subject is not finite), or a comparison
    ("taller than he is")."""
    word = previous_word(m.string, m.start()).lower()
    if not word and m.string[max(0, m.start() - 2) : m.start()].rstrip()[-1:] in ("*", "_"):
        # an emphasised auxiliary: "what *did* she have"
        before = m.string[max(0, m.start() - 30) : m.start()].rstrip(" \t*_")
        word = previous_word(before, len(before)).lower()
    # "How dare they ruin": "dare" inverts like a modal
    return word in MODALS or word in lex.auxiliaries or word.endswith("n't") or word in ("than", "dare")


def _coordinated(m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
    word = m.group("cverb").lower()
    start, end = m.start("cverb"), m.end("cverb")
    raw = text[start:end]
    if word in lex.modifiers or word in MODALS:
        return None
    if word in lex.noun_like and not (m.group("obj") and _verb_before_and(m, lex)):
        return None
    if word in lex.past_forms:
        return Verb(start, end, raw, PAST, "and", "", lex.third_of.get(word, ""), word in lex.participles)
    if raw[:1].isupper():
        return None  # "He had left James and Peter": a name after "and", no verb
    if word in lex.base_forms and lex.past_of.get(word, word) != word and m.group("obj"):
        if _second_bare_infinitive(text, start, lex):
            return None
        return Verb(start, end, raw, PRESENT, "and", "", lex.past_of[word])
    if word in lex.third_forms and word not in lex.base_forms and (word not in lex.other or m.group("obj")):
        return Verb(start, end, raw, PRESENT, "and", "", lex.past_of.get(word, ""))
    return None


def _second_bare_infinitive(text: str, start: int, lex: Lexicon) -> bool:
    """Is the base form after "and" the second of two bare infinitives after let / make / watch
    and an object ("letting your gaze drift down and take him in")?"""
    m = _BARE_INFINITIVE_AND.search(text, max(0, start - 70), start)
    return m is not None and m.group("verb") in lex.base_forms and not re.search(r"[.;!?]", m.group(0))


def _verb_before_and(m: re.Match[str], lex: Lexicon) -> bool:
    """Is the word before the "and" a verb, an object pronoun or a particle ("blew and check her"),
    not a noun ("bread and butter")?"""
    word = previous_word(m.string, m.start()).lower()
    before = m.string[max(0, m.start() - 40) : m.start()].lower().split()
    obj = (m.group("obj") or "").lower()
    if (len(before) >= 2 and word.endswith("ly") and word == before[-1] and word not in words()["not_adverbs"]
            and (obj in OBJECT_PRONOUNS or obj in _ARTICLES)):
        # an adverb between, an object after: "Seojun laughed softly and hands him": the word before
        # the adverb decides (not "relaxed slightly and tension in their shoulders")
        before = before[:-1]
        word = before[-1].strip(",")
    finite = word in lex.third_forms or word in lex.past_forms
    if len(before) >= 2 and before[-2] in lex.subjects and finite:
        return True  # "he nods and takes the coat": the word before is its subject's verb
    return (
        word in lex.past_forms
        or word in lex.third_forms
        and word not in lex.noun_like
        or word in OBJECT_PRONOUNS
        or word in _PARTICLES
    )


def _maybe_name_verb(m: re.Match[str], lex: Lexicon) -> bool:
    """An -s form that may be a plural noun ("Grif grins", not "Sunday papers") or a past form
    that may be an adjective ("Harry flushed") after a capitalised word: a verb if the word
    is a character's name, one that acts elsewhere in the story."""
    word = m.group("nverb")
    return (
        (word in lex.third_forms and word not in lex.base_forms or word in lex.past_forms)
        and word not in lex.auxiliaries
        and m.group("name").lower() not in lex.not_names
        and m.group("next") is not None
    )


def _after_name(m: re.Match[str], lex: Lexicon, maybe: bool = False) -> Verb | None:
    word = m.group("nverb")
    if (
        not maybe
        and word not in lex.name_verbs
        and not (word in lex.third_forms and m.group("next") in _AFTER_VERB and word not in lex.base_forms)
    ):
        return None
    if m.group("name").lower() in lex.not_names:
        return None
    name = m.group("name")
    if word in lex.third_forms and word not in lex.base_forms and word not in lex.auxiliaries:
        return Verb(m.start("nverb"), m.end("nverb"), word, PRESENT, "name", name, lex.past_of.get(word, ""))
    if (maybe or word in lex.name_verbs) and word in lex.past_forms:
        return Verb(m.start("nverb"), m.end("nverb"), word, PAST, "name", name, lex.third_of.get(word, ""))
    return None


def _noun(word: str, lex: Lexicon) -> bool:
    """Can the word be the head noun of a subject (not a function word, an adjective, an adverb
    or a verb form that is no noun)?"""
    if word in lex.function_words or word in lex.adverbs or word.endswith(("ly", "ing")) or word in MODALS:
        return False
    if word in lex.modifiers:
        return False
    return word in lex.noun_like or word not in lex.base_of


def _modifier_or_noun(word: str, lex: Lexicon) -> bool:
    """A word between the determiner and the noun: an adjective or a noun ("the old radio")."""
    if word in lex.function_words or word in lex.adverbs or word in MODALS or word == "to":
        return False
    return word in lex.modifiers or word in lex.noun_like or word not in lex.base_of


def _after_noun_phrase(m: re.Match[str], text: str, lex: Lexicon) -> Verb | None:
    """The verb of a particular thing ("the old radio crackles", "her hands shook"): a form that
    is only a verb, or one that may be a noun or adjective with an object after it."""
    noun, word, after = m.group("noun"), m.group("npverb"), m.group("npnext") or ""
    if not _noun(noun, lex) or m.group("filler") and not _modifier_or_noun(m.group("filler"), lex):
        return None
    third = noun in lex.third_forms and noun not in lex.noun_like
    if noun in lex.auxiliaries or noun in lex.past_forms or third:
        return None  # the word before is a verb itself: "the man walked slowly"
    if word in lex.auxiliaries or word in MODALS or word in lex.modifiers:
        return None
    start, end = m.start("npverb"), m.end("npverb")
    if word in lex.third_forms and word not in lex.base_forms and after in _AFTER_NOUN_PHRASE_VERB:
        return Verb(start, end, text[start:end], PRESENT, "np", "", lex.past_of.get(word, ""))
    followed = after in _AFTER_VERB or after in _AFTER_OBJECT or after in _CLAUSE_END
    if word in lex.past_forms and word in lex.name_verbs and followed:
        return Verb(start, end, text[start:end], PAST, "np", "", lex.third_of.get(word, ""))
    return None
