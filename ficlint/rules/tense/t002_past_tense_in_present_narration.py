"""T002 past-tense-in-present-narration: a past-tense verb in narration told in the present.

Policy (judged in ficlint/rules/tense/_judge.py): in a present-tense scene a
past-tense verb is flagged only when it is coordinated with a present one ("She
opens the door and walked in") or is a character's action between present-tense
sentences with no time word (yesterday, ago, before, when, had …): a
present-tense narrator may tell of the past, and does in a relative or "what"
clause whose pronoun subject follows its noun ("the pen he left inside").
A particular thing's past action ("Her phone rang.") counts like a character's;
a participle of an absolute phrase ("with her arms folded", "her hood pulled
low") is no verb. In a paragraph that drifted into the past every past verb is
flagged, whatever its subject (ficlint/rules/tense/_drift.py): one where two
characters act in the past, or where right after a present paragraph the
scene's characters carry on in the past in main clauses; "could" and
"would" are not, being mostly conditionals in a present-tense story. Left
alone as earlier events: a past reported by a present verb of saying or
thinking or by "can see / can tell" ("He knows he washed his face", "Ripstalk can
see he got through"), "didn't know" (until now), a condition ("if he danced"),
"used to", a pluperfect, letters and paragraphs in brackets, and a paragraph that looks back from
the story's now: a pluperfect, "used to", a present perfect before its past
verbs ("A lot has happened since the war ended. She went to Australia"), or a
cue anywhere in it ("years ago", "when he first", "looking back", "back then", "that
day", "a while back", "never forget"), and up to three paragraphs told in the past
alone after one with a pluperfect or such a cue (the look back runs on); a past
stretch that the next paragraph dates or leaves for the story's now ("That was a
few years ago.", "Now she sits alone"); what a character remembers or pictures now,
in the same sentence ("She can almost see the tears in his eyes as Jacob stepped
into the rain"); a past reported by an -ing form ("knowing he messed up"); and a
section told in the past: two or more paragraphs in a row with no present verb and
no one speaking from the first to the last (backstory that sums up a period, a past
part after a present one). A past stretch played out with speech between its
paragraphs is the scene sliding into the past, and still a drift. A paragraph
looks back, too, where an adverbial of a period or point in the past comes
before its past verbs ("For years, she worked", "during those weeks", "that
summer", "the day he left", "when she was little"); and in a drifted paragraph
a past verb is no slip where a present verb of saying or thinking reports it
("ask why he said he loved her"), an adverb sets it earlier ("he once told
her", "what she already knew", "what he just saw"), a name opens its relative
clause ("the cake Jacob made"), or its "I" is no character of a story told in
the third person (an author's note).

A character's past event told in one sentence with that character's present
action, in two main clauses or in a clause opening with "when", "after" or
"once" before the main one ("He sat down by the bar, taps it", "When he opened
them, he finds Potter"), is a slip even beside a time word that only orders the
two (when, before, after, until, then), and T002's own finding wherever it
stands; not in a condition, a state, a verb of saying, after "just", or in a
clause of its own. A past verb in a "where", "why" or "how" clause ("the spot
where he vanished", "find out why she left") tells of an earlier event, and a past form
after "and" and an adjective with no object ("vulnerable and exposed,") is a
participle, no verb.

Also left alone in a drifted paragraph: a sentence dated earlier anywhere in it ("since", "ago",
"yesterday", "earlier", "last night"), a "because" or "after" clause of a present main clause
("Kingsley looks at him, maybe because he answered too fast"), and up to three past paragraphs after
one where a character looks back in the present ("She thinks back, to the run", "her mind drifts
back", "he remembers the first time"): the memory itself. So is a past verb after a look-back
adverbial in its own sentence ("The first time Arthur invited him, Lance was so worried") or after
"always" ("Lance always had less faith"), one before a later sentence of its paragraph that comes
back to the now ("She only got an hour of sleep … And now Father wants her to fight": the lead-up to
the now), and a past paragraph that opens the whole text (the tense the writer set out in, before
present-tense notes or a change of tense).

The same moment also covers a past action in an "as" clause hanging on a present action just before
it ("He exclaims, fiddling with it as he descended the stairs"; not "as good as it sounded", "just
as he asked"), and a first-person narrator's past beside its own present action ("I grab my bag and
walked out", "I sat down, open the window"; fixed to the base form), though never beside a verb of
thinking or saying ("I left it outside, I think").

Evidence: T002 gives a slip where a paragraph with someone speaking in it (the scene's now) has
drifted into the past in a document that slips in a paragraph per 1,000 words or more, where a
character's past event is told in one sentence with the same character's present action (same
moment), or where the document keeps slipping (three paragraphs with a slip per 1,000 words or
more). Everything else is T004's, off by default: judged on tune present-tense fan fiction, a lone
past verb between present ones was a slip in one finding of eight, a past stretch bracketed by the
scene's present actions without speech in none of 18, and a drift with speech in a long story that
seldom slips in none of 7 (a remembered conversation, a reported question;
docs/evaluations/issue-17-s35-t002.md).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import PRESENT
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.document import RegionKind
from ficlint.rule import Rule, examples
from ficlint.rules.tense._judge import FIX_SAFETY, findings

RULE = Rule(
    id="T002",
    name="past-tense-in-present-narration",
    category="tense",
    summary="A past-tense verb in narration that is otherwise told in the present tense.",
    why=(
        'Present-tense narration drifts the other way: "She opens the door and walked in." ficlint flags '
        "every past verb of a paragraph that has drifted into the past where the text says it is a slip: "
        "someone speaks in the paragraph (the scene's now) and the story slips more than once in a while, "
        'a character\'s past event is told with the same character\'s present action ("He sat down by the '
        'bar, taps it"), or the document keeps slipping (three paragraphs with a slip per 1,000 words). It '
        "leaves the past alone where the narrator tells of earlier events (yesterday, since, because, a "
        'pluperfect, "the pen he left inside", "he knows he washed") or where a paragraph looks back from '
        'the story\'s now ("A lot has happened since the war ended. She went to Australia", "years ago", '
        '"She thinks back," before it). Other past verbs in present narration were more often a narrator '
        "looking back than a slip: they are T004's (off by default)."
    ),
    examples=examples(
        (
            "She stands at the window. The street is empty. She opens the door and walked out into the rain. "
            "She shivers.",
            "She stands at the window. The street is empty. She opens the door and walks out into the rain. "
            "She shivers.",
        ),
        (
            "He sits on the bench. He waits for the train. He looked at his watch. The platform is empty.",
            "He sits on the bench. He waits for the train. He looks at his watch. The platform is empty.",
        ),
    ),
    allows=(
        "She stands at the window. The street is empty. She opens the door and walks out into the rain.",
        "She looks at the letter. He wrote it the night before he left. She folds it again.",
        'He sits on the bench. "I waited for hours," he says. The platform is empty.',
    ),
    fix_safety=FIX_SAFETY,
)


# an author who keeps slipping: this many paragraphs with a past-tense slip per 1,000 words of the
# document (docs/evaluations/issue-17-s32-t002.md)
_SLIPPING_PER_1000 = 3
# a paragraph with speech is the scene's now where the document slips in at least this many paragraphs
# per 1,000 words (docs/evaluations/issue-17-s35-t002.md)
_SPEAKING_PER_1000 = 1
_WORD = re.compile(r"\S+")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    return iter(doc.memo(by_evidence)[0])


def by_evidence(doc: AnalyzedDocument) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The past-tense slips of present-tense scenes, split by how much the text says they are slips:
    strong where the document keeps slipping (_SLIPPING_PER_1000 paragraphs with a slip per 1,000
    words), where a paragraph with speech in it (the scene's now) has drifted into the past in a
    document that slips in a paragraph per 1,000 words or more (_SPEAKING_PER_1000), or where a
    character's past event is told in one sentence with the same character's present action
    (same_moment); weak otherwise, where a narrator's look back is as likely as a slip (T004, off by
    default). Judged on tune, a lone past verb between present ones (no drift, no same moment) was a
    slip in one finding of eight, and a past stretch bracketed by present actions without speech in
    none (docs/evaluations/issue-17-s35-t002.md)."""
    found = list(findings(doc, RULE, PRESENT))
    if not found:
        return [], []
    paragraphs = {d.start: doc.paragraph_index(d.start) for d in found}
    slipped = len(set(paragraphs.values()))
    past_slipping = _word_after(doc.text, slipped * 1000 // _SLIPPING_PER_1000)
    if past_slipping is None:
        return found, []  # a document that keeps slipping
    # a long story with one past paragraph that has speech in it looks back with its dialogue (a
    # remembered conversation, a reported question) as often as it slips
    rest = slipped * 1000 // _SPEAKING_PER_1000 - slipped * 1000 // _SLIPPING_PER_1000 - 1
    speaking = _word_after(doc.text, rest, past_slipping) is None
    speech = {i for i in paragraphs.values() if speaking
              and any(r.kind is RegionKind.DIALOGUE for r in doc.paragraph_regions(i))}
    strong: list[Diagnostic] = []
    weak: list[Diagnostic] = []
    for d in found:
        (strong if _strong(d, paragraphs[d.start] in speech) else weak).append(d)
    return strong, weak


def _strong(d: Diagnostic, speaking: bool) -> bool:
    """A drift in a paragraph with speech in a document that slips, or a past event told in the same
    moment as its character's present action (same_moment)."""
    return bool(d.data.get("moment")) or speaking and bool(d.data.get("drift"))


def _word_after(text: str, count: int, start: int = 0) -> int | None:
    """Where the word after the first `count` words from `start` ends, None if the text has no more
    words than that. Counted only as far as that word: a book need not be."""
    word = next(itertools.islice(_WORD.finditer(text, start), count, None), None)
    return word.end() if word is not None else None
