"""Text from the input written into each release format escaped for that format."""

from __future__ import annotations

import re

import yaml

from evkonyv.escaping import controls, markdown
from evkonyv.reading.sources import scan_raw
from evkonyv.release.texts import SourceArticle, SourceFile, citation, license_data, readme

HOSTILE = "<script>alert(1)</script> [a link](javascript:alert(1)) *b* a|b"
FILE = "bad\nname\x1b[31m.txt"


def test_controls_keep_every_name_on_one_printable_line():
    assert controls("a\nb\rc\td\x1be\x7ff\u2028g") == "a\\nb\\rc\\td\\x1be\\x7ff\\u2028g"
    assert controls("Kossuth Lajos – 1848") == "Kossuth Lajos – 1848"  # text itself untouched


def test_markdown_shows_markup_as_written():
    assert markdown(HOSTILE) == "\\<script\\>alert(1)\\</script\\> \\[a link\\](javascript:alert(1)) \\*b\\* a\\|b"
    assert markdown("1956-os forradalom és szabadságharc") == "1956-os forradalom és szabadságharc"


def test_release_texts_escape_titles_and_file_names():
    articles = [SourceArticle("1953", "year"), SourceArticle(HOSTILE, "prose")]
    text = readme(
        "1.0.0",
        dict.fromkeys(["events", "births", "deaths", "timeline", "articles", "source_lines", "quarantine"], 0),
        "x.zip",
        articles,
    )
    assert markdown(HOSTILE) in text
    assert not re.search(r"(?<!\\)[<>\[\]]", text.replace(markdown(HOSTILE), "")), (
        "only the escaped title holds markup characters"
    )
    assert not re.search(r"(?<!\\)[<>\[\]|*]", markdown(HOSTILE))
    licence = license_data(articles, [SourceFile(FILE, "0" * 64, "utf-8")])
    assert "\x1b" not in licence and "bad\\nname\\x1b[31m.txt" in licence
    assert all(line.startswith(("    - ", "  ", "")) for line in licence.splitlines())
    assert sum("31m.txt" in line for line in licence.splitlines()) == 1 and "    - bad\\nname" in licence  # one line
    cff = yaml.safe_load(citation("1.0.0", None, articles))
    assert [reference["title"] for reference in cff["references"]] == ["1953", HOSTILE]  # YAML quotes it: read back as written


def test_a_file_name_with_a_line_break_is_one_line_everywhere(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a\nb.txt").write_text("x\n")
    files, warnings = scan_raw([raw])
    assert [name for name, _ in files] == ["a\\nb.txt"]
    assert len(warnings) == 1 and "\n" not in warnings[0] and warnings[0].startswith("a\\nb.txt: ")


def test_quality_report_escapes_warnings_and_cells(seed_result):
    from evkonyv.schemas.validation import validate_tables

    from evkonyv.release.quality import quality_report
    from evkonyv.tables.build import build_tables

    seed_tables = validate_tables(build_tables(seed_result.tables))
    report = quality_report(seed_tables, "1.0.0", [f"{FILE}: {HOSTILE}"])
    assert "\x1b" not in report and not re.search(r"(?<!\\)<script", report)
    assert f"- {markdown(FILE + ': ' + HOSTILE)}" in report.splitlines()
