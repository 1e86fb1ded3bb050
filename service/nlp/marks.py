"""Find quoted stretches in raw text from its quotation marks.

Works on characters, not tokens, so that every typography survives tokenisation:
“…”, "…", ‘‘…’’, ``…'', «…», „…“ and single ‘…’ / '…'.  Marks are paired within a
paragraph; a paragraph that opens a quote without closing it continues into the next
paragraph when that one opens with a mark (the newsroom convention for long quotes).
Unbalanced marks are recovered at a paragraph or sentence boundary, never by letting
one quote swallow the rest of the document.  The foot and inch marks of measurements
(`6'3"`, `a 12" pipe`) are no quote marks, and a title's full stop (`Mr.`) ends no
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

MARK_RE = re.compile(r"‘‘|’’|``|''|[“”„‟«»\"‘’'‹›]")
PARAGRAPH_BREAK_RE = re.compile(r"\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+")
LINE_BREAK_RE = re.compile(r"\r?\n")
# Titles whose full stop ends no sentence (`Mr. Rubio`, `Sen. Lee`).
TITLE_STOPS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Sgt",
    "Adm",
    "Rev",
)
# A sentence ends at . ! or ? (optionally followed by a closing mark) and white space,
# not at the full stop of a title.
SENTENCE_END_RE = re.compile("".join(rf"(?<!\b{t})" for t in TITLE_STOPS) + r"[.!?][”’\"']*\s+")

DOUBLE_OPENERS = frozenset({"“", "„", "«", "‘‘", "``", "‹"})
DOUBLE_CLOSERS = frozenset({"”", "‟", "»", "’’", "›"})
# Straight marks serve both ends: which one is told by the characters around them.
AMBIGUOUS_DOUBLES = frozenset({'"', "''"})
# Quote marks inside markup (<tweet author="...">) are attribute syntax, not quotations.
MARKUP_RE = re.compile(r"<[A-Za-z/!][^<>\n]{0,500}>")
# Foot and inch marks of a measurement are not quotation marks: a height (`6'3"`,
# `5' 11"`) or a number with a mark before a hyphen (`a 55"-screen`) never is; a number
# with a straight mark before a word (`a 12" pipe`, `a 10' fence`) is not unless a
# quotation is open (`he called it "level 2" and left`).
MEASUREMENT_RE = re.compile(
    r"(?<![\w.])\d{1,2} ?['’] ?\d{1,2}(?:\.\d+)? ?(?:\"|'')|(?<![\w.,])\d+(?:\.\d+)?(?:\"|''|')(?=-[a-z])"
)
LOOSE_MEASUREMENT_RE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?:\"|''|')(?= [a-z])")
OPEN_CONTEXT = set(" \t\r\n\u00a0([{—–―/:;") | {""}
CLOSE_CONTEXT = set(" \t\r\n\u00a0)]}—–―-/:;,.!?…") | {""}


class Family(Enum):
    DOUBLE = "double"
    SINGLE = "single"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    family: Family
    can_open: bool
    can_close: bool
    measurement: bool = False


@dataclass(frozen=True)
class QuotedSpan:
    """A quoted stretch: the content between its marks, and the marks' positions.

    `open_start`/`close_end` span the marks too; a missing mark (recovered quote) has
    its side equal to the content edge.  `continues` is true for a paragraph whose
    quote runs on into the next paragraph; `continued` for one that carries it on.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    paragraph: int
    has_open_mark: bool = True
    has_close_mark: bool = True
    continues: bool = False
    continued: bool = False


