"""Layouts that name the speaker around a quote without a cue verb beside it: a label
(`Ana Silva: "…"`, `Sam Lee, Harbour Gazette: "…"`, `Jo Hart (Reuters): "…"`), a name
and a dash before the quote (`Tom Barker, the county's emergency manager — "…"`), a
byline dash after it (`"…" — Ana Silva`, any dash), and a sentence that introduces the
quote after it (`The council responded:`, `Ray Dunn stood up, thanked the fans and
said:`, `Silva continued her remarks.`), whose subject must be able to speak.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    ANSWER_NOUNS,
    ATTITUDE_ONLY,
    GENERIC_ORG_HEADS,
    GROUP_NOUNS,
    HONORIFICS,
    INTRODUCING_PRONOUNS,
    LEADING_CUE_FORMS,
    NAME_TITLES,
    NOT_A_SPEAKER_SUBJECT,
    NOT_AN_INTRODUCER,
    NOT_HEADLINE_SOURCES,
    RANKS,
    ROLE_NOUNS,
    SERIES_WORDS,
    SPEAKING_BODIES,
    SPEECH_NOUNS,
)
from ..parse import (
    AUX_DEPS,
    DASHES,
    FINITE_TAGS,
    VERB_POS,
    cue_span,
    inverted_subject,
    is_cue_verb,
    mention_span,
    own_subject,
    sentence_stop,
    subject_of,
    token_span,
    tokens_between,
)
from ..resources import person_nouns
from .base import Attribution, QuoteContext, Rule

# The characters a dash is typed with, one or two of them (`—`, `--`).
DASH_CHARS = "".join(sorted({ch for d in DASHES for ch in d}))

# What ends a sentence that introduces the quote after it: a colon, or a dash.
INTRODUCING_MARKS = frozenset({":"}) | DASHES
# The longest name a label or a byline gives (`Lt. Gen. Ana Maria Silva-Costa`).
MAX_NAME_TOKENS = 7
# The longest description after the name in a label (`the county's chief emergency
# manager`, `Harbour and Coast Gazette`).
MAX_DESCRIPTION_TOKENS = 10
MAX_BYLINE_WORDS = 5
# Marks that set a name's descriptions apart in a label (`Sam Lee, Harbour Gazette:`,
# `Jo Hart (Reuters):`).
LABEL_SEPARATORS = frozenset({",", "(", ")"})
# Parts of speech that never stand in a name (`That was …`, `In Boston — …`).
NOT_IN_A_NAME = frozenset({"DET", "PRON", "ADP", "AUX", "VERB", "CCONJ", "SCONJ", "NUM"})
# Heads of a description that can speak as a body or a group (`the council`, `officials`).
SPEAKING_GROUP_HEADS = GENERIC_ORG_HEADS | GROUP_NOUNS | ROLE_NOUNS | SPEAKING_BODIES
# Entities that can speak (`Britain responded:`).
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# What joins two names in one label (`Frank Lee and Jo Hart:`).
JOINING_WORDS = frozenset({"and", "&"})
# Titles written with a full stop before a name (`Mr.`, `Gen.`, `Sen.`).
TITLE_ABBREVIATIONS = frozenset(t for t in HONORIFICS | RANKS | NAME_TITLES if t.endswith("."))
# Entities a label's name never is when descriptions follow it.
PLACE_OR_TIME_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
# Parts of speech that make a label's description a clause rather than a description.
CLAUSE_POS = VERB_POS | {"CCONJ", "SCONJ"}


def label(ctx: QuoteContext) -> Attribution | None:
    """`Name: "…"`, `From Name: "…"` and `More from Name: "…"`: a name and a colon before
    the quote, also after a topic and a dash (`Turnout is up - Ana Silva: "…"`); the
    name may carry descriptions of any length (`Sam Lee, Harbour Gazette:`, `Priya Nair,
    chief economist, Northfield Bank:`, `Jo Hart (Reuters):`); the label may be a line of
    its own before the quote's paragraph (`Stated Silva:` then the quote)."""
    tokens = ctx.tokens_before or _label_line_before(ctx)
    if not tokens or not tokens[-1].text.endswith(":") or tokens[-1].text[:-1] not in {"", ")"}:
        return None  # (`Jo Hart (Reuters):` ends in one token `):`)
    dashes = [n for n, t in enumerate(tokens) if t.text in DASHES and t.whitespace_ and n > 0]
    if dashes:
        tokens = tokens[dashes[-1] + 1 :]
    words = tokens[:-1]
    if _inside_a_sentence(words):
        return None
    cue_word = None
    if len(words) > 1 and words[0].lower_ == "more" and words[1].lower_ == "from":
        words = words[1:]
    if words and (words[0].lower_ == "from" or words[0].lower_ in LEADING_CUE_FORMS):
        cue_word = words[0] if words[0].lower_ != "from" else None
        words = words[1:]
    name = _label_name(words)
    if name is None or _names_no_source(name):
        return None
    cue = token_span(cue_word) if cue_word is not None else token_span(tokens[-1])
    return Attribution(ctx.doc[name[0].i : name[-1].i + 1], cue, Rule.LABEL)


