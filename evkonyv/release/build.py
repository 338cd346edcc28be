"""Assembling the whole release from the validated tables, file by file (:mod:`evkonyv.release.files`).

Everything is derived from the tables, the raw files' digests, the previous release
found in the output folder and SOURCE_DATE_EPOCH: never from the clock, so that a
release built twice from the same input is byte-identical.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa

from evkonyv.errors import EvkonyvError
from evkonyv.release import changelog
from evkonyv.release.archive import ZipMember, deflate_file_pieces, sha256, sha256sums, write_zip
from evkonyv.release.clock import LATEST_EPOCH, release_date  # noqa: F401 - importable here too
from evkonyv.release.database import DATABASE_FILE, write_database
from evkonyv.release.files import ReleaseFiles
from evkonyv.release.page import release_page
from evkonyv.release.quality import CHART_FILE, events_per_month_svg_rows, quality_report
from evkonyv.release.texts import (
    LICENSE_NAME,
    LICENSE_TITLE,
    LICENSE_URL,
    SourceArticle,
    SourceFile,
    citation,
    license_data,
    readme,
    source_articles,
    title,
    wikipedia,
)
from evkonyv.schemas.datapackage import table_schema
from evkonyv.schemas.tables import CSV_TABLES, TABLES
from evkonyv.tables.memory import trim_freed_memory
from evkonyv.tables.serialise import iter_table_files

PACKAGE_NAME = "evkonyv"
DESCRIPTOR = "datapackage.json"
_MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


@dataclass(frozen=True)
class PreviousRelease:
    """The release already in the output folder. ``tables``: its record tables, each column read when it
    is asked for (only a release whose content changed is compared with them, a column at a time);
    ``record_ids``: the ids of each, read at once (the volume guard counts them on every run)."""

    version: str
    content_sha256: str
    columns: dict[str, dict[str, str]]
    tables: Mapping[str, changelog.Columns]
    changelog: str | None
    record_ids: Mapping[str, pa.Array] = field(default_factory=dict)


def _columns(tables: Mapping[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    return {name: {str(column): str(dtype) for column, dtype in frame.dtypes.items()} for name, frame in tables.items()}


def _content_sha256(digests: Mapping[str, tuple[int, str]]) -> str:
    return sha256("".join(f"{name}:{digest}\n" for name, (_, digest) in sorted(digests.items())).encode())


def _resource(name: str, file: str, digest: tuple[int, str], file_format: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": name if file_format == "csv" or name not in CSV_TABLES else f"{name}-parquet",
        "title": f"{name} ({file_format})",
        "description": (TABLES[name].__doc__ or "").strip(),
        "path": file,
        "type": "table",
        "scheme": "file",
        "format": file_format,
        "mediatype": _MEDIA_TYPES[file_format],
        "schema": table_schema(name, file_format),
    }
    integrity = {"bytes": digest[0], "hash": f"sha256:{digest[1]}"}
    if file_format == "parquet":
        # Frictionless checks bytes and hash on a stream it reads itself, which its Parquet
        # reader is not; so for Parquet they are recorded under our own key (and in SHA256SUMS).
        resource[PACKAGE_NAME] = integrity
    else:
        resource |= integrity
        resource["encoding"] = "utf-8"
        resource["dialect"] = {"csv": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"'}}
    return resource


def descriptor(
    version: str,
    files: Mapping[str, tuple[int, str]],
    tables: Mapping[str, pd.DataFrame],
    sources: Sequence[SourceFile],
    content: str,
    released: dt.datetime | None,
    csv_only: bool = False,
    articles: Sequence[SourceArticle] | None = None,
) -> dict[str, Any]:
    """The Frictionless descriptor; ``articles``: the source articles of ``tables`` when known."""
    resources = []
    for name in tables:
        if name in CSV_TABLES:
            resources.append(_resource(name, f"{name}.csv", files[f"{name}.csv"], "csv"))
        if not csv_only:
            resources.append(_resource(name, f"{name}.parquet", files[f"{name}.parquet"], "parquet"))
    if DATABASE_FILE in files and not csv_only:
        size, digest = files[DATABASE_FILE]
        resources.append(
            {
                "name": "evkonyv-sqlite",
                "title": "every table (SQLite)",
                "description": "Every table of this release in one SQLite database, with keys, indexes and full-text "
                "search; dates as ISO text, lists as JSON arrays. Browse it with `evkonyv browse`.",
                "path": DATABASE_FILE,
                "scheme": "file",
                "format": "sqlite",
                "mediatype": "application/vnd.sqlite3",
                PACKAGE_NAME: {"bytes": size, "hash": f"sha256:{digest}"},
            }
        )
    if articles is None:
        articles = source_articles(tables["articles"], sources)
    package: dict[str, Any] = {
        "name": PACKAGE_NAME,
        "title": title(articles),
        "description": f"Events, births and deaths read from {wikipedia(articles)} year articles, and a timeline of the "
        "dated statements of its prose articles; every row traceable to its raw line.",
        "version": version,
        "licenses": [{"name": LICENSE_NAME, "path": LICENSE_URL, "title": LICENSE_TITLE}],
        "sources": [{"title": f"{a.wikipedia}: {a.title}", "path": a.url} for a in articles]
        + [{"title": f"raw export {s.name}", "description": f"sha256 {s.sha256}, read as {s.encoding}"} for s in sources],
        "contributors": [{"title": f"Contributors of the {wikipedia(articles)}", "roles": ["author"]}],
        "keywords": ["Hungary", "history", "Wikipedia", "events", "births", "deaths", "timeline"],
        "resources": resources,
        PACKAGE_NAME: {"content_sha256": content, "columns": _columns(tables)},
    }
    if released:
        package["created"] = released.isoformat() + "Z"
    return package


def _write_text(handle: Any, pieces: Iterable[str]) -> None:
    """Write a text made piece by piece, as UTF-8, without holding it whole."""
    for piece in pieces:
        handle.write(piece.encode("utf-8"))


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Release:
    version: str
    files: ReleaseFiles
    quality: str


def build_release(
    tables: Mapping[str, pd.DataFrame],
    sources: Sequence[SourceFile],
    previous: PreviousRelease | None,
    warnings: Sequence[str] = (),
    released: dt.datetime | None = None,
) -> Release:
    """Build the release's files in a scratch folder of the temporary folder. A build that fails
    removes its folder before the error leaves (a full ``TMPDIR`` is one line naming it)."""
    try:
        files = ReleaseFiles()
    except OSError as error:
        raise _scratch_error(error) from error
    try:
        zipped: dict[str, ZipMember] = {}
        with ThreadPoolExecutor(max_workers=2) as pool, ThreadPoolExecutor(max_workers=1) as database_pool:
            # The database is written beside the other files, in a thread of its own: SQLite works with
            # Python's lock released for most of it (its full-text and key indexes wholly).
            database = database_pool.submit(files.make, DATABASE_FILE, lambda path: write_database(path, tables))
            for name, write in iter_table_files(tables):
                files.write(name, write)  # streamed into the scratch file as Arrow writes it
                if name.endswith(".csv"):  # the bulk of the zip: compressed in other threads while the rest is built,
                    # each piece read back from the file written
                    size, _ = files.digests[name]
                    zipped[name] = ZipMember(files.crc32[name], size, deflate_file_pieces(pool, files.path(name), size))
                del write  # (the table's Arrow copy goes with the last of its writers)
                trim_freed_memory()  # what writing it allocated and freed goes back to the system
            database.result()
            return _build(tables, files, zipped, sources, previous, warnings, released)
    except OSError as error:
        files.cleanup()
        raise _scratch_error(error) from error
    except BaseException:
        files.cleanup()
        raise


def _scratch_error(error: OSError) -> EvkonyvError:
    where = error.filename or tempfile.gettempdir()
    return EvkonyvError(
        f"{where}: cannot build the release in the temporary folder ({error.strerror or error}); "
        "free space there or point TMPDIR at another folder"
    )


def _build(
    tables: Mapping[str, pd.DataFrame],
    files: ReleaseFiles,
    zipped: dict[str, ZipMember],
    sources: Sequence[SourceFile],
    previous: PreviousRelease | None,
    warnings: Sequence[str],
    released: dt.datetime | None,
) -> Release:
    # (of the tables' files: the database and the texts derive from them)
    content = _content_sha256({name: digest for name, digest in files.digests.items() if name != DATABASE_FILE})
    if previous is not None and previous.content_sha256 == content and previous.changelog:
        version, history = previous.version, previous.changelog  # a rebuild of the same release
    elif previous is not None:
        level, schema_lines = changelog.schema_changes(previous.columns, _columns(tables))
        version = changelog.next_version(previous.version, level)
        diff = changelog.diff_records(previous.tables, tables)
        history = changelog.changelog(changelog.entry(version, previous.version, diff, schema_lines), previous.changelog)
    else:
        version = changelog.FIRST_VERSION
        history = changelog.changelog(changelog.entry(version, None, None, []), None)

    articles = source_articles(tables["articles"], sources)
    rows = {name: len(frame) for name, frame in tables.items()}
    zip_name = f"{PACKAGE_NAME}-{version}-csv.zip"
    # (the free pages of each text's making go back before the next: they would add up to the run's peak)
    cff = citation(version, released.date() if released else None, articles)
    trim_freed_memory()
    quality = quality_report(tables, version, warnings)
    trim_freed_memory()
    table_digests = dict(files.digests)
    texts = {
        "README.md": readme(version, rows, zip_name, articles).encode("utf-8"),
        "LICENSE-DATA": license_data(articles, sources).encode("utf-8"),
        "CITATION.cff": cff.encode("utf-8"),
        "CHANGELOG.md": history.encode("utf-8"),
        "quality.md": quality.encode("utf-8"),
        DESCRIPTOR: _json(descriptor(version, table_digests, tables, sources, content, released, articles=articles)),
    }
    for name, text in texts.items():
        files.add(name, text)

    files.write(CHART_FILE, lambda handle: _write_text(handle, events_per_month_svg_rows(tables["events"])))
    bundle = {name: texts[name] for name in ("README.md", "LICENSE-DATA", "CITATION.cff")}
    bundle[DESCRIPTOR] = _json(
        descriptor(version, table_digests, tables, sources, content, released, csv_only=True, articles=articles)
    )
    zipped |= {name: ZipMember.of(text) for name, text in bundle.items()}
    trim_freed_memory()  # what the reports and the chart took from the tables, before the zip's pieces are joined
    files.write(zip_name, lambda handle: write_zip(handle, zipped, released))
    files.add(
        "index.html", release_page(version, tables, files.digests, zip_name, CHART_FILE, cff, wikipedia(articles)).encode("utf-8")
    )
    files.add("SHA256SUMS", sha256sums(files.digests))
    return Release(version, files, quality)
