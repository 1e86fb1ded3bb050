"""Archive tables (service.archive, --format parquet): the Parquet tables queried with DuckDB
give the answers the JSON API gives on the same texts; one schema in every file; resuming.

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
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from service.archive import output, parquet, run_archive
from service.archive.cli import main as archive_cli
from service.archive.cluster import local_cluster
from service.archive.quote_index import build_index
from service.archive.summary import count_records, rows
from service.archive.tables import SCHEMAS
from service.config import Config
from service.response import attribute_text

MODEL = Config.SPACY_MODEL
ROOT = Path(__file__).resolve().parents[1]

# A quotation of Ruth Abara's printed in full (ferry-1), in part (ferry-2) and, misattributed to
# Ines Varga, in full again (ferry-3); ferry-4 names Abara by her surname alone.
ARTICLES = {
    "ferry-1": (
        "The ferry operator will cut its winter timetable, managing director Ruth Abara said on Monday.\n\n"
        "\u201cWe cannot keep running half-empty boats across the bay every hour,\u201d Abara said. "
        "\u201cThe money has to go where the passengers are.\u201d\n\n"
        "A spokesperson for the island council said the cuts would be challenged."
    ),
    "ferry-2": (
        "Islanders protested outside the ferry terminal on Tuesday.\n\n"
        "Ruth Abara, who runs the ferry company, told them that \u201cwe cannot keep running half-empty boats\u201d "
        "and promised a review in the spring.\n\n"
        "\u201cThey are cutting us off from the mainland,\u201d said Colm Reddy, a fisherman. "
        "A spokesperson said the company would not comment further."
    ),
    "ferry-3": (
        "Council leader Ines Varga attacked the new timetable on Wednesday.\n\n"
        "\u201cWe cannot keep running half-empty boats across the bay every hour!\u201d said Varga.\n\n"
        "Residents said they had not been consulted."
    ),
    "ferry-4": (
        "The ferry company confirmed the new timetable on Thursday.\n\n"
        "\u201cThe boats will keep sailing, just less often,\u201d Abara told the island radio station. "
        "Analysts said the company had lost money for three years."
    ),
    "ferry-5": "The harbour café reopened on Saturday after a winter of repairs.",
}
METADATA = {
    "ferry-1": {"source": "wire", "published": "2026-11-02", "pages": [1, 4]},
    "ferry-2": {"source": "island desk", "published": "2026-11-03"},
    "ferry-3": {"source": "wire", "published": "2026-11-04", "quotes": "a field named like a body field"},
    "ferry-4": {"published": 20261105},
    "ferry-5": {},
}


@pytest.fixture(scope="module")
def cluster_client():
    distributed = pytest.importorskip("distributed")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port 8787 is already in use")
        cluster = local_cluster(2)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def bodies(nlp) -> dict[str, dict]:
    """The JSON API's answers for the same texts."""
    return {doc_id: attribute_text(nlp, text, doc_id) for doc_id, text in ARTICLES.items()}


def write_source(path: Path, ids=tuple(ARTICLES)) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for doc_id in ids:
            handle.write(json.dumps({"id": doc_id, "text": ARTICLES[doc_id], **METADATA[doc_id]}) + "\n")
    return path


def run(source, out_dir, client, **options):
    options.setdefault("model", MODEL)
    options.setdefault("output_format", "parquet")
    return run_archive(str(source), str(out_dir), client, **options)


def table(out_dir: Path, name: str) -> str:
    return f"read_parquet('{out_dir / name}/*.parquet')"


@pytest.fixture(scope="module")
def parquet_out(tmp_path_factory, cluster_client) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    summary = run(write_source(folder / "ferries.jsonl"), folder / "out", cluster_client, partition_size=2)
    assert (summary.documents, summary.failures, summary.partitions) == (len(ARTICLES), 0, 3)
    return folder / "out"


# --- DuckDB on the Parquet tables against the JSON API ------------------------------------------


def test_quotes_per_speaker_in_duckdb_equal_the_json_api(parquet_out, bodies):
    expected = Counter(
        (doc_id, q["speaker"]["name"]) for doc_id, body in bodies.items() for q in body["quotes"] if q["speaker"]
    )
    got = duckdb.sql(
        f"SELECT article_id, speaker_name, count(*) FROM {table(parquet_out, 'quotes')} "
        "WHERE speaker_id IS NOT NULL GROUP BY ALL"
    ).fetchall()
    assert {(a, s): n for a, s, n in got} == expected
    assert sum(expected.values()) >= 10
    # the same from the speakers table
    per_speaker = duckdb.sql(f"SELECT article_id, name, quotes FROM {table(parquet_out, 'speakers')} WHERE quotes > 0")
    assert {(a, s): n for a, s, n in per_speaker.fetchall()} == expected