def _label_line_before(ctx: QuoteContext) -> list[Token]:
    """The last line of the paragraph before, when the quote opens its own paragraph and
    that line is short enough to be a label."""
    end = ctx.previous_paragraph_end
    if end is None or ctx.text[ctx.paragraph_start : ctx.quote.open_start].strip():
        return []
    start = ctx.text.rfind("\n", 0, end) + 1
    tokens = [t for t in tokens_between(ctx.doc, start, end) if not t.is_space]
    return tokens if len(tokens) <= MAX_NAME_TOKENS + 2 * MAX_DESCRIPTION_TOKENS else []


def _inside_a_sentence(words: list[Token]) -> bool:
    """`…, said of Mr. Rubio: "…"`: the words before the quote seem to open a sentence
    only because a title's full stop (`Mr.`, `Sen.`) was read as a sentence's end."""
    if not words or words[0].i < 2:
        return False
    title, before = words[0].doc[words[0].i - 1], words[0].doc[words[0].i - 2]
    if not title.text.endswith(".") or title.lower_ not in TITLE_ABBREVIATIONS:
        return False
    return not (sentence_stop(before) or before.is_space or before.text in INTRODUCING_MARKS)


def _names_no_source(name: list[Token]) -> bool:
    """`Update:`, `Photo:`, `Watch:`, `Q:`: a section label or an interview's letter."""
    text = " ".join(t.lower_ for t in name)
    return text in NOT_HEADLINE_SOURCES or text in SERIES_WORDS or (len(name) == 1 and len(name[0].text) == 1)


def _label_units(words: list[Token]) -> list[list[Token]]:
    """The words of a label cut at its commas and parentheses."""
    units: list[list[Token]] = [[]]
    for token in words:
        if token.text in LABEL_SEPARATORS:
            units.append([])
        else:
            units[-1].append(token)
    return [unit for unit in units if unit]


def _labelled_name(words: list[Token]) -> list[Token] | None:
    """The name a label gives: its first unit, capitalised words only; the units after
    it, if any, are descriptions (a role, an outlet) with no verb and no second name
    joined by `and` (`Ana Silva, Tom Baker and Jo Hart:` names three people)."""
    units = _label_units(words)
    if len(units) == 1 and _joint_names(units[0]):
        return units[0]
    if not units or len(units[0]) > MAX_NAME_TOKENS:
        return None
    name = units[0]
    if not all(t.pos_ == "PROPN" or t.is_title or t.text in {".", "-"} for t in name):
        return None
    descriptions = units[1:]
    if descriptions and any(t.pos_ in NOT_IN_A_NAME or t.ent_type_ in PLACE_OR_TIME_ENTITIES for t in name):
        return None  # (`LONDON, March 3 (Reuters):` is a dateline)
    for unit in descriptions:
        if len(unit) > MAX_DESCRIPTION_TOKENS or any(t.pos_ in CLAUSE_POS or t.is_quote for t in unit):
            return None
    return name


