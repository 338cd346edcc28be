"""Synthetic raw corpora for benchmarks: N distinct year articles built from the real line forms.

    python -m benchmarks.generate N OUT_DIR [--per-file K]

Years count up from 1000, so every article is distinct; the text of each line mixes words
of the seed article with the year and the line number, so no two lines repeat. The RNG is
seeded: the same N gives the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from evkonyv.parsing.hungarian import MONTH_NAMES

SEED = Path(__file__).resolve().parents[1] / "raw" / "huwiki_1953-1956.txt"
NAV = "Évtizedek: 1900-as évek – 1910-es évek – 1920-as évek – 1930-as évek – 1940-es évek – 1950-es évek"
NOBEL = "A Nobel-díjat a svéd Alfred Nobel alapította, 1901 óta adják át, melyet a Svéd Királyi Tudományos Akadémia ítél oda."
NAMES = ["Kovács János", "Szabó Éva", "Gerd von Rundstedt", "Balázs F. Attila", "Cs. Sebestyén Károly", "Hans Fritzsche,",
         "Stan Sakai", "Parti Nagy Lajos", "Enrico Fermi,", "Frida Kahlo,", "Nagy Imre", "Juho Kusti Paasikivi"]  # fmt: skip


def word_list() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return sorted({word for word in text.split() if word.isalpha() and word.islower() and len(word) > 3})


def _day(rng: random.Random, year: int, month: int) -> int:
    return rng.randint(1, 28 if month == 2 else 30)


def _calendar(rng: random.Random, year: int, count: int) -> list[tuple[int, int]]:
    """``count`` (month, day) pairs in calendar order, as the articles list them."""
    return sorted((month, _day(rng, year, month)) for month in (rng.randint(1, 12) for _ in range(count)))


def year_article(year: int, rng: random.Random, words: list[str]) -> list[str]:
    sentence = lambda n: " ".join(rng.choice(words) for _ in range(n))  # noqa: E731
    window = " – ".join(str(y) for y in range(year - 5, year + 6))
    lines = [NAV, f"Évek: {window}"]
    for index, (month, day) in enumerate(_calendar(rng, year, 40)):
        form = rng.random()
        if form < 0.7:
            lines.append(f"{MONTH_NAMES[month]} {day}. – {sentence(rng.randint(8, 40)).capitalize()} ({year}/{index}).")
        elif form < 0.8:
            lines.append(f"{MONTH_NAMES[month]} {day}–{min(day + 3, 28)}. – {sentence(20).capitalize()} ({year}/{index}).")
        elif form < 0.9:
            lines.append(f"{MONTH_NAMES[month]} – {sentence(15).capitalize()} ({year}/{index}).")
        else:
            lines.append(f"{sentence(25).capitalize()} ({year}/{index}).")  # a sub-item whose date was lost
    lines.append(f"az év folyamán – {sentence(20).capitalize()} ({year}/év).")
    lines += [f"{sentence(30).capitalize()} ({year}/téma {i})." for i in range(3)]
    for month, day in _calendar(rng, year, 8):
        lines.append(f"{MONTH_NAMES[month]} {day}. – {rng.choice(NAMES)} {sentence(6)} ({year})")
    for month, day in _calendar(rng, year, 10):
        lines.append(f"{MONTH_NAMES[month]} {day}. – {rng.choice(NAMES)} {sentence(8)} (* {year - rng.randint(20, 90)})")
    lines += [NOBEL, f"↑ Forrás: {sentence(6)} ({year})"]
    return lines


def generate(count: int, folder: Path, per_file: int = 50) -> list[Path]:
    rng, words = random.Random(count), word_list()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for first in range(0, count, per_file):
        lines: list[str] = []
        for offset in range(first, min(first + per_file, count)):
            lines += year_article(1000 + offset, rng, words)
        path = folder / f"synthetic_{first:05d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--per-file", type=int, default=50)
    arguments = parser.parse_args()
    paths = generate(arguments.count, arguments.folder, arguments.per_file)
    print(f"{arguments.count} articles in {len(paths)} files, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
