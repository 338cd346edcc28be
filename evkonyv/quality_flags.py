"""The quality flags a record can carry, with what each one means, and which of them are errata."""

from __future__ import annotations

QUALITY_FLAGS: dict[str, str] = {
    "abbreviated_month": "the month is written abbreviated (`okt. 28.`): read as its name",
    "capitalised_month": "the month name is capitalised in the source (`December 24.`)",
    "missing_dash": "no dash between the date and the text (`május 20. Megjelenik ...`)",
    "ascii_hyphen_dash": "an ASCII hyphen instead of a dash after the date (`július 13. - ...`)",
    "no_space_after_date": "the text follows the date's dot with no space and no dash (`január 16.Franklin ...`)",
    "day_without_dot": "the day has no dot before the dash (`március 4 - Abraham Lincoln ...`)",
    "colon_after_date": "a colon instead of a dash after the date (`március 28.: ...`)",
    "comma_after_date": "a comma instead of a dash after the date (`március 4., A kormány ...`)",
    "approximate_date": "the date is given as approximate (`március 4. körül – ...`), as a bound (`július 4-től – ...`, `március 4. előtt – ...`) or as one of two days (`március 3. vagy 4. – ...`): the day written (the first) is kept",
    "date_in_sentence": "the line is a sentence that opens with its day (`Augusztus 31-én felszentelik ...`), not a list date",
    "doubled_dot": "a doubled dot after the day (`április 5. . –`)",
    "continuation_line": "the line starts with `és` and continues the item before it",
    "glued_heading": "a stripped section heading was glued into the line; the line was cut there and the heading dropped",
    "impossible_day": "the day does not exist in that month (`február 30.`): month kept, day dropped",
    "range_end_before_start": "a date range ends before it starts: only its start month is kept",
    "day_before_month": "the day is written before its month (`5. január – ...`, another language's order): read as that day of the article's year",
    "range_of_one_day": "a date range ends on the day it starts (`június 18. – 18. - ...`): read as that one day",
    "range_crosses_year": "a date range runs into the next year (`december 28. – január 3.`)",
    "date_of_another_year": "the line's date names a year that is not its article's (`1969 márciusában – ...` in the article of 1970): the record is dated in the year written",
    "undated": "no date on the line: the record lies somewhere in its year",
    "date_inferred_from_neighbours": "no date on the line, inside the chronology: the interval runs between the dated items around it",
    "dated_by_date_line": "no date on the line, under a line that is a date alone (`május 1.`) or a period alone (`január–március`, `tavasszal`): it takes that date",
    "dated_by_month_heading": "no date on the line, under a month heading: the interval is that month",
    "month_from_context": "the line dates itself by a part of the month it is listed under (`a hónap végén – ...`): the month is the one of the month heading above it, or of the dated item before it",
    "likely_repeat": "the text repeats another event of the same article (see likely_repeat_of)",
    "wrong_year_symbol": "the life-year marker has the wrong symbol (`(† 1870)` on a death); the year was read by its place in time",
    "stray_character_in_marker": "the life-year marker holds more than its symbol and year, which the year articles' markers do not: a stray character (`(̈* 1878)`) or a place (`(* Pest, 1800)`, `(szül. Budapest, 1900)`)",
    "unicode_normalised": "the line was not in Unicode NFC (decomposed accents, as macOS tools write them) and was composed",
    "format_character_removed": "the line held invisible format characters (zero-width space, soft hyphen, direction marks); they were removed",
    "space_normalised": "the line held no-break, thin or other special spaces or tabs, or was indented; they were read as plain spaces, the indentation removed",
    "dash_normalised": "the line wrote a dash as `--`, `—`, `‒` or `−`; it was read as the en dash `–`",
    "bullet_removed": "the line opened with a list bullet (`• `, `· `, `▪ `, `* `, `- `), as a copy of a page writes its list items; it was removed",
    "edit_link_removed": "a link's text in square brackets stood glued before the line's list bullet: the edit link (`szerkesztés`) of the heading above, which a browser's copy of the page wraps onto the item under the heading; it was removed with the bullet",
    "year_without_dot": "a timeline date writes its year without the dot before month and day (`1956 október 23-án`)",
    "legacy_letters": "the date's ending writes ő or ű as õ or û, as text once converted through Latin-1 does (`1-tõl`)",
    "year_from_file_name": "the copy lost everything above its chronology (navigation, hatnote; at most the page's title, the year alone, is left): its year is the one its file's name names (`hu_1848.txt`), which nothing in the text confirms but that title",
    "section_inferred": "the record's table (event, birth or death) was inferred where the headings are gone, and a near-tie of that inference would place it in another: check it",
    "approximate_other_year": "the life-year marker gives its year as approximate or as a bound (`(* 1204 körül)`, `(* kb. 1204)`, `(* 1337?)`, `(* 1290 előtt)`), a decade (`(† 1080-as évek)`) or one of two years (`(† 1400/1401)`); the year is kept as written, the first of two",
    "other_year_before_common_era": "the life-year marker gives a year before the Common Era (`(* i. e. 63)`, data/eras.tsv), which the tables do not hold: the other year is left empty",
    "inconsistent_other_year": "the life-year marker contradicts the record's year (a death year before the birth); the other year was left empty",
}

# The flags that point at a fault of the source article, worth fixing on Wikipedia (an erratum), in the
# order the quality report lists them; every other flag says how a line was read.
ERRATA_FLAGS: tuple[str, ...] = (
    "wrong_year_symbol", "stray_character_in_marker", "glued_heading", "missing_dash", "capitalised_month",
    "ascii_hyphen_dash", "day_without_dot", "colon_after_date", "comma_after_date", "no_space_after_date", "doubled_dot", "impossible_day", "range_end_before_start", "range_of_one_day", "day_before_month", "inconsistent_other_year",
    "likely_repeat", "year_without_dot", "legacy_letters",
)  # fmt: skip