def test_share_anonymous_and_roles_in_duckdb_equal_the_json_api(parquet_out, bodies):
    attributed = [q for body in bodies.values() for q in body["quotes"] if q["speaker"]]
    share = sum(q["speaker"]["kind"] == "anonymous" for q in attributed) / len(attributed)
    [(got_share,)] = duckdb.sql(
        f"SELECT avg((speaker_kind = 'anonymous')::INT) FROM {table(parquet_out, 'quotes')} WHERE speaker_id IS NOT NULL"
    ).fetchall()
    assert got_share == pytest.approx(share) and 0 < share < 1

    roles = defaultdict(set)
    for body in bodies.values():
        for speaker in body["speakers"]:
            roles[speaker["name"]].update(speaker["roles"])
    got_roles = duckdb.sql(
        f"SELECT name, list_distinct(flatten(list(roles))) FROM {table(parquet_out, 'speakers')} GROUP BY name"
    ).fetchall()
    assert {name: set(r) for name, r in got_roles} == dict(roles)
    assert roles["Ruth Abara"] and roles["Ines Varga"]


def test_every_quote_column_equals_the_json_api(parquet_out, bodies):
    got = pq.read_table(parquet_out / "quotes").to_pylist()
    assert len(got) == sum(len(b["quotes"]) for b in bodies.values())
    for row in got:
        body = bodies[row["article_id"]]
        quote = next(q for q in body["quotes"] if q["id"] == row["quote_id"])
        assert ARTICLES[row["article_id"]][row["start"] : row["end"]] == row["text"] == quote["text"]
        assert (row["kind"], row["confidence"]) == (quote["kind"], quote["confidence"])
        speaker = quote["speaker"] or {}
        assert (row["speaker_id"], row["speaker_name"], row["speaker_kind"], row["speaker_role"]) == (
            speaker.get("id"),
            speaker.get("name"),
            speaker.get("kind"),
            speaker.get("role"),
        )
        for span in ("mention", "cue"):
            expected = quote[span] or {}
            assert [row[f"{span}_{k}"] for k in ("text", "start", "end")] == [
                expected.get(k) for k in ("text", "start", "end")
            ]
        assert (row["model"], row["version"]) == (body["meta"]["model"], body["meta"]["version"])


def test_metadata_is_one_json_column_that_duckdb_reads(parquet_out):
    got = duckdb.sql(
        f"SELECT article_id, metadata->>'source', metadata->>'published', quotes FROM {table(parquet_out, 'articles')} "
        "ORDER BY article_id"
    ).fetchall()
    assert got[0][:3] == ("ferry-1", "wire", "2026-11-02")
    assert got[3][:3] == ("ferry-4", None, "20261105")  # a number here, a string elsewhere: still one column
    assert got[4][1:] == (None, None, 0)  # an article without quotes has its row
    [(meta,)] = duckdb.sql(
        f"SELECT DISTINCT metadata FROM {table(parquet_out, 'quotes')} WHERE article_id = 'ferry-3'"
    ).fetchall()
    assert json.loads(meta) == {
        "source": "wire",
        "published": "2026-11-04",
        "input_quotes": METADATA["ferry-3"]["quotes"],
    }


def test_every_file_has_the_same_schema(tmp_path, cluster_client):
    # one article per partition: a file with no quotes, metadata of different types and keys
    out = tmp_path / "out"
    run(write_source(tmp_path / "in.jsonl"), out, cluster_client, partition_size=1)
    for name, schema in SCHEMAS.items():
        paths = parquet.table_paths(out, name)
        assert len(paths) == len(ARTICLES), name
        for path in paths:
            assert pq.read_schema(path).remove_metadata() == schema, path
    assert pq.read_table(parquet.table_paths(out, "quotes")[-1]).num_rows == 0  # ferry-5 has none


