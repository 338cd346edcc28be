import datetime as dt

import pandas as pd
import pytest
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import TABLES
from evkonyv.schemas.validation import validate_tables

from evkonyv.errors import ValidationFailed
from evkonyv.parsing.records import LineRole, Quarantined
from evkonyv.tables.build import build_tables, column_getters
from tests.helpers import HUNGARIAN_FIXTURE_SETS, ROOT, SEED_ROWS


@pytest.fixture
def tables(seed_result):
    return build_tables(seed_result.tables)


def test_seed_tables_are_valid(tables):
    validated = validate_tables(tables)
    assert {name: len(frame) for name, frame in validated.items()} == SEED_ROWS


def _broken(tables, table, row, **changes):
    frame = tables[table].copy()
    for column, value in changes.items():
        frame.loc[row, column] = value
    return {table: frame}


@pytest.mark.parametrize(
    ("name", "changes", "check"),
    [
        ("events", dict(month=13), "less_than_or_equal_to(12)"),
        ("events", dict(month=2, day=30), "day_exists_in_month"),
        ("events", dict(end_year=1953, end_month=1, end_day=1), "range_end_not_before_start"),
        ("events", dict(date_latest=dt.date(1900, 1, 1)), "earliest_not_after_latest"),
        ("events", dict(text=""), "str_length"),
        ("events", dict(date_precision="exact"), "isin"),
        ("events", dict(source_line=0), "greater_than_or_equal_to(1)"),
        ("births", dict(death_year=1900), "born_before_death"),
        ("deaths", dict(birth_year=2000), "born_before_death"),
        ("deaths", dict(name=""), "str_length"),
        # the vectorised checks, on values Arrow reads as dates and on values it does not
        ("events", dict(date_earliest=dt.datetime(1953, 1, 3)), "is_calendar_date"),
        ("events", dict(date_latest="1953-12-31"), "is_calendar_date"),
        ("events", dict(date_earliest=None), "not_nullable"),
        ("events", dict(day=28), "date_is_interval_start"),
        ("timeline", dict(day=2), "date_is_interval_start"),  # row 5 is "November első napjaiban"
        ("timeline", dict(char_end=1), "expression_span_matches_text"),
        ("timeline", dict(date_basis="guessed"), "isin"),
    ],
)
def test_checks_catch_bad_rows(tables, name, changes, check):
    with pytest.raises(ValidationFailed) as failure:
        validate_tables(_broken(tables, name, 5, **changes))
    assert check in failure.value.report
    assert "source_line=" in failure.value.report


def test_duplicate_record_id(tables):
    frame = tables["events"].copy()
    frame.loc[1, "record_id"] = frame.loc[0, "record_id"]
    with pytest.raises(ValidationFailed, match="validation failed") as failure:
        validate_tables({"events": frame})
    assert "field_uniqueness" in failure.value.report or "unique" in failure.value.report


def test_extra_column_is_refused(tables):
    with pytest.raises(ValidationFailed):
        validate_tables({"events": tables["events"].assign(extra=1)})


def test_arrow_schema_carries_descriptions():
    for model in TABLES.values():
        schema = arrow_schema(model)
        assert list(schema.names) == list(model.to_schema().columns)
        for field in schema:
            assert field.metadata[b"description"], field.name


@pytest.mark.parametrize("flags", [["not_a_flag"], [None], ["undated", 3], "undated"])
def test_unknown_quality_flag(tables, flags):
    frame = tables["events"].copy()
    frame["quality_flags"] = [flags, *frame["quality_flags"].iloc[1:]]
    with pytest.raises(ValidationFailed) as failure:
        validate_tables({"events": frame})
    assert "known_quality_flags" in failure.value.report
    assert "record_id=" + frame["record_id"].iloc[0] in failure.value.report  # the row at fault is named


def test_record_ids_of_source_lines_are_lists_of_strings(tables):
    for ids in (("a", 1), [None], "event-1953-0"):
        frame = tables["source_lines"].copy()
        frame["record_ids"] = [*frame["record_ids"].iloc[:3], ids, *frame["record_ids"].iloc[4:]]
        with pytest.raises(ValidationFailed) as failure:
            validate_tables({"source_lines": frame})
        assert "string_lists" in failure.value.report and "line=4" in failure.value.report


