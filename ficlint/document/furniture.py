"""Fan fiction's furniture that is not prose: ornamental scene breaks and chat logs.

Ornaments are the lines writers put between scenes: `* * *`, `x.x.x`, `oOo`,
`-x-`, `~*~`, `o . o . o`, a line of one repeated symbol or letter group.
Chat blocks are text messages and group chats set out as a log: a speaker's
label and the message (`**Dani:** on my way`, `Steve: u up?`), timestamps
(`[10:42 PM]`, `*21:42*`) and the app's own lines (`*Pansy was added*`). Neither
is read as sentences: no prose rule judges their capitals or punctuation.
"""

from __future__ import annotations

import re

# A line of symbols only (`* * *`, `~*~`, `-::-`, `<><><>`), or of symbols and the letters
# writers draw ornaments with (`x.x.x`, `oOo`, `-x-`, `o . o . o`, `xXx`, `0o0`).
_ORNAMENT_LETTERS = frozenset("oOxX0")
_SPEECHLIKE = frozenset(".…!?")  # "...", "?!", "!!!": a silence or an outburst, not an ornament
_QUOTES = frozenset("\"'“”‘’«»")
_MAX_ORNAMENT = 60
_LONE_ORNAMENTS = frozenset("§⁂❦•✦✧★☆♥♡❀✿❧*~#")
_HR = re.compile(r"^\s*(?:<hr\s*/?>|§)\s*$", re.I)

# A chat line: an optional timestamp, then a speaker's label (a name or a handle, bold or not)
# with a colon, then the message. `**Peter:** ok`, `Steve: u up?`, `[10:42 PM] Dani: omw`.
_TIME = r"\d{1,2}[:;.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?[Mm]\.?"
_TIMESTAMP = re.compile(rf"^\s*[*_\[(]*\s*(?:[\w/.-]+,?\s+)?(?:{_TIME})\s*[\])*_]*\s*$")
_TIME_PREFIX = re.compile(rf"^\s*[*_]*[\[(]\s*(?:{_TIME})\s*[\])]\s*(?::\s*)?")
_BOLD_LABEL = re.compile(
    r"^\s*(?:\*\*\*?|__)(?P<name>[^*_:\n]{1,40}?)(?::(?:\*\*\*?|__)|(?:\*\*\*?|__):)\s*\S")
_PLAIN_LABEL = re.compile(r"^\s*(?P<name>@?[A-Z0-9][\w.'’@-]*(?: [A-Z][\w.'’-]*){0,2}):[ \t]+\S")
# A message sent to someone or to a group, the labels bold (`**James Potter** to **the gang:** hi`,
# `***james potter*** to ***sirius black:*** hi`): read with the emphasis marks taken out.
_TO_SENDER = re.compile(r"^\s*(\*{2,3}|_{2,3})[^*_:\n]{1,40}\1\s+to\s+[*_]{2,3}")
_TO_LABEL = re.compile(r"^\s*(?P<name>[\w@.'’-]+(?: [\w@.'’-]+){0,2}) to (?P<to>[^:\n]{1,40}?):\s*\S")
_EMPHASIS_MARKS = re.compile(r"[*_]+")
_DIGIT_OR_COLON = re.compile(r"[\d:]")
# The app's own lines: an emphasised line (`*Pansy was added*`, `***Draco*** *is typing*`).
_SYSTEM = re.compile(r"^\s*[*_].*[*_]\s*$")
# Labels that open notes and story headers, not messages.
_NOT_SPEAKERS = frozenset(
    ["a/n", "an", "note", "notes", "warning", "warnings", "summary", "disclaimer", "rating", "pairing",
        "pairings", "ship", "ships", "characters", "fandom", "genre", "spoilers", "spoiler", "timeline",
        "setting", "wordcount", "prompt", "dedication", "beta", "author", "category", "ps", "p.s", "chapter",
        "part", "book", "title", "edit", "update", "tags", "tw", "cw", "content"])


