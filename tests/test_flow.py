"""The Prefect flow and the ``evkonyv`` command, end to end on the seed file."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import ROOT, SEED, SEED_ROWS, digests

pytestmark = pytest.mark.flow


def test_flow_publishes_the_seed(harness, tmp_path):
    from evkonyv.flows.main import evkonyv_flow

    summary = evkonyv_flow(raw=[str(SEED)], output=str(tmp_path))
    assert summary["rows"] == SEED_ROWS
    assert summary["records_by_article"] == {
        "1953": {"event": 35, "birth": 6, "death": 10},
        "1954": {"event": 39, "birth": 6, "death": 6},
        "1956": {"event": 90, "birth": 9, "death": 13},
    }
    assert summary["duplicates_removed"] == 1

    births = pd.read_parquet(tmp_path / "births.parquet")
    williams = births.set_index("name").loc["Stanley Williams"]
    assert (int(williams["death_year"]), int(williams["month"]), int(williams["day"])) == (2005, 12, 29)
    deaths = pd.read_parquet(tmp_path / "deaths.parquet")
    bunyin = deaths.set_index("name").loc["Ivan Alekszejevics Bunyin"]
    assert int(bunyin["birth_year"]) == 1870 and list(bunyin["quality_flags"]) == ["wrong_year_symbol"]
    lines = pd.read_parquet(tmp_path / "source_lines.parquet")
    assert len(lines) == len(lines.drop_duplicates(["source_file", "line"])) == 448
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert articles["duplicate_of"].notna().sum() == 1


def test_flow_run_is_deterministic(harness, tmp_path):
    from evkonyv.flows.main import evkonyv_flow

    evkonyv_flow(raw=[str(SEED)], output=str(tmp_path / "a"))
    evkonyv_flow(raw=[str(SEED)], output=str(tmp_path / "b"))
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_the_flow_publishes_what_the_pipeline_run_publishes(harness, tmp_path):
    """The flow is the pipeline's stages wrapped in tasks: on several files (batches, a duplicate across
    files) it publishes, byte for byte, what :func:`evkonyv.pipeline.run` publishes without Prefect."""
    from evkonyv.flows.main import evkonyv_flow

    from evkonyv.pipeline import run

    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "tests" / "fixtures" / "real-excerpts" / "raw", raw)
    shutil.copy(SEED, raw / "a_seed.txt")
    shutil.copy(SEED, raw / "z_seed_again.txt")
    flowed = evkonyv_flow(raw=[str(raw)], output=str(tmp_path / "flow"), cache_dir=str(tmp_path / "cache"))
    ran = run([raw], tmp_path / "run")
    assert digests(tmp_path / "flow") == digests(tmp_path / "run")
    assert {**flowed, "output": ""} == {**ran.as_dict(), "output": ""}
    # the second copy of the seed is removed whole: its five article texts (1953, 1954, 1956 and the
    # revolution article twice) come on top of what the files hold without it
    (raw / "z_seed_again.txt").unlink()
    without_copy = run([raw], tmp_path / "without-copy").as_dict()
    assert flowed["duplicates_removed"] == without_copy["duplicates_removed"] + 5
    for table in ("events", "births", "deaths", "timeline"):
        assert flowed["rows"][table] == without_copy["rows"][table]


def test_summary_artifact(harness, tmp_path):
    from evkonyv.flows.main import evkonyv_flow
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    state = evkonyv_flow(raw=[str(SEED)], output=str(tmp_path), return_state=True)
    # this run's artifacts only: the other flow tests share the server and store the same keys
    this_run = ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id]))
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=this_run)
    summaries = [a for a in artifacts if a.key == "evkonyv-run-summary"]
    assert len(summaries) == 1 and "| events | 164 |" in summaries[0].data
    reports = [a for a in artifacts if a.key == "evkonyv-quality-report"]
    assert len(reports) == 1 and "## Errata for the source articles" in reports[0].data


def test_transient_read_error_is_retried(harness, tmp_path, monkeypatch):
    from evkonyv.flows.main import evkonyv_flow

    from evkonyv.reading import sources

    real_open, calls = sources._open_regular, []  # (both ways of reading a file open it so)

    def flaky(path):
        calls.append(path)
        if len(calls) == 1:
            raise OSError(5, "Input/output error")
        return real_open(path)

    monkeypatch.setattr(sources, "_open_regular", flaky)
    monkeypatch.setattr("evkonyv.flows.main.parse_files_task.retry_delay_seconds", 0)
    summary = evkonyv_flow(raw=[str(SEED)], output=str(tmp_path))
    assert len(calls) == 2 and summary["rows"]["events"] == 164


def test_bad_input_ends_the_flow_failed(harness, tmp_path):
    from evkonyv.flows.main import evkonyv_flow

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    state = evkonyv_flow(raw=[str(empty)], output=str(tmp_path / "out"), return_state=True)
    assert state.is_failed()
    assert "empty.txt: file is empty" in state.message
    assert not (tmp_path / "out").exists()


# --- the command line, as a user runs it ---------------------------------------------


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    env.pop("PREFECT_API_URL", None)
    return env


def evkonyv(env, *args, cwd=ROOT):
    """Run the command in its own process group; output through files, not pipes, because a
    killed run leaves Prefect's temporary server (its child) holding inherited pipes open."""
    command = [str(Path(sys.executable).parent / "evkonyv"), "run", *args]
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr, start_new_session=True)
        try:
            returncode = process.wait(timeout=300)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # whatever the run left behind
        stdout.seek(0)
        stderr.seek(0)
        return subprocess.CompletedProcess(command, returncode, stdout.read(), stderr.read())


