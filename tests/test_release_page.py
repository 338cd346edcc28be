"""index.html opened in a real browser (Debian's headless Chromium, installed by `make test`)."""

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from evkonyv.schemas.tables import TABLES

from tests.helpers import publish_seed

pytestmark = pytest.mark.browser
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class _Page(HTMLParser):
    """The links, ids and row counts of the page as the browser rendered it."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()
        self.rows: dict[str, str] = {}
        self._rows_of: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name):
                self.targets.append(attributes[name])
        if tag == "td" and "rows" in (attributes.get("class") or "").split():
            self._rows_of = attributes["data-table"]

    def handle_data(self, data):
        if self._rows_of is not None:
            self.rows[self._rows_of] = data.strip()
            self._rows_of = None


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium")
    assert path, "Debian's chromium is not installed: `make test` installs it (apt-get install chromium)"
    return path


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory, seed_source):
    return publish_seed(tmp_path_factory.mktemp("page") / "output", seed_source)


def run_chromium(chromium, profile: Path, *arguments: str) -> subprocess.CompletedProcess:
    command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_page_links_and_row_counts(chromium, release_dir, tmp_path):
    done = run_chromium(chromium, tmp_path / "profile", "--dump-dom", (release_dir / "index.html").as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    page = _Page()
    page.feed(done.stdout)
    assert page.rows == {name: str(len(pd.read_parquet(release_dir / f"{name}.parquet"))) for name in TABLES}
    local = [target for target in page.targets if not target.startswith(("http://", "https://"))]
    assert {"events.parquet", "events.csv", "evkonyv-1.0.0-csv.zip", "events-per-month.svg", "LICENSE-DATA"} <= set(local)
    for target in local:
        if target.startswith("#"):
            assert target[1:] in page.ids, target
        else:
            assert (release_dir / target).is_file(), target


def test_page_renders(chromium, release_dir, tmp_path):
    screenshot = tmp_path / "page.png"
    done = run_chromium(
        chromium,
        tmp_path / "profile",
        f"--screenshot={screenshot}",
        "--window-size=1280,2400",
        (release_dir / "index.html").as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
