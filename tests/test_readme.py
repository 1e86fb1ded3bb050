"""Every example in the README is run, and its answer must be the one the README shows.

An example is a ```sh block after an `<!-- example -->` line, followed by a ```json or
```text block with what it prints.  `curl` commands go to the app through the test
client; `.venv/bin/python -m service ...` runs the command line in this process.  JSON is
compared as data, all but `meta.elapsed_ms`.  When the service's answers change (new
rules, new confidence values), this fails until the README shows the new answers:
`.venv/bin/python tests/test_readme.py` rewrites them from the live service.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLE = re.compile(
    r"<!-- example -->\n```sh\n(?P<command>.*?)\n```\n\n```(?P<lang>json|text)\n(?P<output>.*?)\n```", re.S
)
PYTHON = ".venv/bin/python -m service"


@dataclass
class Example:
    command: str
    lang: str
    output: str
    span: tuple[int, int]  # of the output block's content in the README


def examples(text: str) -> list[Example]:
    return [
        Example(m["command"].replace("\\\n", " "), m["lang"], m["output"], m.span("output"))
        for m in EXAMPLE.finditer(text)
    ]


def run_curl(client, command: str):
    words = shlex.split(command)
    assert words[0] == "curl", command
    headers, data, url, method = {}, None, None, None
    rest = iter(words[1:])
    for word in rest:
        if word == "-H":
            name, value = next(rest).split(":", 1)
            headers[name.strip()] = value.strip()
        elif word == "-d":
            data = next(rest)
        elif word == "-X":
            method = next(rest)
        elif not word.startswith("-"):
            url = word
    path = urlsplit(url if "://" in url else "http://" + url).path
    response = client.open(path, method=method or ("POST" if data is not None else "GET"), data=data, headers=headers)
    return response.get_json()


def run_command_line(nlp, monkeypatch, command: str) -> str:
    from service.__main__ import main

    stdin = ""
    if "|" in command:
        feed, command = (part.strip() for part in command.split("|", 1))
        words = shlex.split(feed)
        assert words[0] == "echo", feed
        stdin = " ".join(words[1:]) + "\n"
    assert command.startswith(PYTHON + " "), command
    out = io.StringIO()
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    status = main(shlex.split(command[len(PYTHON) :]), nlp=nlp)
    assert status == 0, command
    return out.getvalue()


def answer(example: Example, client, nlp, monkeypatch):
    if example.command.startswith("curl"):
        return run_curl(client, example.command)
    return run_command_line(nlp, monkeypatch, example.command)


def without_timing(body):
    if isinstance(body, dict) and isinstance(body.get("meta"), dict):
        return {**body, "meta": {k: v for k, v in body["meta"].items() if k != "elapsed_ms"}}
    return body


README_EXAMPLES = examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_its_examples():
    commands = [e.command for e in README_EXAMPLES]
    assert len(commands) >= 6
    assert any("text/html" in c for c in commands) and any("/v1/quotes/batch" in c for c in commands)
    assert any(PYTHON in c for c in commands)


@pytest.mark.parametrize("example", README_EXAMPLES, ids=[e.command[:60] for e in README_EXAMPLES])
def test_each_readme_example_prints_what_the_readme_shows(client, nlp, monkeypatch, example):
    got = answer(example, client, nlp, monkeypatch)
    if example.lang == "json":
        assert without_timing(json.loads(example.output)) == without_timing(got), example.command
    else:
        assert example.output == got.rstrip("\n"), example.command


def readable_json(body) -> str:
    """JSON as the README shows it: one line per top-level key and per list entry."""

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    if not isinstance(body, dict):
        return dump(body)
    lines = []
    for n, (key, value) in enumerate(body.items()):
        start = "{" if n == 0 else " "
        end = "}" if n == len(body) - 1 else ","
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = [f"    {dump(v)}" for v in value]
            lines.append(f'{start}"{key}": [\n' + ",\n".join(items) + f"]{end}")
        else:
            lines.append(f"{start}{dump(key)}: {dump(value)}{end}")
    return "\n".join(lines)


def rewrite_readme() -> None:
    """Put the live service's answers into the README's example blocks."""
    from _pytest.monkeypatch import MonkeyPatch

    from service.app import create_app
    from service.config import Config
    from service.nlp.pipeline import load_pipeline

    class Quiet(Config):
        TESTING = True
        ACCESS_LOG = False

    nlp = load_pipeline(Config.SPACY_MODEL)
    client = create_app(Quiet, nlp=nlp).test_client()
    text = README.read_text(encoding="utf-8")
    for example in reversed(examples(text)):
        with MonkeyPatch.context() as monkeypatch:
            got = answer(example, client, nlp, monkeypatch)
        shown = readable_json(got) if example.lang == "json" else got.rstrip("\n")
        text = text[: example.span[0]] + shown + text[example.span[1] :]
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    rewrite_readme()
