"""Remember which rule packs passed schema validation, by content hash.

Validating every pack on every run costs more than linting a draft, and
importing jsonschema alone takes a good part of start-up. A pack whose bytes,
schema and prlint version are unchanged since it last validated is not
validated again. The cache is a folder of empty files named by hash under
``$XDG_CACHE_HOME/prlint`` (``PRLINT_NO_CACHE=1`` turns it off); when it
cannot be written, packs are simply validated every time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def validation_key(data: bytes, schema: str) -> str:
    """Return the key under which a pack's successful validation is remembered."""
    from checker import __version__

    return hashlib.sha256(__version__.encode() + schema.encode() + data).hexdigest()


def cache_dir() -> Path | None:
    """Return the cache folder, or None when caching is turned off."""
    if os.environ.get("PRLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "prlint" / "valid-packs"


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
