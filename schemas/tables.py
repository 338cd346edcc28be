"""The published tables, declared once: column names, types, checks and descriptions.

Everything else about the tables (the Parquet schema and its field descriptions, the
CSV column order, the data dictionary in docs/data-dictionary.md) is derived from these models.
Columns whose pandas type is ``object`` name their Arrow type in ``metadata["arrow"]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc
from evkonyv.schemas.fields import shared
from pandera.typing import Series

from evkonyv import vocabulary
from evkonyv.parsing.calendars import REFORM, julian_day_number
from evkonyv.vocabulary import BASES, PRECISIONS, QUALITY_FLAGS, RELATIONS, ROLES, TIMELINE_PRECISIONS

# The Julian day number of 1970-01-01.
_UNIX_EPOCH_DAY = 2440588
_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


# A row check (``dataframe_check``) reads what it needs of each row itself. Pandera's ``ignore_na``
# would also pass a row whose columns are all empty, looking for such rows over every column of the
# frame at every row check: no table has such a row (each has a required id), so it is off.
ROW_CHECKS_IGNORE_NA = False


def _days_in_month(year: pd.Series, month: pd.Series) -> np.ndarray:
    """Days of the month in the calendar the date is written in (:mod:`evkonyv.parsing.calendars`):
    a February before the reform is Julian, a leap month in every fourth year."""
    y = year.to_numpy(dtype="int64")
    m = month.to_numpy(dtype="int64")
    leap = (y % 4 == 0) & ((y < REFORM[0]) | (y % 100 != 0) | (y % 400 == 0))
    days: np.ndarray = _DAYS_IN_MONTH[m - 1] + ((m == 2) & leap)
    return days


def iso_days(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 (as ``datetime64[D]``) of dates as written: Julian before the reform,
    converted through the Julian day number as :func:`evkonyv.parsing.calendars.iso_date` does."""
    gregorian = ((year - 1970).astype("datetime64[Y]") + (month - 1).astype("timedelta64[M]")).astype("datetime64[D]")
    gregorian = gregorian + (day - 1).astype("timedelta64[D]")
    julian = (year * 10_000 + month * 100 + day) < REFORM[0] * 10_000 + REFORM[1] * 100 + REFORM[2]
    if julian.any():
        # (integer arithmetic only: it takes arrays as well as numbers)
        number = np.asarray(julian_day_number(year[julian], month[julian], day[julian]), dtype="int64")
        first = np.datetime64("0001-01-01")  # (the first two Julian days of the year 1 are given as this day)
        gregorian[julian] = np.maximum((number - _UNIX_EPOCH_DAY).astype("timedelta64[D]") + np.datetime64("1970-01-01"), first)
    days: np.ndarray = gregorian
    return days


def days_exist(df: pd.DataFrame, year: str, month: str, day: str) -> pd.Series:
    """True where ``day`` is empty or exists in ``month`` of ``year``."""
    ok = pd.Series(True, index=df.index)
    has_day = (df[day].notna() & df[month].between(1, 12) & df[year].notna()).fillna(False).astype(bool)
    if has_day.any():
        rows = df.loc[has_day, [year, month, day]]  # (the three columns: not every column of the rows)
        ok[has_day] = rows[day].to_numpy(dtype="int64") <= _days_in_month(rows[year], rows[month])
    return ok


def _is_string_list(value: object) -> bool:
    return isinstance(value, (list, tuple, np.ndarray)) and all(isinstance(item, str) for item in value)


# Vectorised checks: a column is converted to its Arrow type once and checked by Arrow's kernels. Only a
# column that does not convert (it holds something else than dates, or than lists of strings) is looked
# at value by value, to find the rows at fault.


