"""The cache's hashes: standard BLAKE2b, keyed seals, and no OpenSSL in a warm run."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from checker.cache import digest, store
from checker.packs.loader import builtin_pack_paths, load_packs
from tests.helpers import run_listing_modules

DRAFT = "Acme Corp. said today that it plans to to file its annual report.\n"


def test_the_hashes_are_the_standard_blake2b() -> None:
    data = b"prlint \x00 cache"
    assert digest.hex_digest(data) == hashlib.blake2b(data, digest_size=32).hexdigest()
    fed = digest.new_digest()
    fed.update(b"prlint \x00 ")
    fed.update(b"cache")
    assert fed.hexdigest() == digest.hex_digest(data)
    key = bytes(range(32))
    assert digest.keyed_digest(key, b"prlint ", memoryview(b"\x00 cache")) == (
        hashlib.blake2b(data, key=key, digest_size=32).digest()
    )


def test_a_seal_depends_on_the_key_and_is_compared_exactly() -> None:
    tag = digest.keyed_digest(b"k" * 32, b"entry")
    assert tag != digest.keyed_digest(b"j" * 32, b"entry")
    assert tag != digest.keyed_digest(b"k" * 32, b"entrz")
    assert digest.same_digest(memoryview(tag), tag)
    assert not digest.same_digest(tag, tag[:-1] + bytes([tag[-1] ^ 1]))
    assert len(tag) == store.TAG_BYTES


def test_packs_keep_their_sha256_for_the_audit_record(cache) -> None:
    fresh = load_packs(builtin_pack_paths())
    kept = load_packs(builtin_pack_paths())  # from the cache this time
    for ruleset in (fresh, kept):
        for pack in ruleset.packs:
            data = Path(pack.path).read_bytes()
            assert pack.sha256 == hashlib.sha256(data).hexdigest()
            assert pack.digest == digest.hex_digest(data)


@pytest.mark.slow
def test_a_run_with_warm_caches_loads_no_openssl(tmp_path, cache) -> None:
    for name, text in (("first.txt", DRAFT), ("second.txt", DRAFT + "It expects growth.\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        run = run_listing_modules(("hashlib", "hmac", "_hashlib"), "--quiet", str(path))
    assert "core.doubled-word" in run.stdout  # a new draft at a new path: checked, not looked up
    assert run.stderr.strip() == "[]"
