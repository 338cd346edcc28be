"""Dates before the Gregorian reform: Julian as written, ISO in date_earliest/date_latest."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from evkonyv.parsing.calendars import day_exists, iso_date, last_day
from evkonyv.parsing.dates import parse_date_prefix


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ((1500, 2, 29), dt.date(1500, 3, 10)),  # a Julian leap day (1500 is no Gregorian leap year)
        ((1582, 10, 4), dt.date(1582, 10, 14)),  # the last Julian day ...
        ((1582, 10, 15), dt.date(1582, 10, 15)),  # ... and the first Gregorian one, the next day
        ((1241, 4, 11), dt.date(1241, 4, 18)),  # muhi: 7 days apart in the 13th century
        ((1000, 1, 1), dt.date(1000, 1, 6)),
        ((1, 1, 3), dt.date(1, 1, 1)),
        ((1953, 3, 14), dt.date(1953, 3, 14)),
    ],
)
def test_dates_as_written_and_in_iso(written, iso):
    assert iso_date(*written) == iso
    from schemas.tables import iso_days

    assert iso_days(*(np.array([part]) for part in written))[0] == np.datetime64(iso)


def test_julian_leap_years():
    assert day_exists(1500, 2, 29) and day_exists(1300, 2, 29) and day_exists(1580, 2, 29)
    assert not day_exists(1700, 2, 29) and day_exists(1600, 2, 29) and not day_exists(1501, 2, 29)
    assert last_day(1500, 2) == dt.date(1500, 3, 10)


def test_february_29_in_1500_is_a_day_not_an_impossible_one():
    prefix = parse_date_prefix("február 29. – Valami történik.", 1500)
    assert prefix is not None
    date = prefix.date
    assert (date.year, date.month, date.day, date.precision) == (1500, 2, 29, "day")
    assert "impossible_day" not in date.flags
    assert date.earliest == date.latest == dt.date(1500, 3, 10)
    other = parse_date_prefix("február 29. – Valami történik.", 1700)
    assert other is not None and "impossible_day" in other.date.flags


def test_the_schema_accepts_julian_days_and_checks_their_interval():
    from schemas.tables import DatedRows, days_exist

    frame = pd.DataFrame({"year": [1500, 1700], "month": [2, 2], "day": [29, 29]}).astype("Int32")
    assert days_exist(frame, "year", "month", "day").tolist() == [True, False]
    assert DatedRows is not None