def _as_arrow(series: pd.Series, arrow_type: pyarrow.DataType) -> pyarrow.Array | None:
    """The column as an Arrow array of ``arrow_type``; None when its values are not all of that type."""
    try:
        array = pyarrow.array(series.to_numpy(dtype=object), from_pandas=True)  # inferred: a datetime is no date
    except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError):
        return None
    if array.type == arrow_type:
        return array
    if array.type in (pyarrow.null(), pyarrow.list_(pyarrow.null())):  # all missing, or only empty lists
        return array.cast(arrow_type)
    return None


def _dates_ok(series: pd.Series) -> pd.Series:
    """True where the value is a calendar date: of type ``datetime.date`` exactly (a datetime is one too to
    Python and to Arrow, which would read it as its day). The type is taken by pandas' C loop, no Python
    function runs per value."""
    return series.map(type).eq(cast(Any, dt.date)).astype(bool)


def _string_lists_ok(series: pd.Series, allowed: frozenset[str] | None = None) -> pd.Series:
    """True where the value is a list of strings (each one of ``allowed``, when given)."""
    array = _as_arrow(series, pyarrow.list_(pyarrow.string()))
    if array is None:
        return series.map(lambda value: _is_string_list(value) and (allowed is None or all(v in allowed for v in value)))
    ok = array.is_valid().to_numpy(zero_copy_only=False).copy()
    items = pc.list_flatten(array)
    good = (
        pc.is_valid(items) if allowed is None else pc.fill_null(pc.is_in(items, value_set=pyarrow.array(sorted(allowed))), False)
    )
    bad_rows = pc.filter(pc.list_parent_indices(array), pc.invert(good)).to_numpy(zero_copy_only=False)
    ok[bad_rows] = False
    return pd.Series(ok, index=series.index, dtype=bool)


def _days(series: pd.Series) -> np.ndarray:
    """Arrow dates as numpy datetime64[D] (the column is known to hold dates)."""
    return np.asarray(pyarrow.array(series.to_numpy(dtype=object), type=pyarrow.date32()).to_numpy(zero_copy_only=False))


class DatedRows(pa.DataFrameModel):
    """The checks of every table whose rows carry a date: events, births, deaths and the timeline.

    The columns themselves are declared on each model (their descriptions differ); these checks
    read year, month, day, end_year, end_month, end_day, date_earliest, date_latest and quality_flags.
    Each method is named as its check: pandera reports a direct subclass's inherited checks by
    method name.
    """

    @pa.check("date_earliest", "date_latest", name="is_calendar_date")
    def is_calendar_date(cls, series: pd.Series) -> pd.Series:
        return _dates_ok(series)

    @pa.check("quality_flags", name="known_quality_flags")
    def known_quality_flags(cls, series: pd.Series) -> pd.Series:
        return _string_lists_ok(series, frozenset(QUALITY_FLAGS))

    @pa.dataframe_check(name="day_exists_in_month", ignore_na=ROW_CHECKS_IGNORE_NA)
    def day_exists_in_month(cls, df: pd.DataFrame) -> pd.Series:
        return days_exist(df, "year", "month", "day") & days_exist(df, "end_year", "end_month", "end_day")

    @pa.dataframe_check(name="range_end_not_before_start", ignore_na=ROW_CHECKS_IGNORE_NA)
    def range_end_not_before_start(cls, df: pd.DataFrame) -> pd.Series:
        def key(year: str, month: str, day: str) -> pd.Series:
            return (
                df[year].astype("Int64") * 10_000 + df[month].astype("Int64").fillna(0) * 100 + df[day].astype("Int64").fillna(0)
            )

        is_range = df["end_year"].notna()
        return ~is_range | (key("end_year", "end_month", "end_day") >= key("year", "month", "day")).fillna(False)

    @pa.dataframe_check(name="earliest_not_after_latest", ignore_na=ROW_CHECKS_IGNORE_NA)
    def earliest_not_after_latest(cls, df: pd.DataFrame) -> pd.Series:
        dated = (_dates_ok(df["date_earliest"]) & _dates_ok(df["date_latest"])).to_numpy()
        ok = np.zeros(len(df), dtype=bool)
        if dated.any():
            ok[dated] = _days(df["date_earliest"][dated]) <= _days(df["date_latest"][dated])
        return pd.Series(ok, index=df.index)

    @pa.dataframe_check(name="date_is_interval_start", ignore_na=ROW_CHECKS_IGNORE_NA)
    def date_is_interval_start(cls, df: pd.DataFrame) -> pd.Series:
        """A day-precise date is the first day of its interval."""
        has_day = df["day"].notna().to_numpy()
        ok = ~has_day
        check = has_day & days_exist(df, "year", "month", "day").to_numpy() & df["year"].notna().to_numpy()
        check &= df["month"].between(1, 12).fillna(False).to_numpy(dtype=bool) & _dates_ok(df["date_earliest"]).to_numpy()
        if check.any():
            rows = df.loc[check, ["year", "month", "day", "date_earliest"]]
            dates = iso_days(*(rows[name].to_numpy(dtype="int64") for name in ("year", "month", "day")))
            ok[check] = dates == _days(rows["date_earliest"])
        return pd.Series(ok, index=df.index, dtype=bool)


