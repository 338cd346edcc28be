"""Shared fixtures. Pure-function tests need nothing from Prefect; flow tests carry the
``flow`` marker and use the Prefect test harness (see test_flow.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evkonyv.reading.sources import SourceText, read_source
from evkonyv.tables.rows import ParsedRows
from tests.helpers import parse_rows

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "huwiki_1953-1956.txt"


@pytest.fixture(scope="session", autouse=True)
def own_parse_cache(tmp_path_factory: pytest.TempPathFactory):
    """The runs of the tests (and the commands they start) keep their parse cache in a folder of the test
    session's, not in the user's ``~/.cache/evkonyv``: a test's run parses what no earlier run, of this
    session or another, left there to be loaded instead."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture(scope="session")
def seed_source() -> SourceText:
    return read_source(SEED.name, SEED)


@pytest.fixture(scope="session")
def seed_result(seed_source: SourceText) -> ParsedRows:
    return parse_rows([seed_source])


@pytest.fixture(scope="session")
def harness():
    """Prefect's test harness (a temporary server), once per session, for the flow tests."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
