"""The release page, index.html: static, self-contained, no scripts or external assets."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import numpy as np
import pandas as pd

from evkonyv.release.database import DATABASE_FILE
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import CSV_TABLES, TABLES

PREVIEW_ROWS = 5
_STYLE = """
body { font-family: sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; }
code, .hash { font-family: monospace; font-size: .8rem; word-break: break-all; }
.scroll { overflow-x: auto; }
.preview td { max-width: 24rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
"""


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        value = "; ".join(map(str, value))
    elif value is None or (not isinstance(value, str) and pd.isna(value)):
        value = ""
    return escape(str(value))


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _size(count: int) -> str:
    return f"{count / 1024:.1f} KiB" if count >= 1024 else f"{count} B"


def release_page(
    version: str,
    tables: Mapping[str, pd.DataFrame],
    files: Mapping[str, tuple[int, str]],
    zip_name: str,
    chart: str,
    citation: str,
    source: str = "Hungarian Wikipedia",
) -> str:
    """The release's page; ``files``: the size and SHA-256 of each file by name."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>evkonyv {escape(version)}</title><style>{_STYLE}</style></head><body>",
        f'<h1>evkonyv <span id="version">{escape(version)}</span></h1>',
        f"<p>Events, births and deaths read from {escape(source)} year articles, each row traceable to its source line. "
        'Data licence: <a href="LICENSE-DATA">CC BY-SA 4.0, with attribution</a>. '
        '<a href="README.md">README</a> · <a href="datapackage.json">datapackage.json</a> · '
        '<a href="quality.md">quality report</a> · <a href="CHANGELOG.md">changelog</a> · <a href="SHA256SUMS">SHA256SUMS</a></p>',
        "<h2>Downloads</h2>",
        '<table id="downloads"><tr><th>table</th><th>rows</th><th>files</th><th>size</th><th>sha256</th></tr>',
    ]
    for name, frame in tables.items():
        formats = [f"{name}.parquet", *([f"{name}.csv"] if name in CSV_TABLES else [])]
        links = " ".join(_link(file, file.rsplit(".", 1)[1]) for file in formats)
        sizes = "<br>".join(_size(files[file][0]) for file in formats)
        hashes = "<br>".join(files[file][1] for file in formats)
        out.append(
            f'<tr><td><a href="#{name}">{name}</a></td><td class="number rows" data-table="{name}">{len(frame)}</td>'
            f'<td>{links}</td><td>{sizes}</td><td class="hash">{hashes}</td></tr>'
        )
    out.append(
        f'<tr><td>all CSVs, README, licence, descriptor</td><td></td><td><a href="{escape(zip_name)}">zip</a></td>'
        f'<td>{_size(files[zip_name][0])}</td><td class="hash">{files[zip_name][1]}</td></tr>'
    )
    if DATABASE_FILE in files:
        out.append(
            f'<tr><td>every table, with full-text search (<a href="#browse">browse it</a>)</td><td></td>'
            f'<td><a href="{DATABASE_FILE}">sqlite</a></td><td>{_size(files[DATABASE_FILE][0])}</td>'
            f'<td class="hash">{files[DATABASE_FILE][1]}</td></tr>'
        )
    out.append("</table>")
    if DATABASE_FILE in files:
        out += [
            '<h2 id="browse">Browse before you download</h2>',
            f"<p><code>{DATABASE_FILE}</code> holds every table, with keys, indexes and full-text search. "
            "<code>evkonyv browse --output DIR</code> serves it with Datasette at <code>http://127.0.0.1:8001</code>: "
            "filter, facet and search the tables, run SQL and link to a query (read-only). Without evkonyv: "
            f"<code>datasette {DATABASE_FILE}</code>, or <code>sqlite3 {DATABASE_FILE}</code> "
            "(<code>SELECT name, year FROM deaths WHERE rowid IN (SELECT rowid FROM deaths_fts WHERE deaths_fts MATCH 'Gottwald')</code>).</p>",
        ]
    out += ["<h2>Events per month</h2>", f'<p><img src="{escape(chart)}" alt="Events per month and year"></p>']
    for name, frame in tables.items():
        model = TABLES[name]
        out += [f'<h2 id="{name}">{name}</h2>', f"<p>{escape((model.__doc__ or '').strip())}</p>", "<h3>Columns</h3>"]
        out.append("<table><tr><th>column</th><th>type</th><th>nullable</th><th>description</th></tr>")
        for field in arrow_schema(model):
            description = field.metadata[b"description"].decode("utf-8")
            out.append(
                f"<tr><td><code>{field.name}</code></td><td>{escape(str(field.type))}</td>"
                f"<td>{'yes' if field.nullable else 'no'}</td><td>{escape(description)}</td></tr>"
            )
        out.append("</table>")
        if len(frame):
            out += [
                "<h3>First rows</h3>",
                '<table class="preview"><tr>' + "".join(f"<th>{escape(c)}</th>" for c in frame.columns) + "</tr>",
            ]
            for row in frame.head(PREVIEW_ROWS).itertuples(index=False):
                out.append("<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>")
            out.append("</table>")
    out += [
        "<h2>Licence and citation</h2>",
        '<p>See <a href="LICENSE-DATA">LICENSE-DATA</a> and <a href="CITATION.cff">CITATION.cff</a>:</p>',
    ]
    out += [f"<pre>{escape(citation)}</pre>", "</body></html>"]
    return "\n".join(out) + "\n"
