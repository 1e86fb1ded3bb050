"""The attribution rules, one module per family, and the order they are tried in.

- `base.py`: the `Rule` ids, `Attribution`, `QuoteContext` (what a finder reads).
- `cue_after.py`: `"…," X said.` and any verb right after an open-ended quote.
- `cue_before.py`: `X said: "…"`, any finite verb ending a clause before the quote, and the
  agent of a passive verb of speech (`described by X as "…"`).
- `introductions.py`: labels (`X: "…"`, `X, Outlet: "…"`, `X, role — "…"`), bylines
  (`"…" — X`), introducing sentences.
- `governing.py`: the verb whose clause holds a quoted fragment.
- `continuation.py`: a quote without a cue of its own takes an earlier speaker.
- `reported.py` and `headlines.py`: reported speech without quote marks.

A quote finder takes a `QuoteContext` and returns an `Attribution` or `None`; the first
finder of its kind's tuple that names somebody wins.  To add a rule: a `Rule` member, a
finder in the family's module, its place in a tuple below, a table row in the family's
test module, then `python -m service.calibrate ... --write` to measure its precision.
"""

from __future__ import annotations

from ..records import QuoteKind
from .base import Attribution, QuoteContext, QuoteFinder, Rule
from .cue_after import cue_after, cue_after_fragment
from .cue_before import cue_before, passive_agent, verb_right_before
from .governing import governing
from .introductions import colon_intro, dash, label, named_before_dash

DIRECT: tuple[QuoteFinder, ...] = (
    cue_after,
    dash,
    label,
    named_before_dash,
    verb_right_before,
    cue_before,
    colon_intro,
    passive_agent,
    governing,
)
PARTIAL: tuple[QuoteFinder, ...] = (
    passive_agent,
    governing,
    cue_after_fragment,
    label,
    named_before_dash,
    verb_right_before,
    cue_before,
)
FINDERS: dict[QuoteKind, tuple[QuoteFinder, ...]] = {
    QuoteKind.DIRECT: DIRECT,
    QuoteKind.PARTIAL: PARTIAL,
    QuoteKind.INDIRECT: (),
}


def attribute_quote(ctx: QuoteContext, kind: QuoteKind) -> Attribution | None:
    """The first attribution, in the order of `FINDERS[kind]`, that names somebody."""
    for finder in FINDERS[kind]:
        found = finder(ctx)
        if found is not None and found.mention is not None:
            return found
    return None


__all__ = ["DIRECT", "FINDERS", "PARTIAL", "Attribution", "QuoteContext", "Rule", "attribute_quote"]
