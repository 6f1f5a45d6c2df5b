"""Is a capitalised word a near miss of a name the story or its fandom knows?

A name is missed in three ways: a slip of the fingers (a neighbouring key, a
doubled, dropped or swapped letter: Dumbeldore, Jasker), a vowel heard wrong
(Kagayama for Kageyama, Evangaline for Evangeline), or a spelling by ear two
letters away that sounds the same (Grindlewald, Durmstrung, Ctulhu). The first
letter is kept: a name missed at its first letter is rarely a slip.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

from ficlint.rules.spelling._dictionary import RANKED, lexicon
from ficlint.rules.spelling._suggest import distance, edit_cost, one_edit

_VOWELS = frozenset("aeiouy")
_MIN_LENGTH = 4
_SOUND_ALIKE_MIN_LENGTH = 6
_VOWEL_SLIP_MIN_LENGTH = 8  # shorter names differ by a vowel on purpose (Dawson, Dowson; Santa, Sante)
_SLIP_COST = 0.9
_SOUNDS = (("tch", "ch"), ("sch", "sk"), ("dge", "j"), ("ph", "f"), ("ck", "k"), ("qu", "kw"), ("q", "k"),
           ("x", "ks"), ("z", "s"), ("wh", "w"), ("kn", "n"), ("wr", "r"), ("gh", ""))
_SOFT_C = re.compile(r"c(?=[eiy])")


@cache
def sound_key(word: str) -> str:
    """A rough key of how an English reader sounds `word` out: consonants, doubled ones once,
    vowels (and h, w, y after the first letter) dropped; "Ctulhu" and "Cthulhu" share one."""
    w = word.lower()
    for a, b in _SOUNDS:
        w = w.replace(a, b)
    w = _SOFT_C.sub("s", w).replace("c", "k")
    head, rest = w[:1], w[1:]
    if head in _VOWELS:
        head = "a"
    out = [head]
    for ch in rest:
        if ch in _VOWELS or ch in "hw" or not ch.isalpha():
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def slip_cost(word: str, name: str) -> float:
    """The cost of the one slip from `name` to `word`: in a long name, a vowel heard as another
    costs as little as a neighbouring key."""
    if len(word) == len(name) >= _VOWEL_SLIP_MIN_LENGTH:
        diff = [i for i in range(len(word)) if word[i] != name[i]]
        if len(diff) == 1 and word[diff[0]] in _VOWELS and name[diff[0]] in _VOWELS:
            return 0.6
    return edit_cost(word, name)


def near_miss(word: str, names: Mapping[str, str], by_ear: bool = False,
              accept: Callable[[str], bool] = lambda name: True, other_forms: bool = True,
              far_by_ear: bool = False) -> str | None:
    """The name (from `names`, lowercase -> as spelt, and `accept`ed) that `word` misses, or None.
    Spellings by ear count only with `by_ear`: for a fandom's canon names, not for the names a book
    happens to use (Baltimore and Biltmore, Nelly and Neuilly are different places and people);
    `far_by_ear` also takes the farther ones of long names (_far_by_ear: Kreature, Hogmedes) -- for
    the checks, not for the build scripts, whose lists were made without them."""
    lower = word.lower()
    if len(lower) < _MIN_LENGTH or lower in names:
        return None
    for candidate in sorted(one_edit(lower) & names.keys()):
        if len(candidate) < _MIN_LENGTH:
            continue  # a letter added to a name of three is another name (Mika, Mia; Theo, Thea aside)
        if candidate[:1] == lower[:1] and not _plural_pair(lower, candidate) and accept(names[candidate]) \
                and not (other_forms and _diminutive(lower, candidate, canon=by_ear)) \
                and not made_from(lower, candidate) and slip_cost(lower, candidate) <= _SLIP_COST:
            return names[candidate]
    if not by_ear or len(lower) < _SOUND_ALIKE_MIN_LENGTH:
        return None
    key = sound_key(lower)
    for candidate in sorted(names):
        if candidate[:1] == lower[:1] and abs(len(candidate) - len(lower)) <= 2 \
                and (sound_key(candidate) == key and distance(lower, candidate) == 2
                     or far_by_ear and _far_by_ear(lower, candidate)) \
                and _heard(lower, candidate) and not _derived_from_name(lower, names) \
                and not _plural_pair(lower, candidate) and not _diminutive(lower, candidate) \
                and accept(names[candidate]):
            return names[candidate]  # one slip away was judged above: Asteria is no Astoria
    return None


_EAR_LONG = 8  # letters of a canon name that a spelling by ear may miss by three edits (Kreature, Hogmedes)
_EAR_SOUNDS = (("ture", "cher"),)  # "-ture" as English says it (creature, nature): Kreature for Kreacher


def _far_by_ear(word: str, name: str) -> bool:
    """Is `word` a long `name` spelt by ear three edits away: the same consonants once "-ture" is
    heard as "-cher" (Kreature for Kreacher), or one consonant heard in another place (Hogmedes for
    Hogsmeade: the same consonants, one moved, and the same first three letters)?"""
    if min(len(word), len(name)) < _EAR_LONG or distance(word, name) != 3:
        return False
    key, name_key = _ear_key(word), _ear_key(name)
    return key == name_key or name[:3] == word[:3] and sorted(key) == sorted(name_key)


def _ear_key(word: str) -> str:
    """`sound_key` with the sounds only a spelling by ear of a long name is judged by."""
    for a, b in _EAR_SOUNDS:
        word = word.replace(a, b)
    return sound_key(word)


_LONG_CANON = 7  # letters of a canon name whose last vowel dropped is a slip (Dumbledor, Hogsmead)


def _diminutive(word: str, name: str, canon: bool = False) -> bool:
    """A pet name or a name's other form: Jill and Jilly, Tom and Tommy, Ann and Annie, Siri and
    Siria, Paul and Paula (a vowel added or dropped at the end). A long `canon` name has one form:
    its last vowel dropped (Dumbledor, Hogsmead) is a slip, not another name."""
    dropped = name[:-1] == word and name[-1:] in _VOWELS and not (canon and len(name) >= _LONG_CANON)
    return word in (name + "y", name + "ie", name + "ey", name + name[-1:] + "y") \
        or word[:-1] == name and word[-1:] in _VOWELS or dropped


_VOWEL_RUN = re.compile(r"[aeiouy]+")
_SHORTEST_HEARD = 5  # letters of a name two edits may miss by ear: Tathor (a name of its own) is no Thor
_LONG_NAME = 8  # letters of a name the suffix of a word made from it follows (Gryffindorish)


def _heard(word: str, name: str) -> bool:
    """Could `word` be `name` spelt by ear? Two edits in a name of four letters leave half of it
    (Tathor, Thor). It keeps the name's syllables (Grindlewald, Durmstrung), adds a vowel heard
    between two consonants (Occulomency, Domboledore, Sesnape) or runs two into one (Dumbledoor); a
    name two syllables shorter or longer is another word."""
    extra = len(_VOWEL_RUN.findall(word)) - len(_VOWEL_RUN.findall(name))
    return len(name) >= _SHORTEST_HEARD and abs(extra) <= 1


def _derived_from_name(word: str, names: Mapping[str, str]) -> bool:
    """A name with a suffix (Gryffindorish, Slytherinesque): a word made from the name, not a slip."""
    return any(word[:-k] in names for k in (2, 3, 4, 5) if len(word) - k >= _LONG_NAME - 2)


_BLEND_WORD = 4  # letters of the common word a blend ends in (Gryffin-dorks)
_BLEND_RANK = RANKED  # and ranked among the commonest words


def made_from(word: str, name: str) -> bool:
    """A word made from the name on purpose, not a slip in it: an adjective with -n (Veelan, as
    Victorian of Victoria), or a blend whose name runs into a common word that begins with the
    name's last letters and goes on past them (Gryffindorks: Gryffin + dorks, Slytherinsane). Past a
    long name one letter will do (Gryffindork); a short one needs two (Godrick is a slip of Godric,
    not God + rick)."""
    base = name.removesuffix("s")
    if base.endswith("a") and word == base + "n":
        return True
    rank = lexicon().rank
    past = 1 if len(base) >= _LONG_NAME else 2
    for i in range(3, len(base)):
        tail = word[i:]
        if word[:i] == base[:i] and len(tail) >= max(_BLEND_WORD, len(base) - i + past) \
                and tail.startswith(base[i:]) and rank.get(tail, _BLEND_RANK) < _BLEND_RANK:
            return True
    return False


def _plural_pair(a: str, b: str) -> bool:
    """One is the other's plural or possessive-less plural: Erwyn and Erwyns, Growleywog and Growleywogs."""
    return a in (b + "s", b + "es") or b in (a + "s", a + "es")
