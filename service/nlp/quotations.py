"""Which quoted stretches are quotations, and of which kind.

Quote marks also enclose nicknames (Kenneth ‘‘Frank’’ McKenzie) and titles of works
(the book “Fire and Fury”): those are not quotations.  A quotation is `direct` when it
stands as the speaker's own sentence or clause, `partial` when it is a fragment inside
the writer's sentence (his “red line”).
"""

from __future__ import annotations

import re

from .lexicon import WORK_CUES
from .marks import QuotedSpan

WORD_RE = re.compile(r"[\w’'-]+")
MAX_NICKNAME_WORDS = 3
MAX_TITLE_WORDS = 8
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from".split())


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_nickname(text: str, quote: QuotedSpan) -> bool:
    """A short capitalised name in quote marks between two parts of a name."""
    words = _words(text[quote.start : quote.end])
    if not words or len(words) > MAX_NICKNAME_WORDS or not all(_is_capitalised(w) for w in words):
        return False
    before = _words(text[max(0, quote.open_start - 40) : quote.open_start])
    after = _words(text[quote.close_end : quote.close_end + 40])
    return bool(before and after and _is_capitalised(before[-1]) and _is_capitalised(after[0])) and (
        text[quote.open_start - 1 : quote.open_start].isspace()
        and text[quote.close_end : quote.close_end + 1].isspace()
    )


def is_work_title(text: str, quote: QuotedSpan) -> bool:
    """A Title Case phrase after a word such as book, film, titled or called, or a
    programme named after an outlet or `on` (`on CNN's "State of the Union"`)."""
    words = _words(text[quote.start : quote.end])
    capitalised = sum(_is_capitalised(w) for w in words if w.lower() not in TITLE_SMALL_WORDS)
    significant = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    if not significant or capitalised < len(significant) or len(words) > MAX_TITLE_WORDS:
        return False
    before = text[max(0, quote.open_start - 30) : quote.open_start].rstrip()
    previous = _words(before)[-1:] or [""]
    if previous[0].lower() in {"on", "of"} or before.endswith(("’s", "'s")):
        return True
    ends_clause = text[quote.start : quote.end].rstrip()[-1:] in {",", "."}
    return len(words) >= 2 and not ends_clause and previous[0].lower() in WORK_CUES


def is_quotation(text: str, quote: QuotedSpan) -> bool:
    return not is_nickname(text, quote) and not is_work_title(text, quote)


def quote_kind(text: str, quote: QuotedSpan) -> str:
    """`direct` when the quote opens its paragraph or sentence or follows a colon or
    comma; `partial` when running text leads into it."""
    if not quote.has_open_mark or quote.continued:
        return "direct"
    before = text[: quote.open_start].rstrip(" \t\u00a0")
    if not before or before.endswith(("\n", ":", ",", ".", "?", "!", "—", "–", "(")):
        return "direct"
    return "partial"
