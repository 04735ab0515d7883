"""prlint: a compliance linter for press-release drafts.

The package is laid out so that its architecture can be read from the file
names: ``document`` (the draft and its parts), ``packs`` (JSON rule packs,
validated and compiled), ``kinds/`` (one module per check kind), ``engine``
(rules applied to a document), ``formatters/`` (findings to text) and ``cli``
(the only place that prints or exits).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text"]

if TYPE_CHECKING:
    from checker.api import lint_text


def __getattr__(name: str) -> Any:
    """Import :func:`checker.api.lint_text` when it is first asked for (PEP 562).

    ``import checker`` then costs nothing, so the ``prlint`` command can
    set up its start-up (:mod:`checker.command`) before prlint's modules load.
    """
    if name == "lint_text":
        from checker.api import lint_text

        return lint_text
    raise AttributeError(f"module 'checker' has no attribute {name!r}")


def __dir__() -> list[str]:
    """List ``lint_text`` too, before it is first imported."""
    return sorted({*globals(), *__all__})
