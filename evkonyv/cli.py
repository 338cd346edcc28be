"""``evkonyv`` command line: ``evkonyv run`` builds a release, ``evkonyv serve`` schedules it."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from evkonyv.errors import EvkonyvError, ValidationFailed
from evkonyv.flows.server import check_api_url, temporary_server
from evkonyv.processes import die_with_parent
from evkonyv.publishing.outputs import check_output, published_version, release_fingerprint
from evkonyv.reading.sources import find_raw_files
from evkonyv.release.clock import release_date

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
    parse_processes: Annotated[
        str,
        typer.Option(
            "--parse-processes",
            metavar="N|auto",
            help="Spread the parse over N processes (1: this one alone, the least memory). 'auto': one per free core "
            "when the input is 8 MiB or more. Not with --workers or --dask-address, which spread the files themselves.",
        ),
    ] = "1",
    dask_address: Annotated[
        str | None, typer.Option("--dask-address", help="Send the per-file tasks to this Dask scheduler (tcp://HOST:PORT).")
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Where per-file parse results are kept. Default: ~/.cache/evkonyv")
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an output folder that holds other files (never the input or a folder holding it)."),
    ] = False,
    allow_shrink: Annotated[
        bool,
        typer.Option(
            "--allow-shrink", help="Publish even if the run has no records or removes over half of the previous release's."
        ),
    ] = False,
) -> None:
    """Run the main flow: read, parse each file (split, parse, classify), dedupe, validate, publish."""
    raw_paths = raw or [Path("raw")]
    processes = _processes(parse_processes)
    if processes != 1 and (workers > 1 or dask_address):
        raise typer.BadParameter(
            "the files are spread over processes by --workers or --dask-address already; give it alone",
            param_hint="--parse-processes",
        )
    try:
        find_raw_files(raw_paths)  # fail fast, before Prefect starts, on a missing path
        target = check_output(output, raw_paths, force=force)  # and on an output we must not replace
        release_date()  # on a SOURCE_DATE_EPOCH the release cannot carry
        check_api_url()  # and on a PREFECT_API_URL nothing answers at
    except EvkonyvError as error:
        _fail(error)
    for key, value in QUIET_PREFECT.items():
        os.environ.setdefault(key, value)
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    parameters = {
        "raw": [str(path) for path in raw_paths],
        "output": str(output),
        "cache_dir": str(cache_dir.absolute()) if cache_dir else None,
        "force": force,
        "allow_shrink": allow_shrink,
        "parse_processes": processes,
    }
    before = release_fingerprint(target)
    with _signals_as_exceptions():
        try:
            with contextlib.ExitStack() as stack:
                if not os.environ.get("PREFECT_API_URL"):
                    os.environ["PREFECT_API_URL"] = stack.enter_context(temporary_server())
                    stack.callback(os.environ.pop, "PREFECT_API_URL", None)
                outcome = _run_in_child(parameters, workers, dask_address, verbose)
        except EvkonyvError as error:
            _fail(error)
        except _Stopped as stopped:
            _stopped(stopped.signal_number, target, before)
    _report(outcome, target, before, verbose)


def _processes(value: str) -> int | None:
    """``--parse-processes``: a number of processes, or ``None`` for 'auto'."""
    if value.strip().lower() == "auto":
        return None
    if value.strip().isdigit() and int(value) >= 1:
        return int(value)
    raise typer.BadParameter(f"{value!r} is neither a number of processes (1 or more) nor 'auto'", param_hint="--parse-processes")


class _Stopped(BaseException):
    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


@contextlib.contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """SIGINT and SIGTERM end the run in order: the flow process is stopped, then the server."""

    def handler(signal_number: int, _frame: object) -> None:
        raise _Stopped(signal_number)

    if threading.current_thread() is not threading.main_thread():  # e.g. a test runner's thread
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _flow_child(
    connection: Any, parameters: dict[str, Any], workers: int, dask_address: str | None, verbose: bool, command: int
) -> None:
    """The flow, in its own process (group), dying with the command (process ``command``) if the command dies."""
    os.setsid()
    die_with_parent(parent=command)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    try:
        from evkonyv.flows.main import evkonyv_flow  # imported late: Prefect reads its settings on import
        from evkonyv.flows.runners import task_runner

        flow = evkonyv_flow.with_options(task_runner=task_runner(workers, dask_address))
        if not verbose:
            _quiet_prefect_console()
        connection.send(("ok", flow(**parameters)))
    except EvkonyvError as error:
        connection.send(("error", str(error), getattr(error, "report", None)))
    except BaseException as error:  # a bug: one line, the traceback with --verbose
        connection.send(("internal", repr(error), traceback.format_exc()))
    finally:
        connection.close()


def _run_in_child(parameters: dict[str, Any], workers: int, dask_address: str | None, verbose: bool) -> tuple[Any, ...]:
    context = multiprocessing.get_context("fork")  # the command has no threads of its own to copy
    receiver, sender = context.Pipe(duplex=False)
    arguments = (sender, parameters, workers, dask_address, verbose, os.getpid())
    child = context.Process(target=_flow_child, args=arguments, daemon=False)
    child.start()
    sender.close()
    try:
        while True:
            if receiver.poll(0.2):
                try:
                    outcome: tuple[Any, ...] = receiver.recv()
                except EOFError:  # the flow process ended without a word
                    outcome = ()
                child.join()
                return outcome or _ended_without_result(child.exitcode)
            if not child.is_alive():
                child.join()
                return _ended_without_result(child.exitcode)
    finally:
        if child.is_alive() and child.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)  # the flow and any worker processes it started
            child.join()
        receiver.close()


def _ended_without_result(exitcode: int | None) -> tuple[Any, ...]:
    if exitcode is not None and exitcode < 0:
        return ("killed", -exitcode)
    return ("internal", f"the flow process ended with exit code {exitcode} and no result", "")


def _report(outcome: tuple[Any, ...], target: Path, before: str | None, verbose: bool) -> None:
    kind = outcome[0]
    if kind == "ok":
        _print_summary(outcome[1])
        return
    if kind == "error":
        _print_error(outcome[1], outcome[2])
        raise typer.Exit(code=1)
    published = _published_since(target, before)
    if kind == "killed":
        name = signal.Signals(outcome[1]).name
        state = f"release {published_version(target)} was published" if published else "it is as it was"
        _err.print(f"evkonyv: error: the flow process was killed by {name}; {target}: {state}", markup=False, soft_wrap=True)
        raise typer.Exit(code=128 + outcome[1])
    if published:  # the release went out; what failed came after
        _err.print(f"evkonyv: warning: the run failed after publishing: {outcome[1]}", markup=False, soft_wrap=True)
        _out.print(f"evkonyv: release {published_version(target)} published into {target}", soft_wrap=True)
        return
    if verbose and outcome[2]:
        _err.print(outcome[2], markup=False, soft_wrap=True, highlight=False)
    _err.print(f"evkonyv: internal error: {outcome[1]} (run with --verbose for the traceback)", markup=False, soft_wrap=True)
    raise typer.Exit(code=2)


def _stopped(signal_number: int, target: Path, before: str | None) -> None:
    name = signal.Signals(signal_number).name
    if _published_since(target, before):
        _out.print(f"evkonyv: stopped by {name} after publishing release {published_version(target)} into {target}")
        raise typer.Exit(code=0)
    _err.print(f"evkonyv: stopped by {name}; {target} is as it was", markup=False, soft_wrap=True)
    raise typer.Exit(code=128 + signal_number)


@app.command()
def serve(
    cron: Annotated[str, typer.Option("--cron", help="Cron schedule of the runs (UTC).")] = "0 3 * * *",
    raw: Annotated[list[Path] | None, typer.Option("--raw", help="Raw file or folder; repeatable. Default: raw/")] = None,
    output: Annotated[Path, typer.Option("--output", help="Folder to publish into.")] = Path("output"),
    parse_processes: Annotated[
        str,
        typer.Option("--parse-processes", metavar="N|auto", help="As for run: the processes each run's parse is spread over."),
    ] = "1",
) -> None:
    """Serve the main flow as a scheduled deployment (default: daily at 03:00).

    Uses the Prefect server in PREFECT_API_URL, or starts a local one and prints where its UI is.
    """
    raw_paths = raw or [Path("raw")]
    processes = _processes(parse_processes)
    from evkonyv.flows.serving import check_cron
    from evkonyv.flows.serving import serve as serve_flow

    try:  # everything the scheduled runs depend on, before any server starts
        find_raw_files(raw_paths)
        check_output(output, raw_paths)
        check_cron(cron)
        release_date()
        check_api_url()
    except EvkonyvError as error:
        _fail(error)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

    try:
        serve_flow(
            cron,
            raw_paths,
            output,
            announce=lambda line: _out.print(line, markup=False, soft_wrap=True),
            parse_processes=processes,
        )
    except EvkonyvError as error:
        _fail(error)
    _out.print("evkonyv: stopped serving")


@app.command()
def browse(
    output: Annotated[Path, typer.Option("--output", help="The folder a release was published into.")] = Path("output"),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = 8001,
) -> None:
    """Browse a published release in Datasette (read-only): filter, facet, search and run SQL in a browser."""
    from evkonyv.browsing import browse as serve_browser

    def wait() -> None:
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()

    try:
        with _signals_as_exceptions(), contextlib.suppress(_Stopped):  # Ctrl-C or SIGTERM: how browsing ends
            serve_browser(output, port, lambda line: _out.print(line, markup=False, soft_wrap=True), wait)
    except EvkonyvError as error:
        _fail(error)
    _out.print("evkonyv: stopped browsing")


def _published_since(target: Path, before: str | None) -> bool:
    """Whether a release other than the one found at the start (``before``) is now in ``target``."""
    return release_fingerprint(target) not in (None, before)


def _print_error(message: str, report: str | None = None) -> None:
    """The one-line error, and the validation report below it when there is one."""
    _err.print(f"evkonyv: error: {message}", markup=False, soft_wrap=True)
    if report:
        _err.print(report, markup=False, soft_wrap=True)


def _fail(error: EvkonyvError) -> None:
    _print_error(str(error), error.report if isinstance(error, ValidationFailed) else None)
    raise typer.Exit(code=1)


def _print_summary(summary: dict[str, Any]) -> None:
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
