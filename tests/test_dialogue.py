"""The dialogue family on a table of dialogue sentences: wrong ones with the
findings a writer must see, right ones that must be left alone, in straight
double quotes, curly double quotes and British single quotes."""

from __future__ import annotations

import pytest
from conftest import lint, run_cli

# (text, expected findings as (rule, flagged text)); an empty list: nothing to flag.
WRONG = [
    # a speech tag after a full stop
    ('"I\'ll be there." she said.', [("D001", '." she')]),
    ("“I'll be there.” she said.", [("D001", ".” she")]),
    ("‘I'll be there.’ she said.", [("D001", ".’ she")]),
    # a capitalized tag
    ('"Meet you there," She said.', [("D002", "She")]),
    ("“Why?” He asked.", [("D002", "He")]),
    ("‘Meet you there,’ She said.", [("D002", "She")]),
    # no comma before a tag (and a capital)
    ('"Meet you there" she said.', [("D003", '" she')]),
    ("“Meet you there” She said, hanging up.", [("D003", "” She")]),
    ("‘Meet you there’ said the Mole.", [("D003", "’ said")]),
    # an action beat written as if it were a tag
    ('"Wait!" she grabbed his arm.', [("D004", '" she')]),
    ("“It's my fault...” the words came out in a rush.", [("D004", "” the")]),
    ("‘Fine.’ he walked away.", [("D004", "’ he")]),
    ('"Is that all?..." her eyes filled with tears.', [("D004", '" her')]),
    # a comma before a beat
    ('"We gave it a good shot," everything she had planned came out at once.', [("D005", '," everything')]),
    ("“I'm leaving,” she grabbed her coat.", [("D005", ",” she")]),
    ("‘I'm leaving,’ she grabbed her coat.", [("D005", ",’ she")]),
    # speech that starts lowercase
    ('"stop it," she said.', [("D006", "stop")]),
    ("She kissed his cheek. “thank you.”", [("D006", "thank")]),
    ("‘stop it,’ she said.", [("D006", "stop")]),
    ('"Wait Derek!" she grabbed his arm, "thank you."', [("D004", '" she'), ("D006", "thank")]),
    # no punctuation before the closing quote
    ('"I need to be alone right now"', [("D007", '"')]),
    ("“I didn't mean it that way” Derek tried to reach for her hand.", [("D007", "” Derek")]),
    ("‘I need to be alone right now’", [("D007", "’")]),
    ('"stop crying" she felt her heart beat loud.', [("D006", "stop"), ("D007", '" she')]),
    # spacing
    ('" I\'m not blaming myself!"', [("D008", " ")]),
    ("“ I'm not blaming myself!”", [("D008", " ")]),
    ('"I\'m not blaming myself! " she said.', [("D008", " ")]),
    ('Karen playfully slapped his arm"Derek!"', [("D009", '"')]),
    ("“Hi,”she said.", [("D009", "”s")]),
    ("‘Come along,’ she said.‘Now.’", [("D009", "‘")]),
    # narration running into speech
    ('Karen looked at Derek "Get over it? Is that all you can say?" she asked.', [("D010", ' "')]),
    ("She pulled away from his grip “Why would you say that? Why now?” Her eyes flashed.", [("D010", " “")]),
    ('Karen looked with disbelief at Derek "get over it?" she huffed.', [("D010", ' "'), ("D006", "get")]),
    # an unclosed quotation
    ('"Come with me, she said.\n\nHe followed her out.', [("D011", '"')]),
    # fan-fiction habits
    ('She said, "stop."', [("D006", "stop")]),
    ('"Stop," he said. "please."', [("D006", "please")]),
    ('"Fine," she rolled her eyes.', [("D005", '," she')]),
    ('"Ok then" he mumbled.', [("D003", '" he')]),
    ("“Okay.” he nodded.", [("D004", "” he")]),
    ("‘Really?’ she tilted her head.", [("D004", "’ she")]),
    ("“Please…” she begged. “don't go.”", [("D006", "don't")]),
    ("‘Wait,’ he said.‘Please.’", [("D009", "‘")]),
    ('"Hi." Said Harry.', [("D001", '." Said')]),
    ("“Why not?” Asked Ron.", [("D002", "Asked")]),
    ("‘Where are you going’ he asked.", [("D003", "’ he")]),
    ('"Oi!" Ron yelled. "Get back here!" He ran off, "Wait, Ron!"\n\nHe shrugged, "Fine."',
     [("D013", ","), ("D013", ",")]),
    # the habit of joining with a comma after gestures: a sound before new speech is the same slip there
    # (older fiction's comma after a sound alone, with full stops after gestures, is left alone below)
    ("He shrugged, “Fine.”\n\nShe sighed, “Well.”\n\nRon nodded, “Yes.”\n\nHe laughed, “No.”",
     [("D013", ",")] * 4),
    # a smile is a look of the face, an action like a shrug: two such joins make the habit
    ("He shrugged, “Fine.”\n\nShe smiled, “Well.”\n\nHe sighed. “No.”\n\nShe wept. “Go.”",
     [("D013", ","), ("D013", ",")]),
    # tags decided from the clause, not the capital: I, present tense, names, noun phrases
    ('"Fine." I said.', [("D001", '." I')]),
    ("“Fine.” I say, and shrug.", [("D001", ".” I")]),
    ("‘Thanks.’ I muttered.", [("D001", ".’ I")]),
    ('"Shut up." Harry snapped.', [("D001", '." Harry')]),
    ("“Yes, Colonel.” Ed said, grinning.", [("D001", ".” Ed")]),
    ("‘You're late.’ Arthur said.", [("D001", ".’ Arthur")]),
    ('"Fine." He said quietly.', [("D001", '." He')]),
    ("“I love you.” She whispered into his ear.", [("D001", ".” She")]),
    ("‘Come in.’ The butler said.", [("D001", ".’ The")]),
    ("He said,”just a whim.”", [("D011", "”")]),
    ('"Come in." A voice from behind the inner doorway called.', [("D001", '." A')]),
    ('"Go on, then," The old man said.', [("D002", "The")]),
    ("“Hinata!” The coach shouted.", [("D002", "The")]),
    ("‘Miss Welton,’ The kit man said.", [("D002", "The")]),
    ('"Draco!" She hissed.', [("D002", "She")]),
    ("“Can I come in?” She asked.", [("D002", "She")]),
    ("‘Luna—’ He corrected.", [("D002", "He")]),
    # beats: after ! and ?, verbs not on the action list, gestures
    ('"Smile!" he snaps his fingers.', [("D004", '" he')]),
    ("“Hmm?” he didn't look up.", [("D004", "” he")]),
    ("‘Eat that?’ he nodded at the plate.", [("D004", "’ he")]),
    ('"Oh," he visibly relaxed.', [("D005", '," he')]),
    ("“I knew it,” Harry stiffened.", [("D005", ",” Harry")]),
    ("“Yes,” the word slipped out of her.", [("D005", ",” the")]),
    ("‘Well,’ he let himself grin.", [("D005", ",’ he")]),
    ('"We\'re all adults," Blaise shrugged.', [("D005", '," Blaise')]),
    ("“Of course not,” he nodded, “I wouldn't.”", [("D005", ",” he")]),
    # speech in the middle of a paragraph
    ('She sat down. "Fine." He said. She left.', [("D001", '." He')]),
    ("He turned away. “Stop.” she whispered.", [("D001", ".” she")]),
    ("The room went quiet. ‘Why?’ He asked.", [("D002", "He")]),
    # spacing round quotes
    ('She said,"Go away."', [("D009", '"')]),
    ("‘Mr Hale,’she said.", [("D009", "’s")]),
    ("‘Come in,’ she said.\n\n‘ Thank you,’ he said.", [("D008", " ")]),
    # a full stop outside a whole spoken sentence, in either dialect
    ("‘That's a yes’.", [("D016", ".")]),
    # questions, commas with nothing after them, tags inside a quotation
    ('"Who are they then," Tom pleads.', [("D015", ",")]),
    ("“Find your people,”\n\nHe nodded.", [("D014", ",")]),
    ('"Wait, she said. "Where?"', [("D011", '"')]),
    # an action joined by a comma to new speech that has a tag of its own, the chapter's habit
    ('Ann nodded, "Wait," she said. Tom shrugged, "Fine," he said.', [("D013", ","), ("D013", ",")]),
    ("Ann nodded, “Wait,” she said. Tom shrugged, “Fine,” he said.", [("D013", ","), ("D013", ",")]),
    ("Ann nodded, ‘Wait,’ she said. Tom shrugged, ‘Fine,’ he said.", [("D013", ","), ("D013", ",")]),
    # one capitalised word of speech is speech, not a title, when a tag follows it
    ('She smiled. "Hey Draco" Harry replied.', [("D003", '" Harry')]),
    ("He knelt. “Come Bellatrix” a voice whispered.", [("D003", "” a")]),
    ("He turned. ‘Maman’ he said.", [("D003", "’ he")]),
    # shouting in capitals with a tag after it is speech, not a sign
    ('He stood. "WE\'RE NOT CONFUSED" Harry roared.', [("D003", '" Harry')]),
    ("He stood. “WE'RE NOT CONFUSED” Harry roared.", [("D003", "” Harry")]),
    ("He stood. ‘WE'RE NOT CONFUSED’ Harry roared.", [("D003", "’ Harry")]),
    # a verb of telling and the person told, after a full stop or a question mark: a tag and nothing else
    ('"Fire or not." Ed lectured his amused husband.', [("D001", '." Ed')]),
    ("“Why is he not in bed?” He asked the Headmaster.", [("D002", "He")]),
    ("‘Not one word.’ Charlie warned his brother.", [("D001", ".’ Charlie")]),
    # low opening quotes (German and much of Europe): the high one closes
    ("„What contract?“ she blinked at the girl.", [("D004", "“ she")]),
    # a comma after a verb of the voice where the chapter ends the voice's sentence with a full stop
    ('Remus laughed. "Fine."\n\nAnn sighed. "Go."\n\nTom chuckled, "Wait."', [("D013", ",")]),
    ("Remus laughed. “Fine.”\n\nAnn sighed. “Go.”\n\nTom chuckled, “Wait.”", [("D013", ",")]),
    ("Remus laughed. ‘Fine.’\n\nAnn sighed. ‘Go.’\n\nTom chuckled, ‘Wait.’", [("D013", ",")]),
]

