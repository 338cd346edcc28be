"""``evkonyv`` command line: ``evkonyv run`` builds a release, ``evkonyv serve`` schedules it."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from evkonyv.errors import EvkonyvError, ValidationFailed
from evkonyv.sources import find_raw_files

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Hungarian Wikipedia year articles → validated tables.")
_err = Console(stderr=True, highlight=False)
_out = Console(highlight=False)

# Measured settings for a quiet offline run on Prefect's temporary server; an
# operator's own environment wins (setdefault).
QUIET_PREFECT = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


class _HideReportedFailures(logging.Filter):
    """Keep Prefect's console free of the failure the CLI reports in one line itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            return False
        # "Finished in state Failed('Task run encountered an exception ...')" carries it as text
        message = record.getMessage()
        return not (record.levelno >= logging.ERROR and "exception" in message)


def _quiet_prefect_console() -> None:
    hide = _HideReportedFailures()
    for name in ("", "prefect"):  # Prefect's console handler sits on the root logger
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(hide)


@app.callback()
def main() -> None:
    """Build validated tables of events, births and deaths from raw hu.wikipedia exports."""


@app.command()
def run(
    raw: Annotated[
        list[Path] | None, typer.Option("--raw", help="A raw .txt file or a folder of them; repeatable. Default: raw/")
    ] = None,
    output: Annotated[Path, typer.Option("--output", help="Folder to publish the tables into.")] = Path("output"),
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show the tasks' logs.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parse this many raw files at once, in processes.")] = 1,
    dask_address: Annotated[
        str | None, typer.Option("--dask-address", help="Send the per-file tasks to this Dask scheduler (tcp://HOST:PORT).")
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Where per-file parse results are kept. Default: Prefect's local storage.")
    ] = None,
) -> None:
    """Run the main flow: read, split, dedupe, parse, classify, validate, publish."""
    raw_paths = raw or [Path("raw")]
    try:
        find_raw_files(raw_paths)  # fail fast, before Prefect starts, on a missing path
    except EvkonyvError as error:
        _fail(error)
    for key, value in QUIET_PREFECT.items():
        os.environ.setdefault(key, value)
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    from flows.main import evkonyv_flow  # imported late: Prefect reads its settings on import
    from flows.runners import task_runner

    flow = evkonyv_flow.with_options(task_runner=task_runner(workers, dask_address))

    if not verbose:
        _quiet_prefect_console()
    try:
        summary = flow(
            raw=[str(path) for path in raw_paths],
            output=str(output),
            cache_dir=str(cache_dir.absolute()) if cache_dir else None,
        )
    except EvkonyvError as error:
        _fail(error)
    except Exception as error:  # a bug: one line here, the traceback with --verbose
        _err.print(f"evkonyv: internal error: {error!r} (run with --verbose for the traceback)", markup=False, soft_wrap=True)
        raise typer.Exit(code=2) from None
    _print_summary(summary)


@app.command()
def serve(
    cron: Annotated[str, typer.Option("--cron", help="Cron schedule of the runs (UTC).")] = "0 3 * * *",
    raw: Annotated[list[Path] | None, typer.Option("--raw", help="Raw file or folder; repeatable. Default: raw/")] = None,
    output: Annotated[Path, typer.Option("--output", help="Folder to publish into.")] = Path("output"),
) -> None:
    """Serve the main flow as a scheduled deployment (default: daily at 03:00).

    Uses the Prefect server in PREFECT_API_URL, or starts a local one and prints where its UI is.
    """
    raw_paths = raw or [Path("raw")]
    try:
        find_raw_files(raw_paths)
    except EvkonyvError as error:
        _fail(error)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.serving import serve as serve_flow

    try:
        serve_flow(cron, raw_paths, output, announce=lambda line: _out.print(line, markup=False, soft_wrap=True))
    except EvkonyvError as error:
        _fail(error)
    _out.print("evkonyv: stopped serving")


def _fail(error: EvkonyvError) -> None:
    _err.print(f"evkonyv: error: {error}", markup=False, soft_wrap=True)
    if isinstance(error, ValidationFailed):
        _err.print(error.report, markup=False, soft_wrap=True)
    raise typer.Exit(code=1)


def _print_summary(summary: dict) -> None:  # type: ignore[type-arg]
    table = Table(title=f"evkonyv: release {summary['version']} published into {summary['output']}")
    table.add_column("article")
    for kind in ("event", "birth", "death"):
        table.add_column(f"{kind}s", justify="right")
    for article, counts in summary["records_by_article"].items():
        table.add_row(article, *(str(counts.get(kind, 0)) for kind in ("event", "birth", "death")))
    _out.print(table)
    _out.print("rows: " + ", ".join(f"{name} {count}" for name, count in summary["rows"].items()), soft_wrap=True)
    _out.print(
        f"quarantined lines: {summary['quarantined_lines']}; duplicate articles removed: {summary['duplicates_removed']}",
        soft_wrap=True,
    )
    for warning in summary["warnings"]:
        _err.print(f"evkonyv: warning: {warning}", markup=False, soft_wrap=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
