"""Tables: parse results in, validated pandas tables and their file bytes out.

``build`` makes the published tables from the records (their columns are the pandera models'
of :mod:`evkonyv.schemas`), ``serialise`` writes them as Parquet and CSV bytes.
"""
