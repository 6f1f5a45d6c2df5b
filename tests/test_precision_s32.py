"""Session 32: the fandom's canon capitals for words the dictionary knows in lowercase (C001: `muggles`
where the story writes Muggles as canon does) and time skips set between ornaments or announced
(`~three days later~`, `Flashback to 4 years ago`: no M006) and an opening quote set like a closing
one (D008: `his pocket," Said your wife`) and a tag whose person told follows "her" (D001: `Trisha
greeted her other father as she sat down`), each beside what the rule must still flag or leave
alone, through the CLI."""

from __future__ import annotations

from conftest import rule_findings

HOGWARTS = ("Harry Potter and Hermione Granger walked past Draco Malfoy to see Albus Dumbledore. "
            "Ron Weasley followed Harry, and Hermione watched Draco. ")


def test_canon_capital_of_a_dictionary_word_the_story_capitalises(tmp_path):
    # the story writes Muggles once mid-sentence and muggles once: canon capitalises it
    text = HOGWARTS + ("Not knowing anything about Muggles, he asked. Wouldn't the muggles bore him?\n\n"
                       "He took the Floo home, then used the floo again.\n")
    assert rule_findings(tmp_path, text, "C001") == [("C001", "muggles", "M"), ("C001", "floo", "F")]


def test_canon_capital_needs_the_storys_own_capital_and_the_fandom(tmp_path):
    # the story writes muggle in lowercase more often than not: its own habit
    text = HOGWARTS + "The Muggles left. A muggle came, and another muggle, and the muggles cheered.\n"
    assert rule_findings(tmp_path, text, "C001") == []
    # no Harry Potter signature names: canon says nothing
    text = "Not knowing anything about Muggles, he asked. Wouldn't the muggles bore him?\n"
    assert rule_findings(tmp_path, text, "C001") == []
    # a word in another's compound stays
    text = HOGWARTS + "Not knowing anything about Muggles, he met a muggle-born girl.\n"
    assert rule_findings(tmp_path, text, "C001") == []


def test_m006_quiet_on_time_skips_between_ornaments(tmp_path):
    text = ("She closed the door.\n\n~three days later~\n\nHe came back.\n\nFlashback to 4 years ago\n\n"
            "They were young.\n\n**---2 Months Later---**\n\nIt rained.\n\n7 months later~\n\n"
            "He quit a few years later\n\nShe stayed.\n")
    assert rule_findings(tmp_path, text, "M006") == [("M006", "later", ".")]


def test_d008_opening_quote_set_like_a_closing_one(tmp_path):
    text = ("\"I just received a message,\" the Captain pulled a scrap of paper from his pocket,\" Said your "
            "wife is home. I am sorry.\"\n\n"
            "“My wife is bleeding,” Newt stared into the older wizard’s eyes,\" And we are wasting it.\"\n\n"
            "\"Go,\" he said, \"now.\" She went.\n\n"
            "He said \"hello\" and left.\n")
    assert rule_findings(tmp_path, text, "D008") == [("D008", "\" ", " \""), ("D008", "\" ", " \"")]


def test_tag_with_her_before_the_person_told(tmp_path):
    # "her" before a person is hers, not the person told: the tag still ends with the person and what
    # the speaker does meanwhile
    text = ("\"Morning, Papa.\" Trisha greeted her other father as she sat down.\n\n"
            "\"Fine.\" He told her mother quietly.\n\n"
            "\"Morning.\" She told her mother about the day.\n\n"
            "\"Go.\" She asked her mother to leave.\n")
    assert rule_findings(tmp_path, text, "D001") == [("D001", ".\" Trisha", ","), ("D001", ".\" He", ",\" h")]
