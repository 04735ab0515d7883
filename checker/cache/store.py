"""prlint's cache: work that is the same from run to run, done once, and trusted only when signed.

Everything is kept under ``$XDG_CACHE_HOME/prlint`` (by default
``~/.cache/prlint``): which packs passed schema validation, the rule sets
loaded from them (:func:`checker.packs.loader.load_packs`), the word tables
built from installed packages, the compiled patterns
(:mod:`checker.matching.pattern_cache`), the hash of prlint's own files and
each draft's findings (:mod:`checker.cache.results`).

That folder is not trusted. A CI job restores it from whatever an earlier
job saved, perhaps one run on an untrusted pull request, and a shared or
copied folder can hold anything. So every entry is sealed: it starts with a
keyed BLAKE2b tag (:mod:`checker.cache.digest`) over its kind, its name and
its value, under a 32-byte secret of this user's kept *outside* the cache
folder, in ``$XDG_STATE_HOME/prlint/cache-key`` (by default
``~/.local/state``; mode 0600, created once, atomically), or given as 64 hex
digits in ``PRLINT_CACHE_SECRET`` (a CI job takes it from its secret store).
An entry that does not verify, because it was written by someone without the
secret, renamed from another entry, cut short or flipped, is ignored and its
work done again; so is one that verifies but does not have the shape its
reader expects. A restored cache without the secret beside it therefore
never verifies: it only costs one rebuild. Reads are bounded, refuse what is
not a regular file, and reach no decoder (``marshal``, or ``pickle`` for
rule sets) before the seal has been checked.

``PRLINT_NO_CACHE=1`` turns every cache off for the process; so does
:func:`disable` (``--no-cache``) from the moment it is called. When the
folder or the secret cannot be read or written, the work is simply done
every time.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from checker.cache.digest import hex_digest, keyed_digest, same_digest

T = TypeVar("T")

#: Bytes of the seal (a keyed BLAKE2b tag) at the start of every entry.
TAG_BYTES = 32
#: Bytes of the secret.
SECRET_BYTES = 32
#: The largest entry read back (the English table, the largest, is 2.6 MB).
MAX_ENTRY_BYTES = 64 * 2**20
#: The payload of a pack's validation entry: the seal over its name is the whole message.
_VALID = b"valid"

_disabled = False
_secrets: dict[str, bytes] = {}


def disable() -> None:
    """Turn every cache off for the rest of the process: nothing is read or written.

    The command line calls this for ``--no-cache`` (through the runner).
    """
    global _disabled
    _disabled = True


def enabled() -> bool:
    """Tell whether caches may be read and written now."""
    return not _disabled and not os.environ.get("PRLINT_NO_CACHE")


def cache_root() -> Path | None:
    """Return prlint's cache folder, or None when caching is turned off."""
    if not enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "prlint"


def cache_dir(kind: str = "valid-packs") -> Path | None:
    """Return the cache folder for *kind*, or None when caching is turned off."""
    root = cache_root()
    return None if root is None else root / kind


def secret_path() -> Path:
    """Return where this user's cache secret lives: beside the state, never in the cache."""
    base = os.environ.get("XDG_STATE_HOME") or ""
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "prlint" / "cache-key"


# -- sealed entries ---------------------------------------------------------------


def read_entry(kind: str, name: str) -> bytes | None:
    """Return the value stored as *name* of *kind* if its seal verifies, else None."""
    payload = _verified(kind, name)
    return None if payload is None else bytes(payload)


def _verified(kind: str, name: str) -> memoryview | None:
    """Return a view of the verified value of an entry (no copy: the English table is 2.6 MB)."""
    folder = cache_dir(kind)
    if folder is None:
        return None
    data = _read_regular(folder / name, TAG_BYTES + MAX_ENTRY_BYTES)
    if data is None or len(data) < TAG_BYTES:
        return None
    key = _secret(create=False)
    if key is None:
        return None
    view = memoryview(data)
    if not same_digest(view[:TAG_BYTES], _seal(key, kind, name, view[TAG_BYTES:])):
        return None
    return view[TAG_BYTES:]


