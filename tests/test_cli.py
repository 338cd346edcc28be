"""The command line's error reporting, without starting Prefect."""

import os

import evkonyv.flows.main
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
