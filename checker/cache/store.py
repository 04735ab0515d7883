"""prlint's cache: work that is the same from run to run, done once.

Two things are kept under ``$XDG_CACHE_HOME/prlint`` (``PRLINT_NO_CACHE=1``
turns the cache off; when it cannot be written, the work is simply done every
time):

- which rule packs passed schema validation, by content hash: validating
  every pack costs more than linting a draft, and importing jsonschema alone
  is a good part of start-up;
- data built from installed packages (the English vocabulary), keyed by the
  packages' versions, stored with ``marshal``: loading it takes a sixth of the
  time building it does.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def validation_key(data: bytes, schema: str) -> str:
    """Return the key under which a pack's successful validation is remembered."""
    from checker import __version__

    return hashlib.sha256(__version__.encode() + schema.encode() + data).hexdigest()


def cache_dir(kind: str = "valid-packs") -> Path | None:
    """Return the cache folder for *kind*, or None when caching is turned off."""
    if os.environ.get("PRLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "prlint" / kind


def known_valid(key: str) -> bool:
    """Tell whether a pack with this key was validated before."""
    folder = cache_dir()
    return folder is not None and (folder / key).exists()


def remember_valid(key: str) -> None:
    """Remember a successful validation; a cache that cannot be written is skipped."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
    except OSError:
        pass


def built_data(name: str, versions: str, build: Callable[[], T]) -> T:
    """Return ``build()``, loaded from the cache when *name* was built with these *versions*.

    The value must be marshal-able (sets, dicts, strings). A damaged or stale
    cache file is rebuilt; the file is written atomically.
    """
    folder = cache_dir("data")
    key = hashlib.sha256(f"{name}\0{versions}\0{sys.version}".encode()).hexdigest()[:24]
    path = folder / f"{name}-{key}.marshal" if folder else None
    if path is not None and path.exists():
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass
    value = build()
    if path is not None:
        write_atomically(path, marshal.dumps(value))
    return value


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file; give up quietly on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
