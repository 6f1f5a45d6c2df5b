"""Stop 36, dialogue and capitals: an edition of a century ago (it hyphenates to-day and to-morrow)
keeps its time's house style - no comma before a tag, speech joined to narration by a comma or by
nothing, a comma before a gesture, a flat question, `your Uncle and Aunt` - while the same lines in
modern prose are still flagged; and D006's fix after a tag whose speech ended with ? or ! ends the
tag with a full stop. Through the real CLI."""

from __future__ import annotations

import pytest
from conftest import dialogue_findings, rule_findings

# Two period hyphenations make the manuscript an edition of a century ago.
PERIOD = "They would go to-day, or to-morrow at the latest.\n\n"
MODERN = "They would go today, or tomorrow at the latest.\n\n"

# The house style of the time (each is a slip in modern prose, flagged by the rule named).
PERIOD_LINES = [
    ("D003", '"Nothing" said Margaret, seized with a momentary awkwardness.\n'),
    ("D003", '"I wish you could have heard it, girls" said the cherub regretfully.\n'),
    ("D013", 'Harry shrugged, "I get that a lot."\n\nRon nodded, "Me too."\n\n'
             'Hermione sat down on the couch, "I am tired of this."\n'),
    ("D010", 'She pulled away from his grip "Why would you say that?" Her eyes flashed.\n'),
    ("D015", '"Who are they then," Tom pleaded.\n'),
    ("D005", '"I know the way," he pointed up the hill with his stick.\n'),
]


@pytest.mark.parametrize(("rule", "line"), PERIOD_LINES)
def test_modern_prose_is_flagged(tmp_path, rule, line):
    assert rule in [r for r, _, _ in dialogue_findings(tmp_path, MODERN + line)]


@pytest.mark.parametrize(("rule", "line"), PERIOD_LINES)
def test_a_period_edition_keeps_its_time_s_house_style(tmp_path, rule, line):
    assert rule not in [r for r, _, _ in dialogue_findings(tmp_path, PERIOD + line)]


def test_a_period_edition_is_read_from_the_whole_manuscript(tmp_path):
    (tmp_path / "01.txt").write_text(PERIOD, encoding="utf-8")
    (tmp_path / "02.txt").write_text('"Nothing" said Margaret, and left.\n', encoding="utf-8")
    from conftest import folder_findings
    assert folder_findings(tmp_path, "D") == []


@pytest.mark.parametrize(("line", "rule", "marked"), [
    # slips in any edition: a question without its mark, a capital after the comma, a full stop before a tag
    ('"What lies over there" asked the Mole.\n', "D003", '" asked'),
    ('"I have felt the touch of spirits," He opened his eyes.\n', "D005", '," He'),
    ('"You could take her somewhere bracing." said Feather.\n', "D001", '." said'),
    ('She gave a little cry. "you mean money."\n', "D006", "you"),
])
def test_a_period_edition_still_has_its_slips(tmp_path, line, rule, marked):
    found = dialogue_findings(tmp_path, PERIOD + line)
    assert (rule, marked) in [(r, m) for r, m, _ in found]


def test_lowercase_speech_joined_by_a_comma_is_a_period_edition_s_own(tmp_path):
    line = 'She calculated the walk as half an hour, "just one half hour," and went on.\n'
    assert "D006" not in [r for r, _, _ in dialogue_findings(tmp_path, PERIOD + line)]


@pytest.mark.parametrize("text", [
    "We must invite your Uncle and Aunt to live here, said Ozma.\n",
    '"Yes," said her Aunt. "I have thought so."\n',
    "He looks like the dead, mum; I think he has had bad news.\n",
])
def test_family_words_of_a_period_edition(tmp_path, text):
    assert rule_findings(tmp_path, PERIOD + text, "C004") == []
    assert rule_findings(tmp_path, MODERN + text, "C004") != []


@pytest.mark.parametrize(("text", "fixed"), [
    ('"What?" he asked, "tell me."\n', '"What?" he asked. "Tell me."\n'),
    ('"Sorry!" Kara said, putting her down slowly, "you okay?"\n',
     '"Sorry!" Kara said, putting her down slowly. "You okay?"\n'),
    ("“Antonin?” she asked more softly, “what is this about?”\n",
     "“Antonin?” she asked more softly. “What is this about?”\n"),
])
def test_new_speech_after_a_question_s_tag_ends_the_tag_with_a_full_stop(tmp_path, text, fixed):
    found = [f for f in dialogue_findings(tmp_path, MODERN + text) if f[0] == "D006"]
    assert [fixed_text.split("\n\n")[-1] for _, _, fixed_text in found] == [fixed]


@pytest.mark.parametrize("text", [
    '"What?" he asked. "tell me."\n',  # the full stop is there: only the capital changes
    '"Why?" she asked him. "because I said so."\n',
])
def test_the_capital_alone_changes_where_no_comma_ends_the_tag(tmp_path, text):
    found = [f for f in dialogue_findings(tmp_path, MODERN + text) if f[0] == "D006"]
    assert found
    for _, _marked, fixed_text in found:
        assert fixed_text.count(",") == (MODERN + text).count(",")


def test_a_carried_on_sentence_is_left_alone(tmp_path):
    text = '"Bye!" he called, "and thanks!"\n\n"I think," she said, "we should go."\n'
    assert "D006" not in [r for r, _, _ in dialogue_findings(tmp_path, MODERN + text)]


@pytest.mark.parametrize(("text", "marked"), [
    ("The Outer Rim was far. The jedi had never been meant to be soldiers.\n", "jedi"),
    ("She had never met the american before.\n", "american"),
])
def test_a_name_english_and_fan_fiction_capitalise_keeps_it_after_the(tmp_path, text, marked):
    assert [(rule, m) for rule, m, _ in rule_findings(tmp_path, text, "C001")] == [("C001", marked)]


@pytest.mark.parametrize("text", [
    "The Jedi had never been meant to be soldiers. It's an American sandwich.\n",
    "Just like potion you wait, but in a owen, something Sirius never knew.\n",  # a typo of oven
    "They ordered the french toast.\n",
])
def test_the_name_with_its_capital_or_after_another_article_is_left_alone(tmp_path, text):
    assert rule_findings(tmp_path, text, "C001") == []


def test_a_space_between_a_nested_closing_quote_and_the_speech_s_is_typesetting(tmp_path):
    text = MODERN + "\"He told me, 'I made a fool of myself.' \" She sighed.\n"
    assert "D008" not in [r for r, _, _ in dialogue_findings(tmp_path, text)]


def test_a_space_after_an_apostrophe_inside_the_closing_quote_is_still_flagged(tmp_path):
    text = MODERN + "\"I was just goin' \" he said.\n"
    assert ("D008", " ") in [(r, m) for r, m, _ in dialogue_findings(tmp_path, text)]
