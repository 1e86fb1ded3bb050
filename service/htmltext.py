"""HTML to plain text, with a map from each plain character back into the HTML.

    source = html_to_text('<p>&ldquo;No,&rdquo; said <b>Ann Lee</b>.</p>')
    source.text                      # '“No,” said Ann Lee.'
    source.source_span(11, 18)       # (29, 36): html[29:36] == 'Ann Lee'

What counts as text is what a browser shows: tags are not text; character references
are decoded (as `html.unescape` does); runs of spaces, tabs and line breaks are one
space (except inside `<pre>`); a block element (`p`, `div`, `br`, `li`, `h1`-`h6`,
`blockquote`, `tr`, ...) is a paragraph break, written "\\n\\n" so that the quote rules see
a blank line; `script`, `style`, `noscript`, `template` and comments are dropped.

The tokenizer is the standard library's `html.parser`, kept with CPython and tolerant of
broken markup (an unclosed tag, a stray `<` or `&` is text, as in a browser).  It does
not say where each piece of text came from, so `_Parser` records the source range of
every event from the parser's own position bookkeeping (`updatepos`), and decodes each
text run itself with the same character-reference rule as `html.unescape`, one reference
at a time, to know which source characters each plain character came from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose start and end are paragraph breaks (HTML's block-level and list/table rows).
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main nav ol p pre section summary table "
    "tbody tfoot thead title tr ul".split()
)
# Elements whose content is never shown as text (script and style are the parser's own
# CDATA elements; their content arrives as data, which is dropped too).
DROPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template"})
# Table cells: a word break, not a paragraph break.
CELL_ELEMENTS = frozenset({"td", "th"})
PREFORMATTED = frozenset({"pre", "textarea", "listing"})
# Whitespace that HTML collapses (ASCII whitespace; a no-break space is kept).
COLLAPSIBLE = frozenset(" \t\n\r\f")
PARAGRAPH_BREAK = "\n\n"

# A tag, comment or declaration begun (`<a`, `</b`, `<!`, `<?`).
_UNFINISHED = re.compile(r"<(?:/?[A-Za-z]|[!?])")
# The character-reference pattern of `html.unescape` (CPython's html/__init__.py).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


@dataclass(frozen=True)
class HtmlText:
    """Plain text taken from `html`: plain character `i` came from `html[starts[i]:ends[i]]`
    (an empty range for the paragraph breaks and spaces that markup stands for)."""

    html: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The HTML range that plain `text[start:end]` came from, markup inside it included."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the plain text of {len(self.text)} characters")
        if start == end:
            at = self.starts[start] if start < len(self.text) else len(self.html)
            return at, at
        return self.starts[start], max(self.ends[end - 1], self.starts[start])


def _common_suffix(a: str, b: str, limit: int) -> int:
    n = 0
    while n < limit and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def decode_with_offsets(raw: str, base: int) -> tuple[str, list[tuple[int, int]]]:
    """`html.unescape(raw)`, and for each character of it the source range it came from
    (`raw` starts at `base` in the document)."""
    chars: list[str] = []
    ranges: list[tuple[int, int]] = []
    last = 0
    for match in _CHARREF.finditer(raw):
        for k in range(last, match.start()):
            chars.append(raw[k])
            ranges.append((base + k, base + k + 1))
        start, end = match.start(), match.end()
        decoded = html.unescape(match.group())
        # What the reference did not use ("&notit;" is "¬" and then "it;"; "&x;" is no
        # reference at all) stays characters of its own.
        kept = _common_suffix(decoded, match.group(), len(decoded) - 1) if decoded != match.group() else len(decoded)
        head = len(decoded) - kept
        chars.extend(decoded)
        ranges.extend([(base + start, base + end - kept)] * head)
        ranges.extend((base + k, base + k + 1) for k in range(end - kept, end))
        last = end
    for k in range(last, len(raw)):
        chars.append(raw[k])
        ranges.append((base + k, base + k + 1))
    return "".join(chars), ranges


class _TextBuilder:
    """Collects shown characters and their source ranges, collapsing whitespace and
    writing one paragraph break between blocks."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pending_break: int | None = None
        self.pending_space: tuple[int, int] | None = None

    def _append(self, text: str, start: int, end: int) -> None:
        for char in text:
            self.chars.append(char)
            self.starts.append(start)
            self.ends.append(end)

    def block_boundary(self, at: int) -> None:
        if self.pending_break is None:
            self.pending_break = at
        self.pending_space = None

    def word_boundary(self, at: int) -> None:
        if self.pending_break is None and self.pending_space is None:
            self.pending_space = (at, at)

    def add(self, char: str, start: int, end: int, preformatted: bool) -> None:
        if char in COLLAPSIBLE and not preformatted:
            if self.pending_break is None:
                space = self.pending_space
                if space is None:
                    self.pending_space = (start, end)
                elif space[1] == start:  # the same run of whitespace, not one across a tag
                    self.pending_space = (space[0], end)
            return
        if self.chars:
            if self.pending_break is not None:
                self._append(PARAGRAPH_BREAK, self.pending_break, self.pending_break)
            elif self.pending_space is not None:
                self._append(" ", *self.pending_space)
        self.pending_break = self.pending_space = None
        self._append(char, start, end)


