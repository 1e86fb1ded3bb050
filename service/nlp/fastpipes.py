"""spaCy speedups: the model's attribute ruler and rule lemmatizer, applied from tables.

Both give exactly the annotations of the pipes they replace (tests/test_fast_pipes.py
compares them token by token); they read spaCy internals (`AttributeRuler.patterns`,
`.attrs`, the lemmatizer's `lemmatize`), so they are installed only on the spaCy
version they were verified on, with `nlp.replace_pipe`.  bench/throughput.py measures
what each saves.
"""

from __future__ import annotations

import logging
import re
from typing import ClassVar

import numpy
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

# The spaCy minor version whose AttributeRuler and Lemmatizer internals these read.
VERIFIED_SPACY = "3.8"
log = logging.getLogger(__name__)


class CachedLemmas:
    """The model's rule lemmatizer, memoised on (ORTH, POS, MORPH) hashes.

    spaCy's rule lemmatizer already caches its answer on that same triple, so this gives
    the same lemma for every token; what it saves is the per-token Python work around
    the cache (a `Token` object, a `MorphAnalysis`, the string store), which made the
    lemmatizer ~8% of the whole parse although the rules read lemmas only to look cue
    verbs and speech nouns up.  Tokens whose lemma the attribute ruler set are left
    alone, as the lemmatizer's `overwrite = false` does."""

    MAX_ENTRIES = 500_000

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def clear(self) -> None:
        """Forget what was looked up (for benchmarks that time a cold start)."""
        self.cache.clear()
        if hasattr(self.lemmatizer, "cache"):
            self.lemmatizer.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        cache, strings = self.cache, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            lemma = cache.get((orth, pos, morph))
            if lemma is None:
                lemma = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(cache) < self.MAX_ENTRIES:
                    cache[(orth, pos, morph)] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


class TokenSpec:
    """One token of an attribute-ruler pattern, as the Matcher reads it: each key is
    TAG, LOWER or DEP (a string, or {"IN"|"NOT_IN": [...]} or {"REGEX": ...}) or
    IS_SPACE (a bool).  Anything else raises `ValueError` (and the model's own ruler
    is kept)."""

    KEYS: ClassVar[dict[str, int]] = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

    def __init__(self, spec: dict):
        self.tests: list[tuple[str, int, object]] = []  # (how, which key part, what)
        # The exact value it needs for TAG, LOWER or DEP, if any: an index key.
        self.exact = next(((key, spec[key]) for key in ("TAG", "LOWER", "DEP") if isinstance(spec.get(key), str)), None)
        for key, value in spec.items():
            if key not in self.KEYS or (key == "IS_SPACE") != isinstance(value, bool):
                raise ValueError(f"unsupported pattern key {key}: {value!r}")
            at = self.KEYS[key]
            if isinstance(value, bool | str):
                self.tests.append(("==", at, value))
            elif isinstance(value, dict) and len(value) == 1 and "IN" in value:
                self.tests.append(("in", at, frozenset(value["IN"])))
            elif isinstance(value, dict) and len(value) == 1 and "NOT_IN" in value:
                self.tests.append(("not in", at, frozenset(value["NOT_IN"])))
            elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value:
                self.tests.append(("regex", at, re.compile(value["REGEX"])))
            else:
                raise ValueError(f"unsupported pattern value for {key}: {value!r}")

    def __call__(self, key: tuple) -> bool:
        for how, at, what in self.tests:
            value = key[at]
            if how == "==":
                ok = value == what
            elif how == "in":
                ok = value in what
            elif how == "not in":
                ok = value not in what
            else:
                ok = what.search(value) is not None
            if not ok:
                return False
        return True


