"""Finite verbs of the narration, with their subjects, their clauses and their tense.

Read from the word classes (`doc.tags`, ficlint/analysis/tagger.py) and the verb
lexicon (ficlint/analysis/lexicon.py):

- **A finite verb** is a token the tagger calls VBD, VBZ or VBP, the verb part of
  a fused token ("she's", "doesn't", "that's", "Harry's" before a verb form), or a
  modal (MD: will, would, can, could …). A base form (VB) counts as a present-tense
  verb only after a subject that opens its clause ("Three weeks pass"), never
  after an object ("watched them leave and browse": bare infinitives), "to", a
  modal or "do". The lexicon has the last word on the form: "laughs" is present
  whatever the tagger says, and a word it has no verb form for (a name, "AM",
  "PM", a plural noun such as "bandages") is no verb.
- **The subject** is found by walking left over the words between (adverbs, "not")
  to a pronoun, "there", a relative pronoun (its antecedent is read too), or a
  noun phrase (determiner, adjectives, nouns, a possessive, and a prepositional
  phrase after the head: "the horse in the far paddock"; "Harry and Ron" is
  plural). A verb after "and" or in a series after a comma shares the subject of
  the finite verb before it ("he nods and takes the coat"). A verb before its
  subject ("was he", "Nor is it") is an inverted clause.
- **The clause** is "main", a relative clause ("which", "who", "that"), or the
  word that opens a subordinate one ("when", "as", "because", "if", "as if",
  "than" …); "complement" when the subject follows a verb directly ("she knew he
  is").

What counts as narration: the narration regions of prose paragraphs, less
emphasis of three words or more (italic or bold thoughts, signs, text messages;
a stressed word stays narration), indented blocks (letters, verse), chat lines
("**Dani:** on my way") and paragraphs that open as a marked flashback or
time-line note ("Flashback:", "Years ago…"). Each verb carries the form it takes
in the other tense, so a rule can offer it as a fix.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ficlint.analysis.lexicon import PAST, PRESENT, Lexicon, alternatives, lexicon, words
from ficlint.document import RegionKind, Span

if TYPE_CHECKING:
    from ficlint.analysis import AnalyzedDocument

# a text message or chat line: a speaker's name and a colon ("**Dani:** on my way", "Steve: u up?")
# or a play's speaker ("_Fal._ Ay, …", "HAMLET. To be …")
_CHAT_LINE = re.compile(r"[ \t]*[*_]{0,2}@?[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}[ \t]?:[*_]{0,2}[ \t]"
                        r"|[ \t]*[*_]{1,2}[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,2}\.[*_]{1,2}[ \t]"
                        r"|[ \t]*[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,2}\.[ \t]")
# an opening quotation mark inside narration: the document model could not close the speech it opens
_OPENING_QUOTE = {"double": re.compile(r"“|(?<![\w,.!?;:])\"(?=\w)"), "single": re.compile(r"‘(?=[A-Za-z])|“")}
_QUOTE_MARKS = ("“", '"', "‘")
_CLOSING_QUOTES = frozenset(['"', "”", "’", "'"])
_LOWERCASE_RUN = re.compile(r"[a-z]{3}")
_STRESS_WORDS = 2  # emphasis of at most this many words is a stressed word, not a thought or a sign

_NOUNS = frozenset(["NN", "NNS", "NNP", "NNPS"])
_PLURAL_NOUNS = frozenset(["NNS", "NNPS"])
_POSSESSIVES = frozenset(["NN+POS", "NNS+POS", "NNP+POS", "NNPS+POS", "POS"])
# what may stand inside a noun phrase between its determiner and its head
_NP_INSIDE = _NOUNS | _POSSESSIVES | frozenset(["JJ", "JJR", "JJS", "CD", "HYPH", "VBN", "VBG"])
_DETERMINERS = frozenset(["DT", "PRP$", "PDT", "WP$"])
_ADVERBS = frozenset(["RB", "RBR", "RBS"])
_CLAUSE_START = frozenset([",", ":", ";", "CC", "``", "''", "-LRB-", "-RRB-", "NFP", "."])
_VERB_TAGS = frozenset(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"])
# fused tokens: (the tag of the verb part, whether the subject is the token's first part)
_FUSED = {
    "PRP+VBZ": ("VBZ", True), "PRP+VBP": ("VBP", True), "PRP+VBD": ("VBD", True), "PRP+MD": ("MD", True),
    "DT+VBZ": ("VBZ", True), "EX+VBZ": ("VBZ", True), "WP+VBZ": ("VBZ", True), "WRB+VBZ": ("VBZ", True),
    "RB+VBZ": ("VBZ", True), "NN+VBZ": ("VBZ", True), "NNP+VBZ": ("VBZ", True), "DT+MD": ("MD", True),
    "VBZ+RB": ("VBZ", False), "VBD+RB": ("VBD", False), "VBP+RB": ("VBP", False), "MD+RB": ("MD", False),
}
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD", "VB", *_FUSED])
_NOMINATIVE = {"i": "first", "we": "plural", "they": "plural", "you": "plural", "he": "3sg", "she": "3sg",
               "it": "3sg"}
_DEMONSTRATIVES = {"this": "3sg", "that": "3sg", "these": "plural", "those": "plural", "all": "plural",
                   "both": "plural", "many": "plural", "few": "plural", "some": "plural", "none": "3sg",
                   "each": "3sg", "one": "3sg", "everyone": "3sg", "everything": "3sg", "nothing": "3sg",
                   "everybody": "3sg", "nobody": "3sg", "something": "3sg", "someone": "3sg", "anyone": "3sg",
                   "anything": "3sg", "somebody": "3sg", "here": "3sg", "what": "3sg", "who": "3sg"}
_RELATIVES = frozenset(["which", "who", "that", "whom", "whose"])
_INVERTING = frozenset(["nor", "neither", "so", "only", "never", "rarely", "seldom", "hardly", "scarcely",
                        "where", "how", "what", "why", "when", "who", "whom", "which"])
_PERSON_OF_VERB = {"VBZ": "3sg", "VBP": "plural"}
_PRONOUNS = frozenset([*_NOMINATIVE, "me", "him", "her", "us", "them", "myself", "himself", "herself", "itself",
                       "themselves", "ourselves", "yourself", "yourselves", "one", "'em"])
_PERFECT_AUXILIARIES = frozenset(["had", "has", "have", "having", "was", "were", "is", "are", "am", "be", "been",
                                  "being", "hadn't", "hasn't", "haven't", "get", "got", "gets"])
_OBJECT_OR_PARTICLE = frozenset(["DT", "PRP$", "PRP", "RP", "TO", "IN", "PDT"])


class Verb(NamedTuple):
    """A finite verb of the narration."""

    start: int  # the verb's own letters: "'s" of "she's", all of "doesn't"
    end: int
    word: str
    tense: str  # PAST or PRESENT
    kind: str  # "lexical", "be", "have", "do", "modal"
    subject: str  # the subject's head word, lowercased ("she", "harry", "radio", "which"); "" if unknown
    subject_kind: str  # "pronoun", "name", "noun", "relative", "there", "and", "inverted", "none"
    person: str  # "first", "3sg", "plural", or "" if unknown
    clause: str  # "main", "complement", or the word that opens the clause ("when", "which", "as if" …)
    fix: str  # the text for [start, end) in the other tense, "" when there is none
    paragraph: int
    sentence: int
    token: int  # index into doc.tokens
    determiner: str = ""  # a noun subject's determiner ("the", "a", "all", "" for none; "'s" possessive)
    aspect: str = ""  # "progressive" (is walking), "perfect" (has gone), "passive" (was taken), "habitual"
    # ("used to"), or ""
    partner: str = ""  # tense of the finite verb an "and" coordinates this one with, "" when none
    contracted: bool = False  # the verb part of a contraction ("'s", "'re", "'m", "'ve", "'ll")

    @property
    def auxiliary(self) -> bool:
        return self.kind in ("be", "have", "do")

    @property
    def character(self) -> bool:
        """The verb of a character: he, she, they, a name, or one coordinated with another verb."""
        return self.subject in ("he", "she", "they") or self.subject_kind in ("name", "and")

    @property
    def acting(self) -> bool:
        """A particular character's action, not a state or a description: a lexical verb after
        he, she, I or a name, or coordinated with one ("Karen smiles", "she walked")."""
        if self.kind != "lexical":
            return False
        return self.subject in ("he", "she", "i") or self.subject_kind == "name"

    @property
    def generic_subject(self) -> bool:
        """A subject that names a kind, not a particular thing: a plural or mass noun without a
        determiner ("Sailors are", "dark magic is"), "all / every / no / any X", "people", "one"."""
        if self.subject_kind == "noun":
            return self.determiner in _GENERIC_DETERMINERS or (
                self.determiner == "" and (self.person == "plural" or self.subject in _GENERIC_NOUNS))
        return self.subject in _GENERIC_PRONOUNS


_GENERIC_DETERMINERS = frozenset(["a", "an", "all", "every", "each", "any", "no", "most", "many", "few", "some",
                                  "such", "several"])
_GENERIC_NOUNS = frozenset(["people", "everyone", "everybody", "nobody", "man", "men", "women", "mankind",
                            "humanity", "nothing", "everything", "life", "love", "time", "nature"])
_GENERIC_PRONOUNS = frozenset(["one", "everyone", "everybody", "nobody", "people", "everything", "nothing",
                               "anyone", "anything", "all", "none", "those", "whoever", "whatever"])


class _Vocabulary:
    """The finder's words (rules/data/tense.yaml), as sets, loaded once per process."""

    def __init__(self) -> None:
        w = words()
        self.subordinators = frozenset(w["subordinators"])
        self.prepositions = frozenset(w["prepositions"])
        self.modals: dict[str, dict[str, str]] = w["modals"]
        self.flashback = re.compile(
            r"[\s*_#>\[(]*(?:" + alternatives(w["flashback_markers"]).replace(r"\ ", r"\s+") + r")\b", re.I
        )


