"""Who a speaker is across articles: normalised names, and the surname variants of a name.

Within one article the pipeline already merges "Dana Okafor", "Okafor" and "Ms. Okafor"
into one speaker named by the fullest form. Across articles only the names remain, so:

- a person's or an organisation's key is the name normalised: accents, case, punctuation
  and quote marks dropped, whitespace collapsed; for people also a generational suffix
  (Jr, Sr, II, III) and single-letter middle initials ("Mark T. Esper" → `mark esper`); for
  organisations a leading "the" and a company suffix (Inc, Ltd, LLC, plc, Corp, Co);
- across the archive (`alias_map`), a key that is a surname alone (`okafor`) or an initial
  and a surname (`d okafor`) joins the one full name it fits (`dana okafor`); when two full
  names fit (`dana okafor`, `chidi okafor`) it joins neither, rather than guess;
- anonymous and group speakers have no key: "a spokesperson" here and "a spokesperson"
  there need not be one person, so they are counted as classes, never merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

NAMED_KINDS = frozenset({"person", "organization"})
CLASS_KINDS = ("anonymous", "group")  # counted as a class each, in this order
CLASS_LABELS = {"anonymous": "anonymous sources", "group": "groups"}

_PERSON_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ORG_SUFFIXES = frozenset({"inc", "ltd", "llc", "plc", "corp", "co"})
_NON_WORD = re.compile(r"[^\w\s]|_")


def _words(name: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['’]s\b", "", plain)  # possessive
    plain = re.sub(r"['’]", "", plain)  # O'Brien → obrien
    return _NON_WORD.sub(" ", plain).split()


def person_key(name: str) -> str:
    words = _words(name)
    while len(words) > 1 and words[-1] in _PERSON_SUFFIXES:
        words.pop()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def org_key(name: str) -> str:
    words = _words(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


def speaker_key(name: str, kind: str) -> str | None:
    """The cross-article key of a named speaker (`person:dana okafor`); None for anonymous and group."""
    if kind == "person":
        key = person_key(name)
    elif kind == "organization":
        key = org_key(name)
    else:
        return None
    return f"{kind}:{key}" if key else None


def alias_map(keys: Iterable[str]) -> dict[str, str]:
    """For each person key that is a surname alone or initials and a surname, the one full key it
    fits, if exactly one does (`person:okafor` → `person:dana okafor`)."""
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    short: list[str] = []
    for key in set(keys):
        kind, _, name = key.partition(":")
        if kind != "person":
            continue
        words = name.split()
        if len(words) == 1 or all(len(w) == 1 for w in words[:-1]):
            short.append(key)
        else:
            full_by_surname[words[-1]].add(key)
    aliases = {}
    for key in short:
        words = key.partition(":")[2].split()
        initials = words[:-1]
        fits = [
            full
            for full in full_by_surname.get(words[-1], ())
            if all(a[0] == b for a, b in zip(full.partition(":")[2].split()[:-1], initials))
            and len(full.partition(":")[2].split()) - 1 >= len(initials)
        ]
        if len(fits) == 1:
            aliases[key] = fits[0]
    return aliases
