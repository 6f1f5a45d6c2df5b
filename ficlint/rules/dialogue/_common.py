"""What several dialogue rules share: which quotations to judge, and the fixes for tags and beats."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import After, Quotation, vocabulary
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import RegionKind
from ficlint.document.structure import is_verse
from ficlint.rules.common import PERIOD_STYLE_FACTS, capitalized, in_period_style

# The manuscript-wide count of period hyphenations (to-day, to-morrow) that a rule reading
# `period_edition` declares as its FACTS, so a chapter is judged by its whole book.
PERIOD_FACTS = PERIOD_STYLE_FACTS

# What editions of a century ago print as the house style of their time, not as slips: a speech
# closed with no comma before its tag (`"Nothing" said Margaret`), narration joined to new speech by
# a comma (`She turned her head, "Have you`) or by nothing (`say to the world "Well`), a comma before
# an action (`the Third," he pointed`), a question spoken flat (`"Why should he care," said Amabel`).
# A manuscript that hyphenates as they did is such an edition; fan fiction never is.
PERIOD_WHY = (" A manuscript whose spelling is of a century ago (to-day, to-morrow) is left alone: "
              "editions of that time printed it so.")


def period_edition(doc: AnalyzedDocument, ctx: Context) -> bool:
    """Is the manuscript an edition of a century ago, whose dialogue follows that time's house
    style (see PERIOD_WHY)? Read from its period hyphenations, manuscript-wide when gathered."""
    return in_period_style(doc, ctx)


def verse_line_start(doc: AnalyzedDocument, at: int) -> bool:
    """Does `at` open a line of verse (only spaces and quotes before it on its line, in a paragraph set as
    verse)? Verse capitalises every line: the capital of `Said he, "and let` or of a speech opening the
    line after `she thus her words address'd,` is the line's, not a sentence's."""
    line_start = doc.text.rfind("\n", 0, at) + 1
    if doc.text[line_start:at].strip(" \t\"“‘'"):
        return False
    para = doc.paragraph_at(at)
    return para is not None and is_verse(doc.text[para.start:para.end])


BORDERLINE_WHY = (" Borderline verbs that describe the voice or a gesture (laughed, sighed, giggled, "
                  "huffed, smiled, nodded...) are accepted as speech tags, as published fiction uses them; "
                  "plain actions (grabbed, felt, looked, hesitated...) are never tags.")


def opened(doc: AnalyzedDocument) -> Iterator[Quotation]:
    """Quotations whose opening quote really opens one (not a stray straight
    quote that closes: the unclosed-quote rule reports those)."""
    return iter(doc.memo(_opened))


def closed(doc: AnalyzedDocument) -> Iterator[Quotation]:
    """Quotations with a real closing quote."""
    return iter(doc.memo(_closed))


def followed(doc: AnalyzedDocument) -> Iterator[Quotation]:
    """Closed quotations with a space (or the paragraph's end) after the closing quote:
    the ones whose tag or beat can be judged."""
    return iter(doc.memo(_followed))


# each chosen once per document: most dialogue rules walk one of these lists
def _opened(doc: AnalyzedDocument) -> list[Quotation]:
    return [q for q in doc.speech if not q.opening_misplaced]


def _closed(doc: AnalyzedDocument) -> list[Quotation]:
    return [q for q in doc.speech if q.region.close_quote and not q.closing_misplaced]


def _followed(doc: AnalyzedDocument) -> list[Quotation]:
    return [q for q in closed(doc) if q.follows.kind != "glued"]


def is_capitalized_pronoun(word: str) -> bool:
    return word[0].isupper() and word != "I" and word.lower() in vocabulary().pronouns


def capitalized_tag_verb(after: After) -> bool:
    """`Said Harry`, `Asked the Mole`: a tag whose verb comes first, wrongly capitalized."""
    if len(after.words) < 2 or not after.words[0][0].isupper():
        return False
    vocab = vocabulary()
    second = after.words[1]
    speaker = second[0].isupper() or second.lower() in vocab.pronouns or second.lower() in vocab.determiners
    return after.words[0].lower() in vocab.speech and speaker


def beat_diagnostic(q: Quotation, rule: str, insert: str, message: str) -> Diagnostic:
    """An action beat written as if it were a tag: it starts a new sentence, with a capital
    (and, with `insert`, the speech gets the mark it lacks)."""
    after = q.follows
    text = q.doc.text
    close = q.region.end - 1
    fixed = capitalized(after.words[0])
    between = text[close:after.first_start]
    shown = f"{q.last_word_before_close()}{insert}{between}{fixed}"
    fix = Fix(close, after.first_start + 1, insert + between + fixed[0], safe=False)
    return Diagnostic(rule, close, after.first_end, f"{message}: `{shown}`.", (fix,))


def is_american(ctx: Context) -> bool:
    """Is the manuscript written in American English (configured, or found by the dialect facts)?"""
    dialect = str(getattr(ctx.config, "dialect", "auto") or "auto")
    if dialect == "auto":
        facts = ctx.facts("dialect")
        dialect = str(getattr(facts, "dialect", None) or "")
    return dialect.lower() == "en-us"


def lowered_first_word(after: After) -> str:
    """The tag's first word as it is written inside the quotation's sentence: a pronoun,
    an article or a tag verb in lowercase (`he said`, `the butler said`, `said Harry`),
    a name and I as they are."""
    first = after.words[0]
    lower = first.lower()
    vocab = vocabulary()
    if first == "I" or after.subject == "name":
        return first
    if after.verb == 0 or lower in vocab.pronouns or lower in vocab.determiners or lower in vocab.things:
        return lower
    return first


def next_carries_on(q: Quotation) -> bool:
    """Does the next quotation start in lowercase (`"Lily..." He began, "...where's Harry?"`):
    the same speaker's sentence going on after the tag, so the tag is this quotation's?"""
    nxt = q.next
    if nxt is None:
        return False
    first = _FIRST_LETTER.search(q.doc.text, nxt.region.inner_start, nxt.region.end)
    return first is not None and first.group(0).islower()


_FIRST_LETTER = re.compile(r"[^\W\d_]")


def inside_a_subordinate_clause(q: Quotation) -> bool:
    """Is the speech quoted inside a sentence whose main clause comes after it: the narration
    before it, in the same sentence, opens with a subordinator and ends in a comma (`When he
    whispered, "Yes," she felt small.` `Till he bawled, "Coming?" she sat on.`)? The words
    after the closing quote then carry the sentence on: no beat, no new sentence."""
    doc = q.doc
    narration = q.narration_before
    if q.before is not None and not narration.strip() and q.previous is not None \
            and q.previous.after is q.before and q.previous.last_mark in ("?", "!"):
        return inside_a_subordinate_clause(q.previous)  # `In his queries, "Moving?" "Why?" she caught`
    if q.before is None or not narration.endswith(",") or not isinstance(doc, AnalyzedDocument):
        return False
    index = doc.sentence_index_at(q.before.start + len(narration) - 1)
    if index is None or doc.sentences[index].start < q.before.start:
        return False  # the sentence began before this narration (in an earlier quotation)
    tokens = doc.tokens
    k = bisect.bisect_left(tokens.start, doc.sentences[index].start)
    while k < len(tokens) and not tokens.is_word[k]:
        k += 1
    if k >= len(tokens) or tokens.start[k] >= q.region.start:
        return False
    head = doc.tags[k].head
    if head.upos == "ADP" and tokens.text[k].lower() in _OPENING_PREPOSITIONS:
        # `In his queries, "Moving?" she caught`: a phrase, no clause, before the quotation
        return not _whole_clause(doc, _words_between(doc, k, q.region.start))
    return head.upos == "SCONJ" or head.xpos == "WRB" and tokens.text[k].lower() in ("when", "whenever")


# Prepositions that open a phrase a quotation may end (`In his queries, "Moving?" she caught his
# dismay.` `With a last "Bye!" she was gone.`): the main clause follows the quotation.
_OPENING_PREPOSITIONS = frozenset(["in", "with", "at", "after", "upon", "on"])


def _words_between(doc: AnalyzedDocument, k: int, end: int) -> list[int]:
    tokens = doc.tokens
    found = []
    while k < len(tokens) and tokens.start[k] < end:
        if tokens.is_word[k]:
            found.append(k)
        k += 1
    return found


def capitalized_bare_tag(q: Quotation, after_terminal: bool) -> bool:
    """Is the capitalised clause after the speech's end a tag and nothing else, so that
    the capital (and a full stop before it) is wrong: `"Fine." He said quietly.`?

    After ! or ? (`after_terminal`) a capital may start a sentence of its own, so
    only a verb of speech or of the voice, or a bare thought tag, counts there
    (`"Why?" He wondered.`, not `"Why?" He decided.`).
    A tag that introduces the next quotation may be the next speaker's
    (`"Why?" He answered, "Because."`), unless that quotation carries on in lowercase.
    """
    after = q.follows
    said = after.verb_word
    vocab = vocabulary()
    if not after.bare or said in vocab.narrating or q.introduces_next and not next_carries_on(q):
        return False
    if not after_terminal:
        return True
    phrase = after.verb + 1 < len(after.words) \
        and (said, after.words[after.verb + 1].lower()) in vocab.phrases
    # a verb of thinking that may open a sentence of its own ("He decided.") is no tag here; a bare
    # thought tag is one after ! or ? as after a full stop (`"Where is she?" He wondered.`)
    spoken = (said in vocab.speech or said in vocab.voice) and said not in vocab.thinking
    asked = q.last_mark in ("!", "?")  # after a broken-off speech (`--" He thought.`) he stops to think
    return (spoken or asked and said in vocab.thought_tags) and not phrase  # not "He trailed off"



# a capital after a lowercase letter, a comma or a semicolon and a space (the look-behind comes
# after the capital, so the engine skips ahead to capitals instead of trying every position)
_MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w'’]*")


def _mid_sentence_capitals(doc: AnalyzedDocument) -> frozenset[str]:
    """Words the document writes with a capital in the middle of a sentence: names."""
    text = doc.text
    found: set[str] = set()
    for region in doc.regions_of(RegionKind.NARRATION, RegionKind.DIALOGUE):
        found.update(m.group(0) for m in _MID_SENTENCE_CAPITAL.finditer(text, region.start, region.end))
    return frozenset(found - {"I"})


def is_name(doc: AnalyzedDocument, word: str) -> bool:
    """Is `word` a name: written with a capital mid-sentence somewhere in the document?"""
    return word in doc.memo(_mid_sentence_capitals)


def speech_words(q: Quotation) -> list[int] | None:
    """The token indices of the words inside the quotation's marks (None for a document that was
    not analysed: no tokens to read)."""
    doc = q.doc
    if not isinstance(doc, AnalyzedDocument):
        return None
    tokens = doc.tokens
    start = bisect.bisect_left(tokens.start, q.region.inner_start)
    end = bisect.bisect_left(tokens.start, q.region.inner_end)
    return [k for k in range(start, end) if tokens.is_word[k]]


def needs_completion(q: Quotation) -> bool:
    """Does the speech end, before its comma, in the opening of a sentence the words after the
    interruption must finish: a subordinate clause (`"If there are,"`), or `and`/`but` with no
    whole clause after it (`"But me,"`)? A speech that carries on after it with `I` or a name
    (`"But me," he glanced about, "I'm so busy"`) is then one sentence interrupted, not a new
    one. An interjection or a name alone (`"Okay,"`, `"Harry,"`) finishes nothing of the kind."""
    doc = q.doc
    words = speech_words(q)
    if not isinstance(doc, AnalyzedDocument) or words is None:
        return False
    tokens, tags = doc.tokens, doc.tags
    starts = [i for i, k in enumerate(words)
              if i and tokens.text[k - 1] in (".", "!", "?") and tokens.text[k][0].isupper()]
    words = words[starts[-1]:] if starts else words  # the last sentence of the speech only
    if not words:
        return False
    head = tags[words[0]].head
    if head.upos == "SCONJ" and tokens.text[words[0]].lower() != "so":
        return True  # not a phrase: `"Of course not,"` `"In a minute,"` answer on their own
    return head.upos == "CCONJ" and not _whole_clause(doc, words[1:])


FINITE_XPOS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a finite verb's fine tag


def _whole_clause(doc: AnalyzedDocument, words: list[int]) -> bool:
    """Is there a finite verb among the token indices `words`?"""
    return any(part.xpos in FINITE_XPOS for k in words for part in doc.tags[k].parts)
