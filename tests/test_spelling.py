"""Spelling that knows the story: typos with the right first suggestion, names
learned from the manuscript, fandom slang, speech, glossaries and the project
word list."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, lint, run_cli

from ficlint.diagnostics import Diagnostic

NOTE = ("A/N. Hi, so this is my first SMASH fanfic and the first creative piece of writing I have done in a "
        "loooong time. Some characters (particulatly Karen) are quite different. R&R please!")


def typos(text: str, **config: object) -> list[Diagnostic]:
    return [d for d in lint(text, "S", **config) if d.rule == "S001"]


def first_fix(diagnostic: Diagnostic) -> str:
    return diagnostic.fixes[0].replacement


# -- typos and suggestions ------------------------------------------------------------


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("She pulled her jacket tighly around her.", "tighly", "tightly"),
    (NOTE, "particulatly", "particularly"),
    ("He walked into the kitchne and sat down.", "kitchne", "kitchen"),
    ("It was a wonderfull evening.", "wonderfull", "wonderful"),
    ("It was not straightfoward at all.", "straightfoward", "straightforward"),
    ("I will definately come back.", "definately", "definitely"),
    ("She got up agian and left.", "agian", "again"),
    ("Tighly, she held on.", "Tighly", "Tightly"),
])
def test_a_typo_is_flagged_with_the_right_word_first(text, wrong, right):
    found = typos(text)
    assert [text[d.start:d.end] for d in found] == [wrong]
    assert first_fix(found[0]) == right
    assert not found[0].fixes[0].safe


def test_spelling_applies_inside_an_authors_note():
    assert flagged(NOTE, "S001") == ["particulatly"]


def test_a_typo_that_ends_like_an_inflection_keeps_it_in_the_first_suggestion():
    text = "She wrote both addreses on the apartmens list and agred to go."
    found = {text[d.start:d.end]: first_fix(d) for d in typos(text)}
    assert found == {"addreses": "addresses", "apartmens": "apartments", "agred": "agreed"}
    # an ending that is no inflection of a candidate's bare form changes nothing: design, not dewing
    (d,) = typos("It was a new desing for the house.")
    assert first_fix(d) == "design"


def test_the_message_lists_the_suggestions():
    (d,) = typos("She pulled her jacket tighly around her.")
    assert "\"tightly\"" in d.message and "tighly" in d.message


def test_a_classic_misspelling_is_flagged_even_when_repeated():
    text = "I definately want it. You definately want it. We definately want it."
    assert flagged(text, "S001") == ["definately"] * 3


# -- what is not a typo -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    NOTE.replace("particulatly", "particularly"),
    "This is my second SMASH fanfic, so I hope you enjoy:) R&R don't be afraid to comment.",
    "A/N: sorry for the wait! This WIP is pure fluff, no angst. Canon-divergent AU, some OOC moments.",
    "Her OTP was canon at last; the fic had a beta and a POV switch.",
    "\"Nooo!\" she cried. \"Sooo sorry. Ugh. Hmm. Argh!\"",
    "It took a loooong time.",
    "The colour of the theatre; the color of the theater. She was apologising, he was apologizing.",
    "\"I ain't goin' nowhere,\" he said. \"Gonna stay an' fight 'em, y'all.\"",
    "\"Vell, I t'ink about vot ve alwis eat,\" said the old woman.",
    "She could hear the buzz feeding out of the doors to SouthPaw.",
    "There are no velvet ropes and frills at SouthPaw, and that's just the way she liked it.",
    "She bought an iPhone and an eBook on eBay.",
    "NASA and the FBI and the BBC were all there.",
    "The harum-scarum boy shouted, \"Gid-dap!\"",
    "She liked the word _gorver_ best of all.",
    "The tappings at the door grew louder; the moony night was headachy and glossless.",
    "They snuck out of the house after midnight.",
])
def test_not_a_typo(text):
    assert flagged(text, "S001") == []


def test_names_that_recur_mid_sentence_are_learned():
    text = ("Karen looked at Derek. She told Dev about Ivy, and then Karen cried. Later, Brannock came in "
            "and sat with Karen and Brannock's sister. Nobody spoke to Brannock.")
    assert lint(text, "S") == []


def test_a_one_off_capitalised_word_at_a_sentence_start_is_still_checked():
    assert flagged("Tighly, she held on to the rail.", "S001") == ["Tighly"]


def test_a_name_used_across_the_manuscript_is_learned_from_every_file(tmp_path: Path):
    story, apart = tmp_path / "story", tmp_path / "apart"
    for folder in (story, apart):
        folder.mkdir()
        (folder / "two.txt").write_text("Kalen smiled at them.\n", encoding="utf-8")
    (story / "one.txt").write_text("They asked Kalen to stay. Then they saw Kalen.\n", encoding="utf-8")
    assert run_cli("check", "--select", "S", str(apart / "two.txt")).code == 1  # a manuscript of its own
    result = run_cli("check", "--select", "S", "--format", "json", str(story))
    assert result.code == 0, result.stdout
    named = run_cli("check", "--select", "S", str(story / "two.txt"))  # named alone: still one story
    assert named.code == 0, named.stdout


def test_a_word_used_again_and_again_is_deliberate():
    text = "The zorbling began. Everyone loved a good zorbling, and the zorbling went on."
    assert flagged(text, "S001") == []


def test_a_rare_capitalised_word_mid_sentence_is_taken_for_a_proper_noun():
    assert flagged("They drove from the Upper Westsid to downtown Brooklyn.", "S001") == []


# -- names near-misses -------------------------------------------------------------------------

STORY = ("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
         "Then Dereck left.")


def test_a_one_off_misspelling_of_a_name_is_flagged_with_the_name():
    found = [d for d in lint(STORY, "S") if d.rule == "S002"]
    assert [STORY[d.start:d.end] for d in found] == ["Dereck"]
    assert first_fix(found[0]) == "Derek"
    assert "5 times" in found[0].message


def test_ordinary_words_and_plurals_are_not_name_near_misses():
    text = ("The Growleywogs came. Then the Growleywogs left. The Growleywogs sang, and the Growleywogs "
            "danced, and the Growleywogs slept. The weakest Growleywog stayed.")
    assert lint(text, "S") == []


# -- the project word list ------------------------------------------------------------------------


def test_config_words_are_never_flagged():
    text = "She pulled her jacket tighly around her."
    assert flagged(text, "S001", words=("tighly",)) == []
    assert flagged(text, "S001", words=("Tighly",)) == []


def test_words_add_appends_to_the_word_list_next_to_the_config(tmp_path: Path):
    (tmp_path / ".ficlint.yaml").write_text("dialect: auto\n", encoding="utf-8")
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "one.txt").write_text("The Zorvath wore a quidditchy robe.\n", encoding="utf-8")
    before = run_cli("check", "--select", "S", "chapters", cwd=tmp_path)
    assert "quidditchy" not in before.stdout  # a derivation of nothing: no suggestion, no finding
    result = run_cli("words", "add", "Glimmerwick", "tighly", "tighly", cwd=chapters)
    assert result.code == 0, result.stderr
    assert "added 2 words" in result.stdout and "1 already listed" in result.stdout
    assert (tmp_path / ".ficlint-words.txt").read_text(encoding="utf-8").split() == ["Glimmerwick", "tighly"]
    again = run_cli("words", "add", "tighly", cwd=tmp_path)
    assert "added 0 words" in again.stdout
    (chapters / "two.txt").write_text("She pulled her jacket tighly around her.\n", encoding="utf-8")
    assert run_cli("check", "--select", "S", "chapters", cwd=tmp_path).code == 0
    listed = run_cli("words", "list", cwd=tmp_path)
    assert listed.stdout.split() == ["Glimmerwick", "tighly"]


def test_words_added_without_a_config_count_for_the_chapters_in_subfolders(tmp_path: Path):
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "one.txt").write_text("She pulled her jacket tighly around her.\n", encoding="utf-8")
    assert "tighly" in run_cli("check", "--no-cache", "--select", "S", "chapters", cwd=tmp_path).stdout
    added = run_cli("words", "add", "tighly", cwd=tmp_path)
    assert added.code == 0, added.stderr
    assert f"to {tmp_path / '.ficlint-words.txt'}" in added.stdout
    assert run_cli("check", "--no-cache", "--select", "S", "chapters", cwd=tmp_path).code == 0
    assert run_cli("check", "--no-cache", "--select", "S", ".", cwd=chapters).code == 0
    # From the chapter folder, `words add` extends the list the check already reads there.
    run_cli("words", "add", "Zorvath", cwd=chapters)
    assert not (chapters / ".ficlint-words.txt").exists()
    assert run_cli("words", "list", cwd=chapters).stdout.split() == ["tighly", "Zorvath"]


def test_a_word_list_beside_a_chapter_without_a_config_still_counts(tmp_path: Path):
    (tmp_path / ".ficlint-words.txt").write_text("quikly\n", encoding="utf-8")
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / ".ficlint-words.txt").write_text("tighly\n", encoding="utf-8")
    chapter = "She quikly pulled her jacket tighly around her, slowely.\n"
    (chapters / "one.txt").write_text(chapter, encoding="utf-8")
    result = run_cli("check", "--no-cache", "-q", "--select", "S", "chapters", cwd=tmp_path)
    assert [line.split()[-1] for line in result.stdout.splitlines() if "[S001]" in line] == ['"slowly"?']
    assert "\n1 finding in 1 file.\n" in result.stdout  # the word lists are not chapters
    assert run_cli("words", "list", cwd=chapters).stdout.split() == ["tighly", "quikly"]


def test_words_add_needs_a_word():
    result = run_cli("words", "add")
    assert result.code == 2


# -- glossary packs --------------------------------------------------------------------------------

HP = "Hermoine raised her hand. Dumbeldore smiled at the Griffindor table, and Hermione waved."


def test_a_shipped_glossary_is_opt_in_and_named_in_packs(tmp_path: Path):
    (tmp_path / "ch1.txt").write_text(HP + "\n", encoding="utf-8")
    off = run_cli("check", "--select", "S", "--format", "json", "ch1.txt", cwd=tmp_path)
    assert "S100" not in off.stdout
    (tmp_path / ".ficlint.yaml").write_text("packs: [glossaries/harry-potter]\n", encoding="utf-8")
    on = run_cli("check", "--select", "S", "--format", "json", "ch1.txt", cwd=tmp_path)
    diags = on.json()["files"][0]["diagnostics"]
    found = {HP[d["start"]["offset"]:d["end"]["offset"]]: d for d in diags}
    assert set(found) == {"Hermoine", "Dumbeldore", "Griffindor"}
    assert {d["rule"] for d in diags} == {"S100"}
    assert found["Hermoine"]["fixes"][0]["replacement"] == "Hermione"


def test_a_users_own_glossary_pack(tmp_path: Path):
    (tmp_path / "smash.yaml").write_text(
        "rules:\n"
        "  - id: S150\n"
        "    name: smash-glossary\n"
        "    kind: glossary\n"
        "    category: spelling\n"
        "    summary: SMASH names.\n"
        "    terms: [Karen Cartwright, Derek Wills, Ivy Lynn, Tom Levitt]\n"
        "    variants: {Carthwright: Cartwright}\n"
        "    flags: [\"Dereck Wills came in.\"]\n"
        "    allows: [\"Derek Wills came in.\"]\n", encoding="utf-8")
    (tmp_path / ".ficlint.yaml").write_text("packs: [smash.yaml]\n", encoding="utf-8")
    (tmp_path / "ch.txt").write_text("Dereck took Karen Carthwright to see Tom Levit.\n", encoding="utf-8")
    result = run_cli("check", "--select", "S", "--format", "json", "ch.txt", cwd=tmp_path)
    diags = result.json()["files"][0]["diagnostics"]
    assert [(d["rule"], d["fixes"][0]["replacement"]) for d in diags] == [
        ("S150", "Derek"), ("S150", "Cartwright"), ("S150", "Levitt")]


def test_a_glossary_without_terms_is_a_clear_error(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text(
        "rules:\n  - {id: S151, name: bad-glossary, kind: glossary, category: spelling, summary: x,\n"
        "     flags: [a], allows: [b]}\n", encoding="utf-8")
    (tmp_path / ".ficlint.yaml").write_text("packs: [bad.yaml]\n", encoding="utf-8")
    (tmp_path / "ch.txt").write_text("Hello.\n", encoding="utf-8")
    result = run_cli("check", "ch.txt", cwd=tmp_path)
    assert result.code == 2
    assert "terms" in result.stderr


def test_an_unknown_shipped_pack_is_a_config_error(tmp_path: Path):
    (tmp_path / ".ficlint.yaml").write_text("packs: [glossaries/no-such-fandom]\n", encoding="utf-8")
    (tmp_path / "ch.txt").write_text("Hello.\n", encoding="utf-8")
    result = run_cli("check", "ch.txt", cwd=tmp_path)
    assert result.code == 2
    assert "no-such-fandom" in result.stderr


def test_two_typos_side_by_side_are_both_reported():
    text = "He walked into the kitchne and sat down tighly on the chair."
    assert flagged(text, "S001") == ["kitchne", "tighly"]


def test_the_shipped_glossaries_prove_their_own_examples():
    from ficlint.config import Config
    from ficlint.packs import load_pack
    from ficlint.registry import pack_kinds
    from ficlint.resources import rules_dir
    from ficlint.run import lint_text

    for path in sorted((rules_dir() / "glossaries").glob("*.yaml")):
        config = Config(packs=(path,))
        for check in load_pack(path, pack_kinds()):
            rule = check.rule
            for example in rule.flags:
                found = lint_text(example, config, [rule.id])
                assert any(d.rule == rule.id for d in found), (path.name, example)
            for example in rule.allows:
                assert not lint_text(example, config, [rule.id]), (path.name, example)


@pytest.mark.parametrize("word", ["humourist", "jewelery", "glamor", "travelling", "traveling", "fulfil",
                                  "skilful", "colour", "color", "theatre", "apologising", "apologizing"])
def test_a_british_or_american_form_is_never_a_typo(word):
    assert flagged(f"She was a {word} at heart.", "S001") == []


def test_a_misspelt_suffix_is_no_dialect_variant():
    assert flagged("It was a wonderfull evening.", "S001") == ["wonderfull"]


def test_an_ize_form_the_dictionary_knows_only_spelt_ise_is_the_american_form_not_a_typo():
    text = "The strategizing sessions ran late, and the prioritization of the tasks changed."
    assert flagged(text, "S001") == []


def test_a_word_spelt_ise_in_both_dialects_is_a_typo_with_ize():
    assert flagged("It was a surprizing evening, and he was advertizing it.", "S001") == \
        ["surprizing", "advertizing"]


@pytest.mark.parametrize("text", [
    "\"Papa, I did tut it with my thixty little hanchet.\"",
    "\"Poor darlint, hear how purty she's singin', wid the pain.\"",
    "\"Well, I hooked it offen Agnes.\"",
    "\"Fancy fixins,\" said Grandma.",
])
def test_speech_spelt_as_spoken_is_not_a_typo(text):
    assert flagged(text, "S001") == []


def test_a_slip_of_the_fingers_in_dialogue_is_still_a_typo():
    text = "\"Hold on tighly,\" she said. \"It's in the kitchne.\""
    assert flagged(text, "S001") == ["tighly", "kitchne"]


def test_a_name_after_a_title_is_a_proper_noun():
    assert flagged("She read Wordsworth, Gray, Mrs. Hemans and Kipling.", "S001") == []


@pytest.mark.parametrize("text", ["There was noone there.", "It was, infact, over.", "Wait abit.",
                                  "She sat ontop of it.", "I like it alot."])
def test_two_words_run_together_are_left_to_the_run_together_rules(text):
    assert flagged(text, "S001") == []


# -- the dictionary ----------------------------------------------------------------------------


def test_the_rarer_dictionary_words_are_shipped_sorted_for_bisection():
    from ficlint.resources import data_dir
    from ficlint.rules.spelling._dictionary import RANKED

    words = (data_dir() / "english-words.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert words[RANKED:] == sorted(words[RANKED:]), "run scripts/build_dictionary.py"


def test_a_lookup_by_bisection_knows_exactly_the_words_the_set_knows():
    from ficlint.resources import data_dir
    from ficlint.rules.spelling._dictionary import Lexicon, lexicon

    words = sorted(lexicon().words)
    sample = words[::60]
    asked = sample + [w + "q" for w in sample] + [w[:-1] for w in sample] + ["", "zzzzz", "Brooklyn"]
    # fewer than 10,000 words asked of a fresh lexicon: all are looked up by bisection, none in a set
    fresh = Lexicon((data_dir() / "english-words.txt").read_text(encoding="utf-8"))
    assert fresh.known(asked[:5000]) == set(asked[:5000]) & lexicon().words
    assert [fresh.has(w) for w in asked[5000:]] == [w in lexicon().words for w in asked[5000:]]


# -- chapters with invented names, fandoms and a writer's habits (issue 19) ----------------------------

def test_a_long_word_two_slips_from_a_common_word_is_flagged_and_fixed(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    text = "There was no equivilant in this world.\n\nThe old man on the bench was apperntly asleep.\n"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--select", "S001", "--format", "json", "--no-cache", str(chapter))
    found = [d["fixes"][0]["replacement"] for f in result.json()["files"] for d in f["diagnostics"]]
    assert found == ["equivalent", "apparently"]
    run_cli("check", "--select", "S001", "--fix", "--unsafe-fixes", "--no-cache", str(chapter))
    assert chapter.read_text(encoding="utf-8") == (
        "There was no equivalent in this world.\n\nThe old man on the bench was apparently asleep.\n")


@pytest.mark.parametrize("text", [
    "Its tormentive suggestions of self-worth, its confliction, the unshirkable dark.",  # coined
    "\"Ye cannae be equivilant,\" said the auld wife.",  # in speech: a way of saying it
    "She read the *equivilant* of a spell.",  # in italics: often foreign or mentioned
])
def test_two_slips_are_not_reported_for_coinages_speech_or_italics(text):
    assert flagged(text, "S001") == []


INVENTED = ("Ysolde rode north to Kaer Morwen with Tavik. At the gate of Kaer Morwen, Ysolde stopped, and "
            "Tavik looked back at Ysolde. ")


def test_a_typo_beside_invented_names_is_still_a_typo():
    text = INVENTED + "Ysolde climbed tighly up the stair of Kaer Morwen."
    assert flagged(text, "S001") == ["tighly"]


def test_a_typo_beside_strange_words_that_are_no_names_stays_dialect():
    text = "\"Ach, ye ken the wee bairnie grat an' skirled tighly,\" said the auld wife."
    assert flagged(text, "S001") == []


def test_a_repeated_common_misspelling_is_flagged_every_time_and_at_a_sentence_start():
    text = ("I definately knew. She definately knew. Definately, we all knew. He definately said so, "
            "and they definately agreed.")
    assert flagged(text, "S001") == ["definately", "definately", "Definately", "definately", "definately"]


def test_an_our_spelling_that_is_no_british_word_is_a_typo():
    (d,) = typos("He was a vigourous man with an enourmous appetite.")[:1]
    assert flagged("He was a vigourous man with an enourmous appetite.", "S001") == ["vigourous", "enourmous"]
    assert first_fix(d) == "vigorous"


def test_a_typo_inside_a_hyphenated_compound_or_in_italics_is_checked():
    text = "She had a half-finsihed essay and a *beleive* in ghosts."
    assert flagged(text, "S001") == ["finsihed", "beleive"]
    assert flagged("The harum-scarum boy liked the word _gorver_.", "S001") == []


def test_a_word_cut_short_by_a_dash_or_an_ellipsis_is_no_typo():
    assert flagged("\"Just wait until I finish my missio-\" Draco stopped talking.", "S001") == []
    assert flagged("\"The wards are only for anti-app…appare…anti-poofing!\" she said.", "S001") == []
    # a slip before a dash is still a slip: "kitchne" is no beginning of "kitchen"
    assert flagged("He walked into the kitchne— and sat down.", "S001") == ["kitchne"]


def test_a_word_cut_short_is_judged_by_every_word_it_may_begin():
    """"jackas-" begins jackass, though the likeliest word one slip away (jacks) is another."""
    assert flagged("*Yeah jackas- wait what?!* Draco stared at him.", "S001") == []
    assert flagged("*Yeah jackas, wait what?!* Draco stared at him.", "S001") == ["jackas"]


HOGWARTS = ("Harry walked into the Gryffindor common room, where Hermione and Ron sat by the fire. "
            "Hagrid had sent an owl from Hogsmeade, and Neville read it aloud. ")


def test_a_capitalised_near_miss_of_a_canon_name_is_flagged_with_the_canon_spelling():
    text = HOGWARTS + "Dumbeldore wanted to see them, said Hermione; Voldermort was back."
    found = [d for d in lint(text, "S") if d.rule == "S002"]
    assert [(text[d.start:d.end], first_fix(d)) for d in found] == [("Dumbeldore", "Dumbledore"),
                                                                     ("Voldermort", "Voldemort")]
    assert "Harry Potter spells this name" in found[0].message


def test_canon_terms_are_no_typos_once_the_fandom_is_detected():
    text = HOGWARTS + "They would apparate to the Ministry, where the aurors cast lumos in the dark."
    assert flagged(text, "S001") == []


def test_other_forms_of_a_fandoms_own_words_are_no_typos(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    text = HOGWARTS + "From the Leaky Cauldron he floos home.\n\nShe was flooing to the Burrow.\n"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--select", "S001", "--format", "json", "--no-cache", str(chapter))
    assert [d for f in result.json()["files"] for d in f["diagnostics"]] == []
    (tmp_path / ".ficlint.yaml").write_text("fandom-glossaries: off\n", encoding="utf-8")
    result = run_cli("check", "--select", "S001", "--format", "json", "--no-cache", str(chapter))
    assert "floos" in [d["message"].split('"')[1] for f in result.json()["files"] for d in f["diagnostics"]]


def test_fandom_detection_can_be_turned_off(tmp_path: Path):
    text = HOGWARTS + "Dumbeldore smiled.\n\nThey would apparate to the Ministry.\n"
    (tmp_path / "chapter-1.md").write_text(text, encoding="utf-8")

    def found() -> set[tuple[str, str]]:
        result = run_cli("check", "--select", "S", "--format", "json", "--no-cache", "chapter-1.md",
                         cwd=tmp_path)
        return {(d["rule"], text[d["start"]["offset"]:d["end"]["offset"]])
                for f in result.json()["files"] for d in f["diagnostics"]}

    assert found() == {("S002", "Dumbeldore")}
    (tmp_path / ".ficlint.yaml").write_text("fandom-glossaries: off\n", encoding="utf-8")
    assert ("S002", "Dumbeldore") not in found()
    assert ("S001", "apparate") in found()


def test_a_chapter_of_another_fandom_does_not_switch_the_glossary_on():
    """Its near misses of canon names are not judged (Dumbeldore is no S002 finding there), but a
    term of the fandom spelt as the fandom spells it is no typo anywhere (apparate, an auror)."""
    text = ("Merlin ran after Arthur through the woods of Camelot. Gaius had warned Merlin, and Merlin "
            "knew it. Lily the maid waved. They would apparate, said nobody.\n\nLater that night the "
            "king slept, and the knights kept watch by the fires. Dumbeldore was an old name.")
    assert flagged(text, "S001") == []
    assert flagged(text, "S002") == []


def test_a_vowel_heard_wrong_in_a_long_name_the_story_keeps_using_is_flagged():
    text = ("Kageyama set the ball. " * 3 + "Hinata spiked it past Kageyama and Kageyama laughed. "
            "Then Kagayama served.")
    found = [d for d in lint(text, "S") if d.rule == "S002"]
    assert [(text[d.start:d.end], first_fix(d)) for d in found] == [("Kagayama", "Kageyama")]


def test_short_names_a_vowel_apart_and_pet_names_are_different_names():
    text = "Dawson met Jill. " * 5 + "Ernest Dowson wrote poems; Jilly laughed."
    assert [d for d in lint(text, "S") if d.rule == "S002"] == []


def _name_findings(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    chapter = tmp_path / "chapter.md"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", str(chapter))
    return [(d["rule"], text[d["start"]["offset"]:d["end"]["offset"]], d["fixes"][0]["replacement"])
            for f in result.json()["files"] for d in f["diagnostics"] if d["rule"] in ("S001", "S002")]


LILY = ("Lily laughed. James kissed Lily, and Lily smiled back. Later Lily read while James slept. "
        "Sirius teased Lily about it, and Lily threw a pillow at Sirius. ")


def test_a_rare_name_a_doubled_letter_from_the_storys_own_name_is_flagged_and_fixed(tmp_path: Path):
    text = LILY + "\"Where is Lilly?\" he asked. \"LILLY!\"\n"
    assert _name_findings(tmp_path, text) == [("S002", "Lilly", "Lily"), ("S002", "LILLY", "LILY")]
    chapter = tmp_path / "chapter.md"
    run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", str(chapter))
    assert chapter.read_text(encoding="utf-8").endswith("\"Where is Lily?\" he asked. \"LILY!\"\n")


def test_another_name_a_letter_or_a_sound_away_from_the_storys_name_is_left_alone(tmp_path: Path):
    text = ("Jane walked in. Jane sat. Jane read, and Jane slept while Jane dreamt. "
            "Then Janet came, and George met Georgie in India with an Indian friend.\n")
    assert _name_findings(tmp_path, text) == []


def test_a_slip_in_a_canon_name_beside_another_strange_word_is_still_flagged(tmp_path: Path):
    text = HOGWARTS + "He had served the Luietenat of Grindlewald in the war.\n"
    assert ("S002", "Grindlewald", "Grindelwald") in _name_findings(tmp_path, text)


# -- split compounds (S003) ---------------------------------------------------------------------


def _splits(text: str) -> list[tuple[str, str]]:
    return [(text[d.start:d.end], first_fix(d)) for d in lint(text, "S003") if d.rule == "S003"]


@pytest.mark.parametrize(("text", "written", "closed"), [
    ("She walked quickly and then stumbled in to their room.", "in to", "into"),
    ("He had forgotten some thing important.", "some thing", "something"),
    ("Some thing was wrong with the door.", "Some thing", "Something"),
    ("They filed in to the hall in silence.", "in to", "into"),
    ("He stepped out in to the bright sun light.", "sun light", "sunlight"),
    ("He poked at the red head’s shoulder and laughed, for to day was the day.", "to day", "today"),
])
def test_a_compound_split_in_two_is_flagged_with_its_closed_form(text, written, closed):
    assert (written, closed) in _splits(text)


def test_the_fix_writes_the_closed_form_in_the_same_case(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("They filed in to the hall. Some thing moved.\n", encoding="utf-8")
    run_cli("check", "--select", "S003", "--fix", "--unsafe-fixes", "--no-cache", str(chapter))
    assert chapter.read_text(encoding="utf-8") == "They filed into the hall. Something moved.\n"


@pytest.mark.parametrize("text", [
    "She finally gave in to temptation.",  # a phrasal verb: give in, to temptation
    "He leaned in to kiss her.",  # "to" before a verb: an infinitive
    "They ran in to warm themselves by the fire.",
    "They turned him in to the police.",  # an object between the verb and its particle
    "Mum called them all in to dinner.",
    "It may be true, and prices rose ten per cent.",  # what edited books print
    "And so on they went, a long way, to buy a round at the inn.",
    "He had a way with words; it was a part of him.",
    "They walked in to the Under World.",  # a name
    "She walked into the kitchen and sat down.",
])
def test_words_that_belong_apart_are_left_alone(text):
    assert _splits(text) == []


def test_a_manuscript_in_a_period_style_writes_compounds_apart_on_purpose(tmp_path: Path):
    period = ("To-day she went up-stairs to the bed-room; to-morrow she would go again.\n\n"
              "She had forgotten some thing important, and filed in to the hall.\n")
    assert _splits(period) == []
    (tmp_path / "chapter-1.md").write_text("To-day she went up-stairs; to-morrow again.\n", encoding="utf-8")
    (tmp_path / "chapter-2.md").write_text("She had forgotten some thing important.\n", encoding="utf-8")
    result = run_cli("check", "--select", "S003", "--format", "json", "--no-cache", str(tmp_path))
    assert [d for f in result.json()["files"] for d in f["diagnostics"]] == []


def test_a_pair_after_two_other_search_words_is_still_found():
    # "more" (of "more over") and "some" (of "hand some") are words of the search but no pair: the
    # match "more some" must not use up "some", the first word of "some thing"
    text = "Was it once more some thing his mind had made up? He held her hand over the table."
    assert _splits(text) == [("some thing", "something")]


def test_split_compounds_in_speech_and_in_italics_are_still_flagged():
    assert ("some thing", "something") in _splits("\"I forgot some thing important,\" she said.")
    assert ("some thing", "something") in _splits("She had forgotten *some thing* important.")


def test_split_compounds_are_reported_only_when_the_writer_turns_the_rule_on(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("He had forgotten some thing important.\n", encoding="utf-8")
    default = run_cli("check", "--format", "json", "--no-cache", str(chapter))
    assert [d["rule"] for f in default.json()["files"] for d in f["diagnostics"] if d["rule"] == "S003"] == []
    chosen = run_cli("check", "--extend-select", "S003", "--format", "json", "--no-cache", str(chapter))
    found = [d for f in chosen.json()["files"] for d in f["diagnostics"] if d["rule"] == "S003"]
    assert [(d["rule"], d["message"]) for d in found] == [
        ("S003", "\"some thing\" is one word here: \"something\".")]


# -- "in to" for "into" (S004, on by default) ----------------------------------------------------


def _cli_findings(tmp_path: Path, text: str, *args: str) -> list[tuple[str, str, str]]:
    chapter = tmp_path / "chapter.md"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", *args, str(chapter))
    return [(d["rule"], text[d["start"]["offset"]:d["end"]["offset"]], d["fixes"][0]["replacement"])
            for f in result.json()["files"] for d in f["diagnostics"] if d["rule"].startswith("S00")]


def test_in_to_for_into_is_flagged_by_default_and_fixed(tmp_path: Path):
    text = ("The compartment lapsed in to silence. Later they filed in to the Great Hall, "
            "and she vanished in to the crowd.\n")
    assert _cli_findings(tmp_path, text) == [("S004", "in to", "into")] * 3
    chapter = tmp_path / "chapter.md"
    run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", str(chapter))
    assert chapter.read_text(encoding="utf-8") == (
        "The compartment lapsed into silence. Later they filed into the Great Hall, "
        "and she vanished into the crowd.\n")


@pytest.mark.parametrize("text", [
    "She finally gave in to temptation, as she always gave in to him.\n",  # give in (to)
    "He was clued in to the plan before the others.\n",
    "The essay was turned in to me on Monday morning.\n",  # turn in = hand over
    "He logged in to the account and read the mail.\n",
    "Harry turned himself in to the Aurors.\n",  # the verb's object between
    "He came in to see her after dinner.\n",  # "to" before a verb: an infinitive
    "He shook his head and tuned back in to the conversation.\n",  # an adverb between verb and particle
    "Mum called them all in to dinner.\n",
])
def test_in_to_after_a_phrasal_verb_or_before_an_infinitive_is_left_alone(tmp_path: Path, text: str):
    assert _cli_findings(tmp_path, text) == []


def test_only_s004_reports_in_to_when_both_split_rules_are_on(tmp_path: Path):
    text = "He had forgotten some thing, and stumbled in to their room.\n"
    assert sorted(_cli_findings(tmp_path, text, "--extend-select", "S003")) == [
        ("S003", "some thing", "something"), ("S004", "in to", "into")]


# -- closed compounds written as two nouns (S005, on by default) ---------------------------------


def test_closed_compounds_written_as_two_nouns_are_flagged_and_fixed(tmp_path: Path):
    text = ("They crossed the court yard together. It took all his will power not to laugh, "
            "and her house mates were asleep by the fire place.\n")
    assert _cli_findings(tmp_path, text) == [
        ("S005", "court yard", "courtyard"), ("S005", "will power", "willpower"),
        ("S005", "house mates", "housemates"), ("S005", "fire place", "fireplace")]
    chapter = tmp_path / "chapter.md"
    run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", str(chapter))
    assert chapter.read_text(encoding="utf-8") == (
        "They crossed the courtyard together. It took all his willpower not to laugh, "
        "and her housemates were asleep by the fireplace.\n")


@pytest.mark.parametrize("text", [
    "She walked there every day, and it took some time.\n",  # written open more often than closed
    "He did not love her any more, not for a while.\n",
    "They developed the film in the dark room.\n",  # an adjective and its noun
    "We can hide out in the barn until dark.\n",  # a verb and its particle
    "The madman laughed in the courtyard by the fireplace.\n",  # already closed
    "They met at the Court Yard on Tuesday.\n",  # a name
    "Her foot steps on a dry twig.\n",  # a subject and its verb: the sentence has no other
    "Will the house hold through the storm?\n",
    "Her whole head lights up.\n",
])
def test_phrases_and_closed_compounds_are_left_alone_by_s005(tmp_path: Path, text: str):
    assert _cli_findings(tmp_path, text) == []


def test_a_split_compound_beside_another_verb_is_still_flagged(tmp_path: Path):
    # "place" could be a verb, but "crackled" is the sentence's (the tagger reads it as a participle)
    found = _cli_findings(tmp_path, "A fire crackled in the fire place.\n")
    assert found == [("S005", "fire place", "fireplace")]


def test_a_compound_split_across_lines_is_named_on_one_line(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("They crossed the court \nyard in silence.\n", encoding="utf-8")
    result = run_cli("check", "-q", "--no-cache", "--select", "S005", str(chapter))
    assert '"court yard" is one word here' in result.stdout  # the line break was printed as it stood


def test_a_compound_split_at_a_hard_wrapped_line_end_is_flagged(tmp_path: Path):
    # no space before the line break, LF or CRLF: a manuscript wrapped at a fixed width
    for end in ("\n", "\r\n"):
        text = f"They crossed the court{end}yard in silence.{end}"
        assert [(r, f) for r, _, f in _cli_findings(tmp_path, text)] == [("S005", "courtyard")]


def test_a_compound_in_underscore_italics_or_beside_a_dotted_capital_i_is_flagged(tmp_path: Path):
    text = "She crossed the _court yard_ slowly. In İzmir the fire place was cold.\n"
    assert _cli_findings(tmp_path, text) == [
        ("S005", "court yard", "courtyard"), ("S005", "fire place", "fireplace")]
    chapter = tmp_path / "chapter.md"
    run_cli("check", "--fix", "--unsafe-fixes", "--no-cache", str(chapter))
    assert chapter.read_text(encoding="utf-8") == (
        "She crossed the _courtyard_ slowly. In İzmir the fireplace was cold.\n")


@pytest.mark.parametrize("text", [
    "On the second day light snow began to fall.\n",  # day, then light snow: an adjective and its noun
    "The file my_court yard was empty.\n",  # an underscore inside a word, not emphasis
])
def test_a_second_word_that_may_be_an_adjective_or_part_of_a_name_is_left_alone(tmp_path: Path, text: str):
    assert _cli_findings(tmp_path, text) == []


def test_a_compound_in_both_split_tables_is_reported_once(tmp_path: Path):
    text = "Albus stood in the door way, smiling.\n"
    assert _cli_findings(tmp_path, text, "--extend-select", "S003") == [("S005", "door way", "doorway")]
    assert _cli_findings(tmp_path, text, "--extend-select", "S003", "--ignore", "S005") == [
        ("S003", "door way", "doorway")]


def _s001_words(tmp_path: Path, text: str) -> list[str]:
    """The words S001 flags in `text`, checked through the CLI."""
    chapter = tmp_path / "chapter.md"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--select", "S001", "--format", "json", "--no-cache", str(chapter))
    found = [d for f in result.json()["files"] for d in f["diagnostics"]]
    return [text[d["start"]["offset"]:d["end"]["offset"]] for d in found]


def test_words_many_fan_fiction_writers_use_are_no_typos_but_their_common_misspellings_are(tmp_path: Path):
    filler = "The morning was quiet and the road ran on past the old stone wall by the river. "
    text = filler.join(["", "The genin stood still. ", "She was having a freakout. ", "A lycan howled. ",
                        "The hokages argued. ", "It was definately late. ", "She was tierd. ", "\n"])
    assert _s001_words(tmp_path, text) == ["definately", "tierd"]


def test_a_capitalised_word_before_a_speech_verb_or_a_surname_is_a_name(tmp_path: Path):
    text = ("The hall was full.\n\n\"Wait!\" Tixie whispered. \"Hear that?\"\n\nTempestus Nott laughed. "
            "Nott was old, and Nott knew it. Profesor Nott smiled. Theri expression changed.\n")
    assert _s001_words(tmp_path, text) == ["Profesor", "Theri"]


def test_a_pet_name_made_from_a_canon_name_is_no_near_miss(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text(HOGWARTS + "Sirius laughed at Prongs. So he did what Prongsie did, and Fleurie sang. "
                       "Then Dumbeldore came.\n", encoding="utf-8")
    result = run_cli("check", "--select", "S002", "--format", "json", "--no-cache", str(chapter))
    assert [d["message"].split('"')[1] for f in result.json()["files"] for d in f["diagnostics"]] \
        == ["Dumbeldore"]


def test_a_canon_name_missed_into_two_dictionary_words_is_a_near_miss(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text(HOGWARTS + "Professor Flitwitch fell ill before the Quiditch match. The Deatheater "
                       "waited in the Sunroom.\n", encoding="utf-8")
    result = run_cli("check", "--select", "S", "--format", "json", "--no-cache", str(chapter))
    found = [d for f in result.json()["files"] for d in f["diagnostics"]]
    assert [(d["rule"], d["message"].split('"')[1]) for d in found] \
        == [("S002", "Flitwitch"), ("S002", "Quiditch")]


def test_a_name_many_fan_fiction_writers_use_is_no_typo_at_a_sentence_start(tmp_path: Path):
    text = ("The twins had been a handful all day, and the boss knew it.\n\n"
            "\"Voi, your sisters are quite the handful,\" he said. Squalo looks a bit pale.\n\n"
            "It was 'Mione. She did not mind.\n\nSuddenlly her mother laughed.\n")
    assert _s001_words(tmp_path, text) == ["Suddenlly"]


def test_a_name_broken_off_by_a_dash_is_no_near_miss(tmp_path: Path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text(HOGWARTS + "Lucius smiled at Narcissa.\n\n\"Of course, anything for you Narcis—\" She "
                       "was interrupted.\n\nThen Narcisa laughed.\n", encoding="utf-8")
    result = run_cli("check", "--select", "S002", "--format", "json", "--no-cache", str(chapter))
    found = [d for f in result.json()["files"] for d in f["diagnostics"]]
    assert [d["message"].split('"')[1] for d in found] == ["Narcisa"]


def _s002_words(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    """The words S002 flags in `text` and their fixes, checked through the CLI."""
    chapter = tmp_path / "chapter.md"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--select", "S002", "--format", "json", "--no-cache", str(chapter))
    return [(text[d["start"]["offset"]:d["end"]["offset"]], d["fixes"][0]["replacement"])
            for f in result.json()["files"] for d in f["diagnostics"]]


def test_a_canon_term_made_a_verb_is_no_near_miss_but_a_slip_in_it_is(tmp_path: Path):
    text = HOGWARTS + ("Blaise laughed. Blaise drank, and Blaise left. He walked in while Polyjuiced "
                       "as Goyle. Polyjuicing twice was risky. The Polyjuce was ready.\n\n"
                       "“Okay,” Blaised drawled.\n")
    assert _s002_words(tmp_path, text) == [("Polyjuce", "Polyjuice"), ("Blaised", "Blaise")]


def test_a_short_canon_name_is_missed_by_no_added_letter_and_by_ear_a_name_keeps_syllables(tmp_path: Path):
    text = HOGWARTS + ("Thor was a guest. I wrote back to the mirror, I am Tathor. "
                       "Dumbledore feared Grindlewald. Sesnape shifted. It was Dumbledoor’s Army.\n\n"
                       "“Thanks, Mika.” Mia waved.\n")
    assert _s002_words(tmp_path, text) == [("Grindlewald", "Grindelwald"), ("Sesnape", "Snape"),
                                           ("Dumbledoor", "Dumbledore")]


def test_the_first_word_of_a_name_of_several_at_a_sentence_start_is_a_name(tmp_path: Path):
    text = ("She ran to the building marked ‘Oberman Centre for Research’, out of breath.\n\n"
            "Profesor Smith waved. Tomorow I will go.\n")
    assert _s001_words(tmp_path, text) == ["Profesor", "Tomorow"]


def test_speech_spelt_as_spoken_with_an_accent_for_an_apostrophe_or_none_is_no_typo(tmp_path: Path):
    text = ("“There ya are! Fightin´ gives me a thirst,” he said. “Nothin` to it.”\n\n"
            "“Whistlin in the dark,” she said. He walked into the kitchne.\n\nHe was runnin late.\n")
    assert _s001_words(tmp_path, text) == ["kitchne", "runnin"]


def test_a_plural_with_its_g_dropped_in_speech_is_no_typo(tmp_path: Path):
    text = "“Grandma's fixins are the best,” he said. He walked into the kitchne.\n"
    assert _s001_words(tmp_path, text) == ["kitchne"]


def test_a_spell_alone_in_speech_or_italics_is_no_typo_in_a_fandom_with_spells(tmp_path: Path):
    spells = ("“Sectio.” The feathers fell slowly to the ground.\n\n*Expedire! Stupefy!* he cried out "
              "in the dark.\n\n“Brillant!” said Ron.\n\nShe uttered, *“Ennervate!”*\n\n"
              "“WHATNO!” April shouted.\n")
    assert _s001_words(tmp_path, HOGWARTS + spells) == ["Brillant", "Ennervate", "WHATNO"]
    assert _s001_words(tmp_path, "The morning was quiet.\n\n" + spells) \
        == ["Sectio", "Expedire", "Brillant", "Ennervate", "WHATNO"]


def test_a_capital_one_slip_from_a_rare_word_is_a_name_not_a_typo(tmp_path: Path):
    """Satine (satins), Algiz (algid), Mandos (mandes): names, runes and spells, where a capital one
    slip from a common word (Simpy: simply), a long word (Unsurprinsingly) and two letters swapped in a
    name (Sephiorth: sephiroth) stay typos."""
    text = ("“Satine.” He looked back at his wife.\n\nAlgiz. Three-nine-zero.\n\n“Mercy,” Mandos sighed "
            "deeply.\n\nSimpy put, it was over.\n\nUnsurprinsingly, Harry opened the door.\n\n"
            "“Fire. Sephiorth, walking into the flames.”\n")
    assert _s001_words(tmp_path, text) == ["Simpy", "Unsurprinsingly", "Sephiorth"]


def test_a_fandoms_names_in_the_possessive_say_which_fandom_a_chapter_belongs_to(tmp_path: Path):
    text = ("Harry laughed, and Harry sat down by Harry’s fire. He had heard Voldemort's followers once, "
            "and Slytherin's founder was long dead.\n\n\"Too?\" Percival asked. It was not his auror "
            "voice.\n")
    assert _s001_words(tmp_path, text) == []
    (tmp_path / ".ficlint.yaml").write_text("fandom-glossaries: off\n", encoding="utf-8")
    assert _s001_words(tmp_path, text) == ["auror"]


def test_a_fandoms_term_is_no_typo_in_a_chapter_too_short_to_show_its_fandom(tmp_path: Path):
    """A short Fantastic Beasts chapter names Newt and one auror: too little to detect the fandom (its
    near misses are not judged), but the auror is no typo for "aurora"; the misspelt word beside it
    still is. With `fandom-glossaries: off` the auror is flagged as before."""
    text = ("Newt noticed, of course, but he could never coax an answer out of her. She was an auror, "
            "and she had flooed home late; the papers were on her desk, compleetly forgotten.\n")
    assert _s001_words(tmp_path, text) == ["compleetly"]
    (tmp_path / ".ficlint.yaml").write_text("fandom-glossaries: off\n", encoding="utf-8")
    assert _s001_words(tmp_path, text) == ["auror", "flooed", "compleetly"]


def test_a_long_canon_name_without_its_last_vowel_is_a_slip_a_short_name_another_form(tmp_path: Path):
    """Hogsmead is no other form of Hogsmeade (a long canon name has one), where a story's Paula beside
    its Paul, and a canon name of five letters with its vowel dropped (Ginn), are left to the writer."""
    text = HOGWARTS + ("The walk to Hogsmead was long. Paul waved at Paula, and Luna waved at Ginn across "
                       "the lane.\n\nPaul laughed.\n")
    assert _s002_words(tmp_path, text) == [("Hogsmead", "Hogsmeade")]


def test_a_word_made_from_a_canon_name_on_purpose_is_no_near_miss(tmp_path: Path):
    """Gryffindorks (Gryffin + dorks) and Veelan (of Veela, as Victorian of Victoria) are made from
    the name on purpose; one slip in it (Gryfindor) stays a slip."""
    text = HOGWARTS + ("“I’ll protect you from the scary Gryffindorks,” said Ron. She was of Veelan "
                       "descent. The Gryfindor banner hung in the hall.\n")
    assert _s002_words(tmp_path, text) == [("Gryfindor", "Gryffindor")]


def test_one_letter_past_a_long_canon_name_into_a_common_word_is_a_blend(tmp_path: Path):
    """The Gryffindork trio (Gryffindor + dork) is wordplay on a long name; Godrick (Godric + k) is a
    slip in a short one, though rick is a word too."""
    text = HOGWARTS + ("The Gryffindork trio came, as Draco liked to call them. They stood at the gate of "
                       "Godrick's Hollow, where Godric Gryffindor was born, and Godric's statue stood.\n")
    assert _s002_words(tmp_path, text) == [("Godrick", "Godric")]



def test_a_slip_in_a_canon_name_that_lost_its_apostrophe_is_a_near_miss(tmp_path: Path):
    """Grimmualds Place (Grimmauld's, its 's written without the apostrophe) is a slip in the name;
    the fandom's own plurals (the Weasleys, the Malfoys) are no slips."""
    text = HOGWARTS + "They met behind Grimmualds Place. The Weasleys and the Malfoys came too.\n"
    assert _s002_words(tmp_path, text) == [("Grimmualds", "Grimmaulds")]


