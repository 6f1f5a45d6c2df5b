"""G006 lie-lay: lay for lie, rise for raise and the like, in their clear frames ("Remus laying on the
floor", "she lay her head down", "he rose his eyebrows")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import PAST, PRESENT
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import lowercase_word, word_finding, word_set
from ficlint.rules.grammar._view import NARRATION, View, view

RULE = Rule(
    id="G006",
    name="lie-lay",
    category="grammar",
    summary='"lay" where "lie" belongs and the like ("Remus laying on the floor", "she lay her head '
    'down", "he rose his eyebrows").',
    why=(
        'Lie / lay / lain is what you do yourself ("she lay on the bed", "lying on the floor"); lay / laid / '
        'laid is what you do to something ("she laid her head down", "laying the table"). Rise / rose is '
        'going up yourself, raise / raised lifting something ("he raised his eyebrows"). ficlint flags a '
        '"laying", "lays", "laid" or "lied" with no object before a place ("laying on the floor", "he laid '
        'down on the bed"), a past "lay" or "rose" with an object ("she lay her head", "he rose his hand"), '
        'only in narration: in dialogue "I\'m gonna lay down" is how people talk.'
    ),
    examples=examples(
        ("He found Remus Lupin laying on the floor.", "He found Remus Lupin lying on the floor."),
        ("She laid down on the bed and closed her eyes.", "She lay down on the bed and closed her eyes."),
        ("He rose his eyebrows at her.", "He raised his eyebrows at her."),
        (
            "She lay her head on his shoulder. It was late and they were tired.",
            "She laid her head on his shoulder. It was late and they were tired.",
        ),
        ("He lied down on the couch.", "He lay down on the couch."),
    ),
    allows=(
        '"I\'m gonna lay down for a bit," she said.',
        "He laid down his sword.",
        "The hen was laying eggs in the barn.",
        "The book was laid on the table.",
        "He lay on the bed all afternoon.",
        "She rose to her feet.",
        "He lied on his application.",
        "Laying the table, she hummed.",
    ),
    fix_safety="Safe: the form of the other verb, in the same tense.",
)

_LAY_FOR_LIE = {"laying": "lying", "lays": "lies", "laid": "lay", "lied": "lay"}
_POSSESSIVES = frozenset(["his", "her", "their", "my", "your", "our", "its"])
_SUBJECTS = frozenset(["he", "she", "i", "we", "they"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    for i in v.at("laying", "lays", "laid", "lied"):
        if v.voice[i] == NARRATION and lowercase_word(v, i) and _resting(v, i):
            yield _finding(v, i, _LAY_FOR_LIE[v.low[i]], "lie (to rest somewhere)")
    for i in v.at("rose"):
        owned = v.same_sentence(i, i + 2) and v.xpos[i + 2].startswith("NN")
        if v.voice[i] == NARRATION and _subject_before(v, i) and v.word(i + 1) in _POSSESSIVES and owned:
            yield _finding(v, i, "raised", "raise (to lift something)")
    for i in v.at("lay"):
        if v.voice[i] == NARRATION and _subject_before(v, i) and v.word(i + 1) in _POSSESSIVES:
            if not v.same_sentence(i, i + 2) or not v.xpos[i + 2].startswith("NN"):
                continue
            tense = _scene_tense(doc, v.start[i])
            if _third_person(v, i):  # "she lay her head": laid in the past, lays in the present
                yield _finding(v, i, "lays" if tense == PRESENT else "laid", "lay (to put something down)")
            elif tense == PAST:  # "I lay my head" is right in the present
                yield _finding(v, i, "laid", "lay (to put something down)")


def _finding(v: View, i: int, right: str, meaning: str) -> Diagnostic:
    return word_finding(
        RULE.id,
        v,
        i,
        right,
        f'"{v.text[i]}" here means to {meaning}: "{right}".',
    )


def _subject_before(v: View, i: int) -> bool:
    k = i - 1
    if v.same_sentence(k, i) and v.xpos[k].startswith("RB"):
        k -= 1
    return v.same_sentence(k, i) and (v.low[k] in _SUBJECTS or v.xpos[k] == "NNP")


def _resting(v: View, i: int) -> bool:
    """A form of lay (or "lied") with no object, before a place or a posture ("laying on the floor",
    "laid down on the bed", "lied there")."""
    word = v.low[i]
    if word == "laying":
        if not v.same_sentence(i - 1, i) or v.low[i - 1] in ("egg", "eggs"):
            return False  # "Laying the table, she hummed": a sentence's opening -ing has its own object
        if _object_before(v, i):
            return False  # "the enchantment he was laying upon the clock": its object came first
    elif not _subject_before(v, i):
        return False  # "was laid on the table", "the hens laid": only a person lies down
    j = i + 1
    if not v.same_sentence(i, j):
        return False
    after = v.low[j]
    if after in ("down", "back"):
        k = j + 1
        if not v.same_sentence(j, k) or not v.is_word(k):
            return True  # "she laid down."
        return (
            v.low[k] in word_set("resting_after")
            or v.xpos[k] in ("IN", "RB", "CC", "TO")
            and v.low[k] != "to"
        )
    if after in word_set("resting_after") and after not in ("in", "on"):
        return True  # "laying there", "laid still"
    if after in ("on", "in", "across", "against", "beside", "under", "upon", "atop"):
        k = j + 1
        return v.same_sentence(j, k) and (
            v.low[k] in ("the", "a", "his", "her", "their", "my", "bed")
            and (word != "lied" or _surface(v, k))
        )
    return False


def _object_before(v: View, i: int) -> bool:
    """A noun, a subject and "was" before the -ing: a clause whose object is that noun ("the spell
    he was laying upon the door")."""
    k = i - 1
    if v.low[k] in ("was", "were", "is", "are", "'s", "'re", "been"):
        k -= 1
    return v.same_sentence(k - 1, k) and v.xpos[k] == "PRP" and v.xpos[k - 1].startswith("NN")


def _surface(v: View, k: int) -> bool:
    """ "lied on the bed" (lay), not "lied on his application" (told a lie)."""
    return any(v.low[m] in word_set("resting_places") for m in range(k, min(k + 3, len(v))))


def _third_person(v: View, i: int) -> bool:
    k = i - 1 if not v.xpos[i - 1].startswith("RB") else i - 2
    return v.low[k] in ("he", "she") or v.xpos[k] == "NNP"


def _scene_tense(doc: AnalyzedDocument, offset: int) -> str | None:
    for scene in doc.narrative:
        if scene.span.start <= offset < scene.span.end:
            return scene.tense.tense if scene.tense is not None else None
    return None