class RecordBase(DatedRows):
    """Columns common to events, births and deaths."""

    record_id: Series[pd.StringDtype] = pa.Field(
        unique=True,
        str_matches=r"^(event|birth|death)-.+-[0-9a-f]{12}$",
        description="Stable id: kind, article and a hash of the whitespace-normalised source text; "
        "independent of file and line position.",
    )
    article: Series[pd.StringDtype] = shared("article")
    year: Series[pd.Int32Dtype] = pa.Field(
        description="Year of the record's date: the article's year unless the line names another."
    )
    month: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=12, nullable=True, description="Month of the date (1–12); empty when not known."
    )
    day: Series[pd.Int8Dtype] = pa.Field(ge=1, le=31, nullable=True, description="Day of the month; empty when not known.")
    end_year: Series[pd.Int32Dtype] = pa.Field(nullable=True, description="Year of the range's end (ranges only).")
    end_month: Series[pd.Int8Dtype] = pa.Field(ge=1, le=12, nullable=True, description="Month of the range's end (ranges only).")
    end_day: Series[pd.Int8Dtype] = pa.Field(ge=1, le=31, nullable=True, description="Day of the range's end (day ranges only).")
    date_precision: Series[pd.StringDtype] = pa.Field(
        isin=list(PRECISIONS),
        description="How precisely the date is known: day, day_range, month, season, approximate "
        "(a phrase such as 'karácsony körül', or an undated chronology item bounded by its neighbours), "
        "year (undated or 'az év folyamán'), invalid (an impossible day: only the month is kept).",
    )
    date_earliest: Series[object] = pa.Field(
        metadata={"arrow": "date32"},
        description="First day of the interval the date is known to lie in, in ISO 8601 (proleptic "
        "Gregorian); a date written before 15 October 1582 is Julian in year/month/day and converted here.",
    )
    date_latest: Series[object] = pa.Field(
        metadata={"arrow": "date32"},
        description="Last day of the interval the date is known to lie in, in ISO 8601 (proleptic "
        "Gregorian); a date written before 15 October 1582 is Julian in year/month/day and converted here.",
    )
    date_text: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="The date as written in the source; empty for undated lines."
    )
    text: Series[pd.StringDtype] = pa.Field(str_length={"min_value": 1}, description="The line's text after its date.")
    context: Series[pd.StringDtype] = pa.Field(
        nullable=True,
        description='The sub-list heading the item stands under, without its colon ("Forradalom Magyarországon" '
        'for "október 23. – Tüntetés ..."); empty when there is none.',
    )
    source_file: Series[pd.StringDtype] = shared("source_file")
    source_line: Series[pd.Int32Dtype] = shared("source_line")
    source_segment: Series[pd.Int8Dtype] = shared("source_segment")
    quality_flags: Series[object] = pa.Field(
        metadata={"arrow": "list<string>"},
        description="Anomalies of the source line or of the reading of it; each flag and its meaning is listed "
        "under 'Quality flags' in the data dictionary (docs/data-dictionary.md, and README.md in the release).",
    )

    class Config:
        strict = True
        coerce = True
        ordered = True
        unique = ["record_id"]  # the primary key (declared here, enforced, and published)


