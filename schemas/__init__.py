"""The published tables' pandera models, and what is derived from them.

pandera, asked for a model's schema, imports ``dask.dataframe`` whenever Dask is installed (to accept
Dask types in annotations). evkonyv installs Dask for its Dask runner but validates pandas tables
only, and that import costs about a second in every run (measured: 1.1 s, most of the first
validation). So pandera's Dask typing module is loaded here with ``dask.dataframe`` hidden, and
reads Dask as absent; ``dask.dataframe`` itself stays importable for everything else.
"""

from __future__ import annotations

import importlib
import sys

if "pandera.typing.dask" not in sys.modules and "dask.dataframe" not in sys.modules:
    sys.modules["dask.dataframe"] = None  # type: ignore[assignment]  # an import of it fails here
    try:
        importlib.import_module("pandera.typing.dask")
    finally:
        del sys.modules["dask.dataframe"]
