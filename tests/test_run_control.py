"""The command under signals, refusals, guards and a broken Prefect home (runs real `evkonyv run` processes)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, SEED, digests

pytestmark = pytest.mark.flow
COMMAND = [str(Path(sys.executable).parent / "evkonyv"), "run"]


@pytest.fixture
def env(tmp_path):
    """A Prefect home of this test's own: processes still running with it are ours."""
    environment = dict(os.environ)
    environment["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    environment.pop("PREFECT_API_URL", None)
    return environment


def processes_of(prefect_home: str) -> list[int]:
    """Live processes whose environment names ``prefect_home`` (the run, its flow process, its server)."""
    needle = f"PREFECT_HOME={prefect_home}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if (
                needle in (entry / "environ").read_bytes().split(b"\0")
                and b"Z" not in (entry / "stat").read_bytes().split(b")")[-1][:3]
            ):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def no_process_left(env, within=10.0) -> bool:
    deadline = time.monotonic() + within
    while processes_of(env["PREFECT_HOME"]):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def start(env, *args, cwd=ROOT):
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")  # noqa: SIM115 - finish() closes them
    process = subprocess.Popen([*COMMAND, *args], cwd=cwd, env=env, stdout=out, stderr=err)
    return process, out, err


def finish(process, out, err, timeout=300):
    code = process.wait(timeout=timeout)
    with out, err:
        out.seek(0)
        err.seek(0)
        return code, out.read(), err.read()


def run(env, *args, cwd=ROOT):
    return finish(*start(env, *args, cwd=cwd))


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "project"
    (folder / "raw").mkdir(parents=True)
    shutil.copy(SEED, folder / "raw" / SEED.name)
    (folder / "README.md").write_text("mine")
    return folder


@pytest.mark.parametrize("output", [".", "raw"])
def test_output_holding_the_input_is_refused_before_any_work(env, project, output):
    code, _, err = run(env, "--output", output, "--force", cwd=project)
    assert code == 1 and err.startswith("evkonyv: error: --output") and err.count("\n") == 1, err
    assert (project / "raw" / SEED.name).exists() and (project / "README.md").read_text() == "mine"
    assert not Path(env["PREFECT_HOME"]).exists()  # refused before Prefect started


def wait_for(path: Path, timeout=120.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.1)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_sigint_and_sigterm_stop_the_run_and_leave_the_release(env, project, sig, code):
    assert run(env, cwd=project)[0] == 0
    before = digests(project / "output")
    (project / "raw" / SEED.name).write_text(SEED.read_text(encoding="utf-8").replace("letartóztatják", "elfogják"))
    process, out, err = start(env, cwd=project)
    wait_for(Path(env["PREFECT_HOME"]) / "prefect.db")  # the server is up, the flow on its way
    time.sleep(1.0)
    process.send_signal(sig)
    returncode, _, stderr = finish(process, out, err, timeout=30)
    assert returncode == code, stderr
    assert stderr.strip().count("\n") == 0 and f"stopped by {sig.name}" in stderr and "as it was" in stderr
    assert digests(project / "output") == before
    assert no_process_left(env)


def test_sigkill_leaves_no_server_behind(env, project):
    process, out, err = start(env, cwd=project)
    wait_for(Path(env["PREFECT_HOME"]) / "prefect.db")
    time.sleep(1.0)
    assert len(processes_of(env["PREFECT_HOME"])) >= 2  # the command and its server at least
    process.kill()
    finish(process, out, err)
    assert no_process_left(env)
    assert run(env, cwd=project)[0] == 0  # the next run cleans up and publishes


def test_sigkill_during_a_parse_on_two_processes_leaves_no_worker_behind(env, project, tmp_path):
    from benchmarks.generate import generate

    raw = tmp_path / "big"
    generate(400, raw, per_file=400)  # one file of 6 MB: its parse takes seconds
    process, out, err = start(env, "--raw", str(raw), "--parse-processes", "2", cwd=project)
    deadline = time.monotonic() + 120
    while not [pid for pid in processes_of(env["PREFECT_HOME"]) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]:
        assert time.monotonic() < deadline and process.poll() is None, "no parse worker was started"
        time.sleep(0.05)
    process.kill()
    finish(process, out, err)
    assert no_process_left(env)  # the flow, its parse worker (however early) and the server died with the command
    assert not (project / "output").exists()