class Events(RecordBase):
    """Events of the year: the chronology, undated items and topical items."""

    likely_repeat_of: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="record_id of an earlier event of the same article whose text this one repeats."
    )


class PersonBase(RecordBase):
    """Columns common to births and deaths."""

    name: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1}, description="The person's name as written (Hungarian order for Hungarian names)."
    )
    description: Series[pd.StringDtype] = pa.Field(nullable=True, description="What the line says of the person, after the name.")


class Births(PersonBase):
    """People born in the year."""

    death_year: Series[pd.Int32Dtype] = pa.Field(nullable=True, description="Year of death, from a trailing '(† YYYY)'.")
    death_month: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=12, nullable=True, description="Month of death, when the marker gives a full date ('(† 1998. május 14.)')."
    )
    death_day: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=31, nullable=True, description="Day of death, when the marker gives a full date."
    )

    @pa.dataframe_check(name="born_before_death", ignore_na=ROW_CHECKS_IGNORE_NA)
    def _born_before_death(cls, df: pd.DataFrame) -> pd.Series:
        return (df["death_year"].isna() | (df["year"] <= df["death_year"])).fillna(True).astype(bool)


class Deaths(PersonBase):
    """People who died in the year."""

    birth_year: Series[pd.Int32Dtype] = pa.Field(nullable=True, description="Year of birth, from a trailing '(* YYYY)'.")
    birth_month: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=12, nullable=True, description="Month of birth, when the marker gives a full date ('(* 1901. március 2.)')."
    )
    birth_day: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=31, nullable=True, description="Day of birth, when the marker gives a full date."
    )

    @pa.dataframe_check(name="born_before_death", ignore_na=ROW_CHECKS_IGNORE_NA)
    def _born_before_death(cls, df: pd.DataFrame) -> pd.Series:
        return (df["birth_year"].isna() | (df["birth_year"] <= df["year"])).fillna(True).astype(bool)


