"""The published release: tables plus the data package, docs, checksums, changelog and page."""
