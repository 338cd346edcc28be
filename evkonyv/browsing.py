"""``evkonyv browse``: a published release's database served by Datasette, read-only, on this machine.

What Datasette is told comes from the release and the pandera models, never typed twice:
the tables' and columns' descriptions, the licence, the sources and the citation
(:func:`metadata`); facets suggested for ``article``, ``date_precision`` and ``quality_flags`` (a
JSON array: an array facet); full-text search with FTS5's own syntax (``Kossuth*``, ``"Nagy Imre"``,
``description: író*``); and canned queries: events of a month, people by a word of their
description, the lines quarantined and why.

The database is opened in Datasette's immutable mode (SQLite ``immutable=1``): browsing never writes to
a published file. Before Datasette starts, the release is checked: the folder holds a release with
``evkonyv.sqlite``, whose SHA-256 is the one ``SHA256SUMS`` gives, and the port is free on 127.0.0.1;
each failure is one line.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any

from evkonyv.errors import EvkonyvError
from evkonyv.release.database import DATABASE_FILE, SEARCHED
from evkonyv.release.texts import LICENSE_NAME, LICENSE_URL, TITLE
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import TABLES

DATABASE_NAME = Path(DATABASE_FILE).stem
DEFAULT_PORT = 8001
START_TIMEOUT_SECONDS = 60.0
FACETS = ("article", "date_precision", "quality_flags")
# Columns holding JSON arrays: faceted by their items.
ARRAY_COLUMNS = ("quality_flags", "record_ids")

QUERIES: dict[str, dict[str, Any]] = {
    "events_of_a_month": {
        "title": "Events of a month",
        "description": "The events of one month of one year, in date order (month 1–12).",
        "sql": "SELECT year, month, day, date_text, text, article, source_file, source_line FROM events "
        "WHERE year = CAST(:year AS INTEGER) AND month = CAST(:month AS INTEGER) ORDER BY date_earliest, source_line",
    },
    "people_by_occupation_word": {
        "title": "People by a word of their description",
        "description": "Births and deaths whose description holds a word starting with the one given "
        "(író finds író, írónő, írója; the accents count).",
        "sql": "SELECT 'birth' AS kind, name, year, month, day, description, article FROM births "
        "WHERE rowid IN (SELECT rowid FROM births_fts WHERE births_fts MATCH 'description: ' || :word || '*') "
        "UNION ALL SELECT 'death', name, year, month, day, description, article FROM deaths "
        "WHERE rowid IN (SELECT rowid FROM deaths_fts WHERE deaths_fts MATCH 'description: ' || :word || '*') "
        "ORDER BY year, month, day, name",
    },
    "lines_quarantined_and_why": {
        "title": "Lines quarantined, and why",
        "description": "Every raw line that could not be read, with its reason, by reason.",
        "sql": "SELECT reason, count(*) AS lines, min(source_file || ':' || source_line) AS first_line FROM quarantine "
        "GROUP BY reason ORDER BY lines DESC, reason",
    },
}


class BrowseError(EvkonyvError):
    """The release cannot be browsed (no release, a damaged database, a port in use)."""


def metadata(release: Path) -> dict[str, Any]:
    """Datasette's metadata for a release: from the pandera models and the release's own descriptor."""
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    sources = [source for source in descriptor.get("sources", []) if source.get("path")]
    citation = (release / "CITATION.cff").read_text(encoding="utf-8") if (release / "CITATION.cff").exists() else ""
    tables: dict[str, Any] = {}
    for name, model in TABLES.items():
        schema = arrow_schema(model)
        columns = {field.name: field.metadata[b"description"].decode("utf-8") for field in schema}
        entry: dict[str, Any] = {"description": (model.__doc__ or "").strip(), "columns": columns}
        facets: list[Any] = []
        for column in FACETS:
            if column in columns:
                facets.append({"array": column} if column in ARRAY_COLUMNS else column)
        if facets:
            entry["facets"] = facets
        if name in SEARCHED:
            entry["searchmode"] = "raw"  # FTS5 syntax: prefixes (Kossuth*), phrases, columns
            entry["fts_table"] = f"{name}_fts"
            entry["fts_pk"] = "rowid"
        tables[name] = entry
    for name in SEARCHED:
        tables[f"{name}_fts"] = {"hidden": True}
    settings: dict[str, Any] = {
        "title": f"{descriptor.get('title', TITLE)}, release {descriptor.get('version', '?')}",
        "description": descriptor.get("description", ""),
        "license": LICENSE_NAME,
        "license_url": LICENSE_URL,
        "source": "Hungarian Wikipedia" + (f" ({len(sources)} articles)" if sources else ""),
        "source_url": sources[0]["path"] if len(sources) == 1 else "https://hu.wikipedia.org/",
        "databases": {DATABASE_NAME: {"tables": tables, "queries": QUERIES}},
    }
    if citation:  # (shown on the index page: how to cite the release and its sources)
        settings["description_html"] = (
            f"<p>{escape(settings['description'])}</p><p>How to cite this release (CITATION.cff):</p><pre>{escape(citation)}</pre>"
        )
    return settings


def check_release(release: Path) -> Path:
    """The release's database, checked: one line for each way it cannot be browsed."""
    shown = f"--output {release}"
    if not release.is_dir():
        raise BrowseError(f"{shown}: no such folder; run `evkonyv run` first, or name the folder a release was published into")
    database = release / DATABASE_FILE
    if not (release / "datapackage.json").is_file() or not (release / "SHA256SUMS").is_file():
        raise BrowseError(f"{shown}: no evkonyv release here (no datapackage.json and SHA256SUMS)")
    if not database.is_file():
        raise BrowseError(
            f"{shown}: the release has no {DATABASE_FILE} (published by an older evkonyv?); run `evkonyv run` again"
        )
    sums = {}
    for line in (release / "SHA256SUMS").read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split(maxsplit=1)
        if len(parts) == 2:
            sums[parts[1].lstrip("*")] = parts[0]
    digest = hashlib.sha256()
    with database.open("rb") as handle:
        while chunk := handle.read(2**20):
            digest.update(chunk)
    if sums.get(DATABASE_FILE) != digest.hexdigest():
        raise BrowseError(f"{database}: damaged: its SHA-256 is not the one SHA256SUMS gives; publish the release again")
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro&immutable=1", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BrowseError(f"{database}: not a readable SQLite database ({error})") from None
    return database


