"""The NLP side of the service: a spaCy pipeline that finds quotations and says who
said them.  Pure: a `Doc` in, the records of `records.py` out; JSON is made only at the
API edge.

The flow, in the order a document meets it:

0. before the model's parser, `paragraph_breaks` (`components.py`) starts a sentence after
   every blank line, so that no parsed sentence crosses a paragraph.
1. marks (`marks.py`): quote marks paired character by character into `QuotedSpan`s,
   paragraphs, unbalanced marks recovered.
2. quotations (`quotations.py`): which quoted stretches are quotations (not nicknames or
   titles of works), `direct` or `partial`.
3. names (`names.py`): every person and organisation of the document, with the roles
   stated for them (`EntityIndex`).
4. rules (`rules/`): for each quotation, the finders of its kind in order (`rules.DIRECT`,
   `rules.PARTIAL`) until one returns an `Attribution` tagged with its `Rule`; reported
   speech (`rules/reported.py`, `rules/headlines.py`) found clause by clause.
5. attribute (`attribute.py`): runs 2 and 4 over the document (`Attributions`).
6. resolve (`coreference.py`, with `resolve.py`): each attributing mention ("he", "the
   department", "Esper") to one entity, in document order; quotes without a cue of their
   own continue an earlier speaker's (`rules/continuation.py`).
7. records (`attribute.extraction`, `records.py`): `Quote` and `Speaker` with offsets,
   scare quotes dropped; `confidence.py` gives each quote the measured precision of its
   rule (`data/rule_precision.json`).  Roles are read in 3 by `roles.py`.

Around them: `components.py` registers the six spaCy components, `pipeline.py` loads
the model and adds them, `fastpipes.py` swaps in faster equivalents of two model pipes,
`parse.py` holds the tag/dependency constants and the helpers that read the parse,
`lexicon.py` every word list, `doccache.py` values of a `Doc` computed once.

Where a change goes:
- a new cue verb, title, role noun or source word: a line in `lexicon.py`;
- a new way of finding a quote's speaker: a `Rule` member in `rules/base.py`, a finder in
  the family's module of `rules/`, its place in a tuple of `rules/__init__.py`, a table
  row in the family's test module, then `python -m service.calibrate ... --write`;
- a mention resolved to the wrong entity: `resolve.py`; a role read wrong: `roles.py`; a
  name read wrong: `names.py`; a quote mark paired wrong: `marks.py`;
- a word list generated from WordNet or the given-name table: `scripts/` and
  `resources.py` (docs/resources.md), never by hand in `data/`.
"""
