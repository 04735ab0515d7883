"""The ``prlint`` command's entry point: its start-up runs without the cyclic garbage collector.

Starting prlint imports about 250 modules: code objects, functions, classes
and tables that live until the process ends. Python's cyclic collector walks
the objects it tracks whenever enough new ones have been made, so during the
imports it walks the same live objects again and again and frees nothing.
The command turns the collector off while it imports prlint, then freezes
what the imports made (``gc.freeze``: the collector never walks those
objects again) and turns it back on before any draft is read, so that a long
run over an archive collects its garbage as usual. A run on one draft takes
1.1% fewer instructions (callgrind).

Only the command does this, as only it leaves through ``os._exit``
(:func:`checker.cli.console`): a library caller or a test importing
:mod:`checker.api` keeps its collector as it was.
"""

from __future__ import annotations

import gc
from typing import NoReturn


def console() -> NoReturn:
    """The ``prlint`` command: import prlint with the collector off, then run it with it on."""
    gc.disable()
    try:
        from checker.cli import console as command
    finally:
        gc.freeze()
        gc.enable()
    command()
