"""G004 subject-verb-agreement: a verb that does not agree with its clear subject, in narration
("the medicine weren't working", "he don't care", "Lily, who help her mother")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, in_period_style
from ficlint.rules.grammar._frames import (
    SceneTenses,
    lowercase_word,
    replacement,
    scene_tenses,
    skip_adverbs,
    verb_tag,
    word_finding,
    word_set,
)
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G004",
    name="subject-verb-agreement",
    category="grammar",
    summary="A verb that does not agree with its clear subject, in narration (\"the medicine weren't "
    'working", "he don\'t care").',
    why=(
        'A singular subject takes a singular verb ("the medicine wasn\'t", "he doesn\'t", "Lily, who helps") '
        'and a plural one a plural verb ("they were", "the boys have"). ficlint looks only at subjects it '
        "can be sure of, a pronoun, a name or a noun with its determiner, right before the verb, and only "
        'in narration: in dialogue "he don\'t" and "we was" are a character\'s voice. It leaves alone the '
        'subjunctive ("if it were", "insisted that he go"), collective nouns that British English treats as '
        'plural ("the team were"), and nouns that are the same in both numbers ("the sheep were").'
    ),
    examples=examples(
        ("The medicine weren't working anymore.", "The medicine wasn't working anymore."),
        ("He don't care about anything but Quidditch.", "He doesn't care about anything but Quidditch."),
        ("They was late again, and nobody minded.", "They were late again, and nobody minded."),
        (
            "It's not Lily who help their mother with the dishes.",
            "It's not Lily who helps their mother with the dishes.",
        ),
        ("The boys was shouting in the corridor.", "The boys were shouting in the corridor."),
        ("She holds the cup in her palms like Lily do.", "She holds the cup in her palms like Lily does."),
        ("Mr and Mrs Evans smiles at the neighbours.", "Mr and Mrs Evans smile at the neighbours."),
    ),
    allows=(
        '"He don\'t know nothing," Hagrid said.',
        '"We was robbed!" shouted Ron.',
        "If it were up to him, they would leave.",
        "She insisted that he go home.",
        "He made it a rule, should he choose to leave, that he never have to beg.",
        "The team were celebrating in the common room.",
        "Although the garrison were now on short rations, they held.",
        "The sheep were grazing on the hill.",
        "Did he know? Does she care?",
        "She made it happen.",
        "Let Harry do it.",
        "Fred and George's mother smiles at them.",
    ),
    fix_safety="Safe: the same verb in the form its subject takes.",
)

_SINGULAR_FOR = {
    "were": "was",
    "weren't": "wasn't",
    "are": "is",
    "aren't": "isn't",
    "have": "has",
    "haven't": "hasn't",
    "do": "does",
    "don't": "doesn't",
}
_PLURAL_FOR = {
    "was": "were",
    "wasn't": "weren't",
    "is": "are",
    "isn't": "aren't",
    "has": "have",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
}
_FIRST_FOR = {
    "is": "am",
    "are": "am",
    "has": "have",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
    "were": "was",
    "weren't": "wasn't",
}
_THIRD_SINGULAR = frozenset(["he", "she", "it"])
_MAKE = frozenset(["make", "makes", "made", "making"])
_SECOND_VERB_BREAKS = frozenset(
    [",", ".", ";", ":", "—", "who", "that", "which", "when", "while", "to", "as"]
)
_PLURAL = frozenset(["we", "they"])
_SUBJUNCTIVE = frozenset(["were", "weren't"])
_NUMBERED = frozenset([*_SINGULAR_FOR, *_PLURAL_FOR, *_FIRST_FOR])
# verbs that agree with any subject: what most pronouns are followed by
_BOUNDARY_TAGS = frozenset(["``", "''", ":", "-LRB-", "."])


@cache
def _clause_openers() -> frozenset[str]:
    """The words before a subject that open a clause ("that", "when", "but" …): not "like", "as", "than"."""
    return word_set("before_a_subject") - {"like", "as", "than"}


FACTS = PERIOD_STYLE_FACTS


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    """In an edition of a century ago, "were" after "it" or in a clause opened by "that" is that
    time's subjunctive ("It were therefore to be wished", "high time that a stop were put"), not a
    slip; "Her brow were a slender line" still is."""
    period = None
    for d in _findings(doc):
        if d.message.endswith(_WERE_FOUND) and _subjunctive_shape(doc.text, d):
            if period is None:
                period = in_period_style(doc, ctx)
            if period:
                continue
        yield d


_WERE_FOUND = (
    'not "were": the verb agrees with its subject.',
    'not "Were": the verb agrees with its subject.',
)
_THAT_BEFORE = re.compile(r"\bthat\s+$", re.I)


def _subjunctive_shape(text: str, d: Diagnostic) -> bool:
    subject = d.message[1:d.message.index('" takes')]
    at = text.rfind(subject, max(0, d.start - 80), d.start)
    return subject.lower() == "it" or at > 0 and bool(_THAT_BEFORE.search(text, max(0, at - 10), at))


def _findings(doc: AnalyzedDocument) -> Iterator[Diagnostic]:
    v = view(doc)
    tenses = scene_tenses(doc)
    for i in _pronouns_in_narration(v):
        yield from _pronoun(v, i, tenses)
    for i in v.at("who"):
        yield from _name_who(v, i, tenses)
    for i in v.at("do", "don't"):
        yield from _name_do(v, i)
    for i in v.at("what"):
        yield from _what_verb(v, i, tenses)
    for k in _names_before_verbs(v):
        yield from _name_verb(v, k, tenses)
    xpos = v.xpos
    for a in v.at("and", "&"):
        if a > 0 and xpos[a - 1] == "NNP":
            yield from _names_and(v, a)
    low = v.low
    for j in v.at(*_SINGULAR_FOR, *_PLURAL_FOR):
        before = xpos[j - 1] if j > 0 else ""
        if before == ("NNS" if low[j] in _PLURAL_FOR else "NN") or before.startswith("RB"):
            d = _determiner_before(v, j)  # (a quick first look: "the man was", "the boys were" agree)
            if d is not None:
                yield from _noun_phrase(v, d)


def _pronouns_in_narration(v: View) -> list[int]:
    """Subject pronouns in narration not followed by a past or a modal, which agree with anyone
    ("she walked", "he could"): where most pronouns end, sifted in one loop."""
    voice, xpos, low, last = v.voice, v.xpos, v.low, len(v) - 1
    return [
        i
        for i in v.at("he", "she", "it", "i", "we", "they", "you")
        if voice[i] == NARRATION
        and not (i < last and xpos[i + 1].startswith(("VBD", "MD")) and low[i + 1] not in _NUMBERED)
    ]


def _pronoun(v: View, i: int, tenses: SceneTenses) -> Iterator[Diagnostic]:
    j = skip_adverbs(v, i + 1)
    subject = v.low[i]
    if j >= len(v) or v.low[j] in word_set("agree_with_any_subject") or not _may_disagree(subject, v.low[j]):
        return  # most pronouns are followed by a past that agrees with anything: "she walked"
    if not _subject_position(v, i):
        return
    if not v.same_sentence(i, j) or v.voice[j] != NARRATION or not lowercase_word(v, j) and v.low[j] != "i":
        return
    word = v.low[j]
    if subject in _THIRD_SINGULAR:
        right = _SINGULAR_FOR.get(word)
        if right and word in _SUBJUNCTIVE and (_subjunctive(v, i) or v.word(j + 1) == "to"):
            return  # "if he were", "in case she were to find out"
        if right is None and subject != "it":
            right = _third_person(v, j, tenses, noun_too=True)  # after "he" no noun: "she feed" is a verb
        if right and not _mandative(v, i):
            yield _finding(v, i, j, right)
    elif subject in _PLURAL or subject == "you":
        right = _PLURAL_FOR.get(word) or _plain(v, j)
        if right:
            yield _finding(v, i, j, right)
    elif subject == "i":
        right = _FIRST_FOR.get(word)
        if right and not (word in _SUBJUNCTIVE and _subjunctive(v, i)):
            yield _finding(v, i, j, right)


def _may_disagree(subject: str, word: str) -> bool:
    """Can `word` disagree with the pronoun at all (the forms `_pronoun` looks up), before the
    costlier question whether the pronoun is a subject?"""
    if subject in _THIRD_SINGULAR:
        return word in _SINGULAR_FOR or word in lexicon().base_forms
    if subject in _PLURAL or subject == "you":
        return word in _PLURAL_FOR or word in lexicon().third_forms
    return word in _FIRST_FOR


def _name_who(v: View, i: int, tenses: SceneTenses) -> Iterator[Diagnostic]:
    """A single name, then "who" and a plural verb ("Lily who help", "Harry, who were")."""
    k = i - 1
    if v.same_sentence(k, i) and v.low[k] == ",":
        k -= 1
    if not v.same_sentence(k, i) or v.xpos[k] != "NNP" or v.voice[i] != NARRATION:
        return
    if v.low[k].endswith("s") or (
        v.same_sentence(k - 1, k) and v.xpos[k - 1] in ("NNP", "NNPS", "NNS", "DT", "IN")
    ):
        return  # "the Potters who", "Mr Evans who", "girls in Toronto who", "the two Misses Briarton, who":
        # the name may not be the one meant
    if any(
        v.low[m] in ("and", "&", "of", "or", "nor") for m in range(max(0, k - 6), k) if v.same_sentence(m, k)
    ):
        return  # "Draco and the Hufflepuff, who were", "one of the Weasleys who"
    j = skip_adverbs(v, i + 1)
    if not v.same_sentence(i, j) or not lowercase_word(v, j):
        return
    right = _SINGULAR_FOR.get(v.low[j]) or _third_person(v, j, tenses, noun_too=True)
    if right:
        yield _finding(v, k, j, right)
        n = _second_verb(v, j)
        second = _third_person(v, n, tenses) if n > 0 else ""
        if second:
            yield _second_finding(v, v.text[k], n, second)


def _second_verb(v: View, j: int) -> int:
    """The bare verb joined by "and" or "or" to the verb at j within its clause ("who pull weeds out
    of the lawn or carefully carry a drink"), or -1."""
    for a in range(j + 1, j + 9):
        if not v.same_sentence(j, a + 1) or v.low[a] in _SECOND_VERB_BREAKS:
            return -1
        if v.low[a] in ("and", "or"):
            n = skip_adverbs(v, a + 1, limit=1)
            ok = v.same_sentence(a, n) and v.xpos[n] in ("VB", "VBP") and lowercase_word(v, n)
            return n if ok else -1
    return -1


def _names_before_verbs(v: View) -> list[int]:
    """Names opening a clause (a sentence, or after "that", "when", "but" …) straight before a word
    the tagger calls a bare verb."""
    xpos = v.xpos
    last = len(xpos) - 1
    starts = [*v.sentence_first, *(k + 1 for k in v.at(*_clause_openers())), *(k + 1 for k in _make_sure(v))]
    return sorted(k for k in starts if k < last and xpos[k] == "NNP" and xpos[k + 1] in ("VBP", "VB"))


def _name_verb(v: View, k: int, tenses: SceneTenses) -> Iterator[Diagnostic]:
    """A single name opening a clause, then a bare verb: "Harry flood with relief"."""
    j = k + 1
    if v.voice[k] != NARRATION or not v.same_sentence(k, j) or not lowercase_word(v, j):
        return
    if v.xpos[j] != "VBP" and v.xpos[j] != "VB" or v.low[j] in ("do", "don't"):
        return
    before = v.low[k - 1] if v.same_sentence(k - 1, k) else ""
    if before == "sure" and k - 1 in _make_sure(v):
        before = ""  # "making sure Newt know": a clause of its own, "that" left out
    if (
        before
        and before not in _clause_openers()
        and v.xpos[k - 1] not in _BOUNDARY_TAGS
        or v.xpos[k - 1] == "``"
    ):
        return  # "let Harry go", "did Harry know", "Ron and Harry walk", "‘Harry stop’" (a call)
    if (
        v.low[k].endswith("s")
        or "'" in v.low[k]
        or v.same_sentence(k + 1, k + 2)
        and v.xpos[k + 2] in ("NNP", "POS")
    ):
        return  # "James'll admit": a name with its auxiliary
    if v.low[j] in word_set("wishing_verbs") or _mandative(v, k):
        return  # "God bless them", "Merlin help us", "important that Harry acquire skill"
    right = _third_person(v, j, tenses, noun_too=True)
    if right:
        yield _finding(v, k, j, right)


def _make_sure(v: View) -> list[int]:
    """The "sure" of "make sure", "making sure", "made sure": a clause follows, its "that" left out."""
    return [k for k in v.at("sure") if v.word(k - 1) in _MAKE and v.same_sentence(k - 1, k)]


def _what_verb(v: View, i: int, tenses: SceneTenses) -> Iterator[Diagnostic]:
    """ "what" as a clause's subject, then a bare verb and its object: "No, what bother her is…"."""
    j = i + 1
    if (
        v.voice[i] != NARRATION
        or not v.same_sentence(i, j + 1)
        or not _clause_start(v, i)
        and v.low[i - 1] != ","
    ):
        return
    if v.xpos[j] not in ("VB", "VBP") or not lowercase_word(v, j) or v.low[j] in word_set("what_bare_verbs"):
        return  # "what say you", "what do you", "what is"
    if v.xpos[j + 1] not in ("PRP", "PRP$", "DT") or v.low[j + 1] in ("i", "we", "they", "you", "he", "she"):
        return  # a verb needs its object to be sure it is one; "what happen we" is a question
    right = _third_person(v, j, tenses, noun_too=True)
    if right:
        yield _finding(v, i, j, right)


def _name_do(v: View, i: int) -> Iterator[Diagnostic]:
    """A single name, then "do" / "don't": "like Lily do", "Harry don't care"."""
    k = i - 1
    if v.voice[i] != NARRATION or not v.same_sentence(k, i) or v.xpos[k] != "NNP" or not v.text[i].islower():
        return
    before = v.low[k - 1] if v.same_sentence(k - 1, k) else ""
    if before and before not in word_set("before_a_subject") and v.xpos[k - 1] not in _BOUNDARY_TAGS:
        return  # "let Harry do", "did Harry do", "the Potters do", "Fred and George do"
    if v.low[k].endswith("s"):
        return  # "James do": a name in s may be a family's
    yield _finding(v, k, i, _SINGULAR_FOR[v.low[i]])


def _names_and(v: View, a: int) -> Iterator[Diagnostic]:
    """Two names joined by "and" opening a clause, then an -s verb: "Mr and Mrs Evans smiles"."""
    if v.voice[a] != NARRATION:
        return
    k = a - 1
    while v.same_sentence(k, a) and v.xpos[k] == "NNP" and v.text[k][:1].isupper():
        k -= 1
        if v.low[k + 1].rstrip(".") in word_set("titles") and v.low[a + 1].rstrip(".") in word_set("titles"):
            break  # "Mr and Mrs Evans": one subject of two, whatever stands before it
    if (
        k == a - 1
        or v.low[k + 1].rstrip(".") not in word_set("titles")
        and v.same_sentence(k, a)
        and v.low[k] not in _clause_openers()
        and v.xpos[k] not in _BOUNDARY_TAGS
    ):
        return  # not after "than" or "like": "shorter than Crouch and Arthur tries" joins two clauses
    j = a + 1
    while v.same_sentence(a, j) and v.xpos[j] == "NNP" and v.text[j][:1].isupper():
        j += 1  # (the tagger calls a lowercase word a name now and then: "Lisa exchanged")
    if j == a + 1 or not v.same_sentence(a, j) or v.xpos[j] != "VBZ" or not lowercase_word(v, j):
        return
    lex = lexicon()
    word = v.low[j]
    right = _PLURAL_FOR.get(word) or (lex.base_of.get(word, "") if word in lex.third_forms else "")
    if right and right != word:
        yield _finding(v, k + 1, j, right)
        yield from _and_the_next(v, k + 1, j)


def _and_the_next(v: View, s: int, j: int) -> Iterator[Diagnostic]:
    """The subject's second verb, joined to the first by "and": "Mr and Mrs Evans smiles at and says"."""
    for a in range(j + 1, j + 4):
        if not v.same_sentence(j, a + 1) or v.low[a] in (",", ".", ";", "who", "that", "which"):
            return
        if v.low[a] == "and":
            n = a + 1
            word = v.low[n]
            if v.xpos[n] == "VBZ" and lowercase_word(v, n) and word in lexicon().third_forms:
                right = _PLURAL_FOR.get(word) or lexicon().base_of.get(word, "")
                if right and right != word:
                    yield _second_finding(v, " ".join(v.text[s:j]), n, right)
            return


def _second_finding(v: View, subject: str, n: int, right: str) -> Diagnostic:
    return word_finding(
        RULE.id,
        v,
        n,
        right,
        f'"{subject}" takes "{right}", not "{v.text[n]}", in its second verb too.',
    )


def _determiner_before(v: View, j: int) -> int | None:
    """The determiner opening the noun phrase that ends right before the verb at j (an adverb may
    stand between), or None: the walk back that `_noun_phrase` then checks forwards."""
    n = j - 1
    if v.same_sentence(n, j) and v.xpos[n].startswith("RB"):
        n -= 1
    if not v.same_sentence(n, j) or v.xpos[n] not in ("NN", "NNS"):
        return None
    d = n - 1
    while v.same_sentence(d, n) and v.xpos[d] in ("JJ", "JJR", "JJS", "VBN", "RB") and n - d <= 3:
        d -= 1
    return d if v.same_sentence(d, n) and v.low[d] in word_set("noun_determiners") else None


def _noun_phrase(v: View, d: int) -> Iterator[Diagnostic]:
    """A determiner, adjectives and a noun opening a clause, then a verb of the wrong number."""
    if v.voice[d] != NARRATION or not _clause_start(v, d):
        return
    n = d + 1
    while v.same_sentence(d, n) and v.xpos[n] in ("JJ", "JJR", "JJS", "VBN", "RB") and n - d <= 3:
        n += 1
    if not v.same_sentence(d, n + 1) or v.xpos[n] not in ("NN", "NNS") or not lowercase_word(v, n):
        return
    if any(v.glued(k) for k in range(d + 1, n + 1)):
        return  # a word cut by markup ("I*ncomplete*")
    noun, det = v.low[n], v.low[d]
    if (
        noun in word_set("number_neutral")
        or noun in word_set("collective")
        or noun in word_set("quantity_nouns")
    ):
        return
    j = skip_adverbs(v, n + 1, limit=1)
    if not v.same_sentence(n, j) or not lowercase_word(v, j):
        return
    word = v.low[j]
    plural = v.xpos[n] == "NNS" and det not in ("this", "that", "each", "every", "a", "an")
    singular = v.xpos[n] == "NN" and det not in ("these", "those")
    if plural and noun.endswith("s") and noun not in word_set("singular_in_s"):
        right = _PLURAL_FOR.get(word)
    elif singular and not noun.endswith(("s", "men")) and noun not in word_set("irregular_plurals"):
        right = _SINGULAR_FOR.get(word)
        if right and word in _SUBJUNCTIVE and _subjunctive(v, d):
            return
    else:
        return
    if right and verb_tag(v, j):
        yield _finding(v, d, j, right)


def _finding(v: View, s: int, j: int, right: str) -> Diagnostic:
    subject = " ".join(v.text[s:j]) if j - s <= 4 else v.text[j - 1]
    wrong = v.text[j]
    return Diagnostic(
        RULE.id,
        v.start[j],
        v.end[j],
        f'"{subject}" takes "{right}", not "{wrong}": the verb agrees with its subject.',
        (Fix(v.start[j], v.end[j], replacement(wrong, right)),),
    )


def _subject_position(v: View, i: int) -> bool:
    """Is the pronoun at i a clause's subject, not an object ("made it happen") or a question's
    subject after its auxiliary ("did he know")?"""
    if not v.same_sentence(i - 1, i):
        return True
    before, tag = v.low[i - 1], v.xpos[i - 1]
    if before in ("and", "or", "nor", "&", "than", "dare", "dared", "need") or before.endswith(("n't", "'d")):
        return False  # "he and she were", "taller than he", "couldn't she", "how'd she get it"
    if tag == "MD" or before in word_set("bare_negatives"):
        return False  # "could she", "didnt he do it"
    if before == "time" or before == "least" and v.word(i - 2) != "at":
        return False  # "it's time he go", "least he kill someone" (lest)
    if before in lexicon().auxiliaries:
        return False
    if v.low[i] in ("it", "you"):  # an object as often as a subject: "made it happen", "across it were"
        opens = _clause_start(v, i) and before not in word_set("openers_also_prepositions")
        return opens or tag in ("CC", "WDT", "WP", "WRB")
    return True


def _clause_start(v: View, d: int) -> bool:
    if not v.same_sentence(d - 1, d):
        return True
    before = v.low[d - 1]
    return (
        v.xpos[d - 1] in _BOUNDARY_TAGS
        or before in word_set("clause_openers")
        and before not in word_set("openers_also_prepositions")
        or before == ";"
    )


def _subjunctive(v: View, i: int) -> bool:
    """ "if it were", "as though he were", "wishing, as he did every year, that it were"."""
    words = word_set("subjunctive_words")
    wishes = word_set("wish_words")
    k = i - 1
    while v.same_sentence(k, i):
        if i - k <= 4 and v.low[k] in words or v.low[k] in wishes:
            return True
        k -= 1
    return False


def _mandative(v: View, i: int) -> bool:
    """ "insisted that he go", "it is vital she be told", "suggested that she stay, and that he
    invite": a subjunctive after a demand earlier in the sentence."""
    lex = lexicon()
    ing = inflections().base_of_ing
    triggers = word_set("mandative_words")
    k = i - 1
    while v.same_sentence(k, i):
        word = v.low[k]
        if word in triggers or lex.base_of.get(word) in triggers or ing.get(word) in triggers:
            return True
        k -= 1
    return False


def _third_person(v: View, j: int, tenses: SceneTenses, noun_too: bool = False) -> str:
    """The form a lexical base verb after he / she / a name should take: its -s form in a
    present-tense scene, its past in a scene told in the past ("as she feed him" -> "fed")."""
    word = v.low[j]
    lex = lexicon()
    if (
        word not in lex.base_forms
        or lex.past_of.get(word, word) == word
        or word in lex.noun_like
        and not noun_too
    ):
        return ""
    if v.xpos[j] not in ("VBP", "VB") or word in word_set("modal_like") or v.word(j + 1) == "-":
        return ""  # "she need not", "he dare not", "she skim-read it"
    if tenses.past(v.start[j]):  # "as she feed him": the past, in a scene told in the past
        if word in inflections().any_past:
            return ""  # "she lay still", "he found": the past of another verb
        return lex.past_of.get(word, "")
    return lex.third_of.get(word, "")


def _plain(v: View, j: int) -> str:
    """The plural form of an -s verb after we / they ("they says" -> "say")."""
    word = v.low[j]
    lex = lexicon()
    if (
        word in lex.third_forms
        and word not in lex.base_forms
        and word not in lex.noun_like
        and v.xpos[j] == "VBZ"
    ):
        return lex.base_of.get(word, "")
    return ""