@pytest.fixture(scope="module")
def release(tmp_path_factory, cli_env):
    output = tmp_path_factory.mktemp("release")
    result = evkonyv(cli_env, "--raw", str(SEED), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output, result


def test_cli_run_prints_a_summary(release):
    output, result = release
    assert "1953" in result.stdout and "164" in result.stdout
    assert (output / "events.csv").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"), (b"", "file is empty"), (None, "no such file or folder")],
    ids=["binary", "empty", "missing"],
)
def test_bad_input_fails_cleanly_and_keeps_the_release(release, cli_env, tmp_path, content, message):
    output, _ = release
    before = digests(output)
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    result = evkonyv(cli_env, "--raw", str(bad), "--output", str(output))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0, result.stderr  # one line, no traceback
    assert message in result.stderr and result.stderr.startswith("evkonyv: error:")
    assert digests(output) == before


def test_killed_during_publish_keeps_the_release(release, cli_env, tmp_path):
    output, _ = release
    before = digests(output)
    edited = tmp_path / "edited.txt"
    edited.write_text(SEED.read_text(encoding="utf-8").replace("letartóztatják", "őrizetbe veszik"), encoding="utf-8")
    result = evkonyv({**cli_env, "EVKONYV_FAULT": "publish:before-swap"}, "--raw", str(edited), "--output", str(output))
    assert result.returncode == 128 + 9, result.stderr  # the flow process was killed: reported, in one line
    assert result.stderr.startswith("evkonyv: error: the flow process was killed by SIGKILL") and "as it was" in result.stderr
    assert digests(output) == before
    result = evkonyv(cli_env, "--raw", str(SEED), "--output", str(output))
    assert result.returncode == 0 and digests(output) == before
    leftovers = [p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}") and not p.name.endswith(".lock")]
    assert leftovers == []


def test_default_paths_from_a_checkout(cli_env, tmp_path):
    project = tmp_path / "project"
    (project / "raw").mkdir(parents=True)
    shutil.copy(SEED, project / "raw" / SEED.name)
    result = evkonyv(cli_env, cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "output" / "deaths.parquet").exists()


def test_the_flow_has_arrow_give_freed_memory_back(harness, tmp_path):
    """The flow makes Arrow allocate with the system allocator, which returns freed pages at once
    (pyarrow's default keeps them: a sixth of the peak memory at 3000 articles)."""
    import pyarrow
    from evkonyv.flows.main import evkonyv_flow

    pyarrow.set_memory_pool(pyarrow.mimalloc_memory_pool())
    try:
        evkonyv_flow(raw=[str(SEED)], output=str(tmp_path))
        assert pyarrow.default_memory_pool().backend_name == "system"
    finally:
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
