"""The ``regex`` module's C engine, with its Python half imported only to parse a pattern.

``import regex`` runs ``regex/_main.py`` and ``regex/_regex_core.py``: the
pattern parser and compiler, written in Python, with its enums and tables.
That cost 48 million instructions, 7% of a cold lint of one release, and it
was wasted there. Every pattern of such a run comes compiled from the
signed pattern cache or the rule-set cache, and is built by
``regex._regex.compile``, a function of the C extension. Searching,
matching, substituting with a literal replacement and splitting are all
done in C.

So prlint loads the extension module on its own, under its usual name
``regex._regex``, and imports ``regex`` itself (:func:`full`) only to parse
a pattern: when a cache misses, a user's pack is validated, or a
replacement template is expanded. The flag values and :func:`escape` are
given here, checked against ``regex``'s own by the tests, so that building
a pattern's source needs no parser either.

When the extension cannot be found this way (an unusual install), or
``regex`` is already imported, :func:`c_module` is simply ``regex._regex``,
imported the usual way. Either way there is one extension module in the
process: a later ``import regex`` finds ``regex._regex`` in ``sys.modules``
and uses it, so its patterns and ours are of the same type.
"""

from __future__ import annotations

import copyreg
import functools
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from checker.cache import store

if TYPE_CHECKING:
    import regex

#: ``regex``'s flag values (``regex.IGNORECASE`` and so on); the tests compare them with its own.
IGNORECASE = 0x2
MULTILINE = 0x8
DOTALL = 0x10
VERBOSE = 0x40
VERSION0 = 0x2000
VERSION1 = 0x100

#: What ``regex.escape`` puts a backslash before, besides white space (``regex._main._METACHARS``).
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")

_NAME = "regex._regex"
_c_module: ModuleType | None = None


def c_module() -> ModuleType:
    """Return the extension module ``regex._regex``, loading it without ``regex``'s Python part."""
    global _c_module
    if _c_module is None:
        _c_module = sys.modules.get(_NAME) or _load_alone() or _imported()
    return _c_module


def full() -> Any:
    """Return the ``regex`` module itself, importing it (its parser, compiler and flags) now.

    Typed as Any: only the callers that parse patterns need it, and they are
    typed against ``regex`` under ``TYPE_CHECKING``.
    """
    c_module()  # first, so that regex finds the one extension module already loaded
    import regex

    _pickle_with_build(regex.Pattern)  # in place of the reduction regex has just registered
    return regex


def error_type() -> type[Exception]:
    """Return ``regex.error``, what compiling a pattern from its source raises when it is invalid."""
    error: type[Exception] = full().error
    return error


@functools.cache
def stamp() -> str:
    """Return what identifies the installed ``regex``: its files' names, sizes and times.

    It keys the caches of compiled patterns and of their required strings,
    which a new version must work out afresh. ``regex.__version__`` would
    import the parser this module exists to leave out. Kept for the
    process: the engine it loaded does not change while it runs.
    """
    return store.package_stamp("regex", times=True)


def build(arguments: tuple) -> regex.Pattern:
    """Build a compiled pattern from the arguments ``regex`` pickles it as (see pattern_cache)."""
    pattern = c_module().compile(*arguments)
    _pickle_with_build(type(pattern))
    return pattern


def _pickle_with_build(pattern_type: type) -> None:
    """Have ``pickle`` write a pattern as a call of :func:`build` with its compiled data.

    ``regex`` registers its own reduction when it is imported, to a call of
    ``regex._regex.compile``. Unpickling that imports the ``regex`` package,
    parser and all (``pickle`` imports a module's parent package), and a
    rule set read from its cache is unpickled on every run. :func:`build`
    lives here, in a module the reader has imported already. The arguments
    are the same either way, and this reduction also serves a pattern
    pickled before ``regex`` is imported at all (``--jobs`` and Dask send
    rule sets to workers).
    """
    if copyreg.dispatch_table.get(pattern_type) is not _reduce:
        copyreg.pickle(pattern_type, _reduce)


def _reduce(pattern: Any) -> tuple[Any, tuple]:
    return build, (pattern._pickled_data,)


def escape(text: str) -> str:
    """Return ``regex.escape(text)``: a backslash before each special character and white space."""
    return "".join("\\" + char if char in _METACHARS or char.isspace() else char for char in text)


def _load_alone() -> ModuleType | None:
    """Load the extension from ``regex``'s folder, ``regex/__init__.py`` not run; None if not found."""
    if "regex" in sys.modules:
        return None
    try:
        package = importlib.util.find_spec("regex")  # finds the package; imports nothing
        if package is None or not package.submodule_search_locations:
            return None
        spec = importlib.machinery.PathFinder.find_spec(
            _NAME, list(package.submodule_search_locations)
        )
        if spec is None or not isinstance(spec.loader, importlib.machinery.ExtensionFileLoader):
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except (ImportError, OSError, ValueError):
        return None
    sys.modules[_NAME] = module
    return module


def _imported() -> ModuleType:
    """Import the extension the usual way, ``regex`` and all."""
    from regex import _regex

    return _regex
