"""Session 33: a thought's tag after a full stop (D001: `'Sod it.' He thought.`, `*'The map is wrong.'*
Hermione mused, *'or...'*` in any quotes, `"Good to know." I thought as I walked out`), beside the verbs of
thinking that start a sentence of their own (`He thought intently.`, `The cherub pondered, her
round eyes searching`, `He privately wondered, ..., whether`), through the CLI. A bare thought tag after
! or ? is D002's (tests/test_lead_s34.py)."""

from __future__ import annotations

import pytest
from conftest import rule_findings

FLAGGED = [
    ("\"The door was locked.\" She thought while climbing the stairs.\n", "s"),
    ("‘Sod it.’ He thought. ‘His health matters more.’\n", "h"),
    ("“Well.” He mused to himself. “So long as it’s not stealing.”\n", "h"),
    ("‘Can’t catch a break.’ He thought bitterly to himself as he watched.\n", "h"),
    ("\"Oh, this will go well.\" I thought to myself, as I saw the blonde.\n", ""),
    ("*‘The map must be wrong.’* Hermione mused, *‘or the castle moved.’*\n", ""),
    ("“The map must be wrong.” Hermione mused, “or the castle moved.”\n", ""),
    ("\"The map must be wrong.\" Hermione mused, \"or the castle moved.\"\n", ""),
    ("‘The map must be wrong.’ Hermione mused, ‘or the castle moved.’\n", ""),
]


@pytest.mark.parametrize(("text", "first"), FLAGGED)
def test_thought_tag_after_full_stop(tmp_path, text, first):
    [(rule, marked, fix)] = rule_findings(tmp_path, text, "D001,D002")
    assert rule == "D001" and marked.startswith(".")
    # the full stop becomes a comma; a pronoun after it is lowercased, a name and "I" are not
    assert fix == "," if not first else fix.startswith(",") and fix.endswith(first)


LEFT_ALONE = [
    "\"This is a man's business.\" He thought intently. \"Mention it to nobody.\"\n",
    "\"That's tough.\" The cherub pondered, her round eyes searching Jill's face. \"Why?\"\n",
    "\"You're welcome.\" He privately wondered, and not for the first time, whether he cared.\n",
    "\"Actually.\" She thought for a second. \"Actually, I'm sure.\"\n",
    "\"Hmm.\" He thought about it.\n",
    "\"I know.\" She thought of Draco.\n",
    "\"Maybe.\" He considered.\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_thinking_that_starts_its_own_sentence(tmp_path, text):
    assert rule_findings(tmp_path, text, "D001,D002") == []


def test_tag_then_what_the_speaker_does_runs_into_speech(tmp_path):
    # the tag goes on to a phrase of what the speaker does: the narration must end before new speech
    text = ("“Drink this, boy,” The nurse said without turning from the window “It will help. "
            "Trust me.”\n")
    assert rule_findings(tmp_path, text, "D010") == [("D010", " “", ". ")]


@pytest.mark.parametrize("text", [
    "Iris cried out \"Win isn't guilty. He was here.\"\n",  # a tag right before its speech introduces it
    "He said to her \"Come in. Sit down.\"\n",
    "She said as she left a dismayed \"Oh. Oh no.\"\n",  # the speech is the noun of the phrase
])
def test_tag_before_its_speech_is_no_run_on(tmp_path, text):
    assert rule_findings(tmp_path, text, "D010") == []


def test_closing_quote_turned_to_open_speech_after_narration(tmp_path):
    text = ("“Neville-” He stopped himself at the glare Ginny gave him,” is waiting in the hall. We should "
            "go.” He grinned.\n\n“Right,” Ron said, eyeing the chessboard with a smirk,”that looks "
            "like checkmate.”\n")
    found = rule_findings(tmp_path, text, "D011")
    assert found == [("D011", "” ", " “"), ("D011", "”", " “")]


@pytest.mark.parametrize("text", [
    "“Neville,” he said, “is waiting in the hall.” He grinned.\n",  # opened the right way
    "“Neville-” He stopped himself, and she nodded, smiling.”\n",  # no speech word after the comma
    "“Go,” he said, and left. She said, “Stay.”\n",
])
def test_quotes_that_pair_up(tmp_path, text):
    assert rule_findings(tmp_path, text, "D011") == []


@pytest.mark.parametrize(("text", "marked"), [
    ("Tom dropped the tray.\n\n“*Damn*,”\n\nEveryone in the kitchen turned to stare.\n", ","),
    ("Mara heard someone call.\n\n“Professor Sprout,”\n\nThe greenhouse door swung open.\n", ","),
    ("“Weasley,”\n\n“Parkinson,”\n\nTo anyone watching, the nod looked almost polite.\n", ","),
])
def test_a_name_or_a_word_said_alone_with_a_comma(tmp_path, text, marked):
    found = rule_findings(tmp_path, text, "D014")
    assert found and all(f == ("D014", marked, ".") for f in found)


@pytest.mark.parametrize("text", [
    "He signed it.\n\n“Sincerely,”\n\n“Harry”\n",  # a letter's sign-off keeps its comma
    "He wrote:\n\n“Love,”\n\nHarry\n",
    "“Your Jack”\n\nShe folded the letter.\n",  # a signature alone: a label
    "He finished the note.\n\n“With best wishes,”\n\n“Tom”\n",
    "She signed it.\n\n“Your friend,”\n\n“Ada”\n",
    "He signed it.\n\n“Yours truly,”\n\n“Tom”\n",
])
def test_sign_offs_are_labels(tmp_path, text):
    assert rule_findings(tmp_path, text, "D014") == []
