"""V001 dialect-spelling: a British spelling in an American manuscript, or the reverse.

With `dialect: auto` the manuscript's evidence decides (rules/dialect/_facts.py:
variant spellings weighed by how rarely edited prose mixes them, supported by
weak markers such as Mum/Mom or single-quoted speech). When one side is clear,
each spelling of the other side is flagged, except where the writer keeps it on
purpose:

1. a file that keeps one side of a pattern at least FILE_HABIT_MIN times,
   one-sidedly, keeps it (letters written by a British character);
2. a file long enough to show its conventions (CONVENTIONS_SHOWN spellings of
   the manuscript's side) that never spells the word the other way (period
   American books write "grey", "defence" and "skilful" throughout);
3. a pattern the manuscript keeps on the minority side throughout, or a word it
   always spells so (_facts.GROUP_MIN, FAMILY_HABIT_MIN): one finding, on the
   first such spelling, says that the manuscript keeps both;
4. a weak marker's pair (Mum/Mom) only when the manuscript also uses the other form;
5. a spelling that writers of the manuscript's own dialect commonly use (American fan
   fiction writes "grey" in two works of three that use the word: _variants.Markers.leaks),
   unless the manuscript also spells that word its own way or shows its dialect in at
   least _facts.LEAKY_EVIDENCE distinct spellings: with less, such a spelling is the writer's
   habit for that word, not a slip (nor, kept throughout, a mix: 3. holds the same test).

When neither side is clear and the manuscript has two or more distinct words of
each, one finding (on the first spelling of the side with less evidence) says
that it mixes them. Speech is judged like narration: a spelling does not change
how a word sounds, so "colour" in an American character's mouth is no accent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.rule import Rule, examples
from ficlint.rules.dialect._facts import (
    DIALECT,
    DialectFacts,
    Mixed,
    Tally,
    accepted_words,
    common_habit,
    dialect_facts,
    part_key,
)
from ficlint.rules.dialect._variants import (
    AMERICAN,
    BRITISH,
    MARKER,
    OTHER_SIDE,
    SIDE_NAME,
    Hit,
    Variant,
    find_hits,
    markers,
)

RULE = Rule(
    id="V001",
    name="dialect-spelling",
    category="dialect",
    summary="A British spelling in an American manuscript, or the reverse (colour among color, favorite).",
    why="Readers notice when one book spells it both ways, and every publisher's style sheet picks one "
        "dialect. With `dialect: auto` the manuscript's own evidence decides, over every file checked "
        "together: its variant spellings (-our, -re, doubled l…, each weighed by how rarely edited prose "
        "mixes it), supported by weak signs such as Mum/Mom, whilst, learnt or single-quoted speech; a "
        "clear minority is flagged even in one short chapter, and a manuscript that really mixes both "
        "sides is told so once. Set `dialect: en-US`, `en-GB` or `en-GB-oxendict` (Oxford -ize) to decide "
        "yourself. Spellings that are different words (practice/practise, program/programme, check/cheque) "
        "are flagged only on their unambiguous side (tire and license only as nouns), names (Pearl Harbor, "
        "the Labour Party) never.",
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
        "The colour of the theatre was grey; the color of the center was gray.",
    ),
    allows=("The colour of the sky and the grey sea; she realised her favourite theatre was shut.",
            "He had color, she had colour: nobody can tell which is the odd one out.",
            "They flew to Pearl Harbor with the Labour Party and the World Health Organization. Her "
            "favourite colour was grey.",
            "I practise every day; practice makes perfect. The program on my laptop crashed. My favourite "
            "tyre was flat. Her colour was good.",
            "Theatre and travelling were his life; his favourite was the theatre in the centre, and he loved "
            "travelling.",
            "Don't tire yourself: she was licensed to drive."),
    fix_safety="Safe: the other dialect's spelling of the same word, with the same capitalisation.",
)
FACTS = DIALECT

# A file that keeps a convention of its own for a pattern, this many times and
# this one-sidedly, is respected (letters written by a British character).
FILE_HABIT_MIN = 4
FILE_HABIT_SHARE = 0.8
# A file with this many spellings on the manuscript's side is long enough to show its conventions:
# there a spelling is flagged only when the file also spells the word the other way (period
# American books write "grey", "defence" and "skilful" throughout; a chapter is too short to tell a
# convention from a slip).
CONVENTIONS_SHOWN = 30
_MARKER_NAMES = {"mum": "Mum", "mom": "Mom", "towards": "towards", "toward": "toward", "whilst": "whilst",
                 "amongst": "amongst", "learnt": "learnt", "learned": "learned", "gotten": "gotten",
                 "title-without-stop": "Mr without a full stop", "title-with-stop": "Mr. with one",
                 "single-quotes": "single-quoted speech", "double-quotes": "double-quoted speech",
                 "fortnight": "fortnight", "arse": "arse", "ass": "ass"}


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    facts = dialect_facts(doc, ctx)
    hits, _ = find_hits(doc)
    accepted = accepted_words(ctx)
    hits = [h for h in hits if h.variant.spelling not in accepted
            and not (h.capitalised and h.variant.spelling in facts.names)]
    this_file = facts.file_tally(doc.path) if doc.path in facts.by_file \
        else Tally(Counter(h.variant.spelling for h in hits))
    judge = _Judge(facts, this_file)
    mixed = facts.mixed
    said_here = mixed is not None and mixed.path == doc.path and mixed.part == part_key(doc.text)
    for hit in hits:
        if said_here and hit.start == mixed.start:
            yield Diagnostic(RULE.id, hit.start, hit.end, _mixed_message(hit, mixed), (), confidence=0.8)
            continue
        message = judge.verdict(hit)
        if message:
            fix = keep_case(hit.word, hit.variant.other)
            yield Diagnostic(RULE.id, hit.start, hit.end, message,
                             (Fix(hit.start, hit.end, fix),), confidence=0.9 if facts.configured else 0.8,
                             data={"replacement": fix})


def _mixed_message(hit: Hit, mixed: Mixed) -> str:
    advice = ("Pick one dialect and keep to it; with `dialect:` set in the config, every spelling of the "
              "other is flagged.")
    if mixed.dialect is None:
        return (f"\"{hit.word}\": this manuscript mixes British spellings ({', '.join(mixed.british)}) with "
                f"American ones ({', '.join(mixed.american)}). {advice}")
    british = mixed.dialect == BRITISH
    mine, kept = (mixed.british, mixed.american) if british else (mixed.american, mixed.british)
    other = SIDE_NAME[OTHER_SIDE[mixed.dialect]]
    return (f"\"{hit.word}\": this manuscript spells most words the {SIDE_NAME[mixed.dialect]} way "
            f"({', '.join(mine)}) but keeps these {other} throughout ({', '.join(kept)}). {advice}")


class _Judge:
    """Decides, spelling by spelling, whether the manuscript wants the other dialect's spelling."""

    def __init__(self, facts: DialectFacts, this_file: Tally) -> None:
        self.facts = facts
        self.this_file = this_file

    def verdict(self, hit: Hit) -> str | None:
        """The message for a spelling that should be the other dialect's, or None."""
        v = hit.variant
        fix = keep_case(hit.word, v.other)
        if v.pattern == MARKER and not self.facts.tally.family(v.family)[OTHER_SIDE[v.side]]:
            return None  # Mom alone is a word, not a slip: only beside Mum is it one
        if self.facts.configured:
            return self._configured_verdict(v, hit.word, fix)
        wanted = self.facts.dialect
        if wanted is None or wanted == v.side or v.pattern == "ise" and wanted == BRITISH \
                and not self._keeps_ise():
            return None  # -ise and -ize are both British, unless the manuscript keeps to -ise
        if v.spelling in self.facts.kept or self._file_habit(v) or self._file_convention(v):
            return None  # kept throughout: the one finding on the mixed manuscript says so
        if common_habit(self.facts.tally, v, wanted):
            return None  # grey in American fan fiction: too common a habit to call a slip on thin evidence
        if wanted == AMERICAN and v.pattern != "ise" \
                and not sum(self.facts.tally.side(AMERICAN, skip_pattern="ise").values()):
            return None  # -ize (and weak signs) alone: Oxford British writes -ize and grey too
        return self._message(hit, v, wanted, fix)

    def _message(self, hit: Hit, v: Variant, wanted: str, fix: str) -> str:
        tally = self.facts.tally
        if v.pattern == "ise" and sum(tally.group("ise")[wanted].values()):
            evidence = tally.group("ise")[wanted]
            n = sum(evidence.values())
            mine, theirs = ("-ise", "-ize") if v.side == BRITISH else ("-ize", "-ise")
            return (f"\"{hit.word}\" is spelt with {mine}; this manuscript uses {theirs} {_times(n)} "
                    f"({_listed(evidence)}). Write \"{fix}\".")
        evidence = tally.side(wanted, skip_pattern="ise" if wanted == AMERICAN else "")
        n = sum(evidence.values())
        habits = [_MARKER_NAMES.get(name, name) for name, _ in sorted(self.facts.markers.items())
                  if (self._marker_side(name) == wanted)]
        also = f"; and {', '.join(habits[:3])}" if habits and n < 5 else ""
        return (f"\"{hit.word}\" is {SIDE_NAME[v.side]}; this manuscript spells it the "
                f"{SIDE_NAME[wanted]} way {_times(n)} ({_listed(evidence)}{also}). Write \"{fix}\".")

    @staticmethod
    def _marker_side(name: str) -> str | None:
        weight = markers().weights.get(name, 0.0)
        return BRITISH if weight >= 0.3 else AMERICAN if weight <= -0.3 else None

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

    def _keeps_ise(self) -> bool:
        """Does a British manuscript keep to -ise (so an -ize is a slip, not Oxford spelling)?
        Counted in distinct words: "realized" three times is one habit against three -ise words."""
        group = self.facts.tally.group("ise")
        mine, theirs = len(group[BRITISH]), len(group[AMERICAN])
        return mine + theirs >= 3 and mine >= 0.75 * (mine + theirs)

    def _file_convention(self, v: Variant) -> bool:
        """Is this file long enough to show its conventions, and never spells the word the other way?"""
        other = OTHER_SIDE[v.side]
        majority_here = sum(self.this_file.side(other).values())
        return majority_here >= CONVENTIONS_SHOWN and not self.this_file.family(v.family)[other]


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _listed(evidence: Counter[str]) -> str:
    return ", ".join(w for w, _ in evidence.most_common(3)) + (", …" if len(evidence) > 3 else "")