def test_words_of_modern_english_the_dictionary_lacks_are_no_typos():
    """Slang, brands and technical words from the wordfreq list (scripts/build_modern_words.py)."""
    text = ("The tricep curls hurt. She drank oolong tea, said blech at the taste, and warned him "
            "about roofies at the club.")
    assert flagged(text, "S001") == []
    assert flagged(text + " He sat tighly.", "S001") == ["tighly"]


def test_misspellings_the_web_uses_often_stay_typos():
    """wordfreq counts recieve and wierd too; the build leaves out a word one edit from a far
    commoner one, and the common-misspellings list always wins."""
    text = "She would recieve the letter on a wierd morning, she was definately sure."
    assert flagged(text, "S001") == ["recieve", "wierd", "definately"]


def test_the_modern_words_hold_no_dictionary_word_and_no_common_misspelling():
    from ficlint.rules.spelling._dictionary import lexicon, misspellings, modern_words

    words = modern_words()
    assert words and not any(lexicon().has(w) or w in misspellings() for w in words)


def test_a_modern_word_is_still_strange_company_for_its_neighbour():
    """absurdum is on the modern list, so never flagged; beside it, reductio is still read as part
    of a foreign phrase, as before the list shipped."""
    assert flagged("They exist as a _reductio ad absurdum_ of all bigotry, a proof of it.", "S001") == []
    assert flagged("They exist as a reductio of all bigotry, a proof of it.", "S001") == ["reductio"]


