"""Reading: raw files in, decoded and normalised lines out.

Finds the raw files (``sources``), decodes their bytes (``decoding``: UTF-8/16/32, the Central
European code pages) and puts every line in one Unicode spelling (``normalise``). Gives
:class:`evkonyv.reading.sources.SourceText`: a file's name, digest, encoding and lines.
"""
