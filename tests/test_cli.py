"""The command line's error reporting, without starting Prefect."""

import os

import evkonyv.flows.main
import pytest
from typer.testing import CliRunner

from evkonyv.cli import app
from evkonyv.errors import ValidationFailed

SEED = "raw/huwiki_1953-1956.txt"


class FakeFlow:
    """Stands in for the Prefect flow: the command picks a task runner, then calls it."""

    def __init__(self, body):
        self.body = body

    def with_options(self, **_):
        return self.body


def test_validation_failure_prints_the_report(monkeypatch, tmp_path):
    def failing_flow(**_):
        raise ValidationFailed(
            "validation failed: 1 failing checks in 1 table(s); nothing was published", "table events:\n  column month fail ..."
        )

    monkeypatch.setattr(evkonyv.flows.main, "evkonyv_flow", FakeFlow(failing_flow))
    monkeypatch.setattr(os, "environ", dict(os.environ))  # the command sets Prefect's quiet settings
    result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path)])
    assert result.exit_code == 1
    assert "evkonyv: error: validation failed" in result.output
    assert "table events:" in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_raw_path_fails_before_the_flow(monkeypatch, tmp_path):
    def unexpected(**_):
        raise AssertionError("the flow must not start")

    monkeypatch.setattr(evkonyv.flows.main, "evkonyv_flow", FakeFlow(unexpected))
    result = CliRunner().invoke(app, ["run", "--raw", str(tmp_path / "nope"), "--output", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"evkonyv: error: {tmp_path / 'nope'}: no such file or folder"


def test_folder_without_raw_files(monkeypatch, tmp_path):
    monkeypatch.setattr(
        evkonyv.flows.main, "evkonyv_flow", FakeFlow(lambda **_: (_ for _ in ()).throw(AssertionError("no flow")))
    )
    (tmp_path / "notes.md").write_text("x")
    result = CliRunner().invoke(app, ["run", "--raw", str(tmp_path), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip() == f"evkonyv: error: {tmp_path}: folder holds no *.txt files"
    assert not (tmp_path / "out").exists()


def _no_flow(monkeypatch):
    monkeypatch.setattr(
        evkonyv.flows.main, "evkonyv_flow", FakeFlow(lambda **_: (_ for _ in ()).throw(AssertionError("no flow")))
    )


def _one_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("epoch", ["abc", "4354819200", "99999999999", "²", "-5", "1.5", " 17"])
def test_a_source_date_epoch_the_release_cannot_carry_is_one_line(monkeypatch, tmp_path, epoch):
    _no_flow(monkeypatch)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert _one_line(result).startswith(f"evkonyv: error: SOURCE_DATE_EPOCH={epoch!r}: not a time the release can carry")
    assert not (tmp_path / "out").exists()


def test_source_date_epoch_in_range_is_the_release_date(monkeypatch):
    import datetime as dt

    from evkonyv.release.build import LATEST_EPOCH, release_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(LATEST_EPOCH))
    assert release_date() == dt.datetime(2107, 12, 31, 23, 59, 59)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert release_date() == dt.datetime(1970, 1, 1)  # (the zip writes 1980, its earliest)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert release_date() is None


def test_a_prefect_api_url_nothing_answers_at_is_one_line(monkeypatch, tmp_path):
    import socket
    import time

    _no_flow(monkeypatch)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there
    silent = socket.socket()  # accepts connections and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        for url in (f"http://127.0.0.1:{port}/api", f"http://127.0.0.1:{silent.getsockname()[1]}/api", "not a url"):
            monkeypatch.setenv("PREFECT_API_URL", url)
            start = time.monotonic()
            result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path / "out")])
            assert time.monotonic() - start < 15
            assert result.exit_code == 1
            assert _one_line(result).startswith(f"evkonyv: error: PREFECT_API_URL={url}: no Prefect server answered")
    finally:
        silent.close()


def test_serve_refuses_a_bad_cron_before_any_server_starts(monkeypatch):
    import evkonyv.flows.serving as serving

    def no_server(*_args, **_kwargs):
        raise AssertionError("no server may start")

    monkeypatch.setattr(serving, "prefect_api", no_server)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(app, ["serve", "--cron", "not a cron", "--raw", SEED])
    assert result.exit_code == 1
    assert _one_line(result).startswith("evkonyv: error: --cron 'not a cron': not a cron schedule")


def test_serve_refuses_a_bad_number_of_parse_processes_before_any_server_starts(monkeypatch):
    import evkonyv.flows.serving as serving

    monkeypatch.setattr(serving, "prefect_api", lambda *_a, **_k: (_ for _ in ()).throw(AssertionError("no server may start")))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = CliRunner().invoke(app, ["serve", "--raw", SEED, "--parse-processes", "many"])
    assert result.exit_code == 2
    assert "neither a number of processes" in result.output


def test_parse_processes_reach_the_flow(monkeypatch, tmp_path):
    def flow(**parameters):  # (the flow runs in a child process: it answers through its error)
        raise ValidationFailed(f"parse_processes={parameters['parse_processes']!r}", "")

    monkeypatch.setattr(evkonyv.flows.main, "evkonyv_flow", FakeFlow(flow))
    monkeypatch.setattr(os, "environ", dict(os.environ))
    result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path / "out"), "--parse-processes", "2"])
    assert "parse_processes=2" in result.output
    result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path / "out"), "--parse-processes", "auto"])
    assert "parse_processes=None" in result.output  # chosen by the flow, by the input's size
    result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path / "out")])
    assert "parse_processes=1" in result.output  # by default: this process alone


@pytest.mark.parametrize("value", ["0", "two", "-1", ""])
def test_a_number_of_parse_processes_that_is_none_is_refused(monkeypatch, tmp_path, value):
    monkeypatch.setattr(
        evkonyv.flows.main, "evkonyv_flow", FakeFlow(lambda **_: (_ for _ in ()).throw(AssertionError("no flow")))
    )
    result = CliRunner().invoke(app, ["run", "--raw", SEED, "--output", str(tmp_path / "out"), "--parse-processes", value])
    assert result.exit_code == 2
    assert "neither a number of processes" in result.output


@pytest.mark.parametrize("spread", [["--workers", "2"], ["--dask-address", "tcp://127.0.0.1:1"]])
@pytest.mark.parametrize("processes", ["2", "auto"])
def test_parse_processes_with_another_spread_is_refused(monkeypatch, tmp_path, spread, processes):
    monkeypatch.setattr(
        evkonyv.flows.main, "evkonyv_flow", FakeFlow(lambda **_: (_ for _ in ()).throw(AssertionError("no flow")))
    )
    result = CliRunner().invoke(
        app, ["run", "--raw", SEED, "--output", str(tmp_path / "out"), "--parse-processes", processes, *spread]
    )
    assert result.exit_code == 2
    assert "--parse-processes" in result.output and "give it alone" in result.output
    assert not (tmp_path / "out").exists()