class FastAttributeRuler:
    """The model's attribute ruler (tag -> POS/MORPH map and exceptions), applied from
    per-token tables instead of spaCy's `Matcher`.

    Same result: rules are applied in their order, each attribute taking the value of
    the last rule that sets it, as `AttributeRuler.set_annotations` does; which rules
    match a token depends only on its (TAG, LOWER, DEP, IS_SPACE), so that is looked
    up once per distinct key.  The Matcher evaluated its IN/NOT_IN/REGEX predicates in
    Python for every token and pattern, ~70 µs a token: as much as the parser."""

    MAX_ENTRIES = 500_000
    ATTRS = (POS, MORPH, LEMMA, TAG, DEP)

    def __init__(self):
        self.ruler = None
        self.specs: list[TokenSpec] = []
        self.singles: list[tuple[int, int]] = []  # (spec, rule)
        self.sequences: list[tuple[tuple[int, ...], int, int]] = []  # (specs, rule, index)
        self.sequence_starts: frozenset[int] = frozenset()
        # Specs by the exact value they need ((TAG|LOWER|DEP, value) -> specs), and the rest.
        self.by_exact: dict[tuple[str, str], list[int]] = {}
        self.general: list[int] = []
        self.single_rules: dict[int, list[int]] = {}  # spec -> the one-token rules it belongs to
        self.key_cache: dict[tuple, tuple[frozenset, tuple[int, ...], bool]] = {}
        self.merge_cache: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def build(self, ruler) -> FastAttributeRuler:
        """Read the rules of `ruler` (an `AttributeRuler`); `ValueError` if a pattern
        uses what `TokenSpec` does not know."""
        self.__init__()
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                ids = tuple(self._spec(token) for token in pattern)
                if len(ids) == 1 and entry["index"] in (0, -1):
                    self.singles.append((ids[0], rule))
                else:
                    self.sequences.append((ids, rule, entry["index"]))
        self.sequence_starts = frozenset(ids[0] for ids, _, _ in self.sequences)
        for spec, rule in self.singles:
            self.single_rules.setdefault(spec, []).append(rule)
        self.ruler = ruler
        return self

    def _spec(self, token: dict) -> int:
        spec = TokenSpec(token)
        self.specs.append(spec)
        n = len(self.specs) - 1
        if spec.exact is None:
            self.general.append(n)
        else:
            self.by_exact.setdefault(spec.exact, []).append(n)
        return n

    def clear(self) -> None:
        """Forget what was looked up (for benchmarks that time a cold start)."""
        self.key_cache.clear()
        self.merge_cache.clear()

    def _lookup(self, hashes: tuple, strings) -> tuple[frozenset, tuple[int, ...], bool]:
        found = self.key_cache.get(hashes)
        if found is None:
            tag, lower, dep, space = hashes
            key = (strings[tag], strings[lower], strings[dep], bool(space))
            candidates = [
                *self.general,
                *self.by_exact.get(("TAG", key[0]), ()),
                *self.by_exact.get(("LOWER", key[1]), ()),
                *self.by_exact.get(("DEP", key[2]), ()),
            ]
            specs = frozenset(n for n in candidates if self.specs[n](key))
            singles = tuple(sorted(rule for n in specs for rule in self.single_rules.get(n, ())))
            found = (specs, singles, bool(specs & self.sequence_starts))
            if len(self.key_cache) < self.MAX_ENTRIES:
                self.key_cache[hashes] = found
        return found

    def _merged(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) for each attribute the rules set, the last rule winning."""
        merged = self.merge_cache.get(rules)
        if merged is None:
            attrs: dict = {}
            for rule in sorted(set(rules)):
                attrs.update(self.ruler.attrs[rule])
            merged = tuple((column, attrs[attr]) for column, attr in enumerate(self.ATTRS) if attr in attrs)
            if len(self.merge_cache) < self.MAX_ENTRIES:
                self.merge_cache[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        found = [self._lookup(tuple(row), strings) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        extra: dict[int, list[int]] = {}  # token -> rules of multi-token patterns aimed at it
        for i, (_specs, _, starts) in enumerate(found):
            if starts:
                for ids, rule, index in self.sequences:
                    end = i + len(ids)
                    if end <= len(found) and all(spec in found[i + k][0] for k, spec in enumerate(ids)):
                        extra.setdefault(i + index if index >= 0 else end + index, []).append(rule)
        values = doc.to_array(list(self.ATTRS)).tolist()
        for i, (_, singles, _) in enumerate(found):
            rules = singles + tuple(extra[i]) if i in extra else singles
            if rules:
                row = values[i]
                for column, value in self._merged(rules):
                    row[column] = value
        doc.from_array(list(self.ATTRS), numpy.array(values, dtype=numpy.uint64))
        return doc


def install_fast_attribute_ruler(nlp: Language) -> bool:
    """Replace the attribute ruler by `FastAttributeRuler` built from its rules (same
    result, faster); keep the model's own when a pattern uses what `TokenSpec` does not
    know.  True when replaced."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        FastAttributeRuler().build(ruler)
    except (ValueError, AttributeError, KeyError, TypeError):
        return False
    nlp.replace_pipe("attribute_ruler", "fast_attribute_ruler").build(ruler)
    return True


@Language.factory("fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler()


def install_cached_lemmas(nlp: Language) -> bool:
    """Replace a rule lemmatizer that does not overwrite by `CachedLemmas` around it
    (same lemmas, faster).  True when replaced."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    nlp.replace_pipe("lemmatizer", "cached_lemmatizer").lemmatizer = lemmatizer
    return True


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmas:
    return CachedLemmas(None)


def verified_spacy(version: str = spacy.__version__) -> bool:
    """The speedups read spaCy internals: only the verified minor version gets them."""
    return version == VERIFIED_SPACY or version.startswith(VERIFIED_SPACY + ".")


def install_fast_pipes(nlp: Language) -> list[str]:
    """Install both speedups where they apply; the names of the pipes replaced."""
    if not verified_spacy():
        log.warning("spaCy %s is not %s: the fast pipes are left out", spacy.__version__, VERIFIED_SPACY)
        return []
    replaced = []
    if install_fast_attribute_ruler(nlp):
        replaced.append("attribute_ruler")
    if install_cached_lemmas(nlp):
        replaced.append("lemmatizer")
    return replaced