def test_failure_after_publishing_says_published_and_exits_0(env, project):
    code, stdout, stderr = run({**env, "EVKONYV_FAULT": "raise:flow:after-publish"}, cwd=project)
    assert code == 0, stderr
    assert "published into" in stdout and "failed after publishing" in stderr
    assert (project / "output" / "events.parquet").exists()


def test_broken_prefect_home_is_one_line_at_once(env, project, tmp_path):
    (tmp_path / "a-file").write_text("x")
    started = time.monotonic()
    code, _, err = run({**env, "PREFECT_HOME": str(tmp_path / "a-file" / "home")}, cwd=project)
    assert code == 1 and err.startswith("evkonyv: error: PREFECT_HOME") and err.count("\n") == 1, err
    assert time.monotonic() - started < 60  # not minutes of retries
    assert not (project / "output" / "events.parquet").exists()


def test_folder_of_notes_does_not_replace_a_release(env, project, tmp_path):
    assert run(env, cwd=project)[0] == 0
    before = digests(project / "output")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("buy milk\ncall the bank\n")
    code, _, err = run(env, "--raw", str(notes), cwd=project)
    assert code == 1 and "would publish no records" in err and err.count("\n") == 1, err
    assert digests(project / "output") == before


def test_symlink_to_a_file_outside_raw_is_never_published(env, project, tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (project / "raw" / "x.txt").symlink_to(secret)
    code, _, err = run(env, cwd=project)
    assert code == 0, err
    assert "x.txt: a symlink to" in err and "refused, not read" in err
    for file in (project / "output").iterdir():
        if file.is_file():
            assert b"root:x:0:0" not in file.read_bytes(), file.name


FULL_DISKS = r"""
set -u
mount -t tmpfs -o size=200k tmpfs "$WORK/small-out"
mount -t tmpfs -o size=300k tmpfs "$WORK/small-tmp"
TMPDIR="$WORK/tmp" "$EVKONYV" run --raw "$SEED" --output "$WORK/small-out/out" > /dev/null 2> "$WORK/err-output"
echo "output $?"
ls -A "$WORK/small-out" | sed 's/^/output-fs /'
TMPDIR="$WORK/small-tmp" "$EVKONYV" run --raw "$SEED" --output "$WORK/out" > /dev/null 2> "$WORK/err-tmp"
echo "tmp $?"
ls -A "$WORK/small-tmp" | sed 's/^/tmp-fs /'
"""


def test_full_file_systems_leave_nothing_behind(env, tmp_path):
    """The output's file system full, then TMPDIR's (tmpfs mounts of a few hundred KB, in a mount
    namespace of the test's own): each run fails in one line naming the folder, and leaves no
    scratch release, staging folder or half-written output (the output's lock file stays, by design)."""
    for folder in ("small-out", "small-tmp", "tmp"):
        (tmp_path / folder).mkdir()
    variables = {**env, "WORK": str(tmp_path), "EVKONYV": COMMAND[0], "SEED": str(SEED)}
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "bash", "-c", FULL_DISKS],
        env=variables, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    errors = {name: (tmp_path / name).read_text() for name in ("err-output", "err-tmp") if (tmp_path / name).exists()}
    assert lines == ["output 1", "output-fs .out.lock", "tmp 1"], (done.stdout, errors)
    error = (tmp_path / "err-output").read_text().splitlines()
    assert error == [f"evkonyv: error: {tmp_path}/small-out/out: cannot write the release (No space left on device)"]
    error = (tmp_path / "err-tmp").read_text().splitlines()
    assert len(error) == 1 and error[0].startswith(f"evkonyv: error: {tmp_path}/small-tmp")
    assert "cannot build the release in the temporary folder (No space left on device)" in error[0]
    assert list((tmp_path / "tmp").iterdir()) == []  # the first run's scratch release is gone
    assert not (tmp_path / "out").exists()