RIGHT = [
    '"I\'ll be there," she said.',
    "“I'll be there,” she said.",
    "‘I'll be there,’ she said.",
    '"I\'ll be there." She picked up her bag.',
    "“Don't.” She said it softly.",
    "“Don't.” The boy in the corner of the room grabbed his bag.",
    "He said, “Just a whim.”",
    '"We leave at six a.m." he said.',
    '"Meet you there," Karen said.',
    "‘Meet you there,’ said the Rat.",
    '"Why?" He looked away.',
    '"Why?" I asked.',
    '"Wait!" she said.',
    # borderline verbs are accepted as tags (see rules/data/speech-verbs.yaml)
    "“I need one!” she giggled.",
    '"Terribly," Karen sighed.',
    "‘Thanks,’ she smiled.",
    '"Fuck," he spat out between gritted teeth.',
    '"Well..." he began.',
    '"Well . . ." she said.',
    # interrupted speech
    '"I think," she said, "we should go."',
    "“I think,” she said, “we should go.”",
    "‘I think,’ she said, ‘we should go.’",
    "‘The Toad’s motor-car,’ said the Rat, ‘is a wreck.’",
    '"I didn\'t mean it--"',
    "“I was going to—” She stopped.",
    '"Wait"--she caught her breath--"for me."',
    '"...and then he left."',
    # nested quotations
    '"She said \'no\' to me."',
    "‘She said “no” to me.’",
    # multi-paragraph speech
    '"It was a long night.\n\n"In the morning we left."',
    "‘It was a long night.\n\n‘In the morning we left.’",
    # quoted words, titles, signs and text messages inside narration
    'She called it "nonsense" and left.',
    "It was called “The Blue Boar”",
    'He read the sign: "No Entry"',
    'The text read "Running late" and I sighed.',
    'He shouted "Fire!" and everyone ran.',
    "“iPhones are expensive.”",
    '"Go away!" and he went.',
    '"Yes," he went on, "I do."',
    '"And then," she hurried on, "we found the key."',
    '"You never listen," he flung at her.',
    "‘I'm sorry,’ she said again, and the Mole's ears went pink.",
    '"lol ok," Ron texted back.',
    '"Hermione!" "Ron!" they shouted at the same time.',
    '"Oi!" Ron yelled, "Get back here!"',
    '*"Hello,"* she whispered.',
    '"Sure," Draco drawled, rolling his eyes.',
    '"Hi," said Harry. Said Ron, "Hello."',
    "‘Why not?’ asked the Rat.",
    "She looked, as Peter said, “like any little gutter child.”",
    "“Your Jack”",
    # clauses after a full stop that are sentences of their own, not tags
    '"Fine." He smiled.',
    "“No.” He answered her question with a shrug.",
    "‘Stop.’ I said nothing.",
    '"Why?" He spoke with pride.',
    "“Really?” He laughed.",
    "‘Hmm.’ He wondered about it.",
    '"You\'re welcome." She began to sob.',
    "“Why?” He answered, “Because.”",
    "‘Come.’ She called the dog.",
    # unusual verbs published fiction uses as tags, with nothing after them
    '"Sure," Dick concurred.',
    "“No good,” she condemned.",
    "‘Good morning,’ he startled her.",
    # mid-paragraph speech, done right
    'She sat down. "Fine," he said. She left.',
    "He turned away. “Stop,” she whispered.",
    "The room went quiet. ‘Why?’ he asked.",
    # scare quotes and titles in a story that quotes speech with double quotes
    'He called it \'nonsense\' and left. "I\'m leaving," he said.',
    "They had read ‘The Hobbit’ twice. “Again,” she said.",
    # elisions in British single quotes
    "‘I’ll take the ’buses to ’Ware,’ she said. ‘’Em too.’",
    "‘We’ll go ’til dark,’ he said.",
    # a comma after a tag that carries the sentence on, or before I or a name
    "“Well,” she said, “I don't know.”",
    '"Yes," said Harry, "we do."',
    # a flat question for effect
    "‘Does it,’ said Crowley.",
    # new speech after a tag, done right; an old-style comma once, not a habit
    "“It's late,” he said. “We should go.”",
    "‘Wait,’ she said. ‘Please.’",
    '"Stop!" he cried, "Stop or I\'ll shout!"',
    '"Come along," said the Rat, "it\'s late."',
    # beats written as beats
    "“No.” She shook her head.",
    "‘Sorry.’ Her voice cracked.",
    '"Fine." Harry stiffened.',
    # older fiction's comma before speech after how it is said: a sound, an unusual verb used alone
    'She sighed, "Oh dear."\n\nHe chuckled at her, "Well."\n\nShe besought, "Please."\n\nQuietly, "Go."',
    # a beat whose object is what was said tells the saying: a tag
    "‘Fine,’ he broke the silence.",
    "“No,” she softened her reply.",
    "She went to Vida with a jaunty, “Hello!”\n\nAnd, to Carol, “Come in.”\n\n"
    "He chuckled, “Well.”\n\nShe laughed, “Oh.”",
    "He took the ’buses home. ‘Fine,’ he said.",
    '"Ta," he said, and left.',
    'Her eyes widened. "Wait," she said. Tom shrugged. "Fine," he said.',
    "Her eyes widened. “Wait,” she said.\n\nTom shrugged, “Fine.”",
    "Tom shrugged. ‘Fine,’ he said. Her eyes widened, ‘Wait,’ she said.",
    'They sang "Jerusalem" and left.',
    "They sang “Jerusalem,” and then the choir left.",
    "The pub was called ‘Blue Boar’ for a reason.",
    'The door said "NO ENTRY" in red.',
    "“KEEP OUT,” read the sign.",
    "He saw the sign. ‘PRIVATE LAND’ It was old.",
    # a verb of telling with a thing after it, or what one tells oneself: a sentence of its own
    '"Go away." He answered the door.',
    "“Listen.” She told the story again.",
    "‘I can do this.’ Carol warned herself.",
    "„What contract?“ she asked.\n\n„The one you signed,“ he said. „Now.“",
    # ... and where the comma is the chapter's way of introducing speech after the voice
    'Remus laughed, "Fine."\n\nAnn sighed, "Go."\n\nTom chuckled. "Wait."',
    "Remus laughed, “Fine.”\n\nAnn sighed, “Go.”\n\nTom chuckled. “Wait.”",
    "Remus laughed, ‘Fine.’\n\nAnn sighed, ‘Go.’\n\nTom chuckled. ‘Wait.’",
]