def write_entry(kind: str, name: str, payload: bytes) -> None:
    """Store *payload* as *name* of *kind*, sealed; skipped when the cache cannot be written."""
    root = cache_root()
    if root is None or len(payload) > MAX_ENTRY_BYTES:
        return
    key = _secret(create=True)
    if key is None:
        return
    _write_atomically(root, root / kind / name, _seal(key, kind, name, payload) + payload)


def read_value(kind: str, name: str, valid: Callable[[object], bool]) -> object | None:
    """Return the marshalled value stored as *name* if it verifies and ``valid(value)``.

    The seal is checked before ``marshal`` sees a byte; the shape after, so
    that an entry of another layout is rebuilt rather than misread.
    """
    payload = _verified(kind, name)
    if payload is None:
        return None
    try:
        value = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return value if valid(value) else None


def write_value(kind: str, name: str, value: Any) -> None:
    """Store a marshal-able *value* as *name* of *kind*, sealed."""
    try:
        payload = marshal.dumps(value)
    except ValueError:  # not marshal-able: nothing to keep
        return
    write_entry(kind, name, payload)


def read_pickled(kind: str, name: str, valid: Callable[[object], bool]) -> object | None:
    """Return the pickled value stored as *name* if it verifies and ``valid(value)``.

    Unpickling runs whatever code its input names, so only an entry sealed
    under this user's secret, by this user's prlint, ever reaches it.
    """
    payload = _verified(kind, name)
    if payload is None:
        return None
    import pickle  # imported only once an entry has verified

    try:
        value = pickle.loads(payload)
    except Exception:  # an entry of classes changed since: rebuilt, never fatal
        return None
    return value if valid(value) else None


def write_pickled(kind: str, name: str, value: Any) -> None:
    """Store *value*, pickled, as *name* of *kind*, sealed; skipped when it does not pickle."""
    if cache_root() is None:
        return
    import pickle  # only a run that builds something to keep needs it

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    write_entry(kind, name, payload)


def _seal(key: bytes, kind: str, name: str, payload: bytes | memoryview) -> bytes:
    """Return the tag of an entry: it covers the entry's place too, so none can be moved."""
    header = f"prlint cache 1\0{kind}\0{name}\0".encode("utf-8", "surrogateescape")
    return keyed_digest(key, header, payload)


# -- the secret ---------------------------------------------------------------------


def _secret(create: bool) -> bytes | None:
    """Return this user's cache secret, creating it when *create*; None when unusable.

    Read once per process (per location). A secret inside the cache folder
    would travel with it, so one there is refused.
    """
    given = os.environ.get("PRLINT_CACHE_SECRET")
    if given is not None:  # from a CI's secret store: the cache folder never holds it
        return _secret_from_hex(given)
    path = secret_path()
    found = _secrets.get(str(path))
    if found is None:
        root = cache_root()
        if root is not None and _inside(path, root):
            return None
        found = _read_secret(path)
        if found is None and create:
            found = _create_secret(path)
        if found is not None:
            _secrets[str(path)] = found
    return found


def _secret_from_hex(given: str) -> bytes | None:
    """Return the secret given as 64 hex digits, or None (caches off) for anything else."""
    try:
        key = bytes.fromhex(given.strip())
    except ValueError:
        return None
    return key if len(key) == SECRET_BYTES else None


def _inside(path: Path, folder: Path) -> bool:
    """Tell whether *path* lies inside *folder* (after symbolic links)."""
    try:
        path.parent.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _read_secret(path: Path) -> bytes | None:
    """Read the secret: a regular file of this user's, readable by no one else, of 32 bytes."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if (
            not stat.S_ISREG(status.st_mode)
            or status.st_mode & 0o077
            or (hasattr(os, "getuid") and status.st_uid != os.getuid())
        ):
            return None
        data = os.read(descriptor, SECRET_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) == SECRET_BYTES else None


def _create_secret(path: Path) -> bytes | None:
    """Create the secret atomically (whole, mode 0600), unless another process just did."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = _new_temporary(path.parent)  # mode 0600
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(os.urandom(SECRET_BYTES))  # what secrets uses; importing it costs 3 ms
                stream.flush()
                os.fsync(stream.fileno())
            os.link(temporary, path)  # fails if it exists: O_EXCL for a file that is whole
        except FileExistsError:
            pass  # another process made it first: use that one
        finally:
            os.unlink(temporary)
    except OSError:
        return None
    return _read_secret(path)


