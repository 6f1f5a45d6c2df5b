"""G020 regularized-past: an irregular verb given the regular -ed ending, in narration ("it hurted",
"he catched it", "had never heared"): "hurt", "caught", "heard"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections, lexicon
from ficlint.check import Context, Facts
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_finding, word_set
from ficlint.rules.grammar._view import DIALOGUE, View, view
from ficlint.rules.spelling._dictionary import lexicon as dictionary

RULE = Rule(
    id="G020",
    name="regularized-past",
    category="grammar",
    summary='An irregular verb given the regular -ed ending, in narration ("it hurted", "he catched it", '
    '"had never heared").',
    why=(
        'Some verbs make their past by a change of vowel or none at all: "hurt", "caught", "taught", '
        '"thrust", "sought", "cast". The regular ending on them ("hurted", "catched", "casted") is a slip '
        "a spelling checker lets through, because the word is built the regular way. ficlint flags it "
        "outside dialogue (narration, letters, thoughts) only when the dictionary knows no such word "
        '("shined", "sneaked", "speeded" and "strived" are words), and leaves a character\'s speech alone '
        '("I knowed it," a child or a farmhand may say). The fix is the past, the participle after have '
        'or be ("had never heard"), the base after "to" or a modal.'
    ),
    examples=examples(
        ("It hurted to discover the truth.", "It hurt to discover the truth."),
        ("He catched the ball and ran.", "He caught the ball and ran."),
        ("She had never heared that word before.", "She had never heard that word before."),
        ("He thrusted the letter at her.", "He thrust the letter at her."),
    ),
    allows=(
        '"I knowed it was you," said the boy.',
        "That creeped him out.",
        "He shined his shoes and sneaked out.",
        "She strived to do better.",
        "He slinked away and treaded water.",
        "The driver said he was blowed if he wasn't blest.",
        "I knowed it was him, so I throwed the line and catched the fish.",
    ),
    fix_safety="Safe: the same verb's own past (or participle after have or be).",
    # On by default since stop 34. On held-out fan fiction (the whole test split, 5,249,203 words, every
    # finding judged: scripts/grammar-judged-round3.tsv) 54 of its 63 findings were true ("casted" 32
    # times); the false and debatable ones were typos of other words ("growed" for growled, "beared teeth"
    # for bared), dictionary variants ("slinked", "treaded"), a garbled document and "a casted arm". With
    # the typos and variants left alone (regularized_left_alone), the fresh train works 6000-6399 and the
    # tune split gave the figures in docs/evaluations/issue-18-s34-grammar.md.
)

_VOWELS = frozenset("aeiou")
# Narration in a dialect regularizes the commonest verbs ("knowed", "throwed", "catched": grammar.yaml's
# dialect_regular_pasts); a writer's slips fall on rarer ones ("casted", "thrusted"). This many different
# dialect forms in a manuscript's narration make it a narrator's voice (Huck Finn's), not slips.
DIALECT_FORMS = 2
# two-word adverbials that may stand between "had" and its participle
_ADVERBIAL_PAIRS = frozenset(
    [("at", "first"), ("at", "last"), ("at", "once"), ("by", "then"), ("of", "course"), ("in", "fact"),
     ("once", "again"), ("by", "now")]
)
_BE = frozenset(["be", "been", "being", "was", "were", "is", "are", "am"])
_PARTICIPLE_AFTER = frozenset(
    [
        "had", "has", "have", "having", "was", "were", "be", "been", "being", "is", "are", "am",
        "get", "gets", "got", "getting",
    ]
)


@cache
def regularized() -> dict[str, str]:
    """Every regular -ed form of an irregular verb that is no form of any verb ("hurted", "catched",
    "runned", "carried" not among them), with the verb's base: made from the lexicon once."""
    lex = lexicon()
    skipped = word_set("regularized_left_alone")
    forms: dict[str, str] = {}
    for base in lex.base_forms:
        past = lex.past_of.get(base, "")
        if not past or past.endswith("ed") or not base.isalpha():
            continue
        if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in _VOWELS and base[-3] not in _VOWELS:
            made = {base + base[-1] + "ed"}  # "runned", "sitted" ("runed" is of "rune")
        else:
            made = {base + "d" if base.endswith("e") else base + "ed"}
        if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
            made.add(base[:-1] + "ied")
        forms.update((form, base) for form in made if form not in lex.past_of and form not in skipped)
    return forms