def paragraph_breaker(text: str) -> re.Pattern:
    """What separates paragraphs: blank lines when the text has any, else line breaks."""
    return PARAGRAPH_BREAK_RE if PARAGRAPH_BREAK_RE.search(text) else LINE_BREAK_RE


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines separate them when the text has any,
    else single line breaks do."""
    breaker = paragraph_breaker(text)
    bounds, start = [], 0
    for match in breaker.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _classify(text: str, match: re.Match) -> Mark | None:
    token, start, end = match.group(), match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if token == "“" and before.strip() and after in CLOSE_CONTEXT:
        # German „…“ closes with the mark English opens with; only after a word.
        return Mark(start, end, Family.DOUBLE, False, True)
    if token in DOUBLE_OPENERS:
        return Mark(start, end, Family.DOUBLE, True, False)
    if token in DOUBLE_CLOSERS:
        return Mark(start, end, Family.DOUBLE, False, True)
    if token in AMBIGUOUS_DOUBLES:
        if before in OPEN_CONTEXT or before in "“‘":
            return Mark(start, end, Family.DOUBLE, True, after in CLOSE_CONTEXT)
        return Mark(start, end, Family.DOUBLE, False, True)
    # Single marks: an apostrophe sits between letters or digits (don't, Kata’ib, '90s).
    if before.isalnum() and (after.isalnum()):
        return None
    can_open = token in "‘'" and (before in OPEN_CONTEXT or before in '“"') and after.strip() != ""
    can_close = token in "’'" and before.strip() != "" and (after in CLOSE_CONTEXT or after in '”"')
    if not (can_open or can_close):
        return None
    return Mark(start, end, Family.SINGLE, can_open, can_close)


def _measurement_marks(pattern: re.Pattern, text: str, start: int, end: int) -> set[int]:
    """Where the foot and inch marks of the measurements `pattern` matches stand."""
    found = set()
    for match in pattern.finditer(text, start, end):
        found.update(i for i in range(match.start(), match.end()) if text[i] in "\"'’")
    return found


def _marks_in(text: str, start: int, end: int) -> list[Mark]:
    markup = [m.span() for m in MARKUP_RE.finditer(text, start, end)]
    heights = _measurement_marks(MEASUREMENT_RE, text, start, end)
    measurements = _measurement_marks(LOOSE_MEASUREMENT_RE, text, start, end)
    marks = []
    for match in MARK_RE.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in markup) or match.start() in heights:
            continue
        mark = _classify(text, match)
        if mark is not None and match.start() in measurements:
            mark = replace(mark, measurement=True)
        if mark is not None:
            marks.append(mark)
    return marks


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _first_sentence_start_after(text: str, lower: int, upper: int) -> int:
    """Where the first sentence after `lower` begins, or `lower` if none before `upper`."""
    match = SENTENCE_END_RE.search(text, lower, upper)
    return match.end() if match else lower


def _opens_paragraph(text: str, bounds: tuple[int, int]) -> bool:
    head = text[bounds[0] : bounds[1]].lstrip()
    return bool(head) and (head[0] in '“„«"' or head.startswith(("‘‘", "``", "''")))


class _ParagraphScanner:
    """Pairs the marks of one paragraph into quoted spans."""

    def __init__(self, text: str, index: int, bounds: tuple[int, int], continued: bool):
        self.text = text
        self.index = index
        self.start, self.end = bounds
        self.spans: list[QuotedSpan] = []
        self.pending: Mark | None = None
        self.continued = continued

    def emit(self, open_start: int, content_start: int, content_end: int, close_end: int, **flags) -> None:
        start, end = _trimmed(self.text, content_start, content_end)
        if _has_words(self.text, start, end):
            self.spans.append(QuotedSpan(start, end, open_start, close_end, self.index, **flags))

    def last_close(self) -> int:
        return self.spans[-1].close_end if self.spans else self.start

    def recover_open(self, closer: Mark) -> None:
        """A closing mark with no opening one: the quote starts at the paragraph start,
        or at the first sentence after the previous quote in the paragraph."""
        lower = self.last_close()
        start = _first_sentence_start_after(self.text, lower, closer.start) if self.spans else lower
        self.emit(
            start, start, closer.start, closer.end, has_open_mark=False, continued=self.continued and not self.spans
        )

    def feed(self, mark: Mark) -> None:
        pending = self.pending
        if mark.measurement and (pending is None or pending.family is not mark.family):
            return  # an inch or foot mark while no quotation of its kind is open
        if mark.family is Family.SINGLE:
            if pending is None and mark.can_open:
                self.pending = mark
            elif pending is not None and pending.family is Family.SINGLE and mark.can_close:
                self.emit(pending.start, pending.end, mark.start, mark.end)
                self.pending = None
            return
        if pending is not None and pending.family is Family.DOUBLE:
            if mark.can_close:
                self.emit(pending.start, pending.end, mark.start, mark.end, continued=self._is_continuation(pending))
                self.pending = None
            else:  # a second opening mark: the first quote lost its closing mark
                self.emit(pending.start, pending.end, mark.start, mark.start, has_close_mark=False)
                self.pending = mark
            return
        if mark.can_open:
            self.pending = mark
        elif mark.can_close:
            self.pending = None
            self.recover_open(mark)

    def _is_continuation(self, opener: Mark) -> bool:
        return self.continued and not self.spans and not self.text[self.start : opener.start].strip()

    def finish(self, next_opens_quote: bool) -> bool:
        """Close the paragraph; returns whether a quote continues into the next one."""
        pending = self.pending
        if pending is None or pending.family is Family.SINGLE:
            return False
        self.emit(
            pending.start,
            pending.end,
            self.end,
            self.end,
            has_close_mark=False,
            continues=next_opens_quote,
            continued=self._is_continuation(pending),
        )
        return next_opens_quote


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted stretch of `text`, in order, with exact content offsets."""
    paragraphs = paragraph_bounds(text)
    spans: list[QuotedSpan] = []
    continued = False
    for index, bounds in enumerate(paragraphs):
        scanner = _ParagraphScanner(text, index, bounds, continued)
        for mark in _marks_in(text, *bounds):
            scanner.feed(mark)
        next_opens = index + 1 < len(paragraphs) and _opens_paragraph(text, paragraphs[index + 1])
        continued = scanner.finish(next_opens)
        spans.extend(scanner.spans)
    return spans
