"""The tuning / held-out split (service.evalsplit) and the `--part` option of
service.evaluate and service.calibrate."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from service import evalsplit, evaluate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
POLNEAR = SHARED / "polnear-train.jsonl"


def corpus(publishers=("gazette", "herald", "courier"), per=120):
    return [
        {"id": f"{p}-{n:03d}", "text": f"Story {n}.", "quotes": [], "meta": {"publisher": p}}
        for p in publishers
        for n in range(per)
    ]


def test_a_fifth_of_each_publisher_is_held_out():
    docs = corpus(per=120) + corpus(("weekly",), per=7)
    parts = evalsplit.assign(docs)
    held = Counter(evalsplit.stratum(d) for d in docs if parts[d["id"]] == "heldout")
    assert held == {"gazette": 24, "herald": 24, "courier": 24, "weekly": 2}


def test_the_parts_are_disjoint_cover_everything_and_keep_file_order():
    docs = corpus()
    tune, heldout = evalsplit.select(docs, "tune"), evalsplit.select(docs, "heldout")
    ids = [d["id"] for d in docs]
    assert not {d["id"] for d in tune} & {d["id"] for d in heldout}
    assert sorted(d["id"] for d in tune + heldout) == sorted(ids)
    assert [d["id"] for d in heldout] == [i for i in ids if i in {d["id"] for d in heldout}]
    assert evalsplit.select(docs, "all") == docs


def test_the_split_depends_on_ids_only_not_on_order_or_content():
    docs = corpus()
    shuffled = sorted(docs, key=lambda d: d["id"][::-1])
    derived = [{**d, "text": "rewritten", "quotes": [{"roles_ok": ["mayor"]}]} for d in docs]
    assert evalsplit.assign(docs) == evalsplit.assign(shuffled) == evalsplit.assign(derived)
    again = subprocess.run(
        [sys.executable, "-c", "from tests.test_evalsplit import corpus; from service.evalsplit import assign;"
         "print(sorted(k for k, v in assign(corpus()).items() if v == 'heldout'))"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert again.stdout.strip() == str(sorted(k for k, v in evalsplit.assign(docs).items() if v == "heldout"))


def test_part_of_one_document():
    docs = corpus()
    parts = evalsplit.assign(docs)
    assert all(evalsplit.part_of(d, docs) == parts[d["id"]] for d in docs[:40])


def test_documents_without_a_publisher_are_stratified_by_source():
    docs = [{"id": f"s{n}", "source": "bbc", "quotes": []} for n in range(10)]
    assert Counter(evalsplit.assign(docs).values()) == {"tune": 8, "heldout": 2}


def test_an_unknown_part_is_refused():
    with pytest.raises(ValueError):
        evalsplit.select(corpus(), "train")


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_evaluate_scores_one_part_and_keeps_its_default_output(tmp_path, capsys):
    docs = corpus(per=10)
    write_jsonl(tmp_path / "gold.jsonl", docs)
    write_jsonl(tmp_path / "pred.jsonl", [{"id": d["id"], "quotes": []} for d in docs])
    runs = {}
    for extra in ([], ["--part", "all"], ["--part", "heldout"], ["--part", "tune"]):
        evaluate.main([str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl"), *extra])
        out, err = capsys.readouterr()
        result = json.loads(out)
        result.pop("seconds")
        runs[" ".join(extra)] = (result, err)
    assert runs[""] == runs["--part all"]
    assert runs[""][1] == ""  # nothing more is printed by default
    assert runs[""][0]["docs"] == 30
    assert runs["--part heldout"][0]["docs"] == 6
    assert runs["--part tune"][0]["docs"] == 24
    assert runs["--part heldout"][1].startswith("part heldout: 6 documents; split: tune 24 documents")


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/eval/polnear-train.jsonl")
def test_polnear_splits_24_of_120_per_publisher_and_its_role_probe_the_same(tmp_path):
    docs = evaluate.read_jsonl(str(POLNEAR))
    parts = evalsplit.assign(docs)
    per = Counter((d["meta"]["publisher"], parts[d["id"]]) for d in docs)
    publishers = {d["meta"]["publisher"] for d in docs}
    assert len(publishers) == 7
    assert all(per[p, "heldout"] == 24 and per[p, "tune"] == 96 for p in publishers)
    roles = tmp_path / "roles.jsonl"
    subprocess.run([sys.executable, SHARED / "polnear_roles.py", POLNEAR, roles], check=True, capture_output=True)
    assert evalsplit.assign(evaluate.read_jsonl(str(roles))) == parts
