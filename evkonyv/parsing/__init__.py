"""Parsing: decoded lines in, articles, records and every line's role out.

Splits a file into articles and finds repeated ones (``articles``), recognises the kinds of
lines (``lines``), reads the Hungarian dates (``dates``), people (``people``) and sections
(``sections``) with the language data in ``data/`` (``hungarian``), and builds the events,
births and deaths of a year article (``records``); ``parse`` runs it per file and combines the
files, ``accounting`` checks that every raw line is accounted for, ``cache`` keeps parsed files.
"""
