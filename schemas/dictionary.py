"""The data dictionary (docs/data-dictionary.md), rendered from the pandera models.

Regenerate with ``.venv/bin/python -m evkonyv.schemas.dictionary > docs/data-dictionary.md``;
a test fails when the checked-in file is out of date.
"""

from __future__ import annotations

from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import CSV_TABLES, TABLES

from evkonyv.vocabulary import QUALITY_FLAGS


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    out = [
        "# Data dictionary",
        "",
        "Generated from the pandera models in `schemas/tables.py` by `python -m evkonyv.schemas.dictionary > docs/data-dictionary.md`; do not edit by hand.",
        "",
    ]
    for name, model in TABLES.items():
        files = f"`output/{name}.parquet`" + (f", `output/{name}.csv`" if name in CSV_TABLES else "")
        out += [f"## {name}", "", (model.__doc__ or "").strip(), "", f"Files: {files}", ""]
        out += ["| column | type | nullable | description |", "|---|---|---|---|"]
        for field in arrow_schema(model):
            description = _cell(field.metadata[b"description"].decode("utf-8"))
            out.append(f"| `{field.name}` | {field.type} | {'yes' if field.nullable else 'no'} | {description} |")
        out.append("")
    out += ["## Quality flags", "", "| flag | meaning |", "|---|---|"]
    out += [f"| `{flag}` | {_cell(meaning)} |" for flag, meaning in QUALITY_FLAGS.items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(), end="")
