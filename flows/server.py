"""The temporary Prefect server of one ``evkonyv run``, tied to the run's life.

Prefect starts a temporary server as a child process when no ``PREFECT_API_URL`` is
set, and that child outlives a run killed with SIGKILL. ``evkonyv run`` starts the same
server itself instead (the same uvicorn command Prefect uses), with a parent-death
signal (``PR_SET_PDEATHSIG``): when the run ends in any way, SIGKILL included, the
kernel stops the server too. Nothing here imports Prefect, so it costs no start-up time.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from evkonyv.errors import EvkonyvError
from evkonyv.processes import die_with_parent

STARTUP_TIMEOUT_SECONDS = 120.0


def _server_child_setup(parent: int) -> None:  # runs in the forked child, before exec
    os.setsid()  # its own group: a terminal's Ctrl-C goes to the run, which stops it in order
    die_with_parent(parent=parent)


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def check_prefect_home() -> Path:
    """Fail in one line, at once, when Prefect's home folder cannot be written."""
    home = prefect_home()
    try:
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=home, prefix=".evkonyv-probe-"):
            pass
        database = home / "prefect.db"
        if database.exists() and not os.access(database, os.R_OK | os.W_OK):
            raise PermissionError(13, "its database prefect.db is not writable")
    except OSError as error:
        raise EvkonyvError(
            f"PREFECT_HOME {home}: cannot be written ({error.strerror or error}); "
            "set PREFECT_HOME to a writable folder, or PREFECT_API_URL to a running Prefect server"
        ) from None
    return home


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:  # noqa: S310 - a Prefect API's health check
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


# How long a Prefect server named by PREFECT_API_URL has to answer its health check.
API_CHECK_SECONDS = 5


def check_api_url() -> None:
    """Refuse, in one line and within :data:`API_CHECK_SECONDS`, a PREFECT_API_URL no Prefect server answers at."""
    url = os.environ.get("PREFECT_API_URL")
    if url and not healthy(url.rstrip("/"), timeout=API_CHECK_SECONDS):
        raise EvkonyvError(
            f"PREFECT_API_URL={url}: no Prefect server answered its health check within {API_CHECK_SECONDS} s; "
            "start it, correct the address, or unset the variable to run on a temporary server"
        )


@contextlib.contextmanager
def temporary_server(timeout: float = STARTUP_TIMEOUT_SECONDS) -> Iterator[str]:
    """Start Prefect's server on a free loopback port for the length of the block; yield its API URL."""
    check_prefect_home()
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    env.pop("PREFECT_API_URL", None)
    command = [
        sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent), "--factory",
        "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            preexec_fn=functools.partial(_server_child_setup, os.getpid()),
        )
        try:
            deadline = time.monotonic() + timeout
            while not healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    lines = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
                    last = lines[-1].strip() if lines else f"exit code {process.returncode}"
                    state = "did not start" if process.poll() is not None else f"did not answer within {timeout:.0f} s"
                    raise EvkonyvError(f"the temporary Prefect server {state} (PREFECT_HOME {prefect_home()}): {last}")
                time.sleep(0.1)
            yield url
        finally:
            stop(process)


def stop(process: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