def _joint_names(words: list[Token]) -> bool:
    """`Frank Lee and Jo Hart:`, two writers' names joined by `and` or `&` (a name on
    each side, each a person's)."""
    joints = [n for n, t in enumerate(words) if t.lower_ in JOINING_WORDS]
    if len(joints) != 1:
        return False
    sides = words[: joints[0]], words[joints[0] + 1 :]
    return all(
        0 < len(side) <= MAX_NAME_TOKENS and all(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in side)
        for side in sides
    )


def named_before_dash(ctx: QuoteContext) -> Attribution | None:
    """`Tom Barker, the county's emergency manager — "…"` and `Mayor Dana Ortiz — "…"`:
    a name, with or without descriptions, then a dash and the quote; no verb before the
    dash, and a bare name must be one (a person's name, or proper nouns only)."""
    tokens = ctx.tokens_before
    if len(tokens) < 2 or tokens[-1].text not in DASHES:
        return None
    words = tokens[:-1]
    if _inside_a_sentence(words):
        return None
    name = _label_name(words)
    if name is None or any(t.pos_ in NOT_IN_A_NAME for t in name):
        return None
    if len(_label_units(words)) == 1 and not any(t.ent_type_ == "PERSON" for t in name):
        return None
    return Attribution(ctx.doc[name[0].i : name[-1].i + 1], token_span(tokens[-1]), Rule.LABEL)


def _label_name(words: list[Token]) -> list[Token] | None:
    """The name a label before a colon or a dash gives: a name with its descriptions
    after it, or one description with the name at its end."""
    units = _label_units(words)
    return _labelled_name(words) or (_described_name(units[0]) if len(units) == 1 else None)


def _described_name(words: list[Token]) -> list[Token] | None:
    """`Leeds manager Ray Dunn`, `Former secretary of state Ada Moore`: a description with
    a person's name at its end (the description stays in the mention, as it would before
    a cue verb)."""
    if not words or words[-1].ent_type_ != "PERSON" or len(words) > MAX_NAME_TOKENS + MAX_DESCRIPTION_TOKENS:
        return None
    if any(t.pos_ in CLAUSE_POS or t.pos_ == "PRON" or t.is_quote for t in words):
        return None
    if words[0].pos_ == "ADP":
        return None  # (`In Leeds, Ana Silva`: a sentence's opening, not a description)
    return words


def dash(ctx: QuoteContext) -> Attribution | None:
    """A quote followed by `— Name, Title` (any dash: `-`, `–`, `—`, `―`, `--`), also a
    dash typed against the name or the mark (`—Dana Ortiz`, `."—Dana Ortiz`: the
    tokenizer keeps `―Dana` whole, and the name is then the words after it), and a name
    after its description (`– Leeds manager Ray Dunn`)."""
    after = ctx.text[ctx.quote.close_end : ctx.after_limit].lstrip(" \t\u00a0")
    if after.startswith(tuple(DASHES)):
        tokens = [t for t in ctx.tokens_after if t.idx >= ctx.quote.close_end]
        cue_start = ctx.quote.close_end
    elif not after.strip():
        tokens = _byline_line_after(ctx)  # the quote ends its paragraph, the byline has a line
        cue_start = tokens[0].idx if tokens else 0
    else:
        return None
    if not tokens:
        return None
    if tokens and tokens[0].text[:1] in DASH_CHARS:
        tokens = tokens[1:]  # the dash, alone or with the first name glued to it
    # (a dash glued to the closing mark, `."—Dana`, is in no token after the quote)
    byline = tokens[: MAX_BYLINE_WORDS + MAX_DESCRIPTION_TOKENS]
    end = next((n for n, t in enumerate(byline) if t.is_punct or t.pos_ in NOT_IN_A_NAME), len(byline))
    described = _described_name(_through_first_person(byline[:end]))
    names = described or []
    if not names:
        for token in byline[:MAX_BYLINE_WORDS]:
            if (token.pos_ != "PROPN" and not token.is_title) or token.pos_ in NOT_IN_A_NAME:
                break
            names.append(token)
    if not names or _sentence_goes_on(tokens[len(names) :]):
        return None
    cue = ctx.doc.char_span(cue_start, names[0].idx, alignment_mode="expand")
    return Attribution(ctx.doc[names[0].i : names[-1].i + 1], cue or token_span(names[0]), Rule.DASH)


