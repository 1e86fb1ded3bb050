"""Scoring predicted quotes against gold quotes.

Definitions (the same as the shared reference scorer's):
- content characters of a span: positions that are neither white space nor a quote mark;
- quotes: direct and partial quotations.  A gold quote is found when one predicted quote
  covers at least half of its content characters; a predicted quote is right when the
  gold quotes together cover at least half of its own;
- attribution: the same, and the speaker is right: equal normalised names, a gold alias,
  the same surname for people, or a mention that overlaps the gold speaker mention;
- roles: of the found gold quotes whose speaker has acceptable roles, the share whose
  predicted role matches one;
- indirect / indirect_attribution: the same span metrics for reported speech.  A gold
  `partial` record that is a whole reported clause with quoted fragments inside gives
  its fragments to the quote metric and its whole span to the indirect one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

QUOTE_MARKS = frozenset("\"'“”‘’«»„‟`‹›")
NAME_PREFIXES = frozenset(
    "the a an mr mrs ms dr gen general sen senator rep president secretary adm col lt maj capt sgt gov prof sir us u s marine army".split()
)
OPENING = frozenset('"“„«')
CLOSING = frozenset('"”‟»')


def content_positions(text: str, start: int, end: int) -> set[int]:
    return {
        i for i in range(max(0, start), min(len(text), end)) if not text[i].isspace() and text[i] not in QUOTE_MARKS
    }


def normalise_name(name: str | None) -> str:
    value = unicodedata.normalize("NFKC", name or "").replace("’", "'").lower()
    value = re.sub(r"'s\b", "", value)
    words = re.sub(r"[^\w\s-]", " ", value).split()
    while words and words[0] in NAME_PREFIXES:
        words.pop(0)
    return " ".join(words)


def normalise_role(role: str | None) -> str:
    value = unicodedata.normalize("NFKC", role or "").lower().replace("u.s.", " ").replace("’", "'")
    return " ".join(w for w in re.sub(r"[^\w\s-]", " ", value).split() if w not in {"us", "the"})


def same_speaker_name(predicted: str | None, gold: dict) -> bool:
    if not predicted:
        return False
    mine = normalise_name(predicted)
    for candidate in [gold.get("speaker"), *(gold.get("speaker_aliases") or [])]:
        theirs = normalise_name(candidate)
        if not theirs:
            continue
        if mine == theirs:
            return True
        if gold.get("speaker_kind", "person") == "person" and mine and mine.split()[-1] == theirs.split()[-1]:
            return True
    return False


def role_matches(predicted: str | None, gold: dict) -> bool:
    mine = normalise_role(predicted)
    if not mine:
        return False
    for accepted in gold.get("roles_ok") or []:
        theirs = normalise_role(accepted)
        if theirs and (
            theirs == mine or theirs in mine or (len(mine) > 3 and mine in theirs and len(mine) >= 0.6 * len(theirs))
        ):
            return True
    return False


def speaker_matches(predicted: dict, gold: dict) -> bool:
    speaker = predicted.get("speaker") if isinstance(predicted.get("speaker"), dict) else {}
    if same_speaker_name(speaker.get("name"), gold):
        return True
    mention = predicted.get("mention") or {}
    g_start, g_end = gold.get("speaker_start"), gold.get("speaker_end")
    m_start, m_end = mention.get("start"), mention.get("end")
    if all(isinstance(v, int) for v in (g_start, g_end, m_start, m_end)) and m_start < g_end and g_start < m_end:
        return True
    return bool(mention.get("text")) and same_speaker_name(mention.get("text"), gold)


def _double_quoted_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    stretches, i = [], start
    while i < end:
        if text[i] in OPENING or text.startswith("‘‘", i) or text.startswith("``", i):
            width = 2 if text[i] in "‘`" else 1
            j = i + width
            while j < end and text[j] not in CLOSING and not text.startswith("’’", j) and not text.startswith("''", j):
                j += 1
            if j > i + width:
                stretches.append((i + width, min(j, end)))
            i = j + 1
        else:
            i += 1
    return stretches


def split_gold(doc: dict) -> tuple[list[dict], list[dict]]:
    """Gold records for the quote metric and for the reported-speech metric."""
    quotes, reported = [], []
    text = doc["text"]
    for gold in doc["quotes"]:
        kind = gold.get("kind")
        if kind == "indirect":
            reported.append(gold)
            continue
        leading = text[gold["start"] : gold["end"]].lstrip()[:1]
        fragments = _double_quoted_stretches(text, gold["start"], gold["end"])
        if kind == "partial" and leading not in QUOTE_MARKS and fragments:
            reported.append(gold)
            quotes.extend(dict(gold, start=s, end=e, text=text[s:e]) for s, e in fragments)
        else:
            quotes.append(gold)
    return quotes, reported


def offsets_exact(text: str, quote: dict) -> bool:
    start, end = quote.get("start", -1), quote.get("end", -1)
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start <= end <= len(text)
        and text[start:end] == quote.get("text")
    )


def _prf(right: int, predicted: int, found: int, gold: int) -> dict:
    precision = right / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "pred": predicted, "gold": gold}


def judge_predictions(
    gold: list[dict], gold_pos: list[set[int]], predicted: list[dict], pred_pos: list[set[int]]
) -> list[tuple[bool, bool]]:
    """For each prediction: is its span right, and is its speaker right too?"""
    covered = set().union(*gold_pos) if gold_pos else set()
    verdicts = []
    for pred, positions in zip(predicted, pred_pos):
        if positions and len(positions & covered) >= 0.5 * len(positions):
            best = max(range(len(gold)), key=lambda i: (len(gold_pos[i] & positions), -len(gold_pos[i])))
            verdicts.append((True, speaker_matches(pred, gold[best])))
        else:
            verdicts.append((False, False))
    return verdicts


def find_gold(gold_pos: list[set[int]], pred_pos: list[set[int]]) -> list[int | None]:
    """For each gold record: the index of the prediction that finds it, or None.

    That is the prediction sharing the most content characters with it (the shorter on a
    tie), when they are at least half of the gold record's; a gold record without content
    characters is never found (and never counted as missed either)."""
    finders: list[int | None] = []
    for positions in gold_pos:
        best, overlap, size = None, 0, 0
        if positions:
            for j, candidate in enumerate(pred_pos):
                shared = len(positions & candidate)
                if shared > overlap or (shared == overlap and shared and len(candidate) < size):
                    best, overlap, size = j, shared, len(candidate)
        finders.append(best if best is not None and overlap >= 0.5 * len(positions) else None)
    return finders


class FamilyMatch(NamedTuple):
    """How one family of a document's predictions (quotes, or reported speech) meets its gold."""

    indirect: bool
    gold: list[dict]
    gold_pos: list[set[int]]
    predicted: list[dict]
    pred_pos: list[set[int]]
    indices: list[int]  # where each of `predicted` is in the document's list of predictions
    found_by: list[int | None]  # for each gold record: `find_gold`, an index into `predicted`
    verdicts: list[tuple[bool, bool]]  # for each of `predicted`: `judge_predictions`