class Timeline(DatedRows):
    """Dated statements of the prose articles: one row per date expression, on the year articles' time axis."""

    record_id: Series[pd.StringDtype] = pa.Field(
        unique=True,
        str_matches=r"^timeline-[0-9a-f]{12}$",
        description="Stable id: a hash of the article, the whitespace-normalised sentence and the expression as "
        "written; independent of file and line position.",
    )
    article: Series[pd.StringDtype] = shared("article")
    year: Series[pd.Int32Dtype] = pa.Field(
        description="Year of the date (the first year of a range, decade or century): written in the expression, "
        "or the narrative's year (see date_basis)."
    )
    month: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=12, nullable=True, description="Month of the date (1–12); empty when not known."
    )
    day: Series[pd.Int8Dtype] = pa.Field(ge=1, le=31, nullable=True, description="Day of the month; empty when not known.")
    end_year: Series[pd.Int32Dtype] = pa.Field(
        nullable=True, description="Year of the range's end (ranges, decades and centuries only)."
    )
    end_month: Series[pd.Int8Dtype] = pa.Field(
        ge=1, le=12, nullable=True, description="Month of the range's end (month and day ranges only)."
    )
    end_day: Series[pd.Int8Dtype] = pa.Field(ge=1, le=31, nullable=True, description="Day of the range's end (day ranges only).")
    date_precision: Series[pd.StringDtype] = pa.Field(
        isin=list(TIMELINE_PRECISIONS),
        description="How precisely the date is known: day, day_range ('1958. június 9. és 15. között'), month, "
        "month_range ('november-decemberben'), season ('tavasszal'), approximate (a part of a month or year: "
        "'december elején', 'év végén'), year, year_range ('1948–1953 közötti'), decade ('az 1970-es években') "
        "or century ('20. századi').",
    )
    date_earliest: Series[object] = pa.Field(
        metadata={"arrow": "date32"},
        description="First day of the interval the date is known to lie in, in ISO 8601 (proleptic "
        "Gregorian); a date written before 15 October 1582 is Julian in year/month/day and converted here.",
    )
    date_latest: Series[object] = pa.Field(
        metadata={"arrow": "date32"},
        description="Last day of the interval the date is known to lie in, in ISO 8601 (proleptic "
        "Gregorian); a date written before 15 October 1582 is Julian in year/month/day and converted here.",
    )
    date_text: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1},
        description="The date expression as written ('Október 23-án', '1991 decemberében', 'Másnap').",
    )
    date_basis: Series[pd.StringDtype] = pa.Field(
        isin=list(BASES),
        description="How the date was found: explicit (the expression carries its year), context_year (month or day "
        "without a year: the year is the narrative's), context_month (a day alone, '24-én': month and year of the "
        "date before it), relative ('Másnap', 'ugyanezen a napon', 'a következő évben': counted from the date before it).",
    )
    date_relation: Series[pd.StringDtype] = pa.Field(
        isin=list(RELATIONS),
        description="What the statement does at the date, from the expression's ending or postposition: on "
        "(-án/-én, -ban/-ben), from (-tól/-től), until (-ig), by (-ra/-re: by or for that date), since (óta), "
        "after (után), before (előtt).",
    )
    attributive: Series[pd.BooleanDtype] = pa.Field(
        description="True when the expression is an adjective that dates a noun ('az október 23-i tüntetés', "
        "'márciusi ülés', '1948–1953 közötti időszak'): the date is the thing's, mentioned, not the sentence's action."
    )
    sentence: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1}, description="The sentence that holds the expression, as written."
    )
    source_file: Series[pd.StringDtype] = shared("source_file")
    source_line: Series[pd.Int32Dtype] = shared("source_line")
    char_start: Series[pd.Int32Dtype] = pa.Field(
        ge=0,
        description="Offset of the expression's first character in the line (0-based, Unicode code points, in the "
        "line as read: decoded and normalised, which is the raw line unless a normalisation flag says otherwise).",
    )
    char_end: Series[pd.Int32Dtype] = pa.Field(
        ge=1, description="Offset just past the expression's last character: line[char_start:char_end] is date_text."
    )
    quality_flags: Series[object] = pa.Field(
        metadata={"arrow": "list<string>"},
        description="Anomalies of the source line or of the expression; each flag and its meaning is listed "
        "under 'Quality flags' in the data dictionary (docs/data-dictionary.md, and README.md in the release).",
    )

    @pa.dataframe_check(name="expression_span_matches_text", ignore_na=ROW_CHECKS_IGNORE_NA)
    def _span_matches(cls, df: pd.DataFrame) -> pd.Series:
        return (df["char_end"] - df["char_start"]) == df["date_text"].str.len()

    class Config:
        strict = True
        coerce = True
        ordered = True
        unique = ["record_id"]  # the primary key


