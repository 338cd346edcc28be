"""Publishing: release files in, a release in the output folder out.

``outputs`` decides which folder may be replaced and holds its lock, ``previous`` reads the
release already there (and guards against losing most of it), ``publish`` swaps the new release
in, all or nothing.
"""
