"""Serving the main flow on a schedule: against PREFECT_API_URL, or a local server it starts."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from evkonyv.flows.server import free_port, healthy

from evkonyv.errors import EvkonyvError
from evkonyv.processes import die_with_parent

SERVER_START_TIMEOUT_SECONDS = 120


def deployment_name(raw: list[Path], output: Path) -> str:
    """The deployment's name: ``evkonyv-<output folder's name>-<8 hex digits>``, the digits a digest of
    the absolute raw paths and output. Two ``serve`` commands with other inputs or outputs on one
    Prefect server are two deployments: neither overwrites the other's parameters."""
    key = "\0".join([str(output.absolute()), *sorted(str(path.absolute()) for path in raw)])
    slug = re.sub(r"[^a-z0-9]+", "-", output.absolute().name.lower()).strip("-") or "output"
    return f"evkonyv-{slug[:40]}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def check_cron(cron: str) -> None:
    """Refuse a schedule Prefect cannot read, in one line, before any server starts."""
    import pydantic
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except pydantic.ValidationError:
        raise EvkonyvError(
            f'--cron {cron!r}: not a cron schedule; give five fields: minute hour day-of-month month day-of-week (e.g. "0 3 * * *")'
        ) from None


@contextmanager
def prefect_api(announce: Callable[[str], None] = print) -> Iterator[str]:
    """The API URL to serve against: PREFECT_API_URL, or a `prefect server` started here
    and stopped on the way out."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = free_port()
    prefect = Path(sys.executable).parent / "prefect"
    server = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C reaches the runner, which then stops the server itself
        preexec_fn=functools.partial(die_with_parent, parent=os.getpid()),  # and a killed runner takes its server with it
    )
    api_url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_SECONDS
        while not healthy(api_url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise EvkonyvError(f"the local Prefect server did not start on port {port}")
            time.sleep(0.5)
        os.environ["PREFECT_API_URL"] = api_url
        announce(f"Prefect server started: UI at http://127.0.0.1:{port}, API at {api_url}")
        yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)  # the server is going: do not leave its address behind
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


@contextmanager
def _settings_with_api_url(api_url: str) -> Iterator[None]:
    """Prefect's settings in this process read PREFECT_API_URL when Prefect was first imported, before the
    server here was started: without them, a client made here (``deployment.apply()``) starts a temporary
    server of its own, in this process's group, which Ctrl-C then stops under the runner's feet."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        yield


def serve(
    cron: str, raw: list[Path], output: Path, announce: Callable[[str], None] = print, parse_processes: int | None = 1
) -> None:
    """Serve the main flow as a deployment with ``cron`` until interrupted (Ctrl-C); each run's parse on
    ``parse_processes`` processes (``None``: by the input's size and the free cores)."""
    check_cron(cron)
    name = deployment_name(raw, output)
    with prefect_api(announce) as api_url, _settings_with_api_url(api_url):
        from evkonyv.flows.main import evkonyv_flow  # after PREFECT_API_URL is set
        from prefect import serve as serve_deployments

        deployment = evkonyv_flow.to_deployment(
            name=name,
            cron=cron,
            parameters={
                "raw": [str(path.absolute()) for path in raw],
                "output": str(output.absolute()),
                "parse_processes": parse_processes,
            },
        )
        deployment.apply()  # registered before it is announced: a client may ask for it at once
        announce(f"serving deployment evkonyv/{name} on {api_url} with schedule {cron!r}; Ctrl-C stops it")
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how serving ends
            serve_deployments(deployment, print_starting_message=False)
