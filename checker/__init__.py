"""prlint: a compliance linter for press-release drafts.

The package is laid out so that its architecture can be read from the file
names: ``document`` (the draft and its parts), ``packs`` (JSON rule packs,
validated and compiled), ``kinds/`` (one module per check kind), ``engine``
(rules applied to a document), ``formatters/`` (findings to text) and ``cli``
(the only place that prints or exits).
"""

from __future__ import annotations

__version__ = "0.1.0"

from checker.api import lint_text  # noqa: E402  (re-export after __version__)

__all__ = ["__version__", "lint_text"]
