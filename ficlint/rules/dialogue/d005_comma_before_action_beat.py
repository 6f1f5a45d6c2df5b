"""D005 comma-before-action-beat: a comma before the closing quote, then an action beat, not a tag."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import After, Quotation, vocabulary
from ficlint.check import Context, SummedFacts
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import capitalized
from ficlint.rules.dialogue._common import (
    BORDERLINE_WHY,
    PERIOD_FACTS,
    followed,
    inside_a_subordinate_clause,
    is_capitalized_pronoun,
    needs_completion,
    period_edition,
)

RULE = Rule(
    id="D005",
    name="comma-before-action-beat",
    category="dialogue",
    summary="A comma before the closing quote followed by an action beat, not a speech tag.",
    why="A comma inside the closing quote promises a speech tag (`\"We tried,\" she said.`). When an action "
        "follows instead, the quotation is a sentence of its own: `\"We tried.\" Everything she had "
        "planned ran out.`" + BORDERLINE_WHY + " A book that sets gestures off like tags as its house "
        "style (hundreds of tags punctuated right, and the comma before a gesture five times or more, as "
        "Jack London and Frances Hodgson Burnett printed it) is left alone, and so is an edition of a "
        "century ago (to-day, to-morrow), unless a capital after the comma shows the slip "
        "(`spirits,\" He opened`).",
    examples=examples(
        ("\"We gave it a good shot,\" everything she had planned came out at once.",
         "\"We gave it a good shot.\" Everything she had planned came out at once."),
        ("\"I'm leaving,\" she grabbed her coat.", "\"I'm leaving.\" She grabbed her coat."),
    ),
    allows=("\"We gave it a good shot,\" she said.", "\"Thanks,\" she smiled.",
            "\"Yes,\" he went on, \"I do.\"",
            "\"I think,\" she paused, \"we should go.\"",
            "\"Did she,\" he hesitated slightly, \"like the playthings?\"",
            "\"Come,\" with a wave of her hand."),
    fix_safety="Unsafe: the comma becomes a full stop and the beat gets a capital; check the sentence "
               "still reads.",
)


def _tells_the_saying(after: After) -> bool:
    """Does the beat's verb take what was said as its object (`he broke the silence`, `she
    summed the matter up`, `he softened his reply`)? Then the clause tells the saying: a tag."""
    vocab = vocabulary()
    if after.verb < 0:
        return False
    for word in after.words[after.verb + 1:after.verb + 4]:
        lower = word.lower()
        if lower in vocab.speech_nouns:
            return True
        if lower in vocab.prepositions:
            return False
    return False


def _sentence_goes_on(q: Quotation) -> bool:
    """Does the spoken sentence go on after the beat, in lowercase (`"Did she," he hesitated,
    "like the toys?"`), or with "I" after an opening that needs it (`"But me," he glanced
    about, "I'm so busy"`)? Then the beat interrupts one sentence: a full stop would cut it in two,
    and older edited prose sets such a beat off with commas as it does a tag."""
    nxt = q.next
    if nxt is None or nxt.before is not q.after or not q.interrupts:
        return False
    first = _FIRST_LETTER.search(q.doc.text, nxt.region.inner_start, nxt.region.end)
    if first is None:
        return False
    if first.group(0).islower():
        return True
    word = _WORD.match(q.doc.text, first.start()).group(0)
    return (word == "I" or word.startswith(("I'", "I’"))) and needs_completion(q)


_FIRST_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _comma_before_beat(q: Quotation) -> bool:
    after = q.follows
    return q.last_mark == "," and after.kind == "beat" and not (
        q.quoted_phrase or q.is_label or _tells_the_saying(after) or _sentence_goes_on(q)
        or inside_a_subordinate_clause(q))


# A book's house style: this many speech tags or more, nearly all punctuated right, and this
# many gestures set off like a tag (`"Yes," he nodded.`) or more.
_HOUSE_TAGS = 300
_HOUSE_BEATS = 5
_HOUSE_SLIPS = 0.02


def _house_style(counts: Counter[str]) -> bool:
    """Does the manuscript set a gesture off like a tag as its convention? Edited prose of a
    century ago did (Jack London's `"Yes, my face," he nodded.`, Burnett's `"Perhaps," he
    was always even readier to smile`): a whole book, hundreds of tags punctuated right, and
    the comma before a gesture again and again. A fan-fiction chapter that does the same is
    one writer's slip repeated (it has a few dozen tags), so it is flagged."""
    tags = counts["tags"]
    return counts["beats"] >= _HOUSE_BEATS and tags >= _HOUSE_TAGS and counts["slips"] <= _HOUSE_SLIPS * tags


@dataclass(slots=True)
class BeatStyle:
    """How a manuscript punctuates speech: its speech tags, the tags it punctuates wrong (a full
    stop before a lowercase tag or a bare one, no mark at all), and its gestures set off by a
    comma like a tag (what this rule flags)."""

    counts: Counter[str] = field(default_factory=Counter)


class BeatStyleFacts(SummedFacts):
    """The manuscript's tags and comma beats, summed over its files (see _house_style)."""

    name = "beat-style"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> BeatStyle:
        return doc.memo(_beat_style)

    def empty(self) -> BeatStyle:
        return BeatStyle()

    def add_into(self, total: BeatStyle, one: BeatStyle) -> None:
        total.counts.update(one.counts)


FACTS = BeatStyleFacts()
# the manuscript's period style too, so a chapter of a period edition is judged by its book whatever
# rules are selected
ALSO_FACTS = (PERIOD_FACTS,)


def _beat_style(doc: AnalyzedDocument) -> BeatStyle:
    counts: Counter[str] = Counter()
    for q in followed(doc):
        if q.follows.kind == "tag":
            counts["tags"] += 1
            counts["slips"] += q.last_mark == "letter" or q.last_mark == "." and (
                q.follows.words[0][0].islower() or q.follows.bare)
        elif _comma_before_beat(q):
            counts["beats"] += 1
    return BeatStyle(counts)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    style = ctx.facts(FACTS.name) or doc.memo(_beat_style)
    if _house_style(style.counts):
        return
    text = doc.text
    period: bool | None = None
    for q in followed(doc):
        if not _comma_before_beat(q):
            continue
        if not is_capitalized_pronoun(q.follows.words[0]):
            if period is None:
                period = period_edition(doc, ctx)
            if period:
                continue  # `the Third," he pointed up`: the house style of its time
        after = q.follows
        comma = q.mark_offset
        fixed = capitalized(after.words[0])
        yield Diagnostic(RULE.id, comma, after.first_end,
                         "A comma before the closing quote promises a speech tag, but "
                         f"\"{' '.join(after.words[:3])}\" is an action: end the speech with a full stop and "
                         f"start a new sentence (`.{text[comma + 1:after.first_start]}{fixed}`).",
                         (Fix(comma, after.first_start + 1,
                              "." + text[comma + 1:after.first_start] + fixed[0],
                              safe=False),))