def test_a_plural_made_with_s_where_english_makes_it_otherwise_is_a_typo(tmp_path: Path):
    """childrens, feets, babys, werewolfs: the regular derivations (child + s) no longer explain
    them, even when repeated; the fix is the plural, or the possessive for a plural of people."""
    text = ("He made childrens kits. Her feets were cold, and the babys cried. Two werewolfs ran "
            "past the shelfs. The babys slept.")
    found = {text[d.start:d.end]: first_fix(d) for d in typos(text)}
    assert found == {"childrens": "children's", "feets": "feet", "babys": "babies",
                     "werewolfs": "werewolves", "shelfs": "shelves"}
    assert _s001_words(tmp_path, text) == ["childrens", "feets", "babys", "werewolfs", "shelfs", "babys"]


@pytest.mark.parametrize("text", [
    "The wolfs the food down; she knifes the bread.",  # verbs the dictionary knows
    "They bound the sheafs of wheat; the hoofs and the wharfs were wet.",  # printed variants of -ves
    "The children and the men ate; the babies slept.",
    "\"Them childs is hungry,\" said the old man.",  # a character's way of saying it
    "No one strifes for long here; the fighting ended.",  # strives is a verb's -s form, no plural of strife
    "She read it to Percys sister at the gate.",  # a name's possessive in capitals: the name checks' case
])
def test_a_plural_english_accepts_or_a_character_says_is_no_typo(text):
    assert flagged(text, "S001") == []


def test_a_name_written_in_lowercase_with_an_s_is_its_possessive(tmp_path: Path):
    """harrys in a Harry Potter story: Harry's, not harries (harry is a verb the dictionary knows)."""
    text = HOGWARTS + "Ron felt harrys hand on his arm.\n"
    found = [d for d in lint(text, "S") if d.rule == "S001"]
    assert [(text[d.start:d.end], first_fix(d)) for d in found] == [("harrys", "Harry's")]


def test_a_wrong_plural_opening_a_sentence_is_a_typo_with_its_capital_kept(tmp_path: Path):
    text = "Childrens toys lay everywhere. Feets were cold in the hall."
    found = {text[d.start:d.end]: first_fix(d) for d in typos(text)}
    assert found == {"Childrens": "Children's", "Feets": "Feet"}
