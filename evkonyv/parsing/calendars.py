"""The calendar a year article's dates are written in, and their days in ISO 8601.

Hungarian Wikipedia gives a date before the Gregorian reform in the Julian calendar, as its
sources do ("1500. február 29." is a real day: 1500 was a Julian leap year). The rule the
tables follow, stated once here:

* ``year``, ``month``, ``day`` (and the range's end) are the date **as written**: a date before
  15 October 1582 in the Julian calendar, a later one in the Gregorian. A Julian February has
  29 days in every year divisible by 4; the ten days 5–14 October 1582 are read as Julian too
  (Hungary kept the Julian calendar until 1587).
* ``date_earliest`` and ``date_latest`` are always days of the proleptic Gregorian calendar
  (ISO 8601, what Arrow's ``date32``, pandas and SQL hold), converted from the Julian where the
  date is: so intervals compare across the reform (Julian 1500-02-29 is ISO 1500-03-10).

The conversion goes through the Julian day number (Meeus, *Astronomical Algorithms*, ch. 7).
The first two days of the year 1 (Julian) fall before ISO 0001-01-01, the first day Python's and
Arrow's dates hold: they are given as that day.
"""

from __future__ import annotations

import calendar
import datetime as dt

# The first Gregorian day: dates before it are read as Julian.
REFORM = (1582, 10, 15)
# The Julian day number of ISO 0001-01-01, ordinal 1.
_ORDINAL_OFFSET = 1721425


def is_julian(year: int, month: int, day: int = 1) -> bool:
    return (year, month, day) < REFORM


def days_in_month(year: int, month: int) -> int:
    """Days of ``month`` in ``year`` in the calendar its dates are written in."""
    if month == 2 and is_julian(year, month):
        return 29 if year % 4 == 0 else 28
    return calendar.monthrange(year, month)[1]


def day_exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def julian_day_number(year: int, month: int, day: int) -> int:
    """The Julian day number of a date of the Julian calendar."""
    shift = (14 - month) // 12
    y, m = year + 4800 - shift, month + 12 * shift - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def iso_date(year: int, month: int, day: int) -> dt.date:
    """The ISO (proleptic Gregorian) day of a date as written (Julian before the reform)."""
    if not is_julian(year, month, day):
        return dt.date(year, month, day)
    return dt.date.fromordinal(max(1, julian_day_number(year, month, day) - _ORDINAL_OFFSET))


def first_day(year: int, month: int = 1) -> dt.date:
    return iso_date(year, month, 1)


def last_day(year: int, month: int = 12) -> dt.date:
    return iso_date(year, month, days_in_month(year, month))


_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral in capitals ("MCXXIII" 1123, "XIV" 14): a year's or a century's."""
    values = [_ROMAN_VALUES[char] for char in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
