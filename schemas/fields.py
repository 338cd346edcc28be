"""Fields that several tables share, declared once: type, description and constraints.

A model column of one of these names is ``shared(name)`` (with ``nullable`` the only thing a
table may change); ``tests/test_schemas.py`` checks that every such column has the type declared
here. Columns of one table only are declared on their model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa


@dataclass(frozen=True)
class SharedField:
    dtype: Any  # the pandas dtype its columns are annotated with
    options: dict[str, Any] = field(default_factory=dict)  # pa.Field keyword arguments


SHARED_FIELDS: dict[str, SharedField] = {
    "source_file": SharedField(
        pd.StringDtype,
        {"description": "Raw file, as a path relative to the --raw folder given (or the file name for a file given)."},
    ),
    "source_line": SharedField(pd.Int32Dtype, {"ge": 1, "description": "1-based line number in the raw file."}),
    "source_segment": SharedField(
        pd.Int8Dtype,
        {
            "ge": 0,
            "description": "Part of the line: 0 for the first (or only) part; 1, 2 ... when a glued heading split the line.",
        },
    ),
    "article": SharedField(
        pd.StringDtype,
        {
            "str_length": {"min_value": 1},
            "description": 'Title of the article the line belongs to; a year article\'s title is its year ("1953"). '
            "Empty for lines between articles.",
        },
    ),
    "source_encoding": SharedField(
        pd.StringDtype,
        {"description": "Text encoding the raw file was read in: utf-8, utf-8-sig (with BOM), utf-16-le, cp1250, iso8859_2, ..."},
    ),
    "encoding_uncertain": SharedField(
        pd.BooleanDtype,
        {"description": "True when the raw file's encoding could not be told for sure (see the README, Decoding)."},
    ),
}


def shared(name: str, *, nullable: bool = False) -> Any:
    """The pandera field of a shared column."""
    return pa.Field(**SHARED_FIELDS[name].options, nullable=nullable)