@cache
def _vocabulary() -> _Vocabulary:
    return _Vocabulary()


def finite_verbs(doc: AnalyzedDocument) -> list[Verb]:
    """Every finite verb of the narration, in order."""
    spans = doc.memo(narration)
    if not spans:
        return []
    return _Finder(doc, spans).verbs()


class _Subject(NamedTuple):
    word: str
    kind: str
    person: str
    first: int  # index of the subject's first token (the verb's own for a fused token)
    determiner: str = ""


_NONE = _Subject("", "none", "", -1)


class _Finder:
    """One document's finite verbs, read token by token from the word classes."""

    def __init__(self, doc: AnalyzedDocument, spans: list[tuple[Span, int]]) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.vocabulary = _vocabulary()
        tokens = doc.tokens
        self.text = doc.text
        self.words = tokens.text
        self.low = doc.memo(lowercase_tokens)
        self.xpos = [t.xpos for t in doc.tags]
        self.starts = tokens.start
        self.ends = tokens.end
        self.sentence = tokens.sentence
        self.sentence_first = tokens.sentence_first
        self.spans = spans
        self._repair_verbs()

    def _repair_verbs(self) -> None:
        """Take back a base form the tagger reads as a noun after a plural subject that opens its
        clause ("Three weeks pass."), and the -s verbs it reads as plural nouns where nothing else fits: after
        he / she / it, and after a name, a noun or an "and" when an object, a particle, an adverb
        or a preposition follows ("Hermione digs her nails", "his tail thrashes steadily", "and
        pictures the scene"), never in a compound ("the cat toys") or after a determiner."""
        xpos, low, lex = self.xpos, self.low, self.lex
        sentence = self.sentence
        last = len(xpos) - 1
        for i in [i for i, tag in enumerate(xpos) if tag == "NN" and i and xpos[i - 1] == "NNS"]:
            # "Three weeks pass.": a base form after a plural subject that opens its clause
            after_tag = xpos[i + 1] if i < last and sentence[i + 1] == sentence[i] else "."
            if (low[i] in lex.base_forms and lex.past_by_base.get(low[i], low[i]) != low[i]
                    and (after_tag in _OBJECT_OR_PARTICLE or after_tag in (".", ","))
                    and sentence[i - 1] == sentence[i] and self._opens_clause(i - 1)):
                xpos[i] = "VBP"
        for i in [i for i, tag in enumerate(xpos) if tag == "NNS"]:
            word = low[i]
            if word not in lex.base_by_third or word in lex.base_forms or not i or sentence[i - 1] != sentence[i]:
                continue
            before, before_tag = low[i - 1], xpos[i - 1]
            after_tag = xpos[i + 1] if i < last and sentence[i + 1] == sentence[i] else "."
            after = after_tag in _OBJECT_OR_PARTICLE or after_tag == "RB" and low[i + 1].endswith("ly")
            if before_tag == "PRP" and (before in ("he", "she", "it") or self._name_as_pronoun(i - 1)):
                xpos[i] = "VBZ"
            elif before_tag in ("NNP", "NN") and (after or after_tag in (",", ".") and before_tag == "NNP"):
                if self._opens_clause(i - 1):
                    xpos[i] = "VBZ"
            elif before in ("and", "then") and after and (after_tag != "IN" or xpos[i - 2] not in _NOUNS):
                if any(xpos[k] in ("VBZ", "VBD", "VBP") for k in range(max(0, i - 10), i - 1)
                       if sentence[k] == sentence[i]):
                    xpos[i] = "VBZ"

    def _name_as_pronoun(self, j: int) -> bool:
        """A capitalised name the tagger calls a pronoun ("Hermione/PRP")."""
        return self.low[j] not in _PRONOUNS and self.words[j][:1].isupper()

    def _opens_clause(self, j: int) -> bool:
        """Does the noun phrase ending at token j open its clause (the sentence, or after a comma,
        a conjunction, a quotation mark or a subordinating word)?"""
        first, _ = self._phrase_start(j, self.sentence_first[self.sentence[j]])
        b = first - 1
        while b >= 0 and self.xpos[b] in _ADVERBS and self.sentence[b] == self.sentence[j]:
            b -= 1
        return (b < 0 or self.sentence[b] != self.sentence[j] or self.xpos[b] in _CLAUSE_START
                or self.low[b] in self.vocabulary.subordinators)

    def verbs(self) -> list[Verb]:
        found: list[Verb] = []
        starts = self.starts
        xpos = self.xpos
        for span, paragraph in self.spans:
            first = bisect.bisect_left(starts, span.start)
            last = bisect.bisect_left(starts, span.end)
            before = len(found)
            for i in range(first, last):
                if xpos[i] in _FINITE:
                    lo = max(first, self.sentence_first[self.sentence[i]])
                    verb = self._verb(i, lo, last, paragraph, found, before)
                    if verb is not None:
                        found.append(verb)
        return found

    # -- one verb -----------------------------------------------------------------------

    def _verb(self, i: int, lo: int, hi: int, paragraph: int, found: list[Verb], span_first: int) -> Verb | None:
        tag = self.xpos[i]
        fused = _FUSED.get(tag)
        word = self.low[i]
        if fused is not None and fused[1]:
            return self._contraction(i, fused[0], lo, hi, paragraph)
        verb_tag = fused[0] if fused else tag
        if verb_tag == "VB" and not self._finite_base(i, lo):
            return None
        subject = self._subject(i, lo, found, span_first)
        if subject.kind == "object":
            return None  # "watched them leave": a bare infinitive
        partner = ""
        if subject.kind == "and":
            if not self._coordinated_with_finite(i, lo) or self._coordinated_noun(i, hi):
                return None  # "to go away and come back", "curtains and candles, and pauses": not finite
            previous = self._previous_verb(i, found, span_first)
            if previous is None:
                if verb_tag == "VB":
                    return None
                subject = _Subject("", "and", "", i)
            else:
                partner = previous.tense
                subject = _Subject(previous.subject, "and", previous.person, i, previous.determiner)
        if subject.kind == "none":
            subject = self._inverted(i, hi) or subject
        form = self._form(word, verb_tag, subject)
        if form is None or form[0] == "lexical" and self._noun_after_all(i, hi, subject):
            return None
        kind, tense, fix = form
        start, end = self.starts[i], self.ends[i]
        if "’" in self.words[i]:
            fix = fix.replace("'", "’")
        clause = self._clause(subject, lo, found, span_first)
        return Verb(start, end, self.text[start:end], tense, kind, subject.word, subject.kind, subject.person,
                    clause, fix, paragraph, self.sentence[i], i, subject.determiner, self._aspect(i, hi, kind),
                    partner)

    def _contraction(self, i: int, verb_tag: str, lo: int, hi: int, paragraph: int) -> Verb | None:
        """ "she's", "that's", "I'm", "they've", "there's", "Harry's" (before a verb form), "I'll"."""
        raw = self.words[i]
        cut = max(raw.rfind("'"), raw.rfind("’"))
        if cut <= 0:
            return None
        host, suffix = self.low[i][:cut], self.low[i][cut + 1:]
        if verb_tag == "VBD" or suffix == "d":
            return None  # "she'd": had or would, a pluperfect or a conditional either way
        head = self.xpos[i].split("+")[0]
        kind_of_subject = ("there" if head == "EX" else "name" if head == "NNP" else
                           "relative" if head in ("WP", "WRB") else "pronoun")
        if head in ("NN", "NNP") and not self._before_verb_form(i, hi):
            return None  # "Harry's" is far more often a possessive
        person = _NOMINATIVE.get(host) or _DEMONSTRATIVES.get(host) or "3sg"
        after = self.low[i + 1] if i + 1 < hi else ""
        apostrophe = raw[cut]
        if suffix == "ll":
            kind, fix = "modal", "'d"
        elif suffix in ("s", "re", "m"):
            perfect = suffix in ("s", "re") and after in ("been", "got", "gotten", "had")
            if suffix == "s" and self.xpos[i + 1 if i + 1 < hi else i] == "VBN" and after != "been":
                perfect = after not in self.lex.modifiers  # "she's gone", not "she's tired"
            kind = "have" if perfect and suffix == "s" else "be"
            fix = "'d" if perfect else {"s": " was", "re": " were", "m": " was"}[suffix]
        elif suffix == "ve":
            kind, fix = "have", "'d"
        else:
            return None
        start, end = self.starts[i] + cut, self.ends[i]
        fix = fix.replace("'", apostrophe)
        clause = host if kind_of_subject == "relative" else self._opening(i, lo)
        tense = PRESENT
        return Verb(start, end, raw[cut:], tense, kind, host, kind_of_subject, person, clause, fix, paragraph,
                    self.sentence[i], i, "", self._aspect(i, hi, kind), "", True)

    # -- the subject ----------------------------------------------------------------------

    def _subject(self, i: int, lo: int, found: list[Verb], span_first: int) -> _Subject:
        low, xpos = self.low, self.xpos
        j = i - 1
        skipped = 0
        while j >= lo and (xpos[j] in _ADVERBS or low[j] == "not") and low[j] not in ("there", "here") and skipped < 3:
            j -= 1
            skipped += 1
        if j < lo:
            return _NONE
        tag, word = xpos[j], low[j]
        if word in _PERFECT_AUXILIARIES or word.endswith(("'d", "'ve")) or word.endswith("'s") and "+" in tag:
            return _Subject(word, "object", "", j)  # "he'd ever imagined", "had so regretted": a participle
        if tag == "PRP":
            if word in _NOMINATIVE:
                return _Subject(word, "pronoun", _NOMINATIVE[word], j)
            if self._name_as_pronoun(j):
                return _Subject(word, "name", "3sg", j)
            return _Subject(word, "object", "", j)
        if tag == "EX":
            return _Subject("there", "there", self._there_person(i), j)
        if tag in ("WDT", "WP") and word in _RELATIVES:
            return self._relative(j, lo)
        if tag in ("WP", "WDT") or word in _DEMONSTRATIVES and tag in ("DT", "NN", "RB", "WP"):
            return _Subject(word, "pronoun", _DEMONSTRATIVES.get(word, "3sg"), j)
        if tag in _NP_INSIDE:
            return self._noun_phrase(j, lo)
        if tag == "CC" and word in ("and", "or", "but", "nor", "then", "yet", "&"):
            return _Subject("", "and", "", j)
        if tag == "RB" and word == "then" and j - 1 >= lo and low[j - 1] == "and":
            return _Subject("", "and", "", j - 1)
        if tag == ",":
            return self._after_comma(i, j, lo, found, span_first)
        return _NONE

    def _noun_phrase(self, j: int, lo: int) -> _Subject:
        """The noun phrase ending at token j, walked leftwards; a prepositional phrase after its head
        ("the horse in the far paddock") and a coordination ("Harry and Ron") are read through."""
        low, xpos = self.low, self.xpos
        head = j
        while head >= lo and xpos[head] not in _NOUNS and xpos[head] not in _POSSESSIVES and xpos[head] != "CD":
            head -= 1
            if head < lo or xpos[head] not in _NP_INSIDE:
                break
        if head < lo or xpos[head] not in _NOUNS and xpos[head] != "CD":
            head = j
        first, determiner = self._phrase_start(j, lo)
        for _ in range(2):  # "the horse in the far paddock": the head is before the preposition
            p = first - 1
            if p - 1 >= lo and xpos[p] == "IN" and low[p] in self.vocabulary.prepositions and xpos[p - 1] in _NOUNS:
                head = p - 1
                first, determiner = self._phrase_start(p - 1, lo)
            else:
                break
        tag = xpos[head]
        person = "plural" if tag in _PLURAL_NOUNS else "3sg"
        if tag == "CD" or low[head] in ("people", "children", "men", "women", "police", "cattle"):
            person = "plural" if low[head] != "one" else "3sg"
        c = first - 1
        if c - 1 >= lo and low[c] in ("and", "&") and (xpos[c - 1] in _NOUNS or xpos[c - 1] == "PRP"):
            person = "plural"  # "Harry and Ron", "he and Hermione"
            first = c - 1
            while first - 1 >= lo and xpos[first - 1] in _NP_INSIDE | _DETERMINERS:
                first -= 1
        if tag in ("NNP", "NNPS") and determiner == "":
            return _Subject(low[head], "name", person, first)
        return _Subject(low[head], "noun", person, first, determiner)

    def _phrase_start(self, j: int, lo: int) -> tuple[int, str]:
        """Where the noun phrase ending at j starts, and its determiner ("'s" for a possessive)."""
        low, xpos = self.low, self.xpos
        k = j
        determiner = ""
        while k - 1 >= lo:
            tag = xpos[k - 1]
            if tag in _DETERMINERS:
                k -= 1
                determiner = low[k]
                break
            if tag in _POSSESSIVES:
                k -= 1
                determiner = "'s"
                continue
            if tag not in _NP_INSIDE:
                break
            k -= 1
        if not determiner and xpos[k] == "CD":
            determiner = low[k]  # "three weeks": a number makes it particular
        return k, determiner

    def _relative(self, j: int, lo: int) -> _Subject:
        """A relative pronoun as subject: its person and kind are its antecedent's."""
        word = self.low[j]
        a = j - 1
        if a >= lo and self.xpos[a] == ",":
            a -= 1
        if a >= lo and self.xpos[a] in _NOUNS:
            antecedent = self._noun_phrase(a, lo)
            return _Subject(word, "relative", antecedent.person, j, antecedent.determiner or antecedent.kind)
        if a >= lo and self.low[a] in _DEMONSTRATIVES:
            return _Subject(word, "relative", _DEMONSTRATIVES[self.low[a]], j, self.low[a])
        return _Subject(word, "relative", "", j)

    def _after_comma(self, i: int, j: int, lo: int, found: list[Verb], span_first: int) -> _Subject:
        """A verb after a comma: in a series ("she stood, turned, walks"), after a parenthetical
        relative clause ("the wind, which rattles the shutters, is cold"), or unknown."""
        low, xpos = self.low, self.xpos
        k = j - 1
        while k >= lo and xpos[k] != "," and j - k < 12:
            if low[k] in _RELATIVES and xpos[k] in ("WDT", "WP"):
                c = k - 1
                if c >= lo and xpos[c] == ",":
                    c -= 1
                if c >= lo and xpos[c] in _NP_INSIDE:
                    return self._noun_phrase(c, lo)
                break
            k -= 1
        previous = self._previous_verb(i, found, span_first)
        if previous is not None and previous.token >= j - 8 and self._coordinated_with_finite(i, lo):
            between = range(previous.token + 1, j)
            if not any(xpos[t] == "PRP" and low[t] in _NOMINATIVE or xpos[t] in ("IN", "WDT", "WP") for t in between):
                return _Subject(previous.subject, "and", previous.person, j, previous.determiner)
        return _NONE

    def _coordinated_with_finite(self, i: int, lo: int) -> bool:
        """Is the nearest verb before an "and" (or a comma in a series) a finite one ("she dried her
        eyes and laughs"), not an infinitive, a participle or a base after a modal ("to go away and
        come back", "talking of music, and pauses")?"""
        xpos = self.xpos
        for k in range(i - 1, max(lo, i - 25) - 1, -1):
            tag = xpos[k]
            if tag in _FUSED:
                return True
            if tag in _VERB_TAGS:
                return tag in ("VBD", "VBZ", "VBP")
        return False

    def _coordinated_noun(self, i: int, hi: int) -> bool:
        """A noun after "and" that the tagger took for a verb: a form that is also a noun, after a noun,
        and nothing after it that a verb would take ("with contempt and dislike in his face")."""
        before = i - 2 if self.xpos[i - 1] == "CC" else i - 1
        while before > 0 and self.xpos[before] == ",":
            before -= 1
        if self.xpos[before] not in _NOUNS or self.low[i] not in self.lex.noun_forms:
            return False
        after = self.xpos[i + 1] if i + 1 < hi else "."
        return after in (".", ",", ":", "IN", "CC")

    def _previous_verb(self, i: int, found: list[Verb], span_first: int) -> Verb | None:
        """The finite verb before token i in the same sentence and narration span."""
        if len(found) > span_first:
            previous = found[-1]
            if previous.sentence == self.sentence[i] and previous.token < i:
                return previous
        return None

    def _there_person(self, i: int) -> str:
        """ "there was a man" / "there were men": the number of the noun phrase after the verb."""
        for k in range(i + 1, min(i + 6, len(self.xpos))):
            if self.xpos[k] in _PLURAL_NOUNS:
                return "plural"
            if self.xpos[k] in ("NN", "NNP"):
                return "3sg"
        return "3sg"

    def _inverted(self, i: int, hi: int) -> _Subject | None:
        """ "Was he …", "Nor is it", "How was she to know": an auxiliary before its subject; "…,"
        said Remus: a speech tag after a quotation."""
        if i + 1 >= hi:
            return None
        if self.xpos[i] == "VBD" and self._after_quotation(i) and self.xpos[i + 1] in ("NNP", "PRP", "DT"):
            after = self.low[i + 1]
            if self.xpos[i + 1] == "DT":
                noun = next((k for k in range(i + 2, min(hi, i + 5)) if self.xpos[k] in _NOUNS), None)
                return _Subject(self.low[noun], "inverted", "3sg", i + 1) if noun is not None else None
            return _Subject(after, "inverted", _NOMINATIVE.get(after, "3sg"), i + 1)
        if self.xpos[i] not in ("VBD", "VBZ", "VBP", "MD", "VBD+RB", "VBZ+RB", "VBP+RB", "MD+RB"):
            return None
        word = self.low[i].removesuffix("n't")
        if word not in self.lex.auxiliaries and word not in self.vocabulary.modals and word not in ("ca", "wo"):
            return None
        after, tag = self.low[i + 1], self.xpos[i + 1]
        if tag == "PRP" and after in _NOMINATIVE:
            return _Subject(after, "inverted", _NOMINATIVE[after], i + 1)
        if tag == "EX":
            return _Subject("there", "inverted", self._there_person(i), i + 1)
        if tag in ("DT",) and after in _DEMONSTRATIVES:
            return _Subject(after, "inverted", _DEMONSTRATIVES[after], i + 1)
        if tag == "NNP":
            return _Subject(after, "inverted", "3sg", i + 1)
        return None

    # -- the clause ---------------------------------------------------------------------

    def _clause(self, subject: _Subject, lo: int, found: list[Verb], span_first: int) -> str:
        if subject.kind == "relative":
            return subject.word
        if subject.kind == "inverted":
            return "main"
        if subject.kind == "and":
            previous = found[-1] if len(found) > span_first else None
            return previous.clause if previous is not None and previous.subject == subject.word else "main"
        if subject.first < 0:
            return "main"
        return self._opening(subject.first, lo)

    def _opening(self, first: int, lo: int) -> str:
        """What opens the clause whose subject starts at token `first`."""
        b = first - 1
        while b >= lo and self.xpos[b] in _ADVERBS and self.low[b] not in self.vocabulary.subordinators:
            b -= 1
        if b < lo:
            return "main"
        word, tag = self.low[b], self.xpos[b]
        if word in self.vocabulary.subordinators or tag in ("WRB", "WDT", "WP"):
            if word in ("if", "though") and b - 1 >= lo and self.low[b - 1] in ("as", "even"):
                return f"{self.low[b - 1]} {word}"
            return word
        if tag in _VERB_TAGS and tag != "MD":
            return "complement"
        return "main"

    # -- the form --------------------------------------------------------------------------

    def _finite_base(self, i: int, lo: int) -> bool:
        """A base form (VB) that is a present-tense verb: after a plural or first-person subject
        that opens its clause ("Three weeks pass", "they walk"), not an imperative, an infinitive
        or a bare infinitive after an object ("made them leave")."""
        word = self.low[i]
        if word not in self.lex.base_forms or self.lex.past_by_base.get(word, word) == word:
            return False
        j = i - 1
        while j >= lo and self.xpos[j] in _ADVERBS and self.low[j] not in ("there", "here"):
            j -= 1
        if j < lo:
            return False
        tag, w = self.xpos[j], self.low[j]
        if tag == "PRP":
            return w in ("i", "we", "they", "you") and self._opening(j, lo) != "complement"
        if tag in _PLURAL_NOUNS or tag == "NNP" and j - 2 >= lo and self.low[j - 1] == "and" and (
                self.xpos[j - 2] == "NNP"):
            return self._opens_clause(j - 2 if tag == "NNP" else j)
        return False

    def _noun_after_all(self, i: int, hi: int, subject: _Subject) -> bool:
        """A word the tagger took for a verb that reads as a noun: capitalised inside a sentence
        ("Amos Banks"), or a form that is also a noun after a noun and before "of" ("the stock
        pictures of Uncle Sam")."""
        raw = self.words[i]
        if raw[:1].isupper() and not raw.isupper() and i != self.sentence_first[self.sentence[i]]:
            return not self._after_quotation(i)
        if i + 1 < hi and self.low[i + 1] == "of" and subject.kind == "noun" and self.xpos[i - 1] == "NN":
            return self.low[i] in self.lex.noun_forms
        return False

    def _after_quotation(self, i: int) -> bool:
        """Does token i follow a closing quotation mark ('"Hi," said Remus')?"""
        return i > 0 and self.low[i - 1] in _CLOSING_QUOTES

    def _before_verb_form(self, i: int, hi: int) -> bool:
        """Is the token after a name's "'s" a participle, an -ing form or an adverb ("Harry's gone")?"""
        return i + 1 < hi and self.xpos[i + 1] in ("VBN", "VBG", "RB") and self.low[i + 1] != "own"

    def _form(self, word: str, tag: str, subject: _Subject) -> tuple[str, str, str] | None:
        """(kind, tense, the form in the other tense) of a finite verb, or None if it is no verb."""
        lex = self.lex
        if tag == "MD" or word in self.vocabulary.modals:
            modal = self.vocabulary.modals.get(word)
            return ("modal", modal["tense"], modal["other"]) if modal else None
        auxiliary = lex.auxiliaries.get(word)
        if auxiliary is not None:
            if word in ("were", "weren't") and subject.person in ("3sg", "first"):
                return None  # "if he were", "as though I were": a subjunctive
            tense, fix = lex.auxiliary_form(word, subject.person)
            kind = "be" if word[:2] in ("wa", "we", "is", "ar", "am") else "have" if word[:2] in ("ha",) else "do"
            return kind, tense, fix
        return lex.lexical_form(word, tag, subject.person)

    def _aspect(self, i: int, hi: int, kind: str) -> str:
        if kind == "lexical" and self.low[i] == "used" and i + 1 < hi and self.low[i + 1] == "to":
            return "habitual"  # "used to": a past habit, a present-tense story's backstory
        if kind not in ("be", "have"):
            return ""
        k = i + 1
        while k < hi and (self.xpos[k] in _ADVERBS or self.low[k] == "not"):
            k += 1
        if k >= hi:
            return ""
        tag = self.xpos[k]
        if kind == "be":
            return "progressive" if tag == "VBG" else "passive" if tag == "VBN" else ""
        return "perfect" if tag == "VBN" or self.low[k] == "been" else ""


