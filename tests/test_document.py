"""The document model on tricky text: what is narration, speech, an author's
note, a heading, a scene break or markup; lines, paragraphs, sentences, words."""

from __future__ import annotations

import tracemalloc

import pytest
from conftest import run_cli

from ficlint.document import Document, RegionKind, lowercase

N, D, NOTE, H, BREAK, M = (
    RegionKind.NARRATION,
    RegionKind.DIALOGUE,
    RegionKind.AUTHOR_NOTE,
    RegionKind.HEADING,
    RegionKind.SCENE_BREAK,
    RegionKind.MARKUP,
)


def regions(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return [(r.kind.value, text[r.start : r.end]) for r in doc.regions]


def texts_of(text: str, kind: RegionKind) -> list[str]:
    doc = Document.from_text(text)
    return [text[r.start : r.end] for r in doc.regions_of(kind)]


def block_kinds(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return [(p.kind.value, text[p.start : p.end]) for p in doc.paragraphs]


# Enough single-quoted speech for a manuscript to read as British style (a short
# text with few single quotes is read as double style: see quotes.detect_style).
BRITISH_FILLER = "".join(f"‘Line {i},’ she said.\n\n" for i in range(20))


# -- double quotes ------------------------------------------------------------------


def test_straight_and_curly_double_quotes_are_dialogue():
    assert regions('"Go," she said. “Now.”') == [
        ("dialogue", '"Go,"'),
        ("narration", " she said. "),
        ("dialogue", "“Now.”"),
    ]


def test_nested_single_quotes_stay_inside_the_dialogue():
    text = "\"He said 'run' and left,\" she said."
    assert regions(text) == [("dialogue", "\"He said 'run' and left,\""), ("narration", " she said.")]


def test_apostrophes_inside_double_quoted_speech_do_not_end_it():
    text = "\"I told 'em it's rock 'n' roll from the '90s,\" he said."
    assert texts_of(text, D) == ["\"I told 'em it's rock 'n' roll from the '90s,\""]


def test_multi_paragraph_speech_left_open_continues():
    text = '"I will go on speaking,\n\n"and I will go on still," he said.'
    doc = Document.from_text(text)
    first, second = doc.regions_of(D)
    assert first.continues and not first.unclosed and first.close_quote == ""
    assert not second.continues and second.close_quote == '"'


def test_a_speech_runs_on_through_indented_verse():
    text = (
        '"Listen to this one," she said. "It goes:\n\n'
        "    The river ran down to the sea,\n    and the night was long.\n\n"
        '    The sea ran up to the hill.\n\nAnd that was all of it."\n\nHe laughed.'
    )
    doc = Document.from_text(text)
    unclosed = [r for r in doc.regions_of(D) if not r.close_quote]
    assert [text[r.start:r.end] for r in unclosed] == ['"It goes:']
    assert unclosed[0].continues


def test_a_long_poem_of_indented_stanzas_is_read_in_linear_time(monkeypatch):
    # Each stanza once asked about every stanza after it (a quadratic walk: 12 s here): each
    # paragraph is now asked once whether it carries a speech on.
    from ficlint.document import quotes

    asked = []
    original = quotes.continues_speech

    def counting(*args, **kwargs):
        asked.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(quotes, "continues_speech", counting)
    stanza = "    The river ran down to the sea,\n    and all the night was long and cold,\n\n"
    doc = Document.from_text("# A Long Song\n\n" + stanza * 3000)
    assert len(doc.regions) == 3001
    assert 3000 <= len(asked) <= 3001


def test_lowering_a_long_text_takes_no_scratch_memory_beyond_its_result():
    # str.lower() on a whole text allocates 12 bytes of scratch a character; a slice at a time, it does not.
    text = "ΟΔΟΣ Σοφία’s WORD, İstanbul.\n" * 100_000 + "ΟΔΟΣ" * 50_000  # 3.1M characters
    tracemalloc.start()
    try:
        lowered = lowercase(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert lowered == text.lower()  # final sigmas included, at any slice boundary
    assert peak < 8 * len(text), f"{peak / len(text):.1f} bytes a character"


def test_a_quote_left_open_at_the_end_is_unclosed():
    doc = Document.from_text('"I will go on speaking, she said.\n\nThe night fell.')
    (speech,) = doc.regions_of(D)
    assert speech.unclosed


def test_apostrophes_in_narration_are_not_quotes():
    text = "He told 'em twice. 'Twas rock 'n' roll in the '90s, and the boys' hats were goin' cheap."
    assert regions(text) == [("narration", text)]


# -- single quotes (British style) -------------------------------------------------------


def test_single_curly_quotes_with_apostrophes():
    text = "‘I’d tell ’em,’ she said. ‘It’s rock ’n’ roll from the ’90s.’\n\n" + BRITISH_FILLER
    doc = Document.from_text(text)
    assert doc.quote_style == "single"
    assert texts_of(text, D)[:2] == ["‘I’d tell ’em,’", "‘It’s rock ’n’ roll from the ’90s.’"]


def test_plural_possessive_and_dropped_g_do_not_close_single_quotes():
    text = "‘The boys’ hats were goin’ cheap.’ She laughed.\n\n" + BRITISH_FILLER
    assert texts_of(text, D)[0] == "‘The boys’ hats were goin’ cheap.’"


def test_double_quotes_nested_in_single_quotes():
    text = "‘He said “run” and ran,’ she said.\n\n" + BRITISH_FILLER
    assert texts_of(text, D)[0] == "‘He said “run” and ran,’"


def test_multi_paragraph_speech_in_single_quotes():
    text = "‘I will go on,\n\n‘and on,’ he said.\n\n" + BRITISH_FILLER
    doc = Document.from_text(text)
    first = doc.regions_of(D)[0]
    assert first.continues and not first.unclosed


def test_straight_single_quotes_two_speeches_in_one_paragraph():
    text = "'Fine,' he said. 'Tell 'em I'm comin'.'\n\n" + BRITISH_FILLER
    assert texts_of(text, D)[:2] == ["'Fine,'", "'Tell 'em I'm comin'.'"]


# -- author's notes, headings, scene breaks ---------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "A/N: Thanks for reading!",
        "A/N. Hi all.",
        "Author's note: hello.",
        "AN: quick one.",
        "**A/N:** bold note",
        "Disclaimer: I own nothing.",
    ],
)
def test_labelled_author_note_at_the_start(opening):
    text = f"{opening}\n\nChapter 1\n\nShe left."
    assert block_kinds(text) == [
        ("author_note", opening),
        ("heading", "Chapter 1"),
        ("narration", "She left."),
    ]


def test_author_notes_at_the_end_including_ps():
    text = "She left.\n\nHe stayed.\n\nA/N: Thanks for reading.\n\nPS. I am a brit.\n\nP.S. More soon!"
    kinds = [k for k, _ in block_kinds(text)]
    assert kinds == ["narration", "narration", "author_note", "author_note", "author_note"]


def test_a_ps_in_a_characters_letter_is_story():
    text = (
        'She opened the letter.\n\n"Dear Bobbie, we are well.\n\n"Roberta.\n\n'
        "P.S. Mother sends her regards.\n\nShe folded it.\n\nThen she cried.\n\nThe train came.\n\n"
        "It was late."
    )
    assert all(k == "narration" for k, _ in block_kinds(text))


def test_a_ps_after_an_authors_note_is_a_note():
    text = "A/N: Thanks!\n\nPS. More soon.\n\nChapter 1\n\nShe left.\n\nHe stayed.\n\nThey met.\n\nIt rained."
    assert [k for k, _ in block_kinds(text)][:3] == ["author_note", "author_note", "heading"]


def test_an_opening_note_runs_until_the_chapter_heading():
    text = "A/N: Hi all.\n\nThis one was hard to write.\n\nChapter 2\n\nShe left."
    assert [k for k, _ in block_kinds(text)] == ["author_note", "author_note", "heading", "narration"]


def test_unlabelled_notes_that_talk_to_readers_at_the_edges():
    text = (
        "This is my second fanfic, so i hope you enjoy:) R&R!\n\n"
        "Time line: right after the finale.\n\n"
        "She left the room. The door closed.\n\n"
        "what did you think? please comment ;p"
    )
    assert [k for k, _ in block_kinds(text)] == ["author_note", "author_note", "narration", "author_note"]


def test_story_paragraphs_with_one_reader_word_stay_narration():
    text = 'Please, she thought, let this end.\n\nShe left.\n\n"What did you think?" he asked. "Please."'
    assert all(k == "narration" for k, _ in block_kinds(text))


def test_a_ps_inside_the_story_is_not_a_note_at_the_start():
    text = "She read the letter again.\n\nIt was short.\n\nThe end came quickly.\n\nShe slept."
    assert all(k == "narration" for k, _ in block_kinds(text))


@pytest.mark.parametrize(
    "heading",
    [
        "# Chapter One",
        "Chapter 3 - The Fall",
        "CHAPTER XII.",
        "Prologue",
        "Part Two",
        "IV",
        "The Long Night",
        "Heading\n=======",
        "Chapter 4 The Lost Key",
        "Epilogue: Ten Years Later",
    ],
)
def test_headings(heading):
    text = f"{heading}\n\nShe left the room and closed the door behind her."
    assert block_kinds(text)[0] == ("heading", heading)


@pytest.mark.parametrize(
    "line",
    [
        "She left.",
        '"Go," she said.',
        "He said nothing at all to the rest of them",
        "Chapter one was the hardest to write",
        "The end came quickly",
        "Part two of the plan failed",
        "_“Who is Mr. Brown?”_",
        "*Meet Me At Eight.*",
    ],
)
def test_sentences_are_not_headings(line):
    assert block_kinds(f"{line}\n\nMore.")[0][0] == "narration"


CHAT = """She checked her phone.

STEVE: u up?

DANI: On My Way

STEVE: OK

**DANI:** WHERE ARE YOU

She put the phone down."""


def test_lines_of_a_text_message_exchange_are_chat_not_headings():
    kinds = block_kinds(CHAT)
    assert [k for k, _ in kinds] == ["narration", "chat", "chat", "chat", "chat", "narration"]
    assert len(Document.from_text(CHAT).scenes) == 1


@pytest.mark.parametrize("line", ["BANG!", "WHERE ARE YOU?", "*NO!*", "HARRY POTTER, YOU ARE A BASTARD!"])
def test_a_shouted_line_in_capitals_is_not_a_heading(line):
    assert block_kinds(f"She left.\n\n{line}\n\nHe stayed.")[1] == ("narration", line)


@pytest.mark.parametrize("heading",
                         ["Interlude: Steve", "ONE YEAR AGO…", "THE LONG NIGHT", "Part Two: The Fall"])
def test_a_labelled_or_capitalised_title_on_its_own_is_still_a_heading(heading):
    text = f"She left.\n\n{heading}\n\nHe stayed.\n\nChapter One: Rain\n\nIt rained."
    assert block_kinds(text)[1] == ("heading", heading)


@pytest.mark.parametrize("mark", ["***", "* * *", "---", "~~~", "# # #", "<hr>", "§", "o0o0o0o"])
def test_scene_breaks(mark):
    text = f"She left.\n\n{mark}\n\nHe stayed."
    kinds = block_kinds(text)
    assert kinds[1] == ("scene_break", mark)
    doc = Document.from_text(text)
    assert len(doc.scenes) == 2


# -- markup that is not prose ----------------------------------------------------------


def test_front_matter_is_markup():
    text = "---\ntitle: My Story\nrating: T\n---\n\nShe left."
    assert block_kinds(text)[0] == ("markup", "---\ntitle: My Story\nrating: T\n---")


def test_fenced_code_stays_one_markup_block_even_with_blank_lines():
    text = "She typed:\n\n```\nthe the\n\nerror..here\n```\n\nThen she left."
    kinds = block_kinds(text)
    assert kinds[1] == ("markup", "```\nthe the\n\nerror..here\n```")
    assert kinds[2] == ("narration", "Then she left.")


def test_inline_markup_is_cut_out_of_prose():
    text = "She went to https://example.com/a..b and <!-- note the the --> `x..y` [a link](http://x.y/z..q)."
    assert texts_of(text, M) == [
        "https://example.com/a..b",
        "<!-- note the the -->",
        "`x..y`",
        "(http://x.y/z..q)",
    ]
    assert "".join(texts_of(text, N)) == "She went to  and   [a link]."


def test_html_comment_across_lines_and_email():
    text = "She wrote to ann.lee@example.org and <!-- a\nlong\ncomment --> left."
    assert texts_of(text, M) == ["ann.lee@example.org", "<!-- a\nlong\ncomment -->"]


# -- lines, paragraphs, sentences, words, positions --------------------------------------


def test_crlf_text_is_kept_and_positions_map_back():
    text = "She left.\r\n\r\nHe stayed.\r\n"
    doc = Document.from_text(text)
    assert doc.text == text
    assert [text[p.start : p.end] for p in doc.paragraphs] == ["She left.", "He stayed."]
    assert doc.position(text.index("He")) == (3, 1)
    assert doc.line_text(3) == "He stayed."


def test_one_paragraph_per_line_manuscripts_split_at_every_line():
    long_a = "She walked along the river for a long time, thinking about everything that had happened. " * 2
    long_b = "He waited at the station until the last train had gone and the lights went out one by one. " * 2
    text = f"{long_a.strip()}\n{long_b.strip()}\n"
    assert len(Document.from_text(text).paragraphs) == 2


def test_hard_wrapped_paragraphs_stay_whole():
    text = "She walked along the river\nfor a long time.\n\nHe waited."
    assert [k for k, _ in block_kinds(text)] == ["narration", "narration"]


# Hard-wrapped at 100-110 columns, as Markdown in a repository often is: lines over
# 100 characters that still run on as one paragraph each.
WIDE_WRAPPED = """\
The rain had not stopped since the morning, and by the time the last train pulled out of the station
the platform was empty except for a woman in a grey coat who kept looking at the clock above the
ticket office as if it owed her money. She had been waiting there for two hours, and the porter, who
had seen a great many people wait for a great many things, had stopped asking whether she needed help.

When the lights went out one by one along the platform, she finally picked up her bag and walked out
into the street. The town was quiet. Somewhere a dog barked twice and then thought better of it, and
the only other sound was the water running in the gutters towards the river at the bottom of the hill.
"""


def test_paragraphs_hard_wrapped_wider_than_100_columns_stay_whole():
    paragraphs = Document.from_text(WIDE_WRAPPED).paragraphs
    assert len(paragraphs) == 2
    assert WIDE_WRAPPED[paragraphs[0].start:paragraphs[0].end].endswith("needed help.")


def test_wide_hard_wrapped_markdown_gets_no_false_paragraph_endings(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("# Chapter One\n\n" + WIDE_WRAPPED, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "M004,M006", str(chapter))
    assert result.code == 0, result.stdout


def test_one_paragraph_per_line_still_splits_when_lines_end_like_paragraphs():
    lines = [
        "The rain had not stopped since the morning, and the platform was empty"
        " except for a woman in a coat.",
        '"You waited all this time?" the porter asked her when the last train had gone'
        " and the lights went out",
        "She did not answer him. She picked up her bag and walked out into the street"
        " towards the river below.",
    ]
    doc = Document.from_text("\n".join(lines) + "\n")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == lines


def test_words_with_apostrophes_and_offsets():
    text = "Don’t tell ’em, rock 'n' roll."
    doc = Document.from_text(text)
    assert [w.text for w in doc.words] == ["Don’t", "tell", "em", "rock", "n", "roll"]
    assert all(text[w.start : w.end] == w.text for w in doc.words)


def test_emphasis_spans():
    text = "She thought, *not again*, and _left_."
    doc = Document.from_text(text)
    assert [text[s.start : s.end] for s in doc.emphasis] == ["*not again*", "_left_"]


def test_region_at_and_kind_at():
    text = '"Go," she said.'
    doc = Document.from_text(text)
    assert doc.kind_at(1) is D and doc.kind_at(7) is N
    assert doc.region_at(len(text) + 5) is None


def test_empty_and_blank_documents():
    for text in ("", "\n\n\n", "   \r\n"):
        doc = Document.from_text(text)
        assert doc.paragraphs == [] and doc.regions == [] and doc.words == []


# -- ornaments and chat logs: regions of their own, not prose -------------------------------------------


def _kinds(text: str) -> list[RegionKind]:
    return [p.kind for p in Document.from_text(text).paragraphs]


@pytest.mark.parametrize("ornament", ["x.x.x", "oOo", "-x-", "~*~", "* * *", "o . o . o", "xXx", "OoOoO",
                                      "~~~", "-::-", "+++", "§", "~o~o~"])
def test_ornamental_scene_breaks(ornament):
    assert _kinds(f"She left.\n\n{ornament}\n\nHe stayed.") == [RegionKind.NARRATION, RegionKind.SCENE_BREAK,
                                                               RegionKind.NARRATION]


@pytest.mark.parametrize("line", ["Ooo.", "...", "!!!", "\"...\"", "Ox", "Hmm.", "XOXO, Gran"])
def test_short_lines_that_are_not_ornaments(line):
    assert _kinds(f"She left.\n\n{line}\n\nHe stayed.")[1] is not RegionKind.SCENE_BREAK


def test_chat_blocks_are_regions_of_their_own():
    text = ("She picked up her phone.\n\n"
            "**Peter:** ok goodnight!!!\n**Tony:** Go to sleep, kid.\n\n"
            "*21:42*\n\n"
            "*Pansy Parkinson was added*\n\n"
            "[10:42 PM] Steve: u up?\n\n"
            "Dani: no\n\n"
            "Tony smiled at the ceiling.")
    assert _kinds(text) == [RegionKind.NARRATION] + [RegionKind.CHAT] * 5 + [RegionKind.NARRATION]


@pytest.mark.parametrize("text", [
    "Harry: the boy who lived, the chosen one.\n\nHe hated it.",  # a label once, not a log
    "**A/N:** Thanks for reading!",  # an author's note
    "Summary: a story.\n\nShe left.",  # a header line
])
def test_labels_that_are_not_chat(text):
    assert RegionKind.CHAT not in _kinds(text)


def test_no_prose_rule_reads_chat_or_ornaments():
    from conftest import lint
    text = ("o . o . o\n\n"
            "**Jiwoo:** where is everyone\n**Haneul:** were in practice room 3\n**Jiwoo:** ok omw\n\n"
            "x.x.x\n\n"
            "She ran to the practice room.")
    assert lint(text, ("M", "C", "D")) == []


def test_curly_single_quoted_speech_in_a_double_quoted_manuscript():
    text = ("“I’ll look,” she said. ‘Come to think of it, it reminds me of ’em.’ She read the ‘nonsense’ "
            "again, and “Why?” he asked. ‘Sure.’\n")
    doc = Document.from_text(text)
    assert doc.quote_style == "double"
    speech = ["“I’ll look,”", "‘Come to think of it, it reminds me of ’em.’", "“Why?”", "‘Sure.’"]
    assert texts_of(text, D) == speech