def _byline_line_after(ctx: QuoteContext) -> list[Token]:
    """The tokens of the line after a quote that ends its paragraph, when that line is a
    byline of its own (`"…"` then `- Hillary Clinton.` or `-President Obama, tweeting`)."""
    text = ctx.text
    start = ctx.quote.close_end
    while start < len(text) and text[start].isspace():
        start += 1
    if "\n" not in text[ctx.quote.close_end : start] or not text.startswith(tuple(DASHES), start):
        return []
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    tokens = [t for t in tokens_between(ctx.doc, start, end) if not t.is_space]
    return tokens if len(tokens) <= 1 + MAX_BYLINE_WORDS + MAX_DESCRIPTION_TOKENS else []


def _sentence_goes_on(words: list[Token]) -> bool:
    """After a byline's name, a finite verb of the sentence's own (`— "…?" — Democrats in
    Iowa said …`): the dash closed an aside, and the name is the sentence's subject."""
    for token in words:
        if sentence_stop(token) or token.is_quote:
            return False
        if token.tag_ in FINITE_TAGS and token.pos_ in VERB_POS and token.dep_ != "relcl":
            return True
    return False


def _through_first_person(words: list[Token]) -> list[Token]:
    """The words up to the end of the first person's name among them (all if none)."""
    for n, token in enumerate(words):
        if token.ent_type_ == "PERSON" and (n + 1 == len(words) or words[n + 1].ent_type_ != "PERSON"):
            return words[: n + 1]
    return words


def _introducing_mark(ctx: QuoteContext) -> int | None:
    """Where the words before the quote end: in its paragraph, or at the end of the
    paragraph before when the quote opens its own."""
    text = ctx.text
    before = text[ctx.paragraph_start : ctx.quote.open_start]
    if before.strip():
        return ctx.paragraph_start + len(before.rstrip()) - 1
    if ctx.previous_paragraph_end is None:
        return None
    colon = ctx.previous_paragraph_end - 1
    while colon > 0 and text[colon].isspace():
        colon -= 1
    return colon


def colon_intro(ctx: QuoteContext) -> Attribution | None:
    """A sentence that ends in a colon introduces the quote after it
    (`The council responded:` / `the senator released a statement:` then the quote,
    in the same paragraph or opening the next one), as does one that ends in a dash
    before a quote that opens its own paragraph: the subject of the clause that ends at
    the mark is the speaker (`Ray Dunn stood up, thanked the fans and said:`)."""
    colon = _introducing_mark(ctx)
    if colon is None or colon < 0:
        return None
    if ctx.text[colon] == ".":
        return _speech_sentence_before(ctx.doc, colon)
    own_paragraph = colon < ctx.paragraph_start
    if ctx.text[colon] != ":" and not (own_paragraph and ctx.text[colon] in INTRODUCING_MARKS):
        return None  # (a dash inside a paragraph is the writer's: `defended the toll -- "…"`)
    span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None:
        return None
    colon_token = span[0]
    before = _clause_before(ctx, colon_token)
    verb = _verb_ending_at(colon_token, before)
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        subject = inverted_subject(verb, colon_token.i)
    if subject is not None and subject.lemma_.lower() in SPEECH_NOUNS | ANSWER_NOUNS:
        subject = next((c for c in subject.children if c.dep_ == "poss"), subject)  # `Her reply was:`
    if subject is None or subject.i >= colon_token.i or not _can_speak(subject):
        return None
    return Attribution(mention_span(subject), token_span(verb), Rule.COLON_INTRO)