def check_port(port: int) -> None:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as error:
            raise BrowseError(
                f"--port {port}: cannot listen on 127.0.0.1:{port} ({error.strerror or error}); choose another port"
            ) from None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own loopback server
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def datasette(release: Path, port: int) -> Iterator[str]:
    """Datasette serving the release's database on 127.0.0.1:``port`` for the length of the block; its URL."""
    database = check_release(release)
    check_port(port)
    with tempfile.TemporaryDirectory(prefix="evkonyv-browse-") as folder:
        settings = Path(folder) / "metadata.json"
        settings.write_text(json.dumps(metadata(release), ensure_ascii=False, indent=1), encoding="utf-8")
        command = [
            sys.executable, "-m", "datasette", "serve", "--immutable", str(database), "--metadata", str(settings),
            "--host", "127.0.0.1", "--port", str(port), "--setting", "default_page_size", "50",
            "--setting", "suggest_facets", "off",
        ]  # fmt: skip
        log = Path(folder) / "datasette.log"
        with log.open("wb") as output:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT_SECONDS
            while not _answers(f"{url}/-/versions.json"):
                if process.poll() is not None or time.monotonic() > deadline:
                    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
                    raise BrowseError(f"Datasette did not start on port {port}: {lines[-1] if lines else 'no output'}")
                time.sleep(0.2)
            yield f"{url}/{DATABASE_NAME}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def browse(release: Path, port: int, announce: Callable[[str], None], wait: Callable[[], None]) -> None:
    """Serve until ``wait`` returns (Ctrl-C)."""
    with datasette(release, port) as url:
        announce(f"evkonyv: browsing {release / DATABASE_FILE} at {url} (read-only); Ctrl-C stops it")
        wait()
