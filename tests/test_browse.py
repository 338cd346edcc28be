"""`evkonyv browse`: the release's database in Datasette, read-only; its refusals; a real browser on it."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import TABLES
from typer.testing import CliRunner

from evkonyv.browsing import QUERIES, metadata
from evkonyv.cli import app
from evkonyv.release.database import DATABASE_FILE
from tests.helpers import publish_seed

EVKONYV = str(Path(sys.executable).parent / "evkonyv")


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory, seed_source):
    return publish_seed(tmp_path_factory.mktemp("browse") / "output", seed_source)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _one_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1, result.output
    return lines[0]


def test_metadata_comes_from_the_models_and_the_release(release_dir):
    settings = metadata(release_dir)
    assert settings["license"] == "CC-BY-SA-4.0" and settings["title"].endswith("release 1.0.0")
    assert "Klement Gottwald" not in json.dumps(settings)  # (no data in it: descriptions only)
    tables = settings["databases"]["evkonyv"]["tables"]
    for name, model in TABLES.items():
        assert tables[name]["description"] == (model.__doc__ or "").strip()
        assert tables[name]["columns"] == {f.name: f.metadata[b"description"].decode() for f in arrow_schema(model)}
    assert tables["events"]["facets"] == ["article", "date_precision", {"array": "quality_flags"}]
    assert tables["deaths"]["searchmode"] == "raw" and tables["deaths_fts"] == {"hidden": True}
    assert set(settings["databases"]["evkonyv"]["queries"]) == set(QUERIES)


def test_what_cannot_be_browsed_is_one_line(release_dir, tmp_path):
    runner = CliRunner()
    missing = tmp_path / "nope"
    assert "no such folder" in _one_line(runner.invoke(app, ["browse", "--output", str(missing)]))
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x")
    assert "no evkonyv release here" in _one_line(runner.invoke(app, ["browse", "--output", str(tmp_path / "notes")]))
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for file in release_dir.iterdir():
        (damaged / file.name).write_bytes(file.read_bytes())
    data = bytearray((damaged / DATABASE_FILE).read_bytes())
    data[5000] ^= 0xFF
    (damaged / DATABASE_FILE).write_bytes(bytes(data))
    assert "damaged: its SHA-256 is not the one SHA256SUMS gives" in _one_line(
        runner.invoke(app, ["browse", "--output", str(damaged)])
    )
    (damaged / DATABASE_FILE).unlink()
    assert f"the release has no {DATABASE_FILE}" in _one_line(runner.invoke(app, ["browse", "--output", str(damaged)]))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        line = _one_line(runner.invoke(app, ["browse", "--output", str(release_dir), "--port", str(port)]))
        assert line.startswith(f"evkonyv: error: --port {port}: cannot listen on 127.0.0.1:{port}")


class Browsing:
    """`evkonyv browse` as a user starts it, until Ctrl-C."""

    def __init__(self, release: Path, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/evkonyv"
        self.process = subprocess.Popen(
            [EVKONYV, "browse", "--output", str(release), "--port", str(port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}.json", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            assert self.process.poll() is None and time.monotonic() < deadline, "evkonyv browse did not start"
            time.sleep(0.2)

    def get(self, path: str) -> dict:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)
        output, _ = self.process.communicate(timeout=30)
        assert self.process.returncode == 0, output
        return output


@pytest.fixture
def browsing(release_dir):
    served = Browsing(release_dir, _free_port())
    yield served
    if served.process.poll() is None:
        served.stop()


def test_browsing_serves_the_tables_and_queries_read_only(browsing, release_dir):
    before = hashlib.sha256((release_dir / DATABASE_FILE).read_bytes()).hexdigest()
    found = browsing.get("/deaths.json?_search=Gottwald&_shape=array")
    assert [(row["name"], row["year"], row["month"], row["day"]) for row in found] == [("Klement Gottwald", 1953, 3, 14)]
    month = browsing.get("/events_of_a_month.json?year=1953&month=3&_shape=array")
    assert month and {(row["year"], row["month"]) for row in month} == {(1953, 3)}
    writers = browsing.get("/people_by_occupation_word.json?" + urllib.parse.urlencode({"word": "író"}) + "&_shape=array")
    assert writers and all("író" in row["description"] for row in writers)
    assert browsing.get("/lines_quarantined_and_why.json?_shape=array") == []  # the seed quarantines nothing
    with pytest.raises(urllib.error.HTTPError):  # SQL that writes is refused
        browsing.get(".json?sql=" + urllib.parse.quote("DELETE FROM events"))
    output = browsing.stop()
    assert "evkonyv: stopped browsing" in output
    assert hashlib.sha256((release_dir / DATABASE_FILE).read_bytes()).hexdigest() == before
    assert not [
        line for line in os.popen("ps -eo args").read().splitlines() if "datasette serve" in line and str(release_dir) in line
    ]


# --- a real browser ------------------------------------------------------------------------


class _Rendered(HTMLParser):
    """What a user reads on a rendered Datasette table page: the search form, the facet links, the rows."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, str]] = []
        self.inputs: list[dict[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self.cells: list[tuple[str, str]] = []  # (column class, text)
        self._link: str | None = None
        self._cell: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(attributes)
        elif tag == "input":
            self.inputs.append(attributes)
        elif tag == "a":
            self._link, self._text = attributes.get("href", ""), []
        elif tag == "td" and "type-" in attributes.get("class", ""):
            self._cell, self._text = attributes["class"], []

    def handle_data(self, data):
        self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link, "".join(self._text).strip()))
            self._link = None
        elif tag == "td" and self._cell is not None:
            self.cells.append((self._cell, "".join(self._text).strip()))
            self._cell = None


@pytest.mark.browser
def test_a_browser_searches_and_filters_by_a_facet(browsing, tmp_path):
    import shutil

    from tests.test_release_page import chromium as _chromium  # noqa: F401 - the same browser set-up
    from tests.test_release_page import run_chromium

    browser = shutil.which("chromium")
    assert browser, "Debian's chromium is not installed: `make test-all` installs it"

    def render(url: str) -> _Rendered:
        done = run_chromium(browser, tmp_path / "profile", "--dump-dom", url)
        assert done.returncode == 0, done.stderr[-2000:]
        page = _Rendered()
        page.feed(done.stdout)
        return page

    # search as the table page's own form does: its action, its search box
    page = render(f"{browsing.url}/deaths")
    [search] = [field for field in page.inputs if field.get("name") == "_search"]
    [form] = [form for form in page.forms if form.get("action", "").endswith("/evkonyv/deaths")]
    found = render(urllib.parse.urljoin(browsing.url, form["action"]) + f"?{search['name']}=Gottwald")
    assert ("col-name type-str", "Klement Gottwald") in found.cells
    assert [text for column, text in found.cells if column.startswith("col-name ")] == ["Klement Gottwald"]

    # filter by a facet: follow the link the article facet shows for 1954
    page = render(f"{browsing.url}/events")
    [(href, _)] = [(href, text) for href, text in page.links if urllib.parse.urlsplit(href).query == "article=1954"]
    filtered = render(urllib.parse.urljoin(f"{browsing.url}/events", href))
    articles = [text for column, text in filtered.cells if column.startswith("col-article ")]
    assert articles and set(articles) == {"1954"}