def test_named_metadata_fields_become_columns_of_their_own(tmp_path, cluster_client, capsys):
    out = tmp_path / "out"
    source = write_source(tmp_path / "in.jsonl")
    run(source, out, cluster_client, partition_size=2, metadata_columns=("source", "published", "pages"))
    for name in ("articles", "quotes"):
        schemas = {pq.read_schema(path).remove_metadata() for path in parquet.table_paths(out, name)}
        assert len(schemas) == 1, name
        [schema] = schemas
        assert schema.names[-4:] == ["metadata", "source", "published", "pages"]
    got = duckdb.sql(f"SELECT article_id, source, published, pages FROM {table(out, 'articles')} ORDER BY 1").fetchall()
    assert got == [
        ("ferry-1", "wire", "2026-11-02", "[1, 4]"),  # not a string: its JSON text
        ("ferry-2", "island desk", "2026-11-03", None),
        ("ferry-3", "wire", "2026-11-04", None),
        ("ferry-4", None, "20261105", None),
        ("ferry-5", None, None, None),
    ]
    # the column says what the JSON column says, row by row
    by_source = duckdb.sql(f"SELECT source, count(*) FROM {table(out, 'quotes')} GROUP BY ALL").fetchall()
    from_json = Counter(json.loads(row["metadata"]).get("source") for row in pq.read_table(out / "quotes").to_pylist())
    assert dict(by_source) == dict(from_json) and from_json["wire"] > 0

    # a rerun asking for other columns would give files of another schema: refused
    with pytest.raises(output.OutputFormatMismatch, match="metadata columns source,published,pages"):
        run(source, out, cluster_client, metadata_columns=("source",))
    argv = [str(source), str(tmp_path / "x"), "--metadata-columns", "kind", "--format", "parquet", "--no-progress"]
    assert archive_cli(argv) == 2
    assert "clash" in capsys.readouterr().err
    assert archive_cli([str(source), str(tmp_path / "x"), "--metadata-columns", "source", "--no-progress"]) == 2
    assert "needs --format parquet" in capsys.readouterr().err


# --- resuming, and one format per OUT ------------------------------------------------------------


def test_a_parquet_rerun_skips_what_is_written_and_removes_orphans(tmp_path, cluster_client, bodies):
    out = tmp_path / "out"
    first = run(write_source(tmp_path / "a.jsonl", ["ferry-1", "ferry-2"]), out, cluster_client, partition_size=1)
    assert first.documents == 2
    committed = {p: os.stat(p).st_mtime_ns for p in parquet.table_paths(out, "articles")}
    # a run killed between renaming a partition's quotes file and its articles file leaves an orphan
    orphan = Path(parquet.table_paths(out, "quotes")[0]).with_name("part-20000101T000000-dead-000009.parquet")
    orphan.write_bytes(Path(parquet.table_paths(out, "quotes")[0]).read_bytes())
    (out / "speakers" / ".part-x.parquet.tmp").write_bytes(b"half")

    second = run(write_source(tmp_path / "b.jsonl"), out, cluster_client, partition_size=2)
    assert (second.documents, second.skipped) == (len(ARTICLES) - 2, 2)
    assert not orphan.exists() and not list((out / "speakers").glob(".part-*"))
    assert {p: os.stat(p).st_mtime_ns for p in committed} == committed
    ids = duckdb.sql(f"SELECT article_id FROM {table(out, 'articles')}").fetchall()
    assert sorted(i for (i,) in ids) == sorted(ARTICLES)  # each exactly once
    [(quotes,)] = duckdb.sql(f"SELECT count(*) FROM {table(out, 'quotes')} WHERE article_id = 'ferry-1'").fetchall()
    assert quotes == len(bodies["ferry-1"]["quotes"])  # not doubled by the orphan


