"""Archive runs on Dask (service.archive): a 2-worker LocalCluster gives the same records as
the single-process path, a rerun resumes, a bad document is reported and skipped.

The articles below are made up for these tests."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import dask
import pytest

from service.__main__ import main as single_process_cli
from service.archive import output, run_archive
from service.archive.cli import EXIT_FAILED_DOCUMENTS
from service.archive.cli import main as archive_cli
from service.archive.cluster import local_cluster
from service.archive.inputs import Partition, TextFiles, discover, plan, read_partition
from service.archive.job import ClusterError
from service.archive.process import load_counts
from service.archive.summary import count_records, describe, rows
from service.config import Config
from service.response import attribute_text

MODEL = Config.SPACY_MODEL
ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "harbour.txt": (
        "The harbour master of Port Elwyn, Dana Okafor, said on Monday that the north quay "
        "would stay closed until the spring.\n\n"
        "\u201cWe will not reopen a quay that is cracking under our feet,\u201d Okafor told reporters. "
        "\u201cThe repairs come first.\u201d\n\n"
        "A port official, who spoke on condition of anonymity, said the repair budget had already "
        "been spent twice over."
    ),
    "council.txt": (
        "City councillor Priya Raman said the vote on the new tram line was \u201clong overdue\u201d "
        "and urged colleagues to back it.\n\n"
        "\u201cEvery year we wait, the bill goes up,\u201d Raman said at Tuesday's meeting. "
        "The mayor, Tomas Lindqvist, said he would study the plan before deciding."
    ),
    "storm.txt": (
        "Forecasters warned that the storm would reach the coast overnight.\n\n"
        "\u201cStay indoors and keep away from the sea front,\u201d said Amira Haddad, head of the "
        "regional weather office. Officials said the schools would stay closed on Friday."
    ),
    "league.txt": (
        "The coach of the Riverside Rovers, Lena Brandt, said her team had \u201cplayed without fear\u201d "
        "in the final.\n\n"
        "\u201cI told them at half-time that nobody remembers the score at the break,\u201d Brandt said. "
        "Club chairman Oskar Vale said the squad would be honoured at a reception next week."
    ),
    "market.txt": (
        "Shares in Northgate Foods fell sharply after the company cut its forecast.\n\n"
        "\u201cThe winter was harder than we planned for,\u201d chief executive Marcus Bell said in a "
        "statement. Analysts said the fall reflected wider worries about food prices."
    ),
    "library.txt": (
        "The county library will open on Sundays from next month, its director, Hannah Cole, announced.\n\n"
        "\u201cPeople asked for it, and we listened,\u201d Cole said. \u201cA library that is shut when "
        "families are free is not doing its job.\u201d"
    ),
    "plain.txt": "The museum reopened its east wing on Saturday after two years of restoration work.",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def jsonl_line(doc_id, text, **metadata) -> str:
    return json.dumps({"id": doc_id, "text": text, **metadata}, ensure_ascii=False)


def read_records(out_dir: Path) -> list[dict]:
    records = []
    for path in output.part_paths(out_dir):
        with open(path, encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle)
    return records


def read_failures(out_dir: Path) -> list[dict]:
    with open(out_dir / output.FAILURES, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def without_timing(body: dict) -> dict:
    body = json.loads(json.dumps(body))
    body["meta"].pop("elapsed_ms", None)
    return body


@pytest.fixture(scope="module")
def cluster_client():
    distributed = pytest.importorskip("distributed")
    with warnings.catch_warnings():
        # with the dashboard off the scheduler still serves /health on 127.0.0.1, on 8787 or,
        # when another cluster has that port, on a free one with a warning
        warnings.filterwarnings("ignore", message="Port 8787 is already in use")
        # the command line's own cluster: 2 processes, 1 thread each, 127.0.0.1, no dashboard
        cluster = local_cluster(2)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def run(source, out_dir, client, **options):
    options.setdefault("model", MODEL)
    return run_archive(str(source), str(out_dir), client, **options)


# --- the Dask job against the single-process path -------------------------------------------


def test_two_workers_give_the_same_records_as_the_single_process_path(tmp_path, cluster_client, nlp):
    corpus = write_corpus(tmp_path / "corpus")
    before = {address: info["partitions"] for address, info in cluster_client.run(load_counts).items()}
    summary = run(corpus, tmp_path / "out", cluster_client, partition_size=2)

    assert summary.complete and summary.workers == 2
    assert (summary.documents, summary.failures, summary.partitions) == (len(ARTICLES), 0, 4)
    records = {r["id"]: r for r in read_records(tmp_path / "out")}
    assert sorted(records) == sorted(ARTICLES)
    for name, text in ARTICLES.items():
        assert records[name] == without_timing(attribute_text(nlp, text, name)), name
    assert summary.quotes == sum(len(r["quotes"]) for r in records.values()) >= 10
    assert summary.speaker_entries == sum(len(r["speakers"]) for r in records.values())
    assert summary.speaker_table() == rows(count_records(records.values()))  # what --summary counts
    assert "elapsed_ms" not in records["harbour.txt"]["meta"]
    assert records["plain.txt"]["quotes"] == []

    # each worker loaded the pipeline exactly once, however many of the four partitions it ran
    loads = cluster_client.run(load_counts)
    assert len(loads) == 2
    assert all(info["loads"] == {MODEL: 1} for info in loads.values())
    assert sum(info["partitions"] - before[address] for address, info in loads.items()) == 4
    # the local cluster's workers run without Dask's sampling profiler, and bound to loopback
    assert set(cluster_client.run(dask.config.get, "distributed.worker.profile.enabled").values()) == {False}
    assert all(address.startswith("tcp://127.0.0.1:") for address in loads)


def test_records_equal_the_single_process_command_line(tmp_path, cluster_client, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    run(corpus, tmp_path / "out", cluster_client, partition_size=3)
    records = {r["id"]: r for r in read_records(tmp_path / "out")}

    assert single_process_cli([str(corpus / "harbour.txt")]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = without_timing(printed) | {"id": "harbour.txt"}
    assert records["harbour.txt"] == expected


def test_jsonl_metadata_passes_through_and_a_corrupt_line_is_reported_and_skipped(tmp_path, cluster_client, nlp):
    texts = list(ARTICLES.values())
    source = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            jsonl_line("a1", texts[0], source="wire", published="2019-04-02", quotes=["gold"]),
            jsonl_line(2, texts[1], source="city desk"),
            '{"id": "broken-3", "text": "The line ends before its closing brace',
            "",
            jsonl_line("a4", texts[2]),
            '{"text": "no id here"}',
            jsonl_line("a6", 42),
            jsonl_line("a7", "   "),
            jsonl_line("a8", "x" * 1200),
            "[1, 2, 3]",
            jsonl_line("a10", texts[3]),
        ],
    )
    summary = run(source, tmp_path / "out", cluster_client, partition_size=3, max_chars=1000)

    records = {r["id"]: r for r in read_records(tmp_path / "out")}
    assert sorted(records) == ["2", "a1", "a10", "a4"]
    assert records["a1"]["source"] == "wire" and records["a1"]["published"] == "2019-04-02"
    assert records["a1"]["input_quotes"] == ["gold"]  # an input field named like a body field is renamed
    assert "text" not in records["a1"]
    assert records["2"]["source"] == "city desk"
    body = without_timing(attribute_text(nlp, texts[1], "2"))
    assert {k: records["2"][k] for k in body} == body

    failures = read_failures(tmp_path / "out")
    by_origin = {f["origin"].rsplit(":", 1)[1]: f for f in failures}
    assert sorted(by_origin, key=int) == ["3", "6", "7", "8", "9", "10"]
    assert by_origin["3"]["id"] == "broken-3" and by_origin["3"]["error"].startswith("corrupt JSON")
    assert by_origin["6"]["id"] is None and by_origin["6"]["error"].startswith("no id")
    assert by_origin["7"]["id"] == "a6" and by_origin["7"]["error"].startswith("no text")
    assert by_origin["8"]["error"] == "empty text"
    assert by_origin["9"]["error"].startswith("text too long")
    assert by_origin["10"]["error"].startswith("not a JSON object")
    assert (summary.documents, summary.failures, summary.complete) == (4, 6, True)
    assert sorted(summary.failed_ids, key=str) == sorted(["broken-3", None, "a6", "a7", "a8", None], key=str)


# --- resuming ---------------------------------------------------------------------------------


class _AnyCorrupt:
    def __eq__(self, other):
        return isinstance(other, str) and other.startswith("corrupt JSON")


ANY_CORRUPT = _AnyCorrupt()


def test_a_rerun_skips_the_ids_already_written(tmp_path, cluster_client):
    texts = list(ARTICLES.values())
    lines = [jsonl_line(f"doc-{i}", text) for i, text in enumerate(texts)]
    out = tmp_path / "out"
    first = run(write_jsonl(tmp_path / "first.jsonl", lines[:3]), out, cluster_client, partition_size=2)
    written_first = {p: os.stat(p).st_mtime_ns for p in output.part_paths(out)}

    full = write_jsonl(tmp_path / "full.jsonl", [*lines, '{"id": "bad", "text": '])
    second = run(full, out, cluster_client, partition_size=2)
    third = run(full, out, cluster_client, partition_size=2)

    assert (first.documents, second.documents, second.skipped) == (3, len(texts) - 3, 3)
    assert (third.documents, third.skipped, third.failures) == (0, len(texts), 1)
    assert {p: os.stat(p).st_mtime_ns for p in written_first} == written_first  # earlier files untouched
    ids = [r["id"] for r in read_records(out)]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(len(texts)))  # each exactly once
    assert read_failures(out) == [{"id": "bad", "origin": f"{full}:{len(texts) + 1}", "error": ANY_CORRUPT}]
    runs = (out / output.RUNS).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["documents"] for line in runs] == [3, len(texts) - 3, 0]


def test_text_files_already_written_are_skipped_before_reading(tmp_path, cluster_client):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    run(corpus, out, cluster_client, partition_size=4)
    (corpus / "late.txt").write_text("\u201cWe are nearly there,\u201d the builder said.", encoding="utf-8")

    work = plan(str(corpus), 4, output.written_ids(out))
    assert (work.skipped, work.documents) == (len(ARTICLES), 1)
    summary = run(corpus, out, cluster_client, partition_size=4)
    assert (summary.documents, summary.skipped, summary.partitions) == (1, len(ARTICLES), 1)
    assert sorted(r["id"] for r in read_records(out)) == sorted([*ARTICLES, "late.txt"])


def test_resumes_after_the_run_is_killed(tmp_path, cluster_client):
    """Kill a real `python -m service.archive` (and its cluster) mid-run, then rerun."""
    texts = list(ARTICLES.values())
    total = 60
    source = write_jsonl(
        tmp_path / "many.jsonl", [jsonl_line(f"n{i:03d}", texts[i % len(texts)]) for i in range(total)]
    )
    out = tmp_path / "out"
    command = [sys.executable, "-m", "service.archive", str(source), str(out)]
    command += ["--workers", "1", "--partition-size", "2", "--no-progress"]
    process = subprocess.Popen(
        command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while len(output.part_paths(out)) < 3:
            assert process.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline, "the run wrote nothing within 60 s"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the client and its worker processes, like a crash
        process.wait(timeout=30)

    before = {r["id"] for r in read_records(out)}
    assert 0 < len(before) < total

    summary = run(source, out, cluster_client, partition_size=7)
    assert summary.skipped == len(before)
    assert summary.documents == total - len(before)
    ids = [r["id"] for r in read_records(out)]
    assert len(ids) == total and set(ids) == {f"n{i:03d}" for i in range(total)}
    assert not list(out.glob(".part-*"))  # half-written partitions of the killed run are gone


def test_a_cluster_that_cannot_load_the_model_stops_the_run_before_it_starts(tmp_path, cluster_client):
    with pytest.raises(ClusterError, match="cannot run the job"):
        run(write_corpus(tmp_path / "corpus"), tmp_path / "out", cluster_client, model="no_such_spacy_model")
    assert output.part_paths(tmp_path / "out") == []


def test_metadata_can_be_left_out(tmp_path, cluster_client):
    source = write_jsonl(tmp_path / "a.jsonl", [jsonl_line("m1", ARTICLES["storm.txt"], source="wire", desk="weather")])
    run(source, tmp_path / "out", cluster_client, metadata=False)
    [record] = read_records(tmp_path / "out")
    assert list(record) == ["id", "quotes", "speakers", "meta"]


def test_a_second_run_on_the_same_output_is_refused(tmp_path, cluster_client):
    out = tmp_path / "out"
    with output.RunLock(out), pytest.raises(output.OutputLocked):
        run(write_corpus(tmp_path / "corpus"), out, cluster_client)


# --- the command line on an existing cluster, and the speaker summary -------------------------


def test_command_line_on_an_existing_scheduler_writes_the_speaker_summary(tmp_path, cluster_client, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    out, table = tmp_path / "out", tmp_path / "speakers.csv"
    address = cluster_client.scheduler.address
    argv = [str(corpus), str(out), "--scheduler", address, "--summary", str(table), "--no-progress"]

    assert archive_cli(argv) == 0
    printed = capsys.readouterr().out
    assert f"documents: {len(ARTICLES)} written, 0 already written earlier, 0 failed" in printed
    assert "documents/s on 2 worker(s)" in printed

    with open(table, encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    expected = rows(count_records(read_records(out)))
    assert csv_rows == [{k: str(v) for k, v in row.items()} for row in expected]
    # the run summary and the CSV count the same thing, and say what
    said = describe(expected)
    assert f"speakers in this run's articles: {said} ({len(csv_rows)} rows as --summary counts)" in printed
    assert printed.rstrip().endswith(f"speaker summary of everything under OUT: {table} ({len(csv_rows)} rows): {said}")
    attributed = sum(1 for r in read_records(out) for q in r["quotes"] if q["speaker"])
    assert sum(int(r["quotes"]) for r in csv_rows) == attributed > 0

    # the rerun writes nothing new and the same table
    assert archive_cli(argv) == 0
    assert f"0 written, {len(ARTICLES)} already written earlier" in capsys.readouterr().out
    with open(table, encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == csv_rows


def test_command_line_exits_non_zero_and_says_how_many_documents_failed(tmp_path, cluster_client, capsys):
    source = write_jsonl(
        tmp_path / "a.jsonl",
        [jsonl_line("ok-1", ARTICLES["storm.txt"]), '{"id": "broken", "text": ', jsonl_line("empty", " ")],
    )
    argv = [str(source), str(tmp_path / "out"), "--scheduler", cluster_client.scheduler.address, "--no-progress"]
    assert archive_cli(argv) == EXIT_FAILED_DOCUMENTS == 3
    captured = capsys.readouterr()
    assert "documents: 1 written, 0 already written earlier, 2 failed" in captured.out
    assert f"error: 2 document(s) failed; they are listed in {tmp_path / 'out' / output.FAILURES}" in captured.err

    # once the broken lines are mended, the rerun writes them and exits 0
    write_jsonl(source, [jsonl_line("ok-1", ARTICLES["storm.txt"]), jsonl_line("broken", ARTICLES["market.txt"])])
    assert archive_cli(argv) == 0
    assert "documents: 1 written, 1 already written earlier, 0 failed" in capsys.readouterr().out


def test_help_lists_the_exit_statuses(capsys):
    with pytest.raises(SystemExit) as exit_info:
        archive_cli(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for code in ("0", "1", "2", "3", "130"):
        assert f"\n  {code} " in text, code
    assert "some documents failed" in text


def test_command_line_reports_a_missing_input_before_starting_a_cluster(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("service.archive.cluster.connect", lambda *a: pytest.fail("a cluster was started"))
    assert archive_cli([str(tmp_path / "nothing-here"), str(tmp_path / "out"), "--no-progress"]) == 1
    assert "no such file, folder or glob" in capsys.readouterr().err
    assert archive_cli([str(tmp_path / "*.jsonl"), str(tmp_path / "out"), "--no-progress"]) == 1
    assert "no input files found" in capsys.readouterr().err


# --- pieces without a cluster -----------------------------------------------------------------


def test_ids_are_paths_inside_the_folder_or_below_the_glob(tmp_path):
    write_corpus(tmp_path / "2019" / "04")
    (tmp_path / "2019" / "04" / "notes.md").write_text("not an article", encoding="utf-8")
    write_jsonl(tmp_path / "2019" / "wire.jsonl", [jsonl_line("w1", "text")])

    assert [i for i, _ in discover(str(tmp_path))] == [f"2019/04/{n}" for n in sorted(ARTICLES)]
    assert [i for i, _ in discover(str(tmp_path / "2019" / "*" / "c*.txt"))] == ["04/council.txt"]
    globbed = discover(str(tmp_path / "2019" / "**" / "*.*"))
    assert "wire.jsonl" in [i for i, _ in globbed] and "04/notes.md" in [i for i, _ in globbed]


def test_jsonl_partitions_cover_every_line_once(tmp_path):
    lines = ["", *[jsonl_line(f"d{i}", f"text {i}") for i in range(7)], "", "", jsonl_line("d7", "last")]
    source = write_jsonl(tmp_path / "a.jsonl", lines)
    work = plan(str(source), 3)
    assert [p.documents for p in work.partitions] == [3, 3, 2]
    read = [item for p in work.partitions for item in read_partition(p)]
    assert [a.id for a in read] == [f"d{i}" for i in range(8)]
    assert read[0].origin.endswith(":2") and read[-1].origin.endswith(f":{len(lines)}")


def test_unreadable_text_file_is_a_failure_not_a_crash(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 \xff")
    items = list(read_partition(Partition(0, TextFiles((("bad.txt", str(tmp_path / "bad.txt")),)))))
    assert len(items) == 1 and items[0].id == "bad.txt" and items[0].error.startswith("unreadable")


# --- HTML articles ----------------------------------------------------------------------------

HTML_ARTICLE = (
    "<html><body><h1>Quay stays shut</h1>"
    "<p>&ldquo;We will not reopen a <b>cracked</b> quay,&rdquo; harbour master "
    "<a href='/okafor'>Dana Okafor</a> said.</p><!-- a comment --><p>Repairs start in May.</p>"
    "</body></html>"
)


def test_html_articles_are_read_as_the_api_reads_html(tmp_path, cluster_client, nlp):
    """A `.html` file and a JSONL object with "format": "html" give the API's answer for
    `text/html`, every offset pointing into the HTML."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "quay.html").write_text(HTML_ARTICLE, encoding="utf-8")
    jsonl = write_jsonl(tmp_path / "in.jsonl", [jsonl_line("quay", HTML_ARTICLE, format="html")])
    for source, doc_id in ((corpus, "quay.html"), (jsonl, "quay")):
        out = tmp_path / f"out-{source.name}"
        assert run(source, out, cluster_client, partition_size=1).failures == 0
        (record,) = read_records(out)
        expected = without_timing(attribute_text(nlp, HTML_ARTICLE, doc_id, html=True))
        assert {k: record[k] for k in ("quotes", "speakers")} == {k: expected[k] for k in ("quotes", "speakers")}
        (quote,) = record["quotes"]
        assert HTML_ARTICLE[quote["start"] : quote["end"]] == "We will not reopen a <b>cracked</b> quay,"
        assert record["speakers"][0]["name"] == "Dana Okafor"


def test_a_jsonl_object_with_an_unknown_format_is_a_failure(tmp_path, cluster_client):
    jsonl = write_jsonl(tmp_path / "in.jsonl", [jsonl_line("a", "Some text.", format="pdf")])
    summary = run(jsonl, tmp_path / "out", cluster_client)
    assert summary.failures == 1
    assert "format" in read_failures(tmp_path / "out")[0]["error"]