def _can_speak(subject: Token) -> bool:
    """A subject that can introduce words: a name, a person or body (`the minister`,
    `the council`, `The club`), or a personal pronoun; not a thing (`Three towns made the
    shortlist:`, `The menu was simple:`) nor `it`, `this` or `here`."""
    if subject.lower_ in NOT_AN_INTRODUCER:
        return False
    if subject.pos_ == "PROPN" or subject.ent_type_ in SPEAKER_ENTITIES:
        return True
    if subject.pos_ == "PRON":
        return subject.lower_ in INTRODUCING_PRONOUNS
    lemma = subject.lemma_.lower()
    return lemma in person_nouns() or lemma in SPEAKING_GROUP_HEADS or subject.lower_ in SPEAKING_GROUP_HEADS


def _clause_before(ctx: QuoteContext, colon: Token) -> list[Token]:
    """The words of the colon's sentence before it, from its last line break or full stop
    on (a parse may join a paragraph to the one before), without the words of an earlier
    quote (`"…," by Ana Silva:`)."""
    before = [t for t in colon.sent if t.i < colon.i]
    starts = [n + 1 for n, t in enumerate(before) if sentence_stop(t) and not ctx.inside_quote(t.idx)]
    before = before[starts[-1] :] if starts else before
    return [t for t in before if not ctx.inside_quote(t.idx) and not t.is_quote]


def _verb_ending_at(colon: Token, before: list[Token]) -> Token | None:
    """The verb of the clause that ends at the colon: the sentence's first main verb, or
    the last verb coordinated with it (`Ray Dunn stood up, thanked the fans and said:`)."""
    verbs = [t for t in before if t.pos_ in VERB_POS and t.dep_ not in AUX_DEPS]
    # A main verb: one whose head is not another verb before the colon.
    mains = [v for v in verbs if v.head.i == v.i or v.head not in verbs]
    if not mains:
        return None
    verb = mains[0]
    while True:
        joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERB_POS and c.i < colon.i]
        if not joined:
            return verb
        verb = joined[-1]


def _has_words_of_its_own(root: Token) -> bool:
    """A clause, or an object other than a speech noun (`said the plan works`, `told
    a story`), is what the sentence says: it introduces nothing."""
    for child in root.children:
        if child.dep_ in {"ccomp", "xcomp", "parataxis"} or (
            child.dep_ == "dobj" and child.lemma_.lower() not in SPEECH_NOUNS and child.lower_ not in SPEECH_NOUNS
        ):
            return True
    return False


def _speech_sentence_before(doc: Doc, stop: int) -> Attribution | None:
    """`Ana Silva continued her remarks.` then a quote: a sentence right before the
    quote whose main verb is a verb of speech with no words of its own (no clause, no
    object other than a speech noun) introduces it."""
    span = doc.char_span(stop, stop + 1, alignment_mode="expand")
    if span is None:
        return None
    root = span[0].sent.root
    if not is_cue_verb(root) or root.lemma_.lower() in ATTITUDE_ONLY:
        return None
    if any(t.is_quote for t in span[0].sent if t.i < root.i):
        return None  # a sentence with a quotation in it is no plain introduction
    if _has_words_of_its_own(root):
        return None
    subject = own_subject(root)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ in NOT_A_SPEAKER_SUBJECT:
        return None  # (a passive's subject is what was said about, not who spoke)
    return Attribution(mention_span(subject), cue_span(root), Rule.SPEECH_SENTENCE_INTRO)
