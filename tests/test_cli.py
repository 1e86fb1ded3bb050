"""The command line: `python -m service` / `quote-attrib`, its formats and inputs."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.__main__ import main, text_lines
from service.response import attribute_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ee22bb034a8b2be9.txt"
SEED_2 = ROOT / "seeds" / "001_e4ab699dbceb1876.txt"
LINE = re.compile(r'^(?P<who>.+?)(?: \((?P<role>[^)]*)\))?: "(?P<words>.*)"$')
SHORT = "“We have to hold the perpetrators accountable,” Defense Secretary Mark Esper said."


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(nlp, monkeypatch, argv, stdin: str = "", stderr: io.StringIO | None = None):
    """main(argv) in this process with the session pipeline: (status, stdout, stderr)."""
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    status = main([str(arg) for arg in argv], nlp=nlp)
    return status, out.getvalue(), err.getvalue()


def without_timing(body: dict) -> dict:
    return {**body, "meta": {**body["meta"], "elapsed_ms": 0}}


def test_one_file_prints_the_apis_json(nlp, monkeypatch):
    status, out, err = run(nlp, monkeypatch, [SEED])
    assert (status, err) == (0, "")
    expected = attribute_text(nlp, SEED.read_text(encoding="utf-8"), str(SEED))
    assert without_timing(json.loads(out)) == without_timing(expected)


def test_text_format_prints_speaker_role_and_quote_lines(nlp, monkeypatch):
    status, out, _ = run(nlp, monkeypatch, ["--format", "text", SEED])
    assert status == 0
    lines = out.splitlines()
    body = attribute_text(nlp, SEED.read_text(encoding="utf-8"))
    assert len(lines) == len(body["quotes"])
    for line, quote in zip(lines, body["quotes"]):
        match = LINE.match(line)
        assert match, line
        assert match["words"] == " ".join(quote["text"].split())
        if quote["speaker"]:
            assert match["who"] == quote["speaker"]["name"]
            assert match["role"] == quote["speaker"]["role"]
    assert any(line.startswith('Mark Esper (Defense Secretary): "We’re going to take this') for line in lines)


def test_text_lines_cover_no_role_no_speaker_and_line_breaks():
    body = {
        "quotes": [
            {"text": "a\n  b", "speaker": {"name": "Officials", "role": None}},
            {"text": "c", "speaker": None},
            {"text": "d", "speaker": {"name": "Jack Reed", "role": "senator"}},
        ]
    }
    assert list(text_lines(body)) == ['Officials: "a b"', '(no speaker): "c"', 'Jack Reed (senator): "d"']


def test_many_files_as_jsonl_one_answer_a_line(nlp, monkeypatch):
    status, out, err = run(nlp, monkeypatch, ["--format", "jsonl", SEED, SEED_2])
    assert (status, err) == (0, "")
    answers = [json.loads(line) for line in out.splitlines()]
    assert [answer["id"] for answer in answers] == [str(SEED), str(SEED_2)]
    assert all(answer["quotes"] for answer in answers)


def test_many_files_as_json_make_one_array(nlp, monkeypatch):
    status, out, _ = run(nlp, monkeypatch, [SEED, SEED_2])
    assert status == 0
    answers = json.loads(out)
    assert isinstance(answers, list) and len(answers) == 2


def test_many_files_as_text_get_a_heading_each(nlp, monkeypatch):
    status, out, _ = run(nlp, monkeypatch, ["--format", "text", SEED, SEED_2])
    assert status == 0
    assert [line for line in out.splitlines() if line.startswith("# ")] == [f"# {SEED}", f"# {SEED_2}"]


def test_a_jsonl_stream_on_stdin(nlp, monkeypatch):
    records = [{"id": "a", "text": SHORT}, {"text": "No quotes here."}, {"id": "c", "text": SHORT, "source": "x"}]
    stream = "".join(json.dumps(record) + "\n" for record in records) + "\n"
    status, out, err = run(nlp, monkeypatch, ["--input", "jsonl", "--format", "jsonl", "-"], stdin=stream)
    assert (status, err) == (0, "")
    answers = [json.loads(line) for line in out.splitlines()]
    assert [answer["id"] for answer in answers] == ["a", "<stdin>:2", "c"]
    assert answers[0]["quotes"][0]["speaker"]["name"] == "Mark Esper"
    assert answers[1]["quotes"] == []


def test_a_jsonl_file_is_read_by_its_suffix_and_bad_lines_are_reported(nlp, monkeypatch, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        json.dumps({"text": SHORT})
        + "\nnot json\n"
        + json.dumps({"id": "x"})
        + "\n[1]\n"
        + json.dumps({"text": SHORT}),
        encoding="utf-8",
    )
    status, out, err = run(nlp, monkeypatch, ["--format", "jsonl", path])
    assert status == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"{path}:1", f"{path}:5"]
    assert f"{path}:2: not valid JSON" in err
    assert f"{path}:3: " in err and "Missing data for required field." in err
    assert f"{path}:4: expected a JSON object" in err


def test_a_text_that_is_not_valid_unicode_is_reported_and_the_rest_still_run(nlp, monkeypatch):
    stream = (
        json.dumps({"id": "bad", "text": "Lone \ud800 surrogate."}) + "\n" + json.dumps({"id": "ok", "text": SHORT})
    )
    status, out, err = run(nlp, monkeypatch, ["--input", "jsonl", "--format", "jsonl", "-"], stdin=stream)
    assert status == 1
    assert "<stdin>:1: " in err and "unpaired surrogate" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]


def test_a_missing_file_is_reported_and_the_rest_still_run(nlp, monkeypatch, tmp_path):
    status, out, err = run(nlp, monkeypatch, ["--format", "jsonl", tmp_path / "gone.txt", SEED])
    assert status == 1
    assert "gone.txt: cannot read it" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(SEED)]


def test_the_progress_bar_shows_on_a_terminal(nlp, monkeypatch, tmp_path):
    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": SHORT}) + "\n" for n in range(3)), encoding="utf-8")
    status, out, err = run(nlp, monkeypatch, ["--format", "jsonl", path], stderr=FakeTerminal())
    assert status == 0 and len(out.splitlines()) == 3
    assert "3/3" in err and "text" in err


@pytest.mark.parametrize("extra", [[], ["--no-progress"]])
def test_the_progress_bar_stays_quiet_off_a_terminal_or_when_told(nlp, monkeypatch, tmp_path, extra):
    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps({"text": SHORT}) + "\n" for _ in range(3)), encoding="utf-8")
    stderr = io.StringIO() if not extra else FakeTerminal()
    status, out, err = run(nlp, monkeypatch, [*extra, "--format", "jsonl", path], stderr=stderr)
    assert status == 0 and len(out.splitlines()) == 3
    assert err == ""


def test_python_dash_m_service_reads_stdin_as_a_real_process():
    """The real entry point, in its own process: stdin text in, text lines out, and
    nothing on stderr when it is not a terminal."""
    result = subprocess.run(
        [sys.executable, "-m", "service", "--format", "text"],
        input=SHORT,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == 'Mark Esper (Defense Secretary): "We have to hold the perpetrators accountable,"\n'
    assert result.stderr == ""


def test_pip_install_gives_the_packages_their_files_and_the_command(tmp_path):
    """Build the wheel from a copy of the sources and install it elsewhere: the pages'
    templates and static files, the generated word lists and the rule precisions come along, and `quote-attrib` runs."""
    source = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("service", "schemas"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "requirements.in"):
        shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    wheel_dir, site = tmp_path / "dist", tmp_path / "site"
    subprocess.run(
        [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", wheel_dir, source],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (wheel,) = wheel_dir.glob("quote_attribution-*.whl")
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-compile", "--target", site, wheel],
        check=True,
        capture_output=True,
        timeout=180,
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    command = subprocess.run(
        [site / "bin" / "quote-attrib", "--help"], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert command.returncode == 0, command.stderr
    assert "--format {json,jsonl,text}" in command.stdout
    check = """
