"""Property tests: any text, and any mix of real line forms, parses without crashing and
with every raw line accounted for."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evkonyv.reading.sources import SourceText
from tests.helpers import parse_rows

SEED_LINES = (
    "Évtizedek: 1900-as évek – 1910-es évek",
    "Évek: 1948 – 1949 – 1950 – 1951 –  1952 – 1953 – 1954 – 1955 – 1956 – 1957 – 1958",
    "január 3. – Rákosi letartóztatja Péter Gábort.",
    "június 13–16. – Moszkvában megbírálják Rákosit.",
    "szeptember 28–október 3. – Londoni konferencia.",
    "szeptember – Hadrendbe áll a Nautilus.",
    "az év folyamán – Vesetranszplantáció Bostonban.",
    "karácsony körül – Rákosi Moszkvában.",
    "December 24. – Vasúti baleset.",
    "május 20. Megjelenik a Rock Around the Clock.",
    "és június 10. – június 17. Stockholm, lovasversenyek.",
    "december 23. – Közlemény szükségességét.Határozatlan dátumú eseményekjúnius – Az SZKP levele.",
    "február 30. – Lehetetlen nap.",
    "janur 5. – Ismeretlen hónap.",
    "május 1. –",
    "Elvis Presley lemezre veszi a számot",
    "március 16. – Richard Matthew Stallman szabad szoftver aktivista",
    "december 29. – Stanley Williams Az egyik vezető († 2005)",
    "február 13. – Háry László repülő vezérőrnagy (* 1890)",
    "november 8. – Ivan Bunyin orosz író († 1870)",
    "február 13. – Jan Łukasiewicz matematikus (\u0308* 1878)",
    "A Nobel-díjat a svéd Alfred Nobel alapította.",
    "↑ Baló–Lipovecz: Tények Könyve",
    "Az 1956-os forradalom és szabadságharc Magyarország népének forradalma.",
    "",
    "   ",
)

line_forms = st.one_of(
    st.sampled_from(SEED_LINES), st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=80)
)


def check(lines):
    result = parse_rows([SourceText("fuzz.txt", "0" * 64, "utf-8", tuple(lines))])
    assert sorted(role.line for role in result.roles) == list(range(1, len(lines) + 1))
    ids = [record.record_id for record in result.records]
    assert len(ids) == len(set(ids))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(line_forms, max_size=40))
def test_mixes_of_real_line_forms(lines):
    check(lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60).map(lambda t: t.replace("\r", " ").replace("\n", " ")), max_size=30))
def test_arbitrary_text(lines):
    check(lines)


# --- the vectorised hints are necessary conditions of the patterns they stand in for -------------

_GLUED_PARTS = ("Sport", "Tudomány", "Határozatlan dátumú események", "június", "május 5", "– ", ". ", ".", "a", "A", " ", "1")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_GLUED_PARTS) | st.characters(blacklist_categories=["Cs"]), max_size=8), max_size=12))
def test_glued_heading_hint_marks_every_line_the_pattern_cuts(parts):
    from evkonyv.parsing.lines import glued_heading_lines, split_glued_headings

    lines = ["".join(part) for part in parts] + [line for line in SEED_LINES]
    candidates = glued_heading_lines(lines)
    for number, line in enumerate(lines, start=1):
        if split_glued_headings(line)[1]:
            assert number in candidates, line
