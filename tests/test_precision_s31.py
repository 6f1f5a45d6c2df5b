"""Session 31: a fandom's canon capitals as evidence when a story writes a term both ways (C001),
"the X's" with no surname evidence (M010: titles, kinds of creature, what one body has, a name that
goes on, a paper's title in italics, a quotation's closing ’) and group-chat lines sent "to" someone
(the chat layout M006 leaves alone), each beside the slip the rule must still flag, through the CLI."""

from __future__ import annotations

from conftest import rule_findings

from ficlint.document.furniture import chat_line

HOGWARTS = ("Harry Potter and Hermione Granger walked past Draco Malfoy to see Albus Dumbledore. "
            "Ron Weasley followed Harry, and Hermione watched Draco. ")


def test_canon_capital_decides_a_term_written_both_ways_once(tmp_path):
    text = HOGWARTS + ("Fire held off the Inferi at the lake. Later he dreamt of inferi clawing at him.\n\n"
                       "They reached it at last. Riddle manor was dark. Tom Marvolo Riddle smiled.\n")
    assert rule_findings(tmp_path, text, "C001") == [
        ("C001", "inferi", "I"), ("C001", "Riddle manor", "M")]


def test_no_canon_evidence_outside_the_fandom_or_without_the_storys_own_capital(tmp_path):
    # no Harry Potter signature names: the glossary says nothing about this story
    text = "Fire held off the Inferi at the lake. Later he dreamt of inferi clawing at him.\n"
    assert rule_findings(tmp_path, text, "C001") == []
    # the story never capitalises it: its own habit, not a slip
    text = HOGWARTS + "Later he dreamt of inferi clawing at him, and the inferi at the lake.\n"
    assert rule_findings(tmp_path, text, "C001") == []


def test_m010_needs_a_surname_not_a_title_a_kind_or_a_body(tmp_path):
    text = ("He read the Daily Prophet at breakfast, and hated the Prophet's usual lies.\n\n"
            "A Dementor drifted past. The Dementor's cloak was torn.\n\n"
            "She looked at the Slytherin's robes and the Nundu's saliva.\n\n"
            "They came back to the Godric's Hollow cottage.\n\n"
            "He read the *Quibbler's* lies.\n\n"
            "‘Hit ‘em where it hurts’ were words she lived by.\n\n"
            "They met Ginny Weasley there. The Weasley's kitchen was warm. They stayed at the Malfoy's "
            "for a week. *‘Not the Longbottom’s child. Neville Longbottom, no.’*\n\n"
            "Even my parents' had doubts.\n")
    assert rule_findings(tmp_path, text, "M010") == [
        ("M010", "Weasley's", "Weasleys'"), ("M010", "Malfoy's", "Malfoys"),
        ("M010", "Longbottom’s", "Longbottoms’"), ("M010", "parents'", "")]


def test_group_chat_lines_sent_to_someone_are_chat():
    assert chat_line("**James Potter** to **the maraudgang** **™:** day 1 of new bus seats") == "bold"
    assert chat_line("***james potter*** to ***sirius black:*** you up") == "bold"
    assert chat_line("*He went to the shop: it was closed*") == "system"  # an italic line, as before
    assert chat_line("**Harry** went to **the** shop: nothing") == ""


def test_m006_quiet_on_a_group_chat_sent_to_someone(tmp_path):
    text = ("He took out his phone to tone down the awkwardness.\n\n"
            "**James Potter** to **the maraudgang** **™:** day 1 of new bus seats and lily smells so nice\n\n"
            "**Sirius Black:** shut up\n\n**Remus Lupin:** Don’t be rude.\n\n"
            "He put the phone away and stared out of the window\n")
    assert rule_findings(tmp_path, text, "M006") == [("M006", "window", ".")]


def test_a_speaker_correcting_himself_after_a_dash_is_a_tag(tmp_path):
    text = ("“I wanted to ask Luna—” He corrected himself at the look on her face. “Miss Lovegood.”\n\n"
            "“Wait.” He told himself to breathe.\n\n“Wait—” he corrected himself.\n\n"
            "“Wait—” He stopped himself and left.\n")
    assert rule_findings(tmp_path, text, "D002") == [("D002", "He", "h")]


def test_a_tag_with_the_person_told_and_what_the_speaker_does_meanwhile(tmp_path):
    text = ("“Why?” She greeted him cheerfully as she stood up.\n\n"
            "“Fine.” He told her while tying his boots.\n\n"
            "“Fine.” He told her as much.\n\n“Fine.” He told her about his day.\n")
    assert rule_findings(tmp_path, text, "D001,D002") == [("D002", "She", "s"), ("D001", ".” He", ",” h")]