def _findings(text: str) -> list[tuple[str, str]]:
    return sorted((d.rule, text[d.start:d.end]) for d in lint(text, "D"))


def test_the_table_is_balanced_across_three_quote_styles():
    cases = [text for text, _ in WRONG] + RIGHT
    assert len(cases) >= 60
    assert abs(len(WRONG) - len(RIGHT)) <= 4
    for marks in ('"', "“", "‘"):
        assert sum(marks in text for text, _ in WRONG) >= 8
        assert sum(marks in text for text in RIGHT) >= 8


@pytest.mark.parametrize("text, expected", WRONG, ids=[t[:40] for t, _ in WRONG])
def test_wrong_dialogue_is_flagged(text, expected):
    assert _findings(text) == sorted(expected)


@pytest.mark.parametrize("text", RIGHT, ids=[t[:40] for t in RIGHT])
def test_right_dialogue_is_left_alone(text):
    assert _findings(text) == []


# -- dialect: where the full stop goes ------------------------------------------------


def test_american_placement_is_flagged_in_american_english():
    text = 'He whispered one word: "Go". They called it "the barn", though it was a house.'
    found = [(d.rule, text[d.start:d.end]) for d in lint(text, "D012", dialect="en-US")]
    assert found == [("D012", "."), ("D012", ",")]


