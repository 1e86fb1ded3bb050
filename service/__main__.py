"""Command line: `python -m service` (installed as `quote-attrib`).

    python -m service article.txt                 # the API's JSON for one text
    python -m service a.txt b.txt --format text   # speaker (role): "quote" lines
    python -m service articles.jsonl --format jsonl
    python -m service article.html                # HTML: offsets point into the HTML
    cat articles.jsonl | python -m service --input jsonl - > answers.jsonl

Each file is one text, except JSONL (a `.jsonl`/`.ndjson` file, or any input with
`--input jsonl`), where each line is a request as the API takes it:
{"text": ..., "id": ..., "format": "text" or "html"} (other fields are ignored).  A `.html`
or `.htm` file, or any input with `--input html` (also spelt `--input-format html`), is
HTML, read as POST /v1/quotes reads `text/html`.  `-` is standard input.  A progress bar
goes to standard error when it is a terminal and there is more than one text; it stays
quiet otherwise.  A line or file that cannot be read, is blank, or fails is reported on
standard error and skipped; see EXIT_STATUS for what the command then exits with.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TextIO

from marshmallow import EXCLUDE, ValidationError

from schemas.quotes import quote_request_schema

from .config import Config

FORMATS = ("json", "jsonl", "text")
INPUTS = ("auto", "text", "jsonl", "html")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_STATUS = f"""\
exit status:
  {EXIT_OK}  every document was answered
  {EXIT_FAILED}  at least one document failed: it could not be read, was not valid (a blank text, a
     JSONL line that is not a request) or could not be attributed; the others were answered
  {EXIT_USAGE}  the command line itself is wrong (argparse's usage error)
"""


@dataclass
class Document:
    text: str
    id: str | None
    html: bool = False


class InputError(Exception):
    """One input (a file, or a line of a JSONL stream) that cannot be used."""


def is_jsonl(name: str, input_format: str) -> bool:
    if input_format != "auto":
        return input_format == "jsonl"
    return name.lower().endswith(JSONL_SUFFIXES)


def is_html(name: str, input_format: str) -> bool:
    if input_format != "auto":
        return input_format == "html"
    return name.lower().endswith(HTML_SUFFIXES)


def text_document(text: str, doc_id: str | None, name: str, html: bool) -> Document | InputError:
    """A whole file (or standard input) as one document, checked by the API's schema."""
    try:
        request = quote_request_schema.load({"text": text, "format": "html" if html else "text"})
    except ValidationError as error:
        return InputError(f"{name}: {json.dumps(error.messages, ensure_ascii=False)}")
    return Document(request["text"], doc_id, html)


def jsonl_documents(handle: IO[str], name: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"{where}: not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: expected a JSON object with a text field")
            continue
        try:
            request = quote_request_schema.load(record, unknown=EXCLUDE)
        except ValidationError as error:
            yield InputError(f"{where}: {json.dumps(error.messages, ensure_ascii=False)}")
            continue
        yield Document(request["text"], request.get("id") or where, request["format"] == "html")


def read_documents(names: list[str], input_format: str, stdin: TextIO) -> Iterator[Document | InputError]:
    """Every text the inputs hold, in order; unusable ones as `InputError`s."""
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            if name == "-":
                if stdin.isatty():
                    print("quote-attrib: reading standard input; end it with Ctrl+D", file=sys.stderr)
                if is_jsonl(name, input_format):
                    yield from jsonl_documents(stdin, label)
                else:
                    yield text_document(stdin.read(), None, label, is_html(name, input_format))
                continue
            with open(name, encoding="utf-8", newline="") as handle:
                if is_jsonl(name, input_format):
                    yield from jsonl_documents(handle, label)
                else:
                    yield text_document(handle.read(), name, label, is_html(name, input_format))
        except (OSError, UnicodeDecodeError) as error:
            yield InputError(f"{label}: cannot read it ({error})")


def count_documents(names: list[str], input_format: str) -> int | None:
    """How many texts the inputs hold, for the progress bar; None for standard input."""
    total = 0
    for name in names:
        if name == "-":
            return None
        if not is_jsonl(name, input_format):
            total += 1
            continue
        try:
            with open(name, encoding="utf-8", errors="replace") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


def text_lines(body: dict) -> Iterator[str]:
    """`speaker (role): "quote"`, one line per quotation."""
    for quote in body["quotes"]:
        speaker = quote["speaker"]
        if speaker is None:
            who = "(no speaker)"
        elif speaker.get("role"):
            who = f"{speaker['name']} ({speaker['role']})"
        else:
            who = speaker["name"]
        words = " ".join(quote["text"].split())
        yield f'{who}: "{words}"'


class Writer:
    """Writes the answers in one of FORMATS, as they come."""

    def __init__(self, out: TextIO, output_format: str, single: bool):
        self.out = out
        self.format = output_format
        self.single = single  # one text in, so json prints one object rather than a list
        self.count = 0

    def write(self, body: dict) -> None:
        if self.format == "jsonl":
            self.out.write(json.dumps(body, ensure_ascii=False) + "\n")
        elif self.format == "json":
            dumped = json.dumps(body, ensure_ascii=False, indent=2)
            if self.single:
                self.out.write(dumped + "\n")
            else:
                self.out.write(("[\n" if self.count == 0 else ",\n") + dumped)
        else:
            if not self.single:
                self.out.write(("" if self.count == 0 else "\n") + f"# {body['id'] or '<stdin>'}\n")
            for line in text_lines(body):
                self.out.write(line + "\n")
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        if self.format == "json" and not self.single:
            self.out.write("\n]\n" if self.count else "[]\n")


def progress_bar(total: int | None, enabled: bool, stream: TextIO):
    from tqdm import tqdm

    return tqdm(total=total, unit="text", file=stream, disable=not enabled, dynamic_ncols=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m service",
        description="Find and attribute the quotations in texts.",
        epilog='JSONL lines are requests as the API takes them: {"text": ..., "id": ..., "format": ...}.\n\n'
        + EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", default=["-"], metavar="FILE", help="UTF-8 text or JSONL files; - or none for stdin"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="json", help='json (default), jsonl, or text: speaker (role): "quote"'
    )
    parser.add_argument(
        "--input",
        "--input-format",
        dest="input",
        choices=INPUTS,
        default="auto",
        help="auto (default): .jsonl and .ndjson files are JSONL, .html and .htm files HTML, anything else one text",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    parser.add_argument("--model", default=Config.SPACY_MODEL, help="spaCy model (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None, *, nlp=None) -> int:
    """Run the command; `nlp` lets a caller (the tests) hand in a loaded pipeline."""
    args = build_parser().parse_args(argv)
    stdin, stdout, stderr = sys.stdin, sys.stdout, sys.stderr
    single = len(args.files) == 1 and not is_jsonl(args.files[0], args.input)

    from .response import attribute_text

    if nlp is None:
        from .nlp.pipeline import load_pipeline

        nlp = load_pipeline(args.model)

    show_progress = not single and not args.no_progress and stderr.isatty()
    total = count_documents(args.files, args.input) if show_progress else None
    writer = Writer(stdout, args.format, single)
    failed = False
    try:
        with progress_bar(total, show_progress, stderr) as bar:
            for document in read_documents(args.files, args.input, stdin):
                if isinstance(document, InputError):
                    failed = True
                    bar.write(f"quote-attrib: {document}", file=stderr)
                    continue
                try:
                    body = attribute_text(nlp, document.text, document.id, html=document.html)
                except Exception as error:  # one bad text (e.g. a lone surrogate) must not stop the run
                    failed = True
                    bar.write(f"quote-attrib: {document.id or '<stdin>'}: cannot attribute it ({error})", file=stderr)
                    continue
                writer.write(body)
                bar.update(1)
        writer.close()
    except BrokenPipeError:
        # The reader stopped early (`| head`): end quietly, without a traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
