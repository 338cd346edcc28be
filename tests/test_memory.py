"""Giving freed memory back to the system (evkonyv.tables.memory)."""

from __future__ import annotations

import platform

from evkonyv.tables import memory


def test_the_c_librarys_free_pages_are_given_back_where_it_can_be_asked():
    """On glibc (the machines this runs on) ``malloc_trim`` is found and called; elsewhere nothing is
    called and the caller is told so."""
    trimmed = memory.trim_freed_memory()
    assert trimmed is (platform.libc_ver()[0] == "glibc")


def test_a_c_library_without_malloc_trim_is_no_error(monkeypatch):
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda name: None)
    memory._malloc_trim.cache_clear()
    try:
        assert memory.trim_freed_memory() is False
    finally:
        memory._malloc_trim.cache_clear()