import spacy, service, schemas.quotes
from service.app import create_app
assert service.__file__.startswith(SITE), service.__file__
from service.nlp.confidence import precision_table
assert precision_table()["cue_after"]["precision"] > 0
client = create_app(nlp=spacy.blank("en")).test_client()
for path in ("/", "/docs", "/openapi.json", "/static/demo.js", "/docs/assets/swagger-ui-bundle.js"):
    assert client.get(path).status_code == 200, path
from service.nlp import resources  # the generated word lists come along as package data
assert resources.__file__.startswith(SITE), resources.__file__
assert "striker" in resources.occupation_nouns() and "fly-half" in resources.person_nouns()
assert 26 in resources.verb_frames("say") and resources.name_gender("Kathy") == "female"
print("ok")
""".replace("SITE", repr(str(site)))
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_a_text_the_pipeline_cannot_take_is_reported_and_the_rest_still_run(nlp, monkeypatch):
    import service.response

    real = service.response.attribute_text

    def fragile(nlp, text, doc_id=None, *, html=False):
        if "boom" in text:
            raise RuntimeError("the parser broke")
        return real(nlp, text, doc_id, html=html)

    monkeypatch.setattr(service.response, "attribute_text", fragile)
    stream = json.dumps({"id": "bad", "text": "boom"}) + "\n" + json.dumps({"id": "ok", "text": SHORT})
    status, out, err = run(nlp, monkeypatch, ["--input", "jsonl", "--format", "jsonl", "-"], stdin=stream)
    assert status == 1
    assert "bad: cannot attribute it (the parser broke)" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]


def test_the_exit_status_is_0_when_all_went_through_and_1_when_any_document_failed(nlp, monkeypatch, tmp_path):
    good, blank, html = tmp_path / "good.txt", tmp_path / "blank.txt", tmp_path / "page.html"
    good.write_text(SHORT, encoding="utf-8")
    blank.write_text(" \n\t", encoding="utf-8")
    html.write_text("<p>" + SHORT + "</p>", encoding="utf-8")
    status, out, _ = run(nlp, monkeypatch, [good, html, "--format", "jsonl", "--no-progress"])
    assert status == 0 and len(out.splitlines()) == 2
    status, out, err = run(nlp, monkeypatch, [good, blank, html, "--format", "jsonl", "--no-progress"])
    assert status == 1
    assert f'{blank}: {{"text": ["The text is blank."]}}' in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(good), str(html)]
    # A wrong command line is argparse's status 2.
    with pytest.raises(SystemExit) as usage:
        run(nlp, monkeypatch, ["--input", "pdf", good])
    assert usage.value.code == 2


def test_help_says_what_each_exit_status_means(nlp, monkeypatch):
    with pytest.raises(SystemExit) as done:
        run(nlp, monkeypatch, ["--help"])
    assert done.value.code == 0
    text = sys.stdout.getvalue()
    assert "exit status:" in text and "--input-format" in text
    for code in ("0  every document was answered", "1  at least one document failed", "2  the command line"):
        assert code in text
