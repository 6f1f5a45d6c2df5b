"""Where a word H001's model doubts is right where it stands, for reasons a window of words cannot
see: the structure of a book (an index, a glossary), a word mentioned rather than used, and
constructions whose slot reads wrong from one side ("What would life be", "the hoarse and prolonged
crowing", "they weigh", "the reason they're friends is"). Each guard only removes findings; none
suggests a word. Found on edited books, whose findings were nearly all false (stop 37), and kept only
where it cost no true finding nor injected slip on tune text it was not made on (a verse guard and
"an" = "if" were dropped: verse books hold many injected slips it hid).
"""

from __future__ import annotations

import re

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.confusables import word_classes
from ficlint.resources import load_data


def right_where_it_stands(doc: AnalyzedDocument, token: int, written: str, intended: str) -> bool:
    """Is the written word (token `token`, the model's suggestion `intended`) right where it stands
    by one of the guards below?"""
    start = doc.tokens.start[token]
    return (_question_subject(doc, token, intended) or _mentioned(doc, token)
            or _reference_line(doc.text, start) or _adjective_in_use(doc, token, written, intended)
            or _own_accord(doc, token, written) or _clause_before_verb(doc, token, written)
            or _verb_of_subject(doc, token, written, intended)
            or _comparative_correlative(doc, token, written, intended))


def opens_sentence(doc: AnalyzedDocument, token: int) -> bool:
    """Is the token the first word of its sentence (after any opening quotes or marks)?"""
    tokens = doc.tokens
    first = tokens.sentence_first[tokens.sentence[token]]
    return all(not tokens.is_word[j] for j in range(first, token))


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
    opens = opens_sentence(doc, modal) or (
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
_NOUNS = frozenset({"NN", "NNS"})


def _adjective_in_use(doc: AnalyzedDocument, token: int, written: str, intended: str) -> bool:
    """Is the written word an adjective where only an adjective can stand, and the suggestion only
    a noun (or a base verb): after an -ly adverb ("a fan, elaborately gilt" -> not "guilt"), or
    coordinated with an adjective before their noun ("the hoarse and prolonged crowing" -> not "horse")?"""
    classes = word_classes()
    if not classes.get(written, frozenset()) & _ADJECTIVAL or classes.get(intended, frozenset()) & _MODIFYING:
        return False
    tokens = doc.tokens
    before = token - 1
    # after an adverb a verb may stand as well ("would only loose", "really fell that"): the suggestion
    # must be a noun alone
    if (before >= 0 and tokens.sentence[before] == tokens.sentence[token]
            and tokens.text[before].lower().endswith("ly") and _tag_of(doc, before) == "RB"
            and classes.get(intended, frozenset()) <= _NOUNS):
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
    if not classes.get(written, frozenset()) & _VERB_CLASSES or \
            classes.get(intended, frozenset()) & _VERB_CLASSES:
        return False
    before = token - 1
    tokens = doc.tokens
    if not (before >= 0 and tokens.sentence[before] == tokens.sentence[token]
            and tokens.text[before].lower() in _SUBJECT_PRONOUNS):
        return False
    # not in a question, where the verb came before its subject ("could they knot be filed" -> "not")
    slots = load_data("slots")
    verbs_first = {*slots["base_verb_after"], *slots["base_verb_after_subject"], *slots["do_forms"],
                   *slots["copulas"], *slots["perfect_auxiliaries"]}
    return before < 1 or tokens.sentence[before - 1] != tokens.sentence[token] \
        or tokens.text[before - 1].lower().replace("’", "'") not in verbs_first


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
            and _tag_of(doc, noun) == "NNS"
            and tokens.text[verb].lower().replace("’", "'") in _SINGULAR_VERBS)


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
_GLOSSARY_RUN = 2  # glossary lines among the two before and the two after a glossary line


def _reference_line(text: str, start: int) -> bool:
    """Is the word on a line of an index or a glossary (a run of at least two such lines: one
    alone may be a wrapped line of prose that ends on a year; of three for a glossary, as a story's
    paragraphs may open on two thoughts in emphasis, "*Idiot*, she thought")? Their lines are
    headwords and page numbers, not sentences a context model can read."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    kind = _reference_kind(text[line_start:line_end])
    if kind is None:
        return False
    alike = sum(_reference_kind(line) is kind for line in _lines_around(text, line_start, line_end))
    return alike >= (_GLOSSARY_RUN if kind is _GLOSSARY_LINE else 1)


def _lines_around(text: str, line_start: int, line_end: int) -> list[str]:
    """The two lines that are not blank after the line text[line_start:line_end] and the two before it."""
    after = _next_line(text, line_end)
    after_end = text.find(after, line_end) + len(after) if after else -1
    before = _line_before(text, line_start)
    before_start = text.rfind(before, 0, line_start) if before else -1
    return [after, _next_line(text, after_end) if after_end >= 0 else "",
            before, _line_before(text, before_start) if before_start > 0 else ""]


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
