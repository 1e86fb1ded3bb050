"""Helpers the attribution test modules share: find a quote or a speaker in an
`Extraction`, check who a quote is attributed to and by which rule, and mark a table row
as a known misattribution.

The tests import them as `from helpers import ...`, as they import `envelope`; the
`attribute` fixture that makes an `Extraction` from a text is in `conftest.py`.
"""

from __future__ import annotations

import pytest

from service.nlp.records import Extraction, Quote, Speaker
from service.nlp.rules import Rule

QUOTATION_KINDS = ("direct", "partial")


def quote_for(extraction: Extraction, fragment: str, kinds: tuple[str, ...] = QUOTATION_KINDS) -> Quote:
    """The first quote of one of `kinds` whose text contains `fragment`."""
    for quote in extraction.quotes:
        if fragment in quote.text and quote.kind.value in kinds:
            return quote
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q in extraction.quotes]}")


def indirect(extraction: Extraction) -> list[Quote]:
    """The reported clauses (kind `indirect`), in document order."""
    return [q for q in extraction.quotes if q.kind.value == "indirect"]


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def speaker(extraction: Extraction, name: str) -> Speaker:
    """The speaker called `name`."""
    for candidate in extraction.speakers:
        if candidate.name == name:
            return candidate
    raise AssertionError(f"no speaker {name!r} in {[s.name for s in extraction.speakers]}")


def assert_attributed(quote: Quote, name: str | None, rule: Rule | None) -> None:
    """`quote` is `name`'s (None: nobody's) and was found by `rule` (None: any rule)."""
    assert speaker_name(quote) == name, f"{quote.text!r}: speaker {speaker_name(quote)!r} by rule {quote.rule!r}"
    if rule is not None:
        assert quote.rule == rule, f"{quote.text!r}: rule {quote.rule!r}, expected {rule.value!r}"


def known_failure(*values, reason: str, id: str | None = None):
    """A table row the service gets wrong today: a strict `xfail`, so that the row fails
    the suite the day it starts to pass (then drop the mark).  Only a failed assertion
    counts as the known failure; any other error is reported as one."""
    return pytest.param(*values, id=id, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason))
