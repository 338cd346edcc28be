"""The parse on one process against the parse spread over two (evkonyv.tables.pool), side by side in one run.

    .venv/bin/python -m benchmarks.spread 3000          # about 6 minutes
    .venv/bin/python -m benchmarks.spread 3000 joined   # the one file only

Builds the generated corpus of N articles (60 files of 50 at 3000) and the same text joined into one
file, then, for each, alternately with one parse process and with two: the core (``pipeline.run``) and
the whole command (``evkonyv run`` with Prefect's temporary server), each run's time and its memory:
the resident size of the run's processes summed (the core's process, or the flow's process, and the
parse workers they start; not Prefect's server, a process of its own whatever the parse does), sampled
every 50 ms, and the same summed as proportional set sizes (a page shared by two processes counted half
in each). Prints one JSON row a run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVKONYV = Path(sys.executable).parent / "evkonyv"
CORE = """
import sys
from pathlib import Path
from evkonyv import pipeline
if __name__ == "__main__":
    ends = {}
    import time
    start = time.perf_counter()
    pipeline.run([Path(sys.argv[1])], Path(sys.argv[2]), force=True, processes=int(sys.argv[3]),
                 on_stage=lambda stage: ends.setdefault(stage, time.perf_counter() - start))
    print(ends)
"""


def _memory(pid: int) -> tuple[int, int]:
    """A process's resident and proportional set sizes, KiB (0, 0 once it has gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = {line.split(":")[0]: int(line.split()[1]) for line in text.splitlines()[1:]}
    return fields.get("Rss", 0), fields.get("Pss", 0)


def _children() -> dict[int, int]:
    """Every process's parent, by process id."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    return parents


def _is_server(pid: int) -> bool:
    try:
        return b"uvicorn" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def sampled(command: list[str], measured: Callable[[int, dict[int, int]], list[int]]) -> dict[str, Any]:
    """Run ``command``; its wall time and the peaks of the summed sizes of the processes ``measured`` picks."""
    peak = {"rss": 0, "pss": 0, "flow_rss": 0}
    done = threading.Event()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while not done.is_set():
            pids = measured(process.pid, _children())
            sizes = [_memory(pid) for pid in pids]
            peak["rss"] = max(peak["rss"], sum(rss for rss, _ in sizes))
            peak["pss"] = max(peak["pss"], sum(pss for _, pss in sizes))
            peak["flow_rss"] = max(peak["flow_rss"], sizes[0][0] if sizes else 0)
            done.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = process.communicate()
    done.set()
    thread.join()
    if process.returncode:
        raise RuntimeError(f"{command} failed: {err[-2000:]}")
    return {
        "wall_s": time.perf_counter() - start,
        **{key: value / 1024 for key, value in peak.items()},
        "stdout": out.strip()[-300:],
    }


def _core_processes(root: int, parents: dict[int, int]) -> list[int]:
    return [root, *(pid for pid, parent in parents.items() if parent == root)]


def _command_processes(root: int, parents: dict[int, int]) -> list[int]:
    """The flow's process (the command's child that is not the server) first, then its children."""
    flows = [pid for pid, parent in parents.items() if parent == root and not _is_server(pid)]
    if not flows:
        return []
    return [flows[0], *(pid for pid, parent in parents.items() if parent == flows[0])]


def main() -> None:
    from benchmarks.generate import generate

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    os.environ.update(env)
    with tempfile.TemporaryDirectory() as folder:
        files, joined = Path(folder) / "files", Path(folder) / "joined"
        generate(count, files)
        joined.mkdir()
        with (joined / "joined.txt").open("wb") as whole_file:
            for path in sorted(files.glob("*.txt")):
                whole_file.write(path.read_bytes())
        mb = {
            "files": sum(p.stat().st_size for p in files.iterdir()) / 1e6,
            "joined": (joined / "joined.txt").stat().st_size / 1e6,
        }
        trivial = sampled([sys.executable, "-c", "from benchmarks.run import TRIVIAL_FLOW; exec(TRIVIAL_FLOW)"], _core_processes)
        print(json.dumps({"run": "trivial flow", "wall_s": round(trivial["wall_s"], 2)}), flush=True)
        chosen = sys.argv[2:] or ["files", "joined"]
        for corpus, raw in [(name, folder) for name, folder in (("files", files), ("joined", joined)) if name in chosen]:
            for processes in (1, 2, 1, 2):
                out = Path(folder) / f"out-{corpus}-{processes}"
                core = sampled([sys.executable, "-c", CORE, str(raw), str(out), str(processes)], _core_processes)
                command = [str(EVKONYV), "run", "--raw", str(raw), "--output", str(out) + "-cmd", "--force",
                           "--cache-dir", str(Path(folder) / f"cache-{corpus}-{processes}-{time.monotonic_ns()}"),
                           "--parse-processes", str(processes)]  # fmt: skip
                whole = sampled(command, _command_processes)
                whole.pop("stdout")  # (the command's summary: a table of every article)
                for kind, row in (("core", core), ("command", whole)):
                    print(json.dumps({"run": kind, "corpus": corpus, "mb": round(mb[corpus], 1), "processes": processes,
                                      **{key: round(value, 2) if isinstance(value, float) else value for key, value in row.items()}}),
                          flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
