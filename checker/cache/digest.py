"""How prlint hashes what it keeps: BLAKE2b from CPython's own module, not OpenSSL's.

Every cache key, every name of a kept file and every seal in ``checker.cache``
is a hash; a cold run hashes about 1.2 MB. ``import hashlib`` (and ``hmac``)
loads OpenSSL's libcrypto before it hands out the first digest: about 12
million instructions and 4 MB of memory, for a library whose speed a cold
run does not need. CPython builds BLAKE2 into ``_blake2``, the very module
``hashlib.blake2b`` comes from, and loading it costs nothing measurable; the
standard library's own ``random`` takes SHA-512 from ``_sha512`` for the same
reason. Keyed, BLAKE2b is a message authentication code in itself (RFC 7693,
section 2.9), so a seal needs no HMAC construction around it.

What users see stays SHA-256, the hash any auditor can recompute with
``sha256sum``: the content hashes of packs and drafts in the audit record
(:mod:`checker.outputs.record`) and the fingerprints in a baseline file, whose
meaning must not change under a kept baseline. Those import ``hashlib`` where
they are made, which a cold run never reaches.

On a Python without ``_blake2`` or ``_operator._compare_digest`` (neither is
public API), hashlib's and hmac's versions of the same functions are used.
"""

from __future__ import annotations

try:  # CPython's built-in BLAKE2: what hashlib.blake2b is, without loading OpenSSL first
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b

try:  # what hmac.compare_digest falls back to; hmac itself loads OpenSSL
    from _operator import _compare_digest as _same
except ImportError:  # another Python
    from hmac import compare_digest as _same  # type: ignore[no-redef]

#: Bytes of every digest: as long as a SHA-256, so keys and seals keep their sizes.
DIGEST_BYTES = 32


def new_digest() -> blake2b:
    """Return a hash to feed in parts with ``update`` (32-byte BLAKE2b)."""
    return blake2b(digest_size=DIGEST_BYTES)


def hex_digest(data: bytes) -> str:
    """Return the hash of *data* as 64 hex digits."""
    return blake2b(data, digest_size=DIGEST_BYTES).hexdigest()


def keyed_digest(key: bytes, *parts: bytes | memoryview) -> bytes:
    """Return the tag of *parts* under the secret *key* (keyed BLAKE2b: a MAC, not a plain hash)."""
    tag = blake2b(key=key, digest_size=DIGEST_BYTES)
    for part in parts:
        tag.update(part)
    return tag.digest()


def same_digest(first: bytes | memoryview, second: bytes | memoryview) -> bool:
    """Tell whether two tags are equal, in time that does not depend on where they differ."""
    return _same(first, second)