@pytest.mark.parametrize("dialect", ["en-GB", "en-GB-oxendict", "auto"])
def test_british_placement_is_accepted_outside_american_english(dialect):
    assert lint('He whispered one word: "Go". Then he left.', "D012", dialect=dialect) == []


def test_american_placement_fix_moves_the_mark_inside():
    text = 'He whispered one word: "Go".'
    [finding] = lint(text, "D012", dialect="en-US")
    [fix] = finding.fixes
    assert text[:fix.start] + fix.replacement + text[fix.end:] == 'He whispered one word: "Go."'


# -- fixes and messages ---------------------------------------------------------------


def _apply(text: str, rule: str) -> str:
    fixes = sorted((f for d in lint(text, rule) for f in d.fixes), key=lambda f: f.start, reverse=True)
    for fix in fixes:
        text = text[:fix.start] + fix.replacement + text[fix.end:]
    return text


@pytest.mark.parametrize("text, rule, fixed", [
    ('"I\'ll be there." she said.', "D001", '"I\'ll be there," she said.'),
    ('"Meet you there," She said.', "D002", '"Meet you there," she said.'),
    ('"Meet you there" She said.', "D003", '"Meet you there," she said.'),
    ('"Wait!" she grabbed his arm.', "D004", '"Wait!" She grabbed his arm.'),
    ('"We tried," everything ran out of her.', "D005", '"We tried." Everything ran out of her.'),
    ('"stop it," she said.', "D006", '"Stop it," she said.'),
    ('"I need to be alone right now"', "D007", '"I need to be alone right now."'),
    ('"stop crying" she felt sick.', "D007", '"stop crying." She felt sick.'),
    ('" I\'m here."', "D008", '"I\'m here."'),
    ('She slapped his arm"Derek!"', "D009", 'She slapped his arm. "Derek!"'),
    ('"Where are you going" he asked.', "D003", '"Where are you going?" he asked.'),
    ('"Why would you do that"', "D007", '"Why would you do that?"'),
    ('"Hi." Said Harry.', "D001", '"Hi," said Harry.'),
])
def test_fixes_produce_the_corrected_text(text, rule, fixed):
    assert _apply(text, rule) == fixed


