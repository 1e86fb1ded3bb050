"""A small reader for the Princeton WordNet 3.0 database files (data.*, index.*).

Used only by the generation scripts in this folder, never at run time.  It reads the
files exactly as wndb(5WN) describes them, so no WordNet package (and no download) is
needed: Debian's `wordnet-base` puts them under /usr/share/wordnet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DIR = Path("/usr/share/wordnet")

# lexnames(5WN): the lexicographer files, by the two-digit number in each data line.
# Debian's wordnet-base does not ship the `lexnames` file itself; the list is fixed for
# WordNet 3.0 and checked below against synsets whose class is known.
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food "
    "noun.group noun.location noun.motive noun.object noun.person noun.phenomenon "
    "noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape "
    "noun.state noun.substance noun.time verb.body verb.change verb.cognition "
    "verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative "
    "verb.weather adj.ppl"
).split()

# wninput(5WN): the generic sentence frames of verb senses, by number.
VERB_FRAMES = {
    1: "Something ----s",
    2: "Somebody ----s",
    3: "It is ----ing",
    4: "Something is ----ing PP",
    5: "Something ----s something Adjective/Noun",
    6: "Something ----s Adjective/Noun",
    7: "Somebody ----s Adjective",
    8: "Somebody ----s something",
    9: "Somebody ----s somebody",
    10: "Something ----s somebody",
    11: "Something ----s something",
    12: "Something ----s to somebody",
    13: "Somebody ----s on something",
    14: "Somebody ----s somebody something",
    15: "Somebody ----s something to somebody",
    16: "Somebody ----s something from somebody",
    17: "Somebody ----s somebody with something",
    18: "Somebody ----s somebody of something",
    19: "Somebody ----s something on somebody",
    20: "Somebody ----s somebody PP",
    21: "Somebody ----s something PP",
    22: "Somebody ----s PP",
    23: "Somebody's (body part) ----s",
    24: "Somebody ----s somebody to INFINITIVE",
    25: "Somebody ----s somebody INFINITIVE",
    26: "Somebody ----s that CLAUSE",
    27: "Somebody ----s to somebody",
    28: "Somebody ----s to INFINITIVE",
    29: "Somebody ----s whether INFINITIVE",
    30: "Somebody ----s somebody into V-ing something",
    31: "Somebody ----s something with something",
    32: "Somebody ----s INFINITIVE",
    33: "Somebody ----s VERB-ing",
    34: "It ----s that CLAUSE",
    35: "Something ----s INFINITIVE",
}


@dataclass
class Synset:
    offset: int
    pos: str
    lexname: str
    words: list[str]  # as written in the database: case kept, underscores for spaces
    pointers: list[tuple[str, int, str]]  # (symbol, target offset, target pos)
    frames: list[tuple[int, int]] = field(default_factory=list)  # (frame, word number; 0 = every word)
    gloss: str = ""

    def targets(self, *symbols: str) -> list[int]:
        return [offset for symbol, offset, pos in self.pointers if symbol in symbols and pos == self.pos]

    def word_frames(self, index: int) -> set[int]:
        """Frames of the word at 1-based `index`: the synset's own plus that word's."""
        return {frame for frame, word in self.frames if word in (0, index)}


class WordNet:
    def __init__(self, directory: Path = DEFAULT_DIR):
        self.directory = Path(directory)
        self.synsets: dict[str, dict[int, Synset]] = {}
        self.index: dict[str, dict[str, list[int]]] = {}
        for pos, name in (("n", "noun"), ("v", "verb")):
            self.synsets[pos] = dict(self._read_data(self.directory / f"data.{name}", pos))
            self.index[pos] = dict(self._read_index(self.directory / f"index.{name}"))
        self._check_lexnames()

    def version(self) -> str:
        """The copyright line of the data files, e.g. 'WordNet 3.0 Copyright 2006 by Princeton University.'"""
        with open(self.directory / "data.noun", encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("  "):
                    break
                if match := re.search(r"(WordNet \S+ Copyright .*?\.)", line):
                    return match.group(1)
        raise ValueError("no version line in data.noun")

    @staticmethod
    def _read_data(path: Path, pos: str):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue  # the licence at the top of the file
                data, _, gloss = line.partition(" | ")
                fields = data.split()
                offset, lexnum = int(fields[0]), int(fields[1])
                count = int(fields[3], 16)
                words = fields[4 : 4 + 2 * count : 2]
                at = 4 + 2 * count
                npointers = int(fields[at])
                pointers = []
                for i in range(npointers):
                    symbol, target, target_pos = fields[at + 1 + 4 * i : at + 4 + 4 * i]
                    pointers.append((symbol, int(target), "n" if target_pos == "n" else target_pos))
                at += 1 + 4 * npointers
                frames = []
                if pos == "v" and at < len(fields):
                    nframes = int(fields[at])
                    for i in range(nframes):
                        plus, frame, word = fields[at + 1 + 3 * i : at + 4 + 3 * i]
                        assert plus == "+", line
                        frames.append((int(frame), int(word, 16)))
                yield offset, Synset(offset, pos, LEXNAMES[lexnum], words, pointers, frames, gloss.strip())

    @staticmethod
    def _read_index(path: Path):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma, nsynsets, nptr = fields[0], int(fields[2]), int(fields[3])
                offsets = [int(x) for x in fields[4 + nptr + 2 :]]
                assert len(offsets) == nsynsets, line
                yield lemma, offsets

    def _check_lexnames(self) -> None:
        for name, lexname in (("person.n.01", "noun.Tops"), ("physicist.n.01", "noun.person")):
            assert self.synset(name).lexname == lexname, name
        for name, lexname in (("say.v.01", "verb.communication"), ("believe.v.01", "verb.cognition")):
            assert self.synset(name).lexname == lexname, name

    def synset(self, name: str) -> Synset:
        """'worker.n.01': the first noun sense of 'worker' in WordNet's own sense order."""
        lemma, pos, number = name.rsplit(".", 2)
        offset = self.index[pos][lemma][int(number) - 1]
        synset = self.synsets[pos][offset]
        assert lemma in {w.lower() for w in synset.words}, name
        return synset

    def senses(self, lemma: str, pos: str) -> list[Synset]:
        """The synsets of `lemma` (as in the index: lower case, underscores) in sense order."""
        return [self.synsets[pos][offset] for offset in self.index[pos].get(lemma, [])]

    def hypernym_closure(self, synset: Synset) -> set[int]:
        """Every synset above `synset` by hypernym and instance-hypernym links."""
        seen: set[int] = set()
        todo = [synset.offset]
        while todo:
            for parent in self.synsets[synset.pos][todo.pop()].targets("@", "@i"):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen


def lemma_text(word: str) -> str:
    """'press_secretary' -> 'press secretary'; the adjective markers '(a)' etc. dropped."""
    return re.sub(r"\([a-z]+\)$", "", word).replace("_", " ")