def match_family(text: str, gold: list[dict], predicted: list[dict], indices: list[int], indirect: bool) -> FamilyMatch:
    gold_pos = [content_positions(text, g["start"], g["end"]) for g in gold]
    pred_pos = [content_positions(text, p.get("start", 0), p.get("end", 0)) for p in predicted]
    return FamilyMatch(
        indirect,
        gold,
        gold_pos,
        predicted,
        pred_pos,
        indices,
        find_gold(gold_pos, pred_pos),
        judge_predictions(gold, gold_pos, predicted, pred_pos),
    )


def match_document(doc: dict, predicted: list[dict]) -> tuple[FamilyMatch, FamilyMatch]:
    """The quote family and the reported-speech family of one gold document, matched."""
    text = doc["text"]
    gold_quotes, gold_reported = split_gold(doc)
    families = []
    for gold, indirect in ((gold_quotes, False), (gold_reported, True)):
        indices = [i for i, p in enumerate(predicted) if (p.get("kind") == "indirect") == indirect]
        families.append(match_family(text, gold, [predicted[i] for i in indices], indices, indirect))
    return families[0], families[1]


def judge_document(doc: dict, predicted: list[dict]) -> list[tuple[bool, bool]]:
    """`judge_predictions` for one gold document, in the order of `predicted`."""
    verdicts: dict[int, tuple[bool, bool]] = {}
    for family in match_document(doc, predicted):
        verdicts.update(zip(family.indices, family.verdicts))
    return [verdicts[i] for i in range(len(predicted))]


def _score_family(match: FamilyMatch, counts: Counter, prefix: str, roles: bool) -> None:
    counts[prefix + "gold"] += len(match.gold)
    counts[prefix + "pred"] += len(match.predicted)
    for span_right, speaker_right in match.verdicts:
        counts[prefix + "right"] += span_right
        counts[prefix + "right_attr"] += speaker_right
    for g, best in zip(match.gold, match.found_by):
        if best is None:
            continue
        counts[prefix + "found"] += 1
        counts[prefix + "found_attr"] += speaker_matches(match.predicted[best], g)
        if roles and g.get("roles_ok"):
            speaker = match.predicted[best].get("speaker") or {}
            counts["role_n"] += 1
            counts["role_ok"] += role_matches(speaker.get("role"), g)


def score(gold_docs: Iterable[dict], predictions: dict[str, list[dict]]) -> dict:
    counts: Counter = Counter()
    for doc in gold_docs:
        text = doc["text"]
        predicted = predictions.get(doc["id"], [])
        counts["offset_bad"] += sum(not offsets_exact(text, p) for p in predicted)
        quotes, reported = match_document(doc, predicted)
        _score_family(quotes, counts, "q_", roles=True)
        _score_family(reported, counts, "i_", roles=False)
        for nq in doc.get("not_quotes", []):
            positions = content_positions(text, nq["start"], nq["end"])
            if any(positions & content_positions(text, p.get("start", 0), p.get("end", 0)) for p in predicted):
                counts["not_quote_hits"] += 1
    return {
        "quotes": _prf(counts["q_right"], counts["q_pred"], counts["q_found"], counts["q_gold"]),
        "attribution": _prf(counts["q_right_attr"], counts["q_pred"], counts["q_found_attr"], counts["q_gold"]),
        "roles": {
            "acc": round(counts["role_ok"] / counts["role_n"], 4) if counts["role_n"] else None,
            "n": counts["role_n"],
        },
        "indirect": _prf(counts["i_right"], counts["i_pred"], counts["i_found"], counts["i_gold"]),
        "indirect_attribution": _prf(
            counts["i_right_attr"], counts["i_pred"], counts["i_found_attr"], counts["i_gold"]
        ),
        "offset_bad": counts["offset_bad"],
        "not_quote_hits": counts["not_quote_hits"],
    }
