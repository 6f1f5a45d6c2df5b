"""T001 present-tense-in-past-narration: a present-tense verb in narration told in the past.

Policy (shared with T002). The analysis layer reads the narration: every finite verb with its
subject (a pronoun, a name, any noun phrase, a relative pronoun, a verb coordinated after "and")
and its clause, from the word classes (ficlint/analysis/clauses.py), and each scene's tense
(ficlint/analysis/scenes.py): scenes start at chapter and part headings, scene breaks of any style,
time-skip and date lines and dated diary entries; a scene's tense is the one it opens in, or the
tense of most of its verbs. In a past-tense scene:

- **a drift** (ficlint/rules/tense/_drift.py): a paragraph whose characters' actions have slid
  into the present (two at least, outnumbering its past verbs), and every paragraph next to it
  told in the present alone. Every present verb of it is flagged, whatever its subject, modals
  too ("can" -> "could"), with a message that says the paragraph has drifted;
- **a single slip**: a present verb the slip model (ficlint/rules/tense/_model.py, trained by
  scripts/train_tense.py) finds out of place from its features (_features.py): its subject and
  clause, the past verbs of its sentence, paragraph and the paragraphs around it, a coordinated
  past verb ("the wind blew and check"), the narrator's words around it.

Left alone: dialogue, emphasis of three words or more (italic thoughts, text messages, signs),
indented blocks (letters, verse, song lyrics), chat lines, captions and lines in capitals,
author's notes, headings, marked flashbacks, a letter or document introduced by a line ending in
a colon or opening "Dear …"; the reader addressed as "you" and a first-person narrator's asides
("I remember", "I think"); timeless generic statements (a plural or mass noun without a
determiner, "all / every / no / any X", "people", "one": "Sailors are a superstitious lot"); the
narrator's commentary and present frame, reported speech and thought, comparisons and set phrases
where the model reads them as timeless ("She knew the earth is round", "as it were"); modals
outside a drift ("would / could" futures in the past are past already, a lone "can" is left).
"""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import PAST
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.tense._judge import FIX_SAFETY, findings

RULE = Rule(
    id="T001",
    name="present-tense-in-past-narration",
    category="tense",
    summary="A present-tense verb in narration that is otherwise told in the past tense.",
    why=(
        'Narration that slips from the past into the present ("the wind blew and check her reflection") '
        "jolts the reader out of the story. ficlint takes each scene's tense from its narration (the tense "
        "it opens in, or most of its verbs; scenes start at chapter and part headings, scene breaks, "
        "time-skip and date lines) and finds every finite verb with its subject: a pronoun, a name, any "
        'noun phrase ("the old radio crackles"), a relative clause, a verb after "and", a contraction '
        "(\"doesn't\", \"that's\"). When a paragraph has drifted into the present (two characters' actions "
        "or more, outnumbering its past verbs), every present verb of it is flagged, modals too, and so are "
        "the paragraphs next to it told in the present alone. A single present verb is flagged when a model "
        "trained on slips put into published books and fan fiction finds it out of place: beside past verbs, "
        "with a particular subject, in the story's moment. Left alone: dialogue, italic thoughts, text "
        "messages, chat lines, letters, song lyrics and other indented or quoted documents, the reader as "
        '"you", a first-person narrator\'s asides ("I still remember"), timeless generic statements '
        '("Sailors are a superstitious lot", "all cats hate water"), the narrator\'s commentary and present '
        'frame, reported speech ("She knew the earth is round") and would/could futures in the past.'
    ),
    examples=examples(
        (
            "She was cold. She pulled her dress down as the wind blew and check her reflection in the "
            "window. She smiled at what she saw.",
            "She was cold. She pulled her dress down as the wind blew and checked her reflection in the "
            "window. She smiled at what she saw.",
        ),
        (
            "It was late and she was tired. Karen walked to the bar. There are no velvet ropes at SouthPaw, "
            "and that's just the way she liked it. She ordered a martini.",
            "It was late and she was tired. Karen walked to the bar. There were no velvet ropes at SouthPaw, "
            "and that was just the way she liked it. She ordered a martini.",
        ),
        (
            "He waited by the door for an hour. He was tired and hungry. Then he walks to the car and drove "
            "away. The rain had stopped.",
            "He waited by the door for an hour. He was tired and hungry. Then he walked to the car and drove "
            "away. The rain had stopped.",
        ),
    ),
    allows=(
        "She pulled her dress down as the wind blew and checked her reflection in the window.",
        '"I know you feel it too," she said. She walked away and did not look back.',
        "He knew that the earth is round. He said nothing about it and went home.",
        "I was nine that summer. I still remember the smell of the river. We swam every day.",
        "She would leave in the morning. He could see it in her eyes, and he turned away.",
        "She walked home. *He is never going to change,* she thought. She locked the door.",
    ),
    fix_safety=FIX_SAFETY,
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    return findings(doc, RULE, PAST)
