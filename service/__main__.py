"""Command line: `python -m service FILE` (or `-` for stdin) prints the API's JSON."""

from __future__ import annotations

import argparse
import json
import sys

from .config import Config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m service", description="Find and attribute the quotations in a text."
    )
    parser.add_argument("file", help="a UTF-8 text file, or - for standard input")
    parser.add_argument("--model", default=Config.SPACY_MODEL, help="spaCy model (default: %(default)s)")
    args = parser.parse_args(argv)

    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8", newline="") as handle:
            text = handle.read()

    from .nlp.pipeline import load_pipeline
    from .response import attribute_text

    nlp = load_pipeline(args.model)
    json.dump(
        attribute_text(nlp, text, args.file if args.file != "-" else None), sys.stdout, ensure_ascii=False, indent=2
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
