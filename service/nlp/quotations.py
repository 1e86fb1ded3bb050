"""Which quoted stretches are quotations, and of which kind.

Quote marks also enclose nicknames (Kenneth ‘‘Frank’’ McKenzie) and titles of works
(the book “Fire and Fury”): those are not quotations.  A quotation is `direct` when it
stands as the speaker's own sentence or clause, `partial` when it is a fragment inside
the writer's sentence (his “red line”).
"""

from __future__ import annotations

import re

from .lexicon import NAMED_THING_NOUNS, TITLE_SMALL_WORDS, WORK_CUES, WORK_NOUNS
from .marks import QuotedSpan

WORD_RE = re.compile(r"[\w’'-]+")
MAX_NICKNAME_WORDS = 3
MAX_TITLE_WORDS = 8
MAX_LONG_TITLE_WORDS = 14
# Most characters between two coordinated titles (`" and "`).
MAX_TITLE_GAP = 6


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


def _title_cased(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(significant) and all(_is_capitalised(w) for w in significant)


def is_work_title(text: str, quote: QuotedSpan, after_title: bool = False) -> bool:
    """A Title Case phrase named as a work or a thing rather than spoken: after a word
    such as book, film, titled or called (`the book "Fire and Fury"`, `his book, "Doomed
    to Succeed,"`), after `on`, `in`, `of` or an outlet's name (`on CNN's "State of the
    Union"`), before a noun such as host or hat (`a "Make America Great Again" hat`), or
    coordinated with a title just before it (`after_title`: `"The View" and "Nightline"`)."""
    words = _words(text[quote.start : quote.end])
    if not _title_cased(words) or len(words) > MAX_LONG_TITLE_WORDS:
        return False
    before = text[max(0, quote.open_start - 30) : quote.open_start].rstrip()
    previous = (_words(before)[-1:] or [""])[0].lower()
    if previous in WORK_NOUNS and (before.endswith(",") or before.lower().endswith(previous)):
        return True
    if after_title and before.endswith((",", " and", " or")):
        return True
    following = (_words(text[quote.close_end : quote.close_end + 20])[:1] or [""])[0].lower()
    if following in NAMED_THING_NOUNS and text[quote.close_end : quote.close_end + 1] == " ":
        return True
    if len(words) > MAX_TITLE_WORDS:
        return False
    if previous in {"on", "of"} or before.endswith(("’s", "'s")):
        return True
    if previous == "in" and (len(words) >= 2 or words[0].lower() == "the"):
        return True
    ends_clause = text[quote.start : quote.end].rstrip()[-1:] in {",", "."}
    return len(words) >= 2 and not ends_clause and previous in WORK_CUES


def quotation_spans(text: str, quoted: list[QuotedSpan]) -> list[QuotedSpan]:
    """The quoted stretches that are quotations: not nicknames, not titles."""
    kept: list[QuotedSpan] = []
    title_end: int | None = None  # where the title just before ends, if any
    for quote in quoted:
        if is_nickname(text, quote):
            title_end = None
            continue
        after_title = title_end is not None and quote.open_start - title_end <= MAX_TITLE_GAP
        if is_work_title(text, quote, after_title):
            title_end = quote.close_end
        else:
            kept.append(quote)
            title_end = None
    return kept


def quote_kind(text: str, quote: QuotedSpan) -> str:
    """`direct` when the quote opens its paragraph or sentence or follows a colon or
    comma; `partial` when running text leads into it."""
    if not quote.has_open_mark or quote.continued:
        return "direct"
    before = text[: quote.open_start].rstrip(" \t\u00a0")
    if not before or before.endswith(("\n", ":", ",", ".", "?", "!", "—", "–", "―", "--", "(")):
        return "direct"
    return "partial"