class RegularizedVerbs(Facts):
    """The regular pasts no dictionary knows in the manuscript's narration ("knowed"), every file's."""

    name = "regularized-verbs"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> frozenset[str]:
        v = view(doc)
        return frozenset(v.low[i] for i in regularized_in_narration(doc))

    def combine(self, per_file: list[frozenset[str]], ctx: Context) -> frozenset[str]:
        return frozenset().union(*per_file)


FACTS = RegularizedVerbs()


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    found = regularized_in_narration(doc)
    if not found:
        return
    written = ctx.facts(FACTS.name)
    if not isinstance(written, frozenset):
        written = frozenset(v.low[i] for i in found)
    if len(written & word_set("dialect_regular_pasts")) >= DIALECT_FORMS:
        return  # a narrator who talks so ("I knowed", "they throwed", "we catched"): a voice, not slips
    forms = regularized()
    for i in found:
        base = forms[v.low[i]]
        form, right = _form_for(v, i, base)
        if right:
            yield word_finding(
                RULE.id,
                v,
                i,
                right,
                f'"{v.text[i]}" is no word: "{base}" is irregular, and its {form} is "{right}".',
            )


def regularized_in_narration(doc: AnalyzedDocument) -> tuple[int, ...]:
    """The words of narration that are a regular past no dictionary knows, of a verb whose own
    past is irregular ("hurted"), in text order: worked out once per document, for the manuscript's
    facts and for the check."""
    return doc.memo(_candidates)


def _candidates(doc: AnalyzedDocument) -> tuple[int, ...]:
    v = view(doc)
    forms = regularized()
    found = forms.keys() & v.vocabulary  # (most documents have none: no dictionary to consult)
    if not found:
        return ()
    words = dictionary()
    return tuple(i for i in v.at(*(w for w in found if not words.has(w)))
                 if v.voice[i] != DIALOGUE and _plain_word(v, i) and not _idiom_after_be(v, i))


def _idiom_after_be(v: View, i: int) -> bool:
    """ "he was blowed if he wasn't blest": an oath reported in narration, not a past."""
    if v.low[i] not in word_set("regularized_idioms_after_be") or not v.same_sentence(i - 1, i):
        return False
    before = v.low[i - 1]
    return before in _BE or before.endswith(("'m", "'s", "'re"))


def _plain_word(v: View, i: int) -> bool:
    """Lowercase, or capitalised only because it opens the sentence."""
    text = v.text[i]
    return text.islower() or text[1:].islower() and not v.same_sentence(i - 1, i)


def _form_for(v: View, i: int, base: str) -> tuple[str, str]:
    """The form the context asks for, and the verb's: the base after "to" or a modal ("to catch"),
    the participle after have or be ("had heard", "was cast"), else the past."""
    k = i - 1
    while i - k <= 3 and v.same_sentence(k - 1, i):
        if (v.low[k - 1], v.low[k]) in _ADVERBIAL_PAIRS:
            k -= 2  # "had at first shaked"
        elif v.xpos[k].startswith("RB") or v.low[k] == "not":
            k -= 1  # "had never heared", "was not casted"
        else:
            break
    before = v.low[k] if v.same_sentence(k, i) else ""
    if before == "to" or before in word_set("modals"):
        return "base form", base
    if before in _PARTICIPLE_AFTER or before.endswith(("'d", "'ve")):
        return "participle", inflections().participle(base) or lexicon().past_of.get(base, "")
    return "past", lexicon().past_of.get(base, "")