def test_safe_fixes_are_only_offered_where_meaning_cannot_change():
    [beat] = lint('"Wait!" she grabbed his arm.', "D004")
    assert all(not f.safe for f in beat.fixes)  # an unknown speech verb would make the capital wrong
    [stop] = lint('"I\'ll be there." she said.', "D001")
    assert all(f.safe for f in stop.fixes)


def test_messages_teach_the_rule():
    [beat] = lint('"Wait!" she grabbed his arm.', "D004")
    assert "new sentence" in beat.message and "speech tag" in beat.message
    [comma] = lint('"We tried," she grabbed her coat.', "D005")
    assert "promises a speech tag" in comma.message
    [lower] = lint('"stop it," she said.', "D006")
    assert '"Stop"' in lower.message


# -- whole manuscripts --------------------------------------------------------------


def test_british_single_quotes_with_apostrophes():
    text = ("‘I’ve seen ’em,’ said the Rat. ‘The boys’ hats were goin’ down the river.’\n\n"
            "‘Rock ’n’ roll in the ’90s,’ said the Mole, ‘was loud.’\n\n"
            "‘Wait!’ the Toad grabbed the wheel.\n")
    assert _findings(text) == [("D004", "’ the")]


def test_a_speech_running_through_verse_is_not_unclosed():
    text = ('"I don\'t remember how the verse went, but ...\n\n'
            "    John took me round to see his mother,\n"
            "      his mother!\n\n"
            'Chorus, Freddie! We need it!"\n\n'
            "He laughed.\n")
    assert _findings(text) == []