def test_a_killed_parquet_run_resumes_with_every_quotation_once(tmp_path, cluster_client):
    """Kill a real `python -m service.archive --format parquet` (and its cluster) mid-run, then rerun."""
    total = 60
    ids = [f"n{i:03d}" for i in range(total)]
    texts = [ARTICLES[f"ferry-{1 + i % 4}"] for i in range(total)]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, texts)), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "service.archive", str(source), str(out), "--format", "parquet"]
    command += ["--workers", "1", "--partition-size", "2", "--no-progress"]
    process = subprocess.Popen(
        command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while len(parquet.table_paths(out, "articles")) < 3:
            assert process.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline, "the run wrote nothing within 60 s"
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the client and its worker processes, like a crash
        process.wait(timeout=30)
    before = len(duckdb.sql(f"SELECT article_id FROM {table(out, 'articles')}").fetchall())
    assert 0 < before < total

    summary = run(source, out, cluster_client, partition_size=7)
    assert (summary.skipped, summary.documents) == (before, total - before)
    got = duckdb.sql(f"SELECT article_id, quotes FROM {table(out, 'articles')}").fetchall()
    assert sorted(i for i, _ in got) == ids  # each exactly once
    counted = dict(duckdb.sql(f"SELECT article_id, count(*) FROM {table(out, 'quotes')} GROUP BY ALL").fetchall())
    assert counted == {i: n for i, n in got if n}  # no quotation twice, none missing
    assert not list(out.rglob(".part-*"))


def test_one_output_folder_holds_one_format(tmp_path, cluster_client, capsys):
    out = tmp_path / "out"
    source = write_source(tmp_path / "a.jsonl", ["ferry-5"])
    run(source, out, cluster_client, output_format="jsonl")
    with pytest.raises(output.OutputFormatMismatch, match="holds jsonl partitions"):
        run(source, out, cluster_client)
    argv = [str(source), str(out), "--format", "parquet", "--scheduler", cluster_client.scheduler.address]
    assert archive_cli([*argv, "--no-progress"]) == 1
    assert "rerun with --format jsonl" in capsys.readouterr().err


def test_the_speaker_summary_of_parquet_equals_that_of_jsonl(tmp_path, cluster_client, bodies):
    source = write_source(tmp_path / "a.jsonl")
    tables = {}
    for output_format in ("jsonl", "parquet"):
        out, path = tmp_path / output_format, tmp_path / f"{output_format}.csv"
        argv = [str(source), str(out), "--format", output_format, "--summary", str(path), "--no-progress"]
        assert archive_cli([*argv, "--scheduler", cluster_client.scheduler.address]) == 0
        with open(path, encoding="utf-8", newline="") as handle:
            tables[output_format] = list(csv.DictReader(handle))
    assert tables["parquet"] == tables["jsonl"]
    expected = rows(count_records(body | {"id": doc_id} for doc_id, body in bodies.items()))
    assert tables["parquet"] == [{k: str(v) for k, v in row.items()} for row in expected]
    # "Abara" alone (ferry-4) is counted with Ruth Abara; spokespeople are a class, not a speaker
    abara = next(row for row in tables["parquet"] if row["speaker"] == "Ruth Abara")
    assert abara["articles"] == "3" and "Abara (1)" in abara["variants"]
    anonymous = next(row for row in tables["parquet"] if row["counted_as"] == "class" and row["kind"] == "anonymous")
    assert (anonymous["speaker"], anonymous["quotes"], anonymous["articles"]) == ("anonymous sources", "2", "2")


# --- the quote index on the cluster ---------------------------------------------------------------


def test_the_quote_index_finds_the_quotation_in_three_articles_and_flags_the_misattribution(
    parquet_out, tmp_path, cluster_client
):
    index = build_index(str(parquet_out), cluster_client)
    [group] = [rows for rows in _groups(index) if {r["article_id"] for r in rows} >= {"ferry-1", "ferry-3"}]
    assert [(r["article_id"], r["kind"], r["contained"], r["speaker_name"]) for r in group] == [
        ("ferry-1", "direct", False, "Ruth Abara"),
        ("ferry-2", "partial", True, "Ruth Abara"),  # a part of the longer quotation
        ("ferry-3", "direct", False, "Ines Varga"),  # the same words, given to someone else
    ]
    for row in group:
        assert ARTICLES[row["article_id"]][row["start"] : row["end"]] == row["text"]
        assert (row["group_articles"], row["group_quotes"], row["group_speakers"]) == (3, 3, 2)
        assert row["multiple_speakers"] is True
    assert group[0]["longest_text"] == "We cannot keep running half-empty boats across the bay every hour,"
    assert len(_groups(index)) == 1  # nothing else was printed twice

    # the same index from the command line, as Parquet, read back with DuckDB; and from JSONL output
    path = tmp_path / "quote-index.parquet"
    source = write_source(tmp_path / "in.jsonl")
    argv = [str(source), str(parquet_out), "--format", "parquet", "--quote-index", str(path), "--no-progress"]
    assert archive_cli([*argv, "--scheduler", cluster_client.scheduler.address]) == 0
    flagged = duckdb.sql(
        f"SELECT group_id, list(article_id ORDER BY article_id), list(DISTINCT speaker_name) "
        f"FROM read_parquet('{path}') WHERE multiple_speakers GROUP BY group_id"
    ).fetchall()
    assert [(g, a, sorted(s)) for g, a, s in flagged] == [
        (1, ["ferry-1", "ferry-2", "ferry-3"], ["Ines Varga", "Ruth Abara"])
    ]
    jsonl_out = tmp_path / "jsonl"
    run(source, jsonl_out, cluster_client, output_format="jsonl", partition_size=3)
    assert build_index(str(jsonl_out), cluster_client) == index


def _groups(index: list[dict]) -> list[list[dict]]:
    found: dict[int, list[dict]] = {}
    for row in index:
        found.setdefault(row["group_id"], []).append(row)
    return list(found.values())
