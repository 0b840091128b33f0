"""The render cache holds data, never code: entries are decoded, not unpickled."""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from smartind.cli import _cache as render_cache
from smartind.cli._cache_codec import CacheFormatError, decode, encode
from smartind.compose import compose
from smartind.document import Document, Metadata, Paragraph, Text
from smartind.errors import SmartindWarning
from smartind.examples import bundled_example_path
from smartind.load import load_report
from tests.test_document_json import documents

KEY = "a" * 64


def _store(folder: Path, payload: bytes) -> None:
    """An entry with a valid checksum around ``payload``: what anyone with write access can make."""
    folder.mkdir(exist_ok=True)
    entry = render_cache._FORMAT + hashlib.sha256(payload).digest() + payload
    (folder / f"render-{KEY}.json").write_bytes(entry)


class _Opens:
    """Unpickling this opens a file for writing, which creates it: proof that code ran."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.path), "w")


def test_a_pickle_in_an_entry_is_a_miss_and_runs_nothing(tmp_path: Path) -> None:
    proof = tmp_path / "koden-kördes"
    _store(tmp_path / "cache", pickle.dumps(_Opens(proof)))
    assert render_cache.read_entry(tmp_path / "cache", KEY) is None
    assert not proof.exists()


def test_an_entry_larger_than_the_cap_is_a_miss_and_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    with (folder / f"render-{KEY}.json").open("wb") as handle:
        handle.truncate(3 * 2**30)  # sparse: reading it would take 3 GB
    assert render_cache.read_entry(folder, KEY) is None


def test_an_unknown_node_type_is_a_miss(tmp_path: Path) -> None:
    _store(tmp_path / "cache", b'{"document": ["Subprocess", "ls"], "warnings": []}')
    assert render_cache.read_entry(tmp_path / "cache", KEY) is None


def test_a_node_that_fails_its_validators_is_a_miss() -> None:
    payload = encode(Document(Metadata("R"), [Paragraph([Text("x")])]), ())
    with pytest.raises(CacheFormatError):
        decode(payload.replace(b'"R"', b"42"))


def test_a_warning_category_outside_smartind_is_not_imported() -> None:
    payload = encode(Document(Metadata("R"), []), ())
    forged = payload.replace(b'"warnings":[]', b'"warnings":[["antigravity:X","m","f",1]]')
    with pytest.raises(CacheFormatError, match="not smartind's or Python's"):
        decode(forged)
    assert "antigravity" not in sys.modules


def test_the_bundled_report_round_trips_with_its_warnings() -> None:
    document = compose(load_report(bundled_example_path()))
    issued = ((SmartindWarning, "ett meddelande", "01.md", 3), (UserWarning, "m", "f.py", 1))
    assert decode(encode(document, issued)) == (document, issued)


@settings(max_examples=100, deadline=None)
@given(documents)
def test_every_document_round_trips(document: Document) -> None:
    assert decode(encode(document, ())) == (document, ())
