"""Finite verbs of any subject: the ones the clause finder leaves out, read from word classes.

The analysis layer's clause finder (ficlint/analysis/clauses.py) finds the verbs
after pronouns, after names it knows act, and after a few noun phrases; the
scenes' tenses are counted from those. A drift or a slip is as often the verb of
a thing ("The blade catches the light", "the rain gets heavier", "His mouth
opened"), of a name at a sentence's start ("Nadia shrugs") or of a relative
clause ("the lamp that hangs above them"). The tagger (`doc.tags`, worked out
for every default run) marks those verbs VBZ / VBD; this module keeps the ones
whose subject is a particular one:

- "np": a noun phrase opened by a definite word ("the", "his", "Harry's") or a
  prepositional phrase hung on one ("the horse in the far paddock tosses");
- "name": a capitalised name alone ("Nadia shrugs", "Harry puffed up");
- "rel": "that / which / who" right before the verb, after a noun.

A plural noun without a determiner ("Sailors fear the sea"), "a / every / no"
phrases and anything the tagger reads as a noun stay out: those are how
generic statements are made. These verbs take part in the tense rules' judging
only; the scenes' tenses stay those of the analysis layer.
"""

from __future__ import annotations

import bisect
from collections import Counter
from itertools import compress

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import Verb, narration_spans
from ficlint.analysis.lexicon import MODALS, PAST, PRESENT, Lexicon, lexicon

