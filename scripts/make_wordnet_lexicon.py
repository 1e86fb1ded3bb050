"""Generate service/nlp/data/person_nouns.tsv, demonyms.tsv, org_nouns.tsv and speech_verbs.tsv from WordNet 3.0.

    python scripts/make_wordnet_lexicon.py [--wordnet-dir /usr/share/wordnet] [--out service/nlp/data]

Reads the database files directly (data.noun, data.verb, index.noun, index.verb, as in
Debian's `wordnet-base`: `apt-get install wordnet-base`); nothing is downloaded.  The
output is sorted, so regenerating from the same files gives the same bytes.

person_nouns.tsv: every lemma of a `noun.person` synset that is not an instance (no `@i`
pointer: "einstein", "singer" as Isaac Singer) and is written in lower case in WordNet
(proper lemmas such as "Democrat" or "Londoner" are left out; acronyms such as "CEO" and
"MP" are kept as written, with the flag `acronym`).  Columns:
    lemma   flags of any person sense   flags of the lemma's first person sense
    person senses / noun senses
Flags: occupation, kin, inhabitant, group (see the synset lists below), primary (the
lemma's most frequent noun sense, WordNet's first, is a person sense: "physicist" yes,
"head" no).

demonyms.tsv: the capitalised one-word lemmas of the `noun.person` synsets under
inhabitant.n.01 and national.n.01 ("Dutchman", "Texan", "Glaswegian"), as written: "the
Dutchman said" describes a person already in the story, as "the striker" does.

org_nouns.tsv: the lower-case lemmas whose first (most frequent) noun sense is
organization.n.01 or one of its noun.group hyponyms ("club", "charity", "carmaker"): "the
club said" points back to an organisation.

speech_verbs.tsv: every lemma of a `verb.communication` synset (class `speech`) and of
the belief synsets of `verb.cognition` listed below (class `belief`).  Columns:
    lemma   classes   lexname of the first sense   senses per lexname (every sense)
    frames of the speech/belief senses   frame flags
Frame flags: that_clause (frame 26), to_infinitive (28), object_to_infinitive (24).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_db import DEFAULT_DIR, VERB_FRAMES, Synset, WordNet, lemma_text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "service" / "nlp" / "data"

# A noun.person sense is an occupation or position (what a newsroom gives as a role) when
# one of these synsets is the sense itself or one of its hypernyms.  Chosen from the tree
# below person.n.01: whole subtrees where every child is a job or an office, single
# children where the parent mixes jobs with other kinds of people.
OCCUPATION_SYNSETS = (
    "worker.n.01",  # employees, skilled workers: official, serviceman, military officer, diplomat, judge
    "professional.n.01",  # lawyer, doctor, educator, nurse, critic (under adult.n.01)
    "leader.n.01",  # head, executive, politician, legislator (lawgiver), clergy, coach, chief, boss
    "expert.n.01",  # specialist, analyst, authority, investigator, technician, veteran
    "scientist.n.01",  # physicist, economist, researcher (a direct child of person.n.01)
    "engineer.n.01",  # likewise a direct child of person.n.01
    "scholar.n.01",  # historian, academic; intellectual.n.01 itself also holds genius, egghead, skeptic
    "athlete.n.01",  # striker, fly-half (where listed), sprinter: contestant.n.01 also holds winner, rival
    "player.n.01",  # participant in a game or sport
    "boxer.n.01",  # under combatant.n.01, which also holds brawler, street fighter
    "wrestler.n.01",
    "entertainer.n.01",  # performer, comedian, actor, musician, singer
    "creator.n.02",  # artist, maker, producer, film maker, designer, architect
    # communicator.n.01 mixes gossip, alarmist, rambler, twaddler with jobs: its job children
    "writer.n.01",  # journalist, novelist, poet, columnist
    "negotiator.n.01",  # representative, head of state, agent, delegate, envoy, mediator
    "broadcaster.n.01",
    "reporter.n.01",
    "correspondent.n.02",
    "publicist.n.01",
    "announcer.n.01",
    "spokesperson.n.01",  # spokesman, spokeswoman (advocate.n.01 also holds fan, supporter)
    # defender.n.01 also holds champion, foster-parent, patron saint: its job children
    "lawman.n.01",  # policeman, sheriff, detective
    "custodian.n.01",  # curator, keeper of a collection, warden
    "guard.n.01",
    "bodyguard.n.01",
    "fireman.n.04",  # firefighter
    "peacekeeper.n.01",
    "adjudicator.n.01",  # judge, referee, official of a game
    "authority.n.02",  # civil authority: mayor
    "adviser.n.01",  # consultant, counselor
    "businessperson.n.01",  # capitalist.n.02 also holds materialist, profiteer
    "investor.n.01",
    "financier.n.01",
    "ruler.n.01",  # sovereign, monarch, dictator, emir
    "committee_member.n.01",  # member.n.01 also holds brother, tribesman, homeboy
    "council_member.n.01",
    "board_member.n.01",
    "planner.n.01",  # strategist, tactician
    "organizer.n.01",  # coordinator
    "treasurer.n.01",
    "banker.n.01",
    "reformer.n.01",  # activist, campaigner, crusader (under disputant.n.01)
    "persuader.n.01",  # lobbyist (communicator.n.01 again)
    "pollster.n.01",
    "presenter.n.01",
    "blogger.n.01",  # a direct child of person.n.01
    "jockey.n.01",  # under rider.n.01 and traveler.n.01
    "religious.n.01",  # monk, nun (religious_person.n.01 itself is any believer)
    "student.n.01",  # "a nursing student": a stated position, though not a paid one
    "astronaut.n.01",
)
KIN_SYNSETS = ("relative.n.01",)  # mother, cousin, widow, spouse, ancestor
INHABITANT_SYNSETS = ("inhabitant.n.01", "national.n.01")  # resident, villager, citizen, voter

# Belief and judgement synsets of verb.cognition; their hyponyms in verb.cognition count too.
# expect.v.01 ("regard as probable") is left out on purpose: the issue treats expectation
# as not speech, and its belief hyponyms (believe, think, suspect, speculate) come in below.
BELIEF_SYNSETS = (
    "believe.v.01",  # accept as true
    "believe.v.03",  # be confident about something ("I believe that he will come back")
    "think.v.01",  # judge or regard; consider, hold, feel
    "think.v.02",  # expect, believe, or suppose: opine, imagine, reckon, guess, suspect
    "conclude.v.01",  # decide by reasoning: deduce, surmise, gather, find
    "doubt.v.01",
    "doubt.v.02",
    "know.v.01",  # be cognizant or aware of a fact
    "know.v.03",  # be aware of the truth of something
    "estimate.v.01",  # judge tentatively
    "estimate.v.02",  # calculate, reckon: judge to be probable
    "assume.v.01",  # presume, take for granted
    "suppose.v.03",  # speculate, theorize, conjecture
    "suppose.v.04",  # presuppose
    "deem.v.01",  # hold, view as
    "consider.v.01",  # see, reckon, view: deem to be
    "understand.v.04",  # believe to be the case
    "feel.v.02",  # come to believe on the basis of emotion or intuition
    "realize.v.01",  # be fully aware or cognizant of
)

FRAME_FLAGS = (("that_clause", 26), ("to_infinitive", 28), ("object_to_infinitive", 24))


def header(wn: WordNet, what: str, columns: str) -> list[str]:
    licence = []
    with open(wn.directory / "data.noun", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("  "):
                break
            licence.append(line.strip().split(" ", 1)[1].rstrip() if " " in line.strip() else "")
    return [
        f"# {what}",
        f"# Source: {wn.version()} The database files of Debian's wordnet-base package.",
        "# Generated by scripts/make_wordnet_lexicon.py: do not edit by hand; regenerate with",
        "#   apt-get install wordnet-base && python scripts/make_wordnet_lexicon.py",
        f"# Columns (tab-separated): {columns}",
        "#",
        "# WordNet licence (it asks that this notice appear on all copies):",
        *(f"#   {line}".rstrip() for line in licence),
    ]


def closure_members(wn: WordNet, pos: str, names: tuple[str, ...], lexname: str) -> set[int]:
    """The synsets named and every hyponym of theirs in `lexname`."""
    children: dict[int, list[int]] = {}
    for offset, synset in wn.synsets[pos].items():
        for parent in synset.targets("@", "@i"):
            children.setdefault(parent, []).append(offset)
    seen: set[int] = set()
    todo = [wn.synset(name).offset for name in names]
    while todo:
        offset = todo.pop()
        if offset in seen or wn.synsets[pos][offset].lexname != lexname:
            continue
        seen.add(offset)
        todo.extend(children.get(offset, []))
    return seen


def is_acronym(word: str) -> bool:
    """'CEO', 'MP', 'V.P.': kept as written, flagged, so that 'pm' in '5 pm' is not a person."""
    letters = word.replace("_", "").replace(".", "").replace("-", "")
    return letters.isalpha() and letters.isupper()


def person_rows(wn: WordNet) -> tuple[list[str], Counter]:
    classes = {
        "occupation": closure_members(wn, "n", OCCUPATION_SYNSETS, "noun.person"),
        "kin": closure_members(wn, "n", KIN_SYNSETS, "noun.person"),
        "inhabitant": closure_members(wn, "n", INHABITANT_SYNSETS, "noun.person"),
    }
    skipped = Counter()

    def sense_flags(synset: Synset) -> set[str]:
        flags = {name for name, members in classes.items() if synset.offset in members}
        if "(usually plural)" in synset.gloss or "(plural)" in synset.gloss:
            flags.add("group")
        return flags

    lemmas: set[str] = set()
    for synset in wn.synsets["n"].values():
        if synset.lexname != "noun.person":
            continue
        if synset.targets("@i"):
            skipped["instance synsets"] += 1
            continue
        for word in synset.words:
            if word != word.lower() and not is_acronym(word):
                skipped["capitalised lemmas"] += 1
                continue
            lemmas.add(word)
    rows = []
    for word in sorted(lemmas, key=lemma_text):
        senses = wn.senses(word.lower(), "n")
        person = [s for s in senses if s.lexname == "noun.person" and not s.targets("@i")]
        flags = set().union(*(sense_flags(s) for s in person))
        first = sense_flags(person[0])
        if is_acronym(word):
            flags.add("acronym")
            first.add("acronym")
        if senses[0].lexname == "noun.person":
            flags.add("primary")
            first.add("primary")
        elif senses[0].lexname == "noun.group":
            flags.add("group")  # "family", "party", "authority": first of all a body of people
        rows.append(
            f"{lemma_text(word)}\t{','.join(sorted(flags))}\t{','.join(sorted(first))}\t{len(person)}/{len(senses)}"
        )
    return rows, skipped


def demonym_rows(wn: WordNet) -> list[str]:
    words = set()
    for offset in closure_members(wn, "n", INHABITANT_SYNSETS, "noun.person"):
        synset = wn.synsets["n"][offset]
        if not synset.targets("@i"):
            words |= {w for w in synset.words if w != w.lower() and "_" not in w and not is_acronym(w)}
    return sorted(words)


def org_noun_rows(wn: WordNet) -> list[str]:
    members = closure_members(wn, "n", ("organization.n.01",), "noun.group")
    words = set()
    for offset in members:
        synset = wn.synsets["n"][offset]
        for word in synset.words:
            senses = wn.senses(word.lower(), "n")
            if word == word.lower() and not synset.targets("@i") and senses and senses[0].offset == offset:
                words.add(lemma_text(word))
    return sorted(words)


def verb_rows(wn: WordNet) -> list[str]:
    belief = closure_members(wn, "v", BELIEF_SYNSETS, "verb.cognition")
    wanted: dict[str, set[str]] = {}
    for synset in wn.synsets["v"].values():
        kind = "speech" if synset.lexname == "verb.communication" else "belief" if synset.offset in belief else None
        if kind:
            for word in synset.words:
                wanted.setdefault(word.lower(), set()).add(kind)
    rows = []
    for word in sorted(wanted, key=lemma_text):
        senses = wn.senses(word, "v")
        counts = Counter(s.lexname for s in senses)
        frames: set[int] = set()
        for synset in senses:
            if synset.lexname == "verb.communication" or synset.offset in belief:
                index = next(i for i, w in enumerate(synset.words, 1) if w.lower() == word)
                frames |= synset.word_frames(index)
        flags = [name for name, frame in FRAME_FLAGS if frame in frames]
        rows.append(
            "\t".join(
                (
                    lemma_text(word),
                    ",".join(sorted(wanted[word])),
                    senses[0].lexname,
                    ",".join(f"{lex}={n}" for lex, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                    ",".join(str(f) for f in sorted(frames)),
                    ",".join(flags),
                )
            )
        )
    return rows


def write_lemmas(wn: WordNet, path: Path, what: str, column: str, lemmas: list[str]) -> None:
    """A one-column data file: the header with WordNet's licence, then a lemma a line."""
    lines = header(wn, what, column)
    path.write_text("\n".join([*lines, *lemmas]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    wn = WordNet(args.wordnet_dir)
    args.out.mkdir(parents=True, exist_ok=True)

    rows, skipped = person_rows(wn)
    lines = header(
        wn,
        "Person nouns: lemmas of WordNet noun.person synsets (no instances, no capitalised lemmas but acronyms).",
        "lemma, flags of any person sense, flags of the first person sense, person senses/noun senses",
    )
    lines += [
        "# Flags: occupation = the sense is, or is a hyponym of, one of the synsets listed in the script",
        f"#   ({len(OCCUPATION_SYNSETS)}: {', '.join(OCCUPATION_SYNSETS[:6])}, ...);",
        f"#   kin = under {', '.join(KIN_SYNSETS)}; inhabitant = under {', '.join(INHABITANT_SYNSETS)};",
        "#   group = glossed '(usually plural)', or the lemma's first noun sense is noun.group;",
        "#   acronym = written in capitals in WordNet and kept so here (CEO, MP, V.P.);",
        "#   primary = the lemma's first noun sense (WordNet's most frequent) is a person sense.",
        f"# Left out: {skipped['instance synsets']} instance synsets, {skipped['capitalised lemmas']} capitalised lemmas.",
        *rows,
    ]
    (args.out / "person_nouns.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    demonyms = demonym_rows(wn)
    what = "Demonyms: capitalised one-word lemmas of the noun.person synsets under "
    write_lemmas(
        wn,
        args.out / "demonyms.tsv",
        what + ", ".join(INHABITANT_SYNSETS) + " (no instances).",
        "lemma, as WordNet writes it",
        demonyms,
    )
    orgs = org_noun_rows(wn)
    what = "Organisation nouns: lower-case lemmas whose first noun sense is organization.n.01 or a noun.group hyponym of it."
    write_lemmas(wn, args.out / "org_nouns.tsv", what, "lemma", orgs)

    verbs = verb_rows(wn)
    lines = header(
        wn,
        "Speech and belief verbs: lemmas of verb.communication synsets and of the belief synsets of verb.cognition.",
        "lemma, classes (speech/belief), lexname of the first sense, senses per lexname, frames of the"
        " speech/belief senses, frame flags",
    )
    lines += [
        "# Belief synsets (with their verb.cognition hyponyms): " + ", ".join(BELIEF_SYNSETS) + ".",
        "# Frame flags: " + ", ".join(f"{name} = frame {n} '{VERB_FRAMES[n]}'" for name, n in FRAME_FLAGS) + ".",
        "# Frames (wninput(5WN)):",
        *(f"#   {n:2d} {text}" for n, text in VERB_FRAMES.items()),
        *verbs,
    ]
    (args.out / "speech_verbs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"person_nouns.tsv: {len(rows)} lemmas; demonyms.tsv: {len(demonyms)}; org_nouns.tsv: {len(orgs)}; speech_verbs.tsv: {len(verbs)} lemmas; left out: {dict(skipped)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