def test_line_accounting_on_the_published_tables(tables):
    from evkonyv.schemas.validation import accounting_holds, check_tables

    from evkonyv.errors import InvariantBroken

    counts = {"huwiki_1953-1956.txt": 448}
    check_tables(tables, counts)
    assert accounting_holds(tables, counts)  # the column-wise check passes what holds
    lines = tables["source_lines"]
    quarantine_line = lines.index[lines["role"] == "timeline"][0]
    for broken, message in (
        ({**tables, "source_lines": lines.drop(index=10)}, "raw line has no role"),
        ({**tables, "source_lines": pd.concat([lines, lines.iloc[[10]]])}, "more than one role"),
        ({**tables, "events": tables["events"].drop(index=0)}, "not published"),
        ({**tables, "source_lines": lines.assign(record_ids=[[]] * len(lines))}, "record line without records"),
        ({**tables, "source_lines": lines.assign(role=lines["role"].where(lines.index != quarantine_line, "quarantine"))},
         "quarantined line without a quarantine row"),
    ):  # fmt: skip
        assert not accounting_holds(broken, counts), message  # the column-wise check finds it ...
        with pytest.raises(InvariantBroken, match=message):  # ... and the line-by-line check names it
            check_tables(broken, counts)
    assert not accounting_holds(tables, {**counts, "other.txt": 3})  # a file with no lines in the table
    named = lines.assign(
        record_ids=lines["record_ids"].map(lambda ids: [i for i in ids if i != tables["births"]["record_id"][0]])
    )
    assert not accounting_holds({**tables, "source_lines": named}, counts)  # a published row no line names


def test_shared_fields_are_declared_once():
    """A column of a shared name has the registry's type, description and constraints in every table."""
    from evkonyv.schemas.fields import SHARED_FIELDS
    from evkonyv.schemas.tables import TABLES

    seen = set()
    for model in TABLES.values():
        schema = model.to_schema()
        for name, column in schema.columns.items():
            if name not in SHARED_FIELDS:
                continue
            seen.add(name)
            spec = SHARED_FIELDS[name]
            assert isinstance(column.dtype.type, spec.dtype), (model.__name__, name, str(column.dtype))
            assert column.description == spec.options["description"], (model.__name__, name)
    assert seen == set(SHARED_FIELDS)


def test_validation_does_not_import_dask_dataframe():
    """pandera would import dask.dataframe (a second of start-up) because Dask is installed for the
    Dask runner; the schemas package keeps it out, and leaves it importable."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from evkonyv.schemas.tables import TABLES\n"
        "for model in TABLES.values(): model.to_schema()\n"
        "assert 'dask.dataframe' not in sys.modules, 'pandera imported dask.dataframe'\n"
        "import dask.dataframe\n"
        "print(dask.dataframe.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "dask.dataframe"


@pytest.mark.parametrize("fixture", HUNGARIAN_FIXTURE_SETS)
def test_the_column_wise_accounting_holds_on_every_labelled_set(fixture):
    """What holds passes the column-wise check (not only the slower line-by-line one), also on a set
    that publishes no record at all (Arrow's "all" of no values is null, not true)."""
    from evkonyv.schemas.validation import accounting_holds, validate_tables

    from evkonyv.pipeline import parse
    from evkonyv.reading.sources import find_raw_files, read_sources
    from evkonyv.tables.build import build_tables

    parsed = parse(read_sources(find_raw_files([ROOT / "tests" / "fixtures" / fixture / "raw"])))
    tables = validate_tables(build_tables(parsed))
    assert accounting_holds(tables, {source.name: source.line_count for source in parsed.sources})


def test_a_column_no_parse_object_carries_is_named_when_its_getters_are_built():
    """A table's columns are read from the parse objects' attributes of the same names: a column declared
    in the schema that the objects do not carry fails at once, naming the column and the class."""
    with pytest.raises(TypeError, match=r"quarantine table's columns \['source_line', 'source_segment', 'text'\].*LineRole"):
        column_getters("quarantine", LineRole)
    assert list(column_getters("quarantine", Quarantined)) == [
        name for name in arrow_schema(TABLES["quarantine"]).names if name not in ("source_encoding", "encoding_uncertain")
    ]
