"""V001 dialect-spelling: a British spelling in an American manuscript, or the reverse.

In auto mode a spelling is judged, in this order:

1. by its own file: a file that keeps one side of a pattern at least
   FILE_HABIT_MIN times, one-sidedly, keeps it (a period American book that
   writes "travelling" and "theatre" throughout is not called British);
2. in speech, only against the same word spelt the other way in the same file
   (a character's voice);
3. by the manuscript's pattern (or, for one-off pairs such as grey/gray or
   defence/defense, the word family, which must be spelt both ways), when it has
   GROUP_MIN spellings and GROUP_SHARE of them on one side, never against a
   clear overall dialect;
4. otherwise by the manuscript's overall dialect, if it is clear (three to one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.rule import Rule, examples
from ficlint.rules.dialect._facts import DIALECT, DialectFacts, Tally, accepted_words, dialect_facts
from ficlint.rules.dialect._variants import (
    AMERICAN,
    BRITISH,
    HABIT_PATTERNS,
    OTHER_SIDE,
    SIDE_NAME,
    Hit,
    Variant,
    find_hits,
    variants,
)

RULE = Rule(
    id="V001",
    name="dialect-spelling",
    category="dialect",
    summary="A British spelling in an American manuscript, or the reverse (colour among color, favorite).",
    why="Readers notice when one book spells it both ways, and every publisher's style sheet picks one "
        "dialect. With `dialect: auto` the manuscript's own majority decides, counted over every file "
        "checked together and pattern by pattern (-our, -ise/-ize, -re, doubled l…), and only where the "
        "evidence is clear; set `dialect: en-US`, `en-GB` or `en-GB-oxendict` (Oxford -ize) to decide "
        "yourself. Spellings that are different words (practice/practise, tire/tyre, program/programme, "
        "check/cheque) are flagged only on their unambiguous side, names (Pearl Harbor, the Labour Party) "
        "never, and in speech a spelling is held only to the same word spelt the other way in the file.",
    examples=examples(
        ("The color of the sky, the color of the sea, the color of the grass and the colour of her eyes.",
         "The color of the sky, the color of the sea, the color of the grass and the color of her eyes."),
        ("She walked to the center of the room, past the center table and the theater posters, to the "
         "centre of the rug.",
         "She walked to the center of the room, past the center table and the theater posters, to the "
         "center of the rug."),
        ("He realised it, recognised it, apologised, and realized nothing more.",
         "He realised it, recognised it, apologised, and realised nothing more."),
        ("My favorite color is gray, and I traveled to the theater to see the colour.",
         "My favorite color is gray, and I traveled to the theater to see the color."),
    ),
    allows=("The colour of the sky and the grey sea; she realised her favourite theatre was shut.",
            "He had color, she had colour: nobody can tell which is the odd one out.",
            "They flew to Pearl Harbor with the Labour Party and the World Health Organization. Her "
            "favourite colour was grey.",
            "I practise every day; practice makes perfect. The program on my laptop crashed. My favourite "
            "tyre was flat. Her colour was good.",
            "Theatre and travelling were his life, said the color guard; his favorite was the theatre in the "
            "centre, and he loved travelling."),
    fix_safety="Safe: the other dialect's spelling of the same word, with the same capitalisation.",
)
FACTS = DIALECT

# A file that keeps a convention of its own for a pattern, this many times and
# this one-sidedly, is respected (a period American "travelling" throughout a
# book; letters written by a British character).
FILE_HABIT_MIN = 4
FILE_HABIT_SHARE = 0.8
# The manuscript's preference for a pattern counts when it has this much evidence
# and this share; below that the manuscript's overall dialect decides.
GROUP_MIN = 3
GROUP_SHARE = 0.75


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    facts = dialect_facts(doc, ctx)
    hits, _ = find_hits(doc)
    accepted = accepted_words(ctx)
    hits = [h for h in hits if h.variant.spelling not in accepted
            and not (h.capitalised and h.variant.spelling in facts.names)]
    judge = _Judge(facts, Tally(Counter(h.variant.spelling for h in hits)))
    for hit in hits:
        message = judge.verdict(hit)
        if message:
            fix = keep_case(hit.word, hit.variant.other)
            yield Diagnostic(RULE.id, hit.start, hit.end, message,
                             (Fix(hit.start, hit.end, fix),), confidence=0.9 if facts.configured else 0.8,
                             data={"replacement": fix})


class _Judge:
    """Decides, spelling by spelling, whether the manuscript wants the other dialect's spelling."""

    def __init__(self, facts: DialectFacts, this_file: Tally) -> None:
        self.facts = facts
        self.this_file = this_file

    def verdict(self, hit: Hit) -> str | None:
        """The message for a spelling that should be the other dialect's, or None."""
        v = hit.variant
        fix = keep_case(hit.word, v.other)
        if self.facts.configured:
            return self._configured_verdict(v, hit.word, fix)
        if self._file_habit(v) or hit.in_speech and not self._file_spells_it_both_ways(v):
            return None
        wanted, evidence = self._manuscript_preference(v)
        if wanted is None or wanted == v.side:
            return None
        n = sum(evidence.values())
        shown = ", ".join(w for w, _ in evidence.most_common(3)) + (", …" if len(evidence) > 3 else "")
        times = "once" if n == 1 else f"{n} times"
        if v.pattern == "ise":
            mine, theirs = ("-ise", "-ize") if v.side == BRITISH else ("-ize", "-ise")
            return (f"\"{hit.word}\" is spelt with {mine}; this manuscript uses {theirs} {times} "
                    f"({shown}). Write \"{fix}\".")
        return (f"\"{hit.word}\" is {SIDE_NAME[v.side]}; this manuscript spells it the "
                f"{SIDE_NAME[wanted]} way {times} ({shown}). Write \"{fix}\".")

    def _configured_verdict(self, v: Variant, shown: str, fix: str) -> str | None:
        f = self.facts
        if f.oxford and v.pattern == "ise":
            if v.side == AMERICAN:
                return None
            return f"\"{shown}\": Oxford spelling (dialect en-GB-oxendict) uses -ize. Write \"{fix}\"."
        if v.side == f.dialect:
            return None
        if v.pattern == "ise" and v.side == AMERICAN:
            return (f"\"{shown}\" is spelt with -ize; the dialect is set to en-GB (-ise). Write \"{fix}\", "
                    f"or set `dialect: en-GB-oxendict` to keep -ize.")
        return (f"\"{shown}\" is {SIDE_NAME[v.side]}; the dialect is set to {SIDE_NAME[f.dialect or '']} "
                f"English ({f.dialect}). Write \"{fix}\".")

    def _file_habit(self, v: Variant) -> bool:
        """Does this file keep this spelling's side for its group, often and one-sidedly?"""
        by_side = self.this_file.group(v.group)
        mine, total = sum(by_side[v.side].values()), sum(sum(c.values()) for c in by_side.values())
        return mine >= FILE_HABIT_MIN and mine >= FILE_HABIT_SHARE * total

    def _file_spells_it_both_ways(self, v: Variant) -> bool:
        """Speech may render a character's voice ("honour" from the English visitor in an American
        novel): there a spelling is held only to the same word spelt the other way in the same file."""
        return bool(self.this_file.family(v.family)[OTHER_SIDE[v.side]])

    def _manuscript_preference(self, v: Variant) -> tuple[str | None, Counter[str]]:
        """Which side the manuscript prefers for this spelling's group, and the spellings that show it.

        A group with enough one-sided evidence decides; a word family (grey/gray, mould/mold) is judged
        only when the manuscript also spells the word the other way, unless the other spelling is one
        that cannot show it (programme/program). Otherwise the manuscript's overall
        dialect decides. A group never pulls a spelling away from a clear overall dialect (a period
        "practise" habit in an American manuscript does not make "practiced" wrong), except -ise/-ize,
        which are both British.
        """
        by_side = self.facts.tally.group(v.group)
        other = OTHER_SIDE[v.side]
        mine, theirs = sum(by_side[v.side].values()), sum(by_side[other].values())
        total = mine + theirs
        overall = self.facts.dialect
        if v.pattern not in HABIT_PATTERNS and theirs == 0 and v.other not in variants().neutral:
            return None, Counter()  # the word is never spelt the other way: no sign of inconsistency
        if total >= GROUP_MIN and theirs >= GROUP_SHARE * total:
            if overall is not None and overall != other and v.pattern != "ise":
                return None, Counter()
            return other, by_side[other]
        if total >= GROUP_MIN and mine >= GROUP_SHARE * total:
            return None, Counter()
        if overall is None or (v.pattern == "ise" and overall == BRITISH):
            return None, Counter()  # -ise and -ize are both British
        return overall, self.facts.tally.side(overall, skip_pattern="ise" if overall == AMERICAN else "")