def lowercase_tokens(doc: AnalyzedDocument) -> list[str]:
    """Every token in lowercase with straight apostrophes (through `doc.memo`: worked out once)."""
    return "\n".join(doc.tokens.text).lower().replace("’", "'").split("\n")


def narration(doc: AnalyzedDocument) -> list[tuple[Span, int]]:
    """`narration_spans`, worked out once per document (through `doc.memo`)."""
    return list(narration_spans(doc))


def narration_spans(doc: AnalyzedDocument) -> Iterator[tuple[Span, int]]:
    """Narration with emphasis, indented blocks, marked flashbacks, captions and lines in capitals
    cut out, each with its paragraph; a narration region stops at an opening quotation mark the
    document model left in it (speech it could not close)."""
    text = doc.text
    emphasis = [e for e in doc.emphasis if len(text[e.start:e.end].split()) > _STRESS_WORDS]
    emphasis_starts = [s.start for s in emphasis]
    paragraphs = doc.paragraphs
    flashback = _vocabulary().flashback
    opening_quote = _OPENING_QUOTE[doc.quote_style]
    skipped: dict[int, bool] = {}
    for region in doc.regions_of(RegionKind.NARRATION):
        index = region.paragraph
        if index not in skipped:
            para = paragraphs[index]
            skipped[index] = (para.indented or bool(flashback.match(text, para.start, para.end))
                              or bool(_CHAT_LINE.match(text, para.start)) or _not_prose(text, para.start, para.end))
        if skipped[index]:
            continue
        end = region.end
        if any(text.find(mark, region.start, end) >= 0 for mark in _QUOTE_MARKS):
            stray = opening_quote.search(text, region.start, end)
            end = stray.start() if stray else end
        pos = region.start
        i = max(0, bisect.bisect_right(emphasis_starts, region.start) - 1)
        for em in emphasis[i:]:
            if em.start >= end:
                break
            if em.end <= pos:
                continue
            if em.start > pos:
                yield Span(pos, em.start), index
            pos = em.end
        if pos < end:
            yield Span(pos, end), index


def _not_prose(text: str, start: int, end: int) -> bool:
    """A caption or editor's note in brackets ("[Illustration: …]") or a line in capitals (a chapter's
    argument, a sign): no narration."""
    block = text[start:end].strip(" \t\n*_#>")
    if block[:1] in "[{" and block[-1:] in "]}":
        return True
    return _LOWERCASE_RUN.search(block) is None


def person_of(verb_tag: str) -> str:
    return _PERSON_OF_VERB.get(verb_tag, "")


__all__ = ["Verb", "finite_verbs", "narration", "narration_spans", "lowercase_tokens", "Lexicon"]
