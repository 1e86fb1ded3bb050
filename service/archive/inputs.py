"""Where the articles come from, and how they are cut into partitions.

IN is a JSONL file (one `{"id", "text", ...}` object a line), a folder of `.txt` files (each
file one article, its id the path inside the folder), or a glob matching either kind.  HTML
is read as `POST /v1/quotes` reads `text/html`, offsets pointing into the HTML: `.html` and
`.htm` files, and JSONL objects with `"format": "html"`.

The client only plans: it lists the files and, for JSONL, finds the byte offsets that cut each
file into slices of `partition_size` lines. A worker reads its own slice from the (shared)
filesystem, so no article text travels through the scheduler.
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..htmltext import HtmlText, html_to_text

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)  # the files a folder's articles are read from
FORMATS = ("text", "html")
# Keys of an input object that are not passed through: the text itself, and the id.
CONSUMED_KEYS = ("id", "text")
# A visible id in a line that is not valid JSON, so the failure can still name it.
_ID_IN_BROKEN_LINE = re.compile(r'"id"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+))')


@dataclass(frozen=True)
class JsonlSlice:
    """Lines of one JSONL file: bytes [start, end), whose first line is number `first_line`."""

    path: str
    start: int
    end: int
    first_line: int
    documents: int


@dataclass(frozen=True)
class TextFiles:
    """Plain-text articles: (id, path) pairs, one article per file."""

    files: tuple[tuple[str, str], ...]

    @property
    def documents(self) -> int:
        return len(self.files)


@dataclass(frozen=True)
class Partition:
    index: int
    source: JsonlSlice | TextFiles

    @property
    def documents(self) -> int:
        return self.source.documents


@dataclass
class Article:
    """One article; `text` is what is parsed, `source` the HTML it was taken from, if any."""

    id: str
    text: str
    origin: str
    metadata: dict = field(default_factory=dict)
    source: HtmlText | None = None


def article(doc_id: str, raw: str, origin: str, metadata: dict | None = None, html: bool = False) -> Article:
    """An article from its raw input: HTML becomes the text a browser shows, with its offset map."""
    source = html_to_text(raw) if html else None
    return Article(doc_id, source.text if source else raw, origin, metadata or {}, source)


@dataclass
class Failure:
    """A document that could not be read or parsed; `id` is None when none could be found."""

    id: str | None
    origin: str
    error: str

    def to_dict(self) -> dict:
        return {"id": self.id, "origin": self.origin, "error": self.error}


@dataclass
class Plan:
    partitions: list[Partition]
    documents: int  # documents in the partitions (JSONL ids already written are found later, on the workers)
    skipped: int  # text files skipped on the client because their id was already written


class InputError(ValueError):
    """IN names nothing readable."""


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard: ids are paths relative to it."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    root = os.path.join(*fixed) if fixed else "."
    return root if os.path.isdir(root) else os.path.dirname(root) or "."


def discover(source: str) -> list[tuple[str, str]]:
    """(id, path) for every input file, sorted by path; JSONL files get their path as id."""
    if os.path.isdir(source):
        root = source
        paths = sorted(str(p) for p in Path(source).rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    elif os.path.isfile(source):
        root = os.path.dirname(source) or "."
        paths = [source]
    elif glob.has_magic(source):
        root = _glob_root(source)
        paths = sorted(p for p in glob.glob(source, recursive=True) if os.path.isfile(p))
    else:
        raise InputError(f"{source}: no such file, folder or glob")
    if not paths:
        raise InputError(f"{source}: no input files found")
    # absolute paths: workers may run in another folder, or on another machine sharing the disk
    return [(Path(os.path.relpath(p, root)).as_posix(), os.path.abspath(p)) for p in paths]


def _jsonl_slices(path: str, partition_size: int) -> Iterator[JsonlSlice]:
    """Cut a JSONL file into slices of `partition_size` non-blank lines, reading it once."""
    start = position = 0
    first_line = line_number = 1
    documents = 0
    with open(path, "rb") as handle:
        for line in handle:
            if documents == 0 and not line.strip():
                # blank lines before a slice's first document belong to no slice
                start = position + len(line)
                first_line = line_number + 1
            elif line.strip():
                documents += 1
            position += len(line)
            line_number += 1
            if documents == partition_size:
                yield JsonlSlice(path, start, position, first_line, documents)
                start, first_line, documents = position, line_number, 0
    if documents:
        yield JsonlSlice(path, start, position, first_line, documents)


def plan(source: str, partition_size: int, done: Iterable[str] = ()) -> Plan:
    """Partitions of at most `partition_size` documents covering everything under `source`.

    Text files whose id is in `done` are left out here; JSONL lines are filtered on the
    workers, where their ids are first read."""
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    done = done if isinstance(done, set | frozenset) else set(done)
    sources: list[JsonlSlice | TextFiles] = []
    pending: list[tuple[str, str]] = []
    skipped = 0

    def flush_text_files() -> None:
        for i in range(0, len(pending), partition_size):
            sources.append(TextFiles(tuple(pending[i : i + partition_size])))
        pending.clear()

    for doc_id, path in discover(source):
        if is_jsonl(path):
            flush_text_files()
            sources.extend(_jsonl_slices(path, partition_size))
        elif doc_id in done:
            skipped += 1
        else:
            pending.append((doc_id, path))
    flush_text_files()
    partitions = [Partition(i, s) for i, s in enumerate(sources)]
    return Plan(partitions, sum(p.documents for p in partitions), skipped)


def _article_from_line(raw: bytes, origin: str) -> Article | Failure:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Failure(_visible_id(raw.decode("utf-8", "replace")), origin, f"not UTF-8: {error}")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(_visible_id(line), origin, f"corrupt JSON: {error}")
    if not isinstance(obj, dict):
        return Failure(None, origin, f"not a JSON object but {type(obj).__name__}")
    doc_id = obj.get("id")
    if doc_id is None or isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
        return Failure(None, origin, "no id: every object needs an `id` (a string or an integer)")
    doc_id = str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        return Failure(doc_id, origin, "no text: `text` must be a string")
    form = obj.get("format", "text")
    if form not in FORMATS:
        return Failure(doc_id, origin, f"bad format: `format` must be one of {', '.join(FORMATS)}")
    metadata = {k: v for k, v in obj.items() if k not in CONSUMED_KEYS}
    return article(doc_id, text, origin, metadata, html=form == "html")


def _visible_id(line: str) -> str | None:
    match = _ID_IN_BROKEN_LINE.search(line)
    if not match:
        return None
    if match.group(1) is not None:
        try:
            return json.loads(f'"{match.group(1)}"')
        except json.JSONDecodeError:
            return match.group(1)
    return match.group(2)


def read_partition(partition: Partition) -> Iterator[Article | Failure]:
    """The articles of one partition, in input order; unreadable ones as `Failure`s."""
    source = partition.source
    if isinstance(source, TextFiles):
        for doc_id, path in source.files:
            try:
                with open(path, encoding="utf-8", newline="") as handle:
                    yield article(doc_id, handle.read(), path, html=path.lower().endswith(HTML_SUFFIXES))
            except (OSError, UnicodeDecodeError) as error:
                yield Failure(doc_id, path, f"unreadable: {error}")
        return
    with open(source.path, "rb") as handle:
        handle.seek(source.start)
        data = handle.read(source.end - source.start)
    for offset, raw in enumerate(data.split(b"\n")):
        if raw.strip():
            yield _article_from_line(raw, f"{source.path}:{source.first_line + offset}")