NAME_ACTS = 3  # a name is a character's when the story has it act this often
_NOUNS = frozenset(["NN", "NNS", "NNP", "NNPS"])
_INSIDE_PHRASE = frozenset(
    ["NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "VBG", "VBN", "POS", "HYPH"]
)
_DEFINITE = frozenset(["the", "his", "her", "their", "its", "my", "our", "this", "these", "those", "that"])
_RELATIVE = frozenset(["that", "which", "who"])
_PERSONS = frozenset(["he", "she", "they"])  # subjects of a relative clause's pronoun, with "it"
_ADVERBS = frozenset(["RB", "RBR"])
_FINITE = frozenset(["VBZ", "VBD"])
_BOUNDARY = frozenset([".", ",", ":", "``", "''", "-LRB-", "-RRB-", "CC", "NFP"])  # a clause may start after
# a subordinate clause's subject follows its conjunction ("when the silence stretches", "while Snape laughs");
# not "if" (a condition's present is no slip), "that" (reported words), nor the ones that are as often
# prepositions: since / after / before / until ("since the start of the summer holidays a few weeks back")
_SUBORDINATORS = frozenset(["when", "whenever", "while", "whilst", "as", "because", "though", "although"])


def tagged_verbs(doc: AnalyzedDocument) -> list[Verb]:
    """The finite verbs of the narration with a particular noun-phrase, name or relative subject
    that `doc.finite_verbs` does not have, in text order."""
    known = {v.start for v in doc.finite_verbs}
    return [v for v in doc.memo(particular_subjects) if v.start not in known]


def particular_subjects(doc: AnalyzedDocument) -> list[Verb]:
    """Every finite verb of the narration the tagger sees after a particular noun phrase, name or
    relative pronoun, whether the clause finder has it too or not."""
    acting = doc.memo(names_acting)
    lex = lexicon()
    found: list[Verb] = []
    for i, xpos, paragraph in doc.memo(_candidates):
        if xpos in ("VBZ", "VBD"):
            verb = _verb(doc, lex, i, xpos)
            if verb is not None and (verb.kind != "name" or acting[verb.subject] >= NAME_ACTS):
                found.append(Verb(*verb[:-1], paragraph))
    return found


def _candidates(doc: AnalyzedDocument) -> list[tuple[int, str, int]]:
    """(token, word class, paragraph) of every token of the narration the tagger reads as a finite
    lexical verb (VBZ, VBD) or a modal."""
    tags, tokens = doc.tags, doc.tokens
    spans = [(span.start, span.end, paragraph) for span, paragraph in narration_spans(doc)]
    span_starts = [s[0] for s in spans]
    found = []
    for i in doc.memo(_verb_tokens):
        start = tokens.start[i]
        s = bisect.bisect_right(span_starts, start) - 1
        if s >= 0 and tokens.end[i] <= spans[s][1]:
            found.append((i, tags[i].xpos, spans[s][2]))
    return found


def _verb_tokens(doc: AnalyzedDocument) -> list[int]:
    """Every token the tagger reads as a finite lexical verb (VBZ, VBD) or a modal."""
    tags = doc.tags
    # judged once per distinct tag (a novel has ~100), then picked at C speed
    wanted = {tag for tag in set(tags) if tag.xpos in _FINITE or "MD" in tag.xpos}
    return list(compress(range(len(tags)), map(wanted.__contains__, tags)))


def names_acting(doc: AnalyzedDocument) -> Counter[str]:
    """How often each capitalised word is a verb's subject in the story ("Harry flushed", "Harry
    says"): a character's name acts often; a place's or a notion's ("London", "Love") seldom."""
    tokens, tags = doc.tokens, doc.tags
    acting: Counter[str] = Counter()
    for i in doc.memo(_verb_tokens):
        if i and tags[i].xpos in ("VBD", "VBZ"):
            j = i - 1 if tags[i - 1].xpos not in _ADVERBS else i - 2
            if j >= 0 and tags[j].xpos == "NNP" and tokens.sentence[j] == tokens.sentence[i]:
                acting[tokens.text[j]] += 1
    return acting


def _verb(doc: AnalyzedDocument, lex: Lexicon, i: int, xpos: str) -> Verb | None:
    tokens = doc.tokens
    word = tokens.text[i].lower()
    if word in lex.auxiliaries or word in MODALS or "'" in word or "’" in word:
        return None
    subject = _subject(doc, i)
    if subject is None:
        return None
    kind, head, plural = subject
    if xpos == "VBD":
        if word not in lex.past_forms:
            return None
        fix = lex.base_of.get(word, "") if plural else lex.third_of.get(word, "")
        tense = PAST
    else:
        if plural or word not in lex.third_forms or word in lex.base_forms:
            return None
        if word in lex.noun_like and not _object_after(doc, i):
            return None  # "the chiffon ruffles of her parasol", "Linden leaves fluttered"
        fix, tense = lex.past_of.get(word, ""), PRESENT
    if not fix or fix == word:
        return None
    start, end = tokens.start[i], tokens.end[i]
    # a noun phrase's head stands for its subject, so two things in the present are two subjects
    subject_word = head if kind == "name" else "who" if kind == "rel" else head.lower()
    return Verb(start, end, doc.text[start:end], tense, kind, subject_word, fix)


def _object_after(doc: AnalyzedDocument, i: int, strict: bool = False) -> bool:
    """Is the word after an -s form that may be a plural noun its object or particle ("the horse
    tosses its head", "the door swings open"), a comparison or the sentence's end? `strict`: a
    determiner, a possessive or a personal object only ("gripped her hand")."""
    tokens, tags = doc.tokens, doc.tags
    after = i + 1
    if after >= len(tokens) or tokens.sentence[after] != tokens.sentence[i]:
        return False
    if strict:
        return tags[after].xpos in ("DT", "PRP$") or tokens.text[after].lower() in ("him", "her", "them")
    if tokens.text[after] in (".", "!", "?") or tokens.text[after].lower() in ("like", "as"):
        return True  # "The door moves.", "the whole city smells like rain": a plural noun seldom ends "The X"
    return tags[after].xpos in ("DT", "PRP", "PRP$", "RP") and tokens.text[after].lower() != "all"


def _subject(doc: AnalyzedDocument, i: int) -> tuple[str, str, bool] | None:
    """(kind, head word, plural) of the particular subject right before token i, or None."""
    tokens, tags = doc.tokens, doc.tags
    sentence = tokens.sentence[i]
    j = i - 1
    while j >= 0 and tags[j].xpos in _ADVERBS and tokens.sentence[j] == sentence and i - j <= 2:
        j -= 1
    if j < 0 or tokens.sentence[j] != sentence:
        return None
    if tokens.text[j].lower() in _RELATIVE and tags[j].xpos in ("WDT", "WP", "IN"):
        before = j - 1
        if before >= 0 and tokens.sentence[before] == sentence and tags[before].xpos in _NOUNS | {","}:
            return "rel", tokens.text[j].lower(), False
        return None
    if tags[j].xpos not in _NOUNS:
        return None
    head = j
    plural = tags[head].xpos in ("NNS", "NNPS")
    return _noun_phrase(doc, head, sentence, plural)


def _noun_phrase(doc: AnalyzedDocument, head: int, sentence: int, plural: bool,
                 depth: int = 0) -> tuple[str, str, bool] | None:
    """Read the noun phrase back from its head: a definite one, a name alone, or one hung by a
    preposition on a definite one ("the horse in the far paddock")."""
    tokens, tags = doc.tokens, doc.tags
    k = head
    while k - 1 >= 0 and tokens.sentence[k - 1] == sentence and tags[k - 1].xpos in _INSIDE_PHRASE:
        k -= 1
    first = k  # the phrase's first word after any determiner
    before = k - 1
    opener = tokens.text[before].lower() if before >= 0 and tokens.sentence[before] == sentence else ""
    opener_tag = tags[before].xpos if opener else "."
    if opener in _DEFINITE and opener_tag in ("DT", "PRP$", "WDT", "IN"):
        if _is_subordinator(doc, before - 1, sentence) and tokens.text[head].lower().endswith("ing"):
            return None  # "When the going gets tough": an -ing thing after when/while is a saying's
        if _clause_starts(doc, before - 1, sentence):
            return "np", tokens.text[head], plural
        if depth == 0 and _hung_on_phrase(doc, before - 1, sentence):
            return "np", tokens.text[head], plural
        return None
    if opener_tag.endswith("+POS") and opener_tag.startswith("NNP"):
        return ("np", tokens.text[head], plural) if _clause_starts(doc, before - 1, sentence) else None
    not_a_subject = ("DT", "PRP$", "CD", "PRP", "IN", "TO", "EX", "WDT", "WP")
    if opener_tag in not_a_subject or opener_tag.startswith(("VB", "MD")):
        return None  # "a man", "every girl", "no one", an object ("watched him leave"), a preposition's noun
    if not _clause_starts(doc, before, sentence):
        return None
    if head == first and tags[head].xpos == "NNP":
        return "name", tokens.text[head], False
    if 0 < head - first <= 2 and all(tags[x].xpos == "NNP" for x in range(first, head + 1)):
        # "Draco Malfoy comes in", "Professor Dumbledore stands": the name the story has act most
        acting = doc.memo(names_acting)
        words = [tokens.text[x] for x in range(head, first - 1, -1)]
        return "name", max(words, key=lambda w: acting[w]), False
    if any(tags[x].xpos == "POS" for x in range(first, head)) and tags[first].xpos in ("NNP", "NNPS"):
        return "np", tokens.text[head], plural  # "Harry's face", "Jana's breathing"
    return None


def _is_subordinator(doc: AnalyzedDocument, at: int, sentence: int) -> bool:
    """Is token `at` a subordinating conjunction of the sentence ("when", "while")?"""
    tokens, tags = doc.tokens, doc.tags
    return (at >= 0 and tokens.sentence[at] == sentence and tags[at].xpos in ("IN", "WRB")
            and tokens.text[at].lower() in _SUBORDINATORS)


def _clause_starts(doc: AnalyzedDocument, at: int, sentence: int) -> bool:
    """Does a clause start right after token `at` (the sentence's start, a comma, a conjunction)?"""
    tokens, tags = doc.tokens, doc.tags
    if at < 0 or tokens.sentence[at] != sentence:
        return True
    if _is_subordinator(doc, at, sentence):
        return True
    return tags[at].xpos in _BOUNDARY or tokens.text[at] in ("--", "—", "–", ";")


def _hung_on_phrase(doc: AnalyzedDocument, at: int, sentence: int) -> bool:
    """Is token `at` a preposition after a definite noun phrase that opens a clause ("the horse in
    [the far paddock]")?"""
    tokens, tags = doc.tokens, doc.tags
    if at < 1 or tokens.sentence[at] != sentence or tags[at].xpos != "IN":
        return False
    if tokens.text[at].lower() not in ("in", "on", "at", "of", "by", "near", "beside", "across", "behind"):
        return False
    noun = at - 1
    if tokens.sentence[noun] != sentence or tags[noun].xpos not in _NOUNS:
        return False
    return _noun_phrase(doc, noun, sentence, False, depth=1) is not None


def absolute(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is a noun phrase's past form a participle of an absolute phrase ("with her arms folded",
    "Face red, his hood flung back"): the phrase hangs on "with" or a comma, not a clause's verb?"""
    lex = lexicon()
    if verb.kind not in ("np", "loose") or verb.tense != PAST or verb.word.lower() not in lex.participles:
        return False
    tokens, tags = doc.tokens, doc.tags
    i = bisect.bisect_left(tokens.start, verb.start)
    if i >= len(tokens) or tokens.start[i] != verb.start:
        return False
    sentence = tokens.sentence[i]
    k = i - 1
    while k >= 0 and tokens.sentence[k] == sentence and (
        tags[k].xpos in _INSIDE_PHRASE or tags[k].xpos in ("DT", "PRP$")
    ):
        k -= 1
    if k < 0 or tokens.sentence[k] != sentence or k == i - 1:
        return False  # an absolute phrase has a noun before its participle
    same_sentence = i + 1 < len(tokens) and tokens.sentence[i + 1] == sentence
    following = tokens.text[i + 1].lower() if same_sentence else ""
    if following in _OBJECT_OPENERS:
        return False  # an object after it: an active verb ("When I get up, my mother kissed my forehead")
    if tokens.text[k].lower() == "and" and k > 0 and tokens.text[k - 1].lower() in lex.participles:
        return True  # "with his arms folded and his head tilted"
    return tokens.text[k].lower() in (",", "with", "without", "—", "--", "–")


# what opens an object: an absolute phrase's participle is passive and takes none ("his hood flung back")
_OBJECT_OPENERS = frozenset(
    ["the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "him", "them", "me", "us"])


# "may" and "shall" in a drifted paragraph are mostly the narrator's concession or promise
_MODAL_PAST = {
    "will": "would", "can": "could", "won't": "wouldn't", "can't": "couldn't", "cannot": "could not"
}


def loose_verbs(doc: AnalyzedDocument) -> list[Verb]:
    """Every other finite verb of the narration the tagger sees after "and", "but", "then" or a
    comma ("leans them in close, holds her hands"), and the present modals ("will", "can",
    "she'll"): the verbs of a paragraph that drifted into the present, flagged with it, never on
    their own. "could" and "would" in a present-tense story are mostly conditionals, not slips."""
    tokens = doc.tokens
    known = {v.start for v in doc.finite_verbs} | {v.start for v in doc.memo(tagged_verbs)}
    lex = lexicon()
    found: list[Verb] = []
    for i, xpos, paragraph in doc.memo(_candidates):
        if tokens.start[i] not in known:
            verb = _loose(doc, lex, i, xpos)
            if verb is not None:
                found.append(Verb(*verb[:-1], paragraph))
    return found


def _coordinated(doc: AnalyzedDocument, i: int) -> bool:
    """Does the verb follow "and", "but", "then" or a comma, adverbs skipped ("leans in close, holds
    her hands")? A subjectless past form after a noun is a participle ("his back turned", "eyes
    dark rimmed"), one after a preposition a noun ("the stone walls")."""
    tokens, tags = doc.tokens, doc.tags
    j = i - 1
    lex = lexicon()
    while j >= 0 and tags[j].xpos in _ADVERBS and tokens.text[j].lower() != "then" and (
        tokens.text[j].lower() in lex.adverbs or tokens.text[j].endswith("ly")
    ):
        j -= 1  # "quickly", "just"; not "back" ("his back turned to his son")
    if j < 0 or tokens.sentence[j] != tokens.sentence[i]:
        return False
    return tokens.text[j] == "," or tokens.text[j].lower() in ("and", "but", "then", "or")


def _loose(doc: AnalyzedDocument, lex: Lexicon, i: int, xpos: str) -> Verb | None:
    tokens = doc.tokens
    raw = tokens.text[i]
    word = raw.lower().replace("’", "'")
    start, end = tokens.start[i], tokens.end[i]
    if "MD" in xpos:
        if word.endswith("'ll") and xpos.endswith("+MD"):
            return Verb(end - 3, end, raw[-3:], PRESENT, "modal", "", raw[-3] + "d")
        apostrophe = "’" if "’" in raw else "'"
        if word in _MODAL_PAST:
            return Verb(start, end, raw, PRESENT, "modal", "", _MODAL_PAST[word].replace("'", apostrophe))
        return None
    if word in lex.auxiliaries or "'" in word:
        return None
    if not _coordinated(doc, i) and not (xpos == "VBD" and _object_after(doc, i, strict=True)):
        return None  # a past form with its object is finite: "the expression on his face gained a"
    if xpos == "VBD":
        fix = lex.third_of.get(word, "") if word in lex.past_forms else ""
        return Verb(start, end, raw, PAST, "loose", "", fix) if fix and fix != word else None
    if word not in lex.third_forms or word in lex.base_forms:
        return None
    if word in lex.noun_like and not _object_after(doc, i):
        return None
    fix = lex.past_of.get(word, "")
    return Verb(start, end, raw, PRESENT, "loose", "", fix) if fix and fix != word else None


def token_at(doc: AnalyzedDocument, start: int) -> int | None:
    """The index of the token that starts at `start`, if one does."""
    starts = doc.tokens.start
    i = bisect.bisect_left(starts, start)
    return i if i < len(starts) and starts[i] == start else None


def tag_before_subject(doc: AnalyzedDocument, verb: Verb) -> tuple[str, str]:
    """The word class and word before the verb's subject pronoun, adverbs skipped ("what he
    usually says": WP, "what"), or ("", "") when the verb's token or the pronoun is not at hand."""
    i = token_at(doc, verb.start)
    if i is None:
        return "", ""
    tags, tokens = doc.tags, doc.tokens
    j = i - 1
    while j >= 0 and tags[j].xpos == "RB" and tokens.sentence[j] == tokens.sentence[i]:
        j -= 1
    if j < 1 or tags[j].xpos != "PRP" or tokens.sentence[j - 1] != tokens.sentence[i]:
        return "", ""
    return tags[j - 1].xpos, tokens.text[j - 1].lower()


def in_relative_clause(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the verb's pronoun subject the first word of a relative or "what" clause ("the talents
    they possess", "upon which he stands", "what he says")? In past narration such a clause is
    mostly the narrator's general remark, in the present; in present narration it tells of an
    earlier event, in the past ("the pen he left inside"). A slip stands in a clause of its own."""
    if verb.subject not in _PERSONS and verb.subject != "it":
        return False
    tag, word = tag_before_subject(doc, verb)
    return tag in ("NN", "NNS", "WP", "WDT") or word in ("what", "which", "whom", "whatever")


def in_name_relative_clause(doc: AnalyzedDocument, verb: Verb) -> bool:
    """Is the verb's subject a name that opens a relative clause right after its noun ("the pastries
    Jacob made", "the phoenixes Newt showed him")? Like a pronoun's (in_relative_clause), in present
    narration such a clause tells of an earlier event."""
    if verb.kind != "name":
        return False
    i = token_at(doc, verb.start)
    if i is None:
        return False
    tags, tokens = doc.tags, doc.tokens
    j = i - 1
    while j >= 0 and tags[j].xpos == "RB" and tokens.sentence[j] == tokens.sentence[i]:
        j -= 1
    if j < 1 or tags[j].xpos != "NNP" or tokens.sentence[j - 1] != tokens.sentence[i]:
        return False
    return tags[j - 1].xpos in ("NN", "NNS")
