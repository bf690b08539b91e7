"""The batch on a Dask cluster: ``extract_many(..., client=...)`` and ``extract --scheduler``
give the records of the local run (a LocalCluster of two worker processes)."""
import json
from pathlib import Path

import pytest

import textmine
from textmine.cli import main

pytest.importorskip("dask.distributed", reason='Dask is not installed: pip install '
                                              '"textmine[dask]" (it is in [dev])')
pytest.importorskip("pyarrow", reason="pyarrow is not installed (textmine[dask])")
from dask.distributed import Client, LocalCluster  # noqa: E402

REPORTS = Path(__file__).parents[1] / "corpus" / "reports"


def _head(path: Path, chars: int = 2500) -> str:
    """The first paragraphs of a report, up to about ``chars`` characters."""
    kept, size = [], 0
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        if size > chars:
            break
        kept.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(kept) + "\n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask-in")
    for source in sorted(REPORTS.glob("dev2-*.txt"))[:4]:
        (folder / source.name).write_text(_head(source), encoding="utf-8")
    (folder / "zz-broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # reported, not fatal
    return folder


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def local_records(inputs):
    errors = []
    records = list(textmine.extract_many([inputs], workers=1, on_error=errors.append))
    assert [Path(e.path).name for e in errors] == ["zz-broken.txt"]
    return records


def test_extract_many_on_a_cluster_equals_the_local_run(inputs, cluster, local_records):
    errors = []
    with Client(cluster) as client:
        records = list(textmine.extract_many([inputs], client=client, on_error=errors.append))
        # each worker loaded its pipeline once, and both did work
        loaded = client.run(lambda: len(__import__("textmine.batch").batch._WORKERS))
    assert len({r["report"] for r in records}) == 4 and len(records) >= 8
    assert records == local_records
    assert [Path(e.path).name for e in errors] == ["zz-broken.txt"]
    assert "binary file" in errors[0].problem
    assert sorted(loaded.values()) == [1, 1]


def test_extract_scheduler_writes_partitioned_parquet(inputs, cluster, local_records,
                                                     tmp_path, capsys):
    import pandas as pd

    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--scheduler", cluster.scheduler_address,
                 "-o", str(out)]) == 1  # the broken file
    err = capsys.readouterr().err
    assert "zz-broken.txt: binary file" in err and "1 file(s) failed" in err
    errors = [json.loads(line) for line in
              (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["zz-broken.txt"]
    parts = sorted(p.name for p in (out / "passages").iterdir())
    assert len(parts) == 4 and parts[0].startswith("part-00000-dev2-")
    passages = pd.read_parquet(out / "passages")
    fields = ["report", "passage_id", "start", "end", "municipality", "theme_predicted", "text"]
    assert passages[fields].to_dict("records") == [
        {key: (r["municipality"] or {}).get("name") if key == "municipality" else
         (r["theme"] or {}).get("predicted") if key == "theme_predicted" else r[key]
         for key in fields} for r in local_records]
    numbers = pd.read_parquet(out / "numbers")
    assert len(numbers) == sum(len(r["numbers"]) for r in local_records)
    assert sorted(numbers["text"]) == sorted(n["text"] for r in local_records
                                             for n in r["numbers"])


@pytest.mark.parametrize("extra, problem", [
    (["-o", "-"], "-o OUT_DIR is needed"),
    (["-o", "{tmp}/missing/out"], "does not exist"),
    (["-o", "{tmp}/file.txt"], "is not a folder"),
    (["-o", "{tmp}/busy"], "holds other files"),
    (["-o", "."], "holds other files"),
    (["-o", "{tmp}/out", "--workers", "2"], "--workers is for local runs"),
])
def test_scheduler_bad_output_is_refused_before_connecting(tmp_path, inputs, capsys, extra,
                                                           problem):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in extra]
    # no cluster listens there: the check must come first
    assert main(["extract", str(inputs), "--scheduler", "tcp://127.0.0.1:9", *args]) == 2
    assert problem in capsys.readouterr().err
    assert (tmp_path / "busy" / "notes.txt").exists()


def test_files_the_workers_cannot_reach_and_failed_tasks_are_reported(cluster, tmp_path):
    from textmine import distributed
    from textmine.batch import Settings

    gone = tmp_path / "not-shared.txt"  # as a file only the client's machine has
    with Client(cluster) as client:
        [missing] = distributed.process_files(client, [gone], Settings(no_themes=True))
        [failed] = distributed.process_files(
            client, [gone], Settings(model=str(tmp_path / "no-such-model"), no_themes=True))
    assert missing.error.startswith("not found on the worker") and not missing.passages
    assert "shared filesystem" in missing.error
    assert failed.error.startswith("failed on the cluster (") and failed.report_id == "not-shared"