class _Parser(HTMLParser):
    """`html.parser` with each event's source position tracked (see the module docstring)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.base = 0  # where `self.rawdata[0]` is in `source`
        self.cursor = 0  # where the event being reported starts in `source`
        self.pending_data: tuple[int, str] | None = None
        self.dropped = 0  # depth inside noscript/template
        self.preformatted = 0
        self.out = _TextBuilder()

    def run(self) -> None:
        self.feed(self.source)
        tail = self.rawdata  # what the parser could not finish before the end
        self.base = len(self.source) - len(tail)
        if _UNFINISHED.match(tail) and (tail.startswith("<!--") or ">" not in tail):
            # The document ends inside a tag or a comment: a browser shows none of it
            # (html.parser would show it as text).
            self.rawdata = ""
        self.close()
        self._flush_data(len(self.source))

    # Position bookkeeping: the parser calls updatepos(i, j) after each construct it
    # consumed, with rawdata indices.
    def updatepos(self, i: int, j: int) -> int:
        if i < j:
            self._flush_data(self.base + j)
            self.cursor = self.base + j
        return super().updatepos(i, j)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # `<![` that is not a known section: a bogus comment to the next `>`, as in a browser
        # (the base class raises AssertionError for it).
        cursor, position = self.cursor, self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.cursor = cursor
            self.lineno, self.offset = position
            return self.parse_bogus_comment(i, report=0)

    def _flush_data(self, end: int) -> None:
        if self.pending_data is None:
            return
        start, payload = self.pending_data
        self.pending_data = None
        raw = self.source[start:end]
        decoded, ranges = decode_with_offsets(raw, start)
        if decoded != payload:
            # The parser passed this text through undecoded (a broken tag shown as text).
            decoded, ranges = raw, [(start + k, start + k + 1) for k in range(len(raw))]
            if raw != payload:
                ranges = [(start, end)] * len(payload)
                decoded = payload
        for char, (s, e) in zip(decoded, ranges):
            self.out.add(char, s, e, self.preformatted > 0)

    def handle_data(self, data: str) -> None:
        if self.cdata_elem is not None or self.dropped:
            return
        self._flush_data(self.cursor)
        self.pending_data = (self.cursor, data)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in DROPPED_ELEMENTS:
            return
        self._tag(tag, opening=True)
        if tag in PREFORMATTED:
            self._tag(tag, opening=False)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def _tag(self, tag: str, opening: bool) -> None:
        self._flush_data(self.cursor)
        if tag in DROPPED_ELEMENTS:
            if tag in {"noscript", "template"}:
                self.dropped = self.dropped + 1 if opening else max(0, self.dropped - 1)
            return
        if self.dropped:
            return
        if tag in PREFORMATTED:
            self.preformatted = self.preformatted + 1 if opening else max(0, self.preformatted - 1)
        if tag in BLOCK_ELEMENTS or tag in PREFORMATTED:
            self.out.block_boundary(self.cursor)
        elif tag in CELL_ELEMENTS:
            self.out.word_boundary(self.cursor)


def html_to_text(source: str) -> HtmlText:
    """The text a browser would show for `source`, with its offset map.  Never raises
    for malformed markup."""
    parser = _Parser(source)
    parser.run()
    out = parser.out
    return HtmlText(source, "".join(out.chars), tuple(out.starts), tuple(out.ends))