class Articles(pa.DataFrameModel):
    """One row per article occurrence in the raw files."""

    article_id: Series[pd.StringDtype] = pa.Field(
        unique=True, description="Occurrence id: source file and first line ('file.txt:58')."
    )
    title: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1}, description="Article title: the year for year articles, from the first sentence for prose."
    )
    kind: Series[pd.StringDtype] = pa.Field(
        isin=["year", "prose"], description="year (a year article) or prose (any other article)."
    )
    year: Series[pd.Int32Dtype] = pa.Field(
        nullable=True, description="The year of a year article (centre of its 'Évek:' window)."
    )
    source_file: Series[pd.StringDtype] = shared("source_file")
    first_line: Series[pd.Int32Dtype] = pa.Field(ge=1, description="First line of the article (1-based).")
    last_line: Series[pd.Int32Dtype] = pa.Field(ge=1, description="Last non-blank line of the article (1-based, inclusive).")
    sha256: Series[pd.StringDtype] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the article's lines joined with LF, UTF-8."
    )
    duplicate_of: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="article_id of the published occurrence this one repeats; empty when published."
    )
    duplicate_kind: Series[pd.StringDtype] = pa.Field(
        isin=["exact", "near", "divergent"],
        nullable=True,
        description="exact (same text), near (line similarity >= 0.9) or divergent (same title, less similar).",
    )
    similarity: Series[pd.Float64Dtype] = pa.Field(
        ge=0, le=1, nullable=True, description="Line similarity to the published occurrence (0–1)."
    )
    complete: Series[pd.BooleanDtype] = pa.Field(
        nullable=True,
        description="Year articles: whether the article reaches its references or Nobel section; false suggests "
        "an export cut off in the middle. Empty for prose articles.",
    )
    source_encoding: Series[pd.StringDtype] = shared("source_encoding")
    encoding_uncertain: Series[pd.BooleanDtype] = shared("encoding_uncertain")

    @pa.dataframe_check(name="first_line_not_after_last", ignore_na=ROW_CHECKS_IGNORE_NA)
    def _lines_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return df["first_line"] <= df["last_line"]

    class Config:
        strict = True
        coerce = True
        ordered = True
        unique = ["article_id"]  # the primary key


class SourceLines(pa.DataFrameModel):
    """Every raw line, once, with what became of it."""

    source_file: Series[pd.StringDtype] = shared("source_file")
    line: Series[pd.Int32Dtype] = pa.Field(ge=1, description="1-based line number in the raw file.")
    article: Series[pd.StringDtype] = shared("article", nullable=True)
    role: Series[pd.StringDtype] = pa.Field(isin=list(ROLES), description="What the line is: " + ", ".join(ROLES) + ".")
    reason: Series[pd.StringDtype] = pa.Field(str_length={"min_value": 1}, description="Why the line has its role.")
    record_ids: Series[object] = pa.Field(metadata={"arrow": "list<string>"}, description="Ids of the records the line produced.")
    source_encoding: Series[pd.StringDtype] = shared("source_encoding")
    encoding_uncertain: Series[pd.BooleanDtype] = shared("encoding_uncertain")

    @pa.check("record_ids", name="string_lists")
    def _ids_are_strings(cls, series: pd.Series) -> pd.Series:
        return _string_lists_ok(series)

    class Config:
        strict = True
        coerce = True
        ordered = True
        unique = ["source_file", "line"]  # the primary key


class Quarantine(pa.DataFrameModel):
    """Lines (or parts of lines) that could not become records, with the reason."""

    source_file: Series[pd.StringDtype] = shared("source_file")
    source_line: Series[pd.Int32Dtype] = shared("source_line")
    source_segment: Series[pd.Int8Dtype] = shared("source_segment")
    article: Series[pd.StringDtype] = shared("article", nullable=True)
    reason: Series[pd.StringDtype] = pa.Field(str_length={"min_value": 1}, description="Why the line could not be read.")
    text: Series[pd.StringDtype] = pa.Field(description="The text that could not be read.")

    class Config:
        strict = True
        coerce = True
        ordered = True
        unique = ["source_file", "source_line", "source_segment"]  # the primary key


TABLES: dict[str, type[pa.DataFrameModel]] = {
    "events": Events,
    "births": Births,
    "deaths": Deaths,
    "timeline": Timeline,
    "articles": Articles,
    "source_lines": SourceLines,
    "quarantine": Quarantine,
}
RECORD_TABLES: dict[str, str] = vocabulary.RECORD_TABLES  # (declared with the words the stages share)
CSV_TABLES: tuple[str, ...] = ("events", "births", "deaths", "timeline")