@pytest.mark.parametrize("text", [
    '"Check https://example.com/x now," she said.',
    '"Look <!-- a note --> here," she said.',
    '"Type `ls` here," she said.',
])
def test_markup_inside_a_quotation_does_not_break_it(text):
    assert _findings(text) == []


def test_a_quotation_cut_by_markup_is_still_checked_whole():
    assert _findings('"stop <!-- x --> it" she felt sick.') == [("D006", "stop"), ("D007", '" she')]


def test_straight_quotes_that_do_not_pair_up_are_reported_once_at_the_paragraph_start():
    text = '"Hello, she said. "How are you?"\n\nHe left.'
    [finding] = lint(text, "D")
    assert (finding.rule, finding.start) == ("D011", 0)
    assert '("she said") stands inside the quotation' in finding.message
    [finding] = lint('"Hello, I think. "How are you?"\n\nHe left.', "D")
    assert "don't pair up" in finding.message


def test_a_closing_quote_without_an_opening_one_is_reported():
    text = ("‘Come in,’ said the Badger.\n\nYou’ve disregarded all the warnings we’ve given you.’\n\n"
            "Toad wept.\n")
    assert _findings(text) == [("D011", "’")]


def test_speech_that_opens_with_a_capital_is_not_an_elision():
    text = "‘Is it so nice as all that?’ asked the Mole shyly.\n\n‘’Tis lovely,’ said the Rat.\n"
    assert _findings(text) == []


def test_a_lowercase_pronoun_i_is_left_to_mechanics():
    assert lint('"i know it hurts," he said.', "D") == []


def test_cli_reports_dialogue_findings_with_their_category(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text('"Wait!" she grabbed his arm.\n', encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "D", str(chapter))
    [file] = result.json()["files"]
    assert [(d["rule"], d["category"]) for d in file["diagnostics"]] == [("D004", "dialogue")]


def test_a_free_standing_quote_among_mixed_marks_is_not_said_to_have_a_space_inside():
    # straight and curly marks mixed: the pairing is a guess, so which side is inside is unknown
    mixed = 'She knows how I work." “ Angelina countered.\n\n" Okay," she said. “ Fred asked, smiling.'
    assert [mixed[d.start - 1:d.end + 1] for d in lint(mixed, "D008")] == ['" O']
    plain = '"I\'m not blaming myself! " she said.'
    assert [d.rule for d in lint(plain, "D008")] == ["D008"]