def is_ornament(block: str) -> bool:
    """Is the block one line of ornament: symbols only, or symbols and o/x letters in a pattern?"""
    line = block.strip()
    if not line or "\n" in line:
        return False
    if _HR.match(line):
        return True
    if len(line) > _MAX_ORNAMENT:  # first: a paragraph of one long line is not walked
        return False
    marks = [c for c in line if not c.isspace()]
    if any(c in _QUOTES for c in marks) or all(c in _SPEECHLIKE for c in marks):
        return False
    letters = [c for c in marks if c.isalnum()]
    if not letters:
        return len(marks) >= 3 or any(c in _LONE_ORNAMENTS for c in marks)
    if any(c not in _ORNAMENT_LETTERS for c in letters) or len(marks) < 3:
        return False
    # a drawn pattern: letters between symbols (`x.x.x`, `-x-`) or alternating (`oOo`, `xXx`), not "Ooo."
    return len(letters) < len(marks) and line[-1] not in _SPEECHLIKE \
        or all(a != b for a, b in zip(letters, letters[1:], strict=False))


def chat_line(line: str) -> str:
    """What a line of a chat log is: "message" (a label and a message), "time", "system"
    (an emphasised line: the app speaking), or "" (not a chat line)."""
    if not line.strip():
        return ""
    if line.lstrip()[0] not in "*_" and not _DIGIT_OR_COLON.search(line):
        return ""  # no time, no label's colon, no emphasis: prose (every pattern below needs one)
    if _TIMESTAMP.match(line):
        return "time"
    prefix = _TIME_PREFIX.match(line)
    if prefix and line[prefix.end():].strip():
        return "message"  # `*(12:19 pm): why is there a boy*`, `(7:44 pm) *OH MY GOD*`: a timestamped message
    rest = line[prefix.end():] if prefix else line
    m = _BOLD_LABEL.match(rest)
    if m and _is_speaker(m.group("name")):
        return "bold"
    if _TO_SENDER.match(rest) and (m := _TO_LABEL.match(_EMPHASIS_MARKS.sub("", rest))) \
            and _is_speaker(m.group("name")):
        return "bold"
    m = _PLAIN_LABEL.match(rest)
    if m and _is_speaker(m.group("name")):
        return "message"
    if _SYSTEM.match(line):
        return "system"
    return ""


def _is_speaker(name: str) -> bool:
    name = name.strip(" *_")
    return bool(name) and name.lower().rstrip(".") not in _NOT_SPEAKERS and not name[0].isspace() \
        and len(name.split()) <= 3


def chat_blocks(blocks: list[str]) -> list[bool]:
    """Which blocks are part of a chat log.

    A block of message lines with a bold label (`**Peter:** ok`) is chat, and so is a
    timestamp; a plain label (`Steve: u up?`) is chat in a run of two lines or blocks
    of messages; the app's emphasised lines (`*Pansy was added*`) are chat beside
    other chat blocks.
    """
    kinds = [_block_kind(block) for block in blocks]
    chat = [kind in ("bold", "time") or kind == "messages" for kind in kinds]
    for i, kind in enumerate(kinds):
        if kind == "message" and (_neighbour(kinds, i, ("bold", "time", "messages", "message"))):
            chat[i] = True
    changed = True
    while changed:
        changed = False
        for i, kind in enumerate(kinds):
            if kind in ("system", "message") and not chat[i] and (
                    i > 0 and chat[i - 1] or i + 1 < len(chat) and chat[i + 1]):
                chat[i] = changed = True
    return chat


def _neighbour(kinds: list[str], i: int, wanted: tuple[str, ...]) -> bool:
    return i > 0 and kinds[i - 1] in wanted or i + 1 < len(kinds) and kinds[i + 1] in wanted


def _block_kind(block: str) -> str:
    """"bold", "time", "messages" (several plain message lines), "message" (one), "system", or ""."""
    if len(block) > 2000:
        return ""
    kinds = []
    for line in block.split("\n"):  # prose fails on its first line: a hard-wrapped paragraph costs one look
        if not line.strip():
            continue
        kind = chat_line(line)
        if not kind:
            return ""
        kinds.append(kind)
    if not kinds:
        return ""
    if "bold" in kinds:
        return "bold"
    if all(k == "time" for k in kinds):
        return "time"
    messages = sum(1 for k in kinds if k == "message")
    if messages >= 2:
        return "messages"
    if messages == 1:
        return "message"
    return "system" if all(k in ("system", "time") for k in kinds) else ""
