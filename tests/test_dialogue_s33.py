"""Session 33: a thought's tag after a full stop (D001: `'Sod it.' He thought.`, `*'The chosen one.'*
Dumbledore pondered, *'not...'*`, `"Good to know." I thought as I walked out`), beside the verbs of
thinking that start a sentence of their own (`He thought intently.`, `The cherub pondered, her
round eyes searching`, `He privately wondered, ..., whether`, `"Why?" She wondered.`), through the CLI."""

from __future__ import annotations

import pytest
from conftest import rule_findings

FLAGGED = [
    ("\"I want to go.\" He thought while pacing.\n", "h"),
    ("‘Sod it.’ He thought. ‘His health matters more.’\n", "h"),
    ("“Well.” He mused to himself. “So long as it’s not stealing.”\n", "h"),
    ("‘Can’t catch a break.’ He thought bitterly to himself as he watched.\n", "h"),
    ("\"Oh, this will go well.\" I thought to myself, as I saw the blonde.\n", ""),
    ("*‘He is the chosen one.’* Dumbledore pondered, *‘not the other child.’*\n", ""),
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
    "\"Why?\" She wondered.\n",
    "\"Maybe.\" He considered.\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_thinking_that_starts_its_own_sentence(tmp_path, text):
    assert rule_findings(tmp_path, text, "D001,D002") == []


def test_tag_then_what_the_speaker_does_runs_into_speech(tmp_path):
    # the tag goes on to a phrase of what the speaker does: the narration must end before new speech
    text = ("“Listen to your wife, lad,” The healer said without looking up from his work “She is right. "
            "They are always right.”\n")
    assert rule_findings(tmp_path, text, "D010") == [("D010", " “", ". ")]


@pytest.mark.parametrize("text", [
    "Iris cried out \"Win isn't guilty. He was here.\"\n",  # a tag right before its speech introduces it
    "He said to her \"Come in. Sit down.\"\n",
    "She said as she left a dismayed \"Oh. Oh no.\"\n",  # the speech is the noun of the phrase
])
def test_tag_before_its_speech_is_no_run_on(tmp_path, text):
    assert rule_findings(tmp_path, text, "D010") == []


def test_closing_quote_turned_to_open_speech_after_narration(tmp_path):
    text = ("“Luna-” He corrected himself at the look Hermione gave him,” is due in four months. We can "
            "ask Minerva.” He smiled.\n\n“Well,” Draco drawled, enjoying the look on Harry’s face,”it looks "
            "like I have won.”\n")
    found = rule_findings(tmp_path, text, "D011")
    assert found == [("D011", "” ", " “"), ("D011", "”", " “")]


@pytest.mark.parametrize("text", [
    "“Luna,” he said, “is due in four months.” He smiled.\n",  # opened the right way
    "“Luna-” He corrected himself, and she nodded, smiling.”\n",  # no speech word after the comma
    "“Go,” he said, and left. She said, “Stay.”\n",
])
def test_quotes_that_pair_up(tmp_path, text):
    assert rule_findings(tmp_path, text, "D011") == []


@pytest.mark.parametrize(("text", "marked"), [
    ("Beez looked around.\n\n“*Shit*,”\n\nA head of silvery hair popped out of the crowd.\n", ","),
    ("Anthony heard a voice.\n\n“Aziraphale Angel,”\n\nThere was polite applause.\n", ","),
    ("“Potter,”\n\n“Malfoy,”\n\nTo anyone else, the greeting would have seemed forced.\n", ","),
])
def test_a_name_or_a_word_said_alone_with_a_comma(tmp_path, text, marked):
    found = rule_findings(tmp_path, text, "D014")
    assert found and all(f == ("D014", marked, ".") for f in found)


@pytest.mark.parametrize("text", [
    "He signed it.\n\n“Sincerely,”\n\n“Harry”\n",  # a letter's sign-off keeps its comma
    "He wrote:\n\n“Love,”\n\nHarry\n",
    "“Your Jack”\n\nShe folded the letter.\n",  # a signature alone: a label
])
def test_sign_offs_are_labels(tmp_path, text):
    assert rule_findings(tmp_path, text, "D014") == []