# -- files --------------------------------------------------------------------------

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _read_regular(path: Path, limit: int) -> bytearray | None:
    """Return the bytes of *path* if it is a regular file of at most *limit* bytes.

    Not a FIFO (which would block), a device (``/dev/zero`` never ends) or
    a symbolic link to one: the folder is not trusted. Read into one buffer
    of the size ``fstat`` gives; a file that grows meanwhile is refused.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        with os.fdopen(descriptor, "rb", buffering=0, closefd=False) as stream:
            data = bytearray(status.st_size + 1)
            view = memoryview(data)
            size = 0
            while size < len(data):
                count = stream.readinto(view[size:])
                if not count:
                    break
                size += count
            view.release()
    except OSError:
        return None
    finally:
        os.close(descriptor)
    if size > status.st_size:
        return None
    del data[size:]
    return data


def _write_atomically(root: Path, path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file; give up quietly on failure.

    A folder below *root* that is a symbolic link is not followed: a
    restored cache could point one anywhere.
    """
    if any(folder.is_symlink() for folder in path.parents if root in folder.parents):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = _new_temporary(path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        pass


_TEMPORARY_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def _new_temporary(folder: Path) -> tuple[int, str]:
    """Create a new file of mode 0600 in *folder*, open for writing: its descriptor and path.

    What ``tempfile.mkstemp`` does, without importing ``tempfile``: it brings
    ``shutil``, ``random`` and the compression modules, 3 ms of the 230 ms
    of a one-draft run, and every run that lints a new draft writes its
    findings here. A name already taken (``O_EXCL``) is drawn again.
    """
    for _attempt in range(100):
        temporary = os.path.join(folder, f".tmp-{os.urandom(8).hex()}")
        try:
            return os.open(temporary, _TEMPORARY_FLAGS, 0o600), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free temporary name")


# -- the two small caches of this module -------------------------------------------


def validation_key(data: bytes, schema: str) -> str:
    """Return the key under which a pack's successful validation is remembered."""
    from checker import __version__

    return hex_digest(__version__.encode() + schema.encode() + data)


def known_valid(key: str) -> bool:
    """Tell whether a pack with this key was validated before (by this user's prlint)."""
    return read_entry("valid-packs", key) == _VALID


def remember_valid(key: str) -> None:
    """Remember a successful validation; a cache that cannot be written is skipped."""
    write_entry("valid-packs", key, _VALID)


def built_data(
    name: str, versions: str, build: Callable[[], T], valid: Callable[[object], bool]
) -> T:
    """Return ``build()``, loaded from the cache when *name* was built with these *versions*.

    The value must be marshal-able (sets, dicts, strings, bytes); *valid*
    tells whether a stored value has the shape ``build`` gives. Anything
    else in the cache is rebuilt and written again.
    """
    key = hex_digest(f"{name}\0{versions}\0{sys.version}".encode())[:24]
    entry = f"{name}-{key}.marshal"
    stored = read_value("data", entry, valid)
    if stored is not None:
        return stored  # type: ignore[return-value]  # valid() checked its shape
    value = build()
    write_value("data", entry, value)
    return value


def package_stamp(name: str, times: bool = False) -> str:
    """Return the names and sizes of an installed package's files (and times), without importing it.

    What keys work built from a package: the word tables from the word-list
    packages, the findings from every package the checks run on. Sizes, not
    times, by default: pip gives every file of a fresh install a new time, and a
    CI job installing the same versions would rebuild everything. *times* adds
    the modification times, for entries that hold a package's own compiled code
    (a rule set's patterns), where any reinstall must rebuild. Reading a
    version through ``importlib.metadata`` cost 19 ms, most of it importing it.
    """
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return "missing"
    folder = os.path.dirname(spec.origin)
    stamps = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(entry for entry in folders if entry != "__pycache__")
        for file in sorted(files):
            status = os.stat(os.path.join(root, file))
            stamp = f"{os.path.relpath(os.path.join(root, file), folder)}:{status.st_size}"
            stamps.append(f"{stamp}:{status.st_mtime_ns}" if times else stamp)
    return ";".join(stamps)
