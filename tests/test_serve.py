"""`evkonyv serve`: a scheduled deployment on a Prefect server it starts, a triggered run, Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

pytestmark = pytest.mark.flow
BIN = Path(sys.executable).parent


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_schedules_and_runs(tmp_path):
    project = tmp_path / "project"
    (project / "raw").mkdir(parents=True)
    (project / "raw" / "seed.txt").write_bytes((ROOT / "raw" / "huwiki_1953-1956.txt").read_bytes())
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = (tmp_path / "serve.log").open("w+")
    # as from a terminal: Ctrl-C at its default (a child inherits an ignored signal, and a test suite started
    # in the background by a non-interactive shell ignores SIGINT: then the Ctrl-C below would never arrive)
    serving = subprocess.Popen([str(BIN / "evkonyv"), "serve", "--cron", "15 4 * * *", "--parse-processes", "2"], cwd=project, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
    try:
        read_log = lambda: (tmp_path / "serve.log").read_text()  # noqa: E731
        wait_for(lambda: "serving deployment" in read_log(), 180, "the deployment to be served")
        api_url = re.search(r"API at (http://127\.0\.0\.1:\d+/api)", read_log()).group(1)
        name = re.search(r"serving deployment (evkonyv/evkonyv-output-[0-9a-f]{8}) ", read_log()).group(1)
        assert "UI at http://127.0.0.1:" in read_log()
        client_env = {**env, "PREFECT_API_URL": api_url}

        inspect = subprocess.run([str(BIN / "prefect"), "deployment", "inspect", name, "-o", "json"],
                                 env=client_env, capture_output=True, text=True, timeout=120)  # fmt: skip
        assert inspect.returncode == 0, inspect.stderr
        deployment = yaml.safe_load(inspect.stdout)
        assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["15 4 * * *"]
        assert deployment["parameters"] == {
            "raw": [str(project / "raw")],
            "output": str(project / "output"),
            "parse_processes": 2,
        }

        run = subprocess.run([str(BIN / "prefect"), "deployment", "run", name, "--watch"],
                             env=client_env, capture_output=True, text=True, timeout=300)  # fmt: skip
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        assert (project / "output" / "datapackage.json").exists()
        assert (project / "output" / "events.parquet").exists()
    finally:
        os.killpg(serving.pid, signal.SIGINT)  # Ctrl-C
        code = serving.wait(timeout=180)  # a loaded machine stops Prefect slowly
    assert code == 0, (tmp_path / "serve.log").read_text()[-2000:]
    assert "stopped serving" in (tmp_path / "serve.log").read_text()
    # every client of the serving talked to the server it started: none started a temporary one of its own
    # (Ctrl-C would stop that one under the runner, and serving would end on a connection error)
    assert "Starting temporary server" not in (tmp_path / "serve.log").read_text()


def test_prefect_yaml_deploys_the_main_flow():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    [deployment] = config["deployments"]
    module, _, function = deployment["entrypoint"].partition(":")
    assert (ROOT / module).exists() and f"def {function}(" in (ROOT / module).read_text()
    assert deployment["schedules"][0]["cron"] == "0 3 * * *"
    assert deployment["work_pool"]["name"] == "evkonyv-process"


def test_prefect_api_leaves_no_address_behind(monkeypatch):
    """The local server's address is set for the serving and removed with the server."""
    import evkonyv.flows.serving as serving

    class FakeServer:
        def __init__(self, *args, **kwargs):
            self.stopped = False

        def poll(self):
            return None

        def terminate(self):
            self.stopped = True

        def wait(self, timeout=None):
            return 0

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(serving.subprocess, "Popen", FakeServer)
    monkeypatch.setattr(serving, "healthy", lambda url: True)
    with serving.prefect_api(announce=lambda line: None) as api_url:
        assert os.environ["PREFECT_API_URL"] == api_url
    assert "PREFECT_API_URL" not in os.environ


def test_deployments_are_named_after_their_input_and_output(tmp_path):
    from evkonyv.flows.serving import deployment_name

    one = deployment_name([tmp_path / "raw"], tmp_path / "output")
    assert re.fullmatch(r"evkonyv-output-[0-9a-f]{8}", one)
    assert deployment_name([tmp_path / "raw"], tmp_path / "output") == one  # stable
    assert deployment_name([tmp_path / "raw"], tmp_path / "other") != one  # another output: another deployment
    assert deployment_name([tmp_path / "raw2"], tmp_path / "output") != one  # another input too
    assert deployment_name([tmp_path / "r"], tmp_path / "Kiadás 2").startswith("evkonyv-kiad-s-2-")
