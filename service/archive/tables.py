"""The archive's flat tables: one row per article, per quotation, per speaker in an article.

An archive record (the API's body plus the input's other fields) flattens into rows of
three tables with fixed columns, the same in every file whatever the input carried:

- `articles`: one row per article written (also the resume key of Parquet output);
- `quotes`: one row per quotation, with its speaker, mention and cue flattened;
- `speakers`: one row per speaker per article.

The input's pass-through fields are one JSON text column, `metadata`, in `articles` and
`quotes` (DuckDB: `metadata->>'source'`), so that a field that only some articles have, or
that changes type, never changes a file's schema. Fields named in `metadata_columns`
(`--metadata-columns source,published`) are also columns of their own in both tables, after
`metadata`, always strings: a string as it is, any other value as its JSON text, null when
the article has none. The Arrow schemas below are the contract; the README states them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pyarrow as pa

from .names import speaker_key

# the body's own keys: everything else in a record is the input's pass-through metadata
BODY_KEYS = ("id", "quotes", "speakers", "meta")

ARTICLES_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("chars", pa.int64(), nullable=False),
        pa.field("quotes", pa.int32(), nullable=False),
        pa.field("speakers", pa.int32(), nullable=False),
        pa.field("model", pa.string(), nullable=False),
        pa.field("version", pa.string(), nullable=False),
        pa.field("metadata", pa.string(), nullable=False),  # JSON object text, "{}" when none
    ]
)

QUOTES_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),  # direct, partial, indirect
        pa.field("text", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("speaker_id", pa.string()),  # null when unattributed, as are the next four
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_kind", pa.string()),  # person, organization, group, anonymous
        pa.field("speaker_role", pa.string()),
        pa.field("speaker_key", pa.string()),  # normalised name of a named speaker (see names.py)
        pa.field("mention_text", pa.string()),
        pa.field("mention_start", pa.int64()),
        pa.field("mention_end", pa.int64()),
        pa.field("cue_text", pa.string()),
        pa.field("cue_start", pa.int64()),
        pa.field("cue_end", pa.int64()),
        pa.field("model", pa.string(), nullable=False),
        pa.field("version", pa.string(), nullable=False),
        pa.field("metadata", pa.string(), nullable=False),
    ]
)

SPEAKERS_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("speaker_id", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("role", pa.string()),
        pa.field("roles", pa.list_(pa.string()), nullable=False),
        pa.field("quotes", pa.int32(), nullable=False),  # quotations attributed to them in the article
        pa.field("quote_ids", pa.list_(pa.string()), nullable=False),
        pa.field("mentions", pa.int32(), nullable=False),
        pa.field("speaker_key", pa.string()),  # null for anonymous and group speakers
    ]
)

SCHEMAS = {"articles": ARTICLES_SCHEMA, "quotes": QUOTES_SCHEMA, "speakers": SPEAKERS_SCHEMA}
TABLES = tuple(SCHEMAS)
WITH_METADATA = ("articles", "quotes")  # the tables that carry the input's fields


def check_metadata_columns(columns: Iterable[str]) -> tuple[str, ...]:
    """The names as a tuple, or ValueError if one is empty, repeated, or a column already."""
    columns = tuple(columns)
    taken = {name for table in WITH_METADATA for name in SCHEMAS[table].names}
    for name in columns:
        if not name or name in BODY_KEYS:
            raise ValueError(f"{name!r} cannot be a metadata column")
        if name in taken:
            raise ValueError(f"metadata column {name!r} would clash with a column of the tables")
    if len(set(columns)) != len(columns):
        raise ValueError("a metadata column is named twice")
    return columns


def schema_for(name: str, metadata_columns: tuple[str, ...] = ()) -> pa.Schema:
    """Table `name`'s schema, with the promoted metadata columns if it carries them."""
    schema = SCHEMAS[name]
    if name in WITH_METADATA:
        for column in metadata_columns:
            schema = schema.append(pa.field(column, pa.string()))
    return schema


def metadata_column_names(schema: pa.Schema) -> tuple[str, ...]:
    """The promoted metadata columns of an articles or quotes file's schema."""
    names = schema.names
    return tuple(names[names.index("metadata") + 1 :])


def _column_value(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def metadata_json(record: dict) -> str:
    """The record's pass-through input fields as one JSON object text."""
    return json.dumps({k: v for k, v in record.items() if k not in BODY_KEYS}, ensure_ascii=False, sort_keys=True)


def _span(span: dict | None, prefix: str) -> dict:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span["text"], f"{prefix}_start": span["start"], f"{prefix}_end": span["end"]}


def article_row(record: dict, metadata: str | None = None) -> dict:
    meta = record["meta"]
    return {
        "article_id": record["id"],
        "chars": meta["chars"],
        "quotes": len(record["quotes"]),
        "speakers": len(record["speakers"]),
        "model": meta["model"],
        "version": meta["version"],
        "metadata": metadata_json(record) if metadata is None else metadata,
    }


def quote_rows(record: dict, metadata: str | None = None) -> list[dict]:
    """One row per quotation of an archive record."""
    meta = record["meta"]
    metadata = metadata_json(record) if metadata is None else metadata
    rows = []
    for quote in record["quotes"]:
        speaker = quote.get("speaker")
        row = {
            "article_id": record["id"],
            "quote_id": quote["id"],
            "kind": quote["kind"],
            "text": quote["text"],
            "start": quote["start"],
            "end": quote["end"],
            "confidence": quote["confidence"],
            "speaker_id": speaker["id"] if speaker else None,
            "speaker_name": speaker["name"] if speaker else None,
            "speaker_kind": speaker["kind"] if speaker else None,
            "speaker_role": speaker.get("role") if speaker else None,
            "speaker_key": speaker_key(speaker["name"], speaker["kind"]) if speaker else None,
            **_span(quote.get("mention"), "mention"),
            **_span(quote.get("cue"), "cue"),
            "model": meta["model"],
            "version": meta["version"],
            "metadata": metadata,
        }
        rows.append(row)
    return rows


def speaker_rows(record: dict) -> list[dict]:
    """One row per speaker of an archive record."""
    return [
        {
            "article_id": record["id"],
            "speaker_id": speaker["id"],
            "name": speaker["name"],
            "kind": speaker["kind"],
            "role": speaker.get("role"),
            "roles": list(speaker.get("roles") or []),
            "quotes": len(speaker.get("quotes") or []),
            "quote_ids": list(speaker.get("quotes") or []),
            "mentions": len(speaker.get("mentions") or []),
            "speaker_key": speaker_key(speaker["name"], speaker["kind"]),
        }
        for speaker in record["speakers"]
    ]


def flatten(records: Iterable[dict], metadata_columns: tuple[str, ...] = ()) -> dict[str, list[dict]]:
    """The rows of all three tables for some archive records."""
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for record in records:
        metadata = metadata_json(record)
        promoted = {column: _column_value(record.get(column)) for column in metadata_columns}
        tables["articles"].append(article_row(record, metadata) | promoted)
        tables["quotes"].extend(row | promoted for row in quote_rows(record, metadata))
        tables["speakers"].extend(speaker_rows(record))
    return tables


def to_arrow(name: str, rows: list[dict], metadata_columns: tuple[str, ...] = ()) -> pa.Table:
    """Rows of table `name` as an Arrow table with its fixed schema (an empty one has it too)."""
    return pa.Table.from_pylist(rows, schema=schema_for(name, metadata_columns))
